import { type } from "arktype";
import { describe, expect, it } from "vitest";
import { defineTool, ToolRoundsExceededError, ValidationError, type RunToolsEvent } from "../../src/index.js";
import { recordedRequests } from "../helpers.js";
import { HELLO, rejection, testClient } from "../setup-client.js";

const MODEL = "meta-llama/Meta-Llama-3.1-70B-Instruct";
const usage = (cost: number) => ({ prompt_tokens: 100, completion_tokens: 10, total_tokens: 110, estimated_cost: cost });

function toolCallReply(calls: Array<[id: string, name: string, args: string]>, cost = 0.00001) {
  return {
    id: "chatcmpl-round",
    object: "chat.completion",
    created: 1718000600,
    model: MODEL,
    choices: [{ index: 0, message: { role: "assistant", content: null, tool_calls: calls.map(([id, name, args]) => ({ id, type: "function", function: { name, arguments: args } })) }, finish_reason: "tool_calls" }],
    usage: usage(cost),
  };
}

function answer(content: string, cost = 0.00002) {
  return { id: "chatcmpl-final", object: "chat.completion", created: 1718000601, model: MODEL, choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }], usage: usage(cost) };
}

/** The same turns as SSE, one delta per event. */
function sse(chunks: object[]): string {
  const base = { id: "chatcmpl-sse", object: "chat.completion.chunk", created: 1718000602, model: MODEL };
  return `${chunks.map((c) => `data: ${JSON.stringify({ ...base, ...c })}\n\n`).join("")}data: [DONE]\n\n`;
}

function weatherTool(calls: Array<{ city: string; unit?: string }>) {
  return defineTool({
    name: "get_weather",
    description: "Weather for a city",
    parameters: type({ city: "string", "unit?": "'c' | 'f'" }),
    run: (args) => {
      calls.push(args);
      return { city: args.city, temperature: 21, unit: args.unit ?? "c" };
    },
  });
}

