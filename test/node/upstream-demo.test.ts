// The local upstream in "demo" mode (the offline upstream behind `npm start`), driven from Node.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoReplyText, startUpstream, type Upstream } from "../upstream/server.mjs";

const MODEL = "meta-llama/Meta-Llama-3.1-8B-Instruct";
const AUTH = { authorization: "Bearer demo-key", "content-type": "application/json" };
const DELAY_MS = 15;

let upstream: Upstream;
beforeAll(async () => {
  upstream = await startUpstream({ mode: "demo", demoDelayMs: DELAY_MS });
});
afterAll(() => upstream?.close());

function chat(body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${upstream.url}/v1/openai/chat/completions`, {
    method: "POST",
    headers: { ...AUTH, ...headers },
    body: JSON.stringify({ model: MODEL, ...body }),
  });
}

interface Chunk {
  id: string;
  object: string;
  model: string;
  choices: { index: number; delta: { role?: string; content?: string }; finish_reason: string | null }[];
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number; estimated_cost: number };
}

/** Split an SSE body into its `data:` payloads. */
function sseData(text: string): string[] {
  return text
    .split("\n\n")
    .filter((e) => e.length > 0)
    .map((e) => {
      expect(e.startsWith("data: ")).toBe(true);
      return e.slice("data: ".length);
    });
}

describe("demo mode", () => {
  it("streams a generated reply word by word as DeepInfra-shaped SSE ending in [DONE]", async () => {
    const messages = [
      { role: "system", content: "be brief" },
      { role: "user", content: "first question" },
      { role: "assistant", content: "an answer" },
      { role: "user", content: "What is the capital of France?" },
    ];
    const started = Date.now();
    const res = await chat({ stream: true, messages });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    expect(res.headers.get("content-length")).toBeNull();

    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    let reads = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      reads++;
      text += decoder.decode(value, { stream: true });
    }
    const elapsed = Date.now() - started;

    expect(text.endsWith("\n\ndata: [DONE]\n\n")).toBe(true);
    const data = sseData(text);
    expect(data.at(-1)).toBe("[DONE]");
    const chunks = data.slice(0, -1).map((d) => JSON.parse(d) as Chunk);

    const expected = 'Offline demo upstream: you said "What is the capital of France?". This reply is generated locally, no DeepInfra key is set.';
    expect(demoReplyText("What is the capital of France?")).toBe(expected);
    expect(chunks.map((c) => c.choices[0]!.delta.content ?? "").join("")).toBe(expected);

    const wordCount = expected.split(" ").length;
    expect(chunks).toHaveLength(wordCount + 2); // role chunk + one per word + final chunk
    expect(chunks[0]!.choices[0]!.delta).toEqual({ role: "assistant", content: "" });
    expect(chunks.slice(1, -1).every((c) => c.choices[0]!.delta.role === undefined && c.choices[0]!.finish_reason === null)).toBe(true);
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
    expect(chunks.every((c) => c.object === "chat.completion.chunk" && c.model === MODEL)).toBe(true);

    const last = chunks.at(-1)!;
    expect(last.choices[0]).toMatchObject({ delta: {}, finish_reason: "stop" });
    expect(last.usage).toMatchObject({ completion_tokens: wordCount, total_tokens: last.usage!.prompt_tokens + wordCount });
    expect(last.usage!.prompt_tokens).toBe(2 + 2 + 2 + 6);
    expect(last.usage!.estimated_cost).toBeGreaterThan(0);

    // Paced: one write per event, DELAY_MS apart.
    expect(reads).toBeGreaterThan(wordCount / 2);
    expect(elapsed).toBeGreaterThanOrEqual((chunks.length - 1) * DELAY_MS * 0.8);
  });

  it("returns the same text as a chat.completion when not streaming", async () => {
    const res = await chat({ model: "Qwen/Qwen3-32B", messages: [{ role: "user", content: "hi there" }] });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { object: string; model: string; choices: { message: unknown; finish_reason: string }[]; usage: Record<string, number> };
    expect(body.object).toBe("chat.completion");
    expect(body.model).toBe("Qwen/Qwen3-32B");
    expect(body.choices).toEqual([{ index: 0, message: { role: "assistant", content: demoReplyText("hi there") }, finish_reason: "stop" }]);
    expect(body.usage).toMatchObject({ prompt_tokens: 2, completion_tokens: demoReplyText("hi there").split(" ").length });
  });

  it("quotes the last user message (text parts too), cut to 200 characters", async () => {
    const long = "x".repeat(250);
    const res = await chat({ messages: [{ role: "user", content: [{ type: "text", text: long }, { type: "image_url", image_url: { url: "data:," } }] }] });
    const body = (await res.json()) as { choices: { message: { content: string } }[] };
    expect(body.choices[0]!.message.content).toBe(`Offline demo upstream: you said "${"x".repeat(200)}". This reply is generated locally, no DeepInfra key is set.`);
  });

  it("still honours scenario headers and auth", async () => {
    const limited = await chat({ messages: [{ role: "user", content: "hi" }] }, { "x-upstream-scenario": JSON.stringify({ fixture: "errors/429.json", headers: { "retry-after": "1" } }) });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(await limited.json()).toEqual({ error: { message: "Model busy, retry later" } });

    const cut = await chat({ stream: true, messages: [{ role: "user", content: "hi" }] }, { "x-upstream-scenario": JSON.stringify({ truncateAfterBytes: 40 }) });
    const text = await cut.text();
    expect(Buffer.byteLength(text)).toBe(40);
    expect(text.startsWith('data: {"id":"chatcmpl-demo')).toBe(true);

    const noAuth = await fetch(`${upstream.url}/v1/openai/chat/completions`, { method: "POST", body: "{}" });
    expect(noAuth.status).toBe(401);

    // Other routes are the fixture ones.
    const models = await fetch(`${upstream.url}/v1/openai/models`, { headers: AUTH });
    expect(((await models.json()) as { data: { id: string }[] }).data[0]!.id).toBe(MODEL);
  });
});

describe("lifecycle", () => {
  it("close() destroys stalled, lingering and waiting connections instead of hanging", async () => {
    const u = await startUpstream();
    const post = (scenario: object, testId: string) =>
      fetch(`${u.url}/v1/openai/chat/completions`, {
        method: "POST",
        headers: { ...AUTH, "x-test-id": testId, "x-upstream-scenario": JSON.stringify(scenario) },
        body: JSON.stringify({ model: MODEL, stream: true }),
      });
    const stalled = await post({ stallAfterBytes: 20 }, "stall");
    const lingering = await post({ linger: true }, "linger");
    const stalledReader = stalled.body!.getReader();
    expect((await stalledReader.read()).value!.length).toBe(20);
    const lingerRead = lingering.text().then(
      (text) => `ended after ${text.length} bytes`,
      (e: unknown) => e,
    );
    // The in-flight wait-closed either gets its 408 answer or is cut off: it must not hang.
    const waiting = fetch(`${u.url}/__upstream/wait-closed?testId=stall&timeoutMs=60000`).then(
      (r) => r.status,
      () => "cut",
    );
    const headersNeverCome = post({ headersDelayMs: 60_000 }, "slow").catch((e: unknown) => e);
    // Make sure the slow request (sent last) has reached the server before closing it.
    let slow: Array<{ finished: boolean }> = [];
    for (let i = 0; i < 100 && slow.length === 0; i++) {
      slow = (await (await fetch(`${u.url}/__upstream/requests?testId=slow`)).json()) as typeof slow;
      if (slow.length === 0) await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise((r) => setTimeout(r, 50));
    // The slow request is in and unfinished: a close() that waited for it would wait 60 s for its headers.
    expect(slow.map((r) => r.finished)).toEqual([false]);

    const closing = u.close();
    expect(u.close()).toBe(closing); // idempotent: the same close
    await closing;

    // Each connection was destroyed, not allowed to finish: a graceful close would have answered the slow
    // request (a Response, not an Error) and ended the stalled and lingering bodies cleanly.
    await expect(stalledReader.read()).rejects.toThrow();
    expect(await lingerRead).toBeInstanceOf(Error);
    expect(await headersNeverCome).toBeInstanceOf(Error);
    expect([408, "cut"]).toContain(await waiting);
    // And the port is no longer served.
    expect(await fetch(`${u.url}/v1/openai/models`, { headers: AUTH }).then((r) => r.status, (e: unknown) => e)).toBeInstanceOf(Error);
    // A hung close() fails this test at its timeout, well before the 60 s its connections would take on their own.
  }, 30_000);

  it("the global fixtures upstream answers from the node project too", async () => {
    const { inject } = await import("vitest");
    const res = await fetch(`http://127.0.0.1:${inject("upstreamPort")}/v1/openai/models`, { headers: AUTH });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toMatch(/^req-\d+$/);
  });
});
