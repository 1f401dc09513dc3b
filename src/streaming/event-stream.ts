import { DeepInfraError, IncompleteStreamError, createAPIError, readErrorMessage } from "../errors.js";
import { Exchange, type ByteSource } from "../exchange.js";
import { apiErrorFromResponse } from "../http.js";
import { redact } from "../redact.js";
import type { CompletionUsage } from "../types/chat.js";
import { createSSEParser, type SSEEvent } from "./sse.js";

const encoder = /* @__PURE__ */ new TextEncoder();

/** Options for reading an SSE response you fetched yourself. */
export interface StreamFromResponseOptions {
  /** Aborts reading. */
  signal?: AbortSignal;
  /** Longest silence between reads in milliseconds (default 30,000; 0 disables). */
  idleTimeout?: number;
}

/**
 * The byte source behind `ChatStream.fromResponse` and its siblings.
 * @throws APIError when the response status is not 2xx.
 */
export async function responseSource(response: Response, options: StreamFromResponseOptions = {}): Promise<ByteSource> {
  if (!response.body) throw new TypeError("The response has no body to stream.");
  const exchange = new Exchange(options.signal, 0, options.idleTimeout ?? 30_000, []);
  exchange.attach(response.body);
  if (!response.ok) throw await apiErrorFromResponse(response, exchange);
  return exchange;
}

/**
 * A stream of JSON events from an SSE body: ends at `data: [DONE]` (closing a lingering
 * connection), turns an error event into a thrown `APIError`, and throws
 * `IncompleteStreamError` when the body ends before the answer did.
 */
export abstract class EventStream<T> implements AsyncIterable<T> {
  readonly #source: ByteSource;
  readonly #secrets: readonly string[];
  #started = false;
  #settled = false;
  #failure: unknown;
  readonly #waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  readonly #onUsage: ((usage: CompletionUsage) => void) | undefined;
  #usageReported = false;

  /** `onUsage` is called once, with the usage of the finished answer (the client's budget uses it). */
  constructor(source: ByteSource, secrets: readonly string[] = [], onUsage?: (usage: CompletionUsage) => void) {
    this.#source = source;
    this.#secrets = secrets;
    this.#onUsage = onUsage;
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

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return this.iterate((chunk) => chunk);
  }

  /**
   * The upstream SSE bytes, passed through as they arrive (complete events only), so a Worker can
   * `return new Response(stream.toReadableStream(), { headers: { "content-type": "text/event-stream" } })`.
   * A failure mid-stream is appended as `event: error` with a JSON `{ error: { message, type } }`
   * and the stream closes without `[DONE]`, so any SSE client sees the error instead of a short answer.
   */
  toReadableStream(): ReadableStream<Uint8Array> {
    let held = new Uint8Array(0);
    let sent = 0;
    let events: AsyncIterableIterator<true> | undefined;
    const forward = (bytes: Uint8Array, pending: number, controller: ReadableStreamDefaultController<Uint8Array>) => {
      const all = held.byteLength ? concat(held, bytes) : bytes;
      const ready = all.byteLength - pending;
      if (ready > 0) {
        controller.enqueue(all.subarray(0, ready));
        sent++;
      }
      held = all.slice(ready);
    };
    return new ReadableStream<Uint8Array>({
      start: (controller) => {
        events = this.iterate(() => true, (bytes, pending) => forward(bytes, pending, controller));
      },
      // A pull that enqueues nothing is not called again (WHATWG streams): keep reading until bytes go out.
      pull: async (controller) => {
        try {
          const before = sent;
          while (sent === before) {
            const { done } = await (events as AsyncIterableIterator<true>).next();
            if (!done) continue;
            if (held.byteLength) controller.enqueue(held);
            controller.close();
            return;
          }
        } catch (error) {
          if (!(error instanceof DeepInfraError && (error as { fromEvent?: boolean }).fromEvent)) {
            const name = error instanceof Error ? error.name : "DeepInfraError";
            const message = error instanceof Error ? error.message : String(error);
            controller.enqueue(encoder.encode(`event: error\ndata: ${JSON.stringify({ error: { message, type: name } })}\n\n`));
          } else if (held.byteLength) {
            controller.enqueue(held);
          }
          controller.close();
        }
      },
      cancel: () => {
        void events?.return?.();
        this.#source.cancel();
      },
    });
  }

  /** Resolves when the stream has been read to its end (by whoever reads it). */
  protected ended(): Promise<void> {
    if (this.#settled) return this.#failure === undefined ? Promise.resolve() : Promise.reject(this.#failure);
    if (!this.#started) return (async () => {
      for await (const _ of this.iterate(() => undefined));
    })();
    return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }

