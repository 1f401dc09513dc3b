import type { StandardSchemaV1 } from "@standard-schema/spec";

/**
 * Base class of every error this SDK throws. Never holds request options, headers or the API key.
 * @example
 * try { await client.chat.completions.create(params) } catch (e) { if (isDeepInfraError(e)) console.log(e.name, e.message) }
 */
export class DeepInfraError extends Error {
  override name = "DeepInfraError";
  /** Realm-safe brand: `instanceof` fails across bundles or iframes, this does not. */
  readonly deepinfraError = true as const;
}

/** True for any error thrown by this SDK, even one from another copy of it. */
export function isDeepInfraError(value: unknown): value is DeepInfraError {
  return value instanceof DeepInfraError || (typeof value === "object" && value !== null && (value as { deepinfraError?: unknown }).deepinfraError === true);
}

/** Fields every API error carries. */
export interface APIErrorInit {
  status: number | undefined;
  headers: Record<string, string>;
  body: unknown;
  message: string;
  /** Model alias the request named, when the failure is about the model it mapped to. */
  alias?: string;
  model?: string;
}

/** DeepInfra answered with an error status, or sent an error event inside a stream. */
export class APIError extends DeepInfraError {
  override name = "APIError";
  /** HTTP status; undefined for an error event inside a 200 stream that named none. */
  readonly status: number | undefined;
  /** Response headers (lower-case names), with the API key redacted. */
  readonly headers: Record<string, string>;
  /** Parsed error body (JSON, or the raw text), with the API key redacted. */
  readonly body: unknown;
  /** `x-request-id` (or a `request_id` in the body) when DeepInfra sent one. */
  readonly requestId: string | undefined;
  /** `error.type` / `error.code` / `error.param` from an OpenAI-style body. */
  readonly type: string | undefined;
  readonly code: string | undefined;
  readonly param: string | undefined;
  /** Alias the caller used (e.g. "default") when the error concerns the model it mapped to. */
  readonly alias: string | undefined;
  /** Model id sent on the wire. */
  readonly model: string | undefined;

  constructor(init: APIErrorInit) {
    super(init.message);
    this.status = init.status;
    this.headers = init.headers;
    this.body = init.body;
    this.alias = init.alias;
    this.model = init.model;
    const inner = errorObject(init.body);
    this.type = stringField(inner, "type");
    this.code = stringField(inner, "code");
    this.param = stringField(inner, "param");
    this.requestId = init.headers["x-request-id"] ?? stringField(init.body, "request_id");
  }
}

/** 400: the request was rejected, e.g. prompt plus `max_tokens` exceed the context window. */
export class BadRequestError extends APIError { override name = "BadRequestError"; }
/** 401: the API key is missing or wrong. */
export class AuthenticationError extends APIError { override name = "AuthenticationError"; }
/** 402: the account's balance is exhausted or no payment method is set. */
export class PaymentRequiredError extends APIError { override name = "PaymentRequiredError"; }
/** 403: the key may not use this model or endpoint. */
export class PermissionDeniedError extends APIError { override name = "PermissionDeniedError"; }
/** 404: unknown route or model. */
export class NotFoundError extends APIError { override name = "NotFoundError"; }
/** 405: DeepInfra answers this when a model lacks a feature (or the path/method is wrong). */
export class UnsupportedFeatureError extends APIError { override name = "UnsupportedFeatureError"; }
/** 409: conflict; retried. */
export class ConflictError extends APIError { override name = "ConflictError"; }
/** 422: DeepInfra's own request validation failed (FastAPI `detail` array). */
export class UnprocessableEntityError extends APIError { override name = "UnprocessableEntityError"; }
/** 429: rate limited or the model is busy. `quota` is true when the body says a balance/quota is spent (never retried). */
export class RateLimitError extends APIError {
  override name = "RateLimitError";
  get quota(): boolean {
    return isQuotaMessage(this.message);
  }
}
/** 5xx: DeepInfra or a proxy failed. */
export class InternalServerError extends APIError { override name = "InternalServerError"; }

const STATUS_CLASSES: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  402: PaymentRequiredError,
  403: PermissionDeniedError,
  404: NotFoundError,
  405: UnsupportedFeatureError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** Builds the `APIError` subclass matching a status. */
export function createAPIError(init: APIErrorInit): APIError {
  const Class = init.status === undefined ? APIError : (STATUS_CLASSES[init.status] ?? (init.status >= 500 ? InternalServerError : APIError));
  return new Class(init);
}

/** The request never got an answer: DNS, refused or reset connection, TLS. */
export class APIConnectionError extends DeepInfraError {
  override name = "APIConnectionError";
}

/** `timeout` passed before the response headers, or `idleTimeout` passed between two stream reads. */
export class APITimeoutError extends APIConnectionError {
  override name = "APITimeoutError";
  constructor(
    message: string,
    /** Which limit fired. */
    readonly phase: "headers" | "idle",
    /** The limit in milliseconds. */
    readonly timeoutMs: number,
  ) {
    super(message);
  }
}

/** The caller aborted (their `signal`, `stream.abort()`). */
export class APIUserAbortError extends DeepInfraError {
  override name = "APIUserAbortError";
  constructor(message = "Request was aborted.") {
    super(message);
  }
}

/** The stream ended before `[DONE]` and before every choice had a `finish_reason`: the answer is incomplete. */
export class IncompleteStreamError extends DeepInfraError {
  override name = "IncompleteStreamError";
}

/** A request parameter broke a rule; thrown before anything is sent. `issues` are Standard Schema issues. */
export class ValidationError extends DeepInfraError {
  override name = "ValidationError";
  constructor(
    message: string,
    readonly issues: ReadonlyArray<StandardSchemaV1.Issue>,
  ) {
    super(message);
  }
}

const QUOTA_RE = /quota|balance|billing|credit|insufficient|payment/i;

/** A 429 that says money or quota is spent is not worth retrying. */
export function isQuotaMessage(message: string): boolean {
  return QUOTA_RE.test(message);
}

function errorObject(body: unknown): unknown {
  if (typeof body !== "object" || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  return typeof error === "object" && error !== null ? error : undefined;
}

function stringField(value: unknown, key: string): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === "string" ? field : typeof field === "number" ? String(field) : undefined;
}

/**
 * Reads a human message from either DeepInfra envelope: `{error:{message}}`, `{error:"…"}`,
 * `{detail:"…"}`, `{detail:{error:"…"}}`, `{detail:[{loc,msg}]}`, or plain text.
 */
export function readErrorMessage(body: unknown): string | undefined {
  if (typeof body === "string") return body.trim() || undefined;
  if (typeof body !== "object" || body === null) return undefined;
  const { error, detail, message } = body as { error?: unknown; detail?: unknown; message?: unknown };
  if (typeof error === "string") return error;
  const inner = errorObject(body);
  if (inner) {
    const text = stringField(inner, "message") ?? stringField(inner, "error");
    if (text) return text;
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
