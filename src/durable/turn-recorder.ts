// Recording one answer (a "turn") and fanning it out: the source is read at its own pace, every event gets
// an id, goes to each attached reader and, in batches, to the log. Readers never slow the source: one that
// falls too far behind is closed (it re-attaches with Last-Event-ID).
import { redactString } from "../redact.js";
import { encodeEvent } from "./event-id.js";
import type { EventLog, LoggedEvent } from "./event-log.js";

/** Options of `createTurnRecorder`. */
export interface TurnRecorderOptions {
  log: EventLog;
  /** This turn's id (no `:`); event ids are `<turn>:<seq>`. */
  turn: string;
  /** Longest a recorded event waits before it is written to the log, in ms (default 250). */
  flushMs?: number;
  /** Pending bytes that trigger a write at once (default 32 KB). */
  flushBytes?: number;
  /** Strings (an API key) replaced by `[redacted]` before an event is stored or sent. */
  secrets?: readonly string[];
  /** Bytes a reader may have unread before it is dropped (default 1 MB). */
  maxReaderLagBytes?: number;
}

/** A turn being recorded: feed it parts, attach readers, await `done`. */
export interface TurnRecorder {
  readonly turn: string;
  /** Events recorded so far (the last id's seq). */
  readonly seq: number;
  /** True once `close` was called: no more events. */
  readonly closed: boolean;
  /** Records one part (any JSON value) as the next event. Ignored after `close`. */
  write(part: unknown): void;
  /** Ends the turn with `data: [DONE]`, closes the readers and flushes the log. */
  close(): Promise<void>;
  /**
   * Reads `source` to its end, writing each part, then closes. The source is never paced by readers.
   * A source that fails ends the turn as it stands (the failure is returned, not thrown).
   */
  record(source: ReadableStream<unknown> | AsyncIterable<unknown>): Promise<unknown>;
  /** The SSE bytes of every event after `afterSeq` (default 0: all), then the live ones until the turn ends. */
  attach(afterSeq?: number): ReadableStream<Uint8Array>;
  /** Resolves when the turn is closed and every event is in the log; rejects if the log failed. */
  readonly done: Promise<void>;
}

const encoder = new TextEncoder();

/**
 * Records a turn's UI message stream parts with ids, fans them out to readers and stores them in
 * `log`, coalesced (one write per `flushMs` or `flushBytes`, not one per token).
 * @example
 * const recorder = createTurnRecorder({ log, turn: "7", secrets: [env.DEEPINFRA_API_KEY] });
 * void recorder.record(toUIMessageStream(stream));
 * return new Response(recorder.attach(), { headers: UI_MESSAGE_STREAM_HEADERS });
 */
export function createTurnRecorder(options: TurnRecorderOptions): TurnRecorder {
  const { log, turn, flushMs = 250, flushBytes = 32_768, secrets = [], maxReaderLagBytes = 1_000_000 } = options;
  if (!turn || turn.includes(":")) throw new TypeError("turn must be a non-empty id without ':'");
  const events: Array<{ seq: number; bytes: Uint8Array }> = [];
  const readers = new Set<ReadableStreamDefaultController<Uint8Array>>();
  let pending: LoggedEvent[] = [];
  let pendingBytes = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writes: Promise<void> = Promise.resolve();
  let seq = 0;
  let closed = false;
  let settle!: { resolve: () => void; reject: (error: unknown) => void };
  const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  // Unhandled only if nobody awaits it; the failure is still reported through `done`.
  done.catch(() => {});

  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    pendingBytes = 0;
    writes = writes.then(() => log.append(turn, batch));
  };

  const push = (data: string) => {
    seq++;
    const bytes = encoder.encode(encodeEvent(turn, seq, data));
    events.push({ seq, bytes });
    for (const reader of readers) send(reader, bytes);
    pending.push({ seq, data });
    pendingBytes += bytes.byteLength;
    if (pendingBytes >= flushBytes) flush();
    else timer ??= setTimeout(flush, flushMs);
  };

  const send = (reader: ReadableStreamDefaultController<Uint8Array>, bytes: Uint8Array) => {
    reader.enqueue(bytes);
    // Too far behind: let it go rather than hold the answer in memory for it (or wait for it).
    if ((reader.desiredSize ?? 0) < 0) drop(reader);
  };

  const drop = (reader: ReadableStreamDefaultController<Uint8Array>) => {
    readers.delete(reader);
    try {
      reader.close();
    } catch {
      // already closed or cancelled
    }
  };

  const recorder: TurnRecorder = {
    turn,
    get seq() {
      return seq;
    },
    get closed() {
      return closed;
    },
    done,
    write(part) {
      if (closed) return;
      push(redactString(JSON.stringify(part) ?? "null", secrets));
    },
    async close() {
      if (!closed) {
        push("[DONE]");
        closed = true;
        for (const reader of [...readers]) drop(reader);
        flush();
        writes.then(settle.resolve, settle.reject);
      }
      return done;
    },
    async record(source) {
      let failure: unknown;
      try {
        for await (const part of source as AsyncIterable<unknown>) recorder.write(part);
      } catch (error) {
        failure = error;
      }
      await recorder.close();
      return failure;
    },
    attach(afterSeq = 0) {
      let self: ReadableStreamDefaultController<Uint8Array>;
      return new ReadableStream<Uint8Array>(
        {
          start(controller) {
            self = controller;
            for (const event of events) if (event.seq > afterSeq) controller.enqueue(event.bytes);
            if (closed) controller.close();
            else readers.add(controller);
          },
          cancel() {
            readers.delete(self);
          },
        },
        new ByteLengthQueuingStrategy({ highWaterMark: maxReaderLagBytes }),
      );
    },
  };
  return recorder;
}
