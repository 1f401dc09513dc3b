import type { RequestOptions } from "./request.js";
import type { EmbeddingAlias, ModelName } from "../models.js";

/** Parameters of `embeddings.create`. Unknown extra fields are sent untouched. */
export interface EmbeddingCreateParams {
  /** An embedding model id such as `BAAI/bge-m3`, or an alias: `default`, `large`, `small`. */
  model: ModelName<EmbeddingAlias>;
  /** One non-empty string, or a non-empty array of non-empty strings (split into batches when large). */
  input: string | string[];
  /** `float` (default): `number[]`; `base64`: DeepInfra sends little-endian float32 bytes, decoded to `Float32Array`. */
  encoding_format?: "float" | "base64";
  /** Output size, an integer ≥ 32; larger than the model's native size is zero-padded by DeepInfra. */
  dimensions?: number;
  /** `default` or `priority`. */
  service_tier?: "default" | "priority";
  /** Any parameter DeepInfra adds later. */
  [extra: string]: unknown;
}

/** Per-call options of `embeddings.create`: the usual request options plus batching. */
export interface EmbeddingRequestOptions extends RequestOptions {
  /** Inputs per request (default 256). */
  batchSize?: number;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
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
  [extra: string]: unknown;
}
