import type { ByteSource } from "../body-reader.js";
import { KeyInStreamError } from "../errors/stream.js";

/** workerd's native pass-through stream: bytes written to it reach the client without a JS `pull()` per chunk. */
type IdentityStream = new () => TransformStream<Uint8Array, Uint8Array>;

const CR = 13;
const LF = /* @__PURE__ */ new Uint8Array([10]);
const encoder = /* @__PURE__ */ new TextEncoder();
const noop = () => {};
const errorEvent = (error: unknown): Uint8Array =>
  encoder.encode(
    `event: error\ndata: ${JSON.stringify({ error: { message: error instanceof Error ? error.message : String(error), type: error instanceof Error ? error.name : "DeepInfraError" } })}\n\n`,
  );

/**
 * The SSE bytes of a stream as a `ReadableStream`, complete events only, byte for byte. Fails closed: a run of
 * complete events that holds the key, or a piece of it, in any JSON escaping, is dropped whole and the stream ends
 * with one `event: error` (`KeyInStreamError`); a leading BOM still goes out first. An unfinished event's bytes are
 * held as a list of chunks and copied once, when the event completes: concatenating on every chunk would be
 * quadratic in the event's size. On workerd the bytes are written into the native `IdentityTransformStream`.
 */
export function relay(
  /** Closes the upstream and tells whether bytes hold the key (a different array back means they do). */
  source: Pick<ByteSource, "cancel" | "redactBytes">,
  /** Starts the stream's one read; `onBytes` sees each chunk and how many of its last bytes are an unfinished event. Each `next()` reads once. */
  start: (onBytes: (bytes: Uint8Array, pending: number) => void) => AsyncIterator<unknown>,
  /** True for a failure that was an upstream `event: error`, whose bytes were already forwarded. */
  alreadySent: (error: unknown) => boolean,
  /** The native pass-through stream, when the runtime has one (a parameter so tests can take the other path). */
  Identity = (globalThis as { IdentityTransformStream?: IdentityStream }).IdentityTransformStream,
): ReadableStream<Uint8Array> {
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  let sent = 0;
  let lastCR = false;
  let events: AsyncIterator<unknown> | undefined;
  let write: (bytes: Uint8Array) => void;

  const put = (bytes: Uint8Array) => {
    write(bytes);
    sent++;
    lastCR = bytes[bytes.byteLength - 1] === CR;
  };
  const emit = (bytes: Uint8Array) => {
    if (source.redactBytes && source.redactBytes(bytes) !== bytes) {
      if (!sent && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) put(bytes.slice(0, 3));
      throw new KeyInStreamError();
    }
    put(bytes);
  };
  const takeHeld = (extra?: Uint8Array, extraBytes = 0): Uint8Array => {
    if (held.length === 1 && !extraBytes) return held[0] as Uint8Array;
    const joined = new Uint8Array(heldBytes + extraBytes);
    let at = 0;
    for (const chunk of held) {
      joined.set(chunk, at);
      at += chunk.byteLength;
    }
    if (extra && extraBytes) joined.set(extra.subarray(0, extraBytes), at);
    return joined;
  };
  // The parser's boundary only moves forward, so `ready` is 0 or reaches past everything held.
  const forward = (bytes: Uint8Array, pending: number) => {
    const ready = heldBytes + bytes.byteLength - pending;
    if (ready <= 0) {
      // Copied: the source may reuse its chunk buffers.
      held.push(bytes.slice());
      heldBytes += bytes.byteLength;
      return;
    }
    const fromChunk = ready - heldBytes;
    const out = heldBytes ? takeHeld(bytes, fromChunk) : fromChunk === bytes.byteLength ? bytes : bytes.subarray(0, fromChunk);
    held = pending ? [bytes.slice(fromChunk)] : [];
    heldBytes = pending;
    emit(out);
  };
  const finish = () => {
    if (heldBytes) emit(takeHeld());
    // After `data: [DONE]\r\n\r` the stream stops reading, so an LF in the next chunk never arrives: without it an
    // SSE client waits for a line end that completes that last event. CR then LF is one line end either way.
    if (lastCR) put(LF);
  };
  const fail = (error: unknown) => {
    const tail = alreadySent(error) && heldBytes ? takeHeld() : undefined;
    held = [];
    heldBytes = 0;
    try {
      if (tail) emit(tail);
      else if (!alreadySent(error)) emit(errorEvent(error));
    } catch (leak) {
      put(errorEvent(leak));
    }
  };

  if (Identity) {
    const { readable, writable } = new Identity();
    const writer = writable.getWriter();
    let last: Promise<void> | undefined;
    let gone = false;
    write = (bytes) => {
      last = writer.write(bytes);
      last.catch(noop);
    };
    const stop = () => {
      gone = true;
      void events?.return?.();
      source.cancel();
    };
    // The reader left (a browser closed the tab): stop reading the upstream at once, not at its next chunk.
    writer.closed.catch(stop);
    events = start(forward);
    const it = events;
    void (async () => {
      try {
        for (;;) {
          const { done } = await it.next();
          // One awaited write per chunk: backpressure, and a rejection when the reader left.
          if (last) await last;
          if (done) break;
        }
        finish();
      } catch (error) {
        if (gone) return;
        fail(error);
      }
      try {
        await last;
        await writer.close();
      } catch {
        stop();
      }
    })();
    return readable;
  }

  return new ReadableStream<Uint8Array>({
    start(controller) {
      write = (bytes) => controller.enqueue(bytes);
      events = start(forward);
    },
    // A pull that enqueues nothing is not called again (WHATWG streams): keep reading until bytes go out.
    async pull(controller) {
      const before = sent;
      try {
        while (sent === before) {
          const { done } = await (events as AsyncIterator<unknown>).next();
          if (!done) continue;
          finish();
          controller.close();
          return;
        }
      } catch (error) {
        fail(error);
        controller.close();
      }
    },
    cancel() {
      void events?.return?.();
      source.cancel();
    },
  });
}
