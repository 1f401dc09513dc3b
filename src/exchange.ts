import { APIConnectionError, APITimeoutError, APIUserAbortError, DeepInfraError } from "./errors.js";
import { redactString } from "./redact.js";

/** One read of a byte stream; spelled out because `ReadableStreamReadResult` is DOM-lib only and Node-only TS projects lack it. */
export type ByteReadResult = { done: false; value: Uint8Array } | { done: true; value: Uint8Array | undefined };

/** Something that hands out body bytes: an HTTP exchange, or any SSE byte stream. */
export interface ByteSource {
  /** Next bytes; `done` at the end. Throws the SDK's typed errors. */
  read(): Promise<ByteReadResult>;
  /** Stop reading and close the connection. Safe to call more than once. */
  cancel(): void;
}

/**
 * One HTTP attempt: owns the AbortController passed to fetch, the header timeout, the idle
 * timeout between body reads and the link to the caller's signal, and turns every way it can
 * end into the SDK's typed errors with the key scrubbed.
 */
type EndReason = "user" | "headers" | "idle" | "cancel";

export class Exchange implements ByteSource {
  readonly controller: AbortController = new AbortController();
  #why: EndReason | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastActivity = 0;
  #reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  #onUserAbort = () => this.#abort("user");

  constructor(
    readonly signal: AbortSignal | undefined,
    readonly timeoutMs: number,
    readonly idleTimeoutMs: number,
    readonly secrets: readonly string[],
  ) {
    if (signal?.aborted) this.#why = "user";
    signal?.addEventListener("abort", this.#onUserAbort, { once: true });
  }

  /** True when the caller's signal has fired. */
  get userAborted(): boolean {
    return this.#why === "user";
  }

  /** Runs `send` (the fetch) under the header timeout. */
  async open(send: (signal: AbortSignal) => Promise<Response>): Promise<Response> {
    if (this.#why === "user") throw this.#error();
    this.#arm(this.timeoutMs, "headers");
    try {
      return await send(this.controller.signal);
    } catch (error) {
      const failure = this.#error(error);
      this.close();
      throw failure;
    } finally {
      this.#disarm();
    }
  }

  /** Starts reading `body` under the idle timeout. */
  attach(body: ReadableStream<Uint8Array>): void {
    this.#reader = body.getReader();
    this.#lastActivity = Date.now();
    this.#arm(this.idleTimeoutMs, "idle");
  }

  async read(): Promise<ByteReadResult> {
    const reader = this.#reader;
    if (!reader) throw new DeepInfraError("Response has no body to read.");
    if (this.#why) throw this.#error();
    try {
      const result = await reader.read();
      // A cancel() racing a read resolves it as done: report why instead of a short body.
      if (this.#why) throw this.#error();
      this.#lastActivity = Date.now();
      if (result.done) this.close();
      return result;
    } catch (error) {
      this.close();
      throw this.#error(error);
    }
  }

  /** Reads the whole body as text, still under the idle timeout; `limit` bytes at most. */
  async text(limit = Number.POSITIVE_INFINITY): Promise<string> {
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
        return out;
      }
    }
  }

  cancel(): void {
    if (!this.#why) this.#why = "cancel";
    this.#abort(this.#why);
  }

  /** Normal end: stop timers and forget the caller's signal. */
  close(): void {
    this.#disarm();
    this.signal?.removeEventListener("abort", this.#onUserAbort);
  }

  #abort(why: EndReason): void {
    if (!this.#why || this.#why === "cancel") this.#why = why;
    this.close();
    this.#reader?.cancel().catch(() => {});
    this.controller.abort();
  }

  // One timer per silence, re-armed lazily: resetting a timer on each of 20,000 chunks costs more than checking a timestamp.
  #arm(ms: number, phase: "headers" | "idle"): void {
    if (!(ms > 0 && ms < Number.POSITIVE_INFINITY)) return;
    const fire = () => {
      const quiet = phase === "idle" ? Date.now() - this.#lastActivity : ms;
      if (quiet >= ms) this.#abort(phase);
      else this.#timer = setTimeout(fire, ms - quiet);
    };
    this.#timer = setTimeout(fire, ms);
  }

  #disarm(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #error(cause?: unknown): DeepInfraError {
    if (cause instanceof DeepInfraError) return cause;
    switch (this.#why) {
      case "user":
        return new APIUserAbortError();
      case "headers":
        return new APITimeoutError(`No response headers within ${this.timeoutMs} ms (timeout).`, "headers", this.timeoutMs);
      case "idle":
        return new APITimeoutError(`No data for ${this.idleTimeoutMs} ms while reading the response (idleTimeout).`, "idle", this.idleTimeoutMs);
      case "cancel":
        return new APIUserAbortError("Stream was cancelled.");
    }
    // The underlying error may quote request options; keep only its scrubbed text, never the object.
    const detail = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    return new APIConnectionError(`Connection error: ${redactString(detail, this.secrets)}`);
  }
}
