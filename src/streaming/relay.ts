import type { ByteSource } from "../body-reader.js";

/**
 * The SSE bytes of a stream as a `ReadableStream`, complete events only, byte for byte but for the
 * scrubbed key. An unfinished event's bytes are held as a list of chunks and copied once, when the
 * event completes: concatenating on every chunk would be quadratic in the event's size.
 */
export function relay(
  /** Closes the upstream and scrubs the key from a run of complete events. */
  source: Pick<ByteSource, "cancel" | "redactBytes">,
  /** Starts the stream's one read; `onBytes` sees each chunk and how many of its last bytes are an unfinished event. */
  start: (onBytes: (bytes: Uint8Array, pending: number) => void) => AsyncIterator<unknown>,
  /** True for a failure that was an upstream `event: error`, whose bytes were already forwarded. */
  alreadySent: (error: unknown) => boolean,
): ReadableStream<Uint8Array> {
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  let sent = 0;
  let events: AsyncIterator<unknown> | undefined;
  let out: ReadableStreamDefaultController<Uint8Array>;

  const emit = (bytes: Uint8Array) => {
    out.enqueue(source.redactBytes ? source.redactBytes(bytes) : bytes);
    sent++;
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
    emit(heldBytes ? takeHeld(bytes, fromChunk) : fromChunk === bytes.byteLength ? bytes : bytes.subarray(0, fromChunk));
    held = pending ? [bytes.slice(fromChunk)] : [];
    heldBytes = pending;
  };

  return new ReadableStream<Uint8Array>({
    start(controller) {
      out = controller;
      events = start(forward);
    },
    // A pull that enqueues nothing is not called again (WHATWG streams): keep reading until bytes go out.
    async pull(controller) {
      try {
        const before = sent;
        while (sent === before) {
          const { done } = await (events as AsyncIterator<unknown>).next();
          if (!done) continue;
          if (heldBytes) emit(takeHeld());
          controller.close();
          return;
        }
      } catch (error) {
        if (alreadySent(error)) {
          if (heldBytes) emit(takeHeld());
        } else {
          const name = error instanceof Error ? error.name : "DeepInfraError";
          const message = error instanceof Error ? error.message : String(error);
          emit(new TextEncoder().encode(`event: error\ndata: ${JSON.stringify({ error: { message, type: name } })}\n\n`));
        }
        held = [];
        heldBytes = 0;
        controller.close();
      }
    },
    cancel() {
      void events?.return?.();
      source.cancel();
    },
  });
}
