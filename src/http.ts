import { checkRequestOptions } from "./options-check.js";
import { createFetch } from "ofetch";
import { APIError } from "./errors/api-error.js";
import type { DeepInfraError } from "./errors/base.js";
import { APIConnectionError, APIUserAbortError } from "./errors/connection.js";
import { RedirectError } from "./errors/redirect.js";
import { refuse } from "./schema/runtime.js";
import { ResponseLostError } from "./errors/response-lost.js";
import { kindOf, type CallContext, type EndpointKind } from "./call-context.js";
import { openExchange } from "./exchange.js";
import { createRedactor, secretsOf, type Redactor } from "./redact.js";
import { aliasHint, isModelGoneError } from "./models.js";
import { errorFromResponse } from "./response.js";
import type { FetchLike, OpenResponse, RequestOptions, RequestSpec, RetryDelayInfo, RetryInfo } from "./types/request.js";

/**
 * Steps around each call, as ofetch's and ky's hooks: the budget, the 405 memory and the concurrency
 * limiter are plain objects of these, never wrappers of the transport. Each is handed the call's one
 * `CallContext` (what was sent, which attempt, whether it may have reached the server, its charge).
 */
export interface TransportHooks {
  /** Once per call, before anything is sent; throw to refuse (nothing leaves). */
  beforeRequest?(spec: RequestSpec, call?: CallContext): void;
  /**
   * Before each attempt, inside its header timeout; may wait (a queue), and must give up when
   * `signal` aborts. The returned function is called once when the attempt ends: with its error, or,
   * for a 2xx, when its body is done (with the body's failure, if any).
   */
  beforeAttempt?(spec: RequestSpec, signal: AbortSignal, call: CallContext): Promise<((error?: DeepInfraError) => void) | void> | ((error?: DeepInfraError) => void) | void;
  /** After each 2xx answer's headers, before its body is read. */
  afterResponse?(spec: RequestSpec, open: OpenResponse, call?: CallContext): void;
  /** After each failed attempt (typed, scrubbed); `retrying` tells whether another attempt follows. */
  onError?(spec: RequestSpec, error: DeepInfraError, retrying: boolean, call?: CallContext): void;
}

/** Settings the transport runs with, resolved by the client. */
export interface TransportConfig {
  apiKey: string;
  baseURL: string;
  fetch?: FetchLike | undefined;
  /** Header timeout; undefined picks the default per kind of call (`defaultTimeouts`). */
  timeout?: number | undefined;
  idleTimeout?: number | undefined;
  maxRetries: number;
  /** Re-send generations and creations that may have reached the server (header timeout, connection lost after sending). */
  retryInFlight?: boolean | undefined;
  headers: Record<string, string>;
  hooks?: readonly TransportHooks[];
  onRetry?: ((info: RetryInfo) => void) | undefined;
  retryDelay?: ((info: RetryDelayInfo) => number | undefined) | undefined;
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
}

/**
 * Sends one API call with retries; the only place a request leaves the SDK. `read` consumes a 2xx
 * answer; a body lost while reading is sent again only for a `read` (see `kindOf`): for a generation
 * or a creation it throws `ResponseLostError`, since the server already did the work. Without `read`,
 * the open response is returned for streaming and nothing is retried after that.
 */
export type Transport = <T = OpenResponse>(spec: RequestSpec, options?: RequestOptions, read?: (open: OpenResponse) => Promise<T>) => Promise<T>;

const RETRY_STATUSES = /* @__PURE__ */ new Set([408, 409, 429]);
const INITIAL_RETRY_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;
/** A server asking to wait longer than this is not worth holding an edge request open for. */
export const MAX_RETRY_AFTER_MS = 60_000;
/** openai-node's default: a whole non-streamed answer, or a `flex` request's queue, may take this long. */
export const LONG_TIMEOUT_MS = 600_000;
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

/**
 * The header and idle timeouts a call runs under when neither the call nor the client sets them: a
 * generation that is not streamed sends its headers with the whole answer, and `flex` may queue for 10 min.
 */
export function defaultTimeouts(spec: RequestSpec, kind: EndpointKind): { timeout: number; idleTimeout: number } {
  const whole = kind === "generation" && !spec.stream;
  const long = whole || (kind === "generation" && (spec.body as { service_tier?: unknown } | undefined)?.service_tier === "flex");
  return { timeout: long ? LONG_TIMEOUT_MS : DEFAULT_TIMEOUT_MS, idleTimeout: whole ? LONG_TIMEOUT_MS : DEFAULT_IDLE_TIMEOUT_MS };
}

/**
 * Creates the transport. ofetch sends and encodes the body; its own retry, timeout, redirects and error
 * throwing are off because they can't do what the edge needs: a 429 that is a spent quota is final, an
 * idle timeout between stream reads, retries decided by what the server may already have done, a
 * redirect that would carry the key elsewhere, and errors that never carry the request options
 * (ofetch's `FetchError` holds them, key included).
 */
