import { ValidationError } from "../errors/validation.js";
import { apiErrorFor, readErrorMessage, readJSON } from "../response.js";
import type { InferenceBody, InferenceResponse } from "../types/inference.js";
import type { OpenResponse, RequestOptions } from "../types/request.js";
import type { ResourceContext } from "./context.js";

// Model ids are `owner/name`, `owner/name:version` or `deploy_id:ID`; the slash stays a path separator.
const MODEL_PATH_RE = /^[A-Za-z0-9._:@+-]+(\/[A-Za-z0-9._:@+-]+)*$/;

/** `client.inference`: DeepInfra's native per-model endpoint `POST /v1/inference/{model}`. */
export class Inference {
  constructor(protected readonly context: ResourceContext) {}

  /**
   * Runs a model with its native input fields (JSON, or `FormData` for file inputs). The model id is
   * used as given (no aliases): the native endpoint serves every kind of model.
   * @throws ValidationError for a malformed model id or body; APIError subclasses for refusals
   * (FastAPI `detail` bodies included), and an `APIError` when `inference_status.status` is `failed`.
   * @example
   * const out = await client.inference.run<{ embeddings: number[][] }>("BAAI/bge-base-en-v1.5", { inputs: ["hello"] });
   * console.log(out.embeddings[0], out.inference_status?.cost);
   */
  async run<T extends object = Record<string, unknown>>(model: string, body: InferenceBody, options?: RequestOptions): Promise<InferenceResponse<T>> {
    if (options?.validate ?? this.context.validate) checkRun(model, body);
    const result = await this.context.transport({ method: "POST", path: `/v1/inference/${model}`, body }, options, (open: OpenResponse) =>
      readNativeAnswer<InferenceResponse<T>>(open, model, "Inference failed"),
    );
    // The native endpoint reports its cost in inference_status, not in a usage object. Counted outside the
    // transport's read: a throwing onUsage must not look like a lost body (and be sent, and paid, again).
    const cost = result?.inference_status?.cost;
    if (typeof cost === "number") this.context.budget?.record("inference", model, { estimated_cost: cost });
    return result;
  }
}

/**
 * Reads an answer of the native `/v1/inference/{model}` endpoint, whose 200 can still say `inference_status.status:
 * "failed"`: that is thrown as an `APIError` starting with `failure` (the server's message, when it gave one).
 */
export async function readNativeAnswer<T extends { inference_status?: { status?: string } | undefined }>(open: OpenResponse, model: string, failure: string): Promise<T> {
  const answer = await readJSON<T>(open);
  if (answer?.inference_status?.status === "failed") {
    const detail = readErrorMessage(open.body.redact(answer));
    throw apiErrorFor(open, answer, `${failure}: ${detail ?? `inference_status.status is "failed" for ${model}`}`, open.response.status, detail);
  }
  return answer;
}

function checkRun(model: string, body: InferenceBody): void {
  const fail = (path: string, message: string) => {
    throw new ValidationError(`Invalid inference.run params: ${path} ${message}`, [{ message: `${path} ${message}`, path: [path] }]);
  };
  if (typeof model !== "string" || !MODEL_PATH_RE.test(model) || model.split("/").some((part) => part === "." || part === ".."))
    fail("model", `must be a model id such as "owner/name" or "owner/name:version" (was ${JSON.stringify(model)})`);
  const isForm = typeof FormData !== "undefined" && body instanceof FormData;
  if (!isForm && (typeof body !== "object" || body === null || Array.isArray(body)))
    fail("body", `must be an object of the model's input fields or a FormData (was ${Array.isArray(body) ? "an array" : JSON.stringify(body)})`);
  // Native streaming is a different event format; chat.completions / completions stream instead.
  if (!isForm && (body as Record<string, unknown>).stream === true) fail("body.stream", "must not be true: stream with chat.completions.create or completions.create");
}
