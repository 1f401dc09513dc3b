// Pins src/budget.ts: the Budget as a unit (check, record, estimateCost, spentUSD, onUsage, createBudget),
// then as a transport hook through a client (nothing is sent once the limit is reached).
// Resources recording their usage into it are tested in test/resources/budget.test.ts.
import { describe, expect, it } from "vitest";
import { Budget, createBudget, type UsageEvent } from "../src/budget.js";
import { BudgetExceededError, ValidationError } from "../src/index.js";
import { recordedRequests } from "./helpers.js";
import { everythingIn, FAKE_KEY, HELLO, rejection, testClient } from "./setup-client.js";

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("Budget (unit)", () => {
  it("starts at spentUSD (default 0) and reports what is left", () => {
    expect([new Budget({ maxUSD: 1 }).spentUSD, new Budget({ maxUSD: 1 }).remainingUSD, new Budget({ maxUSD: 1 }).exhausted]).toEqual([0, 1, false]);
    const restored = new Budget({ maxUSD: 1, spentUSD: 0.25 });
    expect([restored.maxUSD, restored.spentUSD, restored.remainingUSD, restored.exhausted]).toEqual([1, 0.25, 0.75, false]);
  });

  it("record() counts usage.estimated_cost and tells onUsage each call with running totals", () => {
    const events: UsageEvent[] = [];
    const budget = new Budget({ maxUSD: 1, onUsage: (e) => events.push(e) });
    budget.record("chat.completions", "m1", { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15, estimated_cost: 0.25 });
    budget.record("completions", "m2", { estimated_cost: 0.5 });
    expect(budget.spentUSD).toBe(0.75);
    expect(budget.remainingUSD).toBe(0.25);
    expect(events).toEqual([
      {
        endpoint: "chat.completions",
        model: "m1",
        usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15, estimated_cost: 0.25 },
        costUSD: 0.25,
        spentUSD: 0.25,
        remainingUSD: 0.75,
      },
      { endpoint: "completions", model: "m2", usage: { estimated_cost: 0.5 }, costUSD: 0.5, spentUSD: 0.75, remainingUSD: 0.25 },
    ]);
  });

  it("estimateCost prices calls without a finite estimated_cost, and only those", () => {
    const asked: Array<[string, string, unknown]> = [];
    const budget = new Budget({
      maxUSD: 10,
      estimateCost: ({ endpoint, model, usage }) => {
        asked.push([endpoint, model, usage.total_tokens]);
        return (usage.total_tokens ?? 0) * 0.001;
      },
    });
    budget.record("embeddings", "e", { prompt_tokens: 100, total_tokens: 100 });
    budget.record("chat.completions", "c", { total_tokens: 7, estimated_cost: 0.002 });
    budget.record("inference", "i", { total_tokens: 3, estimated_cost: Number.NaN });
    budget.record("inference", "i", { total_tokens: 4, estimated_cost: "0.5" as never });
    expect(asked).toEqual([
      ["embeddings", "e", 100],
      ["inference", "i", 3],
      ["inference", "i", 4],
    ]);
    expect(budget.spentUSD).toBeCloseTo(0.1 + 0.002 + 0.003 + 0.004, 12);
  });

  it("without estimateCost, a call with no cost counts 0 but still tells onUsage", () => {
    const events: UsageEvent[] = [];
    const budget = new Budget({ maxUSD: 1, onUsage: (e) => events.push(e) });
    budget.record("embeddings", "e", { prompt_tokens: 3, total_tokens: 3 });
    expect(budget.spentUSD).toBe(0);
    expect(events.map((e) => [e.endpoint, e.costUSD, e.spentUSD, e.remainingUSD])).toEqual([["embeddings", 0, 0, 1]]);
  });

  it("a missing or non-object usage records nothing and tells nobody", () => {
    const events: UsageEvent[] = [];
    const budget = new Budget({ maxUSD: 1, onUsage: (e) => events.push(e), estimateCost: () => 1 });
    budget.record("chat.completions", "m", undefined);
    budget.record("chat.completions", "m", null);
    budget.record("chat.completions", "m", 5 as never);
    expect(events).toEqual([]);
    expect(budget.spentUSD).toBe(0);
  });

  it("a negative or non-finite cost never lowers spentUSD, and onUsage is told the cost counted (0)", () => {
    const events: UsageEvent[] = [];
    const budget = new Budget({ maxUSD: 1, spentUSD: 0.5, estimateCost: () => -0.25, onUsage: (e) => events.push(e) });
    budget.record("embeddings", "e", { total_tokens: 1 });
    budget.record("chat.completions", "c", { estimated_cost: -1 });
    new Budget({ maxUSD: 1, estimateCost: () => Number.NaN, onUsage: (e) => events.push(e) }).record("embeddings", "e", { total_tokens: 1 });
    expect(budget.spentUSD).toBe(0.5);
    expect(events.map((e) => e.costUSD)).toEqual([0, 0, 0]);
  });

  it("check() and beforeRequest() refuse once spent reaches maxUSD (equal counts), with the amounts", () => {
    const budget = new Budget({ maxUSD: 0.5 });
    budget.record("chat.completions", "m", { estimated_cost: 0.4 });
    expect([thrown(() => budget.check()), thrown(() => budget.beforeRequest()), budget.exhausted]).toEqual([undefined, undefined, false]);
    budget.record("chat.completions", "m", { estimated_cost: 0.1 });
    expect(budget.exhausted).toBe(true);
    for (const refuse of [() => budget.check(), () => budget.beforeRequest()]) {
      const error = thrown(refuse) as BudgetExceededError;
      expect(error).toBeInstanceOf(BudgetExceededError);
      expect([error.maxUSD, error.spentUSD]).toEqual([0.5, 0.5]);
      expect(error.message).toBe("Budget exhausted: spent $0.50 of $0.50 (budget.maxUSD); no further requests are sent.");
    }
  });

  it("past the limit: remainingUSD stays at 0, onUsage sees the overshoot as negative", () => {
    const events: UsageEvent[] = [];
    const budget = new Budget({ maxUSD: 0.001, onUsage: (e) => events.push(e) });
    budget.record("chat.completions", "m", { estimated_cost: 0.003 });
    expect(budget.remainingUSD).toBe(0);
    expect(events[0]?.remainingUSD).toBeCloseTo(-0.002, 12);
    expect((thrown(() => budget.check()) as Error).message).toBe("Budget exhausted: spent $0.00300 of $0.00100 (budget.maxUSD); no further requests are sent.");
  });

  it("maxUSD 0 refuses from the start", () => {
    expect(thrown(() => new Budget({ maxUSD: 0 }).check())).toBeInstanceOf(BudgetExceededError);
  });
});

