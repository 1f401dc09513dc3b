import type { StandardSchemaV1 } from "@standard-schema/spec";
import { ToolCallTruncatedError } from "../errors/tool-call-truncated.js";
import { ToolRoundsExceededError } from "../errors/tool-rounds.js";
import { summarizeIssues, toJSONSchema, validateStandard, type JSONSchemaObject } from "../schema/standard.js";
import type { ChatAssistantMessage, ChatCompletion, ChatCompletionChunk, ChatCreateParams, ChatMessage, ChatTool, ChatToolCall, ChatToolMessage, CompletionUsage } from "../types/chat.js";
import { runToolsParams } from "../schema/generated/validators.js";
import { check, refuse } from "../schema/runtime.js";
import { servedBy } from "../call-context.js";
import type { ChatSettings, CreateChatCompletion } from "../types/chat-create.js";
import type { RequestOptions } from "../types/request.js";
import { addUsage } from "../usage.js";
import { leakedToolCalls } from "./leaked-tool-calls.js";
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
  /**
   * Ask the user first: the run ends with the call pending (event `approval_request`, result `pendingApprovals`)
   * and resumes when the conversation comes back with `approvals` saying yes or no.
   */
  needsApproval?: boolean | ((args: StandardSchemaV1.InferOutput<S>, context: ToolRunContext) => boolean | Promise<boolean>);
}

/** Which assistant turns keep their `reasoning_content` when sent back to the model. */
export type ReasoningPolicy = "tool-turns" | "all" | "none";

/** The user's answer to an approval request, by tool call id. */
export type ToolApprovals = Readonly<Record<string, boolean | { approved: boolean; reason?: string | undefined }>>;

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
  /**
   * Which assistant turns carry their `reasoning_content` back (default `"tool-turns"`: those with `tool_calls`;
   * thinking models such as DeepSeek V4 or Kimi answer 400 when a tool turn comes back without it).
   */
  keepReasoning?: ReasoningPolicy;
  /**
   * Read tool calls an open model wrote as text (`<tool_call>{…}</tool_call>`, or a reply that is only
   * `{ "name", "arguments" }` naming a declared tool) on `finish_reason: "stop"` as tool calls (default false).
   */
  leakedToolCalls?: boolean;
  /** Answers to approval requests (see `needsApproval`), by tool call id; `toolApprovals(uiMessages)` reads them from `useChat`. */
  approvals?: ToolApprovals;
  [extra: string]: unknown;
};

/** What a run reports while it goes; iterate the runner to receive them. */
export type RunToolsEvent =
  | { type: "chunk"; round: number; chunk: ChatCompletionChunk }
  | { type: "text"; round: number; text: string }
  | { type: "completion"; round: number; completion: ChatCompletion }
  | { type: "tool_call"; round: number; call: ChatToolCall; args: unknown }
  | { type: "tool_result"; round: number; call: ChatToolCall; result: unknown; content: string }
  | { type: "tool_error"; round: number; call: ChatToolCall; content: string; issues: ReadonlyArray<StandardSchemaV1.Issue> }
  | { type: "approval_request"; round: number; call: ChatToolCall; args: unknown }
  | { type: "tool_denied"; round: number; call: ChatToolCall; content: string };

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
  /** Calls waiting for the user's approval: the run ended before the model's final answer. */
  pendingApprovals: ChatToolCall[];
}


/** Starts nothing until the runner is awaited or iterated. */
export function runTools(create: CreateChatCompletion, params: RunToolsParams, options: RequestOptions = {}): ToolRunner<RunToolsEvent, RunToolsResult> {
  return new ToolRunner(() => runLoop(create, params, options));
}

type Prepared = { call: ChatToolCall; tool?: RunnableTool; args?: unknown; error?: string; issues?: ReadonlyArray<StandardSchemaV1.Issue> };

