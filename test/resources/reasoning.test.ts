import { describe, expect, expectTypeOf, it } from "vitest";
import { ValidationError, type ChatCompletionChunk } from "../../src/index.js";
import { recordedRequests } from "../helpers.js";
import { HELLO, rejection, testClient } from "../setup-client.js";

const REASONING = ["The user asks for 15!/13!.", " That is 15 * 14 = 210."];

describe("reasoning", () => {
  it.each([undefined, 1, 9])("reasoningStream() yields reasoning_content separately from the answer (chunkSize %s)", async (chunkSize) => {
    const { client, testId } = testClient(chunkSize ? { chunkSize } : undefined);
    const stream = await client.chat.completions.create({ model: "deepseek-ai/DeepSeek-R1", messages: HELLO, reasoning_effort: "high", stream: true });
    const thoughts: string[] = [];
    for await (const piece of stream.reasoningStream()) thoughts.push(piece);
    expect(thoughts).toEqual(REASONING);
    const final = await stream.finalCompletion();
    expect(final.choices[0]?.message).toEqual({ role: "assistant", content: "15! / 13! = 210", reasoning_content: REASONING.join("") });
    expect(final.usage?.estimated_cost).toBe(0.0000693);
    expect((await recordedRequests(testId))[0]?.json).toMatchObject({ reasoning_effort: "high", stream: true });
  });

  it("textStream() leaves the reasoning out; chunk deltas type reasoning_content", async () => {
    const { client } = testClient();
    const stream = await client.chat.completions.create({ model: "deepseek-ai/DeepSeek-R1", messages: HELLO, reasoning_effort: "low", stream: true });
    const text: string[] = [];
    for await (const piece of stream.textStream()) text.push(piece);
    expect(text).toEqual(["15! / 13! = ", "210"]);
    expectTypeOf<ChatCompletionChunk["choices"][number]["delta"]["reasoning_content"]>().toEqualTypeOf<string | null | undefined>();
  });

  it("non-streaming: message.reasoning_content is typed and returned as sent", async () => {
    const body = {
      id: "chatcmpl-r1",
      object: "chat.completion",
      created: 1738000001,
      model: "deepseek-ai/DeepSeek-R1",
      choices: [{ index: 0, message: { role: "assistant", content: "210", reasoning_content: "15 * 14 = 210." }, finish_reason: "stop" }],
      usage: { prompt_tokens: 14, completion_tokens: 20, total_tokens: 34, estimated_cost: 0.00005 },
    };
    const { client, testId } = testClient({ body });
    const completion = await client.chat.completions.create({ model: "deepseek-ai/DeepSeek-R1", messages: HELLO, reasoning_effort: "none" });
    expectTypeOf(completion.choices[0]!.message.reasoning_content).toEqualTypeOf<string | null | undefined>();
    expect(completion.choices[0]?.message.reasoning_content).toBe("15 * 14 = 210.");
    expect(completion.choices[0]?.message.content).toBe("210");
    expect((await recordedRequests(testId))[0]?.json).toMatchObject({ reasoning_effort: "none" });
  });

  it("reasoning_effort: any string is sent (DeepInfra keeps adding levels); a non-string is refused before any request", async () => {
    const { client, testId } = testClient();
    await client.chat.completions.create({ model: "default", messages: HELLO, reasoning_effort: "max" });
    expect((await recordedRequests(testId))[0]?.json).toMatchObject({ reasoning_effort: "max" });
    const error = await rejection(client.chat.completions.create({ model: "default", messages: HELLO, reasoning_effort: 5 as never }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe("Invalid chat.completions.create params: reasoning_effort must be a string (was a number)");
    expect(await recordedRequests(testId)).toHaveLength(1);
  });
});
