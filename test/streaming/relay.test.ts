// toReadableStream(): complete events byte for byte, the key scrubbed from every byte, failures as `event: error`.
import { describe, expect, it } from "vitest";
import { BodyReader } from "../../src/body-reader.js";
import { createRedactor } from "../../src/redact.js";
import { ChatStream } from "../../src/index.js";
import { chunked, sse, stubSource } from "./stub-source.js";

const KEY = "sk-relay-0123456789abcdef";
const chunk = (content: string | null, finish: string | null = null) => ({ id: "c", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: content === null ? {} : { content }, finish_reason: finish }] });

async function drain(stream: ReadableStream<Uint8Array>): Promise<{ text: string; pieces: number }> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let pieces = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: text + decoder.decode(), pieces };
    pieces++;
    text += decoder.decode(value, { stream: true });
  }
}

/** A BodyReader over bytes that knows the key, as the SDK's own requests do. */
function keyedSource(parts: Uint8Array[]) {
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const part = parts[i++];
      if (part) controller.enqueue(part);
      else controller.close();
    },
  });
  return new BodyReader(body, { idleTimeoutMs: 0, redactor: createRedactor([KEY]) });
}

describe("relay (toReadableStream)", () => {
  it("forwards exactly the upstream bytes, in whole events, whatever the chunking", async () => {
    const body = sse(chunk("Hel"), chunk("lo"), chunk(null, "stop"));
    for (const size of [1, 7, 64, body.length]) {
      const { text, pieces } = await drain(new ChatStream(stubSource(chunked(body, size))).toReadableStream());
      expect(text, `chunks of ${size}`).toBe(body);
      expect(pieces).toBeLessThanOrEqual(4);
    }
  });

  it("holds one large event in pieces and sends it once, intact (1-byte chunks of a 300 KB event)", async () => {
    const big = "x".repeat(300_000);
    const body = sse(chunk(big), chunk(null, "stop"));
    const { text, pieces } = await drain(new ChatStream(stubSource(chunked(body, 1024))).toReadableStream());
    expect(text).toBe(body);
    // 293 chunks in; nothing goes out until the event is whole, then it and what followed it go out once.
    expect(pieces).toBe(1);
  });

  it("scrubs an echoed key from data lines, comments and error events before any byte leaves", async () => {
    const body =
      `: proxy saw Bearer ${KEY}\n` +
      `data: ${JSON.stringify(chunk(`your key is ${KEY}`))}\n\n` +
      `event: error\ndata: {"error":{"message":"bad key ${KEY}"}}\n\n`;
    for (const size of [3, 17, body.length]) {
      const { text } = await drain(new ChatStream(keyedSource(chunked(body, size))).toReadableStream());
      expect(text, `chunks of ${size}`).not.toContain(KEY);
      expect(text).toContain("your key is [redacted]");
      expect(text).toContain("bad key [redacted]");
      expect(text.match(/event: error/g)).toHaveLength(1);
    }
  });

  it("a failure that was not an upstream error event is appended as one `event: error`, without [DONE]", async () => {
    const body = `data: ${JSON.stringify(chunk("partial"))}\n\n`;
    const { text } = await drain(new ChatStream(stubSource([body])).toReadableStream());
    expect(text).toBe(body + 'event: error\ndata: {"error":{"message":"The stream ended before [DONE] and before a finish_reason: the answer is incomplete.","type":"IncompleteStreamError"}}\n\n');
  });

  it("DeepInfra's error frame is forwarded and followed by a standard `event: error` any SSE client understands", async () => {
    const frame = `data: ${JSON.stringify({ error_type: "validation_error", error_message: '{"error":{"message":"Too long"}}' })}\n\n`;
    const { text } = await drain(new ChatStream(stubSource([frame])).toReadableStream());
    expect(text).toBe(frame + 'event: error\ndata: {"error":{"message":"Error event in the stream: Too long","type":"APIError"}}\n\n');
    // and ChatStream.fromResponse on the browser side rethrows the server's reason
    const browser = await ChatStream.fromResponse(new Response(text, { headers: { "content-type": "text/event-stream" } }));
    await expect(browser.finalCompletion()).rejects.toThrow("Error event in the stream: Too long");
  });

  it("an event past maxEventBytes fails the relayed stream with its error event instead of filling memory", async () => {
    const body = `data: ${"y".repeat(5000)}`;
    const { text } = await drain(new ChatStream(stubSource(chunked(body, 512)), { maxEventBytes: 4096 }).toReadableStream());
    expect(text).toBe('event: error\ndata: {"error":{"message":"An event in the stream grew past 4096 bytes without ending (maxEventBytes); the stream was closed.","type":"EventTooLargeError"}}\n\n');
  });

  it("cancelling the relayed stream cancels the upstream", async () => {
    const source = stubSource(chunked(sse(chunk("a"), chunk("b"), chunk(null, "stop")), 10));
    const reader = new ChatStream(source).toReadableStream().getReader();
    await reader.read();
    await reader.cancel();
    expect(source.cancelled).toBe(true);
  });
});
