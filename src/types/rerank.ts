import type { InferenceStatus } from "./inference.js";

/**
 * Parameters of `client.rerank`: one query scored against every document, or one query per document
 * (`queries[i]` with `documents[i]`). Both spellings seen in public clients are accepted; DeepInfra's native
 * shape (`queries`, one per document) is what is sent.
 */
export interface RerankParams {
  /** A reranker model id such as `Qwen/Qwen3-Reranker-4B` (the native endpoint: no aliases). */
  model: string;
  /** The query every document is scored against. Give this or `queries`. */
  query?: string | null;
  /** One query (used for every document) or one per document. Give this or `query`. */
  queries?: string[] | null;
  /** The candidate documents, scored in this order. */
  documents: string[];
  /** Task instruction for instruction-aware rerankers (Qwen3), e.g. "Given a web search query, retrieve relevant passages". */
  instruction?: string | null;
  /** Keep only the best `top_n` entries in `results` (`scores` always has every document). Applied by the SDK. */
  top_n?: number | null;
  /** Fields this SDK does not know yet (`service_tier`, `webhook`…), merged into the request body as given. */
  extra_body?: Record<string, unknown> | null;
}

/** One document's score, as in Cohere-style rerank answers. */
export interface RerankResult {
  /** Position of the document in `documents`. */
  index: number;
  /** The model's relevance score (DeepInfra documents probabilities in [0, 1]). */
  relevance_score: number;
  /** The document itself. */
  document: string;
}

/** Tokens read and cost, when DeepInfra reports them (`input_tokens`, `inference_status.cost`). */
export interface RerankUsage {
  prompt_tokens: number;
  total_tokens: number;
  /** Cost of the call in USD (`inference_status.cost`). */
  estimated_cost?: number;
  [extra: string]: unknown;
}

/** The answer of `client.rerank`. */
export interface RerankResponse {
  /** One score per document, in document order. */
  scores: number[];
  /** Documents best first (ties keep document order), cut to `top_n` when given. */
  results: RerankResult[];
  /** Token count and cost, when sent. */
  usage?: RerankUsage;
  request_id?: string;
  inference_status?: InferenceStatus;
  [extra: string]: unknown;
}
