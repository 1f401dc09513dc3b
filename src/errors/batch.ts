import type { Batch } from "../types/batches.js";
import { DeepInfraError } from "./base.js";

/**
 * One request of a batch that got no answer: DeepInfra wrote an error line for it (`code` from the line,
 * or the HTTP status of its answer), or no line at all (`code: "missing_result"`). Returned in
 * `batches.run` results, not thrown, so one bad line never hides the others.
 */
export class BatchLineError extends DeepInfraError {
  override name = "BatchLineError";
  constructor(
    message: string,
    /** Position of the request in `requests`. */
    readonly index: number,
    readonly customId: string,
    /** DeepInfra's error code (e.g. `batch_expired`), `http_<status>` for an error answer, or `missing_result`. */
    readonly code: string,
    /** The HTTP status of the line's answer, when it had one. */
    readonly status?: number,
    /** The line's answer body (an error envelope), when it had one. */
    readonly body?: unknown,
  ) {
    super(message);
  }
}

/** A batch ended `failed` or `cancelled`: nothing, or not everything, was run. `batch.errors` says why. */
export class BatchFailedError extends DeepInfraError {
  override name = "BatchFailedError";
  constructor(readonly batch: Batch) {
    const reasons = (batch.errors?.data ?? []).slice(0, 5).map((e) => `${e.line != null ? `line ${e.line}: ` : ""}${(e.message ?? e.code ?? "error").replace(/\.$/, "")}`);
    super(`Batch ${batch.id} ended ${batch.status}${reasons.length ? `: ${reasons.join("; ")}` : ""}.`);
  }
}
