// @ts-check
/**
 * The newer DeepInfra routes for the local upstream (server.mjs spreads BATCH_API_ROUTES into its ROUTES):
 * tokenize/detokenize, rerankers on the native endpoint, and the OpenAI-compatible Files + Batch API.
 *
 * Deterministic and fast: a batch moves one step per retrieve (validating → in_progress → in_progress →
 * finalizing → completed), never by wall time. Its output file lists the answers in reverse order. Markers in
 * a request body drive the other outcomes:
 *   "[fail]" → an error-file line with a 400 answer;  "[drop]" → no line at all;
 *   metadata.upstream = "expire" → the batch ends `expired`, the second half of the lines with `batch_expired`;
 *   metadata.upstream = "fail" → the batch fails validation.
 * A line that is not JSON, or whose url/method/model differs, fails the whole batch at validation.
 * Shapes follow docs.deepinfra.com (tokenizer, batch, files, reranker pages); see docs/api-facts.md.
 */

import { embedText } from "./server.mjs";

const JSON_TYPE = "application/json";
const BATCH_ENDPOINTS = ["/v1/chat/completions", "/v1/completions", "/v1/embeddings"];
const MAX_MODEL_LEN = 8192;

/** @param {unknown} value @param {number} [status] */
const jsonReply = (value, status = 200) => ({ status, body: JSON.stringify(value), contentType: JSON_TYPE });
/** FastAPI's 422 for one field. @param {(string|number)[]} loc @param {string} msg @param {string} type */
const fieldError = (loc, msg, type = "value_error") => jsonReply({ detail: [{ loc: ["body", ...loc], msg, type }] }, 422);
const now = () => Math.floor(Date.now() / 1000);
/** @param {string} text */
const words = (text) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

let counter = 0;
/** @type {Map<string, { object: any, content: string }>} */
const files = new Map();
/** @type {Map<string, { batch: any, polls: number, lines: any[] | null, invalid: any[] }>} */
const batches = new Map();

// --- tokenize / detokenize: a byte-level tokenizer, so detokenize(tokenize(x)) === x ------------

/** @param {any} ctx */
function tokenize(ctx) {
  const { model, prompt, messages, return_token_strs } = ctx.json;
  if (typeof model !== "string" || !model) return fieldError(["model"], "field required", "value_error.missing");
  if (prompt == null && messages == null) return fieldError(["prompt"], "prompt or messages required");
  const text =
    typeof prompt === "string"
      ? prompt
      : Array.isArray(messages)
        ? messages.map((m) => `<|${m?.role}|>${typeof m?.content === "string" ? m.content : JSON.stringify(m?.content ?? "")}`).join("") + "<|assistant|>"
        : null;
  if (text === null) return fieldError([prompt == null ? "messages" : "prompt"], "invalid type");
  const tokens = [...new TextEncoder().encode(text)];
  return jsonReply({ count: tokens.length, max_model_len: MAX_MODEL_LEN, tokens, ...(return_token_strs ? { token_strs: tokens.map((t) => String.fromCharCode(t)) } : {}) });
}

/** vLLM's answer shape (`prompt`). @param {any} ctx */
function detokenize(ctx) {
  const { model, tokens } = ctx.json;
  if (typeof model !== "string" || !model) return fieldError(["model"], "field required", "value_error.missing");
  if (!Array.isArray(tokens) || !tokens.every((t) => Number.isInteger(t) && t >= 0 && t < 256)) return fieldError(["tokens"], "value is not a valid list of token ids");
  return jsonReply({ prompt: new TextDecoder().decode(new Uint8Array(tokens)) });
}

// --- rerankers on /v1/inference/{model} ---------------------------------------------------------

/**
 * Qwen3-style rerankers (`…Reranker…`) take `queries`, one per document; the docs' cross-encoder example
 * (`cross-encoder/…`) takes a single `query`. Score: the share of the query's words found in the document.
 * @param {any} ctx
 */
function rerank(ctx) {
  const model = ctx.params[0];
  const { documents, queries, query } = ctx.json ?? {};
  if (!Array.isArray(documents) || !documents.every((d) => typeof d === "string")) return fieldError(["documents"], "field required", "value_error.missing");
  /** @type {string[]} */
  let perDocument;
  if (/^cross-encoder\//.test(model)) {
    if (typeof query !== "string") return fieldError(["query"], "field required", "value_error.missing");
    perDocument = documents.map(() => query);
  } else {
    if (!Array.isArray(queries)) return fieldError(["queries"], "field required", "value_error.missing");
    if (queries.length !== documents.length) return fieldError(["queries"], "queries and documents must have the same length");
    perDocument = queries;
  }
  const scores = documents.map((doc, i) => {
    const asked = words(perDocument[i] ?? "");
    const found = new Set(words(doc));
    return asked.length ? Math.round((asked.filter((w) => found.has(w)).length / asked.length) * 1e4) / 1e4 : 0;
  });
  const inputTokens = documents.reduce((n, doc, i) => n + words(doc).length + words(perDocument[i] ?? "").length, 0);
  const cost = Number((inputTokens * 2.5e-8).toPrecision(6));
  return jsonReply({ scores, input_tokens: inputTokens, request_id: `RqRerank${++counter}`, inference_status: { status: "succeeded", runtime_ms: 7, cost, tokens_input: inputTokens } });
}

