import { APIConnectionError, APIError, APITimeoutError, APIUserAbortError, RateLimitError, ValidationError, isDeepInfraError } from "deepinfra-edge";
import { containsSecret, type Secret } from "./scrub.js";

/** The one error body this Worker sends: `{ error: { code, message, status, request_id, upstream_* } }`. */
export interface ErrorBody {
  error: {
    /** Stable, machine-readable, snake_case. */
    code: string;
    message: string;
    status: number;
    /** This Worker's id for the request (also the `x-request-id` response header). */
    request_id: string;
    /** DeepInfra's request id, when the failure came from DeepInfra. */
    upstream_request_id?: string;
    /** DeepInfra's status, when the failure came from DeepInfra. */
    upstream_status?: number;
  };
}

/**
 * A refusal the Worker decides itself (bad input, limits); rendered by `errorResponse`. Its `message` is
 * shown to anonymous visitors, so it is fixed text (numbers from configuration or counts at most): never
 * a path, host, origin, model, field name or value the request sent — an echo lets a visitor probe the
 * key scrubber. `detail`, which may quote the request, goes to the Worker's log only.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly detail?: string,
  ) {
    super(message);
  }
}

/** Turns any failure into the stable JSON error. The key is scrubbed where every response leaves (scrub.ts). */
export function errorResponse(failure: unknown, requestId: string, headers: Record<string, string>, secret: Secret | undefined): Response {
  const { status, text, extraHeaders } = renderError(failure, requestId, secret);
  return new Response(text, {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "x-request-id": requestId, ...extraHeaders, ...headers },
  });
}

/**
 * The error body (as an object and as text), its status, and the headers it needs (`retry-after`).
 * Visitors get fixed messages; the log gets the code, the ids and the full detail (the SDK's message,
 * DeepInfra's error text, what the request sent), left out whole when it holds the key.
 */
export function renderError(failure: unknown, requestId: string, secret: Secret | undefined): { status: number; body: ErrorBody; text: string; extraHeaders: Record<string, string> } {
  const { status, code, message, extra, extraHeaders, detail } = describe(failure);
  const body: ErrorBody = { error: { code, message, status, request_id: requestId, ...extra } };
  const logged = detail === undefined ? undefined : containsSecret(detail, secret) ? "[withheld: it holds the key]" : detail.slice(0, 2000);
  console.warn(JSON.stringify({ request_id: requestId, status, code, upstream_request_id: extra.upstream_request_id, detail: logged }));
  return { status, body, text: JSON.stringify(body), extraHeaders };
}

interface Described {
  status: number;
  code: string;
  message: string;
  extra: { upstream_request_id?: string; upstream_status?: number };
  extraHeaders: Record<string, string>;
  /** For the log only. */
  detail?: string;
}

function describe(failure: unknown): Described {
  const base = { extra: {}, extraHeaders: {} };
  if (failure instanceof HttpError) return { ...base, status: failure.status, code: failure.code, message: failure.message, extraHeaders: failure.headers, detail: failure.detail };
  // The SDK's messages quote what was sent (a field name, the start of a value): the log's, not the visitor's.
  if (failure instanceof ValidationError) return { ...base, status: 400, code: "invalid_request", message: "The request does not follow the API's rules.", detail: failure.message };
  if (failure instanceof APIUserAbortError) return { ...base, status: 499, code: "client_closed", message: "The client closed the request." };
  if (failure instanceof APITimeoutError) return { ...base, status: 504, code: "upstream_timeout", message: "DeepInfra did not answer in time." };
  if (failure instanceof APIConnectionError) return { ...base, status: 502, code: "upstream_unreachable", message: "DeepInfra could not be reached." };
  if (failure instanceof APIError) {
    const extra = { upstream_request_id: failure.requestId, upstream_status: failure.status };
    if (failure instanceof RateLimitError) {
      // Passed on only when it is the number of seconds it should be.
      const retryAfter = failure.headers["retry-after"];
      const headers: Record<string, string> = retryAfter && /^\d{1,6}$/.test(retryAfter) ? { "retry-after": retryAfter } : {};
      return { status: 429, code: "upstream_rate_limited", message: "DeepInfra is busy; retry shortly.", extra, extraHeaders: headers, detail: failure.message };
    }
    // DeepInfra's text can name the account, its balance or the base URL: the log's, not the visitor's.
    return { status: 502, code: "upstream_error", message: `DeepInfra refused or failed the request (status ${failure.status}).`, extra, extraHeaders: {}, detail: failure.message };
  }
  // The SDK's other errors here are about DeepInfra's answer (a stream cut short, an unreadable event).
  if (isDeepInfraError(failure)) return { ...base, status: 502, code: "upstream_error", message: "DeepInfra's answer could not be read to its end.", detail: `${failure.name}: ${failure.message}` };
  return { ...base, status: 500, code: "internal_error", message: "Unexpected error in the Worker." };
}
