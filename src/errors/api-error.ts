import { DeepInfraError } from "./base.js";

/** Fields every API error carries. Built in `response.ts` only, so each carries its status and redacted headers. */
export interface APIErrorInit {
  status: number | undefined;
  /** Response headers (lower-case names), already redacted. */
  headers: Record<string, string>;
  /** Parsed error body (JSON, or the raw text), already redacted. */
  body: unknown;
  message: string;
  /** The server's own message, when it sent one (quota detection reads it, not the decorated `message`). */
  detail?: string | undefined;
  /** Model alias the request named, when the failure is about the model it mapped to. */
  alias?: string | undefined;
  model?: string | undefined;
}

/** An error's response headers: lower-case names (`headers["retry-after"]`), the API key redacted. */
export type ErrorHeaders = Readonly<Record<string, string>>;

/**
 * DeepInfra answered with an error status, or sent an error event inside a stream. (Fields are `declare`d and
 * set in the constructor: no separate field definitions in every bundle that can throw one.)
 */
export class APIError extends DeepInfraError {
  override name = "APIError";
  /** HTTP status; undefined for an error event inside a 200 stream that named none. */
  declare readonly status: number | undefined;
  /** Response headers (lower-case names), with the API key redacted: `headers["retry-after"]`. */
  declare readonly headers: ErrorHeaders;
  /** Parsed error body (JSON, or the raw text), with the API key redacted. */
  declare readonly body: unknown;
  /** `x-request-id` (or a `request_id` in the body) when DeepInfra sent one. */
  declare readonly requestId: string | undefined;
  /** `error.type` / `error.code` / `error.param` from an OpenAI-style body (`error_type` from DeepInfra's stream frames). */
  declare readonly type: string | undefined;
  declare readonly code: string | undefined;
  declare readonly param: string | undefined;
  /** Alias the caller used (e.g. "default") when the error concerns the model it mapped to. */
  declare readonly alias: string | undefined;
  /** Model id sent on the wire. */
  declare readonly model: string | undefined;
  readonly #detail: string | undefined;

  constructor(init: APIErrorInit) {
    super(init.message);
    this.status = init.status;
    this.headers = init.headers;
    this.body = init.body;
    this.alias = init.alias;
    this.model = init.model;
    this.#detail = init.detail;
    const inner = (init.body as { error?: unknown } | null)?.error;
    this.type = stringField(inner, "type") ?? stringField(init.body, "error_type");
    this.code = stringField(inner, "code");
    this.param = stringField(inner, "param");
    this.requestId = init.headers["x-request-id"] ?? stringField(init.body, "request_id");
  }

  /** openai-node's `error`: the body's `error` object, or the whole body when it has none (redacted either way). */
  get error(): unknown {
    return (this.body as { error?: unknown } | null)?.error ?? this.body;
  }

  /** The server's own message (not decorated with status, hints or the request id). */
  protected get detail(): string {
    return this.#detail ?? this.message;
  }
}

/** 400: the request was rejected, e.g. prompt plus `max_tokens` exceed the context window. */
export class BadRequestError extends APIError { override name = "BadRequestError"; }
/** 401: the API key is missing or wrong. */
export class AuthenticationError extends APIError { override name = "AuthenticationError"; }
/** 402: the account's balance is exhausted or no payment method is set. */
export class PaymentRequiredError extends APIError { override name = "PaymentRequiredError"; }
/** 403: the key may not use this model or endpoint (DeepInfra also answers 403 to a missing key). */
export class PermissionDeniedError extends APIError { override name = "PermissionDeniedError"; }
/** 404: unknown route or model; the message names the method and path that were tried. */
export class NotFoundError extends APIError { override name = "NotFoundError"; }
/** 405: DeepInfra answers this when a model lacks a feature (or the path/method is wrong). */
export class UnsupportedFeatureError extends APIError { override name = "UnsupportedFeatureError"; }
/** 409: conflict; retried. */
export class ConflictError extends APIError { override name = "ConflictError"; }
/** 422: DeepInfra's own request validation failed (FastAPI `detail` array). */
export class UnprocessableEntityError extends APIError { override name = "UnprocessableEntityError"; }
/** 429: rate limited or the model is busy. `quota` is true when the server's message says a balance/quota is spent (never retried). */
export class RateLimitError extends APIError {
  override name = "RateLimitError";
  get quota(): boolean {
    return isQuotaMessage(this.detail);
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

// "insufficient" alone would also match a busy model's "insufficient capacity", which is worth retrying.
const QUOTA_RE = /quota|balance|billing|credit|payment|insufficient (funds|balance|credit)/i;

/** A 429 whose message says money or quota is spent is not worth retrying. */
export function isQuotaMessage(message: string): boolean {
  return QUOTA_RE.test(message);
}

/** A string (or number) field of an object, as a string. */
export function stringField(value: unknown, key: string): string | undefined {
  const field = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof field === "string" ? field : typeof field === "number" ? String(field) : undefined;
}
