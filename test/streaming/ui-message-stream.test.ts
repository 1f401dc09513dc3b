// toUIMessageStream() / toUIMessageStreamResponse(): every part checked against the pinned `ai`'s own chunk schema and
// read back by `ai`'s own UI-stream reader (the path useChat takes), for text, reasoning, tools, failures and usage.
import { parseJsonEventStream, readUIMessageStream, uiMessageChunkSchema, type UIMessage, type UIMessageChunk as AIUIMessageChunk } from "ai";
import { describe, expect, expectTypeOf, it } from "vitest";
import { BodyReader } from "../../src/body-reader.js";
import { createRedactor } from "../../src/redact.js";
import { ChatStream, DeepInfraError, toUIMessageStream, toUIMessageStreamResponse, type UIMessageChunk } from "../../src/index.js";
import streamFixture from "../fixtures/chat-stream.sse?raw";
import reasoningFixture from "../fixtures/chat-stream-reasoning.sse?raw";
import toolsFixture from "../fixtures/chat-stream-tools.sse?raw";
import parallelFixture from "../fixtures/chat-stream-tools-parallel.sse?raw";
import { waitClosed } from "../helpers.js";
import { FAKE_KEY, HELLO, testClient } from "../setup-client.js";

const params = { model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages: HELLO, stream: true as const };
type Part = Record<string, unknown> & { type: string };

/** The chunks of an SSE fixture (its `data:` JSON lines). */
function chunksOf(sse: string): Array<Record<string, any>> {
  return sse
    .split("\n")
    .filter((line) => line.startsWith("data: {"))
    .map((line) => JSON.parse(line.slice(6)));
}
const joined = (sse: string, field: "content" | "reasoning_content") => chunksOf(sse).map((chunk) => chunk.choices?.[0]?.delta?.[field] ?? "").join("");

async function uiStream(scenario: Parameters<typeof testClient>[0], options?: Parameters<typeof toUIMessageStreamResponse>[1]) {
  const { client, testId } = testClient(scenario);
  const stream = await client.chat.completions.create(params);
  return { response: toUIMessageStreamResponse(stream, options), testId };
}

/**
 * The response's SSE events, each checked: every event but the last is `data: {json}` that the pinned `ai`'s
 * `uiMessageChunkSchema` accepts (through `parseJsonEventStream`, useChat's own parser), the last is `data: [DONE]`.
 */
async function partsOf(response: Response): Promise<Part[]> {
  const text = await response.text();
  expect(text.endsWith("data: [DONE]\n\n")).toBe(true);
  const events = text.split("\n\n").slice(0, -1);
  expect(events.at(-1)).toBe("data: [DONE]");
  const raw = events.slice(0, -1).map((event) => {
    expect(event.startsWith("data: {")).toBe(true);
    expect(event).not.toContain("\n");
    return JSON.parse(event.slice(6)) as Part;
  });
  const stream = parseJsonEventStream({ stream: new Response(text).body!, schema: uiMessageChunkSchema });
  const parsed: unknown[] = [];
  for await (const result of stream as unknown as AsyncIterable<{ success: boolean; value?: unknown; error?: unknown }>) {
    expect(result.success, `schema rejected a part: ${String(result.error)}`).toBe(true);
    parsed.push(result.value);
  }
  expect(parsed).toEqual(raw);
  return raw;
}

/** Reads the SSE the way useChat does (parse + validate, then readUIMessageStream) and returns the last message. */
async function assembled(response: Response, errors: unknown[] = []): Promise<UIMessage> {
  const parsed = parseJsonEventStream({ stream: response.body!, schema: uiMessageChunkSchema }).pipeThrough(
    new TransformStream<{ success: boolean; value?: unknown; error?: unknown }, AIUIMessageChunk>({
      transform(result, out) {
        if (!result.success) throw result.error;
        out.enqueue(result.value as AIUIMessageChunk);
      },
    }),
  );
  let last: UIMessage | undefined;
  for await (const message of readUIMessageStream({ stream: parsed, onError: (error) => errors.push(error) })) last = message;
  expect(last).toBeDefined();
  return last as UIMessage;
}

const types = (parts: Part[]) => parts.map((part) => part.type);

