// fitContext: nothing dropped (and no tokenize call) when the byte bound fits; whole turns dropped from the
// middle, oldest first, the system prompt and the newest turn kept, a tool call never split from its result;
// tokenize consulted near the limit; a typed error rather than silent truncation.
import { describe, expect, it } from "vitest";
import { ContextOverflowError, fitContext } from "../../src/durable/index.js";
import { isDeepInfraError, type ChatMessage } from "../../src/index.js";

const system: ChatMessage = { role: "system", content: "You are terse." };
const turn = (i: number, size = 100): ChatMessage[] => [
  { role: "user", content: `q${i} ${"x".repeat(size)}` },
  { role: "assistant", content: `a${i} ${"y".repeat(size)}` },
];
const toolTurn: ChatMessage[] = [
  { role: "user", content: "weather?" },
  { role: "assistant", content: null, tool_calls: [{ id: "c1", type: "function", function: { name: "weather", arguments: "{}" } }] },
  { role: "tool", tool_call_id: "c1", content: "sunny ".repeat(40) },
  { role: "assistant", content: "It is sunny." },
];
const ask: ChatMessage = { role: "user", content: "and now?" };

describe("fitContext", () => {
  it("keeps everything, without counting, when the byte bound fits", async () => {
    const messages = [system, ...turn(1), ...turn(2), ask];
    let calls = 0;
    const fitted = await fitContext(messages, { contextTokens: 10_000, reserveTokens: 512, tokenize: async () => ++calls });
    expect(fitted.messages).toEqual(messages);
    expect(fitted.dropped).toBe(0);
    expect(calls).toBe(0);
  });

  it("drops whole turns from the middle, oldest first, keeping the system prompt and the newest turn", async () => {
    const messages = [system, ...turn(1), ...turn(2), ...turn(3), ask];
    const fitted = await fitContext(messages, { contextTokens: 700, reserveTokens: 100 });
    expect(fitted.messages[0]).toEqual(system);
    expect(fitted.messages.at(-1)).toEqual(ask);
    expect(fitted.messages).toEqual([system, ...turn(3), ask]);
    expect(fitted.dropped).toBe(4);
    expect(fitted.tokens).toBeLessThanOrEqual(600);
  });

  it("never splits a tool call from its result: the tool turn goes whole or stays whole", async () => {
    const messages = [system, ...toolTurn, ...turn(2), ask];
    const kept = await fitContext(messages, { contextTokens: 100_000 });
    expect(kept.messages).toEqual(messages);
    const fitted = await fitContext(messages, { contextTokens: 420 });
    expect(fitted.messages).toEqual([system, ...turn(2), ask]);
    for (const m of fitted.messages) expect(m.role).not.toBe("tool");
  });

  it("counts tools against the limit and keeps them", async () => {
    const tools = [{ type: "function", function: { name: "weather", description: "d".repeat(300), parameters: {} } }];
    const messages = [system, ...turn(1), ask];
    expect((await fitContext(messages, { contextTokens: 500 })).messages).toEqual(messages);
    expect((await fitContext(messages, { contextTokens: 500, tools })).messages).toEqual([system, ask]);
  });

  it("asks tokenize near the limit and keeps what the count allows", async () => {
    // Bytes over-count these turns 4×: the byte bound alone would drop every old turn.
    const messages = [system, ...turn(1), ...turn(2), ...turn(3), ask];
    const seen: number[] = [];
    const tokenize = async (kept: ChatMessage[]) => {
      seen.push(kept.length);
      return Math.ceil(kept.reduce((n, m) => n + JSON.stringify(m).length + 8, 0) / 4);
    };
    const fitted = await fitContext(messages, { contextTokens: 300, tokenize });
    expect(seen).toEqual([messages.length]);
    expect(fitted.messages).toEqual(messages);
    expect(fitted.tokens).toBeLessThanOrEqual(300);
    const tight = await fitContext(messages, { contextTokens: 160, tokenize });
    expect(tight.messages).toEqual([system, ...turn(3), ask]);
    expect(tight.tokens).toBeLessThanOrEqual(160);
  });

  it("falls back on the byte bound when tokenize fails", async () => {
    const messages = [system, ...turn(1), ...turn(2), ...turn(3), ask];
    const tokenize = async () => {
      throw new Error("no tokenizer for this model");
    };
    const fitted = await fitContext(messages, { contextTokens: 700, reserveTokens: 100, tokenize });
    expect(fitted).toEqual(await fitContext(messages, { contextTokens: 700, reserveTokens: 100 }));
    expect(fitted.messages).toEqual([system, ...turn(3), ask]);
  });

  it("throws ContextOverflowError when what must be kept does not fit", async () => {
    const messages = [system, ...turn(1), { role: "user", content: "z".repeat(5_000) } as ChatMessage];
    const failure = await fitContext(messages, { contextTokens: 2_000, reserveTokens: 500 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ContextOverflowError);
    expect(isDeepInfraError(failure)).toBe(true);
    expect((failure as ContextOverflowError).limit).toBe(1_500);
    expect((failure as ContextOverflowError).tokens).toBeGreaterThan(5_000);
    expect((failure as Error).message).toMatch(/needs \d+ tokens .* leaves 1500 for the prompt/);
  });
});
