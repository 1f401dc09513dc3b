import type { ByteSource } from "../body-reader.js";
import { DeepInfraError } from "../errors/base.js";
import { APIUserAbortError } from "../errors/connection.js";
import { IncompleteStreamError, MalformedEventError } from "../errors/stream.js";
import { isErrorEnvelope, streamEventError } from "../response.js";
import type { CompletionUsage } from "../types/chat.js";
import { relay } from "./relay.js";
import { createSSEParser, type SSEEvent } from "./sse.js";

/** How an `EventStream` reads its source. */
export interface EventStreamOptions {
  /** Called once, with the usage of the finished answer (the client's budget uses it). */
  onUsage?: ((usage: CompletionUsage) => void) | undefined;
  /** The response's headers (redacted), so errors sent inside the stream carry its request id. */
  headers?: Record<string, string> | undefined;
  /** Largest single SSE line or event in bytes (default 8 MiB). */
  maxEventBytes?: number | undefined;
}

/** Errors that arrived as an upstream `event: error`, whose bytes a relay already forwarded. */
const sentAsErrorEvent = /* @__PURE__ */ new WeakSet<object>();

type State = "idle" | "reading" | "done" | "failed";

/**
 * A stream of JSON events from an SSE body: ends at `data: [DONE]` (closing a lingering
 * connection), turns an error event or frame into a thrown `APIError`, and throws
 * `IncompleteStreamError` when the body ends before the answer did. Read once: by iterating it, by
 * one of its views (`textStream()`…), or by `toReadableStream()`.
 */
export abstract class EventStream<T> implements AsyncIterable<T> {
  readonly #source: ByteSource;
  readonly #options: EventStreamOptions;
  #state: State = "idle";
  #reader = "";
  #failure: unknown;
  #usageReported = false;
  readonly #waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];

  constructor(source: ByteSource, options: EventStreamOptions = {}) {
    this.#source = source;
    this.#options = options;
  }

  /** Folds a chunk into the stream's running state (for the final result). */
  protected abstract accept(chunk: T): void;
  /** Whether the state shows a finished answer even without `[DONE]`. */
  protected abstract get complete(): boolean;
  /** The usage seen so far (the last chunk that carried one). */
  protected abstract get usage(): CompletionUsage | undefined;

  /** Stops the stream and closes the upstream connection; a pending read throws `APIUserAbortError`. */
  abort(): void {
    this.#source.cancel();
  }

