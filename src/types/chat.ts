import type { ModelName } from "../models.js";

// Request types follow DeepInfra's request model (OpenAIChatCompletionsIn); src/schema/rules/chat.ts holds the
// same rules for run time, and test/types.test.ts pins the two together. No index signatures: a misspelled
// field fails `tsc`; a field this SDK does not know yet goes in `extra_body`.

/** A text part: the only kind of part system, assistant and tool messages take. */
export interface ChatTextPart {
  type: "text";
  text: string;
}

/** An image for vision models: an `https:` URL or a `data:` URI. */
export interface ChatImagePart {
  type: "image_url";
  image_url: { url: string; detail?: "auto" | "low" | "high" };
}

/** Audio for audio-input models: base64 bytes, `wav` (the default) or `mp3`. */
export interface ChatAudioPart {
  type: "input_audio";
  input_audio: { data: string; format?: "wav" | "mp3" };
}

/** A video for video-input models. */
export interface ChatVideoPart {
  type: "video_url";
  video_url: { url: string };
}

/** A part of a user message: text, image, audio or video. */
export type ChatContentPart = ChatTextPart | ChatImagePart | ChatAudioPart | ChatVideoPart;

/** Prompt-caching hint on a message or a tool (e.g. `{ type: "ephemeral" }`), sent as given. */
export type ChatCacheControl = Record<string, unknown>;

/** A function tool call made by the assistant. `arguments` is a JSON string. */
export interface ChatToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

/** Instructions for the model (`role: "system"`). */
export interface ChatSystemMessage {
  role: "system";
  content: string | ChatTextPart[];
  name?: string | null;
  cache_control?: ChatCacheControl | null;
}
/** What the user said: text, or parts (text, images, audio, video). */
export interface ChatUserMessage {
  role: "user";
  content: string | ChatContentPart[];
  name?: string | null;
  cache_control?: ChatCacheControl | null;
}
/** An earlier answer of the model, tool calls included, sent back as context. */
export interface ChatAssistantMessage {
  role: "assistant";
  content?: string | ChatTextPart[] | null;
  name?: string | null;
  tool_calls?: ChatToolCall[] | null;
  /** Chain-of-thought of a reasoning model, when it returns one separately. */
  reasoning_content?: string | null;
  cache_control?: ChatCacheControl | null;
}
/** A tool's result, answering the assistant's call `tool_call_id`. */
export interface ChatToolMessage {
  role: "tool";
  content: string | ChatTextPart[];
  /** The `id` of the assistant's tool call this message answers. */
  tool_call_id: string;
  cache_control?: ChatCacheControl | null;
}
/** One message of the conversation; roles `system`, `user`, `assistant`, `tool` (DeepInfra refuses `developer`). */
export type ChatMessage = ChatSystemMessage | ChatUserMessage | ChatAssistantMessage | ChatToolMessage;

/** A function the model may call; `parameters` is a JSON Schema object. */
export interface ChatFunctionDefinition {
  name: string;
  description?: string | null;
  parameters?: Record<string, unknown> | null;
  /** OpenAI's strict-schema flag; DeepInfra's model does not list it (sent as given). */
  strict?: boolean;
}

/** A tool the model may call (`type` defaults to `function`). */
export interface ChatTool {
  type?: "function";
  function: ChatFunctionDefinition;
  cache_control?: ChatCacheControl | null;
}

/** `auto` (the model decides), `none`, `required`, another string DeepInfra accepts, or one declared function by name. */
export type ChatToolChoice = "auto" | "none" | "required" | (string & {}) | { type?: "function"; function: { name: string } };

/**
 * `{ type: "json_object" }` is JSON mode; `json_schema` constrains the reply to a JSON Schema; `regex` (DeepInfra
 * only) to a regular expression.
 */
export type ChatResponseFormat =
  | { type: "text" }
  | { type: "json_object" }
  | { type: "json_schema"; json_schema: { name: string; schema: Record<string, unknown>; strict?: boolean; description?: string } }
  | { type: "regex"; regex: string };

/** How hard a reasoning model thinks; `none` turns reasoning off. DeepInfra keeps adding values: any string is sent. */
export type ChatReasoningEffort = "none" | "minimal" | "low" | "medium" | "high" | "xhigh" | "max" | (string & {});

/** `priority` runs ahead of the queue, `flex` costs less and may wait; an unsupported tier runs as `default`. */
export type ServiceTier = "default" | "priority" | "flex" | (string & {});

/** Streaming usage options; DeepInfra sends usage on the finishing chunk by default. */
export interface StreamOptions {
  include_usage?: boolean;
  continuous_usage_stats?: boolean;
}

