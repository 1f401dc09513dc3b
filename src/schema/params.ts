import type { StandardSchemaV1 } from "@standard-schema/spec";
import type { ChatCreateParams } from "../types/chat.js";
import { arrayOf, bool, integer, lazyCheck, nonEmpty, object, orNull, positive, range, text, units, validateWith, type Definition } from "./define.js";

type Reject = { reject(input: object): false };

/** The chat request schema, built once on first use. Unknown keys pass through untouched. */
const chatCheck = lazyCheck(() => {
  // One object with a predicate, not a union of objects: @ark/schema 0.56.8 fails at runtime
  // ("undefinedAllows is not a function") on a discriminated union of objects inside an array.
  const contentPart = {
    ...(object({ type: units("text", "image_url") }, { text, image_url: object({ url: text }, { detail: units("auto", "low", "high") }) }) as object),
    predicate: [
      (p: { type: string; text?: unknown; image_url?: unknown }, ctx: Reject) => {
        const field = p.type === "text" ? "text" : "image_url";
        return p[field] !== undefined || ctx.reject({ relativePath: [field], expected: `present in a ${p.type} part`, actual: "missing" });
      },
    ],
  } as Definition;
  const content = [text, arrayOf(contentPart)] as Definition;
  const toolCall = object({ id: text, type: units("function"), function: object({ name: text, arguments: text }) });
  const message = {
    ...(object(
      { role: units("system", "user", "assistant", "tool") },
      { content: orNull(content), name: text, tool_call_id: text, tool_calls: arrayOf(toolCall), reasoning_content: orNull(text) },
    ) as object),
    predicate: [
      (m: { role: string; content?: unknown; tool_call_id?: unknown }, ctx: Reject) => {
        if (m.role === "tool" && typeof m.tool_call_id !== "string")
          return ctx.reject({ relativePath: ["tool_call_id"], expected: "a string (a tool message carries the id of the call it answers)", actual: "missing" });
        if (m.role !== "assistant" && (m.content === undefined || m.content === null))
          return ctx.reject({ relativePath: ["content"], expected: `text or content parts (required in a ${m.role} message)`, actual: String(m.content ?? "missing") });
        return true;
      },
    ],
  } as Definition;
  const tool = object({ type: units("function"), function: object({ name: nonEmpty }, { description: text, parameters: { domain: "object" }, strict: bool }) });
  // String choices are checked in checkToolChoice: a union of units and an object reports only "must be an object".
  const toolChoice = [text, object({ type: units("function"), function: object({ name: text }) })] as Definition;
  const jsonSchema = object({ name: text, schema: { domain: "object" } }, { strict: bool, description: text });
  const responseFormat = {
    ...(object({ type: units("text", "json_object", "json_schema") }, { json_schema: jsonSchema }) as object),
    predicate: [
      (f: { type: string; json_schema?: unknown }, ctx: Reject) =>
        f.type !== "json_schema" || f.json_schema !== undefined || ctx.reject({ relativePath: ["json_schema"], expected: 'an object (required when type is "json_schema")', actual: "missing" }),
    ],
  } as Definition;
  return object(
    { model: nonEmpty, messages: arrayOf(message, { minLength: 1 }) },
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
      repetition_penalty: positive,
      response_format: responseFormat,
      tools: arrayOf(tool),
      tool_choice: toolChoice,
      seed: integer(),
      logprobs: bool,
      user: text,
      stream_options: object({}, { include_usage: bool, continuous_usage_stats: bool }),
      reasoning_effort: units("none", "low", "medium", "high"),
      echo: bool,
    },
  );
});

/**
 * Checks chat parameters before anything is sent; `null` or `undefined` means "DeepInfra's default".
 * @throws ValidationError naming the field path and the rule.
 */
export function validateChatParams(params: ChatCreateParams, where = "chat.completions.create"): Promise<void> {
  return validateWith(params, where, chatCheck, [checkToolChoice, checkStop]);
}

const TOOL_CHOICES = ["auto", "none", "required"];
const MAX_STOP_SEQUENCES = 4;

function checkStop(params: ChatCreateParams): StandardSchemaV1.Issue | undefined {
  const stop = params.stop;
  if (!Array.isArray(stop) || stop.length <= MAX_STOP_SEQUENCES) return undefined;
  return { message: `stop must hold at most ${MAX_STOP_SEQUENCES} sequences (was ${stop.length})`, path: ["stop"] };
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
