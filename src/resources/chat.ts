import type { RequestOptions, Transport } from "../http.js";
import { validateChatParams } from "../schema/params.js";
import { ChatStream } from "../streaming/chat-stream.js";
import type { ChatCompletion, ChatCreateParams } from "../types/chat.js";
import type { StandardSchemaV1 } from "@standard-schema/spec";
import type { Budget } from "../budget.js";
import { parseChatCompletion, type ChatParseParams, type ParsedChatCompletion } from "./chat-parse.js";
import { runTools, type RunToolsEvent, type RunToolsParams, type RunToolsResult } from "./run-tools.js";
import type { ToolRunner } from "./tool-runner.js";
import { generate } from "./generate.js";

/** What a resource needs from the client: the transport and the alias table. */
export interface ResourceContext {
  transport: Transport;
  modelAliases: Readonly<Record<string, string>>;
  embeddingAliases: Readonly<Record<string, string>>;
  /** The client's spending limit, when set: resources report each call's usage to it. */
  budget?: Budget;
}

/** `client.chat.completions`: OpenAI-compatible chat at `/v1/openai/chat/completions`. */
export class ChatCompletions {
  constructor(protected readonly context: ResourceContext) {}

  /**
   * Creates a chat completion; with `stream: true` resolves to a `ChatStream`.
   * Parameters are validated before anything is sent; aliases (`default`, `large`, `small`, `agent`) are resolved.
   * @throws ValidationError for bad parameters; APIError subclasses for DeepInfra's refusals.
   * @example
   * const completion = await client.chat.completions.create({ model: "default", messages: [{ role: "user", content: "Hi" }] });
   */
  create(params: ChatCreateParams & { stream: true }, options?: RequestOptions): Promise<ChatStream>;
  create(params: ChatCreateParams & { stream?: false | null }, options?: RequestOptions): Promise<ChatCompletion>;
  create(params: ChatCreateParams, options?: RequestOptions): Promise<ChatCompletion | ChatStream>;
  async create(params: ChatCreateParams, options?: RequestOptions): Promise<ChatCompletion | ChatStream> {
    await validateChatParams(params);
    return generate<ChatCompletion, ChatStream>(this.context, "chat.completions", params, options, (exchange, onUsage) => new ChatStream(exchange, exchange.secrets, onUsage));
  }

  /**
   * Structured output: asks for JSON matching `schema` (any Standard Schema), validates the reply and returns it typed.
   * @throws StructuredOutputError carrying the raw text and the schema's issues (after one repair request with `repair: true`).
   * @example
   * const { parsed } = await client.chat.completions.parse({ model, messages, schema: type({ city: "string" }) });
   */
  parse<S extends StandardSchemaV1>(params: ChatParseParams<S>, options?: RequestOptions): Promise<ParsedChatCompletion<StandardSchemaV1.InferOutput<S>>> {
    return parseChatCompletion(this, params, options);
  }

  /**
   * Runs a tool loop: sends the tools' JSON Schemas, validates each call's arguments, runs the tools and feeds
   * the results back until the model answers, or throws `ToolRoundsExceededError` after `maxRounds`.
   * Await the runner for the result, or iterate it for events (streamed with `stream: true`).
   * @example
   * const { completion } = await client.chat.completions.runTools({ model, messages, tools: [weather] });
   */
  runTools(params: RunToolsParams, options?: RequestOptions): ToolRunner<RunToolsEvent, RunToolsResult> {
    return runTools(this, params, options);
  }
}

/** `client.chat`. */
export class Chat {
  readonly completions: ChatCompletions;
  constructor(context: ResourceContext) {
    this.completions = new ChatCompletions(context);
  }
}
