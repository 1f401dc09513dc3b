import { isValidationError, validateChatParams, validateEmbeddingParams, type ChatCreateParams } from "deepinfra-edge";
import type { Config } from "./config.js";
import { HttpError } from "./http-error.js";

/**
 * Reads at most `cap` bytes, counting them as they arrive (a chunked upload has no Content-Length to trust).
 * @throws the error `tooLarge` builds, once the body passes `cap`.
 */
export async function readCappedBytes(request: Request, cap: number, tooLarge: () => HttpError): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > cap) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > cap) {
        void reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads a JSON body of at most `maxBodyBytes`.
 * @throws HttpError 413, 415 or 400.
 */
export async function readJSONBody(request: Request, maxBodyBytes: number): Promise<Record<string, unknown>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, "unsupported_media_type", "Send the body as application/json.");
  const bytes = await readCappedBytes(request, maxBodyBytes, () => new HttpError(413, "body_too_large", `The request body is larger than ${maxBodyBytes} bytes.`));
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeUTF8(bytes));
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, "invalid_json", "The request body is not valid JSON.");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new HttpError(400, "invalid_json", "The request body must be a JSON object.");
  return parsed as Record<string, unknown>;
}

/**
 * Decodes UTF-8 strictly. A lenient decoder turns each invalid byte into U+FFFD (three bytes), so a
 * body of invalid bytes would reach DeepInfra three times as large as the cap allowed.
 * @throws HttpError 400 `invalid_utf8`.
 */
export function decodeUTF8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, "invalid_utf8", "The request body is not valid UTF-8.");
  }
}

/**
 * Chat-template control tokens of the common open-model families (ChatML/Qwen, Llama 3, Llama 2/Mistral,
 * Gemma, Phi, DeepSeek): in a visitor's text they could open a system turn the tokenizer honours.
 */
export const CONTROL_TOKENS = [
  "<|im_start|>", "<|im_end|>", "<|endoftext|>",
  "<|begin_of_text|>", "<|end_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>", "<|eom_id|>", "<|python_tag|>",
  "[INST]", "[/INST]", "<<SYS>>", "<</SYS>>", "<s>", "</s>",
  "<start_of_turn>", "<end_of_turn>",
  "<|system|>", "<|user|>", "<|assistant|>", "<|end|>",
  "<｜begin▁of▁sentence｜>", "<｜end▁of▁sentence｜>", "<｜User｜>", "<｜Assistant｜>",
];

const CHAT_FIELDS = new Set(["model", "messages", "max_tokens", "temperature", "top_p", "stream"]);
const BROWSER_ROLES = new Set(["user", "assistant"]);

/**
 * Builds the upstream chat request from a browser's body: only known fields pass (a public caller
 * must not set `n`, tools or a system prompt on your bill), the model must be allowed, message
 * count and length are capped, and `max_tokens` is clamped to MAX_TOKENS.
 * @throws HttpError 400 naming the field and rule.
 */
