import type { StandardSchemaV1 } from "@standard-schema/spec";
import { DeepInfraError } from "./base.js";

/** A request parameter broke a rule; thrown before anything is sent. `issues` are Standard Schema issues. */
export class ValidationError extends DeepInfraError {
  override name = "ValidationError";
  constructor(
    message: string,
    readonly issues: ReadonlyArray<StandardSchemaV1.Issue>,
  ) {
    super(message);
  }
}
