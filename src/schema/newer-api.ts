import { ValidationError } from "../errors/validation.js";
import type { BatchCreateParams } from "../types/batches.js";
import type { FileCreateParams, FileListParams } from "../types/files.js";
import type { RerankParams } from "../types/rerank.js";
import type { DetokenizeParams, TokenizeParams } from "../types/tokenize.js";

// Plain checks for the endpoints added after the compiled rule tables (tokenize, rerank, files, batches),
// worded like them: `Invalid <where> params: <path> <rule> (was <value>)`. Each throws at the first broken rule.

/** Model ids as the native path takes them: `owner/name`, `owner/name:version`, `deploy_id:ID`. */
const MODEL_PATH_RE = /^[A-Za-z0-9._:@+-]+(\/[A-Za-z0-9._:@+-]+)*$/;
/** DeepInfra's Batch API limits (docs.deepinfra.com/batch): requests per file, metadata pairs. */
export const MAX_BATCH_REQUESTS = 50_000;
const MAX_METADATA_PAIRS = 16;

/** Throws the `ValidationError` for one broken rule. */
export function reject(where: string, path: readonly PropertyKey[], rule: string, value: unknown): never {
  const message = `${path.map((p, i) => (typeof p === "number" ? `[${p}]` : i ? `.${String(p)}` : String(p))).join("")} ${rule} (was ${shown(value)})`;
  throw new ValidationError(`Invalid ${where} params: ${message}`, [{ message, path: [...path] }]);
}

/** A value as a message shows it, kept short: a 50,000-line batch must not land in a message. */
function shown(value: unknown): string {
  if (value === undefined) return "missing";
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (Array.isArray(value)) return value.length > 8 ? `an array of ${value.length}` : safeJSON(value);
  if (typeof value === "object" && value !== null) return (value as object).constructor?.name === "Object" ? "an object" : ((value as object).constructor?.name ?? "an object");
  return String(value);
}

