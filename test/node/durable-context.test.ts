// A ChatRoom fits the stored history to CHAT_CONTEXT_TOKENS (real workerd through Miniflare): older turns are
// dropped from the middle, the newest question always goes, and a question that cannot fit is a 400 before
// anything is sent or reserved.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { newTestId, recordedRequests } from "../helpers.js";
import { browser, idEvents, slowAnswer, textOf, wordsOf } from "./durable-harness.js";
import { FAKE_KEY, bundleWorker, startTaggingProxy, startWorker, type TaggingProxy, type WorkerHandle } from "./worker-harness.js";

let proxy: TaggingProxy;
/** The chat requests of a test id (near the limit a ChatRoom also asks /v1/tokenize, which is free). */
const chats = async (testId: string) => (await recordedRequests(testId)).filter((r) => r.path.endsWith("/chat/completions"));
let worker: WorkerHandle;

beforeAll(async () => {
  proxy = await startTaggingProxy(`http://127.0.0.1:${inject("upstreamPort")}`);
  // 700 tokens of context, 512 kept for the answer: about 188 bytes of prompt.
  worker = await startWorker(await bundleWorker(), { DEEPINFRA_API_KEY: FAKE_KEY, DEEPINFRA_BASE_URL: proxy.url, RATE_LIMIT_REQUESTS: "1000", CHAT_CONTEXT_TOKENS: "700", MAX_TOKENS: "512" });
});
afterAll(async () => {
  await worker?.close();
  await proxy?.close();
});

describe("a chat's history fitted to the model's context", () => {
  it("drops the oldest turns and keeps the newest question", async () => {
    const me = browser(worker.origin);
    proxy.tag(newTestId(), slowAnswer(2, 5));
    expect(textOf(idEvents(await (await me.say("h", "a", "x".repeat(30))).text()))).toBe(wordsOf(2));
    const second = newTestId();
    proxy.tag(second, slowAnswer(2, 5));
    await (await me.say("h", "b", "y".repeat(30))).text();
    const third = newTestId();
    proxy.tag(third, slowAnswer(2, 5));
    await (await me.say("h", "c", "z".repeat(30))).text();
    // Turn two: both turns fit the byte bound (about 178 of 188). Turn three does not: the local upstream has no
    // /v1/tokenize (404), so the byte bound decides and the first turn is dropped; the newest question always goes.
    const counted = (await recordedRequests(third)).filter((r) => r.path.endsWith("/tokenize"));
    expect(counted.length).toBeGreaterThan(0);
    expect(((await chats(second))[0]!.json as { messages: unknown[] }).messages).toEqual([
      { role: "user", content: "x".repeat(30) },
      { role: "assistant", content: wordsOf(2) },
      { role: "user", content: "y".repeat(30) },
    ]);
    expect(((await chats(third))[0]!.json as { messages: unknown[] }).messages).toEqual([
      { role: "user", content: "y".repeat(30) },
      { role: "assistant", content: wordsOf(2) },
      { role: "user", content: "z".repeat(30) },
    ]);
    // The stored history keeps everything.
    const history = (await (await me.messages("h")).json()) as { messages: unknown[] };
    expect(history.messages).toHaveLength(6);
  });

  it("refuses a question that cannot fit with 400 context_too_long, sending nothing", async () => {
    const me = browser(worker.origin);
    const testId = newTestId();
    proxy.tag(testId, slowAnswer(2, 5));
    const res = await me.say("big", "q", "w".repeat(400));
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("context_too_long");
    expect(error.message).toMatch(/leaves 188 for the prompt/);
    expect(await chats(testId)).toHaveLength(0);
    // Nothing was stored either: the chat does not exist.
    expect((await me.messages("big")).status).toBe(404);
  });
});
