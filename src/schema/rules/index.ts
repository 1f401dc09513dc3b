// Every validator the SDK ships, by the name its generated function carries. scripts/compile-validators.mjs
// compiles each root to plain JavaScript; the tests run the same roots through arktype itself.
import { chatParams, message, textPart, tool, toolCall, userPart } from "./chat.js";
import { completionParams } from "./completions.js";
import { embeddingOptions, embeddingParams } from "./embeddings.js";
import { imageParams, speechParams, transcriptionParams } from "./media.js";
import { batchCreateParams, batchListParams, batchMetadata, batchRunParams, detokenizeParams, fileCreateParams, fileListParams, nonEmpty, rerankParams, tokenizeParams } from "./newer-api.js";
import { budgetOptions, concurrencyOptions, fallbackChain, featureOptions, inferenceRunParams, llmMessage, parseParams, runToolsParams, transportOptions } from "./options.js";
import { responseFormat, streamOptions } from "./shared.js";

/** The predicates the rules narrow with, as the compiler imports them (same module instance as the rules use). */
export * as PREDICATES from "../predicates.js";

export const ROOTS = {
  chatParams,
  completionParams,
  embeddingParams,
  embeddingOptions,
  imageParams,
  transcriptionParams,
  speechParams,
  tokenizeParams,
  detokenizeParams,
  rerankParams,
  fileCreateParams,
  fileListParams,
  batchCreateParams,
  batchListParams,
  batchMetadata,
  batchRunParams,
  nonEmpty,
  transportOptions,
  budgetOptions,
  concurrencyOptions,
  fallbackChain,
  featureOptions,
  runToolsParams,
  parseParams,
  inferenceRunParams,
  llmMessage,
};

/** Named parts of the rules, printed by name in docs/validation.md. */
export const PARTS = { message, userPart, textPart, toolCall, tool, responseFormat, streamOptions };