describe("createBudget", () => {
  it("passes a Budget instance through (so clients can share one) and builds one from options", () => {
    const shared = new Budget({ maxUSD: 2 });
    expect(createBudget(shared)).toBe(shared);
    const built = createBudget({ maxUSD: 3, spentUSD: 1 });
    expect(built).toBeInstanceOf(Budget);
    expect([built.maxUSD, built.spentUSD]).toEqual([3, 1]);
    expect(createBudget({ maxUSD: 0 }).exhausted).toBe(true);
  });

  it.each<[string, unknown, string]>([
    ["negative", -1, "-1"],
    ["a string", "1", "a string"],
    ["missing", undefined, "missing"],
    ["NaN", Number.NaN, "NaN"],
    ["Infinity", Number.POSITIVE_INFINITY, "Infinity"],
  ])("maxUSD %s is a ValidationError naming budget.maxUSD and the value", (_name, maxUSD, shown) => {
    const error = thrown(() => createBudget({ maxUSD } as never)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe(`Invalid client options: budget.maxUSD must be a finite number >= 0 (was ${shown}).`);
    expect(error.issues.map((i) => i.path)).toEqual([["budget", "maxUSD"]]);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])("maxUSD %s is a ValidationError too", (maxUSD) => {
    const error = thrown(() => createBudget({ maxUSD })) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/^Invalid client options: budget\.maxUSD must be a finite number >= 0 \(was /);
    expect(error.issues.map((i) => i.path)).toEqual([["budget", "maxUSD"]]);
  });
});

describe("Budget as a transport hook (through a client)", () => {
  it("counts each answer, then refuses the next call unsent with a key-free BudgetExceededError", async () => {
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

  it("one Budget shared by two clients refuses both once spent; every endpoint is refused before sending", async () => {
    const budget = new Budget({ maxUSD: 0.00002 });
    const a = testClient(undefined, { budget });
    const b = testClient(undefined, { budget });
    expect(a.client.budget).toBe(budget);
    await a.client.chat.completions.create({ model: "default", messages: HELLO });
    expect(await rejection(b.client.chat.completions.create({ model: "default", messages: HELLO }))).toBeInstanceOf(BudgetExceededError);
    expect(await rejection(b.client.chat.completions.create({ model: "default", messages: HELLO, stream: true }))).toBeInstanceOf(BudgetExceededError);
    expect(await rejection(b.client.embeddings.create({ model: "default", input: "x" }))).toBeInstanceOf(BudgetExceededError);
    expect(await rejection(b.client.models.list())).toBeInstanceOf(BudgetExceededError);
    expect(await recordedRequests(b.testId)).toEqual([]);
    expect(await recordedRequests(a.testId)).toHaveLength(1);
  });

  it("spentUSD restores a running total: an already spent budget sends nothing", async () => {
    const { client, testId } = testClient(undefined, { budget: { maxUSD: 0.01, spentUSD: 0.01 } });
    expect(await rejection(client.chat.completions.create({ model: "default", messages: HELLO }))).toBeInstanceOf(BudgetExceededError);
    expect(await recordedRequests(testId)).toEqual([]);
  });

  it("a bad maxUSD is a ValidationError when the client is built", () => {
    expect(() => testClient(undefined, { budget: { maxUSD: -1 } })).toThrow(ValidationError);
    expect(() => testClient(undefined, { budget: {} as never })).toThrow(/budget\.maxUSD must be a finite number >= 0/);
  });
});

describe("a Budget or ConcurrencyLimiter from another copy of the package", () => {
  // A second module instance of the same source stands for a second copy of the package in one bundle.
  const otherCopy = async () => ({
    // @ts-expect-error the query names a second module instance, a file TypeScript does not know
    budget: (await import("../src/budget.js?second-copy")) as typeof import("../src/budget.js"),
    // @ts-expect-error as above
    concurrency: (await import("../src/features/concurrency.js?second-copy")) as typeof import("../src/features/concurrency.js"),
  });

  it("is used as it is (recognised by brand, not instanceof): spending and onUsage land on the shared one", async () => {
    const copy = await otherCopy();
    const events: number[] = [];
    const shared = new copy.budget.Budget({ maxUSD: 1, onUsage: (event) => void events.push(event.costUSD) });
    expect(shared instanceof Budget).toBe(false);
    const limiter = new copy.concurrency.ConcurrencyLimiter({ perModel: 1 });
    const { client } = testClient({ body: { id: "c", object: "chat.completion", created: 1, model: "m/m", choices: [{ index: 0, message: { role: "assistant", content: "hi" }, finish_reason: "stop" }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2, estimated_cost: 0.5 } } }, { budget: shared as unknown as Budget, concurrency: limiter as never });
    expect(client.budget).toBe(shared);
    expect(client.concurrency).toBe(limiter);
    await client.chat.completions.create({ model: "m/m", messages: HELLO });
    expect(shared.spentUSD).toBe(0.5);
    expect(events).toEqual([0.5]);
  });

  it("one from a copy that speaks another protocol is refused clearly, never silently replaced", () => {
    const foreign = { maxUSD: 1, record() {}, beforeRequest() {} };
    const error = thrown(() => createBudget(foreign as unknown as Budget)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain("a Budget of this deepinfra-edge version");
    expect(error.message).toContain("another version");
  });
});
