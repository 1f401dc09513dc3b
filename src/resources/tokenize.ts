import { resolveModel } from "../models.js";
import { apiErrorFor, readJSON } from "../response.js";
import { validateDetokenizeParams, validateTokenizeParams } from "../schema/newer-api.js";
import type { OpenResponse, RequestOptions } from "../types/request.js";
import type { DetokenizeParams, DetokenizeResponse, TokenizeParams, TokenizeResponse } from "../types/tokenize.js";
import { wireBody, type ResourceContext } from "./context.js";

/** `client.tokenize` and `client.detokenize`: a model's own tokenizer, at `/v1/tokenize` and `/v1/detokenize`. */
export class Tokenizer {
  constructor(protected readonly context: ResourceContext) {}

  /**
   * Counts and lists the tokens of a prompt (or of a conversation after the model's chat template),
   * with the model's context length: check a request fits before paying for it. Chat aliases resolve.
   * @throws ValidationError for bad parameters (before sending); APIError subclasses for refusals, or
   * when the answer has no `tokens` array.
   * @example
   * const { count, max_model_len } = await client.tokenize({ model: "meta-llama/Meta-Llama-3.1-8B-Instruct", prompt: "Hello" });
   */
  async tokenize(params: TokenizeParams, options?: RequestOptions): Promise<TokenizeResponse> {
    if (options?.validate ?? this.context.validate) validateTokenizeParams(params);
    const resolved = resolveModel(params.model, this.context.modelAliases);
    const body = wireBody(params, { model: resolved.model });
    return this.context.transport({ method: "POST", path: "/v1/tokenize", body, resolved }, options, async (open: OpenResponse) => {
      const answer = await readJSON<TokenizeResponse>(open);
      if (!Array.isArray(answer?.tokens)) throw apiErrorFor(open, answer, "tokenize: the response has no `tokens` array.");
      // `count` is documented as required; a server that leaves it out still said how many tokens there are.
      return typeof answer.count === "number" ? answer : { ...answer, count: answer.tokens.length };
    });
  }

  /**
   * Turns token ids back into text with the model's tokenizer. Chat aliases resolve.
   * @throws ValidationError for bad parameters; APIError subclasses for refusals, or when the answer has no text.
   * @example
   * const { prompt } = await client.detokenize({ model: "meta-llama/Meta-Llama-3.1-8B-Instruct", tokens: [9906] });
   */
  async detokenize(params: DetokenizeParams, options?: RequestOptions): Promise<DetokenizeResponse> {
    if (options?.validate ?? this.context.validate) validateDetokenizeParams(params);
    const resolved = resolveModel(params.model, this.context.modelAliases);
    const body = wireBody(params, { model: resolved.model });
    return this.context.transport({ method: "POST", path: "/v1/detokenize", body, resolved }, options, async (open: OpenResponse) => {
      const answer = await readJSON<Record<string, unknown>>(open);
      // The field name is unconfirmed for DeepInfra: vLLM says `prompt`, others `text`.
      const text = typeof answer?.prompt === "string" ? answer.prompt : answer?.text;
      if (typeof text !== "string") throw apiErrorFor(open, answer, "detokenize: the response has neither `prompt` nor `text`.");
      return { ...answer, prompt: text, text };
    });
  }
}
