import { UnsupportedFeatureError } from "./errors/api-error.js";
import type { TransportHooks } from "./http.js";
import type { RequestSpec } from "./types/request.js";

/**
 * What a request can ask of a model. `chat` and `completions` are the endpoints themselves; the
 * others are options a model may lack (DeepInfra answers 405 then).
 */
export type ModelFeature = "chat" | "completions" | "streaming" | "tools" | "json_mode" | "structured_output" | "vision" | "logprobs" | "echo" | "reasoning";

interface ModelRecord {
  /** Features some 2xx answer proved supported. */
  supported: Set<ModelFeature>;
  /** The feature sets of requests answered 405. */
  refused: Array<ReadonlySet<ModelFeature>>;
}

/** An isolate lives for many requests: bound the memory. */
const MAX_MODELS = 512;
const MAX_REFUSALS_PER_MODEL = 16;

/**
 * Remembers which features each model refused with 405 (and which it accepted), so later calls can
 * fall back without a second failure. Share one across clients (e.g. at a Worker's module scope)
 * with `new DeepInfra({ capabilities })`.
 * @example
 * const capabilities = new CapabilityMemory();
 * export default { fetch: (req, env) => handle(new DeepInfra({ apiKey: env.DEEPINFRA_API_KEY, capabilities })) };
 */
export class CapabilityMemory {
  readonly #models = new Map<string, ModelRecord>();

  /**
   * False when a request using `feature` got a 405 from `model` and no later 2xx proved the feature
   * supported; true otherwise (nothing seen counts as supported). A 405 for a request that used several
   * optional features marks each not yet proven; one that used none marks the endpoint itself.
   */
  supports(model: string, feature: ModelFeature): boolean {
    const record = this.#models.get(model);
    if (!record || record.supported.has(feature)) return true;
    return !record.refused.some((features) => blamed(features, record.supported).includes(feature));
  }

  /** The features `supports()` currently reports false for `model`. */
  unsupported(model: string): ModelFeature[] {
    const record = this.#models.get(model);
    if (!record) return [];
    const out = new Set<ModelFeature>();
    for (const features of record.refused) for (const feature of blamed(features, record.supported)) out.add(feature);
    return [...out];
  }

  /** Records a 405 for a request that used `features`. */
  recordRefusal(model: string, features: readonly ModelFeature[]): void {
    const record = this.#record(model);
    record.refused.push(new Set(features));
    if (record.refused.length > MAX_REFUSALS_PER_MODEL) record.refused.shift();
  }

  /** Records a 2xx for a request that used `features`: each is supported. */
  recordSuccess(model: string, features: readonly ModelFeature[]): void {
    const record = this.#record(model);
    for (const feature of features) record.supported.add(feature);
  }

  /** Forgets one model, or everything. */
  clear(model?: string): void {
    if (model === undefined) this.#models.clear();
    else this.#models.delete(model);
  }

  #record(model: string): ModelRecord {
    let record = this.#models.get(model);
    if (record) {
      // Re-insert: Map order doubles as least-recently-used order.
      this.#models.delete(model);
    } else {
      record = { supported: new Set(), refused: [] };
      if (this.#models.size >= MAX_MODELS) this.#models.delete(this.#models.keys().next().value as string);
    }
    this.#models.set(model, record);
    return record;
  }
}

const ENDPOINTS: ReadonlySet<ModelFeature> = new Set(["chat", "completions"]);

/** Optional features not yet proven supported; the endpoint itself when none remain. */
function blamed(features: ReadonlySet<ModelFeature>, supported: ReadonlySet<ModelFeature>): ModelFeature[] {
  const optional = [...features].filter((f) => !ENDPOINTS.has(f) && !supported.has(f));
  if (optional.length) return optional;
  const anyOptional = [...features].some((f) => !ENDPOINTS.has(f));
  // Every optional feature proven supported, yet refused: blame the endpoint only if nothing optional was used.
  return anyOptional ? [] : [...features].filter((f) => !supported.has(f));
}

const ENDPOINT_OF: Record<string, ModelFeature> = {
  "/v1/openai/chat/completions": "chat",
  "/v1/openai/completions": "completions",
};

/** The features a chat or completions request uses, or undefined for other endpoints. */
export function featuresOf(spec: RequestSpec): { model: string; features: ModelFeature[] } | undefined {
  const endpoint = ENDPOINT_OF[spec.path];
  const body = spec.body as Record<string, unknown> | undefined;
  if (!endpoint || typeof body !== "object" || body === null || typeof body.model !== "string") return undefined;
  const features: ModelFeature[] = [endpoint];
  if (spec.stream || body.stream === true) features.push("streaming");
  if (Array.isArray(body.tools) && body.tools.length > 0) features.push("tools");
  const format = (body.response_format as { type?: unknown } | null | undefined)?.type;
  if (format === "json_object") features.push("json_mode");
  if (format === "json_schema") features.push("structured_output");
  if (body.logprobs === true || (typeof body.logprobs === "number" && body.logprobs > 0) || body.top_logprobs != null) features.push("logprobs");
  if (body.echo === true) features.push("echo");
  const reasoning = body.reasoning as { enabled?: unknown; effort?: unknown } | null | undefined;
  if ((body.reasoning_effort != null && body.reasoning_effort !== "none") || reasoning?.enabled === true) features.push("reasoning");
  if (Array.isArray(body.messages) && body.messages.some(hasImage)) features.push("vision");
  return { model: body.model, features };
}

function hasImage(message: unknown): boolean {
  const content = (message as { content?: unknown } | null)?.content;
  return Array.isArray(content) && content.some((part) => (part as { type?: unknown } | null)?.type === "image_url");
}

/**
 * Transport hooks that teach `memory` which features each model accepts (2xx) or refuses (405), from
 * every chat and completions request. Requests pass unchanged.
 */
export function capabilityHooks(memory: CapabilityMemory): TransportHooks {
  return {
    afterResponse(spec) {
      const used = featuresOf(spec);
      if (used) memory.recordSuccess(used.model, used.features);
    },
    onError(spec, error) {
      const used = error instanceof UnsupportedFeatureError ? featuresOf(spec) : undefined;
      if (used) memory.recordRefusal(used.model, used.features);
    },
  };
}
