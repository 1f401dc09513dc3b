/** One recorded event: its position in the turn and its `data:` payload (a JSON part, or `[DONE]`). */
export interface LoggedEvent {
  seq: number;
  data: string;
}

/**
 * Where a turn's events are kept so a reader can resume after a reload, another instance or a restart.
 * Methods may answer synchronously (SQLite in a Durable Object, memory) or with a promise (anything else).
 */
export interface EventLog {
  /** Stores a batch of events of `turn`, in order (seq ascending, after every stored one). */
  append(turn: string, events: readonly LoggedEvent[]): void | Promise<void>;
  /** The events of `turn` after `afterSeq` (default 0: all), in order. */
  read(turn: string, afterSeq?: number): readonly LoggedEvent[] | Promise<readonly LoggedEvent[]>;
  /** Forgets `turn`'s events (a finished turn's message is stored elsewhere). */
  remove(turn: string): void | Promise<void>;
}

/**
 * An `EventLog` in memory: for a single Node, Deno or Bun server (events live as long as the process),
 * and for tests.
 * @example
 * const log = createMemoryEventLog();
 * const recorder = createTurnRecorder({ log, turn: "1" });
 */
export function createMemoryEventLog(): EventLog {
  const turns = new Map<string, LoggedEvent[]>();
  return {
    append(turn, events) {
      const list = turns.get(turn) ?? [];
      turns.set(turn, list);
      for (const event of events) list.push({ seq: event.seq, data: event.data });
    },
    read(turn, afterSeq = 0) {
      return (turns.get(turn) ?? []).filter((event) => event.seq > afterSeq);
    },
    remove(turn) {
      turns.delete(turn);
    },
  };
}
