/** Where an SSE event sits: the turn it belongs to and its 1-based position in that turn. */
export interface EventPosition {
  turn: string;
  seq: number;
}

/** The `id:` of an event: `<turn>:<seq>`, so a `Last-Event-ID` from an earlier turn is recognised as such. */
export function formatEventId(turn: string, seq: number): string {
  return `${turn}:${seq}`;
}

/** Reads a `Last-Event-ID` value; undefined for anything this module did not write. */
export function parseEventId(value: string | null | undefined): EventPosition | undefined {
  if (!value) return undefined;
  const at = value.lastIndexOf(":");
  const seq = Number(value.slice(at + 1));
  if (at < 1 || !Number.isSafeInteger(seq) || seq < 0) return undefined;
  return { turn: value.slice(0, at), seq };
}

/** One SSE event as sent: `id:` line, one `data:` line (JSON has no raw newline), blank line. */
export function encodeEvent(turn: string, seq: number, data: string): string {
  return `id: ${formatEventId(turn, seq)}\ndata: ${data}\n\n`;
}
