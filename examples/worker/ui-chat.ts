// POST /api/ui-chat: the same chat as /api/chat for a `useChat` front end (@ai-sdk/react and friends). The
// request is `useChat`'s (`{ id, messages: UIMessage[], trigger, messageId }`), the answer the AI SDK's UI
// message stream. Every /api/chat rule applies: the router's host, origin and rate-limit checks, then the
// body cap, field/role/model allowlists, max_tokens clamp, spend reservation, heartbeats and disconnects.
import { fromUIMessages, toUIMessageStreamResponse, type ChatCreateParams, type UIMessageLike } from "deepinfra-edge";
import type { Config } from "./config.js";
import { readJSONBody, toChatParams } from "./hardening.js";
import { HttpError, renderError } from "./http-error.js";
import { relayChat, type RouteContext } from "./routes.js";

/** The fields a `useChat` request may carry: its own four, and the /api/chat knobs a page may set in `body`. */
const FIELDS = new Set(["id", "messages", "trigger", "messageId", "model", "max_tokens", "temperature", "top_p"]);
const TRIGGERS = new Set(["submit-message", "regenerate-message"]);
/**
 * Parts a browser may send, per role. A user writes text only: files (images) are refused, because what a
 * picture costs and which models can see one is the operator's choice, not a visitor's. An assistant
 * message holds what this route streamed: text is sent back; reasoning and step markers are dropped.
 */
const USER_PARTS = new Set(["text"]);
const ASSISTANT_PARTS = new Set(["text", "reasoning", "step-start"]);
/** The headers `toUIMessageStreamResponse` sets, for an answer that starts with heartbeats before the stream exists. */
const UI_STREAM_HEADERS = { "content-type": "text/event-stream", "cache-control": "no-cache", "x-vercel-ai-ui-message-stream": "v1", "x-accel-buffering": "no" };
const MAX_ID_CHARS = 256;
const encoder = new TextEncoder();

/**
 * Answers a `useChat` request with the UI message stream. A failure before the answer starts is the
 * usual JSON error (`useChat` shows the body as its `error`); after it started, an `error` part carrying
 * `code: message (request id)`, then `data: [DONE]`.
 */
export async function uiChat(route: RouteContext): Promise<Response> {
  const body = await readJSONBody(route.request, route.config.maxBodyBytes);
  const params = toUIChatParams(body, route.config);
  const onError = (error: unknown) => uiErrorText(error, route);
  return relayChat(route, params, {
    respond: (stream) => toUIMessageStreamResponse(stream, { headers: route.headers, onError }),
    headers: { ...UI_STREAM_HEADERS, ...route.headers },
    body: (stream) => toUIMessageStreamResponse(stream, { onError }).body!,
    failure: (error) => encoder.encode(`data: ${JSON.stringify({ type: "error", errorText: onError(error) })}\n\ndata: [DONE]\n\n`),
  });
}

/** A failure as one line for the page: the Worker's error code, its message and the request id. */
function uiErrorText(error: unknown, { requestId, secret }: RouteContext): string {
  const { code, message } = renderError(error, requestId, secret).body.error;
  return `${code}: ${message} (request ${requestId})`;
}

/**
 * Builds the upstream chat request from a `useChat` body: known fields only, `user`/`assistant` messages
 * with the parts above, at most MAX_MESSAGES of at most MAX_MESSAGE_CHARS of text each; `fromUIMessages`
 * does the conversion (its ValidationError, for a malformed message, is a 400), then the /api/chat rules.
 * @throws HttpError 400 naming the field and rule; ValidationError for a message `fromUIMessages` can't read.
 */
export function toUIChatParams(body: Record<string, unknown>, config: Config): ChatCreateParams & { stream: true } {
  for (const key of Object.keys(body)) {
    if (!FIELDS.has(key)) throw invalid("field_not_allowed", `A field is not accepted by this endpoint (allowed: ${[...FIELDS].join(", ")}).`, `field ${key}`);
  }
  if (body.trigger !== undefined && !TRIGGERS.has(body.trigger as string)) throw invalid("invalid_request", 'trigger must be "submit-message" or "regenerate-message".');
  // Neither is sent upstream nor echoed: checked only for type and size.
  for (const key of ["id", "messageId"] as const) {
    const value = body[key];
    if (value !== undefined && (typeof value !== "string" || value.length > MAX_ID_CHARS)) throw invalid("invalid_request", `${key} must be a string of at most ${MAX_ID_CHARS} characters.`);
  }
  const { messages } = body;
  if (!Array.isArray(messages) || messages.length === 0) throw invalid("invalid_request", "messages must be a non-empty array of UI messages.");
  if (messages.length > config.maxMessages) throw invalid("too_many_messages", `messages has ${messages.length} entries; at most ${config.maxMessages} are allowed.`);
  messages.forEach((message: unknown, i) => checkMessage(message, `messages[${i}]`, config));
  // Anything checkMessage let through unread (a message that is not an object, parts that are not an
  // array) is fromUIMessages' to refuse, with a ValidationError naming it.
  const converted = fromUIMessages(messages as UIMessageLike[]);
  if (converted.length === 0) throw invalid("invalid_request", "messages hold no text.");
  // Text only (checked above), so every content is a string or a list of text parts.
  const flat = converted.map(({ role, content }) => ({
    role,
    content: typeof content === "string" ? content : ((content ?? []) as Array<{ text?: string }>).map((part) => part.text ?? "").join("\n\n"),
  }));
  const chatBody: Record<string, unknown> = { messages: flat };
  for (const key of ["model", "max_tokens", "temperature", "top_p"] as const) if (body[key] !== undefined) chatBody[key] = body[key];
  return toChatParams(chatBody, config);
}

/** Role, part types and text length of one UI message; leaves what it can't read to fromUIMessages. */
function checkMessage(message: unknown, path: string, config: Config): void {
  if (typeof message !== "object" || message === null) return;
  const { role, parts } = message as { role?: unknown; parts?: unknown };
  if (role !== "user" && role !== "assistant") throw invalid("invalid_request", `${path}.role must be "user" or "assistant".`);
  if (!Array.isArray(parts)) return;
  const allowed = role === "user" ? USER_PARTS : ASSISTANT_PARTS;
  const texts: string[] = [];
  parts.forEach((part: unknown, at) => {
    const type = (part as { type?: unknown } | null)?.type;
    if (typeof type !== "string") return;
    if (!allowed.has(type)) {
      throw invalid("part_not_allowed", `${path}.parts[${at}] is of a type ${role} messages may not hold (allowed: ${[...allowed].join(", ")}).`, `part type ${type}`);
    }
    const text = (part as { text?: unknown }).text;
    if (type === "text" && typeof text === "string" && text) texts.push(text);
  });
  // Measured as it is sent: the text parts joined by a blank line.
  const length = texts.join("\n\n").length;
  if (length > config.maxMessageChars) throw invalid("message_too_long", `${path} has ${length} characters of text; at most ${config.maxMessageChars} are allowed.`);
}

function invalid(code: string, message: string, detail?: string): HttpError {
  return new HttpError(400, code, message, {}, detail);
}