export function createTransport(config: TransportConfig): Transport {
  const userFetch = config.fetch;
  // Called as a plain function: Workers throw "Illegal invocation" when fetch runs with another `this`.
  const fetchImpl: FetchLike = userFetch ? (input, init) => userFetch(input, init) : (input, init) => globalThis.fetch(input, init);
  const $fetch = createFetch({ fetch: fetchImpl as typeof globalThis.fetch });
  const root = config.baseURL.replace(/\/+$/, "");
  const sleep = config.sleep ?? abortableSleep;
  const hooks = config.hooks ?? [];
  // Per-client work done once, not on every request.
  const clientHeaders = lowerKeys(config.headers);
  clientHeaders.authorization ??= `Bearer ${config.apiKey}`;
  const clientSecrets = secretsOf(config.apiKey, clientHeaders.authorization);
  const clientRedactor = createRedactor(clientSecrets);

  async function attempt(call: CallContext, redactor: Redactor, headers: Record<string, string>): Promise<OpenResponse> {
    const { spec, options } = call;
    const url = root + spec.path;
    const releases: Array<(error?: DeepInfraError) => void> = [];
    const defaults = options.timeout === undefined || options.idleTimeout === undefined ? defaultTimeouts(spec, call.kind) : undefined;
    let sent = false;
    let open: OpenResponse;
    try {
      const { response, body } = await openExchange(
        async (signal) => {
          for (const hook of hooks) {
            const release = hook.beforeAttempt && (await hook.beforeAttempt(spec, signal, call));
            if (release) releases.push(release);
          }
          sent = true;
          call.mayHaveReachedServer = true;
          try {
            return await $fetch.raw(url, {
              method: spec.method,
              headers,
              body: spec.body as BodyInit | Record<string, unknown> | undefined,
              signal,
              retry: false,
              timeout: undefined,
              redirect: "manual",
              responseType: "stream",
              ignoreResponseError: true,
            });
          } catch (error) {
            if (refusedBeforeSending(error)) call.mayHaveReachedServer = false;
            throw error;
          }
        },
        {
          signal: options.signal,
          timeoutMs: options.timeout ?? config.timeout ?? defaults!.timeout,
          idleTimeoutMs: options.idleTimeout ?? config.idleTimeout ?? defaults!.idleTimeout,
          redactor,
          queued: () => !sent,
        },
      );
      open = { response, body, request: { method: spec.method, url, resolved: spec.resolved }, call };
      if (isRedirect(response)) {
        body.cancel();
        throw new RedirectError(response.status, redirectTarget(response, url));
      }
      if (!response.ok) throw await errorFromResponse(open, modelHint(spec));
    } catch (error) {
      for (const release of releases) release(error as DeepInfraError);
      throw error;
    }
    call.response = open;
    for (const release of releases) open.body.onClose(release);
    for (const hook of hooks) hook.afterResponse?.(spec, open, call);
    return open;
  }

  /** Decides on a retry after `error`, tells the hooks, and waits; false when the error is final. */
  async function waitToRetry(call: CallContext, error: DeepInfraError, maxRetries: number): Promise<boolean> {
    const { spec, options } = call;
    const retry = call.attempt;
    const delayMs = retry < maxRetries && !options.signal?.aborted && mayRetry(call, error, options.retryInFlight ?? config.retryInFlight) ? nextDelay(error, retry + 1, options.retryDelay ?? config.retryDelay) : undefined;
    if (delayMs === undefined) return false;
    for (const hook of hooks) hook.onError?.(spec, error, true, call);
    config.onRetry?.({ attempt: retry + 1, delayMs, error });
    await sleep(delayMs, options.signal);
    call.attempt++;
    return true;
  }

  async function run<T>(call: CallContext, read: ((open: OpenResponse) => Promise<T>) | undefined): Promise<T> {
    const { spec, options } = call;
    checkRequestOptions(options);
    const callHeaders = options.headers && lowerKeys(options.headers);
    const headers: Record<string, string> = { accept: spec.stream ? "text/event-stream" : "application/json", ...clientHeaders, ...callHeaders };
    const redactor = callHeaders?.authorization ? createRedactor(secretsOf(config.apiKey, callHeaders.authorization).concat(clientSecrets)) : clientRedactor;
    const maxRetries = Math.max(0, options.maxRetries ?? config.maxRetries);
    for (;;) {
      let open: OpenResponse;
      try {
        open = await attempt(call, redactor, headers);
      } catch (error) {
        // attempt() throws the SDK's typed, scrubbed errors only.
        if (await waitToRetry(call, error as DeepInfraError, maxRetries)) continue;
        throw error;
      }
      if (!read) return open as T;
      try {
        return await read(open);
      } catch (error) {
        open.body.cancel();
        // Anything thrown while reading a 2xx other than a lost body (an error envelope, a user callback) is final
        // and rethrown as it is. A lost body is sent again only for a read: the server already did a generation's work.
        if (!(error instanceof APIConnectionError)) throw error;
        if (call.kind === "read") {
          if (await waitToRetry(call, error, maxRetries)) continue;
          throw error;
        }
        throw new ResponseLostError(call.kind, open.response.headers.get("x-request-id") ?? undefined, error.message);
      }
    }
  }

  return async function send<T>(spec: RequestSpec, options: RequestOptions = {}, read?: (open: OpenResponse) => Promise<T>): Promise<T> {
    // Refused rather than silently ignored: no chain serves this call.
    if ((options as { fallback?: unknown }).fallback !== undefined) refuse("request options", ["options", "fallback"], "absent: fallback works only on chat, completions and embeddings of the full client", (options as { fallback?: unknown }).fallback);
    const call: CallContext = { spec, options, kind: kindOf(spec), attempt: 0, mayHaveReachedServer: false, signal: options.signal };
    for (const hook of hooks) hook.beforeRequest?.(spec, call);
    try {
      return await run(call, read);
    } catch (error) {
      // Every way a call fails for good, an aborted retry wait included, is told to the steps once.
      call.error = error as DeepInfraError;
      for (const hook of hooks) hook.onError?.(spec, call.error, false, call);
      throw error;
    }
  };
}

