// Issue 20's "Done when", each against the local upstream playing a quirk from test/fixtures/quirks/.
import { type } from "arktype";
import { describe, expect, it } from "vitest";
import { BadRequestError, DeepInfraError, defineTool, isDeepInfraError, ToolCallTruncatedError, type ChatMessage } from "../../src/index.js";
import thinkInline from "../fixtures/quirks/think-inline.sse?raw";
import { recordedRequests } from "../helpers.js";
import { HELLO, rejection, testClient } from "../setup-client.js";

const q = (name: string) => ({ fixture: `quirks/${name}.sse` });
const stream = { model: "default", messages: HELLO, stream: true as const };

function weather(calls: Array<{ city: string }>) {
  return defineTool({
    name: "get_weather",
    parameters: type({ city: "string" }),
    run: ({ city }) => {
      calls.push({ city });
      return { city, temperature: 21 };
    },
  });
}

/** The second request's conversation: what the SDK sent back after the tool round. */
async function sentBack(testId: string): Promise<ChatMessage[]> {
  const sent = await recordedRequests(testId);
  expect(sent).toHaveLength(2);
  return (sent[1]?.json as { messages: ChatMessage[] }).messages;
}

describe("tool-call ids as open models send them", () => {
  it("a numeric id comes out as a non-empty string, in the completion and in the tool result", async () => {
    const { client } = testClient(q("numeric-tool-call-id"));
    const completion = await (await client.chat.completions.create(stream)).finalCompletion();
    expect(completion.choices[0]?.message.tool_calls).toEqual([{ id: "987654321", type: "function", function: { name: "get_weather", arguments: '{"city": "Paris"}' } }]);

    const run = testClient({ sequence: [q("numeric-tool-call-id"), q("answer")] });
    const calls: Array<{ city: string }> = [];
    const result = await run.client.chat.completions.runTools({ model: "default", messages: HELLO, tools: [weather(calls)], stream: true });
    expect(calls).toEqual([{ city: "Paris" }]);
    expect(result.completion.choices[0]?.message.content).toBe("It is 21 C in Paris.");
    const back = await sentBack(run.testId);
    expect(back.slice(1)).toEqual([
      { role: "assistant", content: null, tool_calls: [{ id: "987654321", type: "function", function: { name: "get_weather", arguments: '{"city": "Paris"}' } }] },
      { role: "tool", tool_call_id: "987654321", content: '{"city":"Paris","temperature":21}' },
    ]);
  });

  it("a call streamed without any id is answered under the id the SDK gave it (derived from the response id)", async () => {
    const { client, testId } = testClient({ sequence: [q("no-tool-call-id"), q("answer")] });
    const calls: Array<{ city: string }> = [];
    await client.chat.completions.runTools({ model: "default", messages: HELLO, tools: [weather(calls)], stream: true });
    expect(calls).toEqual([{ city: "Paris" }]);
    const back = await sentBack(testId);
    const id = "call_chatcmpl-noIdAtAll00000000000001_0";
    expect((back[1] as { tool_calls: Array<{ id: string }> }).tool_calls[0]?.id).toBe(id);
    expect(back[2]).toEqual({ role: "tool", tool_call_id: id, content: '{"city":"Paris","temperature":21}' });
  });

  it("an id that arrives after the first fragment is kept, and the arguments stay whole", async () => {
    const { client } = testClient(q("late-tool-call-id"));
    const completion = await (await client.chat.completions.create(stream)).finalCompletion();
    expect(completion.choices[0]?.message.tool_calls).toEqual([{ id: "call_late_7Qm", type: "function", function: { name: "get_weather", arguments: '{"city": "Paris"}' } }]);
  });

  it("two whole calls sent one per chunk without index stay two calls", async () => {
    const { client, testId } = testClient({ sequence: [q("tool-calls-without-index"), q("answer")] });
    const calls: Array<{ city: string }> = [];
    await client.chat.completions.runTools({ model: "default", messages: HELLO, tools: [weather(calls)], stream: true });
    expect(calls).toEqual([{ city: "Paris" }, { city: "Rome" }]);
    const back = await sentBack(testId);
    expect((back[1] as { tool_calls: unknown[] }).tool_calls).toEqual([
      { id: "call_a1", type: "function", function: { name: "get_weather", arguments: '{"city": "Paris"}' } },
      { id: "call_b2", type: "function", function: { name: "get_weather", arguments: '{"city": "Rome"}' } },
    ]);
    expect(back.slice(2).map((m) => (m as { tool_call_id: string }).tool_call_id)).toEqual(["call_a1", "call_b2"]);
  });

  it("a name and id repeated in every fragment are assigned, not appended", async () => {
    const { client } = testClient(q("names-repeated"));
    const completion = await (await client.chat.completions.create(stream)).finalCompletion();
    expect(completion.choices[0]?.message.tool_calls).toEqual([{ id: "call_rep", type: "function", function: { name: "get_weather", arguments: '{"city": "Paris"}' } }]);
  });
});

