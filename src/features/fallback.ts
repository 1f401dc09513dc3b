import { markServedBy, type ApiCall, type CallStep } from "../call-context.js";
import { featuresOf, type CapabilityMemory } from "../capabilities.js";
import { APIError } from "../errors/api-error.js";
import type { DeepInfraError } from "../errors/base.js";
import { APIConnectionError } from "../errors/connection.js";
import { EmbeddingDimensionError } from "../errors/embedding-dimension.js";
import { fallbackChain } from "../schema/generated/validators.js";
import { checkOptions } from "../schema/runtime.js";
import { AllModelsFailedError, type FallbackAttempt } from "../errors/fallback.js";
import { isModelGoneError, resolveModel, type AliasTable } from "../models.js";
import { wireBody } from "../resources/context.js";
import type { FallbackRequestOptions } from "../types/request.js";

/** What `onFallback` is told each time a call moves on to the next model. */
export interface FallbackEvent {
  /** The model id that failed. */
  from: string;
  /** The model id tried next. */
  to: string;
  /** Why `from` failed. */
  error: DeepInfraError;
}

/** What the client's fallback step needs. */
export interface CallFeatures {
  /** The client's chain: models tried in order after a call's own `model` (a call's `fallback` replaces it). */
  fallback?: readonly string[] | undefined;
  onFallback?: ((event: FallbackEvent) => void) | undefined;
  capabilities: CapabilityMemory;
  modelAliases: Readonly<Record<string, string>>;
  embeddingAliases: Readonly<Record<string, string>>;
}

const EMBEDDINGS_PATH = "/v1/openai/embeddings";
/** Vector sizes remembered per model, for the embeddings dimension check; bounded like every per-isolate map. */
const MAX_DIMENSIONS = 256;

/**
 * Whether `error` from one model moves a fallback chain on: the model is gone (404/410, or a 400/422
 * naming a retired model behind an alias), refuses a feature (405), is busy (429 that is not a spent
 * quota) or failing (5xx, after the transport's retries), or could not be reached. Never for what would
 * fail the same on any model or was the caller's doing: other 4xx, an abort, the budget, validation.
 */
export function movesOn(error: unknown): boolean {
  if (error instanceof APIError) {
    const status = error.status ?? 0;
    if (status === 404 || status === 405 || status === 410 || status >= 500) return true;
    if (status === 429) return !(error as { quota?: boolean }).quota;
    return (status === 400 || status === 422) && error.alias !== undefined && isModelGoneError(status, error.message);
  }
  return error instanceof APIConnectionError;
}

/**
 * The full client's fallback step around chat, completions and embeddings calls: takes `fallback` out of
 * the call's options (what reaches the transport names no chain) and, when a chain applies, tries each
 * model in turn by calling the steps after it again.
 */
export function fallbackStep(features: CallFeatures): CallStep {
  const dimensions = new Map<string, number>();
  return async (call, next) => {
    const given = call.options as FallbackRequestOptions | undefined;
    const chain = given?.fallback ?? features.fallback ?? [];
    if (given?.fallback !== undefined) checkChain(given.fallback, "options.fallback");
    if (given && "fallback" in given) {
      const { fallback: _served, ...rest } = given;
      call.options = rest;
    }
    return chain.length ? runChain(features, dimensions, call, chain, next) : next();
  };
}

/**
 * Tries `call.params.model`, then each model of `chain` (aliases resolved, repeats and models the 405
 * memory rules out skipped) while the failure is one that moves on, each by running the steps after this
 * one with `call.model` set. A stream falls back only until its stream object exists, i.e. before any
 * byte reached the caller. Sets `model` on a result a fallback served, and marks it `servedBy`.
 */
async function runChain(features: CallFeatures, dimensions: Map<string, number>, call: ApiCall, chain: readonly string[], next: () => Promise<unknown>): Promise<unknown> {
  const { endpoint: path, params } = call;
  const signal = call.options?.signal;
  const embeddings = path === EMBEDDINGS_PATH;
  const table: AliasTable = embeddings ? "embeddingAliases" : "modelAliases";
  const aliases = embeddings ? features.embeddingAliases : features.modelAliases;
  const primary = resolveModel(params.model, aliases, table).model;
  const attempts: FallbackAttempt[] = [];
  const tried = new Set<string>();
  for (const [position, name] of [params.model, ...chain].entries()) {
    const model = resolveModel(name, aliases, table).model;
    if (tried.has(model) || (position > 0 && ruledOut(features.capabilities, path, params, model))) continue;
    tried.add(model);
    const last = attempts.at(-1);
    if (last) {
      features.onFallback?.({ from: last.model, to: model, error: last.error });
      call.onFallback?.(last.model, model, last.error);
    }
    call.model = name;
    call.position = position;
    let result: unknown;
    try {
      result = await next();
    } catch (error) {
      if (!movesOn(error) || signal?.aborted) throw error;
      attempts.push({ model, error: error as DeepInfraError });
      continue;
    }
    if (embeddings) {
      const size = (result as { data?: Array<{ embedding?: { length: number } }> }).data?.[0]?.embedding?.length;
      if (size !== undefined) {
        const expected = typeof params.dimensions === "number" ? params.dimensions : dimensions.get(primary);
        if (model !== primary && expected !== size) {
          const mismatch = new EmbeddingDimensionError(model, primary, expected, size);
          // Unknown is unknown for every model of the chain: stop here rather than pay for each.
          if (expected === undefined) throw mismatch;
          attempts.push({ model, error: mismatch });
          continue;
        }
        if (dimensions.size >= MAX_DIMENSIONS && !dimensions.has(model)) dimensions.delete(dimensions.keys().next().value as string);
        dimensions.set(model, size);
      }
    }
    // A stream's chunks carry the model the server reports; a whole answer is told here which one served it.
    if (attempts.length && params.stream !== true && typeof result === "object" && result !== null) (result as { model?: string }).model = model;
    if (attempts.length) markServedBy(result, model);
    return result;
  }
  throw new AllModelsFailedError(attempts);
}

/** Throws `ValidationError` unless `chain` is an array of model names. */
export function checkChain(chain: unknown, path: string): void {
  checkOptions(path.startsWith("options") ? "request options" : "client options", fallbackChain, chain, path.split("."));
}

/** Whether the 405 memory already knows `model` refuses a feature this request uses. */
function ruledOut(memory: CapabilityMemory, path: string, params: Record<string, unknown>, model: string): boolean {
  const used = featuresOf({ method: "POST", path, body: wireBody(params, { model }), stream: params.stream === true });
  return used !== undefined && used.features.some((feature) => !memory.supports(model, feature));
}
