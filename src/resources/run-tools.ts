import type { StandardSchemaV1 } from "@standard-schema/spec";
import { ToolRoundsExceededError } from "../errors/tool-rounds.js";
import { ValidationError } from "../errors/validation.js";
import { isStandardSchema, summarizeIssues, toJSONSchema, validateStandard, type JSONSchemaObject } from "../schema/standard.js";
import type { ChatAssistantMessage, ChatCompletion, ChatCompletionChunk, ChatCreateParams, ChatMessage, ChatTool, ChatToolCall, CompletionUsage } from "../types/chat.js";
import { servedBy } from "../call-context.js";
import type { ChatSettings, CreateChatCompletion } from "../types/chat-create.js";
import type { RequestOptions } from "../types/request.js";
import { addUsage } from "../usage.js";
import { ToolRunner } from "./tool-runner.js";

/** What a tool's `run` receives besides its arguments. */
export interface ToolRunContext {
  /** The call as the model made it. */
  call: ChatToolCall;
  /** 1-based round (model request) that made the call. */
  round: number;
  /** The caller's signal, to stop long tools. */
  signal?: AbortSignal;
}

/** A function the model may call: its arguments are validated against `parameters` before `run`. */
export interface RunnableTool<S extends StandardSchemaV1 = StandardSchemaV1, R = unknown> {
  /** `^[a-zA-Z0-9_-]{1,64}$`, unique among the tools. */
  name: string;
  description?: string;
  /** A Standard Schema for the arguments; its JSON Schema is what the model sees. */
  parameters: S;
  /** JSON Schema to send when `parameters` cannot produce one. */
  jsonSchema?: JSONSchemaObject;
  /** Runs the call; a string is sent back as is, anything else as JSON. A throw stops the run. */
  run: (args: StandardSchemaV1.InferOutput<S>, context: ToolRunContext) => R | Promise<R>;
}

/**
 * Declares a tool with its argument type inferred from the schema.
 * @example const weather = defineTool({ name: "weather", parameters: type({ city: "string" }), run: ({ city }) => lookup(city) });
 */
export function defineTool<S extends StandardSchemaV1, R>(tool: RunnableTool<S, R>): RunnableTool<S, R> {
  return tool;
}

/** Parameters of `chat.completions.runTools`. */
export type RunToolsParams = Omit<ChatSettings, "tools" | "stream"> & {
  // `any`: each tool keeps its own argument type (an array of RunnableTool<unknown> would reject them).
  tools: Array<RunnableTool<any, unknown>>;
  /** Most model requests in the run (default 10); the model still asking for tools then is an error. */
  maxRounds?: number;
  /** Stream each round (events `chunk` and `text` arrive as the model writes). */
  stream?: boolean;
  [extra: string]: unknown;
};

/** What a run reports while it goes; iterate the runner to receive them. */
export type RunToolsEvent =
  | { type: "chunk"; round: number; chunk: ChatCompletionChunk }
  | { type: "text"; round: number; text: string }
  | { type: "completion"; round: number; completion: ChatCompletion }
  | { type: "tool_call"; round: number; call: ChatToolCall; args: unknown }
  | { type: "tool_result"; round: number; call: ChatToolCall; result: unknown; content: string }
  | { type: "tool_error"; round: number; call: ChatToolCall; content: string; issues: ReadonlyArray<StandardSchemaV1.Issue> };

/** What a finished run resolves to. */
export interface RunToolsResult {
  /** The last completion: the final answer. */
  completion: ChatCompletion;
  /** The whole conversation, tool calls and results included; pass it on to continue. */
  messages: ChatMessage[];
  /** Model requests made. */
  rounds: number;
  /** Usage summed over the rounds (with `estimated_cost` when DeepInfra sent it). */
  usage: CompletionUsage;
}

const NAME_RE = /^[a-zA-Z0-9_-]{1,64}$/;

/** Starts nothing until the runner is awaited or iterated. */
export function runTools(create: CreateChatCompletion, params: RunToolsParams, options: RequestOptions = {}): ToolRunner<RunToolsEvent, RunToolsResult> {
  return new ToolRunner(() => runLoop(create, params, options));
}

