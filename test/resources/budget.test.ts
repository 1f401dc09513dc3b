// Resources recording their usage into the client's budget (each endpoint, streamed or not, counted once).
// The Budget itself, and refusing requests once spent, are pinned in test/budget.test.ts.
import { describe, expect, it } from "vitest";
import type { UsageEvent } from "../../src/index.js";
import { recordedRequests } from "../helpers.js";
import { HELLO, rejection, testClient } from "../setup-client.js";

type Client = ReturnType<typeof testClient>["client"];

describe("resources record usage in the budget", () => {
  it("a streamed answer is counted once, at its finishing chunk", async () => {
    const events: UsageEvent[] = [];
    const { client } = testClient(undefined, { budget: { maxUSD: 1, onUsage: (e) => events.push(e) } });
    const stream = await client.chat.completions.create({ model: "default", messages: HELLO, stream: true });
    for await (const _ of stream);
    expect(events.map((e) => e.costUSD)).toEqual([2.8e-7]);
    expect(client.budget?.spentUSD).toBe(2.8e-7);
  });

  it("continuous usage stats (a running total on every chunk) are not added up", async () => {
    const chunk = (delta: object, finish: string | null, tokens: number) =>
      `data: ${JSON.stringify({ id: "c", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta, finish_reason: finish }], usage: { prompt_tokens: 5, completion_tokens: tokens, total_tokens: 5 + tokens, estimated_cost: tokens * 1e-6 } })}\n\n`;
    const body = `${chunk({ role: "assistant", content: "a" }, null, 1)}${chunk({ content: "b" }, null, 2)}${chunk({}, "stop", 3)}data: [DONE]\n\n`;
    const { client } = testClient({ body }, { budget: { maxUSD: 1 } });
    const stream = await client.chat.completions.create({ model: "default", messages: HELLO, stream: true, stream_options: { continuous_usage_stats: true } });
    await stream.finalCompletion();
    expect(client.budget?.spentUSD).toBe(3e-6);
  });

  it("embeddings count too; estimateCost prices calls DeepInfra sends no cost for", async () => {
    const events: UsageEvent[] = [];
    const { client } = testClient(undefined, { budget: { maxUSD: 1, onUsage: (e) => events.push(e), estimateCost: ({ usage }) => (usage.total_tokens ?? 0) * 1e-8 } });
    await client.embeddings.create({ model: "large", input: ["one two", "three"] }, { batchSize: 1 });
    // Batches run concurrently: one event each, in completion order.
    expect(events).toHaveLength(2);
    expect(events.map((e) => [e.endpoint, e.model, e.usage.total_tokens])).toEqual(
      expect.arrayContaining([
        ["embeddings", "BAAI/bge-large-en-v1.5", 2],
        ["embeddings", "BAAI/bge-large-en-v1.5", 1],
      ]),
    );
    expect(client.budget?.spentUSD).toBeCloseTo(3e-8, 15);
  });

  it("legacy completions (streamed or not) and native inference count too", async () => {
    const events: UsageEvent[] = [];
    const { client } = testClient(undefined, { budget: { maxUSD: 1, onUsage: (e) => events.push(e) } });
    await client.completions.create({ model: "default", prompt: "Once upon a time", echo: true, max_tokens: 10 });
    const stream = await client.completions.create({ model: "default", prompt: "Once upon a time", stream: true });
    await stream.finalCompletion();
    await client.inference.run("BAAI/bge-base-en-v1.5", { inputs: ["hello", "world"] });
    expect(events.map((e) => [e.endpoint, e.model, e.costUSD])).toEqual([
      ["completions", "openchat/openchat-3.6-8b", 3e-7],
      ["completions", "openchat/openchat-3.6-8b", 2.6e-7],
      ["inference", "BAAI/bge-base-en-v1.5", 9e-8],
    ]);
    expect(client.budget?.spentUSD).toBeCloseTo(6.5e-7, 15);
  });

  it.each([
    ["chat.completions", (c: Client) => c.chat.completions.create({ model: "default", messages: HELLO })],
    ["completions", (c: Client) => c.completions.create({ model: "default", prompt: "Once upon a time" })],
    ["embeddings", (c: Client) => c.embeddings.create({ model: "default", input: "x" })],
    ["inference", (c: Client) => c.inference.run("BAAI/bge-base-en-v1.5", { inputs: ["hello"] })],
  ])("%s: a throwing onUsage reaches the caller as it is, and the paid call was sent once", async (endpoint, call) => {
    const broke = new TypeError("logger broke");
    const seen: string[] = [];
    const { client, testId } = testClient(undefined, {
      budget: {
        maxUSD: 1,
        onUsage: (e) => {
          seen.push(e.endpoint);
          throw broke;
        },
        estimateCost: () => 1e-9,
      },
    });
    expect(await rejection(call(client))).toBe(broke);
    expect(seen).toEqual([endpoint]);
    expect(await recordedRequests(testId)).toHaveLength(1);
  });
});
