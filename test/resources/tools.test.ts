import { describe, expect, expectTypeOf, it } from "vitest";
import { ValidationError, type ChatToolCall } from "../../src/index.js";
import { recordedRequests } from "../helpers.js";
import { HELLO, rejection, testClient } from "../setup-client.js";

const WEATHER = {
  type: "function" as const,
  function: {
    name: "get_current_weather",
    description: "Current weather in a location",
    parameters: { type: "object", properties: { location: { type: "string" }, unit: { type: "string", enum: ["celsius", "fahrenheit"] } }, required: ["location"] },
  },
};

const PARALLEL_CALLS: ChatToolCall[] = [
  { id: "call_paris01", type: "function", function: { name: "get_current_weather", arguments: '{"location": "Paris, FR", "unit": "celsius"}' } },
  { id: "call_tokyo02", type: "function", function: { name: "get_current_weather", arguments: '{"location": "Tōkyō, JP"}' } },
];

describe("tools", () => {
  it("non-streaming: tool_calls are typed and tools/tool_choice go out as given", async () => {
    const { client, testId } = testClient();
    const completion = await client.chat.completions.create({ model: "default", messages: HELLO, tools: [WEATHER], tool_choice: { type: "function", function: { name: "get_current_weather" } } });
    const calls = completion.choices[0]?.message.tool_calls;
    expectTypeOf(calls).toEqualTypeOf<ChatToolCall[] | undefined>();
    expect(calls).toEqual([{ id: "call_9pXk2LqV0sT1", type: "function", function: { name: "get_current_weather", arguments: '{"location": "San Francisco, CA"}' } }]);
    expect(completion.choices[0]?.finish_reason).toBe("tool_calls");
    expect((await recordedRequests(testId))[0]?.json).toMatchObject({ tools: [WEATHER], tool_choice: { type: "function", function: { name: "get_current_weather" } } });
  });

  it.each([1, 5, 13, 64])("streaming: two parallel calls split mid-argument (and every %i bytes) assemble exactly", async (chunkSize) => {
    const { client } = testClient({ fixture: "chat-stream-tools-parallel.sse", chunkSize });
    const stream = await client.chat.completions.create({ model: "default", messages: HELLO, tools: [WEATHER], stream: true });
    const fragments: Array<[number, string]> = [];
    for await (const chunk of stream) {
      for (const call of chunk.choices[0]?.delta.tool_calls ?? []) fragments.push([call.index, call.function?.arguments ?? ""]);
    }
    // The fixture interleaves the two calls and cuts strings mid-word: the assembly is by index, not by order.
    expect(fragments.map(([index]) => index)).toEqual([0, 0, 1, 0, 1, 0]);
    const final = await stream.finalCompletion();
    expect(final.choices[0]?.message).toEqual({ role: "assistant", content: null, tool_calls: PARALLEL_CALLS });
    expect(final.choices[0]?.finish_reason).toBe("tool_calls");
    expect(final.usage).toEqual({ prompt_tokens: 230, completion_tokens: 48, total_tokens: 278, estimated_cost: 0.0000641 });
    for (const call of final.choices[0]?.message.tool_calls ?? []) expect(() => JSON.parse(call.function.arguments)).not.toThrow();
  });

  it.each([
    [{ type: "function", function: { name: "not_declared" } }, ["tool_choice", "function", "name"], 'must be the name of a declared tool ("get_current_weather") (was "not_declared")'],
    [5, ["tool_choice"], "tool_choice must be a string or an object (was a number)"],
  ])("tool_choice %j is a ValidationError before any request", async (toolChoice, path, text) => {
    const { client, testId } = testClient();
    const error = await rejection(client.chat.completions.create({ model: "default", messages: HELLO, tools: [WEATHER], tool_choice: toolChoice as never }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain(text);
    expect((error as ValidationError).issues.map((i) => [...(i.path ?? [])])).toContainEqual(path);
    expect(await recordedRequests(testId)).toEqual([]);
  });
});
