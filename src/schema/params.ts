import type { StandardSchemaV1 } from "@standard-schema/spec";
import { ValidationError } from "../errors.js";
import type { ChatCreateParams } from "../types/chat.js";

/** A cached validator: returns the issues, or undefined when the value is valid. */
type Check = (value: unknown) => { summary: string; issues: StandardSchemaV1.Issue[] } | undefined;

// arktype's engine, @ark/schema (same messages, 36 KB gzip instead of arktype's 48 KB; its string-syntax
// parser is what we skip), loaded on the first request, never at module load.
const loadEngine = () => import("@ark/schema");

let chatCheck: Promise<Check> | undefined;

type Definition = Parameters<typeof import("@ark/schema").rootSchema>[0];

const units = (...values: Array<string | boolean | null>): Definition => values.map((unit) => ({ unit }));
const range = (min: number, max: number): Definition => ({ domain: "number", min, max });
const integer = (min?: number): Definition => ({ domain: "number", divisor: 1, ...(min === undefined ? {} : { min }) });
const entries = (shape: Record<string, Definition>) => Object.entries(shape).map(([key, value]) => ({ key, value }));
const object = (required: Record<string, Definition>, optional: Record<string, Definition> = {}): Definition => ({
  domain: "object",
  ...(Object.keys(required).length ? { required: entries(required) } : {}),
  ...(Object.keys(optional).length ? { optional: entries(optional) } : {}),
});
const arrayOf = (sequence: Definition, bounds: { minLength?: number; maxLength?: number } = {}): Definition => ({ proto: Array, sequence, ...bounds });
const orNull = (definition: Definition): Definition => [...(Array.isArray(definition) ? definition : [definition]), { unit: null }];

/** The chat request schema, built once on first use. Unknown keys pass through untouched. */
async function buildChatCheck(): Promise<Check> {
  const { schemaScope } = await loadEngine();
  const text = { domain: "string" } as const;
  // One object with a predicate, not a union of objects: @ark/schema 0.56.8's rootSchema fails at
  // runtime ("undefinedAllows is not a function") on a discriminated union of objects.
  const contentPart = {
    ...(object({ type: units("text", "image_url") }, { text, image_url: object({ url: text }, { detail: units("auto", "low", "high") }) }) as object),
    predicate: [
      (p: { type: string; text?: unknown; image_url?: unknown }, ctx: { reject(input: object): false }) => {
        const field = p.type === "text" ? "text" : "image_url";
        return p[field] !== undefined || ctx.reject({ relativePath: [field], expected: `present in a ${p.type} part`, actual: "missing" });
      },
    ],
  } as Definition;
  const content = [text, arrayOf(contentPart)];
  const toolCall = object({ id: text, type: units("function"), function: object({ name: text, arguments: text }) });
  const message = {
    ...(object(
      { role: units("system", "user", "assistant", "tool") },
      { content: orNull(content), name: text, tool_call_id: text, tool_calls: arrayOf(toolCall), reasoning_content: orNull(text) },
    ) as object),
    predicate: [
      (m: { role: string; content?: unknown; tool_call_id?: unknown }, ctx: { reject(input: object): false }) => {
        if (m.role === "tool" && typeof m.tool_call_id !== "string")
          return ctx.reject({ relativePath: ["tool_call_id"], expected: "a string (a tool message carries the id of the call it answers)", actual: "missing" });
        if (m.role !== "assistant" && (m.content === undefined || m.content === null))
          return ctx.reject({ relativePath: ["content"], expected: `text or content parts (required in a ${m.role} message)`, actual: String(m.content ?? "missing") });
        return true;
      },
    ],
  } as Definition;
  const tool = object({ type: units("function"), function: object({ name: { domain: "string", minLength: 1 } }, { description: text, parameters: { domain: "object" }, strict: units(true, false) }) });
  // String choices are checked in checkToolChoice: a union of units and an object reports only "must be an object".
  const toolChoice = [text, object({ type: units("function"), function: object({ name: text }) })] as Definition;
  const jsonSchema = object({ name: text, schema: { domain: "object" } }, { strict: units(true, false), description: text });
  const responseFormat = {
    ...(object({ type: units("text", "json_object", "json_schema") }, { json_schema: jsonSchema }) as object),
    predicate: [
      (f: { type: string; json_schema?: unknown }, ctx: { reject(input: object): false }) =>
        f.type !== "json_schema" || f.json_schema !== undefined || ctx.reject({ relativePath: ["json_schema"], expected: 'an object (required when type is "json_schema")', actual: "missing" }),
    ],
  } as Definition;
  const bool = units(true, false);
  // jitless: no `new Function`, so the same code path (and messages) in workerd, CSP pages and Node.
  const schema = schemaScope({}, { jitless: true }).schema(
    object(
      { model: { domain: "string", minLength: 1 }, messages: arrayOf(message, { minLength: 1 }) },
      {
        stream: bool,
        temperature: range(0, 2),
        top_p: range(0, 1),
        top_k: integer(0),
        min_p: range(0, 1),
        max_tokens: integer(1),
        // The 4-sequence cap is checked in checkStop: a union would report "a string or at most length 4".
        stop: [text, arrayOf(text)] as Definition,
        n: integer(1),
        presence_penalty: range(-2, 2),
        frequency_penalty: range(-2, 2),
        repetition_penalty: { domain: "number", min: { rule: 0, exclusive: true } },
        response_format: responseFormat,
        tools: arrayOf(tool),
        tool_choice: toolChoice,
        seed: integer(),
        logprobs: bool,
        user: text,
        stream_options: object({}, { include_usage: units(true, false), continuous_usage_stats: units(true, false) }),
        reasoning_effort: units("none", "low", "medium", "high"),
        echo: bool,
      },
    ),
  );
  return (value) => {
    const out = schema(value) as unknown;
    if (!isArkErrors(out)) return undefined;
    return { summary: out.summary, issues: out.map((e) => ({ message: e.message, path: [...e.path] })) };
  };
}

