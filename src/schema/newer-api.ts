import type { BatchCreateParams } from "../types/batches.js";
import type { FileCreateParams, FileListParams } from "../types/files.js";
import type { RerankParams } from "../types/rerank.js";
import type { DetokenizeParams, TokenizeParams } from "../types/tokenize.js";
import {
  batchCreateParams,
  batchListParams,
  batchMetadata,
  detokenizeParams,
  fileCreateParams,
  fileListParams,
  nonEmpty,
  rerankParams,
  tokenizeParams,
} from "./generated/validators.js";
import { check, withoutAbsent } from "./runtime.js";

// Tokenize, rerank, files and batches: rules in src/schema/rules/newer-api.ts (docs/validation.md).
// Each throws a `ValidationError` worded `Invalid <where> params: <path> must be <rule> (was <value>)`.

/** DeepInfra's Batch API limit (docs.deepinfra.com/batch): requests per file. */
export const MAX_BATCH_REQUESTS = 50_000;

/** `tokenize`: a model, and `prompt` (a string) or `messages` (a non-empty conversation). */
export function validateTokenizeParams(params: TokenizeParams): void {
  check("tokenize", tokenizeParams, withoutAbsent(params));
}

/** `detokenize`: a model and an array of integer token ids. */
export function validateDetokenizeParams(params: DetokenizeParams): void {
  check("detokenize", detokenizeParams, withoutAbsent(params));
}

/** `rerank`: a native model id, documents, and `query` or `queries` (one, or one per document). */
export function validateRerankParams(params: RerankParams): void {
  check("rerank", rerankParams, withoutAbsent(params));
}

/** A file or batch id that goes into a path. */
export function validateId(where: string, name: string, id: unknown): void {
  check(where, nonEmpty, id, [name]);
}

/** `files.create`: JSONL as text, bytes, a Blob or a stream, and a purpose. */
export function validateFileCreateParams(params: FileCreateParams): void {
  check("files.create", fileCreateParams, withoutAbsent(params));
}

/** `files.list`: the paging and filter fields. */
export function validateFileListParams(params: FileListParams | undefined): void {
  if (params !== undefined && params !== null) check("files.list", fileListParams, withoutAbsent(params));
}

/** `batches.create`: the input file, the endpoint its lines call, the window, string metadata. */
export function validateBatchCreateParams(params: BatchCreateParams): void {
  check("batches.create", batchCreateParams, withoutAbsent(params));
}

/** Batch metadata: at most 16 string values. */
export function validateMetadata(where: string, metadata: unknown): void {
  if (metadata !== undefined && metadata !== null) check(where, batchMetadata, metadata, ["metadata"]);
}

/** `batches.list`: the paging fields. */
export function validateBatchListParams(params: { after?: unknown; limit?: unknown } | undefined): void {
  if (params !== undefined && params !== null) check("batches.list", batchListParams, withoutAbsent(params));
}