// --- files --------------------------------------------------------------------------------------

/** @param {any} object */
const publicFile = (object) => ({ ...object });
/** @param {string} id */
const fileMissing = (id) => jsonReply({ detail: `File ${id} not found` }, 404);

/** @param {any} ctx */
async function createFile(ctx) {
  const file = ctx.form?.get("file");
  const purpose = ctx.form?.get("purpose");
  if (!file || typeof file === "string") return fieldError(["file"], "field required", "value_error.missing");
  if (typeof purpose !== "string" || !purpose) return fieldError(["purpose"], "field required", "value_error.missing");
  const seconds = Number(ctx.form.get("expires_after[seconds]") ?? 2_592_000);
  const content = await file.text();
  return jsonReply(publicFile(storeFile(content, file.name || "upload", purpose, seconds).object));
}

/** @param {string} content @param {string} filename @param {string} purpose @param {number} [seconds] */
function storeFile(content, filename, purpose, seconds = 2_592_000) {
  const created = now();
  const object = { id: `file-${++counter}`, object: "file", bytes: Buffer.byteLength(content), created_at: created, expires_at: created + seconds, filename, purpose };
  const entry = { object, content };
  files.set(object.id, entry);
  return entry;
}

/** One page in OpenAI's list shape (`after`, `limit`, `order`). @param {any[]} items newest first @param {any} ctx @param {number} defaultLimit */
function page(items, ctx, defaultLimit) {
  const search = ctx.url.searchParams;
  const limit = Number(search.get("limit") ?? defaultLimit);
  let list = items;
  if (search.get("order") === "asc") list = [...list].reverse();
  const after = search.get("after");
  if (after) list = list.slice(list.findIndex((item) => item.id === after) + 1);
  const data = list.slice(0, limit);
  return jsonReply({ object: "list", data, has_more: list.length > data.length, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null });
}

/** @param {any} ctx */
function listFiles(ctx) {
  const purpose = ctx.url.searchParams.get("purpose");
  const all = [...files.values()].map((f) => f.object).filter((f) => !purpose || f.purpose === purpose).reverse();
  return page(all, ctx, 100);
}

/** @param {any} ctx */
function retrieveFile(ctx) {
  const entry = files.get(ctx.params[0]);
  return entry ? jsonReply(publicFile(entry.object)) : fileMissing(ctx.params[0]);
}

/** @param {any} ctx */
function fileContent(ctx) {
  const entry = files.get(ctx.params[0]);
  return entry ? { status: 200, body: entry.content, contentType: "application/jsonl" } : fileMissing(ctx.params[0]);
}

/** @param {any} ctx */
function deleteFile(ctx) {
  const id = ctx.params[0];
  if (!files.delete(id)) return fileMissing(id);
  return jsonReply({ id, object: "file", deleted: true });
}

// --- batches ------------------------------------------------------------------------------------

/** @param {any} ctx */
function createBatch(ctx) {
  const { input_file_id, endpoint, completion_window, metadata } = ctx.json;
  if (typeof input_file_id !== "string") return fieldError(["input_file_id"], "field required", "value_error.missing");
  if (!BATCH_ENDPOINTS.includes(endpoint)) return fieldError(["endpoint"], `unexpected value; permitted: ${BATCH_ENDPOINTS.map((e) => `'${e}'`).join(", ")}`, "value_error.const");
  if (completion_window !== "24h") return fieldError(["completion_window"], "unexpected value; permitted: '24h'", "value_error.const");
  // DeepInfra's model (OpenAIBatchesIn) requires the key, null allowed.
  if (!("metadata" in ctx.json)) return fieldError(["metadata"], "field required", "value_error.missing");
  const input = files.get(input_file_id);
  if (!input) return jsonReply({ error: { message: `Input file ${input_file_id} not found`, type: "invalid_request_error" } }, 400);
  const created = now();
  const batch = {
    id: `batch_${++counter}`,
    object: "batch",
    endpoint,
    errors: null,
    input_file_id,
    completion_window,
    status: "validating",
    output_file_id: null,
    error_file_id: null,
    created_at: created,
    in_progress_at: null,
    finalizing_at: null,
    completed_at: null,
    failed_at: null,
    expires_at: created + 86_400,
    expired_at: null,
    cancelling_at: null,
    cancelled_at: null,
    request_counts: { total: 0, completed: 0, failed: 0 },
    metadata: metadata ?? null,
    usage: null,
  };
  const { lines, invalid } = parseInput(input.content, endpoint);
  batches.set(batch.id, { batch, polls: 0, lines, invalid });
  return jsonReply(batch);
}

