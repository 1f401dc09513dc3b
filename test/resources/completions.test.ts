import { describe, expect, it } from "vitest";
import {
  APIUserAbortError,
  CompletionStream,
  IncompleteStreamError,
  UnprocessableEntityError,
  UnsupportedFeatureError,
  ValidationError,
} from "../../src/index.js";
import completionStreamRaw from "../fixtures/completion-stream.sse?raw";
import { recordedRequests, waitClosed } from "../helpers.js";
import { FAKE_KEY, everythingIn, rejection, testClient } from "../setup-client.js";

const MODEL = "meta-llama/Meta-Llama-3.1-8B-Instruct";
const STREAMED_TEXT = ", a small robot named Zoë wanted to learn";

describe("completions.create", () => {
  it("sends prompt, echo and sampling options to /v1/openai/completions with the alias resolved", async () => {
    const { client, testId } = testClient();
    const completion = await client.completions.create({ model: "default", prompt: "Once upon a time", echo: true, max_tokens: 10, stop: ["\n"], temperature: 0.7, top_k: 40, logprobs: 0 });
    const [request] = await recordedRequests(testId);
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/v1/openai/completions");
    expect(request?.headers.authorization).toBe(`Bearer ${FAKE_KEY}`);
    expect(request?.headers["content-type"]).toMatch(/^application\/json/);
    expect(request?.headers.accept).toBe("application/json");
    expect(request?.json).toEqual({ model: "openchat/openchat-3.6-8b", prompt: "Once upon a time", echo: true, max_tokens: 10, stop: ["\n"], temperature: 0.7, top_k: 40, logprobs: 0 });
    expect(completion.object).toBe("text_completion");
    expect(completion.choices[0]?.text.startsWith("Once upon a time")).toBe(true);
    expect(completion.choices[0]?.finish_reason).toBe("length");
    expect(completion.usage).toEqual({ prompt_tokens: 5, completion_tokens: 10, total_tokens: 15, estimated_cost: 3e-7 });
  });

  it("streams: textStream yields each piece and finalCompletion assembles text and usage", async () => {
    const { client, testId } = testClient();
    const stream = await client.completions.create({ model: MODEL, prompt: "Once upon a time", stream: true });
    expect(stream).toBeInstanceOf(CompletionStream);
    const pieces: string[] = [];
    for await (const text of stream.textStream()) pieces.push(text);
    expect(pieces).toEqual([",", " a small robot", " named Zoë", " wanted to learn"]);
    const final = await stream.finalCompletion();
    expect(final).toEqual({
      id: "cmpl-8d2f1b7c4e",
      object: "text_completion",
      created: 1718000400,
      model: MODEL,
      choices: [{ index: 0, text: STREAMED_TEXT, logprobs: null, finish_reason: "length" }],
      usage: { prompt_tokens: 5, completion_tokens: 8, total_tokens: 13, estimated_cost: 2.6e-7 },
    });
    const [request] = await recordedRequests(testId);
    expect(request?.headers.accept).toBe("text/event-stream");
    expect(request?.json).toMatchObject({ stream: true });
  });

  it("assembles the same text when the body arrives in 7-byte pieces (multibyte characters split)", async () => {
    const { client } = testClient({ chunkSize: 7 });
    const stream = await client.completions.create({ model: MODEL, prompt: "Once upon a time", stream: true });
    expect((await stream.finalCompletion()).choices[0]?.text).toBe(STREAMED_TEXT);
  });

  it("appends streamed logprob arrays in order", async () => {
    const { client } = testClient();
    const stream = await client.completions.create({ model: MODEL, prompt: "Once upon a time", stream: true, logprobs: 2 });
    const final = await stream.finalCompletion();
    expect(final.choices[0]?.text).toBe(" there was");
    expect(final.choices[0]?.logprobs).toEqual({
      tokens: [" there", " was"],
      token_logprobs: [-0.12, -0.05],
      top_logprobs: [{ " there": -0.12, " a": -2.3 }, { " was": -0.05, " lived": -3.1 }],
      text_offset: [16, 22],
    });
  });

  it("passes the SSE bytes through toReadableStream unchanged", async () => {
    const { client } = testClient({ chunkSize: 50 });
    const stream = await client.completions.create({ model: MODEL, prompt: "Once upon a time", stream: true });
    expect(await new Response(stream.toReadableStream()).text()).toBe(completionStreamRaw);
  });

  it("rejects bad params with ValidationError before any request", async () => {
    const { client, testId } = testClient();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ prompt: ["a", "b"] }, "prompt"],
      [{ logprobs: 1.5 }, "logprobs"],
      [{ max_tokens: 0 }, "max_tokens"],
      [{ n: 5 }, "n"],
      [{ top_p: 0 }, "top_p"],
      [{ echo: "yes" }, "echo"],
      [{ temperature: 3 }, "temperature"],
    ];
    for (const [override, field] of cases) {
      const error = await rejection(client.completions.create({ model: MODEL, prompt: "hi", ...override } as never));
      expect(error, field).toBeInstanceOf(ValidationError);
      expect(error.message, field).toContain(field);
      expect((error as ValidationError).issues[0]?.path?.[0], field).toBe(field);
    }
    expect(await recordedRequests(testId)).toHaveLength(0);
  });

  it("treats an explicitly undefined option as absent, as JSON does", async () => {
    const { client, testId } = testClient();
    await client.completions.create({ model: MODEL, prompt: "hi", echo: undefined, stop: undefined });
    expect((await recordedRequests(testId))[0]?.json).toEqual({ model: MODEL, prompt: "hi" });
  });

  it("maps a FastAPI 422 to UnprocessableEntityError with the field named", async () => {
    const { client } = testClient({ fixture: "errors/422.json" });
    const error = await rejection(client.completions.create({ model: MODEL, prompt: "hi" }));
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.message).toContain("messages: field required");
  });

  it("records a 405 for echo so models.supports answers without a second failure", async () => {
    const { client } = testClient({ unsupported: ["echo"] });
    const error = await rejection(client.completions.create({ model: MODEL, prompt: "hi", echo: true }));
    expect(error).toBeInstanceOf(UnsupportedFeatureError);
    expect(client.models.supports(MODEL, "echo")).toBe(false);
    expect(client.models.supports(MODEL, "completions")).toBe(true);
  });

  it("throws IncompleteStreamError when the body ends before [DONE] and finish_reason", async () => {
    const { client } = testClient({ truncateAfterBytes: 400 });
    const stream = await client.completions.create({ model: MODEL, prompt: "hi", stream: true });
    expect(await rejection(stream.finalCompletion())).toBeInstanceOf(IncompleteStreamError);
  });

  it("abort() mid-stream throws APIUserAbortError and closes the upstream connection", async () => {
    const { client, testId } = testClient({ stallAfterBytes: 250 });
    const stream = await client.completions.create({ model: MODEL, prompt: "hi", stream: true });
    const seen: string[] = [];
    const error = await rejection((async () => {
      for await (const chunk of stream) {
        seen.push(chunk.choices[0]?.text ?? "");
        stream.abort();
      }
    })());
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(seen).toEqual([","]);
    expect((await waitClosed(testId)).clientClosed).toBe(true);
  });

  it("a signal aborts a non-streaming call waiting for headers", async () => {
    const { client, testId } = testClient({ headersDelayMs: 5_000 });
    const controller = new AbortController();
    const pending = client.completions.create({ model: MODEL, prompt: "hi" }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(await rejection(pending)).toBeInstanceOf(APIUserAbortError);
    expect((await waitClosed(testId)).clientClosed).toBe(true);
  });

  it("never puts the key in an error, even when the server echoes it", async () => {
    const { client } = testClient({ echoAuth: true });
    const error = await rejection(client.completions.create({ model: MODEL, prompt: "hi" }));
    expect(everythingIn(error)).not.toContain(FAKE_KEY);
  });
});
