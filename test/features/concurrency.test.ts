// Adaptive concurrency (issue 12): a slow upstream, requests counted in flight per model from the fetch to
// the end of the body; never above the limits, FIFO, abortable and timed waits, a bounded queue, AIMD.
import { describe, expect, it } from "vitest";
import { APITimeoutError, APIUserAbortError, ConcurrencyLimiter, QueueFullError, QueueTimeoutError, ValidationError } from "../../src/index.js";
import { HELLO, rejection } from "../setup-client.js";
import { BUSY, modelClient, newStats, QUOTA } from "./helpers.js";

const A = "org/model-a";
const B = "org/model-b";
const SLOW = { headersDelayMs: 40 };
const chat = (model: string, content = "Hello") => ({ model, messages: [{ role: "user" as const, content }] });

describe("concurrency: limits", () => {
  it("never more than perModel in flight per model nor total in all; every call still answers", async () => {
    const { client, stats } = modelClient({ [A]: SLOW, [B]: SLOW }, { concurrency: { perModel: 3, total: 5 } });
    const calls = Array.from({ length: 24 }, (_, i) => client.chat.completions.create(chat(i % 2 ? B : A)));
    const replies = await Promise.all(calls);
    expect(replies.every((r) => r.choices[0]?.message.content)).toBe(true);
    expect(stats.peak.get(A)).toBe(3);
    expect(stats.peak.get(B)).toBe(3);
    expect(stats.peakTotal).toBe(5);
    expect(client.concurrency?.active()).toBe(0);
    expect(client.concurrency?.queued).toBe(0);
  });

  it("waiting requests start in the order they were made (FIFO)", async () => {
    const { client, stats } = modelClient({ [A]: SLOW }, { concurrency: { perModel: 1 } });
    await Promise.all(Array.from({ length: 6 }, (_, i) => client.chat.completions.create(chat(A, `call ${i}`))));
    expect(stats.bodies.map((b) => (b as { messages: Array<{ content: string }> }).messages[0]?.content)).toEqual(["call 0", "call 1", "call 2", "call 3", "call 4", "call 5"]);
    expect(stats.peak.get(A)).toBe(1);
  });

  it("a waiter for a full model does not hold back one for a free model", async () => {
    const { client, stats } = modelClient({ [A]: { headersDelayMs: 300 }, [B]: {} }, { concurrency: { perModel: 1 } });
    const first = client.chat.completions.create(chat(A));
    const second = client.chat.completions.create(chat(A));
    await client.chat.completions.create(chat(B));
    // B was sent and answered while A's second call still waited behind the first.
    expect(stats.sent).toEqual([A, B]);
    await Promise.all([first, second]);
    expect(stats.sent).toEqual([A, B, A]);
  });

  it("streams hold their slot until the body is read to its end", async () => {
    const { client, stats } = modelClient({ [A]: { chunkSize: 64, chunkDelayMs: 5 } }, { concurrency: { perModel: 2 } });
    const read = async () => {
      const stream = await client.chat.completions.create({ ...chat(A), stream: true });
      return (await stream.finalCompletion()).choices[0]?.message.content;
    };
    const texts = await Promise.all(Array.from({ length: 6 }, read));
    expect(texts.every((t) => t === "Hello there!")).toBe(true);
    expect(stats.peak.get(A)).toBe(2);
  });

  it("requests without a model (the model list) count against total only", async () => {
    const { client, stats } = modelClient({ "": SLOW }, { concurrency: { perModel: 1, total: 3 } });
    const lists = await Promise.all(Array.from({ length: 6 }, () => client.models.list()));
    expect(lists.every((list) => Array.isArray(list.data))).toBe(true);
    expect(stats.peak.get("")).toBe(3);
  });

  it("embeddings batches go through the same limiter", async () => {
    const { client, stats } = modelClient({ [A]: SLOW }, { concurrency: { perModel: 2 } });
    const reply = await client.embeddings.create({ model: A, input: Array.from({ length: 8 }, (_, i) => `text ${i}`) }, { batchSize: 1, concurrency: 8 });
    expect(reply.data).toHaveLength(8);
    expect(stats.sent).toHaveLength(8);
    expect(stats.peak.get(A)).toBe(2);
  });

  it("one ConcurrencyLimiter shared by two clients limits them together", async () => {
    const limiter = new ConcurrencyLimiter({ perModel: 2 });
    const stats = newStats();
    const one = modelClient({ [A]: SLOW }, { concurrency: limiter }, stats).client;
    const two = modelClient({ [A]: SLOW }, { concurrency: limiter }, stats).client;
    expect(one.concurrency).toBe(limiter);
    await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? one : two).chat.completions.create(chat(A))));
    expect(stats.peak.get(A)).toBe(2);
  });

  it("without the option nothing limits: every call is in flight at once", async () => {
    const { client, stats } = modelClient({ [A]: SLOW });
    expect(client.concurrency).toBeUndefined();
    await Promise.all(Array.from({ length: 10 }, () => client.chat.completions.create(chat(A))));
    expect(stats.peak.get(A)).toBe(10);
  });
});

