import type { ModelName } from "../models.js";

/** A part of a multimodal user message (OpenAI shape; `image_url` for vision models). */
export type ChatContentPart =
  | { type: "text"; text: string }
  | { type: "image_url"; image_url: { url: string; detail?: "auto" | "low" | "high" } };

/** A function tool call made by the assistant. `arguments` is a JSON string. */
export interface ChatToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

export interface ChatSystemMessage {
  role: "system";
  content: string | ChatContentPart[];
  name?: string;
}
export interface ChatUserMessage {
  role: "user";
  content: string | ChatContentPart[];
  name?: string;
}
export interface ChatAssistantMessage {
  role: "assistant";
  content?: string | ChatContentPart[] | null;
  name?: string;
  tool_calls?: ChatToolCall[];
  /** Chain-of-thought of a reasoning model, when it returns one separately. */
  reasoning_content?: string | null;
}
export interface ChatToolMessage {
  role: "tool";
  content: string | ChatContentPart[];
  /** The `id` of the assistant's tool call this message answers. */
  tool_call_id: string;
  name?: string;
}
/** One message of the conversation; roles `system`, `user`, `assistant`, `tool`. */
export type ChatMessage = ChatSystemMessage | ChatUserMessage | ChatAssistantMessage | ChatToolMessage;

/** A function the model may call; `parameters` is a JSON Schema object. */
export interface ChatTool {
  type: "function";
  function: { name: string; description?: string; parameters?: Record<string, unknown>; strict?: boolean };
}

/** `auto` (model decides), `none`, `required`, or one named function. */
export type ChatToolChoice = "auto" | "none" | "required" | { type: "function"; function: { name: string } };

/** `{ type: "json_object" }` is DeepInfra's JSON mode. */
export type ChatResponseFormat =
  | { type: "text" }
  | { type: "json_object" }
  | { type: "json_schema"; json_schema: { name: string; schema: Record<string, unknown>; strict?: boolean; description?: string } };

/** Parameters of `chat.completions.create`. Unknown extra fields are sent untouched. */
export interface ChatCreateParams {
  /** A model id such as `meta-llama/Meta-Llama-3.1-8B-Instruct`, or an alias: `default`, `large`, `small`, `agent`. */
  model: ModelName;
  /** The conversation; at least one message. */
  messages: ChatMessage[];
  /** Stream partial deltas as server-sent events, ended by `data: [DONE]`. */
  stream?: boolean | null;
  /** Sampling temperature, 0…2 (default 1). Change this or `top_p`, not both. */
  temperature?: number | null;
  /** Nucleus sampling, 0…1 (default 1). */
  top_p?: number | null;
  /** Sample only among the k most likely tokens; 0 disables (DeepInfra extension). */
  top_k?: number | null;
  /** Drop tokens less likely than `min_p` × the top token's probability, 0…1 (DeepInfra extension). */
  min_p?: number | null;
  /** Largest number of tokens to generate; a positive integer. */
  max_tokens?: number | null;
  /** Up to 4 sequences where generation stops. */
  stop?: string | string[] | null;
  /** How many choices to generate (≥ 1). Cost grows with every choice. */
  n?: number | null;
  /** −2…2: positive values discourage tokens already present. */
  presence_penalty?: number | null;
  /** −2…2: positive values discourage tokens in proportion to their frequency. */
  frequency_penalty?: number | null;
  /** > 0; 1 means none (DeepInfra extension). */
  repetition_penalty?: number | null;
  /** `{ type: "json_object" }` enables JSON mode. */
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
  stream_options?: { include_usage?: boolean; continuous_usage_stats?: boolean } | null;
  /** Reasoning models: `none` disables reasoning. */
  reasoning_effort?: "none" | "low" | "medium" | "high" | null;
  /** Listed by the provider spec; chat models ignore it (use `completions` for echo). */
  echo?: boolean | null;
  /** Any parameter DeepInfra adds later. */
  [extra: string]: unknown;
}

/** Token counts and DeepInfra's cost estimate in USD. */
export interface CompletionUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  /** Estimated cost of the request in USD (DeepInfra extension). */
  estimated_cost?: number;
  [extra: string]: unknown;
}

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
  [extra: string]: unknown;
}

/** A fragment of a tool call inside a stream; merge fragments by `index`. */
export interface ChatToolCallDelta {
  index: number;
  id?: string;
  type?: "function";
  function?: { name?: string; arguments?: string };
}

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
  [extra: string]: unknown;
}
