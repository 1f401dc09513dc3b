import type { CompletionUsage } from "../types/chat.js";
import type { Completion, CompletionChoice, CompletionChunk, CompletionFinishReason, CompletionLogprobs } from "../types/completions.js";
import { ChunkAccumulator } from "./accumulate.js";
import { EventStream } from "./event-stream.js";
import { responseSource, type StreamFromResponseOptions } from "./from-response.js";

interface ChoiceState {
  text: string;
  finish: CompletionFinishReason | null;
  logprobs: CompletionLogprobs | null;
}

const LOGPROB_ARRAYS = ["tokens", "token_logprobs", "top_logprobs", "text_offset"] as const;

/**
 * Folds streamed completion chunks into the `Completion` a non-streaming call returns: text
 * concatenated per choice, logprob arrays appended, usage from the finishing chunk.
 */
export class CompletionAccumulator extends ChunkAccumulator<CompletionChunk, CompletionChoice, ChoiceState> {
  protected newChoice(): ChoiceState {
    return { text: "", finish: null, logprobs: null };
  }

  protected addChoice(state: ChoiceState, choice: CompletionChoice): void {
    if (typeof choice.text === "string") state.text += choice.text;
    if (choice.logprobs) state.logprobs = mergeLogprobs(state.logprobs, choice.logprobs);
  }

  /** The assembled completion so far. */
  toCompletion(): Completion {
    const { top, choices, usage } = this.assemble("text_completion");
    return { ...top, choices: choices.map(([index, state]) => ({ index, text: state.text, logprobs: state.logprobs, finish_reason: state.finish })), ...usage };
  }
}

function mergeLogprobs(into: CompletionLogprobs | null, next: CompletionLogprobs): CompletionLogprobs {
  const out = into ?? { ...next };
  for (const key of LOGPROB_ARRAYS) {
    const items = next[key];
    if (!Array.isArray(items)) continue;
    // Fresh arrays on first sight: the chunk's own arrays belong to whoever iterated it.
    const target = (into ? (out[key] ??= []) : (out[key] = [])) as unknown[];
    for (const item of items) target.push(item);
  }
  return out;
}

/**
 * A streaming legacy completion: iterate it for `CompletionChunk`s, or use `textStream()`,
 * `toReadableStream()` or `finalCompletion()`. Breaking out of `for await` or calling `abort()`
 * closes the upstream connection.
 * @example
 * const stream = await client.completions.create({ model: "default", prompt: "Once upon a time", stream: true });
 * for await (const text of stream.textStream()) console.log(text);
 */
export class CompletionStream extends EventStream<CompletionChunk> {
  readonly #accumulator = new CompletionAccumulator();

  /**
   * Reads a completion SSE response fetched by other means (e.g. through your own Worker).
   * @throws APIError when the response status is not 2xx, or the body is not an event stream.
   */
  static async fromResponse(response: Response, options: StreamFromResponseOptions = {}): Promise<CompletionStream> {
    return new CompletionStream(...(await responseSource(response, options)));
  }

  protected accept(chunk: CompletionChunk): void {
    this.#accumulator.add(chunk);
  }

  protected get complete(): boolean {
    return this.#accumulator.finished;
  }

  protected get usage(): CompletionUsage | undefined {
    return this.#accumulator.usage;
  }

  /** The text of choice 0 as it arrives, one string per chunk. */
  textStream(): AsyncIterableIterator<string> {
    return this.iterate((chunk) => chunk.choices?.[0]?.text || undefined, "textStream()");
  }

  /**
   * The whole completion, assembled from the chunks (text, logprobs, usage). Call it before, during
   * or after iterating the stream or a view of it; when nobody reads the stream, it reads it.
   * @throws the stream's failure (timeout, error event, incomplete stream).
   */
  async finalCompletion(): Promise<Completion> {
    await this.ended();
    return this.#accumulator.toCompletion();
  }

  /** The completion assembled from the chunks read so far (no waiting). */
  currentCompletion(): Completion {
    return this.#accumulator.toCompletion();
  }
}
