import { describe, expect, it } from "vitest";
import {
  APIConnectionError,
  APIError,
  APIUserAbortError,
  ChatStream,
  DeepInfraError,
  IncompleteStreamError,
  RateLimitError,
  type ChatCompletionChunk,
} from "../../src/index.js";
import streamFixture from "../fixtures/chat-stream.sse?raw";
import toolsFixture from "../fixtures/chat-stream-tools.sse?raw";
import toolsJSON from "../fixtures/chat-tools.json";
import { recordedRequests, waitClosed } from "../helpers.js";
import { HELLO, rejection, testClient } from "../setup-client.js";

const params = { model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages: HELLO, stream: true as const };
const bytes = (text: string) => new TextEncoder().encode(text);

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.byteLength;
  }
  return out;
}

describe("ChatStream", () => {
  it("yields typed chunks and asks for an event stream", async () => {
    const { client, testId } = testClient();
    const stream = await client.chat.completions.create(params);
    expect(stream).toBeInstanceOf(ChatStream);
    const chunks: ChatCompletionChunk[] = await collect(stream);
    expect(chunks).toHaveLength(5);
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? null)).toEqual(["", "Hello", " there", "!", null]);
    expect(chunks[4]?.choices[0]?.finish_reason).toBe("stop");
    expect(chunks[4]?.usage).toEqual({ prompt_tokens: 10, completion_tokens: 4, total_tokens: 14, estimated_cost: 2.8e-7 });
    const [request] = await recordedRequests(testId);
    expect(request?.headers.accept).toBe("text/event-stream");
    expect((request?.json as { stream: boolean }).stream).toBe(true);
  });

  it("textStream() yields content pieces; finalCompletion() assembles the completion with usage", async () => {
    const { client } = testClient();
    const stream = await client.chat.completions.create(params);
    expect(await collect(stream.textStream())).toEqual(["Hello", " there", "!"]);
    const completion = await stream.finalCompletion();
    expect(completion).toEqual({
      id: "chatcmpl-7b2f1c9e4a",
      object: "chat.completion",
      created: 1718000000,
      model: "meta-llama/Meta-Llama-3.1-8B-Instruct",
      choices: [{ index: 0, message: { role: "assistant", content: "Hello there!" }, finish_reason: "stop" }],
      usage: { prompt_tokens: 10, completion_tokens: 4, total_tokens: 14, estimated_cost: 2.8e-7 },
    });
  });

  it("finalCompletion() on an unread stream reads it; tool calls assemble to the non-streaming shape", async () => {
    const { client } = testClient({ fixture: "chat-stream-tools.sse" });
    const stream = await client.chat.completions.create(params);
    const completion = await stream.finalCompletion();
    expect(completion.choices).toEqual(toolsJSON.choices);
    expect(completion.usage).toEqual(toolsJSON.usage);
  });

  it("parses every byte split of the stream identically (one byte per write)", async () => {
    const { client } = testClient({ chunkSize: 1 });
    const stream = await client.chat.completions.create(params);
    expect((await stream.finalCompletion()).choices[0]?.message.content).toBe("Hello there!");
  });

  it("reasoningStream() separates reasoning_content from the answer", async () => {
    const { client } = testClient({ fixture: "chat-stream-reasoning.sse" });
    const stream = await client.chat.completions.create({ ...params, reasoning_effort: "low" });
    expect(await collect(stream.reasoningStream())).toEqual(["The user asks for 15!/13!.", " That is 15 * 14 = 210."]);
    const completion = await stream.finalCompletion();
    expect(completion.choices[0]?.message).toEqual({ role: "assistant", content: "15! / 13! = 210", reasoning_content: "The user asks for 15!/13!. That is 15 * 14 = 210." });
  });

  it("ends at [DONE] even when the connection lingers, and closes it", async () => {
    const { client, testId } = testClient({ linger: true });
    const stream = await client.chat.completions.create(params);
    const completion = await stream.finalCompletion();
    expect(completion.choices[0]?.message.content).toBe("Hello there!");
    const record = await waitClosed(testId);
    expect(record.clientClosed).toBe(true);
  });

  it("throws IncompleteStreamError when the body ends before [DONE] and before a finish_reason", async () => {
    const cut = streamFixture.indexOf('"content":" there"') + 5;
    const { client } = testClient({ truncateAfterBytes: cut });
    const stream = await client.chat.completions.create(params);
    const seen: string[] = [];
    const error = await rejection((async () => {
      for await (const text of stream.textStream()) seen.push(text);
    })());
    expect(error).toBeInstanceOf(IncompleteStreamError);
    expect(error.message).toContain("the answer is incomplete");
    expect(seen).toEqual(["Hello"]);
    await expect(stream.finalCompletion()).rejects.toBeInstanceOf(IncompleteStreamError);
  });

  it("accepts a body that ends after the finish_reason chunk but without [DONE]", async () => {
    const { client } = testClient({ truncateAfterBytes: streamFixture.indexOf("data: [DONE]") });
    const stream = await client.chat.completions.create(params);
    expect((await stream.finalCompletion()).choices[0]?.finish_reason).toBe("stop");
  });

  it("throws APIConnectionError when the connection resets mid-stream", async () => {
    const { client } = testClient({ resetAfterBytes: 500 });
    const stream = await client.chat.completions.create(params);
    expect(await rejection(stream.finalCompletion())).toBeInstanceOf(APIConnectionError);
  });

  it("turns an error event into a thrown APIError with the status it names", async () => {
    const body = `${streamFixture.split("\n\n").slice(0, 2).join("\n\n")}\n\ndata: {"error":{"message":"Model busy, retry later","status_code":429}}\n\n`;
    const { client } = testClient({ body, contentType: "text/event-stream" });
    const stream = await client.chat.completions.create(params);
    const error = (await rejection(collect(stream))) as APIError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.status).toBe(429);
    expect(error.message).toMatch(/^Error event in the stream: Model busy, retry later \(request req-\d+\)$/);
    expect((error as RateLimitError).requestId).toMatch(/^req-\d+$/);
  });

  it("treats `event: error` with a non-JSON payload as an APIError", async () => {
    const { client } = testClient({ body: "event: error\ndata: upstream exploded\n\n", contentType: "text/event-stream" });
    const stream = await client.chat.completions.create(params);
    const error = (await rejection(collect(stream))) as APIError;
    expect(error).toBeInstanceOf(APIError);
    expect(error.status).toBeUndefined();
    expect(error.message).toMatch(/^Error event in the stream: upstream exploded \(request req-\d+\)$/);
  });

  it("throws on a malformed event instead of skipping it", async () => {
    const { client } = testClient({ body: 'data: {"id":"x","choices":[\n\n', contentType: "text/event-stream" });
    const stream = await client.chat.completions.create(params);
    const error = await rejection(collect(stream));
    expect(error).toBeInstanceOf(DeepInfraError);
    expect(error.message).toContain("Malformed event in the stream (not JSON)");
  });

  it("turns a JSON error answer to a stream request into an APIError", async () => {
    const { client } = testClient({ status: 200, body: { error: { message: "stream not supported here" } } });
    const error = await rejection(client.chat.completions.create(params));
    expect(error).toBeInstanceOf(APIError);
    expect(error.message).toMatch(/^stream not supported here \(an error body in a 200 answer\)/);
  });

  it("breaking out of for-await closes the upstream connection", async () => {
    const { client, testId } = testClient({ chunkSize: 64, chunkDelayMs: 100 });
    const stream = await client.chat.completions.create(params);
    for await (const _chunk of stream) break;
    const record = await waitClosed(testId);
    expect(record.clientClosed).toBe(true);
    expect(record.finished).toBe(false);
  });

  it("abort() ends iteration with APIUserAbortError and closes the upstream", async () => {
    const { client, testId } = testClient({ stallAfterBytes: 300 });
    const stream = await client.chat.completions.create(params);
    const iterator = stream[Symbol.asyncIterator]();
    expect((await iterator.next()).done).toBe(false);
    const pending = iterator.next();
    stream.abort();
    expect(await rejection(pending)).toBeInstanceOf(APIUserAbortError);
    expect((await waitClosed(testId)).clientClosed).toBe(true);
  });

  it("the caller's signal aborts an open stream", async () => {
    const controller = new AbortController();
    const { client, testId } = testClient({ stallAfterBytes: 300 });
    const stream = await client.chat.completions.create(params, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(await rejection(collect(stream))).toBeInstanceOf(APIUserAbortError);
    expect((await waitClosed(testId)).clientClosed).toBe(true);
  });

  it("can be read once", async () => {
    const { client } = testClient();
    const stream = await client.chat.completions.create(params);
    await collect(stream);
    const error = await rejection(collect(stream));
    expect(error.message).toContain("already being read by for await; a stream is read once");
  });
});

