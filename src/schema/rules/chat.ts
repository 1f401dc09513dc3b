// The chat request (`POST /v1/openai/chat/completions`) as DeepInfra's model OpenAIChatCompletionsIn states it.
// Dev-only rule table: compiled to ../generated/validators.ts by scripts/compile-validators.mjs.
import { type } from "arktype";
import { declaredToolChoice, jsonObject } from "../predicates.js";
import { extraBody, freeObject, sampling } from "./shared.js";

// cache_control: an open object (or null) on every message and tool.
const cacheControl = { "cache_control?": freeObject.or("null") } as const;

/** ChatCompletionContentPartText. */
export const textPart = type({ type: "'text'", text: "string" }).narrow(jsonObject);

/** A user message's parts: text, ImageURL (detail auto|low|high), InputAudio (format wav|mp3), VideoURL. */
export const userPart = textPart
  .or(type({ type: "'image_url'", image_url: type({ url: "string", "detail?": "'auto' | 'low' | 'high'" }).narrow(jsonObject) }).narrow(jsonObject))
  .or(type({ type: "'input_audio'", input_audio: type({ data: "string", "format?": "'wav' | 'mp3'" }).narrow(jsonObject) }).narrow(jsonObject))
  .or(type({ type: "'video_url'", video_url: type({ url: "string" }).narrow(jsonObject) }).narrow(jsonObject));

// System, assistant and tool messages take a string or text parts only.
const textContent = type("string").or(textPart.array());

/** ChatCompletionMessageToolCall: `type` is any string in the model. */
export const toolCall = type({ id: "string", type: "string", function: type({ name: "string", arguments: "string" }).narrow(jsonObject) }).narrow(jsonObject);

/**
 * One message, told apart by `role`. The model gives `role` a per-class default, so a role-less message
 * would be read as whichever class matches first; the SDK asks for the role instead (the one place it is
 * stricter than the model, because the server's reading of such a message is not stated). `developer`
 * is refused, as the server does (422).
 */
export const message = type({ role: "'system'", content: textContent, "name?": "string | null", ...cacheControl })
  .narrow(jsonObject)
  .or(type({ role: "'user'", content: type("string").or(userPart.array()), "name?": "string | null", ...cacheControl }).narrow(jsonObject))
  .or(type({
    role: "'assistant'",
    "content?": textContent.or("null"),
    "reasoning_content?": "string | null",
    "name?": "string | null",
    "tool_calls?": toolCall.array().or("null"),
    ...cacheControl,
  }).narrow(jsonObject))
  // tool_call_id is required by ChatCompletionToolMessage.
  .or(type({ role: "'tool'", content: textContent, tool_call_id: "string", ...cacheControl }).narrow(jsonObject));

/** ChatTools with its FunctionDefinition: `type` defaults to "function" and may be any string. */
export const tool = type({
  "type?": "string",
  function: type({ name: "string", "description?": "string | null", "parameters?": freeObject.or("null") }).narrow(jsonObject),
  ...cacheControl,
}).narrow(jsonObject);

/** OpenAIChatCompletionsIn. A top-level null or undefined means "absent" and is dropped before this check. */
export const chatParams = type({
  model: "string",
  // messages: no minItems in the model.
  messages: message.array(),
  ...sampling,
  // max_tokens: integer, minimum 0, maximum 1,000,000 (null: context - input, capped at 16384)
  "max_tokens?": "0 <= number.integer <= 1000000",
  "logprobs?": "boolean",
  "tools?": tool.array(),
  // tool_choice: any string (none, auto, required documented) or a ChatTools object
  "tool_choice?": type("string").or(tool),
  // reasoning_effort: an enum DeepInfra keeps extending (none, minimal, low, medium, high, xhigh, max): any string
  "reasoning_effort?": "string",
  // ChatReasoningSettings: effort (an enum that grows, as above) and enabled
  "reasoning?": type({ "effort?": "string | null", "enabled?": "boolean | null" }).narrow(jsonObject),
  // service_tier: default | priority in the model, flex in the docs: any string
  "service_tier?": "string",
  // fail_fast (newer copies): refuse with 429 at once instead of queueing
  "fail_fast?": "boolean",
  // models (newer copies): up to 4 fallback model ids
  "models?": "string[] <= 4",
  "chat_template_kwargs?": freeObject,
  "continue_final_message?": "boolean",
  ...extraBody,
  // Any other key is refused, naming the closest field (max_completion_tokens: max_tokens); extra_body sends it as is.
  "+": "reject",
})
  .narrow(jsonObject)
  // tool_choice naming a function that tools does not declare: see src/schema/predicates.ts.
  .narrow(declaredToolChoice);
