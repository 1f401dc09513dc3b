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
export { ChatStream } from "./streaming/chat-stream.js";
export type { StreamFromResponseOptions } from "./streaming/event-stream.js";
export { createSSEParser, type SSEEvent, type SSEParser } from "./streaming/sse.js";
export type * from "./types/chat.js";
export { CapabilityMemory, type ModelFeature } from "./capabilities.js";
export { CompletionStream } from "./streaming/completion-stream.js";
export type { Audio, Speech, Transcriptions } from "./resources/audio.js";
export type { Completions } from "./resources/completions.js";
export type { Images } from "./resources/images.js";
export type { Inference } from "./resources/inference.js";
export type { Models } from "./resources/model-list.js";
export type * from "./types/audio.js";
export type * from "./types/completions.js";
export type * from "./types/images.js";
export type * from "./types/inference.js";
export type * from "./types/model-list.js";
export { Budget, BudgetExceededError, type BudgetOptions, type UsageEvent, type UsageRecord } from "./budget.js";
export { decodeFloat32, type Embeddings } from "./resources/embeddings.js";
export type * from "./types/embeddings.js";
export { StructuredOutputError, toJSONSchema, type JSONSchemaObject } from "./schema/standard.js";
export type { ChatParseParams, ParsedChatCompletion } from "./resources/chat-parse.js";
export { defineTool, ToolRoundsExceededError, type RunnableTool, type RunToolsEvent, type RunToolsParams, type RunToolsResult, type ToolRunContext } from "./resources/run-tools.js";
export type { ToolRunner } from "./resources/tool-runner.js";