/** @param {string} content @param {string} endpoint */
function parseInput(content, endpoint) {
  /** @type {any[]} */
  const lines = [];
  /** @type {any[]} */
  const invalid = [];
  const seen = new Set();
  content.split("\n").forEach((raw, i) => {
    if (!raw.trim()) return;
    let line;
    try {
      line = JSON.parse(raw);
    } catch {
      return invalid.push({ code: "invalid_json_line", line: i + 1, message: "This line is not parseable as valid JSON." });
    }
    if (typeof line?.custom_id !== "string" || seen.has(line.custom_id)) return invalid.push({ code: "duplicate_custom_id", line: i + 1, message: "custom_id must be a unique string." });
    if (line.method !== "POST" || line.url !== endpoint) return invalid.push({ code: "invalid_url", line: i + 1, message: `The url must be ${endpoint} with method POST.` });
    if (lines.length && line.body?.model !== lines[0].body?.model) return invalid.push({ code: "mismatched_model", line: i + 1, message: "All requests must use the same model." });
    seen.add(line.custom_id);
    lines.push(line);
  });
  return { lines, invalid };
}

/** One step per retrieve. @param {any} ctx */
function retrieveBatch(ctx) {
  const entry = batches.get(ctx.params[0]);
  if (!entry) return jsonReply({ detail: `Batch ${ctx.params[0]} not found` }, 404);
  advance(entry);
  return jsonReply(entry.batch);
}

/** @param {{ batch: any, polls: number, lines: any[] | null, invalid: any[] }} entry */
function advance(entry) {
  const { batch } = entry;
  const lines = entry.lines ?? [];
  const total = lines.length;
  entry.polls++;
  switch (batch.status) {
    case "validating":
      if (batch.metadata?.upstream === "fail") entry.invalid.push({ code: "invalid_request", line: 1, message: "Emulated validation failure (metadata.upstream = fail)." });
      if (entry.invalid.length || total === 0) {
        const data = entry.invalid.length ? entry.invalid : [{ code: "empty_file", line: null, message: "The input file has no requests." }];
        Object.assign(batch, { status: "failed", failed_at: now(), errors: { object: "list", data } });
      } else Object.assign(batch, { status: "in_progress", in_progress_at: now(), request_counts: { total, completed: 0, failed: 0 } });
      return;
    case "in_progress":
      if (entry.polls === 2) {
        batch.request_counts = { total, completed: Math.floor(total / 2), failed: 0 };
        return;
      }
      if (batch.metadata?.upstream === "expire") return finish(entry, "expired");
      Object.assign(batch, { status: "finalizing", finalizing_at: now() });
      return;
    case "finalizing":
      return finish(entry, "completed");
    case "cancelling":
      Object.assign(batch, { status: "cancelled", cancelled_at: now() });
      return;
  }
}

/** Writes the output file (answers in reverse order) and the error file. @param {any} entry @param {"completed" | "expired"} status */
function finish(entry, status) {
  const { batch } = entry;
  /** @type {any[]} */
  const lines = entry.lines;
  /** @type {any[]} */
  const output = [];
  /** @type {any[]} */
  const errors = [];
  const usage = { input_tokens: 0, output_tokens: 0, total_tokens: 0 };
  lines.forEach((line, i) => {
    const text = JSON.stringify(line.body);
    const id = `batch_req_${batch.id}_${i}`;
    if (text.includes("[drop]")) return;
    if (status === "expired" && i >= Math.ceil(lines.length / 2)) {
      errors.push({ id, custom_id: line.custom_id, response: null, error: { code: "batch_expired", message: "This request could not be executed before the completion window expired." } });
      return;
    }
    if (text.includes("[fail]")) {
      const body = { error: { message: "Requested input is not acceptable ([fail] marker)", type: "invalid_request_error" } };
      errors.push({ id, custom_id: line.custom_id, response: { status_code: 400, request_id: `req-${id}`, body }, error: null });
      return;
    }
    const body = answer(batch.endpoint, line.body, i);
    usage.input_tokens += body.usage.prompt_tokens;
    usage.output_tokens += body.usage.completion_tokens ?? 0;
    usage.total_tokens += body.usage.total_tokens;
    output.push({ id, custom_id: line.custom_id, response: { status_code: 200, request_id: `req-${id}`, body }, error: null });
  });
  // Out of order on purpose: DeepInfra does not promise the input order.
  output.reverse();
  const jsonl = (/** @type {any[]} */ items) => items.map((item) => JSON.stringify(item)).join("\n") + "\n";
  const out = output.length ? storeFile(jsonl(output), `${batch.id}_output.jsonl`, "batch_output").object.id : null;
  const err = errors.length ? storeFile(jsonl(errors), `${batch.id}_error.jsonl`, "batch_output").object.id : null;
  Object.assign(batch, {
    status,
    [status === "completed" ? "completed_at" : "expired_at"]: now(),
    output_file_id: out,
    error_file_id: err,
    request_counts: { total: lines.length, completed: output.length, failed: errors.length },
    usage,
  });
}

