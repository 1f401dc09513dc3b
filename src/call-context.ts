import { APIPromise } from "./api-promise.js";
import type { DeepInfraError } from "./errors/base.js";
import type { OpenResponse, RequestOptions, RequestSpec } from "./types/request.js";
import type { UsageRecord } from "./budget.js";

/**
 * What the server may have done with a request, which decides what may be retried: a `generation` is
 * paid work (chat, completions, embeddings, images, audio, inference…), a `creation` changes state
 * (a file uploaded, a batch created or cancelled, a file deleted), a `read` changes nothing and is
 * always safe to send again.
 */
export type EndpointKind = "generation" | "creation" | "read";

/** The cost side of one call, as the budget step reserved it; settled exactly once. */
export interface CallCharge {
  /** The worst case held while the call runs. */
  readonly reservedUSD: number;
  /** Settles to the answer's usage (its `estimated_cost`, else the budget's price). */
  settle(usage: UsageRecord | null | undefined): void;
  /** Settles a whole answer: to its usage, or at the reservation when it reported none. */
  answered(usage: UsageRecord | null | undefined): void;
  /** Follows a stream: when its body closes before usage arrived (a break, an abort, a cut), settles from what was streamed. */
  follow(body: { onClose(listener: () => void): void }, stream: { currentCompletion(): unknown }): void;
  /** Settles a call that ended without usage from what it sent and received (never 0 when it reached DeepInfra). */
  settleEstimate(usage: UsageRecord): void;
  /** Gives the reservation back: nothing was billed (refused before sending, or an error answer). */
  release(): void;
  /** Whether it was settled or released. */
  readonly done: boolean;
}

/**
 * The one per-call context every step of a call sees, in the manner of ofetch's `FetchContext`:
 * the request, what kind of work it is, which attempt runs, whether the request may have reached the
 * server, what came back, and what it costs.
 */
export interface CallContext {
  readonly spec: RequestSpec;
  readonly options: RequestOptions;
  readonly kind: EndpointKind;
  /** 0 for the first attempt. */
  attempt: number;
  /** True once a fetch was started that may have delivered the request (false while queued, or for a refused connection). */
  mayHaveReachedServer: boolean;
  /** The answer whose headers arrived (the last attempt's). */
  response?: OpenResponse | undefined;
  /** The final failure, once the call failed. */
  error?: DeepInfraError | undefined;
  /** Set by the budget step when the client has a budget. */
  charge?: CallCharge | undefined;
  /** The caller's signal. */
  readonly signal: AbortSignal | undefined;
}

/** The kind of `spec`: what its resource says, else GET is a read and anything else is paid work. */
export function kindOf(spec: RequestSpec): EndpointKind {
  return spec.kind ?? (spec.method === "GET" ? "read" : "generation");
}

/** Marks a result a fallback model served (non-enumerable: the answer's JSON is unchanged). */
const SERVED_BY = /* @__PURE__ */ Symbol.for("deepinfra-edge.servedBy");

/** Records on `result` that `model` served it after the call's own model failed. */
export function markServedBy(result: unknown, model: string): void {
  if (typeof result === "object" && result !== null) Object.defineProperty(result, SERVED_BY, { value: model, configurable: true });
}

/** The model a fallback chain moved on to for `result`, when it did. */
export function servedBy(result: unknown): string | undefined {
  return typeof result === "object" && result !== null ? (result as { [SERVED_BY]?: string })[SERVED_BY] : undefined;
}

/**
 * One API call as the call steps see it (above the transport, which makes each HTTP request of it): the
 * endpoint, the parameters, the model tried now and its position in the model chain, the options, and
 * what the steps add for the ones after them.
 */
export interface ApiCall {
  /** The endpoint path, e.g. `/v1/openai/chat/completions`. */
  readonly endpoint: string;
  /** The caller's parameters (an object: anything else skips the steps, for validation to name). */
  readonly params: Record<string, unknown> & { model: string };
  /** The model (alias or id) this try sends; a fallback step moves it along the chain. */
  model: string;
  /** 0 for the call's own model, 1 for the chain's first fallback… */
  position: number;
  /** The options the transport gets (a fallback step takes `fallback` out; telemetry adds its retry events). */
  options: RequestOptions | undefined;
  /** A streamed answer's open response passes through this before the stream is built (telemetry times it). */
  watch?: ((open: OpenResponse) => OpenResponse) | undefined;
  /** Told when the chain moves on (telemetry's event). */
  onFallback?: ((from: string, to: string, error: unknown) => void) | undefined;
}

/** A step around every API call of a client, in the manner of hono's middleware: call `next()` (again, to retry downstream). */
export type CallStep = (call: ApiCall, next: () => Promise<unknown>) => Promise<unknown>;

/** What resources call: runs `send` for `params` under the client's steps, built once per client. */
export type CallRunner = <T>(endpoint: string, params: unknown, options: RequestOptions | undefined, send: (call: ApiCall) => Promise<T>) => APIPromise<T>;

/** Composes `steps` (outermost first) into the client's runner; with none, a call goes straight to `send`. */
export function callRunner(steps: readonly CallStep[]): CallRunner {
  return <T>(endpoint: string, params: unknown, options: RequestOptions | undefined, send: (call: ApiCall) => Promise<T>): APIPromise<T> => {
    const object = typeof params === "object" && params !== null;
    const call: ApiCall = { endpoint, params: params as ApiCall["params"], model: object ? (params as { model: string }).model : "", position: 0, options };
    if (!object || steps.length === 0) return new APIPromise(send(call));
    const dispatch = (index: number): Promise<unknown> => (index < steps.length ? (steps[index] as CallStep)(call, () => dispatch(index + 1)) : send(call));
    return new APIPromise(dispatch(0) as Promise<T>);
  };
}

/** The parameters one try sends: the caller's, with the model the chain is at. */
export function paramsOf<P extends { model: string }>(call: ApiCall, params: P): P {
  return typeof params !== "object" || params === null || call.model === params.model ? params : { ...params, model: call.model };
}