describe("reasoning passed back on tool turns", () => {
  it("a strict upstream that refuses tool turns without reasoning_content completes a runTools loop", async () => {
    const { client, testId } = testClient({ strictReasoning: true, sequence: [q("reasoning-tool-turn"), q("answer")] });
    const calls: Array<{ city: string }> = [];
    const result = await client.chat.completions.runTools({ model: "default", messages: HELLO, tools: [weather(calls)], stream: true });
    expect(result.completion.choices[0]?.message.content).toBe("It is 21 C in Paris.");
    expect(result.rounds).toBe(2);
    const back = await sentBack(testId);
    expect(back[1]).toMatchObject({ role: "assistant", reasoning_content: "I need the weather for Paris.", tool_calls: [{ id: "call_ds1" }] });
  });

  it("keepReasoning: 'none' drops it, and the strict upstream's 400 comes through typed after the second request", async () => {
    const { client, testId } = testClient({ strictReasoning: true, sequence: [q("reasoning-tool-turn"), q("answer")] });
    const error = await rejection(client.chat.completions.runTools({ model: "default", messages: HELLO, tools: [weather([])], stream: true, keepReasoning: "none" }).done());
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toContain("reasoning_content");
    const sent = await recordedRequests(testId);
    expect(sent.map((r) => r.status)).toEqual([200, 400]);
    expect((sent[1]?.json as { messages: Array<Record<string, unknown>> }).messages[1]).not.toHaveProperty("reasoning_content");
  });

  it("keepReasoning: 'all' also keeps it on the final answer's turn in the returned conversation", async () => {
    const { client } = testClient({ sequence: [q("reasoning-tool-turn"), q("answer")] });
    const result = await client.chat.completions.runTools({ model: "default", messages: HELLO, tools: [weather([])], stream: true, keepReasoning: "all" });
    expect(result.messages[1]).toMatchObject({ reasoning_content: "I need the weather for Paris." });
  });
});