describe("ChatStream.toReadableStream()", () => {
  it("passes the upstream SSE bytes through unchanged", async () => {
    const { client } = testClient({ chunkSize: 7 });
    const stream = await client.chat.completions.create(params);
    const out = await readAll(stream.toReadableStream());
    expect(out).toEqual(bytes(streamFixture));
  });

  it("appends an error event and stops without [DONE] when the upstream truncates", async () => {
    const cut = toolsFixture.indexOf("San Francisco");
    const { client } = testClient({ fixture: "chat-stream-tools.sse", truncateAfterBytes: cut });
    const stream = await client.chat.completions.create(params);
    const text = new TextDecoder().decode(await readAll(stream.toReadableStream()));
    const complete = toolsFixture.slice(0, toolsFixture.lastIndexOf("\n\n", cut) + 2);
    expect(text.startsWith(complete)).toBe(true);
    const tail = text.slice(complete.length);
    expect(tail).toMatch(/^event: error\ndata: \{"error":\{"message":"The stream ended [^"]*before \[DONE\][^"]*","type":"IncompleteStreamError"\}\}\n\n$/);
    expect(text).not.toContain("data: [DONE]");
  });

  it("round-trips through ChatStream.fromResponse (the browser side)", async () => {
    const { client } = testClient({ fixture: "chat-stream-tools.sse" });
    const upstream = await client.chat.completions.create(params);
    const response = new Response(upstream.toReadableStream(), { headers: { "content-type": "text/event-stream" } });
    const browser = await ChatStream.fromResponse(response);
    expect((await browser.finalCompletion()).choices).toEqual(toolsJSON.choices);
  });

  it("fromResponse on a truncated relay throws the relayed error", async () => {
    const { client } = testClient({ truncateAfterBytes: 300 });
    const upstream = await client.chat.completions.create(params);
    const browser = await ChatStream.fromResponse(new Response(upstream.toReadableStream()));
    const error = await rejection(browser.finalCompletion());
    expect(error).toBeInstanceOf(APIError);
    expect(error.message).toMatch(/^Error event in the stream: The stream ended .*before \[DONE\]/);
    expect((error as APIError).type).toBe("IncompleteStreamError");
  });

  it("fromResponse throws the API error of a non-2xx response", async () => {
    const response = new Response(JSON.stringify({ error: { message: "slow down" } }), { status: 429, headers: { "content-type": "application/json" } });
    const error = await rejection(ChatStream.fromResponse(response));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.message).toBe("429 slow down");
  });

  it("cancelling the readable closes the upstream connection", async () => {
    const { client, testId } = testClient({ chunkSize: 64, chunkDelayMs: 100 });
    const stream = await client.chat.completions.create(params);
    const reader = stream.toReadableStream().getReader();
    await reader.read();
    await reader.cancel();
    expect((await waitClosed(testId)).clientClosed).toBe(true);
  });
});
