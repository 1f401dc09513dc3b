import type { EventLog, LoggedEvent } from "./event-log.js";

/** The part of a Durable Object's `ctx.storage.sql` this log uses (no Cloudflare import needed). */
export interface SqlStorageLike {
  /** Runs one statement with `?` bindings; its cursor's rows as plain objects. */
  exec(query: string, ...bindings: unknown[]): SqlCursorLike;
}

/** What `SqlStorageLike.exec` returns: a cursor whose rows this log reads at once. */
export interface SqlCursorLike {
  /** Every row of the result. */
  toArray(): Array<Record<string, unknown>>;
}

/** Options of `createSqliteEventLog`. */
export interface SqliteEventLogOptions {
  /** Table name (default `event_log`): letters, digits and `_`. */
  table?: string;
  /** Largest row in bytes of event text (default 512 KB): Durable Object SQLite refuses rows over 2 MB. */
  maxRowBytes?: number;
}

/**
 * An `EventLog` over SQLite: a Durable Object's `ctx.storage.sql`, or any driver with the same `exec`.
 * Each `append` is one row per batch (not one per token), split only when a batch nears the row limit.
 * @example
 * const log = createSqliteEventLog(ctx.storage.sql);
 */
export function createSqliteEventLog(sql: SqlStorageLike, options: SqliteEventLogOptions = {}): EventLog {
  const table = options.table ?? "event_log";
  if (!/^\w+$/.test(table)) throw new TypeError(`table must be letters, digits and _ (was ${JSON.stringify(table)})`);
  const maxRowBytes = options.maxRowBytes ?? 512_000;
  sql.exec(`CREATE TABLE IF NOT EXISTS ${table} (turn TEXT NOT NULL, first_seq INTEGER NOT NULL, last_seq INTEGER NOT NULL, events TEXT NOT NULL, PRIMARY KEY (turn, first_seq))`);
  const insert = (turn: string, rows: LoggedEvent[]) => {
    if (rows.length) sql.exec(`INSERT INTO ${table} (turn, first_seq, last_seq, events) VALUES (?, ?, ?, ?)`, turn, rows[0]!.seq, rows[rows.length - 1]!.seq, JSON.stringify(rows.map((e) => [e.seq, e.data])));
  };
  return {
    append(turn, events) {
      let row: LoggedEvent[] = [];
      let bytes = 0;
      for (const event of events) {
        // UTF-16 length × 3 bounds the UTF-8 bytes without encoding.
        const size = event.data.length * 3 + 16;
        if (row.length && bytes + size > maxRowBytes) {
          insert(turn, row);
          row = [];
          bytes = 0;
        }
        row.push(event);
        bytes += size;
      }
      insert(turn, row);
    },
    read(turn, afterSeq = 0) {
      const out: LoggedEvent[] = [];
      for (const row of sql.exec(`SELECT events FROM ${table} WHERE turn = ? AND last_seq > ? ORDER BY first_seq`, turn, afterSeq).toArray()) {
        for (const [seq, data] of JSON.parse(String(row.events)) as Array<[number, string]>) if (seq > afterSeq) out.push({ seq, data });
      }
      return out;
    },
    remove(turn) {
      sql.exec(`DELETE FROM ${table} WHERE turn = ?`, turn);
    },
  };
}
