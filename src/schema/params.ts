import type { StandardSchemaV1 } from "@standard-schema/spec";
import { ValidationError } from "../errors.js";
import type { ChatCreateParams } from "../types/chat.js";

/** A cached validator: returns the issues, or undefined when the value is valid. */
type Check = (value: unknown) => { summary: string; issues: StandardSchemaV1.Issue[] } | undefined;

// arktype costs ~220 ms and ~48 KB to import: load it on the first request, never at module load.
const loadArktype = () => import("arktype");

let chatCheck: Promise<Check> | undefined;

/** The chat request schema, built once on first use. Unknown keys pass through untouched. */
async function buildChatCheck(): Promise<Check> {
  const { type } = await loadArktype();
  const contentPart = type({ type: "'text'", text: "string" }).or({
    type: "'image_url'",
    image_url: { url: "string", "detail?": "'auto' | 'low' | 'high'" },
  });
  const content = type("string").or(contentPart.array());
  const toolCall = type({ id: "string", type: "'function'", function: { name: "string", arguments: "string" } });
  const message = type({
    role: "'system' | 'user' | 'assistant' | 'tool'",
    "content?": content.or("null"),
    "name?": "string",
    "tool_call_id?": "string",
    "tool_calls?": toolCall.array(),
    "reasoning_content?": "string | null",
  }).narrow((m, ctx) => {
    if (m.role === "tool" && typeof m.tool_call_id !== "string")
      return ctx.reject({ path: ["tool_call_id"], expected: "a string (tool messages carry the id of the call they answer)", actual: "missing" });
    if (m.role !== "assistant" && (m.content === undefined || m.content === null))
      return ctx.reject({ path: ["content"], expected: `text or content parts (required for a ${m.role} message)`, actual: String(m.content ?? "missing") });
    return true;
  });
  const tool = type({
    type: "'function'",
    function: { name: "string > 0", "description?": "string", "parameters?": "object", "strict?": "boolean" },
  });
  const toolChoice = type("'auto' | 'none' | 'required'").or({ type: "'function'", function: { name: "string" } });
  const responseFormat = type({ type: "'text' | 'json_object'" }).or({
    type: "'json_schema'",
    json_schema: { name: "string", schema: "object", "strict?": "boolean", "description?": "string" },
  });
  const schema = type({
    model: "string > 0",
    messages: message.array().atLeastLength(1),
    "stream?": "boolean | null",
    "temperature?": "0 <= number <= 2 | null",
    "top_p?": "0 <= number <= 1 | null",
    "top_k?": "number.integer >= 0 | null",
    "min_p?": "0 <= number <= 1 | null",
    "max_tokens?": "number.integer >= 1 | null",
    "stop?": type("string").or(type("string[] <= 4")).or("null"),
    "n?": "number.integer >= 1 | null",
    "presence_penalty?": "-2 <= number <= 2 | null",
    "frequency_penalty?": "-2 <= number <= 2 | null",
    "repetition_penalty?": "number > 0 | null",
    "response_format?": responseFormat.or("null"),
    "tools?": tool.array().or("null"),
    "tool_choice?": toolChoice.or("null"),
    "seed?": "number.integer | null",
    "logprobs?": "boolean | null",
    "user?": "string | null",
    "stream_options?": type({ "include_usage?": "boolean", "continuous_usage_stats?": "boolean" }).or("null"),
    "reasoning_effort?": "'none' | 'low' | 'medium' | 'high' | null",
    "echo?": "boolean | null",
  });
  return (value) => {
    const out = schema(value);
    if (!(out instanceof type.errors)) return undefined;
    return { summary: out.summary, issues: out.map((e) => ({ message: e.message, path: [...e.path] })) };
  };
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
  const result = check(params);
  const issues = result?.issues ?? [];
  const extra = checkToolChoice(params);
  if (extra) issues.push(extra);
  if (issues.length === 0) return;
  const summary = [result?.summary, extra?.message].filter(Boolean).join("\n");
  throw new ValidationError(`Invalid ${where} params: ${summary.split("\n").join("; ")}`, issues);
}

/** `tool_choice` must name a declared tool; `required` or a named tool needs `tools`. */
function checkToolChoice(params: ChatCreateParams): StandardSchemaV1.Issue | undefined {
  const choice = params.tool_choice;
  if (!choice || choice === "auto" || choice === "none" || typeof choice !== "object" && choice !== "required") return undefined;
  const names = Array.isArray(params.tools) ? params.tools.map((tool) => tool?.function?.name) : [];
  if (choice === "required") {
    return names.length ? undefined : { message: 'tool_choice "required" needs at least one entry in tools', path: ["tool_choice"] };
  }
  const name = choice.function?.name;
  if (typeof name !== "string" || names.includes(name)) return undefined;
  return {
    message: `tool_choice.function.name must name a declared tool (was ${JSON.stringify(name)}; tools: ${names.length ? names.map((n) => JSON.stringify(n)).join(", ") : "none"})`,
    path: ["tool_choice", "function", "name"],
  };
}
