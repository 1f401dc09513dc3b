import type { ModelName } from "../models.js";
import type { CompletionUsage } from "./chat.js";

/** Parameters of `completions.create` (legacy text completions). Unknown extra fields are sent untouched. */
export interface CompletionCreateParams {
  /** A model id such as `meta-llama/Meta-Llama-3.1-8B-Instruct`, or a chat alias: `default`, `large`, `small`, `agent`. */
  model: ModelName;
  /** The text to continue; DeepInfra accepts a single string only. */
  prompt: string;
  /** Return the prompt in front of the generated text. */
  echo?: boolean | null;
  /** Largest number of tokens to generate; a positive integer. */
  max_tokens?: number | null;
  /** Up to 4 sequences where generation stops. */
  stop?: string | string[] | null;
  /** Stream the text as server-sent events, ended by `data: [DONE]`. */
  stream?: boolean | null;
  /** Return log-probabilities of this many most likely tokens per position (an integer ≥ 0). */
  logprobs?: number | null;
  /** Sampling temperature, 0…2 (default 1). */
  temperature?: number | null;
  /** Nucleus sampling, 0…1 (default 1). */
  top_p?: number | null;
  /** Sample only among the k most likely tokens; 0 disables (DeepInfra extension). */
  top_k?: number | null;
  /** Drop tokens less likely than `min_p` × the top token's probability, 0…1 (DeepInfra extension). */
  min_p?: number | null;
  /** How many choices to generate (≥ 1). */
  n?: number | null;
  /** −2…2: positive values discourage tokens already present. */
  presence_penalty?: number | null;
  /** −2…2: positive values discourage tokens in proportion to their frequency. */
  frequency_penalty?: number | null;
  /** > 0; 1 means none (DeepInfra extension). */
  repetition_penalty?: number | null;
  /** `{ type: "json_object" }` enables JSON mode. */
  response_format?: { type: "text" } | { type: "json_object" } | null;
  /** Integer seed for reproducible sampling. */
  seed?: number | null;
  /** Token ids that stop generation (DeepInfra extension). */
  stop_token_ids?: number[] | null;
  /** End-user id for abuse monitoring. */
  user?: string | null;
  /** Streaming usage options; DeepInfra sends usage on the finishing chunk by default. */
  stream_options?: { include_usage?: boolean; continuous_usage_stats?: boolean } | null;
  /** Any parameter DeepInfra adds later. */
  [extra: string]: unknown;
}

/** Log-probabilities in the legacy completions shape (arrays aligned by token position). */
export interface CompletionLogprobs {
  tokens?: string[];
  token_logprobs?: Array<number | null>;
  top_logprobs?: Array<Record<string, number> | null>;
  text_offset?: number[];
  [extra: string]: unknown;
}

export type CompletionFinishReason = "stop" | "length" | (string & {});

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
