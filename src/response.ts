import { createAPIError, stringField, type APIError } from "./errors/api-error.js";
import { markAnswer } from "./api-promise.js";
import type { ResolvedModel } from "./models.js";
import type { OpenResponse } from "./types/request.js";

type Redacting = { redact<T>(value: T): T };

/** An error body is read this far at most: enough for any message, bounded against a hostile server. */
const ERROR_BODY_LIMIT = 64 * 1024;
/** A body that is not JSON (an HTML error page) shows this many characters in the message; the rest stays on `error.body`. */
const EXCERPT_CHARS = 240;

/** The response's headers as a plain object (lower-case names), the key scrubbed. */
export function headersOf(open: Pick<OpenResponse, "response" | "body">): Record<string, string> {
  const out: Record<string, string> = {};
  open.response.headers.forEach((value, key) => {
    out[key] = value;
  });
  return open.body.redact(out);
}

/**
 * The one place an `APIError` is built for an answer: it always carries the status, the redacted
 * headers (so `requestId`) and the redacted body; the message gets the request id appended.
 */
export function apiErrorFor(
  open: Pick<OpenResponse, "response" | "body"> & { request?: OpenResponse["request"] },
  body: unknown,
  message: string,
  status: number | undefined = open.response.status,
  detail?: string,
): APIError {
  return build(open.body, headersOf(open), body, message, status, detail, open.request?.resolved);
}

function build(source: Redacting, headers: Record<string, string>, body: unknown, message: string, status: number | undefined, detail?: string, resolved?: ResolvedModel): APIError {
  const requestId = headers["x-request-id"] ?? stringField(body, "request_id");
  return createAPIError({
    status,
    headers,
    body: source.redact(body),
    message: source.redact(requestId ? `${message} (request ${requestId})` : message),
    detail: detail && source.redact(detail),
    alias: resolved?.alias,
    model: resolved?.model,
  });
}

/**
 * Reads a non-2xx answer's body (bounded) into the matching `APIError`. `hint` may add a sentence about
 * the failure (the transport's alias hint for a retired model).
 */
export async function errorFromResponse(open: OpenResponse, hint?: (status: number, detail: string) => string | undefined): Promise<APIError> {
  const { response } = open;
  let text = "";
  try {
    text = await open.body.text(ERROR_BODY_LIMIT);
  } catch {
    // The status already says what happened; a body that fails to arrive adds nothing.
  }
  const body = parseJSON(text);
  // JSON: the envelope's message. A short plain-text body (FastAPI's own 500) is the message itself; anything
  // else (an HTML page from a load balancer or CDN) becomes one line: content type and an excerpt.
  const plain = body === undefined && !/html/i.test(contentType(open)) && !/^\s*</.test(text) && text.length <= EXCERPT_CHARS ? text.trim() : "";
  const detail = body === undefined ? plain || undefined : readErrorMessage(body);
  let message = `${response.status} ${detail ?? excerpt(open, text, true)}`;
  if (response.status === 404 || response.status === 405) message += ` (${[open.request.method, open.request.url].filter(Boolean).join(" ")})`;
  const extra = hint?.(response.status, detail ?? "");
  if (extra) message += `. ${extra}`;
  return apiErrorFor(open, body ?? (text || undefined), message, response.status, detail);
}

/**
 * Reads a 2xx body as JSON.
 * @throws APIError when the body is not JSON, or is an error envelope despite the 2xx status.
 */
export async function readJSON<T>(open: OpenResponse): Promise<T> {
  const text = await open.body.text();
  const body = parseJSON(text);
  if (body === undefined) throw apiErrorFor(open, open.body.redact(text).slice(0, ERROR_BODY_LIMIT), `${open.response.status} response body is not JSON: ${excerpt(open, text, true)}`);
  if (isErrorEnvelope(body)) throw envelopeError(open, body);
  return markAnswer(body as T, open.response);
}

/**
 * Checks that a streaming answer really is an event stream before anyone reads it as one: a dev
 * server's HTML fallback, a JSON error envelope (some proxies answer errors with 200) or a misrouted
 * request would otherwise read as an empty, "incomplete" stream. A missing content type is accepted.
 * @throws APIError naming what arrived instead.
 */
export async function expectEventStream(open: OpenResponse): Promise<void> {
  const type = contentType(open);
  if (type === "" || /event-stream|^text\/plain/i.test(type)) return;
  const text = await open.body.text(ERROR_BODY_LIMIT);
  const body = /json/i.test(type) ? parseJSON(text) : undefined;
  if (body !== undefined && isErrorEnvelope(body)) throw envelopeError(open, body);
  throw apiErrorFor(open, body ?? text, `Expected an event stream (text/event-stream) but the answer is ${type}: ${excerpt(open, text) || "an empty body"}`);
}

