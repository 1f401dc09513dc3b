import { DeepInfraError } from "./errors/base.js";
import { APIConnectionError, APITimeoutError, APIUserAbortError } from "./errors/connection.js";
import type { Redactor } from "./redact.js";

/** One read of a byte stream; spelled out because `ReadableStreamReadResult` is DOM-lib only and Node-only TS projects lack it. */
export type ByteReadResult = { done: false; value: Uint8Array } | { done: true; value: Uint8Array | undefined };

/** Something that hands out body bytes: an HTTP answer of the SDK's, or an SSE response fetched elsewhere. */
export interface ByteSource {
  /** Next bytes; `done` at the end. Throws the SDK's typed errors. */
  read(): Promise<ByteReadResult>;
  /** Stop reading and close the connection. Safe to call more than once. */
  cancel(): void;
  /** `value` with the request's secrets scrubbed (deeply); identity when there are none. */
  redact<T>(value: T): T;
  /** Throws `KeyInStreamError` when upstream bytes or text hold a piece of a secret, in any JSON escaping. */
  check?(data: Uint8Array | string): void;
}

/** Options of a `BodyReader`. */
export interface BodyReaderOptions {
  /** The caller's signal: aborts a pending read with `APIUserAbortError`. */
  signal?: AbortSignal | undefined;
  /** Longest wait in milliseconds for the server while a read is pending (0 disables); the caller's pauses between reads never count. */
  idleTimeoutMs: number;
  /** Scrubs the request's secrets (the API key) from anything built from this body; none for a foreign response. */
  redactor?: Redactor | undefined;
  /** Closes the connection underneath (the fetch's AbortController) when reading stops early. */
  abort?: () => void;
}

type StopReason = "user" | "idle" | "cancel";

/**
 * Reads one response body under an idle timeout, turning each way it can stop (caller's signal,
 * silence, `cancel()`, a lost connection) into the SDK's typed errors with the key scrubbed.
 * Used for the SDK's own answers and for `ChatStream.fromResponse`.
 */
export class BodyReader implements ByteSource {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  readonly #signal: AbortSignal | undefined;
  readonly #idleMs: number;
  readonly #redactor: Redactor | undefined;
  readonly #abort: (() => void) | undefined;
  #why: StopReason | undefined;
  #failure: DeepInfraError | undefined;
  #closed = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastActivity = 0;
  #pending = false;
  #onClose: Array<(error?: DeepInfraError) => void> | undefined;
  #onUserAbort = () => this.#stop("user");

  constructor(body: ReadableStream<Uint8Array> | null, options: BodyReaderOptions) {
    this.#reader = body?.getReader();
    this.#signal = options.signal;
    this.#idleMs = options.idleTimeoutMs;
    this.#redactor = options.redactor;
    this.#abort = options.abort;
    if (!this.#reader) {
      this.#closed = true;
      return;
    }
    if (this.#signal?.aborted) {
      this.#stop("user");
      return;
    }
    this.#signal?.addEventListener("abort", this.#onUserAbort, { once: true });
  }

  async read(): Promise<ByteReadResult> {
    const reader = this.#reader;
    if (!reader) return { done: true, value: undefined };
    if (this.#failure) throw this.#failure;
    if (this.#why) throw this.#error();
    // The idle clock runs only while the caller waits on the server, never while the caller is busy elsewhere.
    this.#lastActivity = Date.now();
    this.#pending = true;
    if (this.#timer === undefined) this.#arm();
    try {
      const result = await reader.read();
      this.#pending = false;
      // A cancel() racing a read resolves it as done: report why instead of a short body.
      if (this.#why) throw this.#error();
      if (result.done) this.#close();
      return result;
    } catch (error) {
      this.#pending = false;
      const failure = (this.#failure ??= this.#error(error));
      this.#release(failure);
      throw failure;
    }
  }

  /**
   * Reads the whole body as text, still under the idle timeout. With `limit`, stops after that many
   * bytes and returns what arrived (enough for an error body; the rest is dropped).
   */
  async text(limit = Infinity): Promise<string> {
    const decoder = new TextDecoder();
    let out = "";
    let size = 0;
    for (;;) {
      const { done, value } = await this.read();
      if (done) return out + decoder.decode();
      size += value.byteLength;
      out += decoder.decode(value, { stream: true });
      if (size >= limit) {
        this.cancel();
        // A body cut at `limit` may end inside an echoed key, where redaction can't see it.
        return this.#redactor ? this.#redactor.trimCut(out) : out;
      }
    }
  }

  cancel(): void {
    this.#stop("cancel");
  }

  redact<T>(value: T): T {
    return this.#redactor ? this.#redactor.redact(value) : value;
  }

  check(data: Uint8Array | string): void {
    this.#redactor?.check(data);
  }

  /** Calls `listener` once when the body is done, cancelled or failed (with the failure, if any). */
  onClose(listener: (error?: DeepInfraError) => void): void {
    if (this.#closed) listener();
    else (this.#onClose ??= []).push(listener);
  }

  // A body already read to its end stays done: a late cancel() (after [DONE]) is not a failure.
  #stop(why: StopReason): void {
    if (this.#closed) return;
    this.#why = why;
    this.#release(why === "cancel" ? undefined : this.#error());
  }

  /** Stops reading and closes the connection underneath. */
  #release(failure: DeepInfraError | undefined): void {
    if (this.#closed) return;
    this.#reader?.cancel().catch(() => {});
    this.#abort?.();
    this.#close(failure);
  }

  #close(failure?: DeepInfraError): void {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#signal?.removeEventListener("abort", this.#onUserAbort);
    for (const listener of this.#onClose?.splice(0) ?? []) listener(failure);
  }

  // One timer per silence, re-armed lazily: resetting a timer on each of 20,000 chunks costs more than checking a
  // timestamp. It lapses while no read is pending, and the next read arms it again.
  #arm(): void {
    const ms = this.#idleMs;
    if (!(ms > 0 && ms < Infinity) || this.#closed) return;
    const fire = () => {
      this.#timer = undefined;
      if (!this.#pending || this.#closed) return;
      const quiet = Date.now() - this.#lastActivity;
      if (quiet >= ms) this.#stop("idle");
      else this.#timer = setTimeout(fire, ms - quiet);
    };
    this.#timer = setTimeout(fire, ms);
  }

  #error(cause?: unknown): DeepInfraError {
    if (cause instanceof DeepInfraError) return cause;
    switch (this.#why) {
      case "user":
        return new APIUserAbortError();
      case "idle":
        return new APITimeoutError(`No data for ${this.#idleMs} ms while reading the response (idleTimeout).`, "idle", this.#idleMs);
      case "cancel":
        return new APIUserAbortError("Stream was cancelled.");
    }
    return connectionError(cause, this.#redactor);
  }
}

/**
 * A body's bytes as a web stream (for a `Response` handed to the caller): reads go through the reader, so the
 * idle timeout and abort keep working, and cancelling the stream closes the connection.
 */
export function bodyStream(body: ByteSource): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await body.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        controller.error(error);
      }
    },
    cancel() {
      body.cancel();
    },
  });
}

/** A network failure as `APIConnectionError`; keeps only the scrubbed text, never the object (it may quote request options). */
export function connectionError(cause: unknown, redactor: Redactor | undefined): APIConnectionError {
  const detail = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  return new APIConnectionError(`Connection error: ${redactor ? redactor.redact(detail) : detail}`);
}