/**
 * The answer a real-time call would give (same vectors as the upstream's /embeddings).
 * @param {string} endpoint @param {any} body @param {number} i @returns {any}
 */
function answer(endpoint, body, i) {
  const created = now();
  if (endpoint === "/v1/embeddings") {
    const inputs = typeof body.input === "string" ? [body.input] : body.input;
    const tokens = inputs.reduce((/** @type {number} */ n, /** @type {string} */ s) => n + words(s).length, 0);
    return { object: "list", data: inputs.map((/** @type {string} */ text, /** @type {number} */ index) => ({ object: "embedding", index, embedding: embedText(text) })), model: body.model, usage: { prompt_tokens: tokens, total_tokens: tokens, estimated_cost: tokens * 1e-9 } };
  }
  const prompt = endpoint === "/v1/chat/completions" ? String(body.messages?.at(-1)?.content ?? "") : String(body.prompt ?? "");
  const text = `Batch reply to: ${prompt}`;
  const usage = { prompt_tokens: words(prompt).length, completion_tokens: words(text).length, total_tokens: words(prompt).length + words(text).length, estimated_cost: 1e-7 };
  if (endpoint === "/v1/chat/completions") {
    return { id: `chatcmpl-batch-${i}`, object: "chat.completion", created, model: body.model, choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }], usage };
  }
  return { id: `cmpl-batch-${i}`, object: "text_completion", created, model: body.model, choices: [{ index: 0, text, finish_reason: "stop", logprobs: null }], usage };
}

/** @param {any} ctx */
function cancelBatch(ctx) {
  const entry = batches.get(ctx.params[0]);
  if (!entry) return jsonReply({ detail: `Batch ${ctx.params[0]} not found` }, 404);
  const { batch } = entry;
  if (["completed", "failed", "expired", "cancelled"].includes(batch.status)) {
    return jsonReply({ error: { message: `Cannot cancel a batch with status ${batch.status}.`, type: "invalid_request_error" } }, 400);
  }
  Object.assign(batch, { status: "cancelling", cancelling_at: now() });
  return jsonReply(batch);
}

/** @param {any} ctx */
function listBatches(ctx) {
  return page([...batches.values()].map((entry) => entry.batch).reverse(), ctx, 20);
}

/** The routes, in the server's Route shape. The reranker route must come before the generic `/v1/inference/…` one. */
export const BATCH_API_ROUTES = [
  { method: "POST", path: "/v1/tokenize", jsonBody: true, handler: tokenize },
  { method: "POST", path: "/v1/detokenize", jsonBody: true, handler: detokenize },
  { method: "POST", path: /^\/v1\/inference\/((?:[^/]+\/)?[^/]*[Rr]erank[^/]*|cross-encoder\/[^/]+)$/, jsonBody: true, handler: rerank },
  { method: "POST", path: "/v1/openai/files", handler: createFile },
  { method: "GET", path: "/v1/openai/files", handler: listFiles },
  { method: "GET", path: /^\/v1\/openai\/files\/([^/]+)$/, handler: retrieveFile },
  { method: "DELETE", path: /^\/v1\/openai\/files\/([^/]+)$/, handler: deleteFile },
  { method: "GET", path: /^\/v1\/openai\/files\/([^/]+)\/content$/, handler: fileContent },
  { method: "POST", path: "/v1/openai/batches", jsonBody: true, handler: createBatch },
  { method: "GET", path: "/v1/openai/batches", handler: listBatches },
  { method: "GET", path: /^\/v1\/openai\/batches\/([^/]+)$/, handler: retrieveBatch },
  { method: "POST", path: /^\/v1\/openai\/batches\/([^/]+)\/cancel$/, handler: cancelBatch },
];
