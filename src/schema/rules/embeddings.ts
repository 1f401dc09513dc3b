// Embeddings (`POST /v1/openai/embeddings`) as DeepInfra's model OpenAIEmbeddingsIn states it, plus the SDK's
// batching options. Dev-only rule table: compiled to ../generated/validators.ts by scripts/compile-validators.mjs.
import { type } from "arktype";
import { atMost1024Characters, jsonObject } from "../predicates.js";
import { extraBody } from "./shared.js";

/** OpenAIEmbeddingsIn. A top-level null or undefined means "absent" and is dropped before this check. */
export const embeddingParams = type({
  model: "string",
  // input: string | string[], maxLength 1024 beside the anyOf: a lone string of at most 1024 characters (see the
  // predicate); an array is split by the SDK into requests of at most batchSize (<= 1024) items, so no count here.
  input: type("string").narrow(atMost1024Characters).or("string[]"),
  // encoding_format: float | base64
  "encoding_format?": "'float' | 'base64'",
  // dimensions: integer, minimum 32 (above the model's native size the vector is zero-padded)
  "dimensions?": "number.integer >= 32",
  // service_tier: default | priority in the model, flex in the docs: any string
  "service_tier?": "string",
  // fail_fast (newer copies; the docs name it for every inference route): refuse with 429 at once instead of queueing
  "fail_fast?": "boolean",
  ...extraBody,
  "+": "reject",
}).narrow(jsonObject);

/** The per-call batching options of `embeddings.create`; other option keys are not checked. */
export const embeddingOptions = type({
  // batchSize: inputs per request, at most the server's 1024 per request
  "batchSize?": "1 <= number.integer <= 1024",
  "concurrency?": "number.integer >= 1",
}).narrow(jsonObject);
