// createSqliteEventLog over a real Durable Object's ctx.storage.sql (workerd through Miniflare): batches as
// rows, reads after a seq across rows, rows split under the size cap, removal, and events surviving a restart.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./worker-harness.js";

const SCRIPT = `
import { DurableObject } from "cloudflare:workers";
import { createSqliteEventLog } from "./src/durable/sqlite-event-log.ts";
export class Log extends DurableObject {
  async fetch(request) {
    const log = createSqliteEventLog(this.ctx.storage.sql, { maxRowBytes: 2000 });
    const url = new URL(request.url);
    const turn = url.searchParams.get("turn");
    if (request.method === "POST") log.append(turn, await request.json());
    if (request.method === "DELETE") log.remove(turn);
    const rows = this.ctx.storage.sql.exec("SELECT turn, first_seq, last_seq FROM event_log ORDER BY turn, first_seq").toArray();
    return Response.json({ events: log.read(turn, Number(url.searchParams.get("after") ?? 0)), rows });
  }
}
export default { fetch: (request, env) => env.LOG.get(env.LOG.idFromName("one")).fetch(request) };`;

let script: string;
let dir: string;
const start = () =>
  new Miniflare({
    modules: [{ type: "ESModule", path: "index.js", contents: script }],
    compatibilityDate: "2026-04-01",
    durableObjects: { LOG: { className: "Log", useSQLite: true } },
    durableObjectsPersist: dir,
  });
type Answer = { events: Array<{ seq: number; data: string }>; rows: Array<{ turn: string; first_seq: number; last_seq: number }> };
const call = async (mf: Miniflare, query: string, init?: { method: string; body?: string }) => (await (await mf.dispatchFetch(`http://x/?${query}`, init)).json()) as Answer;
const events = (from: number, to: number, size = 10) => Array.from({ length: to - from + 1 }, (_, i) => ({ seq: from + i, data: JSON.stringify({ delta: "x".repeat(size), n: from + i }) }));

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "durable-log-"));
  const result = await build({ stdin: { contents: SCRIPT, resolveDir: ROOT, loader: "js" }, bundle: true, format: "esm", platform: "browser", external: ["cloudflare:*"], write: false, logLevel: "silent" });
  script = result.outputFiles[0]!.text;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("createSqliteEventLog in a Durable Object", () => {
  it("stores a batch per row, reads after a seq across rows, splits big batches, and survives a restart", async () => {
    let mf = start();
    try {
      let answer = await call(mf, "turn=1", { method: "POST", body: JSON.stringify(events(1, 5)) });
      answer = await call(mf, "turn=1", { method: "POST", body: JSON.stringify(events(6, 8)) });
      expect(answer.rows).toEqual([
        { turn: "1", first_seq: 1, last_seq: 5 },
        { turn: "1", first_seq: 6, last_seq: 8 },
      ]);
      expect(answer.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect((await call(mf, "turn=1&after=4")).events).toEqual(events(5, 8));
      // 300-char events under a 2,000-byte row cap: split, every event kept once, in order.
      answer = await call(mf, "turn=2", { method: "POST", body: JSON.stringify(events(1, 10, 300)) });
      expect(answer.rows.filter((r) => r.turn === "2").length).toBeGreaterThan(2);
      expect(answer.events).toEqual(events(1, 10, 300));
    } finally {
      await mf.dispose();
    }
    mf = start();
    try {
      expect((await call(mf, "turn=1&after=6")).events).toEqual(events(7, 8));
      const answer = await call(mf, "turn=1", { method: "DELETE" });
      expect(answer.events).toEqual([]);
      expect(answer.rows.every((r) => r.turn === "2")).toBe(true);
    } finally {
      await mf.dispose();
    }
  });
});
