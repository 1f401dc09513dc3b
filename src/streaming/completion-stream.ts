import type { CompletionUsage } from "../types/chat.js";
import type { Completion, CompletionChunk, CompletionFinishReason, CompletionLogprobs } from "../types/completions.js";
import { EventStream, responseSource, type StreamFromResponseOptions } from "./event-stream.js";

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
export class CompletionAccumulator {
  #id = "";
  #created = 0;
  #model = "";
  #usage: CompletionUsage | undefined;
  // Extra top-level fields are read from the last chunk when assembling: copying them per chunk costs on the hot path.
  #last: CompletionChunk | undefined;
  readonly #choices = new Map<number, ChoiceState>();

  add(chunk: CompletionChunk): void {
    if (!this.#id && chunk.id) this.#id = chunk.id;
    if (!this.#created && chunk.created) this.#created = chunk.created;
    if (!this.#model && chunk.model) this.#model = chunk.model;
    if (chunk.usage) this.#usage = chunk.usage;
    this.#last = chunk;
    const choices = chunk.choices;
    if (!Array.isArray(choices)) return;
    for (const choice of choices) {
      const index = choice.index ?? 0;
      let state = this.#choices.get(index);
      if (!state) {
        state = { text: "", finish: null, logprobs: null };
        this.#choices.set(index, state);
      }
      if (typeof choice.text === "string") state.text += choice.text;
      if (choice.finish_reason) state.finish = choice.finish_reason;
      if (choice.logprobs) state.logprobs = mergeLogprobs(state.logprobs, choice.logprobs);
    }
  }

  /** Usage from the finishing chunk, when DeepInfra sent it. */
  get usage(): CompletionUsage | undefined {
    return this.#usage;
  }

  /** Whether at least one choice was seen and every choice has a finish reason. */
  get finished(): boolean {
    if (this.#choices.size === 0) return false;
    for (const state of this.#choices.values()) if (!state.finish) return false;
    return true;
  }

  /** The assembled completion so far. */
  toCompletion(): Completion {
    const indexes = [...this.#choices.keys()].sort((a, b) => a - b);
    const { id: _id, object: _object, created: _created, model: _model, choices: _choices, usage: _usage, ...extra } = this.#last ?? ({} as Partial<CompletionChunk>);
    return {
      ...extra,
      id: this.#id,
      object: "text_completion",
      created: this.#created,
      model: this.#model,
      choices: indexes.map((index) => {
        const state = this.#choices.get(index) as ChoiceState;
        return { index, text: state.text, logprobs: state.logprobs, finish_reason: state.finish };
      }),
      ...(this.#usage ? { usage: this.#usage } : {}),
    };
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
   * @throws APIError when the response status is not 2xx.
   */
  static async fromResponse(response: Response, options: StreamFromResponseOptions = {}): Promise<CompletionStream> {
    return new CompletionStream(await responseSource(response, options));
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
    return this.iterate((chunk) => chunk.choices?.[0]?.text || undefined);
  }

  /**
   * The whole completion, assembled from the chunks (text, logprobs, usage).
   * Reads the rest of the stream if nobody else is reading it.
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
