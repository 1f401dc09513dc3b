import type { BodyReader } from "../body-reader.js";
import type { CallContext, EndpointKind } from "../call-context.js";
import type { DeepInfraError } from "../errors/base.js";
import type { ResolvedModel } from "../models.js";

/** A WHATWG `fetch`: the global one, a Worker service binding's, or a test double. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Per-call options (the second argument of every call); each overrides the client's setting for this call only. */
export interface RequestOptions {
  /** Aborts the request, its retries and waits, and an open stream. */
  signal?: AbortSignal;
  /**
   * Streamed chat: read a leading `<think>…</think>` block of `content` (R1-style models) as `reasoning_content`,
   * so `textStream()` and `finalCompletion()` hold only the answer (default true; `false` leaves `content` as sent).
   */
  thinkTags?: boolean;
  /**
   * Milliseconds to wait for response headers (0 disables). Default: 600,000 for a generation that is not
   * streamed or is `service_tier: "flex"`, 60,000 for everything else (see docs/errors.md).
   */
  timeout?: number;
  /**
   * Longest wait in milliseconds for the server while a read of the body is pending; time the caller spends
   * between reads never counts (default 30,000; 600,000 for a generation that is not streamed).
   */
  idleTimeout?: number;
  /** Retries after a connection error, 408, 409, 429 (not quota, not `fail_fast`) or 5xx (default 2). */
  maxRetries?: number;
  /**
   * Also retry a generation or creation whose request may already have reached DeepInfra: a header timeout,
   * or a connection lost after the request was sent (default false: each such retry may be billed again).
   * An answer whose headers arrived is never sent again, whatever this says.
   */
  retryInFlight?: boolean;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** `false` sends the parameters unchecked, for when DeepInfra moves faster than a release (default: the client's `validate`). */
  validate?: boolean;
  /** This call's retry schedule, overriding the client's `retryDelay`. */
  retryDelay?: (info: RetryDelayInfo) => number | undefined;
}

/**
 * Options of the calls a fallback chain serves: `chat.completions.create` (and its `parse` and `runTools`),
 * `completions.create` and `embeddings.create` of the full `DeepInfra` client. Any other call given `fallback`
 * throws `ValidationError` rather than ignore it.
 */
export interface FallbackRequestOptions extends RequestOptions {
  /**
   * Models (aliases allowed) tried in order after `model` when it is gone, busy, failing or refuses a
   * feature; replaces the client's `fallback` for this call (`[]` turns it off).
   */
  fallback?: readonly string[];
}

/** What `onRetry` and `retryDelay` are told before each retry. */
export interface RetryInfo {
  /** 1 for the first retry. */
  attempt: number;
  /** How long the SDK waits before it (after `retryDelay`, when set). */
  delayMs: number;
  /** The failure being retried (its message is already scrubbed of the key). */
  error: DeepInfraError;
}

/** What the `retryDelay` client option is asked before each retry the SDK would make. */
export interface RetryDelayInfo {
  /** 1 for the first retry. */
  attempt: number;
  /** The failure (scrubbed of the key). */
  error: DeepInfraError;
  /** The SDK's own wait: the server's `Retry-After` when it sent one, else exponential backoff with jitter. */
  suggestedMs: number;
  /** The server's `retry-after-ms` / `Retry-After`, when it sent one. */
  retryAfterMs: number | undefined;
}

/** One API call as a resource describes it. */
export interface RequestSpec {
  method: "GET" | "POST" | "DELETE";
  /** Path under `baseURL`, e.g. `/v1/openai/chat/completions`. */
  path: string;
  /** JSON-serialisable object, `FormData` or a `Blob`. */
  body?: unknown;
  /** Ask for `text/event-stream`. */
  stream?: boolean;
  /** The alias resolution behind `body.model`, for error hints. */
  resolved?: ResolvedModel;
  /** What the server may do with it (default: GET is a `read`, anything else a `generation`); decides the retries. */
  kind?: EndpointKind;
}

/** An answered request whose body is still unread. */
export interface OpenResponse {
  response: Response;
  /** Reads the body under the idle timeout; `body.redact()` scrubs the key from anything built from it. */
  body: BodyReader;
  /** What was sent: method, full URL and model, for error messages. */
  request: { method: string; url: string; resolved?: ResolvedModel | undefined };
  /** The call this answer belongs to. */
  call?: CallContext;
}
