import { describe, expect, expectTypeOf, it } from "vitest";
import { APIUserAbortError, NotFoundError, UnprocessableEntityError, ValidationError, type DetokenizeResponse, type TokenizeResponse } from "../../src/index.js";
import { recordedRequests, waitClosed } from "../helpers.js";
import { FAKE_KEY, everythingIn, rejection, testClient } from "../setup-client.js";

const MODEL = "meta-llama/Meta-Llama-3.1-8B-Instruct";
const bytes = (text: string) => [...new TextEncoder().encode(text)];

describe("tokenize", () => {
  it("posts { model, prompt } to /v1/tokenize and reads { count, max_model_len, tokens }", async () => {
    const { client, testId } = testClient();
    const out = await client.tokenize({ model: MODEL, prompt: "Hello world" });
    const [request] = await recordedRequests(testId);
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/v1/tokenize");
    expect(request?.headers.authorization).toBe(`Bearer ${FAKE_KEY}`);
    expect(request?.headers["content-type"]).toMatch(/^application\/json/);
    expect(request?.json).toEqual({ model: MODEL, prompt: "Hello world" });
    // The upstream's tokenizer is byte-level.
    expect(out).toEqual({ count: 11, max_model_len: 8192, tokens: bytes("Hello world") });
    expectTypeOf(out).toEqualTypeOf<TokenizeResponse>();
  });

  it("resolves a chat alias, sends messages and token_strs, and passes extra_body through", async () => {
    const { client, testId } = testClient(undefined, { modelAliases: { default: MODEL } });
    const out = await client.tokenize({ model: "default", messages: [{ role: "user", content: "Hi" }], return_token_strs: true, extra_body: { add_special_tokens: false } });
    expect((await recordedRequests(testId))[0]?.json).toEqual({ model: MODEL, messages: [{ role: "user", content: "Hi" }], return_token_strs: true, add_special_tokens: false });
    const text = "<|user|>Hi<|assistant|>";
    expect(out.tokens).toEqual(bytes(text));
    expect(out.token_strs?.join("")).toBe(text);
    expect(out.count).toBe(text.length);
  });

  it("fills count from tokens when a server leaves it out", async () => {
    const { client } = testClient({ body: { max_model_len: 4096, tokens: [1, 2, 3] } });
    expect(await client.tokenize({ model: MODEL, prompt: "x" })).toEqual({ count: 3, max_model_len: 4096, tokens: [1, 2, 3] });
  });

  it("refuses bad parameters before sending, naming the field and the rule", async () => {
    const { client, testId } = testClient();
    const cases: Array<[unknown, string]> = [
      [{ model: MODEL }, "Invalid tokenize params: prompt or messages must be given (was missing)"],
      [{ model: "", prompt: "x" }, 'Invalid tokenize params: model must be a non-empty string (was "")'],
      [{ model: MODEL, prompt: 42 }, "Invalid tokenize params: prompt must be a string (was a number)"],
      [{ model: MODEL, messages: [] }, "Invalid tokenize params: messages must be a non-empty array of messages (was [])"],
      [{ model: MODEL, messages: [{ content: "x" }] }, "Invalid tokenize params: messages[0].role must be a string (was missing)"],
    ];
    for (const [params, message] of cases) {
      const error = await rejection(client.tokenize(params as never));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.message).toBe(message);
    }
    expect(await recordedRequests(testId)).toHaveLength(0);
    // validate: false sends it as is, and the server's 422 comes back typed.
    const sent = await rejection(client.tokenize({ model: MODEL } as never, { validate: false }));
    expect(sent).toBeInstanceOf(UnprocessableEntityError);
    expect(sent.message).toMatch(/^422 prompt: prompt or messages required/);
  });

  it("maps refusals to the status classes, key scrubbed, and throws on an answer without tokens", async () => {
    const missing = await rejection(testClient({ status: 404, body: { detail: "Model not found" } }).client.tokenize({ model: "acme/gone", prompt: "x" }));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing.message).toContain("POST http://127.0.0.1");
    const echoed = await rejection(testClient({ echoAuth: true }).client.tokenize({ model: MODEL, prompt: "x" }));
    expect(everythingIn(echoed)).not.toContain(FAKE_KEY);
    const shapeless = await rejection(testClient({ body: { count: 1 } }).client.tokenize({ model: MODEL, prompt: "x" }));
    expect(shapeless.message).toMatch(/^tokenize: the response has no `tokens` array\./);
  });

  it("a signal aborts the call and the upstream sees the socket close", async () => {
    const { client, testId } = testClient({ headersDelayMs: 5_000 });
    const controller = new AbortController();
    const pending = client.tokenize({ model: MODEL, prompt: "x" }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(await rejection(pending)).toBeInstanceOf(APIUserAbortError);
    expect((await waitClosed(testId)).clientClosed).toBe(true);
  });
});

describe("detokenize", () => {
  it("posts { model, tokens } to /v1/detokenize and gives the text as prompt and text", async () => {
    const { client, testId } = testClient();
    const out = await client.detokenize({ model: MODEL, tokens: bytes("Grüße") });
    const [request] = await recordedRequests(testId);
    expect(request?.path).toBe("/v1/detokenize");
    expect(request?.json).toEqual({ model: MODEL, tokens: bytes("Grüße") });
    expect(out).toEqual({ prompt: "Grüße", text: "Grüße" });
    expectTypeOf(out).toEqualTypeOf<DetokenizeResponse>();
  });

  it("reads a `text` answer too, and throws on an answer with neither", async () => {
    expect(await testClient({ body: { text: "hi" } }).client.detokenize({ model: MODEL, tokens: [1] })).toEqual({ prompt: "hi", text: "hi" });
    const error = await rejection(testClient({ body: { tokens: [1] } }).client.detokenize({ model: MODEL, tokens: [1] }));
    expect(error.message).toMatch(/^detokenize: the response has neither `prompt` nor `text`\./);
  });

  it("refuses token ids that are not integers >= 0", async () => {
    const { client, testId } = testClient();
    const error = await rejection(client.detokenize({ model: MODEL, tokens: [1, -2] }));
    expect(error.message).toBe("Invalid detokenize params: tokens[1] must be at least 0 (was -2)");
    expect((error as ValidationError).issues[0]?.path).toEqual(["tokens", 1]);
    expect(await recordedRequests(testId)).toHaveLength(0);
  });
});
