import { BatchFailedError, BatchLineError } from "../errors/batch.js";
import { APIUserAbortError } from "../errors/connection.js";
import { abortableSleep } from "../http.js";
import { resolveModel, type ResolvedModel } from "../models.js";
import { isErrorEnvelope, readErrorMessage } from "../response.js";
import { validateCompletionParams } from "../schema/completions.js";
import { validateEmbeddingParams } from "../schema/embeddings.js";
import { batchRunParams } from "../schema/generated/validators.js";
import { check, refuse as reject, within } from "../schema/runtime.js";
import { validateChatParams } from "../schema/params.js";
import type { Batch, BatchOutputLine, BatchProgress, BatchRunItem, BatchRunParams, BatchRunResult, BatchWaitOptions } from "../types/batches.js";
import type { CompletionUsage } from "../types/chat.js";
import type { RequestOptions } from "../types/request.js";
import { addUsage } from "../usage.js";
import type { Batches } from "./batches.js";
import { wireBody, type ResourceContext } from "./context.js";
import type { Files } from "./files.js";

const FINAL = /* @__PURE__ */ new Set(["completed", "failed", "expired", "cancelled"]);
const DEFAULT_POLL_MS = 2_000;
const DEFAULT_MAX_POLL_MS = 60_000;
/** DeepInfra's input file limit (docs.deepinfra.com/batch). */
const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** How long a best-effort cancel after an abort may take: the caller is already gone. */
const CANCEL_TIMEOUT_MS = 10_000;

type Endpoint = BatchRunParams["endpoint"];
type Validator = (params: never, where: string) => void;

/** Per endpoint: which alias table resolves `model`, and the real-time call's validator. */
const ENDPOINTS: Record<Endpoint, { table: "modelAliases" | "embeddingAliases"; validate: Validator }> = {
  "/v1/chat/completions": { table: "modelAliases", validate: validateChatParams as Validator },
  "/v1/completions": { table: "modelAliases", validate: (params) => validateCompletionParams(params) },
  "/v1/embeddings": { table: "embeddingAliases", validate: (params) => validateEmbeddingParams(params) },
};

/** `batches.run`: JSONL → upload → batch → wait → results in input order. */
export async function runBatch(batches: Batches, files: Files, context: ResourceContext, params: BatchRunParams, options: BatchWaitOptions): Promise<BatchRunResult<unknown>> {
  const started = Date.now();
  const { lines, model } = buildLines(context, params, options.validate ?? context.validate);
  const jsonl = new Blob([lines.map((line) => JSON.stringify(line)).join("\n") + "\n"], { type: "application/jsonl" });
  if (jsonl.size > MAX_FILE_BYTES) reject("batches.run", ["requests"], "small enough for DeepInfra's 200 MB input file: split them", params.requests, `${jsonl.size} bytes of JSONL`);
  const { onProgress: _p, pollInterval: _i, maxPollInterval: _m, cancelOnAbort: _c, ...request } = options;
  const file = await files.create({ file: jsonl, purpose: "batch", filename: "batch.jsonl" }, request);
  const created = await batches.create({ input_file_id: file.id, endpoint: params.endpoint, completion_window: params.completion_window ?? "24h", metadata: params.metadata ?? null }, request);
  report(options, created, started);
  const batch = FINAL.has(created.status) ? created : await waitForBatch(batches, created.id, options, started);
  if (batch.status !== "completed" && batch.status !== "expired") throw new BatchFailedError(batch);
  const results = await collect(files, batch, lines.map((line) => line.custom_id), request);
  const usage: CompletionUsage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
  for (const item of results) if (item.ok) addUsage(usage, (item.response as { usage?: Partial<CompletionUsage> } | null)?.usage);
  // Outside any transport read: a throwing onUsage must not look like a lost body.
  if (usage.total_tokens > 0 || usage.estimated_cost !== undefined) context.budget?.record("batches", model, usage);
  const succeeded = results.filter((item) => item.ok).length;
  return { batch, results, succeeded, failed: results.length - succeeded, usage };
}

/** Polls until the batch is final; on abort, cancels it (best effort, unless told not to) and throws. */
export async function waitForBatch(batches: Batches, batchId: string, options: BatchWaitOptions, started = Date.now()): Promise<Batch> {
  const { onProgress: _p, pollInterval, maxPollInterval, cancelOnAbort, ...request } = options;
  const { signal } = request;
  let delay = Math.max(0, pollInterval ?? DEFAULT_POLL_MS);
  const maxDelay = Math.max(delay, maxPollInterval ?? DEFAULT_MAX_POLL_MS);
  try {
    for (;;) {
      const batch = await batches.retrieve(batchId, request);
      report(options, batch, started);
      if (FINAL.has(batch.status)) return batch;
      await abortableSleep(delay, signal);
      delay = Math.min(delay * 2 || 1, maxDelay);
    }
  } catch (error) {
    if (!signal?.aborted) throw error;
    // The caller gave up: stop paying for work nobody will read. The cancel is not tied to the
    // aborted signal, and its failure must not hide the abort.
    if (cancelOnAbort !== false) await batches.cancel(batchId, { headers: request.headers, maxRetries: 1, timeout: CANCEL_TIMEOUT_MS }).catch(() => undefined);
    throw error instanceof APIUserAbortError ? error : new APIUserAbortError();
  }
}