describe("R1-style inline thinking", () => {
  const answer = '{"city": "Paris", "country": "France"}';
  const thought = "\nThe user wants JSON with the city. Paris is the capital of France.\n";

  it("textStream() gets only the answer and reasoningStream()/reasoning_content the thinking, tags split at odd bytes", async () => {
    // The fixture really splits the tags mid-tag: the test would pass vacuously otherwise.
    expect(thinkInline).toContain('"content":"<th"');
    expect(thinkInline).toContain('</t"');
    expect(thinkInline).toContain('"content":"hink>"');
    const { client } = testClient(q("think-inline"));
    const chat = await client.chat.completions.create(stream);
    const texts: string[] = [];
    for await (const text of chat.textStream()) texts.push(text);
    expect(texts.join("")).toBe(answer);
    const completion = await chat.finalCompletion();
    expect(completion.choices[0]?.message.content).toBe(answer);
    expect(completion.choices[0]?.message.reasoning_content).toBe(thought);

    const again = await testClient(q("think-inline")).client.chat.completions.create(stream);
    let reasoning = "";
    for await (const text of again.reasoningStream()) reasoning += text;
    expect(reasoning).toBe(thought);
  });

  it("thinkTags: false leaves content as sent", async () => {
    const { client } = testClient(q("think-inline"));
    const completion = await (await client.chat.completions.create(stream, { thinkTags: false })).finalCompletion();
    expect(completion.choices[0]?.message.content).toBe(`<think>${thought}</think>\n\n${answer}`);
    expect(completion.choices[0]?.message.reasoning_content).toBeUndefined();
  });

  it("parse() returns the JSON after a think block it was not told about", async () => {
    const { client } = testClient({ fixture: "quirks/think-inline-json.json" });
    const { parsed, attempts } = await client.chat.completions.parse({ model: "default", messages: HELLO, schema: type({ city: "string", country: "string" }) });
    expect(parsed).toEqual({ city: "Paris", country: "France" });
    expect(attempts).toBe(1);
  });
});

describe("arguments cut by finish_reason length", () => {
  it("throw a typed DeepInfraError naming the call and the cut, after one request", async () => {
    const { client, testId } = testClient({ sequence: [q("tool-args-length"), q("answer")] });
    const calls: Array<{ city: string }> = [];
    const error = await rejection(client.chat.completions.runTools({ model: "default", messages: HELLO, tools: [weather(calls)], stream: true }).done());
    expect(error).toBeInstanceOf(ToolCallTruncatedError);
    expect(error).toBeInstanceOf(DeepInfraError);
    expect(isDeepInfraError(error)).toBe(true);
    expect(error.message).toContain('"get_weather" (call_cut)');
    expect(error.message).toContain("13 characters");
    expect((error as ToolCallTruncatedError).call.function.arguments).toBe('{"city": "Par');
    expect(calls).toEqual([]);
    expect(await recordedRequests(testId)).toHaveLength(1);
  });
});

describe("tool calls leaked as text (opt-in)", () => {
  it("with leakedToolCalls: true, a <tool_call> block naming a declared tool runs as a call", async () => {
    const { client, testId } = testClient({ sequence: [q("tool-call-leaked"), q("answer")] });
    const calls: Array<{ city: string }> = [];
    const result = await client.chat.completions.runTools({ model: "default", messages: HELLO, tools: [weather(calls)], stream: true, leakedToolCalls: true });
    expect(calls).toEqual([{ city: "Paris" }]);
    expect(result.rounds).toBe(2);
    const back = await sentBack(testId);
    expect(back[1]).toEqual({ role: "assistant", content: null, tool_calls: [{ id: "call_chatcmpl-leaked000000000000001_0", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }] });
  });

  it("off by default: the text is the answer", async () => {
    const { client, testId } = testClient({ sequence: [q("tool-call-leaked"), q("answer")] });
    const calls: Array<{ city: string }> = [];
    const result = await client.chat.completions.runTools({ model: "default", messages: HELLO, tools: [weather(calls)], stream: true });
    expect(calls).toEqual([]);
    expect(result.completion.choices[0]?.message.content).toContain("<tool_call>");
    expect(await recordedRequests(testId)).toHaveLength(1);
  });

  it("a bare { name, arguments } reply naming an undeclared tool stays text", async () => {
    const body = { id: "chatcmpl-bare", object: "chat.completion", created: 1, model: "m", choices: [{ index: 0, message: { role: "assistant", content: '{"name": "launch", "arguments": {}}' }, finish_reason: "stop" }] };
    const { client } = testClient({ body });
    const result = await client.chat.completions.runTools({ model: "default", messages: HELLO, tools: [weather([])], leakedToolCalls: true });
    expect(result.rounds).toBe(1);
    expect(result.completion.choices[0]?.message.content).toBe('{"name": "launch", "arguments": {}}');
  });
});
