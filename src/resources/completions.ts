import { validateCompletionParams } from "../schema/completions.js";
import { CompletionStream } from "../streaming/completion-stream.js";
import type { Completion, CompletionCreateParams } from "../types/completions.js";
import type { FallbackRequestOptions as RequestOptions } from "../types/request.js";
import type { ResourceContext } from "./context.js";
import type { APIPromise } from "../api-promise.js";
import { paramsOf } from "../call-context.js";
import { generate } from "./generate.js";

const COMPLETIONS = { path: "/v1/openai/completions", label: "completions" } as const;

/** `client.completions`: OpenAI-compatible legacy completions at `/v1/openai/completions`. */
export class Completions {
  constructor(protected readonly context: ResourceContext) {}

  /**
   * Continues a prompt; with `stream: true` resolves to a `CompletionStream`. With `echo: true`
   * each choice's `text` starts with the prompt. Chat aliases (`default`, …) are resolved.
   * @throws ValidationError for bad parameters; APIError subclasses for DeepInfra's refusals.
   * @example
   * const { choices } = await client.completions.create({ model: "default", prompt: "Once upon a time", max_tokens: 20 });
   */
  create(params: CompletionCreateParams & { stream: true }, options?: RequestOptions): APIPromise<CompletionStream>;
  create(params: CompletionCreateParams & { stream?: false | null }, options?: RequestOptions): APIPromise<Completion>;
  create(params: CompletionCreateParams, options?: RequestOptions): APIPromise<Completion | CompletionStream>;
  create(params: CompletionCreateParams, options?: RequestOptions): APIPromise<Completion | CompletionStream> {
    return this.context.call(COMPLETIONS.path, params, options, async (call) => {
      const sent = paramsOf(call, params);
      if (call.options?.validate ?? this.context.validate) validateCompletionParams(sent);
      return generate<Completion, CompletionStream>(this.context, COMPLETIONS, sent, call, (source, streamOptions) => new CompletionStream(source, streamOptions));
    });
  }
}
