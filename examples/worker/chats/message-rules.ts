// What a browser may post to /api/chats/:id/messages: one user message of text, a trigger, an id.
import type { Config } from "../config.js";
import { HttpError } from "../http-error.js";

/** A user message as it is stored and sent back by GET …/messages. */
export interface StoredUserMessage {
  id: string;
  role: "user";
  parts: Array<{ type: "text"; text: string }>;
}

export type Trigger = "submit-message" | "regenerate-message" | "continue-message";

export interface PostBody {
  trigger: Trigger;
  /** The user message (submit-message only). */
  message?: StoredUserMessage;
  messageId?: string;
}

const FIELDS = new Set(["message", "trigger", "messageId"]);
const TRIGGERS = new Set<string>(["submit-message", "regenerate-message", "continue-message"]);
const MAX_ID_CHARS = 256;

/**
 * Checks a POST body: known fields; a `message` with role "user" only (the server holds every
 * assistant turn, so a browser cannot forge one) and text parts within MAX_MESSAGE_CHARS.
 * @throws HttpError 400 naming the field and rule.
 */
export function readPostBody(body: Record<string, unknown>, config: Config): PostBody {
  for (const key of Object.keys(body)) {
    if (!FIELDS.has(key)) throw invalid("field_not_allowed", `Field ${key} is not accepted by this endpoint (allowed: ${[...FIELDS].join(", ")}).`);
  }
  const trigger = (body.trigger ?? "submit-message") as Trigger;
  if (!TRIGGERS.has(trigger)) throw invalid("invalid_request", `trigger must be one of ${[...TRIGGERS].join(", ")}.`);
  if (body.messageId !== undefined && !isId(body.messageId)) throw invalid("invalid_request", `messageId must be a string of 1 to ${MAX_ID_CHARS} characters.`);
  const messageId = body.messageId as string | undefined;
  if (trigger !== "submit-message") return { trigger, ...(messageId ? { messageId } : {}) };
  const message = body.message;
  if (typeof message !== "object" || message === null || Array.isArray(message)) throw invalid("invalid_request", "message must be a UI message object.");
  const { id, role, parts } = message as { id?: unknown; role?: unknown; parts?: unknown };
  if (role !== "user") throw invalid("role_not_allowed", `message.role is ${JSON.stringify(role)}; only "user" messages are accepted (the server keeps the assistant's answers).`);
  if (id !== undefined && !isId(id)) throw invalid("invalid_request", `message.id must be a string of 1 to ${MAX_ID_CHARS} characters.`);
  if (!Array.isArray(parts) || parts.length === 0) throw invalid("invalid_request", "message.parts must be a non-empty array.");
  const texts: string[] = [];
  parts.forEach((part: unknown, at) => {
    const { type, text } = (typeof part === "object" && part !== null ? part : {}) as { type?: unknown; text?: unknown };
    if (type !== "text") throw invalid("part_not_allowed", `message.parts[${at}] is a ${String(type)} part; user messages may hold text parts only.`);
    if (typeof text !== "string") throw invalid("invalid_request", `message.parts[${at}].text must be a string.`);
    if (text) texts.push(text);
  });
  const text = texts.join("\n\n");
  if (!text.trim()) throw invalid("invalid_request", "message holds no text.");
  if (text.length > config.maxMessageChars) throw invalid("message_too_long", `message has ${text.length} characters of text; at most ${config.maxMessageChars} are allowed.`);
  return { trigger, message: { id: (id as string | undefined) ?? crypto.randomUUID(), role: "user", parts: [{ type: "text", text }] }, ...(messageId ? { messageId } : {}) };
}

function isId(value: unknown): value is string {
  return typeof value === "string" && value.length >= 1 && value.length <= MAX_ID_CHARS;
}

function invalid(code: string, message: string): HttpError {
  return new HttpError(400, code, message);
}
