import type { ChatCompletion, ChatCompletionChunk, CompletionUsage } from "../types/chat.js";
import type { ByteSource } from "../exchange.js";
import { ChatAccumulator } from "./accumulate.js";
import { EventStream, responseSource, type StreamFromResponseOptions } from "./event-stream.js";

/**
 * A streaming chat completion: iterate it for `ChatCompletionChunk`s, or use `textStream()`,
 * `toReadableStream()` or `finalCompletion()`. Breaking out of `for await` or calling `abort()`
 * closes the upstream connection.
 * @example
 * const stream = await client.chat.completions.create({ model: "default", messages, stream: true });
 * for await (const text of stream.textStream()) console.log(text);
 */
export class ChatStream extends EventStream<ChatCompletionChunk> {
  readonly #accumulator = new ChatAccumulator();
  readonly #onUsage: ((usage: CompletionUsage) => void) | undefined;
  #usageReported = false;

  /** `onUsage` is called once, with the usage of the finished answer (the client's budget uses it). */
  constructor(source: ByteSource, secrets: readonly string[] = [], onUsage?: (usage: CompletionUsage) => void) {
    super(source, secrets);
    this.#onUsage = onUsage;
  }

  /**
   * Reads a chat SSE response fetched by other means, e.g. in a browser from your Worker's `/api/chat`.
   * @throws APIError when the response status is not 2xx.
   */
  static async fromResponse(response: Response, options: StreamFromResponseOptions = {}): Promise<ChatStream> {
    return new ChatStream(await responseSource(response, options));
  }

  protected accept(chunk: ChatCompletionChunk): void {
    this.#accumulator.add(chunk);
    // Once, when the answer is finished and usage known: DeepInfra sends it on the finishing chunk, OpenAI-style servers
    // in a later chunk; with continuous_usage_stats every chunk carries a running total that must not be added up.
    const usage = this.#accumulator.usage;
    if (this.#onUsage && !this.#usageReported && usage && this.#accumulator.finished) {
      this.#usageReported = true;
      this.#onUsage(usage);
    }
  }

  protected get complete(): boolean {
    return this.#accumulator.finished;
  }

  /** The content of choice 0 as it arrives, one string per delta. */
  textStream(): AsyncIterableIterator<string> {
    return this.iterate((chunk) => chunk.choices?.[0]?.delta?.content || undefined);
  }

  /** The reasoning (`reasoning_content`) of choice 0 as it arrives, separate from the answer. */
  reasoningStream(): AsyncIterableIterator<string> {
    return this.iterate((chunk) => chunk.choices?.[0]?.delta?.reasoning_content || undefined);
  }

  /**
   * The whole completion, assembled from the chunks (content, reasoning, tool calls, usage).
   * Reads the rest of the stream if nobody else is reading it.
   * @throws the stream's failure (timeout, error event, incomplete stream).
   */
  async finalCompletion(): Promise<ChatCompletion> {
    await this.ended();
    return this.#accumulator.toCompletion();
  }

  /** The completion assembled from the chunks read so far (no waiting). */
  currentCompletion(): ChatCompletion {
    return this.#accumulator.toCompletion();
  }
}