/**
 * An error DeepInfra sent inside a stream (an `event: error`, an OpenAI-style `{error}` event, or its
 * own `{error_type, error_message}` frame), as an `APIError` carrying the stream's headers.
 */
export function streamEventError(payload: unknown, source: Redacting, headers: Record<string, string>): APIError {
  const detail = readErrorMessage(source.redact(payload)) ?? "no message";
  return build(source, headers, payload, `Error event in the stream: ${detail}`, statusIn(payload), detail);
}

/**
 * The one rule for "this JSON is an error, not an answer", for 2xx bodies and stream events alike: an
 * object with a non-null `error`, a `detail` (FastAPI) or DeepInfra's `error_message` frame, and none
 * of an answer's own fields.
 */
export function isErrorEnvelope(body: unknown): body is Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return false;
  const b = body as Record<string, unknown>;
  return (b.error != null || b.detail != null || typeof b.error_message === "string") && !("choices" in b) && !("data" in b);
}

/**
 * Reads a human message from any of DeepInfra's error shapes: `{error:{message}}`, `{error:"…"}`,
 * `{detail:"…"}`, `{detail:{error:"…"}}`, `{detail:[{loc,msg}]}`, `{error_type, error_message}` (whose
 * message may itself be JSON text holding `{error:{message}}`), or plain text.
 */
export function readErrorMessage(body: unknown, depth = 0): string | undefined {
  if (typeof body === "string") return body.trim() || undefined;
  if (typeof body !== "object" || body === null) return undefined;
  const { error, detail, message, error_message } = body as { error?: unknown; detail?: unknown; message?: unknown; error_message?: unknown };
  if (typeof error === "string") return error;
  if (typeof error === "object" && error !== null) {
    const text = stringField(error, "message") ?? stringField(error, "error");
    if (text) return text;
  }
  if (typeof error_message === "string") {
    const nested = depth < 2 ? parseJSON(error_message) : undefined;
    return (nested !== undefined && readErrorMessage(nested, depth + 1)) || error_message.trim() || undefined;
  }
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) {
    const parts = detail.map((item) => {
      if (typeof item !== "object" || item === null) return String(item);
      const { loc, msg } = item as { loc?: unknown; msg?: unknown };
      const where = Array.isArray(loc) ? loc.filter((p) => p !== "body").join(".") : "";
      return where ? `${where}: ${String(msg)}` : String(msg);
    });
    if (parts.length) return parts.join("; ");
  }
  if (typeof detail === "object" && detail !== null) {
    const text = stringField(detail, "error") ?? stringField(detail, "message");
    if (text) return text;
  }
  return typeof message === "string" ? message : undefined;
}

function envelopeError(open: OpenResponse, body: Record<string, unknown>): APIError {
  const detail = readErrorMessage(body) ?? "no message";
  return apiErrorFor(open, body, `${detail} (an error body in a ${open.response.status} answer)`, statusIn(body), detail);
}

/** The HTTP status an error body names, in `error` or at its top: `status_code`, `status` or `code`. */
function statusIn(body: unknown): number | undefined {
  for (const value of [(body as { error?: unknown } | null)?.error, body]) {
    for (const key of ["status_code", "status", "code"]) {
      const status = Number((value as Record<string, unknown> | null)?.[key]);
      if (status >= 400 && status < 600) return status;
    }
  }
  return undefined;
}

function contentType(open: Pick<OpenResponse, "response">): string {
  return (open.response.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

function parseJSON(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * A short excerpt of a body (an HTML page's text, tags dropped), scrubbed before it is cut so no
 * partial key survives the cut; `line` puts the status text and content type in front.
 */
function excerpt(open: OpenResponse, text: string, line?: boolean): string {
  let plain = open.body.redact(text);
  const type = contentType(open);
  // A page's text, tags dropped: its <title> comes first, as a reader would see it.
  if (/html/i.test(type) || /^\s*</.test(plain)) plain = plain.replace(/<(script|style)[\s\S]*?<\/\1>|<[^>]*>/gi, " ");
  plain = plain.replace(/\s+/g, " ").trim();
  if (plain.length > EXCERPT_CHARS) plain = `${plain.slice(0, EXCERPT_CHARS)}…`;
  return line ? `${open.response.statusText ? `${open.response.statusText} ` : ""}(${type || "no content type"})${plain ? `: ${plain}` : ", empty body"}` : plain;
}
