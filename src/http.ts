import { createFetch } from "ofetch";
import { APIConnectionError, APIError, APIUserAbortError, DeepInfraError, createAPIError, isQuotaMessage, readErrorMessage } from "./errors.js";
import { Exchange } from "./exchange.js";
import { aliasHint, isModelGoneError, type ResolvedModel } from "./models.js";
import { redact, redactString, secretsOf } from "./redact.js";

/** A WHATWG `fetch`: the global one, a Worker service binding's, or a test double. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Per-call options; each overrides the client's setting for this call only. */
export interface RequestOptions {
  /** Aborts the request, its retries and waits, and an open stream. */
  signal?: AbortSignal;
  /** Milliseconds to wait for response headers (default 60,000). */
  timeout?: number;
  /** Longest silence in milliseconds between two reads of the body (default 30,000). */
  idleTimeout?: number;
  /** Retries after a connection error, 408, 409, 429 (not quota) or 5xx (default 2). */
  maxRetries?: number;
  /** Extra request headers. */
  headers?: Record<string, string>;
}

/** What `onRetry` is told before each wait. */
export interface RetryInfo {
  /** 1 for the first retry. */
  attempt: number;
  /** How long the SDK waits before it. */
  delayMs: number;
  /** The failure being retried (its message is already scrubbed of the key). */
  error: DeepInfraError;
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
  onRetry?: ((info: RetryInfo) => void) | undefined;
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
}

/** One API call as a resource describes it. */
export interface RequestSpec {
  method: "GET" | "POST";
  /** Path under `baseURL`, e.g. `/v1/openai/chat/completions`. */
  path: string;
  /** JSON-serialisable object or `FormData`. */
  body?: unknown;
  /** Ask for `text/event-stream`. */
  stream?: boolean;
  /** The alias resolution behind `body.model`, for error hints. */
  resolved?: ResolvedModel;
}

/** An answered request whose body is still unread. */
export interface OpenResponse {
  response: Response;
  exchange: Exchange;
}

/**
 * Sends one API call with retries; the only place a request leaves the SDK. `read` consumes a
 * 2xx answer inside the retry loop (a body lost before anything reached the caller is retried);
 * without it the open response is returned for streaming, and nothing is retried after that.
 */
export interface Transport {
  (spec: RequestSpec, options?: RequestOptions): Promise<OpenResponse>;
  <T>(spec: RequestSpec, options: RequestOptions | undefined, read: (open: OpenResponse) => Promise<T>): Promise<T>;
}

const RETRY_STATUSES = new Set([408, 409, 429]);
const INITIAL_RETRY_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;
/** A server asking to wait longer than this is not worth holding an edge request open for. */
export const MAX_RETRY_AFTER_MS = 60_000;
const ERROR_BODY_LIMIT = 64 * 1024;

