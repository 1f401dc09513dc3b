// Hand-written: no SSE parser is among the allowed runtime deps, and this is the SDK's hottest path.
import { EventTooLargeError } from "../errors/stream.js";

/** One server-sent event (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation). */
export interface SSEEvent {
  /** Value of the last `event:` field, or "" when the event had none. */
  event: string;
  /** `data:` lines joined with "\n" (spec). */
  data: string;
  /** Last `id:` field seen for this event, if any. */
  id?: string;
}

/** A byte-level SSE parser: feed it body bytes as they arrive, it calls back once per complete event. */
export interface SSEParser {
  /** Feed the next bytes of the body; calls onEvent synchronously for each complete event. */
  feed(chunk: Uint8Array): void;
  /** Body ended: process a final unterminated line and dispatch a pending event (lenient: some servers omit the last blank line). */
  end(): void;
  /** Bytes fed since the last blank line: the part of the body not yet closed into an event. */
  readonly pendingBytes: number;
}

const LF = 10;
const CR = 13;

/** The default cap on one line or event: far above any real chunk, far below a Worker isolate's 128 MB. */
export const DEFAULT_MAX_EVENT_BYTES = 2 ** 23;

/** Options of `createSSEParser`. */
export interface SSEParserOptions {
  /** Largest single line or event in bytes (default 8 MiB); past it `feed` throws `EventTooLargeError`. */
  maxEventBytes?: number;
}

// One decoder for every parser: we only decode complete lines (or whole chunks whose bytes are each one character),
// so no streaming state is needed. ignoreBOM keeps a U+FEFF that starts a value; only the stream-start BOM is dropped.
const decoder = /* @__PURE__ */ new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * Creates a WHATWG-conformant SSE parser over bytes: only complete lines are decoded (so a multibyte
 * character split across chunks is never garbled), CR, LF and CRLF all end a line, comments are skipped.
 * @example
 * const parser = createSSEParser((event) => console.log(event.data));
 * for await (const bytes of response.body) parser.feed(bytes);
 * parser.end();
 */
export function createSSEParser(onEvent: (event: SSEEvent) => void, options: SSEParserOptions = {}): SSEParser {
  const maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
  // Bytes of a line that spans chunks; grown by doubling so byte-at-a-time feeds stay linear.
  let tail = new Uint8Array(0);
  let tailLen = 0;
  // The previous chunk ended in CR: an LF opening the next chunk completes that same line end.
  let skipLF = false;
  let atStart = true;
  let data = "";
  let hasData = false;
  let eventType = "";
  let id: string | undefined;
  // Absolute byte offsets: how much was fed, and where the last blank line ended.
  let fed = 0;
  let boundary = 0;

  function append(src: Uint8Array, from: number, to: number): void {
    const need = tailLen + (to - from);
    if (need > tail.length) {
      const grown = new Uint8Array(Math.max(need, tail.length * 2, 256));
      grown.set(tail.subarray(0, tailLen));
      tail = grown;
    }
    // Copy, never keep a view: callers may reuse their chunk buffers.
    tail.set(src.subarray(from, to), tailLen);
    tailLen = need;
  }

  function dispatch(): void {
    if (hasData) {
      const ev: SSEEvent = { event: eventType, data };
      if (id !== undefined) ev.id = id;
      onEvent(ev);
    }
    // Spec: a blank line resets the buffers even when nothing was dispatched.
    data = "";
    hasData = false;
    eventType = "";
    id = undefined;
  }

  // Handles one complete line (terminator excluded); true for a blank line.
  function line(text: string): boolean {
    if (atStart) {
      atStart = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (!text) {
      dispatch();
      return true;
    }
    const colon = text.indexOf(":");
    if (colon === 0) return false; // comment / keep-alive
    // No colon: the whole line is the field name, with an empty value.
    const name = colon < 0 ? text : text.slice(0, colon);
    const value = colon < 0 ? "" : text.slice(text.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1);
    if (name === "data") {
      // Avoid string concatenation for the usual single data line.
      data = hasData ? data + "\n" + value : value;
      hasData = true;
    }
    else if (name === "event") eventType = value;
    else if (name === "id") {
      if (!value.includes("\0")) id = value;
    }
    // "retry" and unknown fields are ignored.
    return false;
  }

  return {
    get pendingBytes(): number {
      return fed - boundary;
    },
    feed(chunk: Uint8Array): void {
      const n = chunk.length;
      if (n === 0) return;
      const base = fed;
      fed += n;
      let pos = 0;
      if (skipLF) {
        skipLF = false;
        if (chunk[0] === LF) pos = 1;
      }
      // Cache the next LF/CR positions: re-searching both per line would be quadratic
      // when one terminator kind never occurs. -1 = none left in this chunk.
      let lf = -2;
      let cr = -2;
      // One decode per chunk: when every byte became one character (ASCII, as JSON chunks nearly always are), byte
      // offsets are string offsets and lines are cut from that one string; otherwise each line is decoded alone.
      let whole: string | undefined;
      const text = (from: number, to: number): string =>
        (whole ??= decoder.decode(chunk)).length === n ? whole.slice(from, to) : decoder.decode(chunk.subarray(from, to));
      while (pos < n) {
        if (lf !== -1 && lf < pos) lf = chunk.indexOf(LF, pos);
        if (cr !== -1 && cr < pos) cr = chunk.indexOf(CR, pos);
        const end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
        if (end === -1) break;
        let blank: boolean;
        if (tailLen > 0) {
          append(chunk, pos, end);
          const len = tailLen;
          tailLen = 0; // reset first so a throwing onEvent can't replay the line
          blank = line(decoder.decode(tail.subarray(0, len)));
        } else {
          blank = line(text(pos, end));
        }
        pos = end + 1;
        if (end === cr) {
          if (pos === n) skipLF = true;
          else if (chunk[pos] === LF) pos++;
        }
        if (blank) boundary = base + pos;
      }
      // One cap bounds both a line with no end and an event with no blank line (what a relay must hold),
      // checked before the unfinished rest is copied.
      if (fed - boundary > maxEventBytes) {
        tailLen = 0;
        throw new EventTooLargeError(maxEventBytes);
      }
      if (pos < n) append(chunk, pos, n);
    },
    end(): void {
      skipLF = false;
      if (tailLen > 0) {
        const len = tailLen;
        tailLen = 0;
        line(decoder.decode(tail.subarray(0, len)));
      }
      dispatch();
    },
  };
}
