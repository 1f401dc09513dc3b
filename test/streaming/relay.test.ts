// toReadableStream(): complete events byte for byte, failing closed on the key in any escaping, failures as
// `event: error`; on workerd through the native IdentityTransformStream and, with it hidden, through the JS stream.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BodyReader } from "../../src/body-reader.js";
import { createRedactor } from "../../src/redact.js";
import { ChatStream } from "../../src/index.js";
import { chunked, sse, stubSource } from "./stub-source.js";

const KEY = "sk-relay-0123456789abcdef";
const BOM = "\uFEFF";
const LEAK_EVENT = 'event: error\ndata: {"error":{"message":"The API key was in the stream: it was stopped.","type":"KeyInStreamError"}}\n\n';
const chunk = (content: string | null, finish: string | null = null) => ({ id: "c", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: content === null ? {} : { content }, finish_reason: finish }] });

async function drain(stream: ReadableStream<Uint8Array>): Promise<{ bytes: Uint8Array; text: string; pieces: number }> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  // ignoreBOM: a BOM in the output must show in the text.
  return { bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes), pieces: parts.length };
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
const relayed = async (parts: Uint8Array[]) => (await drain(new ChatStream(keyedSource(parts)).toReadableStream())).text;

/** `text` cut in two at every byte offset (and whole). */
function everySplit(text: string): Uint8Array[][] {
  const bytes = new TextEncoder().encode(text);
  const out: Uint8Array[][] = [[bytes]];
  for (let at = 1; at < bytes.length; at++) out.push([bytes.slice(0, at), bytes.slice(at)]);
  return out;
}

const native = (globalThis as { IdentityTransformStream?: unknown }).IdentityTransformStream;

describe.each([
  ["workerd's IdentityTransformStream", true],
  ["a JS ReadableStream (other runtimes)", false],
])("relay (toReadableStream) through %s", (_name, useNative) => {
  beforeEach(() => {
    if (!useNative) (globalThis as { IdentityTransformStream?: unknown }).IdentityTransformStream = undefined;
  });
  afterEach(() => {
    (globalThis as { IdentityTransformStream?: unknown }).IdentityTransformStream = native;
  });

  it("runs where this test says it runs", () => {
    expect(typeof (globalThis as { IdentityTransformStream?: unknown }).IdentityTransformStream).toBe(useNative ? "function" : "undefined");
  });

  it("forwards exactly the upstream bytes, in whole events, whatever the chunking", async () => {
    const body = sse(chunk("Hel"), chunk("lo"), chunk(null, "stop"));
    for (const size of [1, 7, 64, body.length]) {
      const { text, pieces } = await drain(new ChatStream(stubSource(chunked(body, size))).toReadableStream());
      expect(text, `chunks of ${size}`).toBe(body);
      if (!useNative) expect(pieces).toBeLessThanOrEqual(4);
    }
  });

  it("holds one large event in pieces and sends it once, intact (1-byte chunks of a 300 KB event)", async () => {
    const big = "x".repeat(300_000);
    const body = sse(chunk(big), chunk(null, "stop"));
    const { text, pieces } = await drain(new ChatStream(stubSource(chunked(body, 1024))).toReadableStream());
    expect(text).toBe(body);
    // 293 chunks in; nothing goes out until the event is whole, then it and what followed it go out once
    // (the native stream hands a large write to its reader in pieces of its own choosing).
    if (!useNative) expect(pieces).toBe(1);
  });

  it("fails closed: the run of events holding the key (data, comment, error event) is dropped whole, then one KeyInStreamError event", async () => {
    const before = `data: ${JSON.stringify(chunk("fine"))}\n\n`;
    for (const leak of [`: proxy saw Bearer ${KEY}\n`, `data: ${JSON.stringify(chunk(`your key is ${KEY}`))}\n\n`, `event: error\ndata: {"error":{"message":"bad key ${KEY}"}}\n\n`, `event: ${KEY}\ndata: {}\n\n`]) {
      const body = before + leak + `data: ${JSON.stringify(chunk("after", "stop"))}\n\ndata: [DONE]\n\n`;
      const text = await relayed([new TextEncoder().encode(before), ...chunked(leak + body.slice(before.length + leak.length), 5)]);
      expect(text).toBe(before + LEAK_EVENT);
    }
  });

  it("fails closed on JSON escapes a browser decodes: \\u in any case, \\/, a surrogate-free mix, a tool call's double escape", async () => {
    const slashKey = "sk/relay/0123456789/abcdef";
    const esc = (s: string, every = 1, upper = false) =>
      [...s].map((c, i) => (i % every === 0 ? "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0")[upper ? "toUpperCase" : "toLowerCase"]() : c)).join("");
    const forms: Array<[string, string]> = [
      [KEY, `{"choices":[{"index":0,"delta":{"content":"${esc(KEY)}"}}]}`],
      [KEY, `{"choices":[{"index":0,"delta":{"content":"${esc(KEY, 3, true)}"}}]}`],
      [slashKey, `{"choices":[{"index":0,"delta":{"content":"${slashKey.replaceAll("/", "\\/")}"}}]}`],
      [KEY, `{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"k\\":\\"${esc(KEY).replaceAll("\\", "\\\\")}\\"}"}}]}}]}`],
    ];
    for (const [secret, data] of forms) {
      const reader = new BodyReader(new Response(`data: ${data}\n\ndata: [DONE]\n\n`).body, { idleTimeoutMs: 0, redactor: createRedactor([secret]) });
      const { text } = await drain(new ChatStream(reader).toReadableStream());
      expect(text, data).toBe(LEAK_EVENT);
    }
  });

  it("a leading BOM is kept byte-exact when the first events hold the key, at every chunk split", async () => {
    const body = `${BOM}data: ${JSON.stringify(chunk(`key ${KEY}`))}\n\ndata: ${JSON.stringify(chunk(null, "stop"))}\n\ndata: [DONE]\n\n`;
    for (const parts of everySplit(body)) {
      const { bytes, text } = await drain(new ChatStream(keyedSource(parts)).toReadableStream());
      expect([...bytes.slice(0, 3)], `split at ${parts[0]?.byteLength}`).toEqual([0xef, 0xbb, 0xbf]);
      expect(text).toBe(BOM + LEAK_EVENT);
    }
    // and a clean stream with a BOM goes out as it came
    const clean = `${BOM}data: ${JSON.stringify(chunk("hi", "stop"))}\n\ndata: [DONE]\n\n`;
    for (const parts of everySplit(clean)) expect(await relayed(parts)).toBe(clean);
  });

  it("keeps the final LF after `data: [DONE]\\r\\n\\r` when CR and LF arrive apart, at every chunk split", async () => {
    const body = `data: ${JSON.stringify(chunk("hi"))}\r\n\r\ndata: ${JSON.stringify(chunk(null, "stop"))}\r\n\r\ndata: [DONE]\r\n\r\n`;
    for (const parts of everySplit(body)) expect(await relayed(parts), `split at ${parts[0]?.byteLength}`).toBe(body);
    // three pieces: CR and LF each alone
    const at = body.length - 1;
    expect(await relayed([new TextEncoder().encode(body.slice(0, at - 1)), new TextEncoder().encode("\r"), new TextEncoder().encode("\n")])).toBe(body);
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
    // The native stream reports the reader's departure to its writer a few microtasks later.
    for (let i = 0; i < 50 && !source.cancelled; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    expect(source.cancelled).toBe(true);
  });
});
