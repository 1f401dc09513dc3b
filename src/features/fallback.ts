import { markServedBy } from "../call-context.js";
import { featuresOf, type CapabilityMemory } from "../capabilities.js";
import { APIError } from "../errors/api-error.js";
import type { DeepInfraError } from "../errors/base.js";
import { APIConnectionError } from "../errors/connection.js";
import { EmbeddingDimensionError } from "../errors/embedding-dimension.js";
import { ValidationError } from "../errors/validation.js";
import { AllModelsFailedError, type FallbackAttempt } from "../errors/fallback.js";
import { isModelGoneError, resolveModel, type AliasTable } from "../models.js";
import { wireBody } from "../resources/context.js";
import type { FallbackRequestOptions, RequestOptions } from "../types/request.js";
import type { CallTrace, Telemetry } from "./telemetry.js";

/** Makes the call with `model` (an alias or id) under `options`. */
export type SendWith<T> = (model: string, options: RequestOptions | undefined) => Promise<T>;

/** Runs one call of the endpoint at `path` through `send`, possibly several times (a fallback chain). */
export type CallWrapper = <T>(path: string, params: { model: string }, options: FallbackRequestOptions | undefined, send: SendWith<T>) => Promise<T>;

/** What `onFallback` is told each time a call moves on to the next model. */
export interface FallbackEvent {
  /** The model id that failed. */
  from: string;
  /** The model id tried next. */
  to: string;
  /** Why `from` failed. */
  error: DeepInfraError;
}

/** What the client's fallback and tracing need to wrap calls. */
export interface CallFeatures {
  /** The client's chain: models tried in order after a call's own `model` (a call's `fallback` replaces it). */
  fallback?: readonly string[] | undefined;
  onFallback?: ((event: FallbackEvent) => void) | undefined;
  telemetry?: Telemetry | undefined;
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
 * The full client's wrapper around chat, completions and embeddings calls: tracing (one span per call)
 * around the fallback chain. A call with neither passes straight through.
 */
export function createCallWrapper(features: CallFeatures): CallWrapper {
  const dimensions = new Map<string, number>();
  return async (path, call, given, send) => {
    const params = call as Record<string, unknown> & { model: string };
    const chain = given?.fallback ?? features.fallback ?? [];
    if (given?.fallback !== undefined) checkChain(given.fallback, "options.fallback");
    // The chain is served here; what goes on to the transport no longer names one (which refuses a `fallback` it can't honour).
    const { fallback: _served, ...rest } = given ?? {};
    const options: RequestOptions | undefined = given && rest;
    const trace = features.telemetry?.start(path, params, options);
    const signal = options?.signal;
    if (!trace) return chain.length ? runChain(features, dimensions, path, params, chain, signal, (model) => send(model, options)) : send(params.model, options);
    try {
      const result = await (chain.length ? runChain(features, dimensions, path, params, chain, signal, (model) => send(model, trace.options), trace) : send(params.model, trace.options));
      trace.succeed(result, params.stream === true);
      return result;
    } catch (error) {
      trace.fail(error);
      throw error;
    }
  };
}

/**
 * Tries `params.model`, then each model of `chain` (aliases resolved, repeats and models the 405 memory
 * rules out skipped) while the failure is one that moves on. A stream falls back only until its stream
 * object exists, i.e. before any byte reached the caller. Sets `model` on a result a fallback served.
 */
async function runChain<T>(
  features: CallFeatures,
  dimensions: Map<string, number>,
  path: string,
  params: Record<string, unknown> & { model: string },
  chain: readonly string[],
  signal: AbortSignal | undefined,
  send: (model: string) => Promise<T>,
  trace?: CallTrace,
): Promise<T> {
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
      trace?.fallback(last.model, model, last.error);
    }
    let result: T;
    try {
      result = await send(name);
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
  if (Array.isArray(chain) && chain.every((model) => typeof model === "string" && model !== "")) return;
  const message = `${path} must be an array of model names (was ${JSON.stringify(chain)})`;
  throw new ValidationError(`Invalid ${path.startsWith("options") ? "request options" : "client options"}: ${message}.`, [{ message, path: path.split(".") }]);
}

/** Whether the 405 memory already knows `model` refuses a feature this request uses. */
function ruledOut(memory: CapabilityMemory, path: string, params: Record<string, unknown>, model: string): boolean {
  const used = featuresOf({ method: "POST", path, body: wireBody(params, { model }), stream: params.stream === true });
  return used !== undefined && used.features.some((feature) => !memory.supports(model, feature));
}

/** A resource method that takes `(params, options)`: `create` of chat completions, completions and embeddings. */
type Creator = { create(params: { model: string }, options?: FallbackRequestOptions): Promise<unknown> };

/**
 * Sends `resource.create` through `around`, each try with the model it names. The full client does this
 * to its own resources instead of generate.ts consulting the context, so the chat-only entry (the
 * size-gated Worker) carries not a byte of fallback or tracing.
 */
export function routeThrough(resource: object, path: string, around: CallWrapper): void {
  const target = resource as Creator;
  const create = target.create.bind(target);
  target.create = (params, options) =>
    // Anything but an object goes straight on, for validation to name.
    typeof params !== "object" || params === null
      ? create(params, options)
      : around(path, params, options, (model, callOptions) => create(model === params.model ? params : { ...params, model }, callOptions));
}
