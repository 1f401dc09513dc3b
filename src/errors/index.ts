// The public error classes and guards (internal helpers such as createAPIError stay in their modules).
export { DeepInfraError, isDeepInfraError } from "./base.js";
export {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  UnsupportedFeatureError,
  type ErrorHeaders,
} from "./api-error.js";
export { APIConnectionError, APITimeoutError, APIUserAbortError } from "./connection.js";
export { EventTooLargeError, IncompleteStreamError, KeyInStreamError, MalformedEventError } from "./stream.js";
export { ValidationError } from "./validation.js";
export { BudgetExceededError } from "./budget.js";
export { StructuredOutputError } from "./structured-output.js";
export { ToolRoundsExceededError } from "./tool-rounds.js";
export { ToolCallTruncatedError } from "./tool-call-truncated.js";
export { AllModelsFailedError, type FallbackAttempt } from "./fallback.js";
export { EmbeddingDimensionError } from "./embedding-dimension.js";
export { QueueFullError } from "./queue-full.js";
export { QueueTimeoutError } from "./queue-timeout.js";
export { RedirectError } from "./redirect.js";
export { ResponseLostError } from "./response-lost.js";
export { BatchFailedError, BatchLineError } from "./batch.js";
export { isAPIError, isAbortError, isAllModelsFailedError, isConnectionError, isQueueFullError, isRateLimitError, isTimeoutError, isValidationError } from "./guards.js";