describe("toUIMessageStreamResponse", () => {
  it("streams plain text as start, start-step, text-start/delta/end, finish-step, finish, [DONE] with the protocol's headers", async () => {
    const { response } = await uiStream({ fixture: "chat-stream.sse" });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-vercel-ai-ui-message-stream")).toBe("v1");
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    expect(response.headers.get("cache-control")).toBe("no-cache");
    const parts = await partsOf(response);
    const deltas = parts.filter((part) => part.type === "text-delta");
    expect(types(parts)).toEqual(["start", "start-step", "text-start", ...deltas.map(() => "text-delta"), "text-end", "finish-step", "finish"]);
    expect(deltas.map((part) => part.delta).join("")).toBe(joined(streamFixture, "content"));
    expect(new Set(parts.filter((part) => "id" in part).map((part) => part.id)).size).toBe(1);
    expect(parts.at(-1)).toMatchObject({ type: "finish", finishReason: "stop" });
  });

  it("sends usage, estimated_cost and the model as the finish part's message metadata", async () => {
    const { response } = await uiStream({ fixture: "chat-stream.sse" });
    const parts = await partsOf(response);
    const usage = chunksOf(streamFixture).filter((chunk) => chunk.usage).at(-1)!.usage;
    expect(typeof usage.estimated_cost).toBe("number");
    expect(parts.at(-1)).toEqual({
      type: "finish",
      finishReason: "stop",
      messageMetadata: { model: "meta-llama/Meta-Llama-3.1-8B-Instruct", usage, estimated_cost: usage.estimated_cost },
    });
  });

  it("takes usage from a chunk after the finishing one (OpenAI-style servers)", async () => {
    const body =
      `data: {"id":"c","model":"m","choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":"length"}]}\n\n` +
      `data: {"id":"c","model":"m","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4,"estimated_cost":0.5}}\n\n` +
      "data: [DONE]\n\n";
    const parts = await partsOf(toUIMessageStreamResponse(await ChatStream.fromResponse(sseResponse(body))));
    expect(parts.at(-1)).toEqual({ type: "finish", finishReason: "length", messageMetadata: { model: "m", usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4, estimated_cost: 0.5 }, estimated_cost: 0.5 } });
  });

  it("turns reasoning_content into reasoning parts before the text", async () => {
    const { response } = await uiStream({ fixture: "chat-stream-reasoning.sse" });
    const parts = await partsOf(response);
    const kinds = types(parts).filter((type) => !type.endsWith("-delta"));
    expect(kinds).toEqual(["start", "start-step", "reasoning-start", "reasoning-end", "text-start", "text-end", "finish-step", "finish"]);
    const text = (kind: string) => parts.filter((part) => part.type === `${kind}-delta`).map((part) => part.delta).join("");
    expect(text("reasoning")).toBe(joined(reasoningFixture, "reasoning_content"));
    expect(text("text")).toBe(joined(reasoningFixture, "content"));
    const [reasoningId, textId] = [parts.find((p) => p.type === "reasoning-start")!.id, parts.find((p) => p.type === "text-start")!.id];
    expect(reasoningId).not.toBe(textId);
  });

  it("leaves reasoning out with sendReasoning: false", async () => {
    const { response } = await uiStream({ fixture: "chat-stream-reasoning.sse" }, { sendReasoning: false });
    const parts = await partsOf(response);
    expect(types(parts).some((type) => type.startsWith("reasoning"))).toBe(false);
    expect(parts.filter((part) => part.type === "text-delta").map((part) => part.delta).join("")).toBe(joined(reasoningFixture, "content"));
  });

  it("streams a tool call as tool-input-start, tool-input-delta… and tool-input-available with the parsed input", async () => {
    const { response } = await uiStream({ fixture: "chat-stream-tools.sse" });
    const parts = await partsOf(response);
    const id = "call_9pXk2LqV0sT1";
    expect(parts[2]).toEqual({ type: "tool-input-start", toolCallId: id, toolName: "get_current_weather" });
    const deltas = parts.filter((part) => part.type === "tool-input-delta");
    expect(deltas.every((part) => part.toolCallId === id)).toBe(true);
    expect(deltas.map((part) => part.inputTextDelta).join("")).toBe('{"location": "San Francisco, CA"}');
    expect(parts.slice(-3)).toEqual([
      { type: "tool-input-available", toolCallId: id, toolName: "get_current_weather", input: { location: "San Francisco, CA" } },
      { type: "finish-step" },
      expect.objectContaining({ type: "finish", finishReason: "tool-calls" }),
    ]);
  });

  it("keeps parallel tool calls apart by index", async () => {
    const { response } = await uiStream({ fixture: "chat-stream-tools-parallel.sse" });
    const parts = await partsOf(response);
    const expected = new Map<string, { name: string; args: string }>();
    for (const chunk of chunksOf(parallelFixture)) {
      for (const call of chunk.choices?.[0]?.delta?.tool_calls ?? []) {
        const key = [...expected.keys()][call.index] ?? call.id;
        const entry = expected.get(key) ?? { name: call.function?.name ?? "", args: "" };
        entry.args += call.function?.arguments ?? "";
        expected.set(key, entry);
      }
    }
    expect(expected.size).toBeGreaterThan(1);
    const available = parts.filter((part) => part.type === "tool-input-available");
    expect(available).toEqual([...expected].map(([toolCallId, { name, args }]) => ({ type: "tool-input-available", toolCallId, toolName: name, input: JSON.parse(args) })));
    for (const [toolCallId, { args }] of expected) {
      const deltas = parts.filter((part) => part.type === "tool-input-delta" && part.toolCallId === toolCallId);
      expect(deltas.map((part) => part.inputTextDelta).join("")).toBe(args);
    }
  });

  it("reports arguments that are not JSON as tool-input-error", async () => {
    const body =
      `data: {"id":"c","model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"lookup","arguments":"{\\"q\\": "}}]},"finish_reason":null}]}\n\n` +
      `data: {"id":"c","model":"m","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}\n\ndata: [DONE]\n\n`;
    const parts = await partsOf(toUIMessageStreamResponse(await ChatStream.fromResponse(sseResponse(body))));
    expect(parts.find((part) => part.type.startsWith("tool-input-a") || part.type === "tool-input-error")).toEqual({
      type: "tool-input-error",
      toolCallId: "call_1",
      toolName: "lookup",
      input: '{"q": ',
      errorText: "The tool call's arguments are not valid JSON.",
    });
  });

  it("ends an upstream error event with an error part (key scrubbed), after closing the open text part, then [DONE]", async () => {
    const head = streamFixture.split("\n\n").slice(0, 3).join("\n\n") + "\n\n";
    const body = `${head}event: error\ndata: {"error":{"message":"upstream rejected {{authorization}}"}}\n\n`;
    const { response } = await uiStream({ body, contentType: "text/event-stream", echoAuthPlaceholders: true });
    const text = await response.clone().text();
    expect(text).not.toContain(FAKE_KEY);
    const parts = await partsOf(response);
    expect(types(parts).slice(-3)).toEqual(["text-delta", "text-end", "error"]);
    expect(parts.at(-1)!.errorText).toMatch(/^Error event in the stream: upstream rejected Bearer \[redacted\]/);
  });

  it("ends a connection lost mid-stream with an error part and no finish", async () => {
    const { response } = await uiStream({ fixture: "chat-stream.sse", resetAfterBytes: 500 });
    const parts = await partsOf(response);
    expect(types(parts)).not.toContain("finish");
    expect(parts.at(-1)).toMatchObject({ type: "error" });
    expect(String(parts.at(-1)!.errorText)).not.toContain(FAKE_KEY);
  });

  it("hides details with onError, and sends messageId in start", async () => {
    const { response } = await uiStream({ fixture: "chat-stream.sse", truncateAfterBytes: 500 }, { onError: () => "Something went wrong.", messageId: "msg-1" });
    const parts = await partsOf(response);
    expect(parts[0]).toEqual({ type: "start", messageId: "msg-1" });
    expect(parts.at(-1)).toEqual({ type: "error", errorText: "Something went wrong." });
  });

  it("lets init set the status and override headers", async () => {
    const { response } = await uiStream({ fixture: "chat-stream.sse" }, { status: 201, headers: { "cache-control": "no-store", "x-extra": "1" } });
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-extra")).toBe("1");
    expect(response.headers.get("x-vercel-ai-ui-message-stream")).toBe("v1");
    await response.body!.cancel();
  });

  it("closes the upstream connection when the UI stream is cancelled", async () => {
    const { response, testId } = await uiStream({ fixture: "chat-stream.sse", stallAfterBytes: 600 });
    const reader = response.body!.getReader();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('"type":"start"');
    await reader.cancel();
    const record = await waitClosed(testId);
    expect(record.clientClosed).toBe(true);
    expect(record.finished).toBe(false);
  });

  it("sends an abort part when the stream is aborted by its owner", async () => {
    const { client } = testClient({ fixture: "chat-stream.sse", stallAfterBytes: 600 });
    const stream = await client.chat.completions.create(params);
    const reader = toUIMessageStream(stream).getReader();
    const seen: string[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      seen.push(value.type);
      if (value.type === "text-delta" && seen.filter((type) => type === "text-delta").length === 1) stream.abort();
    }
    expect(seen.slice(-2)).toEqual(["text-end", "abort"]);
  });

  it("is one of the stream's readers: a second reader is refused", async () => {
    const stream = await ChatStream.fromResponse(sseResponse(streamFixture));
    const parts = toUIMessageStream(stream);
    expect(() => toUIMessageStream(stream)).toThrow(DeepInfraError);
    expect(() => stream.textStream()).toThrow(/already being read by for await/);
    await parts.cancel();
  });
});

