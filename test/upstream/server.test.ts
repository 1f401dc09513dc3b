// Proves the local DeepInfra upstream (test/upstream/server.mjs) behaves as documented, using plain
// fetch from inside workerd, exactly as the SDK will reach it.
import { describe, expect, it } from "vitest";
import chatCompletionRaw from "../fixtures/chat-completion.json?raw";
import chatJsonModeRaw from "../fixtures/chat-json-mode.json?raw";
import chatToolsRaw from "../fixtures/chat-tools.json?raw";
import chatStreamRaw from "../fixtures/chat-stream.sse?raw";
import chatStreamToolsRaw from "../fixtures/chat-stream-tools.sse?raw";
import chatStreamReasoningRaw from "../fixtures/chat-stream-reasoning.sse?raw";
import completionEchoRaw from "../fixtures/completion-echo.json?raw";
import embeddingsNativeRaw from "../fixtures/embeddings-native.json?raw";
import modelsRaw from "../fixtures/models.json?raw";
import error401Raw from "../fixtures/errors/401.json?raw";
import error429Raw from "../fixtures/errors/429.json?raw";
import error500Raw from "../fixtures/errors/500.json?raw";
import {
  newTestId,
  recordedRequests,
  scenarioHeaders,
  upstreamURL,
  waitClosed,
  type Scenario,
} from "../helpers";

const AUTH = { authorization: "Bearer test-key" };
const CHAT = "/v1/openai/chat/completions";
const MESSAGES = [{ role: "user", content: "Hello" }];