describe("chat.completions.runTools", () => {
  it("runs the tools with validated arguments, feeds results back and stops at the final answer", async () => {
    const { client, testId } = testClient({ sequence: [{ body: toolCallReply([["call_1", "get_weather", '{"city": "Paris"}']]) }, { body: answer("It is 21 C in Paris.") }] });
    const calls: Array<{ city: string; unit?: string }> = [];
    const result = await client.chat.completions.runTools({ model: "default", messages: HELLO, tools: [weatherTool(calls)] });
    expect(calls).toEqual([{ city: "Paris" }]);
    expect(result.completion.choices[0]?.message.content).toBe("It is 21 C in Paris.");
    expect(result.rounds).toBe(2);
    expect(result.usage).toMatchObject({ prompt_tokens: 200, completion_tokens: 20, total_tokens: 220 });
    expect(result.usage.estimated_cost).toBeCloseTo(0.00003, 12);
    expect(result.messages.slice(1)).toEqual([
      { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city": "Paris"}' } }] },
      { role: "tool", tool_call_id: "call_1", content: '{"city":"Paris","temperature":21,"unit":"c"}' },
      { role: "assistant", content: "It is 21 C in Paris." },
    ]);
    const sent = await recordedRequests(testId);
    expect(sent).toHaveLength(2);
    const first = sent[0]?.json as { tools: unknown; model: string };
    expect(first.model).toBe("openchat/openchat-3.6-8b");
    expect(first.tools).toEqual([
      {
        type: "function",
        function: {
          name: "get_weather",
          description: "Weather for a city",
          parameters: { type: "object", properties: { city: { type: "string" }, unit: { enum: ["c", "f"] } }, required: ["city"] },
        },
      },
    ]);
    expect((sent[1]?.json as { messages: unknown[] }).messages).toEqual([...HELLO, ...result.messages.slice(1, 3)]);
  });

  it("feeds invalid arguments and unknown tools back to the model instead of running anything", async () => {
    const { client, testId } = testClient({
      sequence: [
        { body: toolCallReply([["call_a", "get_weather", '{"city": 5}'], ["call_b", "launch_rocket", "{}"], ["call_c", "get_weather", "{not json"]]) },
        { body: answer("Sorry.") },
      ],
    });
    const calls: Array<{ city: string }> = [];
    const events: RunToolsEvent[] = [];
    const runner = client.chat.completions.runTools({ model: "default", messages: HELLO, tools: [weatherTool(calls)] });
    for await (const event of runner) events.push(event);
    expect(calls).toEqual([]);
    const errors = events.filter((e) => e.type === "tool_error");
    expect(errors.map((e) => e.call.id)).toEqual(["call_a", "call_b", "call_c"]);
    const toolMessages = ((await recordedRequests(testId))[1]?.json as { messages: Array<{ role: string; content: string; tool_call_id?: string }> }).messages.filter((m) => m.role === "tool");
    expect(toolMessages.map((m) => m.tool_call_id)).toEqual(["call_a", "call_b", "call_c"]);
    expect(toolMessages[0]?.content).toContain("city must be a string (was a number)");
    expect(toolMessages[1]?.content).toContain('Unknown tool "launch_rocket"; available: get_weather');
    expect(toolMessages[2]?.content).toContain("arguments are not valid JSON");
    expect((await runner).completion.choices[0]?.message.content).toBe("Sorry.");
  });

  it("throws ToolRoundsExceededError at maxRounds (never a silent stop) and sends nothing more", async () => {
    const { client, testId } = testClient({ body: toolCallReply([["call_x", "get_weather", '{"city": "Oslo"}']]) });
    const calls: Array<{ city: string }> = [];
    const error = await rejection(client.chat.completions.runTools({ model: "default", messages: HELLO, tools: [weatherTool(calls)], maxRounds: 3 }).done());
    expect(error).toBeInstanceOf(ToolRoundsExceededError);
    const e = error as ToolRoundsExceededError;
    expect(e.maxRounds).toBe(3);
    expect(e.message).toContain("after 3 rounds");
    expect(e.messages.at(-1)).toMatchObject({ role: "assistant", tool_calls: [{ id: "call_x" }] });
    expect(calls).toHaveLength(2);
    expect(await recordedRequests(testId)).toHaveLength(3);
  });

  it("streams each round: text deltas and chunks as events, tools run between rounds", async () => {
    const round1 = sse([
      { choices: [{ index: 0, delta: { role: "assistant", tool_calls: [{ index: 0, id: "call_s", type: "function", function: { name: "get_weather", arguments: '{"ci' } }] }, finish_reason: null }] },
      { choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: 'ty": "Rome"}' } }] }, finish_reason: null }] },
      { choices: [{ index: 0, delta: {}, finish_reason: "tool_calls" }], usage: usage(0.00001) },
    ]);
    const round2 = sse([
      { choices: [{ index: 0, delta: { role: "assistant", content: "Rome: " }, finish_reason: null }] },
      { choices: [{ index: 0, delta: { content: "21 C." }, finish_reason: null }] },
      { choices: [{ index: 0, delta: {}, finish_reason: "stop" }], usage: usage(0.00002) },
    ]);
    const { client, testId } = testClient({ sequence: [{ body: round1 }, { body: round2 }], chunkSize: 11 });
    const calls: Array<{ city: string }> = [];
    const runner = client.chat.completions.runTools({ model: "default", messages: HELLO, tools: [weatherTool(calls)], stream: true });
    const text: string[] = [];
    const types = new Set<string>();
    for await (const event of runner) {
      types.add(event.type);
      if (event.type === "text") text.push(event.text);
    }
    expect(text).toEqual(["Rome: ", "21 C."]);
    expect([...types].sort()).toEqual(["chunk", "completion", "text", "tool_call", "tool_result"]);
    expect(calls).toEqual([{ city: "Rome" }]);
    const result = await runner;
    expect(result.rounds).toBe(2);
    expect(result.usage.estimated_cost).toBeCloseTo(0.00003, 12);
    expect((await recordedRequests(testId)).map((r) => (r.json as { stream: boolean }).stream)).toEqual([true, true]);
  });

  it("runs parallel calls concurrently and answers them in call order", async () => {
    const { client, testId } = testClient({ sequence: [{ body: toolCallReply([["call_1", "slow", '{"n": 1}'], ["call_2", "slow", '{"n": 2}']]) }, { body: answer("done") }] });
    let releaseSecond!: () => void;
    const secondStarted = new Promise<void>((resolve) => (releaseSecond = resolve));
    const slow = defineTool({
      name: "slow",
      parameters: type({ n: "number" }),
      run: async ({ n }) => {
        if (n === 2) releaseSecond();
        // Call 1 finishes only once call 2 has started: a sequential runner would answer "sequential".
        if (n === 1) return Promise.race([secondStarted.then(() => "one"), new Promise((r) => setTimeout(() => r("sequential"), 3000))]);
        return "two";
      },
    });
    await client.chat.completions.runTools({ model: "default", messages: HELLO, tools: [slow] });
    const messages = ((await recordedRequests(testId))[1]?.json as { messages: Array<{ role: string; content: string; tool_call_id?: string }> }).messages;
    expect(messages.filter((m) => m.role === "tool").map((m) => [m.tool_call_id, m.content])).toEqual([["call_1", "one"], ["call_2", "two"]]);
  });

  it("a forced tool_choice applies to the first round only, so the model can answer", async () => {
    const { client, testId } = testClient({ sequence: [{ body: toolCallReply([["call_1", "get_weather", '{"city": "Paris"}']]) }, { body: answer("ok") }] });
    await client.chat.completions.runTools({ model: "default", messages: HELLO, tools: [weatherTool([])], tool_choice: { type: "function", function: { name: "get_weather" } } });
    expect((await recordedRequests(testId)).map((r) => (r.json as { tool_choice: unknown }).tool_choice)).toEqual([{ type: "function", function: { name: "get_weather" } }, "auto"]);
  });

  it("a tool that throws stops the run with its error; nothing more is sent", async () => {
    const { client, testId } = testClient({ sequence: [{ body: toolCallReply([["call_1", "boom", "{}"]]) }, { body: answer("never") }] });
    const boom = defineTool({ name: "boom", parameters: type({}), run: () => { throw new RangeError("tool failed"); } });
    const error = await rejection(client.chat.completions.runTools({ model: "default", messages: HELLO, tools: [boom] }).done());
    expect(error).toBeInstanceOf(RangeError);
    expect(await recordedRequests(testId)).toHaveLength(1);
  });

  it.each([
    ["no tools", ["tools"]],
    ["maxRounds 0", ["maxRounds"]],
    ["a duplicate name", ["tools", 1, "name"]],
    ["a bad name", ["tools", 0, "name"]],
    ["parameters that are not a Standard Schema", ["tools", 0, "parameters"]],
  ])("rejects %s before any request", async (label, path) => {
    const { client, testId } = testClient();
    const tool = weatherTool([]);
    const tools: Record<string, unknown[]> = {
      "no tools": [],
      "a duplicate name": [tool, tool],
      "a bad name": [{ ...tool, name: "has space" }],
      "parameters that are not a Standard Schema": [{ ...tool, parameters: {} }],
    };
    const maxRounds = label === "maxRounds 0" ? 0 : undefined;
    const error = await rejection(client.chat.completions.runTools({ model: "default", messages: HELLO, tools: (tools[label] ?? [tool]) as never, ...(maxRounds === undefined ? {} : { maxRounds }) }).done());
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]?.path).toEqual(path);
    expect(await recordedRequests(testId)).toEqual([]);
  });

  it("breaking out of the events stops the run and rejects its result", async () => {
    const { client } = testClient({ body: toolCallReply([["call_1", "get_weather", '{"city": "Paris"}']]) });
    const runner = client.chat.completions.runTools({ model: "default", messages: HELLO, tools: [weatherTool([])] });
    for await (const event of runner) if (event.type === "completion") break;
    const error = await rejection(runner.done());
    expect(error.name).toBe("APIUserAbortError");
  });
});