describe("read back by the ai package (the useChat path)", () => {
  it("assembles reasoning and text into one UIMessage with usage metadata", async () => {
    const { response } = await uiStream({ fixture: "chat-stream-reasoning.sse" });
    const message = await assembled(response);
    expect(message.role).toBe("assistant");
    expect(message.parts.map((part) => part.type)).toEqual(["step-start", "reasoning", "text"]);
    expect(message.parts[1]).toMatchObject({ type: "reasoning", text: joined(reasoningFixture, "reasoning_content"), state: "done" });
    expect(message.parts[2]).toMatchObject({ type: "text", text: joined(reasoningFixture, "content"), state: "done" });
    expect(message.metadata).toMatchObject({ model: "deepseek-ai/DeepSeek-R1", estimated_cost: chunksOf(reasoningFixture).filter((chunk) => chunk.usage).at(-1)!.usage.estimated_cost });
  });

  it("assembles a tool call as a tool part with its input available", async () => {
    const { response } = await uiStream({ fixture: "chat-stream-tools.sse" });
    const message = await assembled(response);
    expect(message.parts.map((part) => part.type)).toEqual(["step-start", "tool-get_current_weather"]);
    expect(message.parts[1]).toMatchObject({ toolCallId: "call_9pXk2LqV0sT1", state: "input-available", input: { location: "San Francisco, CA" } });
  });

  it("surfaces an upstream failure through the reader's onError, as useChat's error", async () => {
    const { response } = await uiStream({ fixture: "chat-stream.sse", resetAfterBytes: 500 });
    const errors: unknown[] = [];
    const message = await assembled(response, errors);
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toMatch(/connection|ended|incomplete/i);
    expect(message.parts.some((part) => part.type === "text")).toBe(true);
  });

  it("reads the object stream of toUIMessageStream() directly", async () => {
    const stream = await ChatStream.fromResponse(sseResponse(streamFixture));
    let last: UIMessage | undefined;
    for await (const message of readUIMessageStream({ stream: toUIMessageStream(stream) })) last = message;
    expect(last?.parts.at(-1)).toMatchObject({ type: "text", text: joined(streamFixture, "content") });
  });

  it("types our parts as a subset of the ai package's UIMessageChunk", () => {
    expectTypeOf<UIMessageChunk>().toExtend<AIUIMessageChunk>();
  });
});

