import { describe, expect, it } from "vitest";
import { Budget, BudgetExceededError, ValidationError, type UsageEvent } from "../../src/index.js";
import { recordedRequests } from "../helpers.js";
import { everythingIn, FAKE_KEY, HELLO, rejection, testClient } from "../setup-client.js";

describe("budget", () => {
  it("counts usage.estimated_cost, tells onUsage, and refuses further requests once spent (nothing sent)", async () => {
    const events: UsageEvent[] = [];
    const { client, testId } = testClient(undefined, { budget: { maxUSD: 0.00005, onUsage: (e) => events.push(e) } });
    await client.chat.completions.create({ model: "default", messages: HELLO });
    expect(client.budget?.exhausted).toBe(false);
    await client.chat.completions.create({ model: "default", messages: HELLO });
    expect(client.budget?.spentUSD).toBeCloseTo(0.0000536, 12);
    const error = await rejection(client.chat.completions.create({ model: "default", messages: HELLO }));
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect(error.message).toMatch(/^Budget exhausted: spent \$0\.0000536 of \$0\.0000500 \(budget\.maxUSD\)/);
    expect((error as BudgetExceededError).maxUSD).toBe(0.00005);
    expect(everythingIn(error)).not.toContain(FAKE_KEY);
    expect(await recordedRequests(testId)).toHaveLength(2);
    expect(events.map((e) => [e.endpoint, e.model, e.costUSD])).toEqual([
      ["chat.completions", "openchat/openchat-3.6-8b", 0.0000268],
      ["chat.completions", "openchat/openchat-3.6-8b", 0.0000268],
    ]);
    expect(events[1]?.remainingUSD).toBeCloseTo(0.00005 - 0.0000536, 12);
  });

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

  it("one Budget shared by two clients refuses both once spent; embeddings are refused before sending", async () => {
    const budget = new Budget({ maxUSD: 0.00002 });
    const a = testClient(undefined, { budget });
    const b = testClient(undefined, { budget });
    await a.client.chat.completions.create({ model: "default", messages: HELLO });
    expect(await rejection(b.client.chat.completions.create({ model: "default", messages: HELLO }))).toBeInstanceOf(BudgetExceededError);
    expect(await rejection(b.client.embeddings.create({ model: "default", input: "x" }))).toBeInstanceOf(BudgetExceededError);
    expect(await recordedRequests(b.testId)).toEqual([]);
  });

  it("spentUSD restores a running total; a bad maxUSD is a ValidationError at construction", async () => {
    const { client, testId } = testClient(undefined, { budget: { maxUSD: 0.01, spentUSD: 0.01 } });
    expect(await rejection(client.chat.completions.create({ model: "default", messages: HELLO }))).toBeInstanceOf(BudgetExceededError);
    expect(await recordedRequests(testId)).toEqual([]);
    expect(() => testClient(undefined, { budget: { maxUSD: -1 } })).toThrow(ValidationError);
    expect(() => testClient(undefined, { budget: {} as never })).toThrow(/budget\.maxUSD must be a finite number >= 0/);
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
});
