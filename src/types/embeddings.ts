import type { CacheStore } from "../features/cache-store.js";
import type { FallbackRequestOptions } from "./request.js";
import type { EmbeddingAlias, ModelName } from "../models.js";
import type { ServiceTier } from "./chat.js";

/**
 * Parameters of `embeddings.create`, as DeepInfra's model OpenAIEmbeddingsIn states them. A `null` or `undefined`
 * field means DeepInfra's default; fields this SDK does not know go in `extra_body`.
 */
export interface EmbeddingCreateParams {
  /** An embedding model id such as `BAAI/bge-m3`, or an alias: `default`, `large`, `small`. */
  model: ModelName<EmbeddingAlias>;
  /** One string, or an array of strings (split into batches of `batchSize`, at most 1,024 per request). */
  input: string | string[];
  /** `float` (default): `number[]`; `base64`: DeepInfra sends little-endian float32 bytes, decoded to `Float32Array`. */
  encoding_format?: "float" | "base64" | null;
  /** Output size, an integer ≥ 32; larger than the model's native size is zero-padded by DeepInfra. */
  dimensions?: number | null;
  /** Processing tier; the answer echoes the tier used. */
  service_tier?: ServiceTier | null;
  /** Refuse at once with 429 instead of queueing when the model has no spare capacity. */
  fail_fast?: boolean | null;
  /** Fields this SDK does not know yet, merged into the request body as given (they win over typed fields). */
  extra_body?: Record<string, unknown> | null;
}

/** Per-call options of `embeddings.create`: the usual request options plus batching. */
export interface EmbeddingRequestOptions extends FallbackRequestOptions {
  /** Inputs per request, 1…1,024 (the server's per-request limit; default 256). */
  batchSize?: number;
  /** Requests in flight at once, ≥ 1 (default 4). */
  concurrency?: number;
  /**
   * Answers inputs embedded before from this store and sends only the others (`kvCache`, `workersCache`,
   * `memoryCache`, or any `{ get, put }`); `false` skips the client's `cache` for this call.
   */
  cache?: CacheStore | false;
}

/** Token counts of an embeddings call; summed over batches. */
export interface EmbeddingUsage {
  prompt_tokens: number;
  total_tokens: number;
  /** Estimated cost in USD, when DeepInfra sends it (summed over batches). */
  estimated_cost?: number;
  [extra: string]: unknown;
}

/** One vector; `index` is the position of its input in the caller's `input` array. */
export interface Embedding<Vector = number[]> {
  object: "embedding";
  index: number;
  embedding: Vector;
}

/** The response of `embeddings.create`, in input order. */
export interface CreateEmbeddingResponse<Vector = number[]> {
  object: "list";
  data: Array<Embedding<Vector>>;
  model: string;
  usage: EmbeddingUsage;
  /** The tier that served the request (echo of `service_tier`). */
  service_tier?: string;
  [extra: string]: unknown;
}
