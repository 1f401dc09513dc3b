import type { EmbeddingCreateParams, EmbeddingRequestOptions } from "../types/embeddings.js";
import { embeddingOptions, embeddingParams } from "./generated/validators.js";
import { findIssues, throwIfInvalid, withoutAbsent } from "./runtime.js";

/**
 * Checks embeddings parameters and the batching options (`batchSize` 1…1024, the server's per-request limit;
 * `concurrency` ≥ 1; other option keys are not checked) before anything is sent.
 * @throws ValidationError naming the field and the rule, e.g. `options.batchSize must be at most 1024 (was 2000)`.
 */
export function validateEmbeddingParams(params: EmbeddingCreateParams, options?: EmbeddingRequestOptions): void {
  const issues = findIssues(embeddingParams, withoutAbsent(params)) ?? [];
  if (options !== undefined && options !== null) issues.push(...(findIssues(embeddingOptions, withoutAbsent(options), ["options"]) ?? []));
  throwIfInvalid("embeddings.create", issues);
}
