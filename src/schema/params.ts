import type { ChatCreateParams } from "../types/chat.js";
import { chatParams } from "./generated/validators.js";
import { findIssues, throwIfInvalid, withoutAbsent } from "./runtime.js";

/**
 * Checks chat parameters against DeepInfra's request model before anything is sent; a top-level `null` or
 * `undefined` means "the server's default". Rules: src/schema/rules/chat.ts (docs/validation.md).
 * @throws ValidationError naming each field path and rule, e.g. `temperature must be at most 2 (was 3)`.
 */
export function validateChatParams(params: ChatCreateParams, where = "chat.completions.create"): void {
  throwIfInvalid(where, findIssues(chatParams, withoutAbsent(params)));
}