export function toChatParams(body: Record<string, unknown>, config: Config): ChatCreateParams & { stream: true } {
  for (const key of Object.keys(body)) {
    if (!CHAT_FIELDS.has(key)) throw invalid("field_not_allowed", `A field is not accepted by this endpoint (allowed: ${[...CHAT_FIELDS].join(", ")}).`, `field ${key}`);
  }
  if (body.stream !== undefined && body.stream !== true) throw invalid("invalid_request", "stream must be true (this endpoint always streams).");
  const model = pickModel(body.model, config.allowedModels, config.defaultModel);
  const messages = body.messages;
  if (!Array.isArray(messages) || messages.length === 0) throw invalid("invalid_request", "messages must be a non-empty array.");
  if (messages.length > config.maxMessages) throw invalid("too_many_messages", `messages has ${messages.length} entries; at most ${config.maxMessages} are allowed.`);
  const clean = messages.map((message: unknown, i) => {
    const { role, content } = (typeof message === "object" && message !== null ? message : {}) as { role?: unknown; content?: unknown };
    if (typeof role !== "string" || !BROWSER_ROLES.has(role)) throw invalid("invalid_request", `messages[${i}].role must be "user" or "assistant".`);
    if (typeof content !== "string") throw invalid("invalid_request", `messages[${i}].content must be a string.`);
    if (content.length > config.maxMessageChars) {
      throw invalid("message_too_long", `messages[${i}].content has ${content.length} characters; at most ${config.maxMessageChars} are allowed.`);
    }
    // The rule's name only: the message must not quote which token the visitor wrote.
    if (CONTROL_TOKENS.some((token) => content.includes(token))) throw invalid("control_token", `messages[${i}].content holds a chat-template control token, which is not accepted.`);
    return { role: role as "user" | "assistant", content };
  });
  // A trailing assistant turn is a prefill: the visitor would write the start of the model's answer.
  if (clean[clean.length - 1]!.role !== "user") throw invalid("invalid_request", "The last message must be from the user (no assistant prefill).");
  let maxTokens = config.maxTokens;
  if (body.max_tokens !== undefined) {
    if (typeof body.max_tokens !== "number" || !Number.isInteger(body.max_tokens) || body.max_tokens < 1) {
      throw invalid("invalid_request", "max_tokens must be a positive integer.");
    }
    maxTokens = Math.min(body.max_tokens, config.maxTokens);
  }
  const params: ChatCreateParams & { stream: true } = { model, messages: clean, max_tokens: maxTokens, stream: true };
  for (const key of ["temperature", "top_p"] as const) {
    const value = body[key];
    if (value === undefined) continue;
    if (typeof value !== "number") throw invalid("invalid_request", `${key} must be a number.`);
    params[key] = value;
  }
  // The SDK's own ranges, here and not in the call: a request it would refuse must not reserve money first.
  sdkCheck(() => validateChatParams(params));
  return params;
}

/**
 * Builds the upstream embeddings request: allowed model, at most MAX_EMBEDDING_INPUTS strings of at
 * most MAX_MESSAGE_CHARS each, nothing else.
 * @throws HttpError 400 naming the field and rule.
 */
export function toEmbeddingParams(body: Record<string, unknown>, config: Config): { model: string; input: string | string[] } {
  for (const key of Object.keys(body)) {
    if (key !== "model" && key !== "input") throw invalid("field_not_allowed", "A field is not accepted by this endpoint (allowed: model, input).", `field ${key}`);
  }
  const model = pickModel(body.model, config.allowedEmbeddingModels, "default");
  const { input } = body;
  const inputs = typeof input === "string" ? [input] : input;
  if (!Array.isArray(inputs) || inputs.length === 0 || !inputs.every((s) => typeof s === "string")) {
    throw invalid("invalid_request", "input must be a string or a non-empty array of strings.");
  }
  if (inputs.length > config.maxEmbeddingInputs) throw invalid("too_many_inputs", `input has ${inputs.length} strings; at most ${config.maxEmbeddingInputs} are allowed.`);
  const long = inputs.findIndex((s: string) => s.length > config.maxMessageChars);
  if (long >= 0) throw invalid("input_too_long", `input[${long}] is longer than ${config.maxMessageChars} characters.`);
  const params = { model, input: input as string | string[] };
  sdkCheck(() => validateEmbeddingParams(params));
  return params;
}

/** Runs an SDK validator; its message quotes the value, so the visitor gets a fixed one and the log the detail. */
function sdkCheck(check: () => void): void {
  try {
    check();
  } catch (error) {
    if (isValidationError(error)) throw invalid("invalid_request", "The request does not follow the API's rules.", error.message);
    throw error;
  }
}

function pickModel(raw: unknown, allowed: string[], fallback: string): string {
  if (raw === undefined) return fallback;
  if (typeof raw !== "string" || !allowed.includes(raw)) {
    throw invalid("model_not_allowed", `model must be one of ${allowed.join(", ")}.`, `model ${JSON.stringify(raw)}`);
  }
  return raw;
}

function invalid(code: string, message: string, detail?: string): HttpError {
  return new HttpError(400, code, message, {}, detail);
}
