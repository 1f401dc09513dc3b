import type { ChatCompletion, ChatCompletionChunk, CompletionUsage } from "../types/chat.js";
import { ChatAccumulator } from "./accumulate.js";
import { EventStream } from "./event-stream.js";
import { responseSource, type StreamFromResponseOptions } from "./from-response.js";

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

  /**
   * Reads a chat SSE response fetched by other means, e.g. in a browser from your Worker's `/api/chat`.
   * @throws APIError when the response status is not 2xx, or the body is not an event stream.
   */
  static async fromResponse(response: Response, options: StreamFromResponseOptions = {}): Promise<ChatStream> {
    return new this(...(await responseSource(response, options)));
  }

  protected accept(chunk: ChatCompletionChunk): void {
    this.#accumulator.add(chunk);
  }

  protected get usage(): CompletionUsage | undefined {
    return this.#accumulator.usage;
  }

  protected get complete(): boolean {
    return this.#accumulator.finished;
  }

  /** The content of choice 0 as it arrives, one string per delta. */
  textStream(): AsyncIterableIterator<string> {
    return this.iterate((chunk) => chunk.choices?.[0]?.delta?.content || undefined, "textStream()");
  }

  /** The reasoning (`reasoning_content`) of choice 0 as it arrives, separate from the answer. */
  reasoningStream(): AsyncIterableIterator<string> {
    return this.iterate((chunk) => chunk.choices?.[0]?.delta?.reasoning_content || undefined, "reasoningStream()");
  }

  /**
   * The whole completion, assembled from the chunks (content, reasoning, tool calls, usage). Call it
   * before, during or after iterating the stream or a view of it; when nobody reads the stream, it reads it.
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