/** Creates the transport: ofetch underneath, our retries, timeouts and error mapping on top. */
export function createTransport(config: TransportConfig): Transport {
  const userFetch = config.fetch;
  // Called as a plain function: Workers throw "Illegal invocation" when fetch runs with another `this`.
  const fetchImpl: FetchLike = userFetch ? (input, init) => userFetch(input, init) : (input, init) => globalThis.fetch(input, init);
  const $fetch = createFetch({ fetch: fetchImpl as typeof globalThis.fetch });
  const root = config.baseURL.replace(/\/+$/, "");
  const sleep = config.sleep ?? abortableSleep;
  // Per-client work done once, not on every request.
  const clientHeaders = lowerKeys(config.headers);
  clientHeaders.authorization ??= `Bearer ${config.apiKey}`;
  const clientSecrets = secretsOf(config.apiKey, clientHeaders.authorization);

  async function attempt(spec: RequestSpec, options: RequestOptions, secrets: readonly string[], headers: Record<string, string>): Promise<OpenResponse> {
    const exchange = new Exchange(options.signal, options.timeout ?? config.timeout, options.idleTimeout ?? config.idleTimeout, secrets);
    const response = await exchange.open((signal) =>
      $fetch.raw(root + spec.path, {
        method: spec.method,
        headers,
        body: spec.body as BodyInit | Record<string, unknown> | undefined,
        signal,
        retry: false,
        timeout: undefined,
        responseType: "stream",
        ignoreResponseError: true,
      }),
    );
    if (response.body) exchange.attach(response.body);
    else exchange.close();
    if (response.ok) return { response, exchange };
    throw await apiErrorFromResponse(response, exchange, spec);
  }

  return async function send<T>(spec: RequestSpec, options: RequestOptions = {}, read?: (open: OpenResponse) => Promise<T>): Promise<T | OpenResponse> {
    const callHeaders = options.headers && lowerKeys(options.headers);
    const headers: Record<string, string> = { accept: spec.stream ? "text/event-stream" : "application/json", ...clientHeaders, ...callHeaders };
    const secrets = callHeaders?.authorization ? secretsOf(config.apiKey, callHeaders.authorization).concat(clientSecrets) : clientSecrets;
    const maxRetries = Math.max(0, options.maxRetries ?? config.maxRetries);
    for (let retry = 0; ; retry++) {
      try {
        const open = await attempt(spec, options, secrets, headers);
        return read ? await read(open) : open;
      } catch (caught) {
        const error = caught instanceof DeepInfraError ? caught : new APIConnectionError(redactString(String(caught), secrets));
        const delayMs = retry < maxRetries ? retryDelay(error, retry) : undefined;
        if (delayMs === undefined || options.signal?.aborted) throw error;
        config.onRetry?.({ attempt: retry + 1, delayMs, error });
        await sleep(delayMs, options.signal);
      }
    }
  } as Transport;
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

/**
 * Milliseconds to wait before retry number `retry` (0-based), or undefined when the error is not
 * retryable or the server asks for more than `MAX_RETRY_AFTER_MS`.
 */
export function retryDelay(error: DeepInfraError, retry: number, random: () => number = Math.random, now: number = Date.now()): number | undefined {
  if (error instanceof APIUserAbortError) return undefined;
  if (error instanceof APIError) {
    const status = error.status ?? 0;
    if (!(RETRY_STATUSES.has(status) || status >= 500)) return undefined;
    if (status === 429 && isQuotaMessage(error.message)) return undefined;
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

/** Reads an error response's body (bounded) into the matching `APIError`, scrubbed of the key. */
export async function apiErrorFromResponse(response: Response, exchange: Exchange, spec?: RequestSpec): Promise<APIError> {
  const secrets = exchange.secrets;
  let text = "";
  if (response.body) {
    try {
      text = await exchange.text(ERROR_BODY_LIMIT);
    } catch {
      // The status already says what happened; a body that fails to arrive adds nothing.
    }
  }
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // FastAPI's own 500 is plain text: keep it as a string.
  }
  body = redact(body, secrets);
  const headers = redact(headersToObject(response.headers), secrets);
  const detail = readErrorMessage(body) ?? (response.statusText || "no error message in the body");
  let message = `${response.status} ${detail}`;
  const resolved = spec?.resolved;
  if (resolved?.alias && isModelGoneError(response.status, detail)) message += `. ${aliasHint(resolved)}`;
  const requestId = headers["x-request-id"];
  if (requestId) message += ` (request ${requestId})`;
  return createAPIError({ status: response.status, headers, body, message, alias: resolved?.alias, model: resolved?.model });
}

function headersToObject(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

function lowerKeys(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers) for (const [key, value] of Object.entries(headers)) out[key.toLowerCase()] = value;
  return out;
}

/**
 * Reads a 2xx body as JSON.
 * @throws APIError when the body is not JSON, or is an error envelope despite the 2xx status.
 */
export async function readJSON<T>({ response, exchange }: OpenResponse): Promise<T> {
  const text = await exchange.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw createAPIError({
      status: response.status,
      headers: redact(headersToObject(response.headers), exchange.secrets),
      body: redactString(text.slice(0, 2000), exchange.secrets),
      message: `${response.status} response body is not JSON: ${redactString(text.slice(0, 200), exchange.secrets)}`,
    });
  }
  if (isErrorEnvelope(body)) {
    const safe = redact(body, exchange.secrets);
    throw createAPIError({ status: undefined, headers: redact(headersToObject(response.headers), exchange.secrets), body: safe, message: readErrorMessage(safe) ?? "error body" });
  }
  return body as T;
}

/**
 * Checks that a streaming answer really is an event stream; a JSON body here is an error
 * envelope (some proxies answer errors with 200) or a misrouted request.
 */
export async function expectEventStream(open: OpenResponse): Promise<void> {
  const type = open.response.headers.get("content-type") ?? "";
  if (!/json/i.test(type)) return;
  const body = await readJSON<unknown>(open);
  throw createAPIError({ status: open.response.status, headers: {}, body: redact(body, open.exchange.secrets), message: "Expected an event stream but DeepInfra answered with JSON." });
}

function isErrorEnvelope(body: unknown): boolean {
  return typeof body === "object" && body !== null && !Array.isArray(body) && ("error" in body || "detail" in body) && !("choices" in body) && !("data" in body);
}