const enc = new TextEncoder();
const dec = new TextDecoder();
const bytesOf = (text: string) => enc.encode(text);

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(upstreamURL() + path, {
    method: "POST",
    headers: { ...AUTH, "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

function chat(body: Record<string, unknown>, testId?: string, scenario?: Scenario): Promise<Response> {
  return post(CHAT, { model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages: MESSAGES, ...body }, testId ? scenarioHeaders(testId, scenario) : {});
}

/** Read a body to the end, keeping each read separately. */
async function readAll(res: Response): Promise<{ reads: Uint8Array[]; bytes: Uint8Array }> {
  const reader = res.body!.getReader();
  const reads: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    reads.push(value);
  }
  return { reads, bytes: concat(reads) };
}

/** Read until at least `n` bytes have arrived; returns the reader so the test can continue with it. */
async function readAtLeast(res: Response, n: number) {
  const reader = res.body!.getReader();
  const reads: Uint8Array[] = [];
  let total = 0;
  while (total < n) {
    const { done, value } = await reader.read();
    if (done) throw new Error(`body ended after ${total} bytes, wanted ${n}`);
    reads.push(value);
    total += value.length;
  }
  return { reader, bytes: concat(reads) };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Cumulative byte offsets at which each read ended. */
function readEnds(reads: Uint8Array[]): number[] {
  let total = 0;
  return reads.map((r) => (total += r.length));
}

/** Resolves "pending" if `p` hasn't settled within ms. */
function settledWithin<T>(p: Promise<T>, ms: number): Promise<"pending" | { value: T }> {
  return Promise.race([
    p.then((value) => ({ value })),
    new Promise<"pending">((resolve) => setTimeout(() => resolve("pending"), ms)),
  ]);
}

function base64ToFloats(b64: string): number[] {
  const bin = atob(b64);
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  const view = new DataView(bytes.buffer);
  return Array.from({ length: bytes.length / 4 }, (_, i) => view.getFloat32(i * 4, true));
}

describe("default routes (fixtures mode)", () => {
  it("chat non-stream returns chat-completion.json byte-exact with JSON headers", async () => {
    const res = await chat({});
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("content-length")).toBe(String(bytesOf(chatCompletionRaw).length));
    expect(res.headers.get("x-request-id")).toMatch(/^req-\d+$/);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-expose-headers")).toContain("x-request-id");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytesOf(chatCompletionRaw));
  });

  it("chat picks the fixture from the request body", async () => {
    expect(await (await chat({ tools: [{ type: "function", function: { name: "f" } }] })).text()).toBe(chatToolsRaw);
    expect(await (await chat({ response_format: { type: "json_object" } })).text()).toBe(chatJsonModeRaw);

    const stream = await chat({ stream: true });
    expect(stream.headers.get("content-type")).toBe("text/event-stream");
    expect(await stream.text()).toBe(chatStreamRaw);
    expect(await (await chat({ stream: true, tools: [{ type: "function", function: { name: "f" } }] })).text()).toBe(chatStreamToolsRaw);
    expect(await (await chat({ stream: true, reasoning_effort: "low" })).text()).toBe(chatStreamReasoningRaw);
  });

  it("serves completions, models and the native inference route (model id with slashes)", async () => {
    expect(await (await post("/v1/openai/completions", { model: "m", prompt: "hi", echo: true })).text()).toBe(completionEchoRaw);

    const models = await fetch(upstreamURL() + "/v1/openai/models", { headers: AUTH });
    expect(models.status).toBe(200);
    expect(await models.text()).toBe(modelsRaw);

    const native = await post("/v1/inference/BAAI/bge-base-en-v1.5", { inputs: ["a", "b"] });
    expect(native.status).toBe(200);
    expect(await native.text()).toBe(embeddingsNativeRaw);
  });

  it("answers 404 for unknown paths, 405 for a wrong method, 422 for a non-JSON body", async () => {
    const notFound = await post("/v1/chat/completions", { model: "m" });
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toEqual({ detail: "Not Found" });

    const wrongMethod = await fetch(upstreamURL() + CHAT, { headers: AUTH });
    expect(wrongMethod.status).toBe(405);
    expect(await wrongMethod.json()).toEqual({ detail: "Method Not Allowed" });

    const badBody = await post(CHAT, "{not json");
    expect(badBody.status).toBe(422);
    expect(((await badBody.json()) as { detail: unknown[] }).detail).toHaveLength(2);
  });

  it("requires a bearer authorization header (401 with errors/401.json otherwise)", async () => {
    const noAuth = await fetch(upstreamURL() + CHAT, { method: "POST", body: "{}" });
    expect(noAuth.status).toBe(401);
    expect(noAuth.headers.get("x-request-id")).toMatch(/^req-\d+$/);
    expect(await noAuth.text()).toBe(error401Raw);

    for (const authorization of ["Token abc", "Bearer ", "abc"]) {
      const res = await fetch(upstreamURL() + "/v1/openai/models", { headers: { authorization } });
      expect(res.status, authorization).toBe(401);
      await res.body?.cancel();
    }
    const lower = await fetch(upstreamURL() + "/v1/openai/models", { headers: { authorization: "bearer abc" } });
    expect(lower.status).toBe(200);
    await lower.body?.cancel();

    // A scenario can't turn an unauthenticated request into a success.
    const id = newTestId();
    const forced = await fetch(upstreamURL() + CHAT, { method: "POST", body: "{}", headers: scenarioHeaders(id, { fixture: "chat-completion.json" }) });
    expect(forced.status).toBe(401);
    expect(await forced.text()).toBe(error401Raw);
  });

  it("answers CORS preflight with 204 and gives every response its own x-request-id", async () => {
    const pre = await fetch(upstreamURL() + CHAT, {
      method: "OPTIONS",
      headers: { origin: "http://example.test", "access-control-request-method": "POST", "access-control-request-headers": "authorization, x-test-id" },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("*");
    const allowed = pre.headers.get("access-control-allow-headers")!.split(/,\s*/);
    expect(allowed).toEqual(expect.arrayContaining(["authorization", "content-type", "x-test-id", "x-upstream-scenario"]));
    expect(pre.headers.get("access-control-allow-methods")).toContain("POST");

    const a = await chat({});
    const b = await chat({});
    await Promise.all([a.body?.cancel(), b.body?.cancel()]);
    const ids = [a.headers.get("x-request-id"), b.headers.get("x-request-id")];
    expect(ids.every((id) => /^req-\d+$/.test(id ?? ""))).toBe(true);
    expect(ids[0]).not.toBe(ids[1]);
  });
});

describe("embeddings", () => {
  const EMBED = "/v1/openai/embeddings";

  it("returns one deterministic 8-dim vector per input, echoing the model and counting words", async () => {
    const res = await post(EMBED, { model: "BAAI/bge-m3", input: ["hello big world", "foo", "hello big world"] });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { object: string; model: string; data: { object: string; index: number; embedding: number[] }[]; usage: unknown };
    expect(body.object).toBe("list");
    expect(body.model).toBe("BAAI/bge-m3");
    expect(body.usage).toEqual({ prompt_tokens: 7, total_tokens: 7 });
    expect(body.data.map((d) => [d.object, d.index])).toEqual([["embedding", 0], ["embedding", 1], ["embedding", 2]]);
    for (const d of body.data) {
      expect(d.embedding).toHaveLength(8);
      expect(d.embedding.every((x) => x >= -1 && x < 1)).toBe(true);
    }
    expect(body.data[2]!.embedding).toEqual(body.data[0]!.embedding);
    expect(body.data[1]!.embedding).not.toEqual(body.data[0]!.embedding);

    // A single string input gives the same vector as the same string in a list.
    const single = (await (await post(EMBED, { model: "x", input: "foo" })).json()) as typeof body;
    expect(single.data).toHaveLength(1);
    expect(single.data[0]!.embedding).toEqual(body.data[1]!.embedding);
    expect(single.usage).toEqual({ prompt_tokens: 1, total_tokens: 1 });
  });

  it("base64 encoding decodes (little-endian float32) to exactly the float-format vector", async () => {
    const input = ["the quick brown fox", "jumps"];
    const floats = (await (await post(EMBED, { model: "m", input })).json()) as { data: { embedding: number[] }[] };
    const b64 = (await (await post(EMBED, { model: "m", input, encoding_format: "base64" })).json()) as { data: { embedding: string }[] };
    expect(typeof b64.data[0]!.embedding).toBe("string");
    expect(b64.data.map((d) => base64ToFloats(d.embedding))).toEqual(floats.data.map((d) => d.embedding));
  });
});

describe("fault injection", () => {
  it("status / headers / fixture / body / contentType overrides", async () => {
    const id = newTestId();
    const r429 = await chat({}, id, { fixture: "errors/429.json", headers: { "retry-after": "2" } });
    expect(r429.status).toBe(429); // inferred from the fixture name
    expect(r429.headers.get("retry-after")).toBe("2");
    expect(await r429.text()).toBe(error429Raw);

    const r503 = await chat({}, id, { status: 503, fixture: "errors/500.json" });
    expect(r503.status).toBe(503);
    expect(await r503.text()).toBe(error500Raw);

    const obj = await chat({}, id, { status: 402, body: { error: { message: "no balance" } } });
    expect(obj.status).toBe(402);
    expect(obj.headers.get("content-type")).toBe("application/json");
    expect(await obj.json()).toEqual({ error: { message: "no balance" } });

    const sse = "data: {\"x\":1}\n\ndata: [DONE]\n\n";
    const raw = await chat({ stream: true }, id, { body: sse });
    expect(raw.headers.get("content-type")).toBe("text/event-stream");
    expect(await raw.text()).toBe(sse);

    const plain = await chat({}, id, { status: 500, body: "Internal Server Error", contentType: "text/html" });
    expect(plain.status).toBe(500);
    expect(plain.headers.get("content-type")).toBe("text/html");
    expect(await plain.text()).toBe("Internal Server Error");

    const statusOnly = await chat({}, id, { status: 201 });
    expect(statusOnly.status).toBe(201);
    expect(await statusOnly.text()).toBe(chatCompletionRaw);
  });

  it("echoAuth reflects the Authorization header (key-leak tests)", async () => {
    const id = newTestId();
    const res = await post(CHAT, { model: "m", messages: MESSAGES }, { authorization: "Bearer sk-secret-123", ...scenarioHeaders(id, { echoAuth: true }) });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: { message: "bad key: Bearer sk-secret-123" },
      detail: "bad key: Bearer sk-secret-123",
      echo: { authorization: "Bearer sk-secret-123" },
    });
    const r403 = await chat({}, id, { echoAuth: true, status: 403 });
    expect(r403.status).toBe(403);
    expect(((await r403.json()) as { echo: unknown }).echo).toEqual({ authorization: "Bearer test-key" });
  });

  it("a bad scenario header is reported as a harness error (599), not a DeepInfra status", async () => {
    const res = await post(CHAT, { model: "m" }, { "x-test-id": newTestId(), "x-upstream-scenario": "{oops" });
    expect(res.status).toBe(599);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/^upstream harness: x-upstream-scenario is not valid JSON/);

    const missing = await chat({}, newTestId(), { fixture: "nope.json" });
    expect(missing.status).toBe(599);
    expect(((await missing.json()) as { detail: string }).detail).toBe("upstream harness: unknown fixture: nope.json");
  });

  it("headersDelayMs delays the response head", async () => {
    const started = Date.now();
    const res = await chat({}, newTestId(), { headersDelayMs: 300 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(await res.text()).toBe(chatCompletionRaw);
  });

  it("chunkSize + chunkDelayMs stream the SSE in separate reads, without content-length", async () => {
    const res = await chat({ stream: true }, newTestId(), { chunkSize: 100, chunkDelayMs: 25 });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBeNull();
    const { reads, bytes } = await readAll(res);
    const expected = bytesOf(chatStreamRaw);
    expect(bytes).toEqual(expected);
    // No read spans a piece boundary: every multiple of 100 is where some read ended.
    const ends = readEnds(reads);
    for (let at = 100; at < expected.length; at += 100) expect(ends).toContain(at);
    expect(ends.at(-1)).toBe(expected.length);
    expect(Math.max(...reads.map((r) => r.length))).toBeLessThanOrEqual(100);
  });

  it("chunks splits the body at the given byte offsets", async () => {
    const res = await chat({ stream: true }, newTestId(), { chunks: [7, 300], chunkDelayMs: 60 });
    const { reads, bytes } = await readAll(res);
    expect(dec.decode(bytes)).toBe(chatStreamRaw);
    // workerd may split a piece across reads, but never merges two pieces sent 60 ms apart.
    const ends = readEnds(reads);
    expect(ends).toEqual(expect.arrayContaining([7, 300, bytesOf(chatStreamRaw).length]));
    expect(ends[0]).toBe(7);
  });

  it("sequence: the Nth request with the same x-test-id gets sequence[N], the last one repeats", async () => {
    const id = newTestId();
    const scenario: Scenario = {
      headers: { "x-shared": "yes" },
      sequence: [{ fixture: "errors/500.json" }, { fixture: "errors/429.json", headers: { "retry-after": "0" } }, {}],
    };
    const statuses: number[] = [];
    const retryAfter: (string | null)[] = [];
    const bodies: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await chat({}, id, scenario);
      statuses.push(res.status);
      retryAfter.push(res.headers.get("retry-after"));
      expect(res.headers.get("x-shared")).toBe(i === 1 ? null : "yes"); // step headers replace base headers (shallow merge)
      bodies.push(await res.text());
    }
    expect(statuses).toEqual([500, 429, 200, 200]);
    expect(retryAfter).toEqual([null, "0", null, null]);
    expect(bodies).toEqual([error500Raw, error429Raw, chatCompletionRaw, chatCompletionRaw]);

    const records = await recordedRequests(id);
    expect(records.map((r) => [r.seq, r.status, r.finished])).toEqual([[0, 500, true], [1, 429, true], [2, 200, true], [3, 200, true]]);
    // Another test id starts its own sequence.
    expect((await chat({}, newTestId(), scenario)).status).toBe(500);
  });

  it("truncateAfterBytes ends the response cleanly after exactly that many bytes", async () => {
    const id = newTestId();
    const res = await chat({ stream: true }, id, { truncateAfterBytes: 100 });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBeNull();
    const { bytes } = await readAll(res);
    expect(bytes.length).toBe(100);
    expect(bytes).toEqual(bytesOf(chatStreamRaw).slice(0, 100));
    const record = await waitClosed(id);
    expect([record.finished, record.clientClosed]).toEqual([true, false]);
  });

  it("resetAfterBytes makes the body read reject", async () => {
    const id = newTestId();
    const res = await chat({ stream: true }, id, { resetAfterBytes: 200 });
    expect(res.status).toBe(200);
    await expect(res.arrayBuffer()).rejects.toThrow();
    const record = await waitClosed(id);
    expect([record.serverReset, record.finished, record.clientClosed]).toEqual([true, false, false]);
  });

  it("resetAfterBytes delivers the first bytes before the read fails", async () => {
    const res = await chat({ stream: true }, newTestId(), { resetAfterBytes: 200, chunks: [50], chunkDelayMs: 20 });
    const reader = res.body!.getReader();
    const got: Uint8Array[] = [];
    const error = await (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return null;
          got.push(value);
        }
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(Error);
    const bytes = concat(got);
    expect(bytes.length).toBeGreaterThanOrEqual(50);
    expect(bytes.length).toBeLessThanOrEqual(200);
    expect(bytes).toEqual(bytesOf(chatStreamRaw).slice(0, bytes.length));
  });

  it("stallAfterBytes goes silent; cancelling the reader is seen as clientClosed", async () => {
    const id = newTestId();
    const res = await chat({ stream: true }, id, { stallAfterBytes: 150 });
    const { reader, bytes } = await readAtLeast(res, 150);
    expect(bytes).toEqual(bytesOf(chatStreamRaw).slice(0, 150));
    const next = reader.read();
    expect(await settledWithin(next, 300)).toBe("pending");

    const [before] = await recordedRequests(id);
    expect([before!.clientClosed, before!.finished]).toEqual([false, false]);

    await reader.cancel();
    const record = await waitClosed(id);
    expect(record.clientClosed).toBe(true);
    expect(record.finished).toBe(false);
  });

  it("linger sends the whole body and keeps the response open until the client closes", async () => {
    const id = newTestId();
    const res = await chat({}, id, { linger: true });
    expect(res.headers.get("content-length")).toBeNull();
    const expected = bytesOf(chatCompletionRaw);
    const { reader, bytes } = await readAtLeast(res, expected.length);
    expect(bytes).toEqual(expected);
    expect(await settledWithin(reader.read(), 300)).toBe("pending");

    const [open] = await recordedRequests(id);
    expect([open!.clientClosed, open!.finished]).toEqual([false, false]);

    await reader.cancel();
    const closed = await waitClosed(id);
    expect([closed.clientClosed, closed.finished]).toEqual([true, false]);
  });
});

describe("recording", () => {
  it("records method, path, lowercased headers and body of requests carrying x-test-id", async () => {
    const id = newTestId();
    const payload = { model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages: [{ role: "user", content: "héllo" }], temperature: 0.5 };
    const res = await fetch(`${upstreamURL()}${CHAT}?api-version=1`, {
      method: "POST",
      headers: { Authorization: "Bearer rec-key", "Content-Type": "application/json", "X-Custom-Thing": "abc", ...scenarioHeaders(id) },
      body: JSON.stringify(payload),
    });
    expect(await res.text()).toBe(chatCompletionRaw);

    const records = await recordedRequests(id);
    expect(records).toHaveLength(1);
    const r = records[0]!;
    expect(r).toMatchObject({ testId: id, seq: 0, method: "POST", path: CHAT, body: JSON.stringify(payload), json: payload, status: 200 });
    expect(r.headers).toMatchObject({ authorization: "Bearer rec-key", "content-type": "application/json", "x-custom-thing": "abc", "x-test-id": id });
    expect(r.headers["x-upstream-scenario"]).toBeUndefined();
    expect(typeof r.receivedAt).toBe("number");

    const done = await waitClosed(id);
    expect([done.finished, done.clientClosed]).toEqual([true, false]);

    // Unknown test ids have no records; control endpoints are not recorded.
    expect(await recordedRequests(newTestId())).toEqual([]);
    expect(await recordedRequests(id)).toHaveLength(1);
  });

  it("waitClosed rejects when nothing closes in time", async () => {
    const id = newTestId();
    const res = await chat({ stream: true }, id, { stallAfterBytes: 10 });
    const reader = res.body!.getReader();
    await reader.read();
    await expect(waitClosed(id, 200)).rejects.toThrow(/nothing closed within 200 ms/);
    await reader.cancel();
    expect((await waitClosed(id)).clientClosed).toBe(true);
  });
});
