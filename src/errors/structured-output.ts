import type { StandardSchemaV1 } from "@standard-schema/spec";
import { DeepInfraError } from "./base.js";

/**
 * The request succeeded, but the model's reply could not be used: it was not JSON, or your schema
 * rejected it. Unlike ky's `SchemaValidationError` it sits under `DeepInfraError`, so one
 * `isDeepInfraError(e)` catches everything the SDK throws; the transport never retries it.
 * Carries the raw text and the schema's issues; never the request.
 */
export class StructuredOutputError extends DeepInfraError {
  override name = "StructuredOutputError";
  constructor(
    message: string,
    /** `json`: the reply was not JSON; `schema`: it was, but failed the schema. */
    readonly reason: "json" | "schema",
    /** The reply's text as the model wrote it. */
    readonly text: string,
    /** The schema's issues (for `json`, one issue describing the parse failure). */
    readonly issues: ReadonlyArray<StandardSchemaV1.Issue>,
    /** The completion whose reply failed, for its usage and id. */
    readonly completion?: unknown,
  ) {
    super(message);
  }
}
