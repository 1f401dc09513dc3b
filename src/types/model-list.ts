/** Prices in USD per million tokens (inferred from DeepInfra's values). */
export interface ModelPricing {
  input_tokens?: number;
  output_tokens?: number;
  cache_read_tokens?: number;
  [extra: string]: unknown;
}

/** DeepInfra's extra description of a model; `null` for some models. */
export interface ModelMetadata {
  description?: string;
  context_length?: number;
  max_tokens?: number;
  pricing?: ModelPricing;
  /** e.g. `vision`, `prompt_cache`. */
  tags?: string[];
  [extra: string]: unknown;
}

/** One entry of `GET /v1/openai/models` (OpenAI shape plus `metadata`). */
export interface Model {
  id: string;
  object: "model";
  /** Often 0. */
  created: number;
  owned_by: string;
  root?: string;
  parent?: string | null;
  metadata?: ModelMetadata | null;
  [extra: string]: unknown;
}

/** The response of `models.list()`. */
export interface ModelList {
  object: "list";
  data: Model[];
  [extra: string]: unknown;
}
