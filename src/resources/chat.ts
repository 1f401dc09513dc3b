import { expectEventStream, readJSON, type RequestOptions, type Transport } from "../http.js";
import { resolveModel } from "../models.js";
import { validateChatParams } from "../schema/params.js";
import { ChatStream } from "../streaming/chat-stream.js";
import type { ChatCompletion, ChatCreateParams } from "../types/chat.js";

/** What a resource needs from the client: the transport and the alias table. */
export interface ResourceContext {
  transport: Transport;
  modelAliases: Readonly<Record<string, string>>;
  embeddingAliases: Readonly<Record<string, string>>;
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
    const resolved = resolveModel(params.model, this.context.modelAliases);
    const body = { ...params, model: resolved.model };
    const stream = params.stream === true;
    const spec = { method: "POST", path: "/v1/openai/chat/completions", body, stream, resolved } as const;
    if (!stream) return this.context.transport(spec, options, readJSON<ChatCompletion>);
    const open = await this.context.transport(spec, options);
    await expectEventStream(open);
    return new ChatStream(open.exchange, open.exchange.secrets);
  }
}

/** `client.chat`. */
export class Chat {
  readonly completions: ChatCompletions;
  constructor(context: ResourceContext) {
    this.completions = new ChatCompletions(context);
  }
}
