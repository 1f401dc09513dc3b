import type { ByteSource } from "../body-reader.js";

/** workerd's native pass-through stream: bytes written to it reach the client without a JS `pull()` per chunk. */
type IdentityStream = new () => TransformStream<Uint8Array, Uint8Array>;

const CR = 13;
// Everything that fails a stream is an Error: the SDK's typed errors, a parser's, a scrubber's.
const errorEvent = ({ message, name }: Error): Uint8Array => new TextEncoder().encode(`event: error\ndata: ${JSON.stringify({ error: { message, type: name } })}\n\n`);

/**
 * The SSE bytes of a stream as a `ReadableStream`, complete events only, byte for byte. Fails closed: a run of
 * complete events that holds the key, or a piece of it, in any JSON escaping, is dropped whole and the stream ends
 * with one `event: error` (`KeyInStreamError`); a leading BOM still goes out first. An unfinished event's bytes are
 * held as a list of chunks and copied once, when the event completes: concatenating on every chunk would be
 * quadratic in the event's size. On workerd the bytes are written into the native `IdentityTransformStream`.
 */
export function relay(
  /** Closes the upstream and throws on bytes that hold the key. */
  source: Pick<ByteSource, "cancel" | "check">,
  /** Starts the stream's one read; `onBytes` sees each chunk and how many of its last bytes are an unfinished event. Each `next()` reads once. */
  start: (onBytes: (bytes: Uint8Array, pending: number) => void) => AsyncIterator<unknown>,
  /** True for a failure that was an upstream `event: error`, whose bytes were already forwarded. */
  alreadySent: (error: unknown) => boolean,
  /** The native pass-through stream, when the runtime has one (a parameter so tests can take the other path). */
  Identity = (globalThis as { IdentityTransformStream?: IdentityStream }).IdentityTransformStream,
): ReadableStream<Uint8Array> {
  // One writer for both: workerd's native stream where there is one, else a JS identity TransformStream.
  const { readable, writable } = new (Identity ?? TransformStream<Uint8Array, Uint8Array>)();
  const writer = writable.getWriter();
  let last: Promise<void> | undefined;
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  let lastCR = false;

  const put = (bytes: Uint8Array) => {
    (last = writer.write(bytes)).catch(() => {});
    lastCR = bytes[bytes.length - 1] === CR;
  };
  const emit = (bytes: Uint8Array) => {
    try {
      source.check?.(bytes);
    } catch (leak) {
      if (!last && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) put(bytes.slice(0, 3));
      throw leak;
    }
    put(bytes);
  };
  // An unfinished event's bytes wait here as copies (the source may reuse its chunk buffers), joined once it completes.
  const join = (): Uint8Array => {
    if (held.length === 1) return held[0] as Uint8Array;
    const joined = new Uint8Array(held.reduce((n, chunk) => n + chunk.length, 0));
    let at = 0;
    for (const chunk of held) joined.set(chunk, (at += chunk.length) - chunk.length);
    return joined;
  };
  // `pending` counts from the parser's last boundary, which only moves forward: past everything held, or not at all.
  const forward = (bytes: Uint8Array, pending: number) => {
    const size = bytes.length;
    const cut = size - Math.min(pending, size);
    if (pending < heldBytes + size) {
      held.push(bytes.subarray(0, cut));
      const out = join();
      held = [];
      heldBytes = 0;
      emit(out);
    }
    if (cut < size) {
      held.push(bytes.slice(cut));
      heldBytes += size - cut;
    }
  };
  const finish = () => {
    if (heldBytes) emit(join());
    // After `data: [DONE]\r\n\r` the stream stops reading, so an LF in the next chunk never arrives: without it an
    // SSE client waits for a line end that completes that last event. CR then LF is one line end either way.
    if (lastCR) put(new Uint8Array([10]));
  };
  const fail = (error: unknown) => {
    const tail = alreadySent(error) && heldBytes ? join() : undefined;
    held = [];
    heldBytes = 0;
    try {
      if (tail) emit(tail);
      else if (!alreadySent(error)) emit(errorEvent(error as Error));
    } catch (leak) {
      put(errorEvent(leak as Error));
    }
  };

  const stop = () => {
    void events.return?.();
    source.cancel();
  };
  // The reader left (a browser closed the tab): stop reading the upstream at once, not at its next chunk.
  writer.closed.catch(stop);
  const events = start(forward);
  void (async () => {
    try {
      for (;;) {
        const { done } = await events.next();
        // One awaited write per chunk: backpressure, and a rejection when the reader left.
        await last;
        if (done) break;
      }
      finish();
    } catch (error) {
      // When the reader left, this writes nowhere and the close below fails into stop() again: both are idempotent.
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
