import type { CompletionCreateParams } from "../types/completions.js";
import { completionParams } from "./generated/validators.js";
import { findIssues, throwIfInvalid, withoutAbsent } from "./runtime.js";

/**
 * Checks legacy completion parameters against DeepInfra's request model before anything is sent.
 * Rules: src/schema/rules/completions.ts (docs/validation.md).
 * @throws ValidationError naming each field path and rule.
 */
export function validateCompletionParams(params: CompletionCreateParams): void {
  throwIfInvalid("completions.create", findIssues(completionParams, withoutAbsent(params)));
}