function report(options: BatchWaitOptions, batch: Batch, started: number): void {
  if (!options.onProgress) return;
  const counts = batch.request_counts;
  const progress: BatchProgress = { batch, status: batch.status, total: counts?.total ?? 0, completed: counts?.completed ?? 0, failed: counts?.failed ?? 0, elapsedMs: Date.now() - started };
  options.onProgress(progress);
}

interface Line {
  custom_id: string;
  method: "POST";
  url: string;
  body: Record<string, unknown>;
}

/** One JSONL line per request, as the real-time call would send it; every rule checked before anything is sent. */
function buildLines(context: ResourceContext, params: BatchRunParams, validate: boolean): { lines: Line[]; model: string } {
  const where = "batches.run";
  check(where, batchRunParams, params);
  const endpoint = ENDPOINTS[params.endpoint];
  const { requests } = params;
  let first: ResolvedModel | undefined;
  const lines = requests.map((request, index): Line => {
    if (validate) validateLine(endpoint, request, index);
    // A batch answers with files, never with a stream.
    if ((request as { stream?: unknown }).stream === true) reject(where, ["requests", index, "stream"], "false or absent in a batch", true);
    const resolved = resolveModel((request as { model: string }).model, context[endpoint.table], endpoint.table);
    first ??= resolved;
    // DeepInfra runs one model per batch and refuses mixed files at validation.
    if (resolved.model !== first.model) reject(where, ["requests", index, "model"], `the model of requests[0] ("${first.model}"): a batch runs one model`, resolved.model);
    return { custom_id: `request-${index}`, method: "POST", url: params.endpoint, body: wireBody(request, { model: resolved.model }) };
  });
  return { lines, model: (first as ResolvedModel).model };
}

/** The real-time call's own validator, its message re-addressed to `requests[i]`. */
function validateLine(endpoint: (typeof ENDPOINTS)[Endpoint], request: unknown, index: number): void {
  const where = `batches.run requests[${index}]`;
  within(where, ["requests", index], () => endpoint.validate(request as never, where));
}

/** Downloads the output and error files and places one outcome per custom id, in input order. */
async function collect(files: Files, batch: Batch, customIds: string[], request: RequestOptions): Promise<Array<BatchRunItem<unknown>>> {
  const byId = new Map<string, BatchOutputLine>();
  for (const fileId of [batch.output_file_id, batch.error_file_id]) {
    if (!fileId) continue;
    const text = await files.text(fileId, request);
    for (const raw of text.split("\n")) {
      const line = parseLine(raw);
      // Duplicates keep the first line: the output file comes before the error file.
      if (line && !byId.has(line.custom_id)) byId.set(line.custom_id, line);
    }
  }
  return customIds.map((customId, index) => outcome(byId.get(customId), index, customId, batch));
}

function parseLine(raw: string): BatchOutputLine | undefined {
  if (!raw.trim()) return undefined;
  try {
    const line = JSON.parse(raw) as BatchOutputLine;
    return typeof line?.custom_id === "string" ? line : undefined;
  } catch {
    // A line that is not JSON can't be attributed; its request is reported as missing_result.
    return undefined;
  }
}

function outcome(line: BatchOutputLine | undefined, index: number, customId: string, batch: Batch): BatchRunItem<unknown> {
  if (!line) {
    const code = batch.status === "expired" ? "batch_expired" : "missing_result";
    return { ok: false, index, custom_id: customId, error: new BatchLineError(`Request ${index} (${customId}) has no line in the output or error file of batch ${batch.id} (${batch.status}).`, index, customId, code) };
  }
  const status = line.response?.status_code;
  const body = line.response?.body;
  if (line.error) {
    const message = line.error.message ?? readErrorMessage(body) ?? line.error.code ?? "no message";
    return { ok: false, index, custom_id: customId, error: new BatchLineError(`Request ${index} (${customId}) failed: ${message}`, index, customId, line.error.code ?? "error", status, body) };
  }
  if (typeof status !== "number" || status >= 400 || isErrorEnvelope(body)) {
    const message = `${status ?? "no status"} ${readErrorMessage(body) ?? "no message"}`;
    return { ok: false, index, custom_id: customId, error: new BatchLineError(`Request ${index} (${customId}) failed: ${message}`, index, customId, `http_${status ?? "unknown"}`, status, body) };
  }
  return { ok: true, index, custom_id: customId, status_code: status, response: body };
}