  /**
   * The one reader of the body, as an async iterator of `select(chunk)` values (undefined skips).
   * Hand-written rather than an async generator: a generator adds a promise hop per chunk, and
   * textStream() would stack a second one; this resolves buffered chunks straight from a queue.
   */
  protected iterate<U>(select: (chunk: T) => U | undefined, onBytes?: (bytes: Uint8Array, pending: number) => void): AsyncIterableIterator<U> {
    if (this.#started) throw new DeepInfraError("This stream has already been read; a stream can be consumed once.");
    this.#started = true;
    const events: SSEEvent[] = [];
    const parser = createSSEParser((event) => events.push(event));
    const queue: U[] = [];
    let index = 0;
    let ended = false;
    let failure: unknown;

    const finish = (error?: unknown) => {
      if (error !== undefined) failure ??= error;
      else ended = true;
      // After [DONE] the server may keep the connection open; after a failure nobody reads on.
      this.#source.cancel();
      this.#settle(error);
    };

    const fill = async () => {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await this.#source.read();
      } catch (error) {
        return finish(error);
      }
      const { done, value } = result;
      if (done) parser.end();
      else {
        parser.feed(value);
        onBytes?.(value, parser.pendingBytes);
      }
      for (const event of events) {
        if (event.data === "[DONE]") {
          events.length = 0;
          return finish();
        }
        let chunk: T;
        try {
          chunk = this.#decode(event, done);
        } catch (error) {
          events.length = 0;
          return finish(error);
        }
        this.accept(chunk);
        this.#reportUsage();
        const selected = select(chunk);
        if (selected !== undefined) queue.push(selected);
      }
      events.length = 0;
      if (done) {
        if (this.complete) finish();
        else finish(new IncompleteStreamError("The stream ended before [DONE] and before a finish_reason: the answer is incomplete."));
      }
    };

    const pull = async (): Promise<IteratorResult<U>> => {
      for (;;) {
        if (index < queue.length) return { value: queue[index++] as U, done: false };
        queue.length = 0;
        index = 0;
        if (failure !== undefined) {
          const error = failure;
          failure = null;
          throw error;
        }
        if (ended || failure === null) return { value: undefined, done: true };
        await fill();
      }
    };

    const iterator: AsyncIterableIterator<U> = {
      next: () => (index < queue.length ? Promise.resolve({ value: queue[index++] as U, done: false }) : pull()),
      return: async () => {
        if (!this.#settled) {
          this.#source.cancel();
          this.#settle(new DeepInfraError("The stream was closed before its end."));
        }
        ended = true;
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
    if (!this.#onUsage || this.#usageReported || !this.complete) return;
    const usage = this.usage;
    if (!usage) return;
    this.#usageReported = true;
    this.#onUsage(usage);
  }

  #settle(failure: unknown): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#failure = failure;
    for (const waiter of this.#waiters.splice(0)) failure === undefined ? waiter.resolve() : waiter.reject(failure);
  }

  #decode(event: SSEEvent, atEnd: boolean): T {
    let payload: unknown;
    try {
      payload = JSON.parse(event.data);
    } catch {
      if (event.event === "error") throw this.#eventError(event.data);
      // An unterminated last event that is not JSON is a body cut mid-event.
      if (atEnd) throw new IncompleteStreamError("The stream ended in the middle of an event, before [DONE]: the answer is incomplete.");
      throw new DeepInfraError(`Malformed event in the stream (not JSON): ${event.data.slice(0, 200)}`);
    }
    const isError =
      event.event === "error" ||
      (typeof payload === "object" && payload !== null && !("choices" in payload) && ("error" in payload || "detail" in payload));
    if (isError) throw this.#eventError(payload);
    return payload as T;
  }

  #eventError(payload: unknown): DeepInfraError {
    const body = redact(payload, this.#secrets);
    const inner = typeof body === "object" && body !== null ? (body as { error?: unknown }).error : undefined;
    const status = statusOf(inner) ?? statusOf(body);
    const message = `Error event in the stream: ${readErrorMessage(body) ?? "no message"}`;
    const error = createAPIError({ status, headers: {}, body, message });
    Object.defineProperty(error, "fromEvent", { value: true });
    return error;
  }
}

function statusOf(value: unknown): number | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  for (const key of ["status_code", "status", "code"]) {
    const raw = (value as Record<string, unknown>)[key];
    const status = typeof raw === "string" ? Number.parseInt(raw, 10) : raw;
    if (typeof status === "number" && status >= 400 && status < 600) return status;
  }
  return undefined;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a, 0);
  out.set(b, a.byteLength);
  return out;
}
