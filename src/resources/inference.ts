import { inferenceRunParams } from "../schema/generated/validators.js";
import { check } from "../schema/runtime.js";
import { apiErrorFor, readErrorMessage, readJSON } from "../response.js";
import type { InferenceBody, InferenceResponse } from "../types/inference.js";
import type { OpenResponse, RequestOptions } from "../types/request.js";
import type { ResourceContext } from "./context.js";

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
  // Native streaming is a different event format; chat.completions / completions stream instead (the rule says so).
  check("inference.run", inferenceRunParams, { model, body });
}
