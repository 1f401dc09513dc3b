import type { StandardSchemaV1 } from "@standard-schema/spec";
import { validateChatParams } from "../schema/params.js";
import { ChatStream } from "../streaming/chat-stream.js";
import { ThinkSplitChatStream } from "../streaming/think-split.js";
import type { ChatCompletion, ChatCreateParams } from "../types/chat.js";
import type { CreateChatCompletion } from "../types/chat-create.js";
import type { FallbackRequestOptions, RequestOptions } from "../types/request.js";
import { parseChatCompletion, type ChatParseParams, type ParsedChatCompletion } from "./chat-parse.js";
import type { ResourceContext } from "./context.js";
import type { APIPromise } from "../api-promise.js";
import { paramsOf } from "../call-context.js";
import { generate } from "./generate.js";
import { runTools, type RunToolsEvent, type RunToolsParams, type RunToolsResult } from "./run-tools.js";
import type { ToolRunner } from "./tool-runner.js";

const CHAT = { path: "/v1/openai/chat/completions", label: "chat.completions" } as const;

/** `chat.completions` with `create` only: what the chat-only client (`deepinfra-edge/chat`) carries. */
export class ChatCompletionsCore {
  constructor(protected readonly context: ResourceContext) {}

  /**
   * Creates a chat completion; with `stream: true` resolves to a `ChatStream`.
   * Parameters are validated before anything is sent (unless `validate: false`); aliases (`default`, `large`, `small`, `agent`) are resolved.
   * @throws ValidationError for bad parameters; APIError subclasses for DeepInfra's refusals.
   * @example
   * const completion = await client.chat.completions.create({ model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages: [{ role: "user", content: "Hi" }] });
   */
  create(params: ChatCreateParams & { stream: true }, options?: RequestOptions): APIPromise<ChatStream>;
  create(params: ChatCreateParams & { stream?: false | null }, options?: RequestOptions): APIPromise<ChatCompletion>;
  create(params: ChatCreateParams, options?: RequestOptions): APIPromise<ChatCompletion | ChatStream>;
  create(params: ChatCreateParams, options?: RequestOptions): APIPromise<ChatCompletion | ChatStream> {
    return this.context.call(CHAT.path, params, options, async (call) => {
      const sent = paramsOf(call, params);
      if (call.options?.validate ?? this.context.validate) validateChatParams(sent);
      return generate<ChatCompletion, ChatStream>(this.context, CHAT, sent, call, (source, streamOptions) =>
        call.options?.thinkTags === false ? new ChatStream(source, streamOptions) : new ThinkSplitChatStream(source, streamOptions),
      );
    });
  }

}

/** `client.chat.completions`: OpenAI-compatible chat at `/v1/openai/chat/completions`, with `parse` and `runTools`. */
export class ChatCompletions extends ChatCompletionsCore {
  /** `create` as a plain function, for `parse` and `runTools`. */
  readonly #create = ((params: ChatCreateParams, options?: RequestOptions) => this.create(params, options)) as CreateChatCompletion;

  /**
   * Creates a chat completion; with `stream: true` resolves to a `ChatStream`. `options.fallback` names the
   * models tried after `model` (see docs/fallback.md).
   * @throws ValidationError for bad parameters; APIError subclasses for DeepInfra's refusals.
   * @example
   * const completion = await client.chat.completions.create({ model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages: [{ role: "user", content: "Hi" }] }, { fallback: ["small"] });
   */
  override create(params: ChatCreateParams & { stream: true }, options?: FallbackRequestOptions): APIPromise<ChatStream>;
  override create(params: ChatCreateParams & { stream?: false | null }, options?: FallbackRequestOptions): APIPromise<ChatCompletion>;
  override create(params: ChatCreateParams, options?: FallbackRequestOptions): APIPromise<ChatCompletion | ChatStream>;
  override create(params: ChatCreateParams, options?: FallbackRequestOptions): APIPromise<ChatCompletion | ChatStream> {
    return super.create(params, options);
  }

  /**
   * Structured output: asks for JSON matching `schema` (any Standard Schema), validates the reply and returns it typed.
   * @throws StructuredOutputError carrying the raw text and the schema's issues (after one repair request with `repair: true`).
   * @example
   * const { parsed } = await client.chat.completions.parse({ model, messages, schema: type({ city: "string" }) });
   */
  parse<S extends StandardSchemaV1>(params: ChatParseParams<S>, options?: FallbackRequestOptions): Promise<ParsedChatCompletion<StandardSchemaV1.InferOutput<S>>> {
    return parseChatCompletion(this.#create, params, options);
  }

  /**
   * Runs a tool loop: sends the tools' JSON Schemas, validates each call's arguments, runs the tools and feeds
   * the results back until the model answers, or throws `ToolRoundsExceededError` after `maxRounds`.
   * Await the runner for the result, or iterate it for events (streamed with `stream: true`).
   * @example
   * const { completion } = await client.chat.completions.runTools({ model, messages, tools: [weather] });
   */
  runTools(params: RunToolsParams, options?: FallbackRequestOptions): ToolRunner<RunToolsEvent, RunToolsResult> {
    return runTools(this.#create, params, options);
  }
}

/** `client.chat`. */
export class Chat {
  readonly completions: ChatCompletions;
  constructor(context: ResourceContext) {
    this.completions = new ChatCompletions(context);
  }
}
