// createTurnRecorder: ids on every event, identical bytes for every reader, tails after an id, coalesced log
// writes, the key redacted before storing or sending, slow readers dropped without slowing the source.
import { describe, expect, it } from "vitest";
import { createMemoryEventLog, createTurnRecorder, type EventLog, type LoggedEvent } from "../../src/durable/index.js";

const text = (stream: ReadableStream<Uint8Array>) => new Response(stream).text();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A memory log that also counts its append calls (one per coalesced batch). */
function countingLog(): EventLog & { batches: LoggedEvent[][] } {
  const inner = createMemoryEventLog();
  const batches: LoggedEvent[][] = [];
  return { batches, append: (turn, events) => (batches.push([...events]), inner.append(turn, events)), read: inner.read, remove: inner.remove };
}

function streamOf<T>(items: T[]): ReadableStream<T> {
  return new ReadableStream({
    start(controller) {
      for (const item of items) controller.enqueue(item);
      controller.close();
    },
  });
}

function parts(n: number) {
  return Array.from({ length: n }, (_, i) => ({ type: "text-delta", id: "1", delta: `t${i} ` }));
}

describe("createTurnRecorder", () => {
  it("gives every event an id <turn>:<seq> and ends with [DONE]", async () => {
    const log = createMemoryEventLog();
    const recorder = createTurnRecorder({ log, turn: "3" });
    const reader = recorder.attach();
    expect(await recorder.record(streamOf(parts(2)))).toBeUndefined();
    expect(await text(reader)).toBe(
      'id: 3:1\ndata: {"type":"text-delta","id":"1","delta":"t0 "}\n\n' + 'id: 3:2\ndata: {"type":"text-delta","id":"1","delta":"t1 "}\n\n' + "id: 3:3\ndata: [DONE]\n\n",
    );
    expect((await log.read("3")).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it("sends identical bytes to readers attached at different times, and only later events after an id", async () => {
    const recorder = createTurnRecorder({ log: createMemoryEventLog(), turn: "t" });
    const early = recorder.attach();
    for (const part of parts(5)) recorder.write(part);
    const late = recorder.attach();
    const tail = recorder.attach(4);
    for (const part of parts(3)) recorder.write(part);
    await recorder.close();
    const [a, b, c] = await Promise.all([text(early), text(late), text(tail)]);
    expect(a).toBe(b);
    expect(c.startsWith("id: t:5\n")).toBe(true);
    expect(a.endsWith(c)).toBe(true);
    expect(c.match(/^id: /gm)).toHaveLength(5);
  });

  it("coalesces log writes: one batch per flush interval, not a row per token", async () => {
    const log = countingLog();
    const recorder = createTurnRecorder({ log, turn: "c", flushMs: 30 });
    for (const part of parts(200)) recorder.write(part);
    expect(log.batches).toHaveLength(0);
    await sleep(60);
    expect(log.batches).toHaveLength(1);
    expect(log.batches[0]).toHaveLength(200);
    for (const part of parts(10)) recorder.write(part);
    await recorder.close();
    expect(log.batches.map((b) => b.length)).toEqual([200, 11]);
  });

  it("writes at once when pending bytes pass flushBytes", async () => {
    const log = countingLog();
    const recorder = createTurnRecorder({ log, turn: "b", flushMs: 60_000, flushBytes: 500 });
    for (const part of parts(40)) recorder.write(part);
    await sleep(0);
    expect(log.batches.length).toBeGreaterThanOrEqual(3);
    expect(log.batches.flat().map((e) => e.seq)).toEqual(Array.from({ length: log.batches.flat().length }, (_, i) => i + 1));
    await recorder.close();
    expect(log.batches.flat()).toHaveLength(41);
  });

  it("redacts the key before an event is stored or sent", async () => {
    const key = "sk-test-secret-0123456789";
    const log = createMemoryEventLog();
    const recorder = createTurnRecorder({ log, turn: "k", secrets: [key] });
    const reader = recorder.attach();
    recorder.write({ type: "error", errorText: `bad key ${key}` });
    await recorder.close();
    const sent = await text(reader);
    const stored = JSON.stringify(await log.read("k"));
    expect(sent).toContain("bad key [redacted]");
    expect(stored).toContain("bad key [redacted]");
    expect(sent + stored).not.toContain(key);
  });

  it("drops a reader that falls behind, without slowing the source; it may re-attach after its last id", async () => {
    const recorder = createTurnRecorder({ log: createMemoryEventLog(), turn: "s", maxReaderLagBytes: 1_000 });
    const slow = recorder.attach().getReader();
    // The source is read to its end while `slow` reads nothing.
    await recorder.record(streamOf(parts(100)));
    // Everything, replayed once the turn ended.
    const all = await text(recorder.attach());
    let got = "";
    for (;;) {
      const { done, value } = await slow.read();
      if (done) break;
      got += new TextDecoder().decode(value);
    }
    // Closed at a whole event, well before the end.
    expect(got.endsWith("\n\n")).toBe(true);
    expect(got.length).toBeLessThan(all.length / 2);
    expect(all.startsWith(got)).toBe(true);
    const last = Number(/id: s:(\d+)\n[^\n]*\n\n$/.exec(got)![1]);
    expect(got + (await text(recorder.attach(last)))).toBe(all);
  });

  it("ends the turn with what was recorded when the source fails, and returns the failure", async () => {
    const recorder = createTurnRecorder({ log: createMemoryEventLog(), turn: "f" });
    let pulls = 0;
    const failing = new ReadableStream({
      pull(controller) {
        if (pulls++ === 0) controller.enqueue({ type: "text-delta", id: "1", delta: "partial" });
        else controller.error(new Error("upstream gone"));
      },
    });
    const failure = await recorder.record(failing);
    expect((failure as Error).message).toBe("upstream gone");
    expect(await text(recorder.attach())).toBe('id: f:1\ndata: {"type":"text-delta","id":"1","delta":"partial"}\n\nid: f:2\ndata: [DONE]\n\n');
  });

  it("refuses a turn id holding ':'", () => {
    expect(() => createTurnRecorder({ log: createMemoryEventLog(), turn: "a:b" })).toThrow(TypeError);
  });
});