/**
 * Whether `error` may be answered by sending the request again, by what the server may have done: a
 * read always; a generation or a creation only when its request cannot have reached the server (refused
 * before sending, or an answer that says nothing was done), unless `retryInFlight` says otherwise. A
 * `fail_fast` request's 429 is final: moving on at once is the reason to send it.
 */
function mayRetry(call: CallContext, error: DeepInfraError, retryInFlight: boolean | undefined): boolean {
  if (error instanceof APIError) return !(error.status === 429 && (call.spec.body as { fail_fast?: unknown } | undefined)?.fail_fast === true);
  if (call.kind === "read" || retryInFlight) return true;
  return !call.mayHaveReachedServer;
}

/** A connection that failed before the request could be written: DNS or a refused connection. */
function refusedBeforeSending(error: unknown): boolean {
  const { message, cause } = (error ?? {}) as { message?: unknown; cause?: { code?: unknown } };
  return /refused|ENOTFOUND|EAI_AGAIN|UND_ERR_CONNECT|getaddrinfo/i.test(`${cause?.code} ${message}`);
}

function isRedirect(response: Response): boolean {
  return response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400 && response.status !== 304);
}

/** A redirect's target as origin and path: never its userinfo or query, which may carry credentials. */
function redirectTarget(response: Response, base: string): string | undefined {
  const location = response.headers.get("location");
  if (!location) return undefined;
  try {
    const url = new URL(location, base);
    return url.origin + url.pathname;
  } catch {
    return undefined;
  }
}

/** For a request made through an alias: when the answer says the model is gone, how to override the alias. */
function modelHint(spec: RequestSpec): ((status: number, detail: string) => string | undefined) | undefined {
  const resolved = spec.resolved;
  if (!resolved?.alias) return undefined;
  return (status, detail) => (isModelGoneError(status, detail) ? aliasHint(resolved) : undefined);
}

/** Waits `ms`, rejecting with `APIUserAbortError` as soon as `signal` fires. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new APIUserAbortError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new APIUserAbortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** The wait before retry number `attempt` (1-based): the SDK's schedule, then the user's `retryDelay`. */
function nextDelay(error: DeepInfraError, attempt: number, custom: TransportConfig["retryDelay"]): number | undefined {
  const suggestedMs = retryDelay(error, attempt - 1);
  if (suggestedMs === undefined || !custom) return suggestedMs;
  const chosen = custom({ attempt, error, suggestedMs, retryAfterMs: error instanceof APIError ? retryAfterMs(error.headers) : undefined });
  return chosen === undefined || !(chosen >= 0) ? undefined : chosen;
}

/**
 * Milliseconds to wait before retry number `retry` (0-based), or undefined when the error is not
 * retryable or the server asks for more than `MAX_RETRY_AFTER_MS`.
 */
export function retryDelay(error: DeepInfraError, retry: number, random: () => number = Math.random, now: number = Date.now()): number | undefined {
  if (error instanceof APIError) {
    const status = error.status ?? 0;
    if (!(RETRY_STATUSES.has(status) || status >= 500)) return undefined;
    if (status === 429 && (error as { quota?: boolean }).quota) return undefined;
    const asked = retryAfterMs(error.headers, now);
    if (asked !== undefined) return asked > MAX_RETRY_AFTER_MS ? undefined : asked;
  } else if (!(error instanceof APIConnectionError)) {
    return undefined;
  }
  const backoff = Math.min(INITIAL_RETRY_DELAY_MS * 2 ** retry, MAX_BACKOFF_MS);
  return Math.round(backoff * (1 - random() * 0.25));
}

/** Reads `retry-after-ms`, then `retry-after` as seconds or an HTTP date. */
export function retryAfterMs(headers: Record<string, string>, now: number = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers["retry-after-ms"] ?? "");
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const raw = headers["retry-after"]?.trim();
  if (!raw) return undefined;
  if (/^\d+(\.\d+)?$/.test(raw)) return Number.parseFloat(raw) * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function lowerKeys(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers) for (const [key, value] of Object.entries(headers)) out[key.toLowerCase()] = value;
  return out;
}
