// The endpoints outside the OpenAI-compatible chat family: tokenize (`POST /v1/tokenize`, `/v1/detokenize`), rerank
// (native `POST /v1/inference/{model}`), and the OpenAI-compatible Batch API (`/v1/openai/files`, `/v1/openai/batches`).
// DeepInfra's model gives tokenize as `{model, prompt|messages}`; files and batches follow OpenAI's Batch API shape
// (docs.deepinfra.com/batch). Dev-only rule table: compiled to ../generated/validators.ts by scripts/compile-validators.mjs.
import { type } from "arktype";
import { atMost16Pairs, jsonObject, oneQuerySpelling, promptOrMessages } from "../predicates.js";
import { extraBody } from "./shared.js";

/** A model id, a file id or a batch id: a string with something besides spaces in it. */
export const nonEmpty = type(/\S/).describe("a non-empty string");

/** Model ids as the native path takes them: `owner/name`, `owner/name:version`, `deploy_id:ID`; no `.` or `..` segment. */
export const modelPath = type(/^(?!(?:.*\/)?\.\.?(?:\/|$))[\w.:@+-]+(?:\/[\w.:@+-]+)*$/).describe('a model id such as "owner/name" or "owner/name:version"');

/** The tokenizer renders a conversation with the model's template: each message needs its role. */
const tokenizeMessage = type({ role: "string" }).narrow(jsonObject);

/** TokenizeIn: `model`, and `prompt` (completion form) or `messages` (chat form). */
export const tokenizeParams = type({
  model: nonEmpty,
  "prompt?": "string",
  "messages?": tokenizeMessage.array().atLeastLength(1).describe("a non-empty array of messages"),
  "return_token_strs?": "boolean",
  ...extraBody,
  "+": "reject",
})
  .narrow(jsonObject)
  .narrow(promptOrMessages);

/** DetokenizeIn: token ids are integers >= 0. */
export const detokenizeParams = type({
  model: nonEmpty,
  tokens: type("number.integer >= 0").array(),
  ...extraBody,
  "+": "reject",
}).narrow(jsonObject);

/** The native rerank input (`queries` with `documents`); `query` is the SDK's one-query spelling; `top_n` is applied by the SDK. */
export const rerankParams = type({
  model: modelPath,
  "query?": "string",
  "queries?": "string[] >= 1",
  documents: "string[] >= 1",
  "instruction?": "string",
  "top_n?": "number.integer >= 1",
  ...extraBody,
  "+": "reject",
})
  .narrow(jsonObject)
  .narrow(oneQuerySpelling);

/** `{ anchor, seconds }` for how long a file is kept (OpenAI's Batch API). */
const expiresAfter = type({ "anchor?": "string", "seconds?": "number" }).narrow(jsonObject);

/** `files.create` (multipart): the JSONL as text, bytes, a Blob or a byte stream, and its purpose. */
export const fileCreateParams = type({
  file: type("string")
    .or(type.instanceOf(Blob))
    .or(type.instanceOf(Uint8Array))
    .or(type.instanceOf(ArrayBuffer))
    .or(type.instanceOf(ReadableStream))
    .as<string | Blob | Uint8Array | ArrayBuffer | ReadableStream<Uint8Array>>(),
  purpose: type("string > 0").describe('a non-empty string such as "batch"'),
  "filename?": "string",
  "expires_after?": expiresAfter,
}).narrow(jsonObject);

/** `files.list`: the paging and filter query. */
export const fileListParams = type({
  "purpose?": "string",
  "limit?": "number.integer >= 1",
  "after?": "string",
  "order?": "'asc' | 'desc'",
}).narrow(jsonObject);

/** Batch metadata: string values, at most 16 pairs. */
export const batchMetadata = type({ "[string]": "string" }).narrow(jsonObject).narrow(atMost16Pairs);

/** `batches.create`: the input file, the endpoint its lines call, the window, metadata. */
export const batchCreateParams = type({
  input_file_id: nonEmpty,
  // Any `/v1/…` path: DeepInfra's list has grown (embeddings came after the spec); the server refuses the rest.
  endpoint: type(/^\/v1\//).describe('an API path such as "/v1/chat/completions"'),
  "completion_window?": "string",
  "metadata?": batchMetadata,
  "output_expires_after?": expiresAfter,
  ...extraBody,
  "+": "reject",
}).narrow(jsonObject);

/** `batches.list`: the paging query. */
export const batchListParams = type({ "after?": "string", "limit?": "number.integer >= 1" }).narrow(jsonObject);

/** `batches.run`: what the SDK needs before it builds the JSONL (each request is checked by its endpoint's own rule). */
export const batchRunParams = type({
  endpoint: "'/v1/chat/completions' | '/v1/completions' | '/v1/embeddings'",
  // DeepInfra's Batch API: at most 50,000 requests per input file.
  requests: type("object[]").atLeastLength(1).atMostLength(50_000),
  "metadata?": batchMetadata,
  "completion_window?": "string",
}).narrow(jsonObject);
