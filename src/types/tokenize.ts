import type { ModelName } from "../models.js";
import type { ChatMessage } from "./chat.js";

/**
 * Parameters of `client.tokenize` (`POST /v1/tokenize`): the text as a completion prompt, or a conversation
 * rendered with the model's chat template. A `null` or `undefined` field means DeepInfra's default.
 */
export interface TokenizeParams {
  /** A model id such as `meta-llama/Meta-Llama-3.1-8B-Instruct`, or a chat alias: `default`, `large`, `small`, `agent`. */
  model: ModelName;
  /** Text to tokenize (completion form). Give this or `messages`. */
  prompt?: string | null;
  /** A conversation to tokenize after the chat template is applied (chat form). Give this or `prompt`. */
  messages?: ChatMessage[] | null;
  /** Also return each token as a string (`token_strs`). */
  return_token_strs?: boolean | null;
  /** Fields this SDK does not know yet, merged into the request body as given (they win over typed fields). */
  extra_body?: Record<string, unknown> | null;
}

/** The answer of `client.tokenize`. */
export interface TokenizeResponse {
  /** Number of tokens. */
  count: number;
  /** The model's context length in tokens. */
  max_model_len: number;
  /** Token ids, in order. */
  tokens: number[];
  /** Each token as text, when `return_token_strs` was set. */
  token_strs?: string[] | null;
  [extra: string]: unknown;
}

/** Parameters of `client.detokenize` (`POST /v1/detokenize`). */
export interface DetokenizeParams {
  /** A model id, or a chat alias. */
  model: ModelName;
  /** Token ids to turn back into text (integers ≥ 0). */
  tokens: number[];
  /** Fields this SDK does not know yet, merged into the request body as given (they win over typed fields). */
  extra_body?: Record<string, unknown> | null;
}

/**
 * The answer of `client.detokenize`. DeepInfra's field name is unconfirmed: vLLM answers `prompt`, other
 * servers `text`; both are filled with the text whichever arrived.
 */
export interface DetokenizeResponse {
  /** The text the tokens spell. */
  prompt: string;
  /** The same text, under the other common name. */
  text: string;
  [extra: string]: unknown;
}
