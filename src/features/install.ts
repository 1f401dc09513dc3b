import type { CapabilityMemory } from "../capabilities.js";
import { featureOptions } from "../schema/generated/validators.js";
import { checkOptions } from "../schema/runtime.js";
import type { CallStep } from "../call-context.js";
import type { RetryDelayInfo } from "../types/request.js";
import type { CacheStore } from "./cache-store.js";
import type { ConcurrencyLimiter, ConcurrencyOptions } from "./concurrency.js";
import { checkChain, fallbackStep, type FallbackEvent } from "./fallback.js";
import { createTelemetry, type MeterLike, type TracerLike } from "./telemetry.js";

/** The full client's options beyond the shared ones: each is off (and costs nothing per call) when absent. */
export interface FeatureOptions {
  /**
   * Models (aliases allowed) tried in order after a call's `model` when it is gone (404), refuses a
   * feature (405), is busy (429, not quota) or failing (5xx after retries), or can't be reached; for
   * chat, completions and embeddings. A call's own `fallback` replaces it.
   */
  fallback?: readonly string[];
  /** Called each time a call moves on to the next model of its fallback chain. */
  onFallback?: (event: FallbackEvent) => void;
  /** Requests in flight per model and in all, with a FIFO queue and AIMD on busy 429s; or a shared `ConcurrencyLimiter`. */
  concurrency?: ConcurrencyOptions | ConcurrencyLimiter;
  /** An OpenTelemetry `Tracer` (or anything shaped like one): one CLIENT span per chat, completions or embeddings call. */
  tracer?: TracerLike;
  /** An OpenTelemetry `Meter`: `gen_ai.client.token.usage` and `gen_ai.client.operation.duration` histograms. */
  meter?: MeterLike;
  /** Put prompts and answers on spans (`gen_ai.input.messages`, `gen_ai.output.messages`); default false. */
  recordContent?: boolean;
  /** Where embeddings are cached (`kvCache(env.MY_KV)`, `workersCache()`, `memoryCache()` or any `{ get, put }`); a call's `cache` overrides it. */
  cache?: CacheStore;
}

/** What the features need from the client that installs them. */
export interface FeatureHost {
  baseURL: string;
  modelAliases: Readonly<Record<string, string>>;
  embeddingAliases: Readonly<Record<string, string>>;
  capabilities: CapabilityMemory;
}

/** Checks the feature options before anything is built; throws `ValidationError` naming the option. */
export function checkFeatureOptions(options: FeatureOptions): void {
  if (options.fallback !== undefined) checkChain(options.fallback, "fallback");
  checkOptions("client options", featureOptions, options);
}

/**
 * The full client's call steps, outermost first: tracing (one span per call, its fallbacks inside), then
 * the fallback chain. Built once per client; a call with neither feature configured passes through the
 * fallback step untouched (it still serves a per-call `fallback`).
 */
export function featureSteps(options: FeatureOptions & { retryDelay?: ((info: RetryDelayInfo) => number | undefined) | undefined }, host: FeatureHost): CallStep[] {
  const telemetry = options.tracer || options.meter ? createTelemetry({ ...host, tracer: options.tracer, meter: options.meter, recordContent: options.recordContent, retryDelay: options.retryDelay }) : undefined;
  const fallback = fallbackStep({ ...host, fallback: options.fallback, onFallback: options.onFallback });
  return telemetry ? [telemetry.step, fallback] : [fallback];
}
