// A Miniflare restart over persisted Durable Object storage in the middle of a turn: the turn is
// `interrupted`, its partial answer kept, its stream ended, and nothing is sent upstream again.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { newTestId, recordedRequests } from "../helpers.js";
import { browser, idEvents, readThenLeave, slowAnswer, textOf, wordsOf } from "./durable-harness.js";
import { FAKE_KEY, bundleWorker, startTaggingProxy, startWorker, type TaggingProxy, type WorkerHandle } from "./worker-harness.js";

let proxy: TaggingProxy;
let script: string;
let dir: string;
let worker: WorkerHandle | undefined;
const vars = () => ({ DEEPINFRA_API_KEY: FAKE_KEY, DEEPINFRA_BASE_URL: proxy.url, RATE_LIMIT_REQUESTS: "1000" });

beforeAll(async () => {
  proxy = await startTaggingProxy(`http://127.0.0.1:${inject("upstreamPort")}`);
  script = await bundleWorker();
  dir = mkdtempSync(path.join(os.tmpdir(), "durable-restart-"));
});
afterAll(async () => {
  await worker?.close();
  await proxy?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("a restart mid-turn", () => {
  it("leaves the turn interrupted with its partial answer, and sends nothing again", async () => {
    worker = await startWorker(script, vars(), { persist: dir });
    const visitor = browser(worker.origin);
    const testId = newTestId();
    proxy.tag(testId, slowAnswer(120, 40));
    const leave = new AbortController();
    const seen = await readThenLeave(await visitor.say("r1", "q1", "Tell me a long story", leave.signal), 20, leave);
    expect(textOf(seen).length, JSON.stringify(seen)).toBeGreaterThan(0);
    // The events of the first quarter second are in storage by now (250 ms coalescing); then workerd dies.
    await new Promise((r) => setTimeout(r, 400));
    await worker.close();
    worker = await startWorker(script, vars(), { persist: dir });
    const again = browser(worker.origin);
    again.cookie = visitor.cookie;
    const history = (await (await again.messages("r1")).json()) as { messages: Array<{ id: string; role: string; parts: Array<{ type: string; text: string }>; metadata?: { status: string } }> };
    expect(history.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
    expect(history.messages[0]!.parts).toEqual([{ type: "text", text: "Tell me a long story" }]);
    const answer = history.messages[1]!;
    expect(answer.metadata).toEqual({ status: "interrupted" });
    const partial = answer.parts.find((p) => p.type === "text")!.text;
    expect(partial.length).toBeGreaterThanOrEqual(textOf(seen).length);
    expect(wordsOf(120).startsWith(partial)).toBe(true);
    expect(partial.length).toBeLessThan(wordsOf(120).length);
    // The stream replays what was stored and ends (abort, [DONE]); a reader is not left hanging.
    const replay = idEvents(await (await again.stream("r1")).text());
    expect(textOf(replay)).toBe(partial);
    expect(replay.slice(-2).map((e) => e.data)).toEqual(['{"type":"abort"}', "[DONE]"]);
    // Still one upstream request, a while after the restart.
    await new Promise((r) => setTimeout(r, 300));
    expect(await recordedRequests(testId)).toHaveLength(1);
  });
});

/** Every file under `root`, recursively. */
function filesUnder(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const file = path.join(root, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

describe("what a chat stores", () => {
  it("never holds the key, even when the upstream echoes it into the answer", async () => {
    worker ??= await startWorker(script, vars(), { persist: dir });
    const visitor = browser(worker.origin);
    const echo = (text: string) => `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: text } }] })}\n\n`;
    proxy.tag(newTestId(), { body: echo("Your header was {{authorization}}. ") + echo("Bye.") + "data: [DONE]\n\n", echoAuthPlaceholders: true });
    const answer = idEvents(await (await visitor.say("k1", "q", "What did you get?")).text());
    // The SDK ends a stream at the first event that holds the key (KeyInStreamError): no piece of it reaches the answer.
    expect(JSON.stringify(answer)).not.toContain(FAKE_KEY.slice(0, 8));
    expect(textOf(answer)).not.toContain("Your header was");
    const history = await (await visitor.messages("k1")).text();
    expect(history).not.toContain(FAKE_KEY.slice(0, 8));
    await worker.close();
    worker = undefined;
    const stored = filesUnder(dir);
    expect(stored.some((file) => file.endsWith(".sqlite"))).toBe(true);
    for (const file of stored) {
      const bytes = readFileSync(file);
      expect(bytes.includes(FAKE_KEY), file).toBe(false);
      expect(bytes.includes(FAKE_KEY.slice(0, 12)), file).toBe(false);
    }
    // The chat itself was stored, so the scan above looked at real rows.
    expect(stored.some((file) => readFileSync(file).includes("What did you get?"))).toBe(true);
  });
});