/** Parameters of `chat.completions.create`. A `null` or `undefined` field means DeepInfra's default. */
export interface ChatCreateParams {
  /** A model id such as `meta-llama/Meta-Llama-3.1-8B-Instruct`, or an alias: `default`, `large`, `small`, `agent`. */
  model: ModelName;
  /** The conversation. */
  messages: ChatMessage[];
  /** Stream partial deltas as server-sent events, ended by `data: [DONE]`. */
  stream?: boolean | null;
  /** Sampling temperature, 0…2 (default 1). Change this or `top_p`, not both. */
  temperature?: number | null;
  /** Nucleus sampling, 0 < x ≤ 1 (default 1). */
  top_p?: number | null;
  /** Sample only among the k most likely tokens, an integer 0…999; 0 disables (DeepInfra extension). */
  top_k?: number | null;
  /** Drop tokens less likely than `min_p` × the top token's probability, 0…1 (DeepInfra extension). */
  min_p?: number | null;
  /** Largest number of tokens to generate, an integer 0…1,000,000 (default: what the context leaves, at most 16,384). */
  max_tokens?: number | null;
  /** Sequences where generation stops (DeepInfra documents up to 16). */
  stop?: string | string[] | null;
  /** Token ids where generation stops, besides the model's own (DeepInfra extension). */
  stop_token_ids?: number[] | null;
  /** How many choices to generate, 1…4. Cost grows with every choice. */
  n?: number | null;
  /** −2…2: positive values discourage tokens already present. */
  presence_penalty?: number | null;
  /** −2…2: positive values discourage tokens in proportion to their frequency. */
  frequency_penalty?: number | null;
  /** 0.01…5; 1 means none, above 1 penalises repeats (DeepInfra extension). */
  repetition_penalty?: number | null;
  /** JSON mode, a JSON Schema, or a regular expression the reply must follow. */
  response_format?: ChatResponseFormat | null;
  /** Functions the model may call. */
  tools?: ChatTool[] | null;
  /** Which tool the model must or may call. */
  tool_choice?: ChatToolChoice | null;
  /** Integer seed for reproducible sampling. */
  seed?: number | null;
  /** Return log-probabilities of the output tokens. */
  logprobs?: boolean | null;
  /** End-user id for abuse monitoring. */
  user?: string | null;
  /** Streaming usage options; DeepInfra sends usage on the finishing chunk by default. */
  stream_options?: StreamOptions | null;
  /** Reasoning models: how hard to think; `none` disables reasoning. */
  reasoning_effort?: ChatReasoningEffort | null;
  /** Reasoning models: `{ enabled: false }` is `reasoning_effort: "none"`. */
  reasoning?: { effort?: ChatReasoningEffort | null; enabled?: boolean | null } | null;
  /** Processing tier; the answer echoes the tier used. */
  service_tier?: ServiceTier | null;
  /** Answer 429 at once instead of queueing when the model has no spare capacity. */
  fail_fast?: boolean | null;
  /** Up to 4 model ids DeepInfra falls back to, in order, when the first is busy. */
  models?: string[] | null;
  /** Requests with the same key share a prompt cache. */
  prompt_cache_key?: string | null;
  /** Extra variables for the model's chat template, e.g. `{ enable_thinking: false }`. */
  chat_template_kwargs?: Record<string, unknown> | null;
  /** Continue the final assistant message instead of starting a new turn. */
  continue_final_message?: boolean | null;
  /** Fields this SDK does not know yet, merged into the request body as given (they win over typed fields). */
  extra_body?: Record<string, unknown> | null;
}

/** Cached prompt tokens (prompt caching); where DeepInfra puts them is unconfirmed, so both places are typed. */
export interface PromptTokensDetails {
  cached_tokens?: number;
  cache_write_tokens?: number;
  [extra: string]: unknown;
}

/** Token counts and DeepInfra's cost estimate in USD. */
export interface CompletionUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  /** Estimated cost of the request in USD (DeepInfra extension). */
  estimated_cost?: number;
  /** Prompt tokens served from the prompt cache (OpenAI's nesting). */
  prompt_tokens_details?: PromptTokensDetails | null;
  /** Prompt tokens served from the prompt cache (flat, as some DeepInfra models report it). */
  cached_tokens?: number;
  /** Prompt tokens written to the prompt cache, on models that report it. */
  cache_write_tokens?: number;
  [extra: string]: unknown;
}

/** Why a choice ended; DeepInfra may add values, so any string is possible. */
export type ChatFinishReason = "stop" | "length" | "tool_calls" | "content_filter" | (string & {});

/** The assistant's reply in a non-streaming completion. */
export interface ChatCompletionMessage {
  role: "assistant";
  content: string | null;
  tool_calls?: ChatToolCall[];
  /** Chain-of-thought of a reasoning model, separate from `content`. */
  reasoning_content?: string | null;
  [extra: string]: unknown;
}

/** One choice of a non-streaming chat completion. */
export interface ChatCompletionChoice {
  index: number;
  message: ChatCompletionMessage;
  finish_reason: ChatFinishReason | null;
  logprobs?: unknown;
}

/** The response of a non-streaming chat completion. */
export interface ChatCompletion {
  id: string;
  object: "chat.completion";
  created: number;
  model: string;
  choices: ChatCompletionChoice[];
  usage?: CompletionUsage;
  /** The tier that served the request (echo of `service_tier`). */
  service_tier?: string;
  [extra: string]: unknown;
}

/** A fragment of a tool call inside a stream; merge fragments by `index`. */
export interface ChatToolCallDelta {
  index: number;
  id?: string;
  type?: "function";
  function?: { name?: string; arguments?: string };
}

/** One choice of a streamed chunk: its `delta` holds what is new. */
export interface ChatCompletionChunkChoice {
  index: number;
  delta: {
    role?: "assistant";
    content?: string | null;
    reasoning_content?: string | null;
    tool_calls?: ChatToolCallDelta[];
    [extra: string]: unknown;
  };
  finish_reason: ChatFinishReason | null;
  logprobs?: unknown;
}

/** One streamed event. DeepInfra puts `usage` on the chunk that carries `finish_reason`. */
export interface ChatCompletionChunk {
  id: string;
  object: "chat.completion.chunk";
  created: number;
  model: string;
  choices: ChatCompletionChunkChoice[];
  usage?: CompletionUsage | null;
  /** The tier that served the request (echo of `service_tier`). */
  service_tier?: string;
  [extra: string]: unknown;
}
