import type { ModelName } from "../models.js";
import type { ChatResponseFormat, CompletionUsage, ServiceTier, StreamOptions } from "./chat.js";

/**
 * Parameters of `completions.create` (legacy text completions), as DeepInfra's model OpenAICompletionsIn states
 * them. A `null` or `undefined` field means DeepInfra's default; fields this SDK does not know go in `extra_body`.
 */
export interface CompletionCreateParams {
  /** A model id such as `meta-llama/Meta-Llama-3.1-8B-Instruct`, or a chat alias: `default`, `large`, `small`, `agent`. */
  model: ModelName;
  /** The text to continue, or its token ids. */
  prompt: string | number[];
  /** Return the prompt in front of the generated text. */
  echo?: boolean | null;
  /** Largest number of tokens to generate, an integer 1…1,000,000. */
  max_tokens?: number | null;
  /** Sequences where generation stops (DeepInfra documents up to 16). */
  stop?: string | string[] | null;
  /** Token ids where generation stops, besides the model's own (DeepInfra extension). */
  stop_token_ids?: number[] | null;
  /** Stream the text as server-sent events, ended by `data: [DONE]`. */
  stream?: boolean | null;
  /** Return log-probabilities of this many most likely tokens per position (an integer). */
  logprobs?: number | null;
  /** Return tokens as `token_id:<id>` strings in `logprobs`. */
  return_tokens_as_token_ids?: boolean | null;
  /** Sampling temperature, 0…2 (default 1). */
  temperature?: number | null;
  /** Nucleus sampling, 0 < x ≤ 1 (default 1). */
  top_p?: number | null;
  /** Sample only among the k most likely tokens, an integer 0…999; 0 disables (DeepInfra extension). */
  top_k?: number | null;
  /** Drop tokens less likely than `min_p` × the top token's probability, 0…1 (DeepInfra extension). */
  min_p?: number | null;
  /** How many choices to generate, 1…4. */
  n?: number | null;
  /** −2…2: positive values discourage tokens already present. */
  presence_penalty?: number | null;
  /** −2…2: positive values discourage tokens in proportion to their frequency. */
  frequency_penalty?: number | null;
  /** 0.01…5; 1 means none, above 1 penalises repeats (DeepInfra extension). */
  repetition_penalty?: number | null;
  /** JSON mode, a JSON Schema, or a regular expression the text must follow. */
  response_format?: ChatResponseFormat | null;
  /** Integer seed for reproducible sampling. */
  seed?: number | null;
  /** End-user id for abuse monitoring. */
  user?: string | null;
  /** Streaming usage options; DeepInfra sends usage on the finishing chunk by default. */
  stream_options?: StreamOptions | null;
  /** Requests with the same key share a prompt cache. */
  prompt_cache_key?: string | null;
  /** Images or videos as base64 `data:` URIs, one per placeholder token in the prompt (a few non-chat vision models). */
  data?: { image?: string[]; video?: string[] } | null;
  /** Processing tier (`default`, `priority`, `flex`…); the answer echoes the tier used. */
  service_tier?: ServiceTier | null;
  /** Refuse at once with 429 instead of queueing when the model has no spare capacity. */
  fail_fast?: boolean | null;
  /** Fields this SDK does not know yet, merged into the request body as given (they win over typed fields). */
  extra_body?: Record<string, unknown> | null;
}

/** Log-probabilities in the legacy completions shape (arrays aligned by token position). */
export interface CompletionLogprobs {
  tokens?: string[];
  token_logprobs?: Array<number | null>;
  top_logprobs?: Array<Record<string, number> | null>;
  text_offset?: number[];
  [extra: string]: unknown;
}

/** Why a completion choice ended; any string is possible. */
export type CompletionFinishReason = "stop" | "length" | (string & {});

/** One choice of a legacy completion (or of a streamed chunk of one). */
export interface CompletionChoice {
  index: number;
  /** The generated text; with `echo: true` it starts with the prompt. */
  text: string;
  logprobs: CompletionLogprobs | null;
  finish_reason: CompletionFinishReason | null;
  [extra: string]: unknown;
}

/** The response of a non-streaming completion (`object: "text_completion"`). */
export interface Completion {
  id: string;
  object: "text_completion";
  created: number;
  model: string;
  choices: CompletionChoice[];
  /** Token counts and `estimated_cost` in USD. */
  usage?: CompletionUsage;
  [extra: string]: unknown;
}

/** One streamed event: `choices[].text` holds the new text; `usage` rides on the finishing chunk. */
export interface CompletionChunk {
  id: string;
  object: "text_completion";
  created: number;
  model: string;
  choices: CompletionChoice[];
  usage?: CompletionUsage | null;
  [extra: string]: unknown;
}