interface ArkErrorsLike extends Array<{ message: string; path: readonly PropertyKey[] }> {
  summary: string;
}

function isArkErrors(value: unknown): value is ArkErrorsLike {
  return Array.isArray(value) && typeof (value as { summary?: unknown }).summary === "string";
}

/**
 * Checks chat parameters before anything is sent.
 * @throws ValidationError naming the field path and the rule.
 */
export async function validateChatParams(params: ChatCreateParams, where = "chat.completions.create"): Promise<void> {
  if (typeof params !== "object" || params === null) throw new ValidationError(`${where}: params must be an object.`, [{ message: "must be an object" }]);
  const check = await (chatCheck ??= buildChatCheck().catch((error) => {
    chatCheck = undefined;
    throw error;
  }));
  const result = check(withoutNulls(params));
  const issues = result?.issues ?? [];
  const extras = [checkToolChoice(params), checkStop(params)].filter((issue) => issue !== undefined);
  issues.push(...extras);
  if (issues.length === 0) return;
  const summary = [result?.summary, ...extras.map((issue) => issue.message)].filter(Boolean).join("\n");
  throw new ValidationError(`Invalid ${where} params: ${summary.split("\n").join("; ")}`, issues);
}

const TOOL_CHOICES = ["auto", "none", "required"];
const MAX_STOP_SEQUENCES = 4;

function checkStop(params: ChatCreateParams): StandardSchemaV1.Issue | undefined {
  const stop = params.stop;
  if (!Array.isArray(stop) || stop.length <= MAX_STOP_SEQUENCES) return undefined;
  return { message: `stop must hold at most ${MAX_STOP_SEQUENCES} sequences (was ${stop.length})`, path: ["stop"] };
}

// A top-level null means "DeepInfra's default", so it is checked as absent; this also keeps every rule
// a single node, whose message reads the same in JIT and in workerd's interpreted mode.
function withoutNulls(params: object): object {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) if (value !== null) out[key] = value;
  return out;
}

/** `tool_choice` must name a declared tool; `required` or a named tool needs `tools`. */
function checkToolChoice(params: ChatCreateParams): StandardSchemaV1.Issue | undefined {
  const choice = params.tool_choice as unknown;
  if (typeof choice === "string" && !TOOL_CHOICES.includes(choice))
    return { message: `tool_choice must be "auto", "none", "required" or { type: "function", function: { name } } (was ${JSON.stringify(choice)})`, path: ["tool_choice"] };
  if (!choice || choice === "auto" || choice === "none" || (typeof choice !== "object" && choice !== "required")) return undefined;
  const names = Array.isArray(params.tools) ? params.tools.map((tool) => tool?.function?.name) : [];
  if (choice === "required") {
    return names.length ? undefined : { message: 'tool_choice "required" needs at least one entry in tools', path: ["tool_choice"] };
  }
  const name = (choice as { function?: { name?: unknown } }).function?.name;
  if (typeof name !== "string" || names.includes(name)) return undefined;
  return {
    message: `tool_choice.function.name must name a declared tool (was ${JSON.stringify(name)}; tools: ${names.length ? names.map((n) => JSON.stringify(n)).join(", ") : "none"})`,
    path: ["tool_choice", "function", "name"],
  };
}
