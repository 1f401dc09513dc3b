// A resumable SSE body for readers such as `ChatStream.fromResponse`: a dropped connection (a read
// TypeError, Safari's "Load failed" included), a stall past the heartbeat, or an end without `[DONE]`
// is a disconnect; it fetches again with Last-Event-ID and drops events it has already passed on.

/** Options of `reconnectingBody`. */
export interface ReconnectOptions {
  /** Fetches the stream again; `lastEventId` is the id of the last whole event passed on (send it as `Last-Event-ID`). */
  retry: (lastEventId: string | undefined) => Promise<Response>;
  /** Silence in ms after which the connection counts as dead (default 15,000; 0 disables). */
  stallMs?: number;
  /** Reconnect attempts in a row without a new event before giving up with the last failure (default 8: about 9 s). */
  maxAttempts?: number;
  /** Wait before reconnect number n (from 1), in ms (default 250 × n). */
  delayMs?: (attempt: number) => number;
}

const encoder = new TextEncoder();
const BOUNDARY = /\r?\n\r?\n/;

/**
 * Wraps an SSE body so reading survives disconnects: pass it as `reconnect` to `ChatStream.fromResponse`.
 * Only whole events are passed on, each at most once.
 * @example
 * const stream = await ChatStream.fromResponse(await fetch("/api/chat", init), {
 *   reconnect: reconnectingBody({ retry: (id) => fetch("/api/chat/stream", { headers: id ? { "last-event-id": id } : {} }) }),
 * });
 */
export function reconnectingBody(options: ReconnectOptions): (body: ReadableStream<Uint8Array>) => ReadableStream<Uint8Array> {
  const { retry, stallMs = 15_000, maxAttempts = 8, delayMs = (n) => 250 * n } = options;
  return (first) => {
    let reader = first.getReader();
    const decoder = new TextDecoder();
    const seen = new Set<string>();
    let lastId: string | undefined;
    let buffer = "";
    let finished = false;
    let attempts = 0;

    /** One read, or "stall" when nothing came for stallMs. */
    const read = (): Promise<ReadableStreamReadResult<Uint8Array> | "stall"> => {
      if (!stallMs) return reader.read();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stall = new Promise<"stall">((resolve) => (timer = setTimeout(() => resolve("stall"), stallMs)));
      return Promise.race([reader.read(), stall]).finally(() => clearTimeout(timer));
    };

    /** Passes on the whole events in the buffer, minus those already passed on; returns how many. */
    const drain = (out: ReadableStreamDefaultController<Uint8Array>) => {
      let sent = 0;
      for (let match = BOUNDARY.exec(buffer); match; match = BOUNDARY.exec(buffer)) {
        const event = buffer.slice(0, match.index);
        buffer = buffer.slice(match.index + match[0].length);
        const id = /^id: ?(.*)$/m.exec(event)?.[1];
        if (id !== undefined) {
          if (seen.has(id)) continue;
          seen.add(id);
          lastId = id;
        }
        if (/^data: ?\[DONE\]$/m.test(event)) finished = true;
        attempts = 0;
        sent++;
        out.enqueue(encoder.encode(`${event}\n\n`));
      }
      return sent;
    };

    const reconnect = async (failure: unknown): Promise<boolean> => {
      void reader.cancel().catch(() => undefined);
      for (;;) {
        if (++attempts > maxAttempts) throw failure;
        await new Promise((resolve) => setTimeout(resolve, delayMs(attempts)));
        let response: Response;
        try {
          response = await retry(lastId);
        } catch (error) {
          // Still offline: fetch itself fails with a TypeError; try again after the next delay.
          if (!(error instanceof TypeError)) throw error;
          failure = error;
          continue;
        }
        // Nothing more to resume (204), or the server gave up on this stream: the end.
        if (response.status === 204 || !response.body) return false;
        if (!response.ok) throw failure;
        // A partial event from the dropped connection is never completed by the new one.
        buffer = "";
        reader = response.body.getReader();
        return true;
      }
    };

    return new ReadableStream<Uint8Array>({
      async pull(out) {
        for (;;) {
          let result: Awaited<ReturnType<typeof read>> | TypeError;
          try {
            result = await read();
          } catch (error) {
            // Browsers report a dropped connection as a TypeError ("network error", "Load failed"); anything else is not ours to retry.
            if (!(error instanceof TypeError)) throw error;
            result = error;
          }
          if (finished && (result === "stall" || result instanceof TypeError || result.done)) return out.close();
          if (result === "stall" || result instanceof TypeError || result.done) {
            const failure = result instanceof TypeError ? result : new TypeError(result === "stall" ? "The stream stalled." : "The stream ended before [DONE].");
            if (!(await reconnect(failure))) return out.close();
            continue;
          }
          buffer += decoder.decode(result.value, { stream: true });
          if (drain(out)) return;
        }
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    });
  };
}
