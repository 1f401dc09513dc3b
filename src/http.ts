import { checkRequestOptions } from "./options-check.js";
import { createFetch } from "ofetch";
import { APIError } from "./errors/api-error.js";
import type { DeepInfraError } from "./errors/base.js";
import { APIConnectionError, APIUserAbortError } from "./errors/connection.js";
import { openExchange } from "./exchange.js";
import { createRedactor, secretsOf, type Redactor } from "./redact.js";
import { aliasHint, isModelGoneError } from "./models.js";
import { errorFromResponse } from "./response.js";
import type { FetchLike, OpenResponse, RequestOptions, RequestSpec, RetryDelayInfo, RetryInfo } from "./types/request.js";

/**
 * Observers and gates around each call, as ofetch's and ky's hooks: the budget, the 405 memory and
 * the concurrency limiter are plain objects of these, never wrappers of the transport.
 */
export interface TransportHooks {
  /** Once per call, before anything is sent; throw to refuse (nothing leaves). */
  beforeRequest?(spec: RequestSpec): void;
  /**
   * Before each attempt, inside its header timeout; may wait (a queue), and must give up when
   * `signal` aborts. The returned function is called once when the attempt ends: with its error, or,
   * for a 2xx, when its body is done (with the body's failure, if any).
   */
  beforeAttempt?(spec: RequestSpec, signal: AbortSignal): Promise<((error?: DeepInfraError) => void) | void> | ((error?: DeepInfraError) => void) | void;
  /** After each 2xx answer's headers, before its body is read. */
  afterResponse?(spec: RequestSpec, open: OpenResponse): void;
  /** After each failed attempt (typed, scrubbed); `retrying` tells whether another attempt follows. */
  onError?(spec: RequestSpec, error: DeepInfraError, retrying: boolean): void;
}

/** Settings the transport runs with, resolved by the client. */
export interface TransportConfig {
  apiKey: string;
  baseURL: string;
  fetch?: FetchLike | undefined;
  timeout: number;
  idleTimeout: number;
  maxRetries: number;
  headers: Record<string, string>;
  hooks?: readonly TransportHooks[];
  onRetry?: ((info: RetryInfo) => void) | undefined;
  retryDelay?: ((info: RetryDelayInfo) => number | undefined) | undefined;
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
}

/**
 * Sends one API call with retries; the only place a request leaves the SDK. `read` consumes a 2xx
 * answer inside the retry loop, so a body lost before anything reached the caller is retried; without
 * it, the open response is returned for streaming and nothing is retried after that.
 */
export type Transport = <T = OpenResponse>(spec: RequestSpec, options?: RequestOptions, read?: (open: OpenResponse) => Promise<T>) => Promise<T>;

const RETRY_STATUSES = /* @__PURE__ */ new Set([408, 409, 429]);
const INITIAL_RETRY_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;
/** A server asking to wait longer than this is not worth holding an edge request open for. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Creates the transport. ofetch sends and encodes the body; its own retry, timeout and error throwing
 * are off because they can't do what the edge needs: a 429 that is a spent quota is final, an idle
 * timeout between stream reads, a retry of a 2xx whose body was lost, and errors that never carry the
 * request options (ofetch's `FetchError` holds them, key included).
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

  async function attempt(spec: RequestSpec, options: RequestOptions, redactor: Redactor, headers: Record<string, string>): Promise<OpenResponse> {
    const url = root + spec.path;
    const releases: Array<(error?: DeepInfraError) => void> = [];
    let open: OpenResponse;
    try {
      const { response, body } = await openExchange(
        async (signal) => {
          for (const hook of hooks) {
            const release = hook.beforeAttempt && (await hook.beforeAttempt(spec, signal));
            if (release) releases.push(release);
          }
          return $fetch.raw(url, {
            method: spec.method,
            headers,
            body: spec.body as BodyInit | Record<string, unknown> | undefined,
            signal,
            retry: false,
            timeout: undefined,
            responseType: "stream",
            ignoreResponseError: true,
          });
        },
        { signal: options.signal, timeoutMs: options.timeout ?? config.timeout, idleTimeoutMs: options.idleTimeout ?? config.idleTimeout, redactor },
      );
      open = { response, body, request: { method: spec.method, url, resolved: spec.resolved } };
      if (!response.ok) throw await errorFromResponse(open, modelHint(spec));
    } catch (error) {
      for (const release of releases) release(error as DeepInfraError);
      throw error;
    }
    for (const release of releases) open.body.onClose(release);
    for (const hook of hooks) hook.afterResponse?.(spec, open);
    return open;
  }

  /** Decides on a retry after `error`, tells the hooks, and waits; false when the error is final. */
  async function waitToRetry(spec: RequestSpec, options: RequestOptions, error: DeepInfraError, retry: number, maxRetries: number): Promise<boolean> {
    const delayMs = retry < maxRetries && !options.signal?.aborted ? nextDelay(error, retry + 1, options.retryDelay ?? config.retryDelay) : undefined;
    for (const hook of hooks) hook.onError?.(spec, error, delayMs !== undefined);
    if (delayMs === undefined) return false;
    config.onRetry?.({ attempt: retry + 1, delayMs, error });
    await sleep(delayMs, options.signal);
    return true;
  }

  return async function send<T>(spec: RequestSpec, options: RequestOptions = {}, read?: (open: OpenResponse) => Promise<T>): Promise<T> {
    checkRequestOptions(options);
    for (const hook of hooks) hook.beforeRequest?.(spec);
    const callHeaders = options.headers && lowerKeys(options.headers);
    const headers: Record<string, string> = { accept: spec.stream ? "text/event-stream" : "application/json", ...clientHeaders, ...callHeaders };
    const redactor = callHeaders?.authorization ? createRedactor(secretsOf(config.apiKey, callHeaders.authorization).concat(clientSecrets)) : clientRedactor;
    const maxRetries = Math.max(0, options.maxRetries ?? config.maxRetries);
    for (let retry = 0; ; retry++) {
      let open: OpenResponse;
      try {
        open = await attempt(spec, options, redactor, headers);
      } catch (error) {
        // attempt() throws the SDK's typed, scrubbed errors only.
        if (await waitToRetry(spec, options, error as DeepInfraError, retry, maxRetries)) continue;
        throw error;
      }
      if (!read) return open as T;
      try {
        return await read(open);
      } catch (error) {
        open.body.cancel();
        // Only a body lost in transit is worth sending again. Anything else thrown while reading a 2xx (an
        // error envelope, a user callback) is final and rethrown as it is: a retry would pay for the answer twice.
        if (!(error instanceof APIConnectionError) || !(await waitToRetry(spec, options, error, retry, maxRetries))) throw error;
      }
    }
  };
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
