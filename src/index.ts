export { DeepInfra, DEFAULT_BASE_URL, type ClientOptions } from "./client.js";
export {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  DeepInfraError,
  IncompleteStreamError,
  InternalServerError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  UnsupportedFeatureError,
  ValidationError,
  isDeepInfraError,
} from "./errors.js";
export type { FetchLike, RequestOptions, RetryInfo } from "./http.js";
export { EMBEDDING_ALIASES, MODEL_ALIASES, resolveModel, type EmbeddingAlias, type ModelAlias, type ModelName, type ResolvedModel } from "./models.js";
export { ChatStream, type StreamFromResponseOptions } from "./streaming/chat-stream.js";
export { createSSEParser, type SSEEvent, type SSEParser } from "./streaming/sse.js";
export type * from "./types/chat.js";
