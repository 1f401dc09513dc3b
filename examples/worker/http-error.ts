import { APIConnectionError, APIError, APITimeoutError, APIUserAbortError, RateLimitError, ValidationError, isDeepInfraError } from "deepinfra-edge";

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

/** A refusal the Worker decides itself (bad input, limits); rendered by `errorResponse`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Turns any failure into the stable JSON error. The key is scrubbed where every response leaves (scrub.ts). */
export function errorResponse(failure: unknown, requestId: string, headers: Record<string, string> = {}): Response {
  const { status, text, extraHeaders } = renderError(failure, requestId);
  return new Response(text, {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "x-request-id": requestId, ...extraHeaders, ...headers },
  });
}

/** The error body (as an object and as text), its status, and the headers it needs (`retry-after`); logs the code and ids. */
export function renderError(failure: unknown, requestId: string): { status: number; body: ErrorBody; text: string; extraHeaders: Record<string, string> } {
  const { status, code, message, extra, extraHeaders } = describe(failure);
  const body: ErrorBody = { error: { code, message, status, request_id: requestId, ...extra } };
  // Logs carry the code and ids only: an upstream message is data we do not control.
  console.warn(JSON.stringify({ request_id: requestId, status, code, upstream_request_id: extra.upstream_request_id }));
  return { status, body, text: JSON.stringify(body), extraHeaders };
}

interface Described {
  status: number;
  code: string;
  message: string;
  extra: { upstream_request_id?: string; upstream_status?: number };
  extraHeaders: Record<string, string>;
}

function describe(failure: unknown): Described {
  const base = { extra: {}, extraHeaders: {} };
  if (failure instanceof HttpError) return { ...base, status: failure.status, code: failure.code, message: failure.message, extraHeaders: failure.headers };
  if (failure instanceof ValidationError) return { ...base, status: 400, code: "invalid_request", message: failure.message };
  if (failure instanceof APIUserAbortError) return { ...base, status: 499, code: "client_closed", message: "The client closed the request." };
  if (failure instanceof APITimeoutError) return { ...base, status: 504, code: "upstream_timeout", message: "DeepInfra did not answer in time." };
  if (failure instanceof APIConnectionError) return { ...base, status: 502, code: "upstream_unreachable", message: "DeepInfra could not be reached." };
  if (failure instanceof APIError) {
    const extra = { upstream_request_id: failure.requestId, upstream_status: failure.status };
    if (failure instanceof RateLimitError) {
      // Passed on only when it is the number of seconds it should be.
      const retryAfter = failure.headers["retry-after"];
      return { status: 429, code: "upstream_rate_limited", message: failure.message, extra, extraHeaders: retryAfter && /^\d{1,6}$/.test(retryAfter) ? { "retry-after": retryAfter } : {} };
    }
    return { status: 502, code: "upstream_error", message: failure.message, extra, extraHeaders: {} };
  }
  // The SDK's other errors here are about DeepInfra's answer (a stream cut short, an unreadable event).
  if (isDeepInfraError(failure)) return { ...base, status: 502, code: "upstream_error", message: failure.message };
  return { ...base, status: 500, code: "internal_error", message: "Unexpected error in the Worker." };
}