async function* runLoop(create: CreateChatCompletion, params: RunToolsParams, options: RequestOptions): AsyncGenerator<RunToolsEvent, RunToolsResult> {
  const { tools, maxRounds = 10, stream = false, keepReasoning = "tool-turns", leakedToolCalls: readLeaked = false, approvals = {}, ...rest } = params ?? ({} as RunToolsParams);
  const wireTools = checkTools(tools, maxRounds);
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  const messages: ChatMessage[] = [...(Array.isArray(rest.messages) ? rest.messages : [])];
  const usage: CompletionUsage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
  let toolChoice = rest.tool_choice;
  // A model that failed over stays failed for the rest of the run: later rounds start from the one that served.
  let model = rest.model;

  // A conversation that ends with tool calls still unanswered comes back after an approval: answer them first.
  const pending = unansweredCalls(messages);
  if (pending.length) {
    const prepared: Prepared[] = [];
    for (const call of pending) {
      const checked = await checkCall(call, byName);
      const answer = approvals[call.id];
      const approved = typeof answer === "object" && answer !== null ? answer.approved : answer;
      if (checked.error === undefined && checked.tool && approved !== true && (await asksApproval(checked.tool, checked.args, { call, round: 0, signal: options.signal }))) {
        const reason = typeof answer === "object" && answer?.reason ? `: ${answer.reason}` : ".";
        const content = approved === false ? `The user denied this tool call${reason}` : "The user did not approve this tool call; it was not run.";
        yield { type: "tool_denied", round: 0, call, content };
        messages.push({ role: "tool", tool_call_id: call.id, content });
        continue;
      }
      prepared.push({ call, ...checked });
    }
    yield* runPrepared(prepared, 0, messages, options);
  }

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

    const choice = completion.choices?.[0];
    const reply = choice?.message;
    let content = reply?.content ?? null;
    // Ids as strings, generated when absent (GLM sends numbers; some servers none): the tool results answer the same ids.
    let calls = (reply?.tool_calls ?? []).map((call, i) => ({ ...call, id: call.id == null || call.id === "" ? `call_${completion.id || `round${round}`}_${i}` : String(call.id) }));
    if (!calls.length && readLeaked && choice?.finish_reason === "stop" && typeof content === "string") {
      const leaked = leakedToolCalls(content, new Set(byName.keys()), completion.id || `round${round}`);
      if (leaked) {
        calls = leaked.calls;
        content = leaked.text || null;
      }
    }
    if (calls.length && reply?.tool_calls !== calls) completion = withCalls(completion, calls, content);
    yield { type: "completion", round, completion };
    const cut = choice?.finish_reason === "length" ? calls.find((call) => !isJSON(call.function.arguments)) : undefined;
    // Sending the cut call back would only buy more rounds of the same cut: one request, then a typed error.
    if (cut) throw new ToolCallTruncatedError(cut, completion);

    const reasoning = reply?.reasoning_content;
    const keep = typeof reasoning === "string" && (keepReasoning === "all" || (keepReasoning === "tool-turns" && calls.length > 0));
    const assistant: ChatAssistantMessage = { role: "assistant", content, ...(keep ? { reasoning_content: reasoning } : {}), ...(calls.length ? { tool_calls: calls } : {}) };
    messages.push(assistant);
    if (calls.length === 0) return { completion, messages, rounds: round, usage, pendingApprovals: [] };
    if (round >= maxRounds) throw new ToolRoundsExceededError(maxRounds, messages, completion);

    // Check every call first (bad arguments go back to the model, which can correct them), then run the good ones in parallel.
    const prepared: Prepared[] = [];
    const waiting: ChatToolCall[] = [];
    for (const call of calls) {
      const checked = await checkCall(call, byName);
      if (checked.error === undefined && checked.tool && (await asksApproval(checked.tool, checked.args, { call, round, signal: options.signal }))) {
        waiting.push(call);
        yield { type: "approval_request", round, call, args: checked.args };
      } else prepared.push({ call, ...checked });
    }
    yield* runPrepared(prepared, round, messages, options);
    if (waiting.length) return { completion, messages, rounds: round, usage, pendingApprovals: waiting };
    // A forced choice ("required" or a named function) on every round would never let the model answer.
    if (toolChoice === "required" || (typeof toolChoice === "object" && toolChoice !== null)) toolChoice = "auto";
  }
}

/** Reports each checked call, runs the good ones in parallel and appends every result to `messages`. */
async function* runPrepared(prepared: Prepared[], round: number, messages: ChatMessage[], options: RequestOptions): AsyncGenerator<RunToolsEvent> {
  for (const p of prepared) {
    if (p.error === undefined) yield { type: "tool_call", round, call: p.call, args: p.args };
    else yield { type: "tool_error", round, call: p.call, content: p.error, issues: p.issues ?? [] };
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
}

function isJSON(text: string): boolean {
  try {
    JSON.parse(text.trim() || "{}");
    return true;
  } catch {
    return false;
  }
}

async function asksApproval(tool: RunnableTool, args: unknown, context: ToolRunContext): Promise<boolean> {
  const ask = tool.needsApproval;
  return typeof ask === "function" ? (await ask(args, context)) === true : ask === true;
}

/** The calls of the last assistant turn that no later `tool` message answers. */
function unansweredCalls(messages: ChatMessage[]): ChatToolCall[] {
  let at = messages.length - 1;
  while (at >= 0 && messages[at]?.role === "tool") at--;
  const turn = messages[at];
  if (turn?.role !== "assistant" || !turn.tool_calls?.length) return [];
  const answered = new Set(messages.slice(at + 1).map((message) => (message as ChatToolMessage).tool_call_id));
  return turn.tool_calls.filter((call) => !answered.has(call.id));
}

/** The completion with its first choice's calls as the run uses them (string ids, leaked calls read). */
function withCalls(completion: ChatCompletion, calls: ChatToolCall[], content: string | null): ChatCompletion {
  const [first, ...others] = completion.choices;
  if (!first) return completion;
  return { ...completion, choices: [{ ...first, message: { ...first.message, content, tool_calls: calls } }, ...others] };
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
  const where = "chat.completions.runTools";
  check(where, runToolsParams, { tools, maxRounds });
  return (tools as RunnableTool[]).map((tool, i) => {
    const parameters = toJSONSchema(tool.parameters) ?? tool.jsonSchema;
    // Whether a schema can say its JSON Schema is known only by asking it.
    if (!parameters) refuse(where, ["tools", i, "jsonSchema"], "given: the parameters schema cannot produce a JSON Schema", undefined, "missing");
    return { type: "function", function: { name: tool.name, ...(tool.description ? { description: tool.description } : {}), parameters } } as ChatTool;
  });
}
