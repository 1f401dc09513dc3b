// Chunks in, the ChatCompletion a non-streamed call returns out: a pure table, no upstream.
import { describe, expect, it } from "vitest";
import { ChatAccumulator } from "../../src/streaming/accumulate.js";
import { splitThink, thinkSplitter, ToolCallAssembler } from "../../src/index.js";
import { CompletionAccumulator } from "../../src/streaming/completion-stream.js";
import type { ChatCompletionChunk } from "../../src/types/chat.js";
import type { CompletionChunk } from "../../src/types/completions.js";
import toolsStream from "../fixtures/chat-stream-tools.sse?raw";
import toolsJSON from "../fixtures/chat-tools.json";
import parallelStream from "../fixtures/chat-stream-tools-parallel.sse?raw";

const base = { id: "c1", object: "chat.completion.chunk", created: 7, model: "m" } as const;
const chunk = (choice: Record<string, unknown>, extra: Record<string, unknown> = {}): ChatCompletionChunk =>
  ({ ...base, choices: [{ index: 0, finish_reason: null, ...choice }], ...extra }) as unknown as ChatCompletionChunk;

function chunksOf(sse: string): ChatCompletionChunk[] {
  return sse
    .split("\n")
    .filter((line) => line.startsWith("data: ") && line !== "data: [DONE]")
    .map((line) => JSON.parse(line.slice(6)) as ChatCompletionChunk);
}

function assemble(chunks: ChatCompletionChunk[]) {
  const accumulator = new ChatAccumulator();
  for (const c of chunks) accumulator.add(c);
  return accumulator.toCompletion();
}

describe("ChatAccumulator", () => {
  it("assembles the streamed tool call into exactly the non-streamed answer", () => {
    expect(assemble(chunksOf(toolsStream))).toEqual(toolsJSON);
  });

  it("merges parallel tool calls by index, in index order", () => {
    const calls = assemble(chunksOf(parallelStream)).choices[0]?.message.tool_calls ?? [];
    expect(calls.length).toBeGreaterThan(1);
    for (const call of calls) expect(() => JSON.parse(call.function.arguments)).not.toThrow();
    expect(new Set(calls.map((c) => c.id)).size).toBe(calls.length);
  });

  it("assigns a tool name the server repeats in every fragment (never get_weatherget_weather)", () => {
    const fragment = (args: string) => ({ delta: { tool_calls: [{ index: 0, id: "t1", type: "function", function: { name: "get_weather", arguments: args } }] } });
    const completion = assemble([chunk(fragment('{"city":')), chunk(fragment('"Oslo"}')), chunk({ delta: {}, finish_reason: "tool_calls" })]);
    expect(completion.choices[0]?.message.tool_calls).toEqual([{ id: "t1", type: "function", function: { name: "get_weather", arguments: '{"city":"Oslo"}' } }]);
  });

  it("appends logprobs.content across chunks (the non-streamed answer has every token)", () => {
    const token = (t: string) => ({ token: t, logprob: -0.1, bytes: [...new TextEncoder().encode(t)], top_logprobs: [] });
    const completion = assemble([
      chunk({ delta: { content: "Hel" }, logprobs: { content: [token("Hel")] } }),
      chunk({ delta: { content: "lo" }, logprobs: { content: [token("lo")] } }),
      chunk({ delta: {}, finish_reason: "stop", logprobs: { content: [] } }),
    ]);
    expect(completion.choices[0]?.logprobs).toEqual({ content: [token("Hel"), token("lo")] });
    expect(completion.choices[0]?.message.content).toBe("Hello");
  });

  it("never mutates a chunk's own logprobs arrays", () => {
    const first = { content: [{ token: "a", logprob: -1 }] };
    const accumulator = new ChatAccumulator();
    accumulator.add(chunk({ delta: { content: "a" }, logprobs: first }));
    accumulator.add(chunk({ delta: { content: "b" }, logprobs: { content: [{ token: "b", logprob: -2 }] } }));
    expect(first.content).toHaveLength(1);
  });

  it("keeps reasoning apart, content null for a tools-only answer, usage and extras from the last chunk", () => {
    const completion = assemble([
      chunk({ delta: { role: "assistant", reasoning_content: "think " } }),
      chunk({ delta: { reasoning_content: "more" } }),
      chunk({ delta: { content: "42" } }),
      chunk({ delta: {}, finish_reason: "stop" }, { usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5, prompt_tokens_details: { cached_tokens: 2 } }, service_tier: "flex" }),
    ]);
    expect(completion).toEqual({
      id: "c1",
      object: "chat.completion",
      created: 7,
      model: "m",
      service_tier: "flex",
      choices: [{ index: 0, message: { role: "assistant", content: "42", reasoning_content: "think more" }, finish_reason: "stop" }],
      usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5, prompt_tokens_details: { cached_tokens: 2 } },
    });
    expect(assemble([chunk({ delta: { tool_calls: [{ index: 0, id: "x", function: { name: "f", arguments: "{}" } }] }, finish_reason: "tool_calls" })]).choices[0]?.message.content).toBeNull();
  });

  it("reports finished only when every choice has a finish reason", () => {
    const accumulator = new ChatAccumulator();
    expect(accumulator.finished).toBe(false);
    accumulator.add({ ...base, choices: [{ index: 0, delta: { content: "a" }, finish_reason: null }, { index: 1, delta: { content: "b" }, finish_reason: "stop" }] } as unknown as ChatCompletionChunk);
    expect(accumulator.finished).toBe(false);
    accumulator.add(chunk({ delta: {}, finish_reason: "length" }));
    expect(accumulator.finished).toBe(true);
    expect(accumulator.toCompletion().choices.map((c) => c.finish_reason)).toEqual(["length", "stop"]);
  });
});