describe("the ai package stays a dev dependency", () => {
  const sources = import.meta.glob("../../src/**/*.ts", { query: "?raw", import: "default", eager: true }) as Record<string, string>;
  const built = import.meta.glob("../../dist/**/*.js", { query: "?raw", import: "default", eager: true }) as Record<string, string>;
  const importsAI = /(?:from\s*|import\s*\(\s*|require\s*\(\s*)["'](?:ai|ai\/[^"']*|@ai-sdk\/[^"']*)["']/;

  it("src/ never imports ai or @ai-sdk/*", () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    expect(Object.keys(sources).filter((file) => importsAI.test(sources[file]!))).toEqual([]);
  });

  it("dist/ (the build npm test makes first) never imports ai or @ai-sdk/*", () => {
    expect(Object.keys(built)).toContain("../../dist/index.js");
    // A build from before the UI stream existed would prove nothing.
    expect(Object.values(built).some((code) => code.includes("toUIMessageStreamResponse"))).toBe(true);
    expect(Object.keys(built).filter((file) => importsAI.test(built[file]!))).toEqual([]);
  });

  it("the pattern finds an import of ai", () => {
    expect(importsAI.test(`import { streamText } from "ai";`)).toBe(true);
    expect(importsAI.test(`export{a}from"@ai-sdk/react"`)).toBe(true);
    expect(importsAI.test(`const ai = "ai";`)).toBe(false);
  });
});

function sseResponse(body: string): Response {
  return new Response(body, { headers: { "content-type": "text/event-stream" } });
}

describe("the key never reaches the UI stream, and one write per upstream read", () => {
  const KEY = "sk-ui-stream-0123456789abcdef";
  const u = (s: string) => [...s].map((c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0")).join("");
  const data = (delta: object, extra: object = {}) => `data: ${JSON.stringify({ id: "c", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta, finish_reason: null }], ...extra })}\n\n`;
  const keyed = (body: string | Uint8Array[]) =>
    new ChatStream(new BodyReader(Array.isArray(body) ? new ReadableStream({ start: (c) => (body.forEach((b) => c.enqueue(b)), c.close()) }) : new Response(body).body, { idleTimeoutMs: 0, redactor: createRedactor([KEY]) }));

  it("a raw or escaped key in content, reasoning, tool arguments or usage ends the stream with one error part, no piece of the key", async () => {
    const leaks = [
      data({ content: `your key is ${KEY}` }),
      data({ reasoning_content: `thinking about ${KEY}` }),
      data({ tool_calls: [{ index: 0, id: "t", function: { name: "f", arguments: `{"k":"${KEY}"}` } }] }),
      data({ tool_calls: [{ index: 0, id: "t", function: { name: "f", arguments: `{"k":"${u(KEY)}"}` } }] }),
      data({ content: "x" }).replace('"x"', `"${u(KEY)}"`),
      data({ content: "x" }, { usage: { prompt_tokens: 1, note: KEY.slice(4, 4 + 15) } }),
    ];
    for (const leak of leaks) {
      const response = toUIMessageStreamResponse(keyed(data({ content: "Hi" }) + leak + data({ content: "after" }) + "data: [DONE]\n\n"));
      const text = await response.clone().text();
      for (let at = 0; at + 15 <= KEY.length; at++) expect(text, leak).not.toContain(KEY.slice(at, at + 15));
      const parts = await partsOf(response);
      expect(types(parts), leak).toEqual(["start", "start-step", "text-start", "text-delta", "text-end", "error"]);
      expect(parts.at(-1)).toEqual({ type: "error", errorText: "The API key was in the stream: it was stopped." });
      expect(JSON.stringify(parts)).not.toContain("after");
    }
  });

  it("through the SDK's own client: a key the upstream echoes into content, reasoning or tool arguments ends in an error part", async () => {
    for (const delta of [{ content: "your key: {{authorization}}" }, { reasoning_content: "{{authorization}}" }, { tool_calls: [{ index: 0, id: "t", function: { name: "f", arguments: '{"k":"{{authorization}}"}' } }] }]) {
      const { response } = await uiStream({ body: data({ content: "Hi" }) + data(delta) + "data: [DONE]\n\n", contentType: "text/event-stream", echoAuthPlaceholders: true });
      const text = await response.clone().text();
      expect(text).not.toContain(FAKE_KEY.slice(0, 15));
      const parts = await partsOf(response);
      expect(parts.at(-1), JSON.stringify(delta)).toEqual({ type: "error", errorText: "The API key was in the stream: it was stopped." });
    }
  });

  it("sends all parts of one upstream read in one write, and a paced stream as one write per read", async () => {
    const enc = new TextEncoder();
    const events = [data({ content: "a" }), data({ content: "b" }), data({ content: "c" }), data({}, { usage: { prompt_tokens: 1, completion_tokens: 3, total_tokens: 4 } })];
    const read = async (body: Uint8Array[]) => {
      const reader = toUIMessageStreamResponse(keyed(body)).body!.getReader();
      const pieces: string[] = [];
      for (let r = await reader.read(); !r.done; r = await reader.read()) pieces.push(new TextDecoder().decode(r.value));
      return pieces;
    };
    const batched = await read([enc.encode(events.join("") + "data: [DONE]\n\n")]);
    expect(batched).toHaveLength(2);
    expect(batched[0]).toBe('data: {"type":"start"}\n\ndata: {"type":"start-step"}\n\n');
    // text-start, three deltas, text-end, finish-step, finish, [DONE]
    expect(batched[1]!.match(/^data: /gm)).toHaveLength(8);
    expect(batched[1]!.endsWith("data: [DONE]\n\n")).toBe(true);
    const paced = await read([...events, "data: [DONE]\n\n"].map((e) => enc.encode(e)));
    expect(paced.join("")).toBe(batched.join(""));
    expect(paced.length).toBeGreaterThan(3);
  });
});
