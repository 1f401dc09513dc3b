// Pins the public types: checked by `tsc -p tsconfig.test.json` (npm run typecheck); the runtime
// assertions keep the file meaningful for vitest too.
import { describe, expectTypeOf, it, expect } from "vitest";
import { ChatStream, DeepInfra, MODEL_ALIASES, type ChatCompletion, type ChatCompletionChunk, type ChatCreateParams, type ModelAlias } from "../src/index.js";
import { FAKE_KEY } from "./setup-client.js";

describe("public types", () => {
  const client = new DeepInfra({ apiKey: FAKE_KEY });
  const messages = [{ role: "user" as const, content: "hi" }];

  it("create() returns a ChatCompletion without stream and a ChatStream with stream: true", () => {
    expectTypeOf(client.chat.completions.create({ model: "default", messages })).toEqualTypeOf<Promise<ChatCompletion>>();
    expectTypeOf(client.chat.completions.create({ model: "default", messages, stream: true })).toEqualTypeOf<Promise<ChatStream>>();
    const flag = Math.random() > 2;
    expectTypeOf(client.chat.completions.create({ model: "default", messages, stream: flag })).toEqualTypeOf<Promise<ChatCompletion | ChatStream>>();
    expect(typeof client.chat.completions.create).toBe("function");
  });

  it("a ChatStream is an async iterable of chunks with typed helpers", () => {
    expectTypeOf<ChatStream>().toMatchTypeOf<AsyncIterable<ChatCompletionChunk>>();
    expectTypeOf<ChatStream["textStream"]>().returns.toMatchTypeOf<AsyncIterable<string>>();
    expectTypeOf<ChatStream["finalCompletion"]>().returns.toEqualTypeOf<Promise<ChatCompletion>>();
    expectTypeOf<ChatStream["toReadableStream"]>().returns.toEqualTypeOf<ReadableStream<Uint8Array>>();
    expect(typeof ChatStream.fromResponse).toBe("function");
  });

  it("usage carries DeepInfra's estimated_cost, messages carry reasoning and tool calls", () => {
    expectTypeOf<NonNullable<ChatCompletion["usage"]>["estimated_cost"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ChatCompletion["choices"][number]["message"]["reasoning_content"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<NonNullable<ChatCompletion["choices"][number]["message"]["tool_calls"]>[number]["function"]["arguments"]>().toEqualTypeOf<string>();
  });

  it("model accepts aliases with completion and any string", () => {
    expectTypeOf<"default">().toMatchTypeOf<ChatCreateParams["model"]>();
    expectTypeOf<"meta-llama/Meta-Llama-3.1-8B-Instruct">().toMatchTypeOf<ChatCreateParams["model"]>();
    expectTypeOf<ModelAlias>().toEqualTypeOf<"default" | "large" | "small" | "agent">();
    expect(Object.keys(MODEL_ALIASES)).toEqual(["default", "large", "small", "agent"]);
  });

  it("rejects a wrong role and a tool message without tool_call_id at compile time", () => {
    // @ts-expect-error role "developer" is not a chat role
    const bad: ChatCreateParams = { model: "x", messages: [{ role: "developer", content: "hi" }] };
    // @ts-expect-error a tool message needs tool_call_id
    const noId: ChatCreateParams = { model: "x", messages: [{ role: "tool", content: "42" }] };
    expect([bad, noId]).toHaveLength(2);
  });
});
