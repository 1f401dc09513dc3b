// Contract of `deepinfra-edge/testing` with the real client, shared by the workerd and Node runs (the Deno run is
// test/testing/deno-contract.ts). Each case scripts the fake and asserts what the client makes of it.
import { describe, expect, it } from "vitest";
import type { DeepInfra as Client } from "../../src/index.js";
import type { createFakeDeepInfra as Create } from "../../src/testing/index.js";

type Errors = { APIError: new (...args: never[]) => Error; AuthenticationError: new (...args: never[]) => Error; NotFoundError: new (...args: never[]) => Error; RateLimitError: new (...args: never[]) => Error };

export function fakeContract(DeepInfra: typeof Client, createFakeDeepInfra: typeof Create, errors: Errors): void {
  const model = "meta-llama/Meta-Llama-3.1-8B-Instruct";
  const messages = [{ role: "user" as const, content: "hi there" }];
  const setup = (options?: Parameters<typeof Create>[0]) => {
    const fake = createFakeDeepInfra(options);
    return { fake, client: new DeepInfra({ apiKey: "test-key", fetch: fake.fetch, maxRetries: 0 }) };
  };

  describe("createFakeDeepInfra", () => {
    it("answers a chat with scripted text and records the request", async () => {
      const { fake, client } = setup({ replies: [{ text: "Hello from the fake", cost: 0.5 }] });
      const answer = await client.chat.completions.create({ model, messages, temperature: 0.2 });
      expect(answer.choices[0]?.message.content).toBe("Hello from the fake");
      expect(answer.usage?.estimated_cost).toBe(0.5);
      expect(fake.requests).toHaveLength(1);
      expect(fake.requests[0]).toMatchObject({ method: "POST", path: "/v1/openai/chat/completions", body: { model, messages, temperature: 0.2 } });
      expect(fake.requests[0]?.headers.authorization).toBe("Bearer test-key");
    });

    it("streams scripted chunks, and echoes when nothing is scripted", async () => {
      const { fake, client } = setup();
      fake.reply({ chunks: ["Hel", "lo", "!"] });
      const stream = await client.chat.completions.create({ model, messages, stream: true });
      const deltas: string[] = [];
      for await (const chunk of stream) if (chunk.choices[0]?.delta.content) deltas.push(chunk.choices[0].delta.content);
      expect(deltas).toEqual(["Hel", "lo", "!"]);
      const echo = await client.chat.completions.create({ model, messages });
      expect(echo.choices[0]?.message.content).toBe("You said: hi there");
    });

    it("streams tool calls in fragments that the client merges", async () => {
      const { client } = setup({ replies: [{ toolCalls: [{ name: "get_weather", arguments: { city: "Paris" } }] }] });
      const stream = await client.chat.completions.create({ model, messages, stream: true, tools: [{ type: "function", function: { name: "get_weather", parameters: { type: "object" } } }] });
      const final = await stream.finalCompletion();
      expect(final.choices[0]?.finish_reason).toBe("tool_calls");
      expect(final.choices[0]?.message.tool_calls?.[0]?.function).toEqual({ name: "get_weather", arguments: '{"city":"Paris"}' });
    });

    it("scripted HTTP errors become the SDK's typed errors", async () => {
      const { client } = setup({ replies: [{ error: { status: 429, message: "slow down", headers: { "retry-after": "1" } } }] });
      const error = await client.chat.completions.create({ model, messages }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(errors.RateLimitError);
      expect((error as Error).message).toContain("slow down");
    });

    it("a wrong key is a 401 and an unknown model a 404", async () => {
      const fake = createFakeDeepInfra({ apiKey: "right", models: [model] });
      const wrong = new DeepInfra({ apiKey: "wrong", fetch: fake.fetch, maxRetries: 0 });
      expect(await wrong.chat.completions.create({ model, messages }).catch((e: unknown) => e)).toBeInstanceOf(errors.AuthenticationError);
      const right = new DeepInfra({ apiKey: "right", fetch: fake.fetch, maxRetries: 0 });
      const missing = await right.chat.completions.create({ model: "no/such-model", messages }).catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(errors.NotFoundError);
      expect((missing as Error).message).toContain("The model `no/such-model` does not exist");
      const list = await right.models.list();
      expect(list.data.map((m) => m.id)).toEqual([model]);
    });

    it("an error frame mid-stream is thrown after the text before it", async () => {
      const { client } = setup({ replies: [{ text: "one two three", errorFrame: { message: "model crashed", after: 2 } }] });
      const stream = await client.chat.completions.create({ model, messages, stream: true });
      let text = "";
      const error = await (async () => {
        for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
      })().catch((e: unknown) => e);
      expect(text).toBe("one two ");
      expect(error).toBeInstanceOf(errors.APIError);
      expect((error as Error).message).toContain("model crashed");
    });

    it("a cut stream is an error, never a short answer", async () => {
      const { client } = setup({ replies: [{ text: "one two three", cutAfter: 1 }] });
      const stream = await client.chat.completions.create({ model, messages, stream: true });
      await expect(stream.finalCompletion()).rejects.toThrow();
    });

    it("a stalled stream ends when the caller aborts", async () => {
      const { client } = setup({ replies: [{ text: "one two three", stallAfter: 1 }] });
      const controller = new AbortController();
      const stream = await client.chat.completions.create({ model, messages, stream: true }, { signal: controller.signal });
      let text = "";
      const done = (async () => {
        for await (const chunk of stream) {
          text += chunk.choices[0]?.delta.content ?? "";
          if (text === "one ") controller.abort();
        }
      })().catch((e: unknown) => e);
      expect(await done).toBeInstanceOf(Error);
      expect(text).toBe("one ");
    });

    it("model quirks: reasoning_content, usage in a separate chunk, no [DONE]", async () => {
      const { client } = setup({ quirks: { reasoning: "thinking…", usageChunk: "separate", noDone: true }, replies: [{ text: "done", cost: 0.25 }] });
      const stream = await client.chat.completions.create({ model, messages, stream: true, stream_options: { include_usage: true } });
      const final = await stream.finalCompletion();
      expect(final.choices[0]?.message.content).toBe("done");
      expect(final.choices[0]?.message.reasoning_content).toBe("thinking…");
      expect(final.usage?.estimated_cost).toBe(0.25);
    });

    it("embeddings are deterministic per text", async () => {
      const { client } = setup();
      const a = await client.embeddings.create({ model: "BAAI/bge-base-en-v1.5", input: ["x", "y", "x"] });
      expect(a.data).toHaveLength(3);
      expect(a.data[0]?.embedding).toEqual(a.data[2]?.embedding);
      expect(a.data[0]?.embedding).not.toEqual(a.data[1]?.embedding);
    });
  });
}
