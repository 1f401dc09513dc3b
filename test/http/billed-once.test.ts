// Issue 18's money rules against the loopback upstream: a request that may have reached DeepInfra is never sent
// again, every call that reached it is counted (a stopped stream included), and the timeouts wait for the server only.
import { describe, expect, it } from "vitest";
import { APITimeoutError, Budget, RedirectError, ResponseLostError, type UsageEvent } from "../../src/index.js";
import { recordedRequests } from "../helpers.js";
import { FAKE_KEY, HELLO, rejection, testClient } from "../setup-client.js";

const params = { model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages: HELLO };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a request that may have reached DeepInfra is sent once", () => {
  it("a cut non-streamed chat: one request, ResponseLostError with the request id", async () => {
    const { client, testId } = testClient({ resetAfterBytes: 40, headers: { "x-request-id": "req-cut-1" } });
    const error = (await rejection(client.chat.completions.create(params))) as ResponseLostError;
    expect(error).toBeInstanceOf(ResponseLostError);
    expect(error.kind).toBe("generation");
    expect(error.requestId).toBe("req-cut-1");
    expect(error.message).toContain("(request req-cut-1)");
    expect(await recordedRequests(testId)).toHaveLength(1);
  });

  it("a cut batches.create: one request, ResponseLostError saying the batch may have been created", async () => {
    const file = await testClient().client.files.create({ file: `{"custom_id":"a","method":"POST","url":"/v1/embeddings","body":{"model":"BAAI/bge-m3","input":"x"}}\n`, purpose: "batch" });
    const { client, testId } = testClient({ resetAfterBytes: 10 });
    const error = (await rejection(client.batches.create({ input_file_id: file.id, endpoint: "/v1/embeddings" }))) as ResponseLostError;
    expect(error).toBeInstanceOf(ResponseLostError);
    expect(error.kind).toBe("creation");
    expect(error.message).toContain("may have been created");
    expect((await recordedRequests(testId)).filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("a non-streamed chat whose headers come after `timeout`: one request", async () => {
    const { client, testId } = testClient({ headersDelayMs: 1_000 }, { timeout: 100 });
    const error = (await rejection(client.chat.completions.create(params))) as APITimeoutError;
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(error.phase).toBe("headers");
    expect(await recordedRequests(testId)).toHaveLength(1);
  });

  it("a cut models.list: two requests, and the list", async () => {
    const { client, testId } = testClient({ sequence: [{ resetAfterBytes: 20 }, {}] });
    const list = await client.models.list();
    expect(list.data.length).toBeGreaterThan(0);
    expect(await recordedRequests(testId)).toHaveLength(2);
  });

  it("a 503 before anything was done keeps its retries", async () => {
    const { client, testId } = testClient({ sequence: [{ status: 503, body: { detail: "down" } }, {}] });
    const completion = await client.chat.completions.create(params);
    expect(completion.object).toBe("chat.completion");
    expect(await recordedRequests(testId)).toHaveLength(2);
  });

  it("a redirect is refused, not followed: one request, no credentials of the Location in the error", async () => {
    const { client, testId } = testClient({ status: 307, headers: { location: "https://user:s3cret@elsewhere.example/v1/x?token=abc" }, body: "" });
    const error = (await rejection(client.chat.completions.create(params))) as RedirectError;
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.status).toBe(307);
    expect(error.location).toBe("https://elsewhere.example/v1/x");
    expect(error.message).not.toContain("s3cret");
    expect(error.message).not.toContain("token=abc");
    expect(error.message).not.toContain(FAKE_KEY);
    expect(await recordedRequests(testId)).toHaveLength(1);
  });
});

describe("the budget counts every call that reached DeepInfra, once", () => {
  it("ten streams each left one chunk before their finishing chunk: spentUSD > 0, ten events, nothing left reserved", async () => {
    const events: UsageEvent[] = [];
    const budget = new Budget({ maxUSD: 10, onUsage: (event) => void events.push(event) });
    // Small, separate writes: the finishing chunk is still on the wire when the caller leaves.
    const { client } = testClient({ chunkSize: 64, chunkDelayMs: 1 }, { budget });
    for (let i = 0; i < 10; i++) {
      const stream = await client.chat.completions.create({ ...params, stream: true });
      let n = 0;
      for await (const _ of stream) if (++n === 4) break;
    }
    expect(budget.spentUSD).toBeGreaterThan(0);
    expect(events).toHaveLength(10);
    expect(events.every((event) => event.estimated === true && event.costUSD > 0)).toBe(true);
    expect(budget.reservedUSD).toBe(0);
  });

  it("a stream read to its end counts exactly its estimated_cost, once", async () => {
    const events: UsageEvent[] = [];
    const budget = new Budget({ maxUSD: 10, onUsage: (event) => void events.push(event) });
    const { client } = testClient(undefined, { budget });
    const stream = await client.chat.completions.create({ ...params, stream: true });
    expect(budget.reservedUSD).toBeGreaterThan(0);
    await stream.finalCompletion();
    stream.abort();
    expect(budget.spentUSD).toBe(2.8e-7);
    expect(events.map((event) => event.costUSD)).toEqual([2.8e-7]);
    expect(budget.reservedUSD).toBe(0);
  });

  it("a cut non-streamed chat counts at its reservation; a 400 counts nothing", async () => {
    const budget = new Budget({ maxUSD: 10, usdPerToken: 1e-6 });
    const cut = testClient({ resetAfterBytes: 40 }, { budget });
    await rejection(cut.client.chat.completions.create({ ...params, max_tokens: 100 }));
    const prompt = JSON.stringify(HELLO).length;
    expect(budget.spentUSD).toBeCloseTo((prompt + 100) * 1e-6, 12);
    const refused = testClient({ status: 400, body: { detail: "bad" } }, { budget });
    const before = budget.spentUSD;
    await rejection(refused.client.chat.completions.create(params));
    expect(budget.spentUSD).toBe(before);
    expect(budget.reservedUSD).toBe(0);
  });

  it("calls in flight hold their worst case: a second call is refused while the first's reservation fills the limit", async () => {
    const budget = new Budget({ maxUSD: 0.001, usdPerToken: 1e-6 });
    const { client } = testClient(undefined, { budget });
    const stream = await client.chat.completions.create({ ...params, stream: true, max_tokens: 2000 });
    expect(budget.remainingUSD).toBe(0);
    expect((await rejection(client.chat.completions.create(params))).name).toBe("BudgetExceededError");
    await stream.finalCompletion();
    expect(budget.spentUSD).toBe(2.8e-7);
    expect((await client.chat.completions.create(params)).object).toBe("chat.completion");
  });
});

describe("the idle timeout waits for the server only", () => {
  it("a consumer that pauses while the server already sent everything never gets an idle timeout", async () => {
    const { client } = testClient(undefined, { idleTimeout: 100 });
    const stream = await client.chat.completions.create({ ...params, stream: true });
    const seen: string[] = [];
    for await (const chunk of stream) {
      seen.push(chunk.choices[0]?.delta?.content ?? "");
      await sleep(150);
    }
    expect(seen.join("")).toBe("Hello there!");
    const late = await client.chat.completions.create({ ...params, stream: true });
    await sleep(200);
    expect((await late.finalCompletion()).choices[0]?.message.content).toBe("Hello there!");
  });
});
