import type { APIError, RateLimitError } from "./api-error.js";
import { isDeepInfraError, type DeepInfraError } from "./base.js";
import type { APIConnectionError, APITimeoutError, APIUserAbortError } from "./connection.js";
import type { AllModelsFailedError } from "./fallback.js";
import type { QueueFullError } from "./queue-full.js";
import type { ValidationError } from "./validation.js";

// Realm-safe guards: they match on `name` behind the brand, so an error from another copy of the SDK
// (two bundles, an iframe, a Worker's service binding) is recognised where `instanceof` is not.
const API_ERRORS = /* @__PURE__ */ new Set([
  "APIError",
  "BadRequestError",
  "AuthenticationError",
  "PaymentRequiredError",
  "PermissionDeniedError",
  "NotFoundError",
  "UnsupportedFeatureError",
  "ConflictError",
  "UnprocessableEntityError",
  "RateLimitError",
  "InternalServerError",
]);

const named = (value: unknown, ...names: string[]): boolean => isDeepInfraError(value) && names.includes((value as DeepInfraError).name);

/** True for an `APIError` or any of its status subclasses. */
export function isAPIError(value: unknown): value is APIError {
  return isDeepInfraError(value) && API_ERRORS.has(value.name);
}
/** True for a 429 `RateLimitError`. */
export function isRateLimitError(value: unknown): value is RateLimitError {
  return named(value, "RateLimitError");
}
/** True for a connection failure, timeouts included. */
export function isConnectionError(value: unknown): value is APIConnectionError {
  return named(value, "APIConnectionError", "APITimeoutError");
}
/** True for a header or idle timeout. */
export function isTimeoutError(value: unknown): value is APITimeoutError {
  return named(value, "APITimeoutError");
}
/** True when the caller aborted. */
export function isAbortError(value: unknown): value is APIUserAbortError {
  return named(value, "APIUserAbortError");
}
/** True when every model of a fallback chain failed (`attempts` holds each error). */
export function isAllModelsFailedError(value: unknown): value is AllModelsFailedError {
  return named(value, "AllModelsFailedError");
}
/** True when the concurrency queue was full and the request was refused unsent. */
export function isQueueFullError(value: unknown): value is QueueFullError {
  return named(value, "QueueFullError");
}
/** True for a request refused before sending because a parameter broke a rule. */
export function isValidationError(value: unknown): value is ValidationError {
  return named(value, "ValidationError");
}
