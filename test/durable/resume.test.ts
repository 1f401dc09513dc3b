// resumeResponse: replay without Last-Event-ID, a tail after one, the whole turn for an id of another turn,
// a finished turn from the log alone (another instance, a restart), 204 when there is nothing.
import { describe, expect, it } from "vitest";
import { createMemoryEventLog, createTurnRecorder, resumeResponse } from "../../src/durable/index.js";

async function finishedTurn(turn: string, n: number) {
  const log = createMemoryEventLog();
  const recorder = createTurnRecorder({ log, turn });
  for (let i = 0; i < n; i++) recorder.write({ type: "text-delta", id: "1", delta: String(i) });
  await recorder.close();
  return { log, recorder };
}
const ids = (text: string) => [...text.matchAll(/^id: (.*)$/gm)].map((m) => m[1]);

describe("resumeResponse", () => {
  it("answers 204 when there is no turn", async () => {
    const res = await resumeResponse({ turn: undefined, log: createMemoryEventLog() }, null);
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
  });

  it("replays the whole turn from the log with the UI stream headers", async () => {
    const { log } = await finishedTurn("2", 3);
    const res = await resumeResponse({ turn: "2", log }, null);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-vercel-ai-ui-message-stream")).toBe("v1");
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    expect(ids(await res.text())).toEqual(["2:1", "2:2", "2:3", "2:4"]);
  });

  it("gives only later events after Last-Event-ID, and the whole turn for an id of another turn", async () => {
    const { log } = await finishedTurn("2", 3);
    expect(ids(await (await resumeResponse({ turn: "2", log }, "2:2")).text())).toEqual(["2:3", "2:4"]);
    expect(ids(await (await resumeResponse({ turn: "2", log }, "1:9")).text())).toEqual(["2:1", "2:2", "2:3", "2:4"]);
    expect(ids(await (await resumeResponse({ turn: "2", log }, "garbage")).text())).toEqual(["2:1", "2:2", "2:3", "2:4"]);
    expect((await resumeResponse({ turn: "2", log }, "2:4")).status).toBe(204);
  });

  it("tails a running turn live from its recorder", async () => {
    const log = createMemoryEventLog();
    const recorder = createTurnRecorder({ log, turn: "5" });
    recorder.write({ type: "start" });
    recorder.write({ type: "text-delta", id: "1", delta: "a" });
    const res = await resumeResponse({ turn: "5", recorder, log }, "5:1");
    recorder.write({ type: "text-delta", id: "1", delta: "b" });
    await recorder.close();
    const body = await res.text();
    expect(ids(body)).toEqual(["5:2", "5:3", "5:4"]);
    expect(body).toContain('"delta":"b"');
  });
});
