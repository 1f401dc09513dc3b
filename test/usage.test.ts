// Pins src/usage.ts: adding one call's usage into a running total (chat rounds, embedding batches).
import { describe, expect, it } from "vitest";
import { addUsage } from "../src/usage.js";

type Total = { prompt_tokens: number; total_tokens: number; completion_tokens?: number; estimated_cost?: number };

describe("addUsage", () => {
  it.each<[string, Total, Parameters<typeof addUsage>[1], Total]>([
    [
      "adds every count and the cost",
      { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3, estimated_cost: 0.5 },
      { prompt_tokens: 10, completion_tokens: 20, total_tokens: 30, estimated_cost: 0.25 },
      { prompt_tokens: 11, completion_tokens: 22, total_tokens: 33, estimated_cost: 0.75 },
    ],
    [
      "a cost appears with the first call that reports one",
      { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
      { prompt_tokens: 4, completion_tokens: 1, total_tokens: 5, estimated_cost: 0.125 },
      { prompt_tokens: 4, completion_tokens: 1, total_tokens: 5, estimated_cost: 0.125 },
    ],
    [
      "no cost stays no cost (not 0)",
      { prompt_tokens: 1, total_tokens: 1 },
      { prompt_tokens: 2, total_tokens: 2 },
      { prompt_tokens: 3, total_tokens: 3 },
    ],
    [
      "a call without a cost keeps the total's",
      { prompt_tokens: 1, total_tokens: 1, estimated_cost: 0.5 },
      { prompt_tokens: 2, total_tokens: 2 },
      { prompt_tokens: 3, total_tokens: 3, estimated_cost: 0.5 },
    ],
    [
      "a total without completion_tokens (embeddings) does not grow one",
      { prompt_tokens: 5, total_tokens: 5 },
      { prompt_tokens: 1, completion_tokens: 9, total_tokens: 10 },
      { prompt_tokens: 6, total_tokens: 15 },
    ],
    [
      "missing counts add 0",
      { prompt_tokens: 5, completion_tokens: 5, total_tokens: 10 },
      { estimated_cost: 0.5 },
      { prompt_tokens: 5, completion_tokens: 5, total_tokens: 10, estimated_cost: 0.5 },
    ],
    [
      "non-numbers and non-finite counts add 0",
      { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      { prompt_tokens: "7" as never, completion_tokens: Number.NaN, total_tokens: Number.POSITIVE_INFINITY },
      { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    ],
    [
      "a null cost is no cost",
      { prompt_tokens: 0, total_tokens: 0 },
      { prompt_tokens: 1, total_tokens: 1, estimated_cost: null as never },
      { prompt_tokens: 1, total_tokens: 1 },
    ],
    ["null usage changes nothing", { prompt_tokens: 1, total_tokens: 1 }, null, { prompt_tokens: 1, total_tokens: 1 }],
    ["undefined usage changes nothing", { prompt_tokens: 1, total_tokens: 1, estimated_cost: 0.5 }, undefined, { prompt_tokens: 1, total_tokens: 1, estimated_cost: 0.5 }],
  ])("%s", (_name, total, usage, expected) => {
    addUsage(total, usage);
    expect(total).toEqual(expected);
    expect("estimated_cost" in total).toBe("estimated_cost" in expected);
    expect("completion_tokens" in total).toBe("completion_tokens" in expected);
  });

  it("sums a sequence of rounds in place", () => {
    const total = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 } as Total;
    for (const round of [
      { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120, estimated_cost: 1e-6 },
      { prompt_tokens: 150, completion_tokens: 30, total_tokens: 180 },
      { prompt_tokens: 200, completion_tokens: 10, total_tokens: 210, estimated_cost: 2e-6 },
    ])
      addUsage(total, round);
    expect({ ...total, estimated_cost: undefined }).toEqual({ prompt_tokens: 450, completion_tokens: 60, total_tokens: 510, estimated_cost: undefined });
    expect(total.estimated_cost).toBeCloseTo(3e-6, 15);
  });
});
