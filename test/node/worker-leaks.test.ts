// The key must not leave the example Worker, whatever the upstream (or a proxy in between) echoes
// back and wherever it puts it: SSE data lines, comments, error events, DeepInfra's error frames,
// malformed events, an error excerpt cut mid-key, successful JSON answers, image links, headers.
// Real workerd through Miniflare; the upstream echoes the Authorization header it received.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { newTestId, recordedRequests } from "../helpers.js";
import type { Scenario } from "../upstream/server.mjs";
import { FAKE_KEY, HELLO, bundleWorker, startTaggingProxy, startWorker, type TaggingProxy, type WorkerHandle } from "./worker-harness.js";

/** A cut-off key still gives away its start: no 8 leading characters of the key may appear either. */
const KEY_START = FAKE_KEY.slice(0, 8);
const CHUNK = (content: string, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: { content }, finish_reason: finish }] })}\n\n`;
const DONE = "data: [DONE]\n\n";

let proxy: TaggingProxy;
let worker: WorkerHandle;

beforeAll(async () => {
  proxy = await startTaggingProxy(`http://127.0.0.1:${inject("upstreamPort")}`);
  worker = await startWorker(await bundleWorker(), { DEEPINFRA_API_KEY: FAKE_KEY, DEEPINFRA_BASE_URL: proxy.url, RATE_LIMIT_REQUESTS: "200", HEARTBEAT_MS: "60000" });
});
afterAll(async () => {
  await worker?.close();
  await proxy?.close();
});

/** Sends `body` to `pathname` with the upstream echoing the key as `scenario` says; returns everything that came back. */
async function echo(pathname: string, body: unknown, scenario: Scenario, type = "application/json") {
  const testId = newTestId();
  proxy.tag(testId, { echoAuthPlaceholders: true, ...scenario });
  const res = await worker.fetch(pathname, { method: "POST", headers: { "content-type": type }, body: typeof body === "string" || body instanceof Uint8Array ? body : JSON.stringify(body) });
  const text = await res.text();
  const [upstream] = await recordedRequests(testId);
  // The echo is real: the upstream got the key, so it had it to send back.
  expect(upstream?.headers.authorization).toBe(`Bearer ${FAKE_KEY}`);
  const everything = `${JSON.stringify([...res.headers])}\n${text}`;
  expect(everything).not.toContain(KEY_START);
  return { status: res.status, headers: res.headers, text };
}

describe("streamed chat (/api/chat)", () => {
  const sse: Array<[string, string]> = [
    ["a data: line", CHUNK("your key is {{authorization}}") + CHUNK("", "stop") + DONE],
    ["a comment line", ": proxied for {{authorization}}\n\n" + CHUNK("Hi") + CHUNK("", "stop") + DONE],
    ["an event: error", CHUNK("Hi") + 'event: error\ndata: {"error":{"message":"bad key: {{authorization}}"}}\n\n'],
    ["DeepInfra's {error_type, error_message} frame", 'data: {"error_type":"validation_error","error_message":"bad key {{authorization}}"}\n\n'],
    ["a malformed (non-JSON) event the SDK quotes", "data: not json {{authorization}}\n\n"],
  ];
  for (const [where, body] of sse) {
    it(`scrubs the key from ${where}, whole and split into 5-byte writes`, async () => {
      for (const chunkSize of [undefined, 5]) {
        const { status, headers, text } = await echo("/api/chat", HELLO, { body, ...(chunkSize ? { chunkSize } : {}) });
        expect(status).toBe(200);
        expect(headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
        // The SDK's relay fails closed: the events holding the key are dropped whole, then one KeyInStreamError event.
        expect(text).toContain('"type":"KeyInStreamError"');
      }
    });
  }

  it("keeps an answer without the key byte for byte (the scrubber is not a rewrite)", async () => {
    const body = CHUNK("test-ke is not the key, nor is test-k") + CHUNK("", "stop") + DONE;
    const { text } = await echo("/api/chat", HELLO, { body, chunkSize: 3 });
    expect(text).toBe(body);
  });
});

describe("JSON and media answers", () => {
  it("an error excerpt cut mid-key (a 2xx that is not JSON) shows no part of the key", async () => {
    // The key starts 188 characters in, so a 200-character excerpt would end 12 characters into it.
    const { status, text } = await echo("/api/embeddings", { input: "x" }, { body: `${"a".repeat(181)}{{authorization}} and more`, contentType: "text/plain" });
    expect(status).toBe(502);
    expect(JSON.parse(text).error.code).toBe("upstream_error");
  });

  it("embeddings: a successful answer is rebuilt from its allowed fields; the key, wherever echoed, is gone", async () => {
    const body = {
      object: "list",
      data: [{ object: "embedding", index: 0, embedding: [0.25, -0.5], leak: "{{authorization}}" }],
      model: "{{authorization}}",
      usage: { prompt_tokens: 1, total_tokens: 1, note: "{{authorization}}" },
      echo: { authorization: "{{authorization}}" },
    };
    const { status, text } = await echo("/api/embeddings", { input: "x" }, { body });
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({ object: "list", data: [{ object: "embedding", index: 0, embedding: [0.25, -0.5] }], usage: { prompt_tokens: 1, total_tokens: 1 } });
  });

  it("transcription: an answer whose text holds the key is withheld whole (502), never patched", async () => {
    const wav = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x41, 0x56, 0x45, 0x66, 0x6d, 0x74, 0x20]);
    const { status, text } = await echo("/api/transcribe", wav, { body: { text: "you said {{authorization}}", echo: "{{authorization}}" } }, "audio/wav");
    expect(status).toBe(502);
    expect(JSON.parse(text).error.code).toBe("response_withheld");
  });

  it("image: an answer whose link carries the key is withheld whole (502)", async () => {
    const { status, text } = await echo("/api/image", { prompt: "x" }, { body: { created: 1, data: [{ url: "https://img.example/{{authorization}}.png", revised_prompt: "{{authorization}}" }] } });
    expect(status).toBe(502);
    expect(JSON.parse(text).error.code).toBe("response_withheld");
  });

  it("headers: an echoed request id is scrubbed, an echoed retry-after dropped", async () => {
    const { status, headers, text } = await echo("/api/chat", HELLO, { fixture: "errors/429.json", headers: { "retry-after": "{{authorization}}", "x-request-id": "{{authorization}}" } });
    expect(status).toBe(429);
    expect(headers.get("retry-after")).toBeNull();
    expect(JSON.parse(text).error.upstream_request_id).toBe("Bearer [redacted]");
  });
});