describe("CompletionAccumulator", () => {
  it("concatenates text and appends every logprob array", () => {
    const accumulator = new CompletionAccumulator();
    const piece = (text: string, offset: number, finish: string | null) =>
      ({ id: "t", object: "text_completion", created: 1, model: "m", choices: [{ index: 0, text, finish_reason: finish, logprobs: { tokens: [text], token_logprobs: [-0.5], top_logprobs: [null], text_offset: [offset] } }] }) as unknown as CompletionChunk;
    accumulator.add(piece("Once", 0, null));
    accumulator.add(piece(" upon", 4, "stop"));
    const completion = accumulator.toCompletion();
    expect(completion.choices[0]).toEqual({ index: 0, text: "Once upon", finish_reason: "stop", logprobs: { tokens: ["Once", " upon"], token_logprobs: [-0.5, -0.5], top_logprobs: [null, null], text_offset: [0, 4] } });
  });
});

describe("ToolCallAssembler", () => {
  const call = (id: string, name: string, args: string) => ({ id, type: "function", function: { name, arguments: args } });
  it.each([
    ["merges by index, keeps a late id, assigns repeated names", [[{ index: 0, function: { name: "f", arguments: '{"a"' } }], [{ index: 0, id: "x", function: { name: "f", arguments: ":1}" } }]], [call("x", "f", '{"a":1}')]],
    ["numeric ids as strings", [[{ index: 0, id: 7, function: { name: "f", arguments: "{}" } }]], [call("7", "f", "{}")]],
    ["a new id without index is a new call", [[{ id: "a", function: { name: "f", arguments: "{}" } }], [{ id: "b", function: { name: "g", arguments: "{}" } }]], [call("a", "f", "{}"), call("b", "g", "{}")]],
    ["a new id under the same index is a new call", [[{ index: 0, id: "a", function: { name: "f", arguments: "{}" } }], [{ index: 0, id: "b", function: { name: "g", arguments: "{}" } }]], [call("a", "f", "{}"), call("b", "g", "{}")]],
    ["two named fragments without index or id in one delta are two calls", [[{ function: { name: "f", arguments: "{}" } }, { function: { name: "g", arguments: "{}" } }]], [call("call_r_0", "f", "{}"), call("call_r_1", "g", "{}")]],
    ["an unnamed fragment with another id continues its call (an id minted per chunk)", [[{ index: 0, id: "a", function: { name: "f", arguments: '{"q":' } }], [{ index: 0, id: "z", function: { arguments: "1}" } }]], [call("a", "f", '{"q":1}')]],
    ["fragments without index continue the last call", [[{ id: "a", function: { name: "f", arguments: '{"q":' } }], [{ function: { arguments: '"x"}' } }]], [call("a", "f", '{"q":"x"}')]],
  ])("%s", (_name, deltas, expected) => {
    const tools = new ToolCallAssembler();
    for (const delta of deltas as never[][]) tools.add(delta);
    expect(tools.calls("r")).toEqual(expected);
  });
});

describe("thinkSplitter", () => {
  const run = (pieces: string[]) => {
    const split = thinkSplitter();
    let content = "";
    let reasoning = "";
    pieces.forEach((piece, i) => {
      const c = chunk({ index: 0, delta: { content: piece }, finish_reason: i === pieces.length - 1 ? "stop" : null });
      split(c);
      content += c.choices[0]?.delta.content ?? "";
      reasoning += c.choices[0]?.delta.reasoning_content ?? "";
    });
    return { content, reasoning };
  };
  const whole = "<think>\nhmm </thi\n</think>\n\n{\"a\":1}";
  it("splits at every byte boundary the same way", () => {
    for (let at = 0; at <= whole.length; at++) {
      for (let at2 = at; at2 <= whole.length; at2 += 3) {
        expect(run([whole.slice(0, at), whole.slice(at, at2), whole.slice(at2)])).toEqual({ content: '{"a":1}', reasoning: "\nhmm </thi\n" });
      }
    }
  });
  it("leaves answers without a leading block alone, held-back text included", () => {
    expect(run(["<th", "is is html"])).toEqual({ content: "<this is html", reasoning: "" });
    expect(run(["  ", "<"])).toEqual({ content: "  <", reasoning: "" });
    expect(run(["Hello <think>x</think>"])).toEqual({ content: "Hello <think>x</think>", reasoning: "" });
  });
  it("an unclosed block at the end is all reasoning", () => {
    expect(run(["<think>still thinking </th"])).toEqual({ content: "", reasoning: "still thinking </th" });
  });
  it("splitThink for whole replies", () => {
    expect(splitThink("<think>a</think>\n{}")).toEqual({ reasoning: "a", content: "{}" });
    expect(splitThink("{}")).toEqual({ content: "{}" });
  });
});