describe("concurrency: the queue", () => {
  it("an aborted wait rejects with APIUserAbortError and the request is never sent", async () => {
    const { client, stats } = modelClient({ [A]: { headersDelayMs: 300 } }, { concurrency: { perModel: 1 } });
    const first = client.chat.completions.create(chat(A));
    const controller = new AbortController();
    const waiting = client.chat.completions.create(chat(A), { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(client.concurrency?.queued).toBe(1);
    controller.abort();
    expect(await rejection(waiting)).toBeInstanceOf(APIUserAbortError);
    expect(client.concurrency?.queued).toBe(0);
    await first;
    expect(stats.sent).toEqual([A]);
  });

  it("a wait counts against timeout: QueueTimeoutError, never sent and never retried", async () => {
    const retried: string[] = [];
    const { client, stats } = modelClient({ [A]: { headersDelayMs: 500 } }, { concurrency: { perModel: 1 }, onRetry: (info) => void retried.push(info.error.name) });
    const first = client.chat.completions.create(chat(A));
    const error = (await rejection(client.chat.completions.create(chat(A), { timeout: 50 }))) as QueueTimeoutError;
    expect(error).toBeInstanceOf(QueueTimeoutError);
    expect(error.timeoutMs).toBe(50);
    expect(retried).toEqual([]);
    await first;
    expect(stats.sent).toEqual([A]);
  });

  it("a full queue throws QueueFullError at once, unsent; the others still answer", async () => {
    const { client, stats } = modelClient({ [A]: { headersDelayMs: 100 } }, { concurrency: { perModel: 1, maxQueue: 1 } });
    const first = client.chat.completions.create(chat(A));
    const second = client.chat.completions.create(chat(A));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const error = (await rejection(client.chat.completions.create(chat(A)))) as QueueFullError;
    expect(error).toBeInstanceOf(QueueFullError);
    expect(error.message).toContain("concurrency.maxQueue is 1");
    expect(error.model).toBe(A);
    await Promise.all([first, second]);
    expect(stats.sent).toEqual([A, A]);
  });

  it("rejects bad options, naming the field", () => {
    expect(() => modelClient({}, { concurrency: { perModel: 0 } })).toThrow(ValidationError);
    expect(() => modelClient({}, { concurrency: { total: 1.5 } })).toThrow(/concurrency.total must be an integer >= 1 \(was 1.5\)/);
    expect(() => modelClient({}, { concurrency: { maxQueue: -1 } })).toThrow(/concurrency.maxQueue must be an integer >= 0/);
  });
});

describe("concurrency: AIMD on busy 429s", () => {
  it("a busy 429 halves the model's limit, each success adds one back up to perModel; a quota 429 changes nothing", async () => {
    const { client } = modelClient({ [A]: { sequence: [BUSY, BUSY, {}, {}, {}] }, [B]: QUOTA }, { concurrency: { perModel: 8 } });
    const limiter = client.concurrency as ConcurrencyLimiter;
    const limits: number[] = [];
    for (let i = 0; i < 5; i++) {
      await client.chat.completions.create(chat(A)).catch(() => undefined);
      limits.push(limiter.limit(A));
    }
    expect(limits).toEqual([4, 2, 3, 4, 5]);
    await client.chat.completions.create(chat(B)).catch(() => undefined);
    expect(limiter.limit(B)).toBe(8);
  });

  it("a burst of busy 429s from requests already in flight is one congestion: halved once", async () => {
    const { client } = modelClient({ [A]: { ...BUSY, headersDelayMs: 30 } }, { concurrency: { perModel: 8 } });
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => client.chat.completions.create(chat(A))));
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    expect(client.concurrency?.limit(A)).toBe(4);
  });

  it("the lowered limit holds for what follows, then recovers", async () => {
    const { client, stats } = modelClient({ [A]: { sequence: [BUSY, BUSY, { headersDelayMs: 200 }] } }, { concurrency: { perModel: 8 } });
    const limiter = client.concurrency as ConcurrencyLimiter;
    await client.chat.completions.create(chat(A)).catch(() => undefined);
    await client.chat.completions.create(chat(A)).catch(() => undefined);
    expect(limiter.limit(A)).toBe(2);
    stats.peak.clear();
    const calls = Array.from({ length: 8 }, () => client.chat.completions.create(chat(A)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect([limiter.active(A), limiter.queued]).toEqual([2, 6]);
    await Promise.all(calls);
    // Each success let one more in: the limit climbed back, the peak stayed below perModel.
    expect(stats.peak.get(A)).toBeLessThan(8);
    expect(limiter.limit(A)).toBe(8);
  });

  it("adaptive: false keeps the limit", async () => {
    const { client } = modelClient({ [A]: BUSY }, { concurrency: { perModel: 8, adaptive: false } });
    await client.chat.completions.create(chat(A)).catch(() => undefined);
    expect(client.concurrency?.limit(A)).toBe(8);
  });
});