  /** Iterates the chunks as they arrive (the stream's one reader). */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    return this.iterate((chunk) => chunk, "for await");
  }

  /**
   * The upstream SSE bytes, passed through as they arrive (complete events only, the API key scrubbed),
   * so a Worker can `return new Response(stream.toReadableStream(), { headers: { "content-type": "text/event-stream" } })`.
   * A failure mid-stream is appended as `event: error` with a JSON `{ error: { message, type } }`
   * and the stream closes without `[DONE]`, so any SSE client sees the error instead of a short answer.
   */
  toReadableStream(): ReadableStream<Uint8Array> {
    return relay(
      this.#source,
      (onBytes) => this.iterate(() => undefined, "toReadableStream()", onBytes),
      (error) => sentAsErrorEvent.has(error as object),
    );
  }

  /**
   * Resolves when the stream has been read to its end, by whoever reads it. When nobody has started
   * reading by the next task, it reads the rest itself: so `finalCompletion()` works called before,
   * during or after a `for await` over the stream or one of its views.
   */
  protected ended(): Promise<void> {
    if (this.#state === "done") return Promise.resolve();
    if (this.#state === "failed") return Promise.reject(this.#failure);
    const settled = new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
    if (this.#state === "idle") {
      setTimeout(() => {
        if (this.#state !== "idle") return;
        void (async () => {
          for await (const _ of this.iterate(() => undefined, "finalCompletion()"));
        })().catch(() => {});
      }, 0);
    }
    return settled;
  }

  /**
   * The one reader of the body, as an async iterator of `select(chunk)` values (undefined skips).
   * Hand-written rather than an async generator: a generator adds a promise hop per chunk, and
   * textStream() would stack a second one; this resolves buffered chunks straight from a queue.
   */
  protected iterate<U>(select: (chunk: T) => U | undefined, reader: string, onBytes?: (bytes: Uint8Array, pending: number) => void): AsyncIterableIterator<U> {
    if (this.#state !== "idle") {
      throw new DeepInfraError(`This stream is already being read by ${this.#reader}; a stream is read once (finalCompletion() gives the whole answer).`);
    }
    this.#state = "reading";
    this.#reader = reader;
    const events: SSEEvent[] = [];
    const parser = createSSEParser((event) => events.push(event), { maxEventBytes: this.#options.maxEventBytes });
    const queue: U[] = [];
    let index = 0;
    // Pending: the failure to throw once the queue drains; thrown: it has been, and the iterator is done.
    let failure: { error: unknown; thrown: boolean } | undefined;

    const finish = (error?: unknown) => {
      if (error !== undefined) failure ??= { error, thrown: false };
      // After [DONE] the server may keep the connection open; after a failure nobody reads on.
      this.#source.cancel();
      this.#settle(error);
    };

    // Every way out of one read (a bad event, a throwing callback, the end) settles and cancels the upstream.
    const fill = async () => {
      try {
        const { done, value } = await this.#source.read();
        if (done) parser.end();
        else {
          parser.feed(value);
          onBytes?.(value, parser.pendingBytes);
        }
        for (const event of events) {
          if (event.data === "[DONE]") return finish();
          const chunk = this.#decode(event, done);
          // Fails closed on a chunk that holds the key in any escaping (errors were scrubbed in #decode): every reader
          // would hand the key on, so the stream stops there. The relay checked these bytes already, comments included.
          if (!onBytes) this.#source.check?.(event.data);
          this.accept(chunk);
          this.#reportUsage();
          const selected = select(chunk);
          if (selected !== undefined) queue.push(selected);
        }
        if (done) {
          if (this.complete) finish();
          else finish(new IncompleteStreamError("The stream ended before [DONE] and before a finish_reason: the answer is incomplete."));
        }
      } catch (error) {
        finish(error);
      } finally {
        events.length = 0;
      }
    };

    const pull = async (): Promise<IteratorResult<U>> => {
      for (;;) {
        if (index < queue.length) return { value: queue[index++] as U, done: false };
        queue.length = 0;
        index = 0;
        if (failure && !failure.thrown) {
          failure.thrown = true;
          throw failure.error;
        }
        if (this.#state !== "reading") return { value: undefined, done: true };
        await fill();
        // The relay wants bytes, not chunks: one read per step, so it can write each chunk as it comes.
        if (onBytes && this.#state === "reading") return { value: undefined as U, done: false };
      }
    };

    const iterator: AsyncIterableIterator<U> = {
      next: () => (index < queue.length ? Promise.resolve({ value: queue[index++] as U, done: false }) : pull()),
      return: async () => {
        if (this.#state === "reading") {
          this.#source.cancel();
          this.#settle(new APIUserAbortError("The stream was closed before its end."));
        }
        if (failure) failure.thrown = true;
        queue.length = 0;
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  // Once, when the answer is finished and usage known: DeepInfra sends it on the finishing chunk, OpenAI-style servers
  // in a later chunk; with continuous_usage_stats every chunk carries a running total that must not be added up.
  #reportUsage(): void {
    const onUsage = this.#options.onUsage;
    if (!onUsage || this.#usageReported || !this.complete) return;
    const usage = this.usage;
    if (!usage) return;
    this.#usageReported = true;
    onUsage(usage);
  }

  #settle(failure: unknown): void {
    if (this.#state === "done" || this.#state === "failed") return;
    this.#state = failure === undefined ? "done" : "failed";
    this.#failure = failure;
    for (const waiter of this.#waiters.splice(0)) failure === undefined ? waiter.resolve() : waiter.reject(failure);
  }

  #decode(event: SSEEvent, atEnd: boolean): T {
    let payload: unknown;
    let json = true;
    try {
      payload = JSON.parse(event.data);
    } catch {
      json = false;
    }
    const asErrorEvent = event.event === "error";
    // The hot path: a chunk (an object with `choices`) that is not an error event.
    if (!asErrorEvent && typeof payload === "object" && payload !== null && "choices" in payload) return payload as T;
    if (asErrorEvent || (json && isErrorEnvelope(payload))) throw this.#eventError(json ? payload : event.data, asErrorEvent);
    // An unterminated last event that is not JSON is a body cut mid-event.
    if (!json && atEnd) throw new IncompleteStreamError("The stream ended in the middle of an event, before [DONE]: the answer is incomplete.");
    if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
      throw new MalformedEventError(`Malformed event in the stream (${json ? "not a JSON object" : "not JSON"}): ${this.#source.redact(event.data).slice(0, 200)}`);
    }
    return payload as T;
  }

  #eventError(payload: unknown, asErrorEvent: boolean): DeepInfraError {
    const error = streamEventError(payload, this.#source, this.#options.headers ?? {});
    if (asErrorEvent) sentAsErrorEvent.add(error);
    return error;
  }
}
