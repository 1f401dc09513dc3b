// Public exports of `deepinfra-edge`, by layer. Everything is tree-shakeable: importing one name pulls in only what it uses.

// The client and its options.
export { DeepInfra, DEFAULT_BASE_URL, type ClientOptions } from "./client.js";
export type { FallbackRequestOptions, FetchLike, RequestOptions, RetryDelayInfo, RetryInfo } from "./types/request.js";
export { EMBEDDING_ALIASES, MODEL_ALIASES, resolveModel, type EmbeddingAlias, type ModelAlias, type ModelName, type ResolvedModel } from "./models.js";
export { Budget, DEFAULT_RESERVE_TOKENS, DEFAULT_USD_PER_TOKEN, type BudgetOptions, type UsageEvent, type UsageRecord } from "./budget.js";
export type { ApiCall, CallCharge, CallContext, CallStep, EndpointKind } from "./call-context.js";
export { APIPromise } from "./api-promise.js";
export { CapabilityMemory, type ModelFeature } from "./capabilities.js";

// Errors: every class and the realm-safe guards.
export * from "./errors/index.js";

// Opt-in features of the full client: fallback chains, concurrency, tracing, the embeddings cache.
export type { FeatureOptions } from "./features/install.js";
export type { FallbackEvent } from "./features/fallback.js";
export { ConcurrencyLimiter, type ConcurrencyOptions } from "./features/concurrency.js";
export type { HistogramLike, MeterLike, SpanLike, TelemetryAttributes, TelemetryAttributeValue, TracerLike } from "./features/telemetry.js";
export { kvCache, memoryCache, workersCache, type CacheBytes, type CacheLike, type CacheStore, type KVNamespaceLike, type MemoryCache, type MemoryCacheOptions, type WorkersCacheOptions } from "./features/cache-store.js";

// Streams.
export { ChatStream } from "./streaming/chat-stream.js";
export { toUIMessageStream, toUIMessageStreamResponse, type UIFinishReason, type UIMessageChunk, type UIMessageStreamMetadata, type UIMessageStreamOptions } from "./streaming/ui-message-stream.js";
export { fromUIMessages, toolApprovals, type FromUIMessagesOptions, type UIMessageLike, type UIMessagePartLike } from "./compat/ui-messages.js";
export { ToolCallAssembler } from "./streaming/tool-calls.js";
export { splitThink, thinkSplitter } from "./streaming/think-split.js";
export { CompletionStream } from "./streaming/completion-stream.js";
export type { StreamFromResponseOptions } from "./streaming/from-response.js";
export { createSSEParser, DEFAULT_MAX_EVENT_BYTES, type SSEEvent, type SSEParser, type SSEParserOptions } from "./streaming/sse.js";

// Resources (as types: the client builds them) and their helpers.
export type { Chat, ChatCompletions, ChatCompletionsCore } from "./resources/chat.js";
export { parseChatCompletion, type ChatParseParams, type ParsedChatCompletion } from "./resources/chat-parse.js";
// The request checks the resources run, for a proxy that must refuse before it reserves money or sends.
export { validateChatParams } from "./schema/params.js";
export { validateEmbeddingParams } from "./schema/embeddings.js";
export { defineTool, runTools, type ReasoningPolicy, type RunnableTool, type RunToolsEvent, type RunToolsParams, type RunToolsResult, type ToolApprovals, type ToolRunContext } from "./resources/run-tools.js";
export type { ToolRunner } from "./resources/tool-runner.js";
export type { Completions } from "./resources/completions.js";
export type { Embeddings } from "./resources/embeddings.js";
export type { Inference } from "./resources/inference.js";
export type { Images } from "./resources/images.js";
export type { Audio, Speech, Transcriptions } from "./resources/audio.js";
export type { Models } from "./resources/model-list.js";
export type { Tokenizer } from "./resources/tokenize.js";
export type { Rerank } from "./resources/rerank.js";
export type { Files } from "./resources/files.js";
export type { Batches } from "./resources/batches.js";
export type { ListPage, PageList } from "./resources/page-list.js";
export { decodeFloat32 } from "./binary.js";
export { toJSONSchema, type JSONSchemaObject } from "./schema/standard.js";

// Wire types.
export type * from "./types/chat.js";
export type { ChatSettings, CreateChatCompletion } from "./types/chat-create.js";
export type * from "./types/completions.js";
export type * from "./types/embeddings.js";
export type * from "./types/images.js";
export type * from "./types/audio.js";
export type * from "./types/inference.js";
export type * from "./types/model-list.js";
export type * from "./types/tokenize.js";
export type * from "./types/rerank.js";
export type * from "./types/files.js";
export type * from "./types/batches.js";
