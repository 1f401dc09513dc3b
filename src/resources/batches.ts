import { apiErrorFor, readJSON } from "../response.js";
import { APIPromise } from "../api-promise.js";
import { validateBatchCreateParams, validateBatchListParams, validateId } from "../schema/newer-api.js";
import type { Batch, BatchCreateParams, BatchList, BatchListParams, BatchRunEndpoints, BatchRunParams, BatchRunResult, BatchWaitOptions } from "../types/batches.js";
import type { OpenResponse, RequestOptions, RequestSpec } from "../types/request.js";
import { runBatch, waitForBatch } from "./batch-run.js";
import { PageList } from "./page-list.js";
import { wireBody, type ResourceContext } from "./context.js";
import { query, type Files } from "./files.js";

const ROOT = "/v1/openai/batches";

/**
 * `client.batches`: DeepInfra's OpenAI-compatible Batch API (`/v1/openai/batches`): up to 50,000 chat,
 * completion or embedding requests per file, answered within 24 hours at a lower price and outside
 * real-time rate limits. OpenAI's method names and shapes, plus `run` and `wait` helpers.
 */
export class Batches {
  constructor(
    protected readonly context: ResourceContext,
    /** The Files API the helpers upload to and download from. */
    protected readonly files: Files,
  ) {}

  /**
   * Creates a batch from an uploaded JSONL file. `completion_window` defaults to `24h` (the only one
   * offered), and `metadata` is always sent (`null` when absent: DeepInfra's model requires the field).
   * @throws ValidationError for bad parameters; APIError subclasses for refusals.
   * @example
   * const batch = await client.batches.create({ input_file_id: file.id, endpoint: "/v1/embeddings", completion_window: "24h" });
   */
  create(params: BatchCreateParams, options?: RequestOptions): APIPromise<Batch> {
    return new APIPromise(
      (async () => {
        if (options?.validate ?? this.context.validate) validateBatchCreateParams(params);
        const body = wireBody(params, { completion_window: params.completion_window ?? "24h", metadata: params.metadata ?? null });
        return this.#batch("batches.create", { method: "POST", path: ROOT, body, kind: "creation" }, options);
      })(),
    );
  }

  /** The batch's current state. @example const { status, request_counts } = await client.batches.retrieve(id); */
  retrieve(batchId: string, options?: RequestOptions): APIPromise<Batch> {
    return new APIPromise(
      (async () => {
        this.#checkId("batches.retrieve", batchId, options);
        return this.#batch("batches.retrieve", { method: "GET", path: `${ROOT}/${encodeURIComponent(batchId)}` }, options);
      })(),
    );
  }

  /** Asks DeepInfra to stop a batch; it goes through `cancelling` to `cancelled`. @example await client.batches.cancel(id); */
  cancel(batchId: string, options?: RequestOptions): APIPromise<Batch> {
    return new APIPromise(
      (async () => {
        this.#checkId("batches.cancel", batchId, options);
        return this.#batch("batches.cancel", { method: "POST", path: `${ROOT}/${encodeURIComponent(batchId)}/cancel`, kind: "creation" }, options);
      })(),
    );
  }

  /**
   * Lists batches: await it for one page (pass `after` for the next), or iterate it for every batch across pages.
   * @example
   * const { data } = await client.batches.list({ limit: 10 });
   * for await (const batch of client.batches.list()) console.log(batch.id, batch.status);
   */
  list(params?: BatchListParams, options?: RequestOptions): PageList<Batch, BatchList> {
    // Checked when the first page is asked for, so a bad parameter rejects like every other call.
    const page = async (after: string | undefined) => {
      if (options?.validate ?? this.context.validate) validateBatchListParams(params);
      return this.context.transport({ method: "GET", path: ROOT + query({ ...params, after }) }, options, async (open: OpenResponse) => {
        const answer = await readJSON<BatchList>(open);
        if (!Array.isArray(answer?.data)) throw apiErrorFor(open, answer, "batches.list: the response has no `data` array.");
        return answer;
      });
    };
    return new PageList(page, params?.after ?? undefined);
  }

  /**
   * Polls a batch until it is `completed`, `failed`, `expired` or `cancelled`, and resolves with it.
   * Waits `pollInterval` (2 s) first, doubling up to `maxPollInterval` (60 s); `onProgress` hears every poll.
   * When `signal` aborts, the batch is cancelled on DeepInfra too (unless `cancelOnAbort: false`).
   * @throws APIUserAbortError on abort; APIError subclasses when a poll fails beyond its retries.
   * @example
   * const done = await client.batches.wait(batch.id, { onProgress: (p) => console.log(p.status, p.completed) });
   */
  wait(batchId: string, options?: BatchWaitOptions): Promise<Batch> {
    this.#checkId("batches.wait", batchId, options);
    return waitForBatch(this, batchId, options ?? {});
  }

  /**
   * Runs requests through the Batch API and returns every answer in input order: builds the JSONL
   * (aliases resolved, parameters validated), uploads it, creates the batch, waits for it (as `wait`),
   * then downloads the output and error files. Each entry of `results` is `{ ok: true, response }` or
   * `{ ok: false, error: BatchLineError }`; a request with no line at all gets `code: "missing_result"`,
   * so the list is never shorter than `requests`. Every call goes through the client's transport.
   * @throws ValidationError before anything is sent; BatchFailedError when the batch ends `failed` or
   * `cancelled`; APIUserAbortError on abort (after cancelling the batch, unless `cancelOnAbort: false`).
   * @example
   * const { results } = await client.batches.run({ endpoint: "/v1/embeddings", requests: texts.map((input) => ({ model: "BAAI/bge-m3", input })) });
   * for (const r of results) if (r.ok) save(r.index, r.response.data[0].embedding); else console.error(r.index, r.error.message);
   */
  run<E extends keyof BatchRunEndpoints>(params: BatchRunParams<E>, options?: BatchWaitOptions): Promise<BatchRunResult<BatchRunEndpoints[E]["response"]>> {
    return runBatch(this, this.files, this.context, params, options ?? {}) as Promise<BatchRunResult<BatchRunEndpoints[E]["response"]>>;
  }

  #checkId(where: string, batchId: string, options: RequestOptions | undefined): void {
    if (options?.validate ?? this.context.validate) validateId(where, "batchId", batchId);
  }

  #batch(where: string, spec: RequestSpec, options: RequestOptions | undefined): Promise<Batch> {
    return this.context.transport(spec, options, async (open: OpenResponse) => {
      const batch = await readJSON<Batch>(open);
      if (typeof batch?.id !== "string" || typeof batch.status !== "string") throw apiErrorFor(open, batch, `${where}: the response is not a batch (no \`id\` and \`status\`).`);
      return batch;
    });
  }
}
