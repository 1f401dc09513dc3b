import type { EmbeddingCreateParams, EmbeddingRequestOptions } from "../types/embeddings.js";
import { embeddingOptionsAllows, embeddingOptionsApply, embeddingParamsAllows, embeddingParamsApply } from "./generated/validators.js";
import { findIssues, throwIfInvalid, withoutAbsent } from "./runtime.js";

/**
 * Checks embeddings parameters and the batching options (`batchSize` 1…1024, the server's per-request limit;
 * `concurrency` ≥ 1; other option keys are not checked) before anything is sent.
 * @throws ValidationError naming the field and the rule, e.g. `options.batchSize must be at most 1024 (was 2000)`.
 */
export function validateEmbeddingParams(params: EmbeddingCreateParams, options?: EmbeddingRequestOptions): void {
  const issues = findIssues(embeddingParamsAllows, embeddingParamsApply, withoutAbsent(params)) ?? [];
  if (options !== undefined && options !== null) issues.push(...(findIssues(embeddingOptionsAllows, embeddingOptionsApply, withoutAbsent(options), ["options"]) ?? []));
  throwIfInvalid("embeddings.create", issues);
}
