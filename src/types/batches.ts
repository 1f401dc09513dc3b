import type { BatchLineError } from "../errors/batch.js";
import type { ChatCompletion, ChatCreateParams, CompletionUsage } from "./chat.js";
import type { Completion, CompletionCreateParams } from "./completions.js";
import type { CreateEmbeddingResponse, EmbeddingCreateParams } from "./embeddings.js";
import type { RequestOptions } from "./request.js";

/** The endpoints a DeepInfra batch can run (one per batch); `/v1/embeddings` is in the docs, not yet in the spec. */
export type BatchEndpoint = "/v1/chat/completions" | "/v1/completions" | "/v1/embeddings" | (string & {});

/** Where a batch stands; `completed`, `failed`, `expired` and `cancelled` are final. */
export type BatchStatus = "validating" | "in_progress" | "finalizing" | "completed" | "failed" | "expired" | "cancelling" | "cancelled" | (string & {});

/** Parameters of `batches.create`, in OpenAI's shape. */
export interface BatchCreateParams {
  /** The id of a file uploaded with `purpose: "batch"`. */
  input_file_id: string;
  /** The endpoint every line of the file calls; must equal each line's `url`. */
  endpoint: BatchEndpoint;
  /** Only `24h` is offered (the default here). */
  completion_window?: "24h" | (string & {});
  /** Up to 16 string pairs stored with the batch. */
  metadata?: Record<string, string> | null;
  /** How long the output and error files are kept: `{ anchor: "created_at", seconds }`. */
  output_expires_after?: { anchor?: "created_at"; seconds?: number } | null;
  /** Fields this SDK does not know yet, merged into the request body as given. */
  extra_body?: Record<string, unknown> | null;
}

/** Progress counts of a batch. */
export interface BatchRequestCounts {
  total: number;
  completed: number;
  failed: number;
  [extra: string]: unknown;
}

/** One problem with a batch's input file (`errors.data`), e.g. a bad line. */
export interface BatchErrorItem {
  code?: string;
  message?: string;
  /** 1-based line of the input file. */
  line?: number | null;
  param?: string | null;
  [extra: string]: unknown;
}

/** A batch job, as DeepInfra (and OpenAI) describe it; any timestamp may be absent or null. */
export interface Batch {
  id: string;
  object: "batch" | (string & {});
  endpoint: BatchEndpoint;
  input_file_id: string;
  completion_window: string;
  status: BatchStatus;
  output_file_id?: string | null;
  error_file_id?: string | null;
  errors?: { object?: string; data?: BatchErrorItem[] } | null;
  created_at: number;
  in_progress_at?: number | null;
  finalizing_at?: number | null;
  completed_at?: number | null;
  failed_at?: number | null;
  expires_at?: number | null;
  expired_at?: number | null;
  cancelling_at?: number | null;
  cancelled_at?: number | null;
  request_counts?: BatchRequestCounts | null;
  metadata?: Record<string, string> | null;
  model?: string | null;
  /** Token totals (Responses-style names, as DeepInfra documents them). */
  usage?: { input_tokens?: number; output_tokens?: number; total_tokens?: number; [extra: string]: unknown } | null;
  [extra: string]: unknown;
}

/** Parameters of `batches.list`. */
export interface BatchListParams {
  /** Cursor: the id of the last batch of the previous page. */
  after?: string | null;
  /** Page size (DeepInfra's default is 20). */
  limit?: number | null;
}

/** A page of batches. */
export interface BatchList {
  object: "list";
  data: Batch[];
  has_more?: boolean;
  first_id?: string | null;
  last_id?: string | null;
  [extra: string]: unknown;
}

/** One line of a batch's output or error file. */
export interface BatchOutputLine<Body = unknown> {
  id?: string;
  custom_id: string;
  response?: { status_code: number; request_id?: string; body: Body } | null;
  error?: { code?: string; message?: string } | null;
  [extra: string]: unknown;
}

/** What `batches.run` and `batches.wait` report after each poll (and once when the batch is created). */
export interface BatchProgress {
  batch: Batch;
  status: BatchStatus;
  total: number;
  completed: number;
  failed: number;
  /** Milliseconds since the helper started. */
  elapsedMs: number;
}

/** Options of `batches.wait` (and `batches.run`): polling, progress and abort. */
export interface BatchWaitOptions extends RequestOptions {
  /** Called after every poll with the batch's counts. */
  onProgress?: (progress: BatchProgress) => void;
  /** First wait between polls in ms (default 2,000); it doubles after each poll up to `maxPollInterval`. */
  pollInterval?: number;
  /** Longest wait between polls in ms (default 60,000). */
  maxPollInterval?: number;
  /** When `signal` aborts, cancel the batch on DeepInfra too (default `true`); `false` leaves it running. */
  cancelOnAbort?: boolean;
}

/** The requests `batches.run` takes for each endpoint, and the answer each line gets. */
export interface BatchRunEndpoints {
  "/v1/chat/completions": { request: ChatCreateParams; response: ChatCompletion };
  "/v1/completions": { request: CompletionCreateParams; response: Completion };
  "/v1/embeddings": { request: EmbeddingCreateParams; response: CreateEmbeddingResponse };
}

/** Parameters of `batches.run`: the endpoint, and the requests as you would pass them to the real-time call. */
export interface BatchRunParams<E extends keyof BatchRunEndpoints = keyof BatchRunEndpoints> {
  endpoint: E;
  /** At most 50,000, all for the same model (DeepInfra's rules); aliases resolve as in real time. */
  requests: Array<BatchRunEndpoints[E]["request"]>;
  /** Stored with the batch (up to 16 string pairs). */
  metadata?: Record<string, string> | null;
  /** Only `24h` is offered (the default). */
  completion_window?: "24h" | (string & {});
}

/** One request's outcome, at the request's index in `results`. */
export type BatchRunItem<T> =
  | { ok: true; index: number; custom_id: string; status_code: number; response: T }
  | { ok: false; index: number; custom_id: string; error: BatchLineError };

/** What `batches.run` resolves to: every request's outcome in input order, never a shorter list. */
export interface BatchRunResult<T> {
  /** The batch as it ended (`completed` or `expired`). */
  batch: Batch;
  /** One entry per request, in the order of `requests`. */
  results: Array<BatchRunItem<T>>;
  succeeded: number;
  failed: number;
  /** Summed usage of the answered requests (`estimated_cost` when DeepInfra sent it). */
  usage: CompletionUsage;
}