function safeJSON(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 80)}…` : text;
  } catch {
    return "an array";
  }
}

const absent = (value: unknown): value is null | undefined => value === null || value === undefined;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function checkParams(where: string, params: unknown): asserts params is Record<string, unknown> {
  if (!isObject(params)) reject(where, ["params"], "must be an object", params);
}

function checkModel(where: string, model: unknown, path = false): void {
  if (typeof model !== "string" || model.trim() === "") reject(where, ["model"], "must be a non-empty string", model);
  if (path && (!MODEL_PATH_RE.test(model) || model.split("/").some((part) => part === "." || part === "..")))
    reject(where, ["model"], 'must be a model id such as "owner/name" or "owner/name:version"', model);
}

function checkStrings(where: string, name: string, value: unknown, nonEmpty: boolean): asserts value is string[] {
  if (!Array.isArray(value)) reject(where, [name], "must be an array of strings", value);
  if (nonEmpty && value.length === 0) reject(where, [name], "must not be empty", value);
  const bad = value.findIndex((item) => typeof item !== "string");
  if (bad !== -1) reject(where, [name, bad], "must be a string", value[bad]);
}

function checkInteger(where: string, path: readonly PropertyKey[], value: unknown, min: number): void {
  if (!absent(value) && (typeof value !== "number" || !Number.isInteger(value) || value < min)) reject(where, path, `must be an integer >= ${min}`, value);
}

function checkOptionalString(where: string, name: string, value: unknown): void {
  if (!absent(value) && typeof value !== "string") reject(where, [name], "must be a string", value);
}

/** `tokenize`: a model, and `prompt` (a string) or `messages` (a non-empty conversation). */
export function validateTokenizeParams(params: TokenizeParams): void {
  const where = "tokenize";
  checkParams(where, params);
  checkModel(where, params.model);
  if (absent(params.prompt) && absent(params.messages)) reject(where, ["prompt"], "or messages must be given", undefined);
  checkOptionalString(where, "prompt", params.prompt);
  if (!absent(params.messages)) {
    if (!Array.isArray(params.messages) || params.messages.length === 0) reject(where, ["messages"], "must be a non-empty array of messages", params.messages);
    params.messages.forEach((message, i) => {
      if (!isObject(message) || typeof message.role !== "string") reject(where, ["messages", i, "role"], "must be a string", isObject(message) ? message.role : message);
    });
  }
  if (!absent(params.return_token_strs) && typeof params.return_token_strs !== "boolean") reject(where, ["return_token_strs"], "must be a boolean", params.return_token_strs);
}

/** `detokenize`: a model and an array of integer token ids. */
export function validateDetokenizeParams(params: DetokenizeParams): void {
  const where = "detokenize";
  checkParams(where, params);
  checkModel(where, params.model);
  if (!Array.isArray(params.tokens)) reject(where, ["tokens"], "must be an array of integers", params.tokens);
  params.tokens.forEach((token, i) => checkInteger(where, ["tokens", i], token ?? Number.NaN, 0));
}

/** `rerank`: a native model id, documents, and `query` or `queries` (one, or one per document). */
export function validateRerankParams(params: RerankParams): void {
  const where = "rerank";
  checkParams(where, params);
  checkModel(where, params.model, true);
  checkStrings(where, "documents", params.documents, true);
  if (absent(params.query) === absent(params.queries)) reject(where, ["query"], "or queries must be given, not both", absent(params.query) ? undefined : params.query);
  checkOptionalString(where, "query", params.query);
  if (!absent(params.queries)) {
    checkStrings(where, "queries", params.queries, true);
    if (params.queries.length !== 1 && params.queries.length !== params.documents.length)
      reject(where, ["queries"], `must hold 1 query or one per document (${params.documents.length})`, params.queries);
  }
  checkOptionalString(where, "instruction", params.instruction);
  checkInteger(where, ["top_n"], params.top_n, 1);
}

/** A file or batch id that goes into a path. */
export function validateId(where: string, name: string, id: unknown): void {
  if (typeof id !== "string" || id.trim() === "") reject(where, [name], "must be a non-empty string", id);
}

/** `files.create`: JSONL as text, bytes, a Blob or a stream, and a purpose. */
export function validateFileCreateParams(params: FileCreateParams): void {
  const where = "files.create";
  checkParams(where, params);
  const { file } = params;
  const ok =
    typeof file === "string" ||
    file instanceof Uint8Array ||
    file instanceof ArrayBuffer ||
    (typeof Blob !== "undefined" && file instanceof Blob) ||
    (typeof ReadableStream !== "undefined" && file instanceof ReadableStream);
  if (!ok) reject(where, ["file"], "must be a string, Blob, File, Uint8Array, ArrayBuffer or ReadableStream", file);
  if (typeof params.purpose !== "string" || params.purpose === "") reject(where, ["purpose"], 'must be a non-empty string such as "batch"', params.purpose);
  checkOptionalString(where, "filename", params.filename);
  if (!absent(params.expires_after) && !isObject(params.expires_after)) reject(where, ["expires_after"], "must be an object { anchor, seconds }", params.expires_after);
}

/** `files.list`: the paging and filter fields. */
export function validateFileListParams(params: FileListParams | undefined): void {
  const where = "files.list";
  if (absent(params)) return;
  checkParams(where, params);
  checkInteger(where, ["limit"], params.limit, 1);
  if (!absent(params.order) && params.order !== "asc" && params.order !== "desc") reject(where, ["order"], 'must be "asc" or "desc"', params.order);
  checkOptionalString(where, "after", params.after);
  checkOptionalString(where, "purpose", params.purpose);
}

/** `batches.create`: the input file, the endpoint its lines call, the window, string metadata. */
export function validateBatchCreateParams(params: BatchCreateParams): void {
  const where = "batches.create";
  checkParams(where, params);
  validateId(where, "input_file_id", params.input_file_id);
  // Any `/v1/…` path: DeepInfra's list has grown (embeddings came after the spec); the server refuses the rest.
  if (typeof params.endpoint !== "string" || !params.endpoint.startsWith("/v1/")) reject(where, ["endpoint"], 'must be an API path such as "/v1/chat/completions"', params.endpoint);
  checkOptionalString(where, "completion_window", params.completion_window);
  validateMetadata(where, params.metadata);
}

/** Batch metadata: at most 16 string values. */
export function validateMetadata(where: string, metadata: unknown): void {
  if (absent(metadata)) return;
  if (!isObject(metadata)) reject(where, ["metadata"], "must be an object of strings", metadata);
  const keys = Object.keys(metadata);
  if (keys.length > MAX_METADATA_PAIRS) reject(where, ["metadata"], `must have at most ${MAX_METADATA_PAIRS} keys`, metadata);
  for (const key of keys) if (typeof metadata[key] !== "string") reject(where, ["metadata", key], "must be a string", metadata[key]);
}

/** `batches.list`: the paging fields. */
export function validateBatchListParams(params: { after?: unknown; limit?: unknown } | undefined): void {
  const where = "batches.list";
  if (absent(params)) return;
  checkParams(where, params);
  checkOptionalString(where, "after", params.after);
  checkInteger(where, ["limit"], params.limit, 1);
}