async function* runLoop(create: CreateChatCompletion, params: RunToolsParams, options: RequestOptions): AsyncGenerator<RunToolsEvent, RunToolsResult> {
  const { tools, maxRounds = 10, stream = false, ...rest } = params ?? ({} as RunToolsParams);
  const wireTools = checkTools(tools, maxRounds);
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  const messages: ChatMessage[] = [...(Array.isArray(rest.messages) ? rest.messages : [])];
  const usage: CompletionUsage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
  let toolChoice = rest.tool_choice;
  // A model that failed over stays failed for the rest of the run: later rounds start from the one that served.
  let model = rest.model;

  for (let round = 1; ; round++) {
    const request = { ...(rest as ChatCreateParams), model, messages: [...messages], tools: wireTools, ...(toolChoice == null ? {} : { tool_choice: toolChoice }) };
    let completion: ChatCompletion;
    if (stream) {
      const chatStream = await create({ ...request, stream: true }, options);
      model = servedBy(chatStream) ?? model;
      for await (const chunk of chatStream) {
        yield { type: "chunk", round, chunk };
        const text = chunk.choices?.[0]?.delta?.content;
        if (text) yield { type: "text", round, text };
      }
      completion = await chatStream.finalCompletion();
    } else {
      completion = await create({ ...request, stream: false }, options);
      model = servedBy(completion) ?? model;
      const text = completion.choices?.[0]?.message?.content;
      if (text) yield { type: "text", round, text };
    }
    addUsage(usage, completion.usage);
    yield { type: "completion", round, completion };

    const reply = completion.choices?.[0]?.message;
    const calls = (reply?.tool_calls ?? []).map((call, i) => (call.id ? call : { ...call, id: `call_${round}_${i}` }));
    const assistant: ChatAssistantMessage = { role: "assistant", content: reply?.content ?? null, ...(calls.length ? { tool_calls: calls } : {}) };
    messages.push(assistant);
    if (calls.length === 0) return { completion, messages, rounds: round, usage };
    if (round >= maxRounds) throw new ToolRoundsExceededError(maxRounds, messages, completion);

    // Check every call first (bad arguments go back to the model, which can correct them), then run the good ones in parallel.
    const prepared: Array<{ call: ChatToolCall; tool?: RunnableTool; args?: unknown; error?: string; issues?: ReadonlyArray<StandardSchemaV1.Issue> }> = [];
    for (const call of calls) {
      const checked = await checkCall(call, byName);
      prepared.push({ call, ...checked });
      if (checked.error === undefined) yield { type: "tool_call", round, call, args: checked.args };
      else yield { type: "tool_error", round, call, content: checked.error, issues: checked.issues ?? [] };
    }
    const results = await Promise.all(
      prepared.map((p) => (p.tool && p.error === undefined ? Promise.resolve(p.tool.run(p.args, { call: p.call, round, signal: options.signal })) : Promise.resolve(undefined))),
    );
    for (const [i, p] of prepared.entries()) {
      let content = p.error;
      if (content === undefined) {
        const result = results[i];
        content = typeof result === "string" ? result : (JSON.stringify(result ?? null) ?? "null");
        yield { type: "tool_result", round, call: p.call, result, content };
      }
      messages.push({ role: "tool", tool_call_id: p.call.id, content });
    }
    // A forced choice ("required" or a named function) on every round would never let the model answer.
    if (toolChoice === "required" || (typeof toolChoice === "object" && toolChoice !== null)) toolChoice = "auto";
  }
}

async function checkCall(call: ChatToolCall, byName: Map<string, RunnableTool>): Promise<{ tool?: RunnableTool; args?: unknown; error?: string; issues?: ReadonlyArray<StandardSchemaV1.Issue> }> {
  const name = call.function?.name ?? "";
  const tool = byName.get(name);
  if (!tool) {
    const message = `Unknown tool ${JSON.stringify(name)}; available: ${[...byName.keys()].join(", ")}.`;
    return { error: `Error: ${message}`, issues: [{ message }] };
  }
  let args: unknown;
  try {
    const raw = call.function.arguments ?? "";
    args = raw.trim() === "" ? {} : JSON.parse(raw);
  } catch (error) {
    const message = `arguments are not valid JSON (${error instanceof Error ? error.message : String(error)})`;
    return { tool, error: `Error: ${message}. Call ${name} again with valid JSON arguments.`, issues: [{ message }] };
  }
  const result = await validateStandard(tool.parameters, args);
  if (result.issues) {
    return { tool, error: `Error: invalid arguments for ${name}:\n${summarizeIssues(result.issues)}\nCall ${name} again with corrected arguments.`, issues: result.issues };
  }
  return { tool, args: result.value };
}

/** Validates the run's own options and builds the wire `tools`, before any request. */
function checkTools(tools: unknown, maxRounds: unknown): ChatTool[] {
  const fail = (message: string, path: PropertyKey[]): never => {
    throw new ValidationError(`Invalid chat.completions.runTools params: ${message}.`, [{ message, path }]);
  };
  if (typeof maxRounds !== "number" || !Number.isInteger(maxRounds) || maxRounds < 1) fail(`maxRounds must be an integer >= 1 (was ${JSON.stringify(maxRounds)})`, ["maxRounds"]);
  if (!Array.isArray(tools) || tools.length === 0) fail("tools must be a non-empty array of { name, parameters, run }", ["tools"]);
  const seen = new Set<string>();
  return (tools as RunnableTool[]).map((tool, i) => {
    if (typeof tool !== "object" || tool === null) fail(`tools[${i}] must be an object`, ["tools", i]);
    if (typeof tool.name !== "string" || !NAME_RE.test(tool.name)) fail(`tools[${i}].name must match ${NAME_RE} (was ${JSON.stringify(tool.name)})`, ["tools", i, "name"]);
    if (seen.has(tool.name)) fail(`tools[${i}].name ${JSON.stringify(tool.name)} is declared twice`, ["tools", i, "name"]);
    seen.add(tool.name);
    if (typeof tool.run !== "function") fail(`tools[${i}].run must be a function`, ["tools", i, "run"]);
    if (!isStandardSchema(tool.parameters)) fail(`tools[${i}].parameters must be a Standard Schema`, ["tools", i, "parameters"]);
    const parameters = toJSONSchema(tool.parameters) ?? tool.jsonSchema;
    if (!parameters) fail(`tools[${i}].parameters cannot produce a JSON Schema; pass tools[${i}].jsonSchema`, ["tools", i, "jsonSchema"]);
    return { type: "function", function: { name: tool.name, ...(tool.description ? { description: tool.description } : {}), parameters } } as ChatTool;
  });
}
