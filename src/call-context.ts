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
