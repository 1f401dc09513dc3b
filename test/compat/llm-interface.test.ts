import { describe, expect, it } from "vitest";
import { configure, createInterface, memoryCache, sendMessage, workersCache, type CacheStore } from "../../src/compat/llm-interface.js";
import { BadRequestError, InternalServerError, ValidationError, type ChatCompletion, type ClientOptions } from "../../src/index.js";
import { newTestId, recordedRequests, scenarioHeaders, upstreamURL, type Scenario } from "../helpers.js";
import { everythingIn, FAKE_KEY, rejection } from "../setup-client.js";

/** llm-interface bound to the local upstream, tagged with a fresh test id; waits are recorded, not slept. */
function setup(scenario?: Scenario, options: ClientOptions = {}) {
  const testId = newTestId();
  const waits: number[] = [];
  const llm = createInterface({
    apiKey: FAKE_KEY,
    baseURL: upstreamURL(),
    headers: scenarioHeaders(testId, scenario),
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...options,
  });
  // A prompt unique to this test, so the module-wide memory cache never answers across tests.
  return { ...llm, testId, waits, prompt: `Hello ${testId}` };
}

function reply(content: string) {
  return { id: "chatcmpl-llmi", object: "chat.completion", created: 1, model: "m", choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }], usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7, estimated_cost: 0.0000012 } };
}

describe("llm-interface: sendMessage", () => {
  it("answers in llm-interface's shape; a string becomes one user message; the default alias and max_tokens 1024 apply", async () => {
    const { sendMessage, testId, prompt } = setup();
    const response = await sendMessage(prompt);
    expect(response).toMatchObject({ success: true, recoveryMode: false, results: "Hello! It's nice to meet you. Is there something I can help you with?", retries: 0 });
    expect(response.usage?.estimated_cost).toBe(0.0000268);
    expect(response.total_time).toMatch(/^\d+\.\d{5}$/);
    expect(response.originalResponse).toBeUndefined();
    expect((await recordedRequests(testId))[0]?.json).toEqual({ model: "openchat/openchat-3.6-8b", messages: [{ role: "user", content: prompt }], max_tokens: 1024, stream: false });
  });

  it("takes { model, messages }, options.model aliases and passes the spec's options through", async () => {
    const { sendMessage, testId } = setup();
    await sendMessage({ model: "large", messages: [{ role: "user", content: "a" }] }, { max_tokens: 100, temperature: 0.2, top_p: 0.9, stop: ["\n"], frequency_penalty: 0.5, presence_penalty: 0.1, n: 1, echo: false });
    await sendMessage({ messages: [{ role: "user", content: "b" }] }, { model: "small" });
    const sent = (await recordedRequests(testId)).map((r) => r.json as Record<string, unknown>);
    expect(sent[0]).toEqual({ model: "nvidia/Nemotron-4-340B-Instruct", messages: [{ role: "user", content: "a" }], max_tokens: 100, temperature: 0.2, top_p: 0.9, stop: ["\n"], frequency_penalty: 0.5, presence_penalty: 0.1, n: 1, echo: false, stream: false });
    expect(sent[1]?.model).toBe("microsoft/WizardLM-2-7B");
  });

  it('response_format "json_object" (llm-interface\'s string form) goes out as { type } and results are parsed', async () => {
    const { sendMessage, testId, prompt } = setup();
    const { results } = await sendMessage(prompt, { response_format: "json_object" });
    expect((results as { breakthroughs: unknown[] }).breakthroughs).toHaveLength(2);
    expect((await recordedRequests(testId))[0]?.json).toMatchObject({ response_format: { type: "json_object" } });
  });

  it("an empty message is a ValidationError before any request; failures are thrown typed, never { success: false }", async () => {
    const { sendMessage, testId } = setup({ fixture: "errors/400.json" });
    const empty = await rejection(sendMessage(""));
    expect(empty).toBeInstanceOf(ValidationError);
    expect((empty as ValidationError).issues[0]?.path).toEqual(["message"]);
    expect(await recordedRequests(testId)).toEqual([]);
    const failed = await rejection(sendMessage("x"));
    expect(failed).toBeInstanceOf(BadRequestError);
    expect(everythingIn(failed)).not.toContain(FAKE_KEY);
    expect(await recordedRequests(testId)).toHaveLength(1);
  });
});

describe("llm-interface: interfaceOptions", () => {
  it("retryAttempts counts every attempt; retryMultiplier sets the waits (n × m × 1000 + 500 ms)", async () => {
    const scenario = { sequence: [{ fixture: "errors/500.json" }, { fixture: "errors/500.json" }, {}] };
    const ok = setup(scenario);
    const response = await ok.sendMessage(ok.prompt, {}, { retryAttempts: 3, retryMultiplier: 1 });
    expect(response.retries).toBe(2);
    expect(ok.waits).toEqual([1500, 2500]);
    expect(await recordedRequests(ok.testId)).toHaveLength(3);

    const defaults = setup(scenario);
    await defaults.sendMessage(defaults.prompt);
    expect(defaults.waits).toEqual([800, 1100]);

    const short = setup(scenario);
    expect(await rejection(short.sendMessage(short.prompt, {}, { retryAttempts: 2 }))).toBeInstanceOf(InternalServerError);
    expect(await recordedRequests(short.testId)).toHaveLength(2);
  });

  it("retries honour Retry-After and never retry a 400", async () => {
    const busy = setup({ sequence: [{ fixture: "errors/429.json", headers: { "retry-after": "2" } }, {}] });
    expect((await busy.sendMessage(busy.prompt, {}, { retryAttempts: 3 })).retries).toBe(1);
    expect(busy.waits).toEqual([2000]);
    const bad = setup({ fixture: "errors/400.json" });
    await rejection(bad.sendMessage(bad.prompt, {}, { retryAttempts: 5 }));
    expect(await recordedRequests(bad.testId)).toHaveLength(1);
  });

  it("cacheTimeoutSeconds: the in-memory cache answers repeats; the key covers the message and every option", async () => {
    const { sendMessage, testId, prompt } = setup();
    const first = await sendMessage(prompt, { temperature: 0.5, max_tokens: 50 }, { cacheTimeoutSeconds: 60 });
    const again = await sendMessage(prompt, { max_tokens: 50, temperature: 0.5 }, { cacheTimeoutSeconds: 60 });
    expect(again.results).toBe(first.results);
    expect(again.cacheType).toBe("memory-cache");
    expect(first.cacheType).toBeUndefined();
    expect(await recordedRequests(testId)).toHaveLength(1);
    await sendMessage(prompt, { temperature: 0.6, max_tokens: 50 }, { cacheTimeoutSeconds: 60 });
    await sendMessage(`${prompt}!`, { temperature: 0.5, max_tokens: 50 }, { cacheTimeoutSeconds: 60 });
    await sendMessage(prompt, { temperature: 0.5, max_tokens: 50 }, { cacheTimeoutSeconds: 60, includeOriginalResponse: true });
    await sendMessage(prompt, { temperature: 0.5, max_tokens: 50 });
    expect(await recordedRequests(testId)).toHaveLength(5);
    // llm-interface's shorthand: a number in the interfaceOptions slot is the cache timeout.
    expect((await sendMessage(prompt, { temperature: 0.5, max_tokens: 50 }, 60)).cacheType).toBe("memory-cache");
  });

  it("cache: any { get, set } store; entries carry their expiry and never the key", async () => {
    const map = new Map<string, unknown>();
    const ttls: Array<number | undefined> = [];
    const store: CacheStore = { get: (k) => map.get(k), set: (k, v, ttl) => void (map.set(k, v), ttls.push(ttl)) };
    const { sendMessage, testId, prompt } = setup();
    await sendMessage(prompt, {}, { cacheTimeoutSeconds: 30, cache: store });
    const hit = await sendMessage(prompt, {}, { cacheTimeoutSeconds: 30, cache: store });
    expect(hit.cacheType).toBe("custom");
    expect(ttls).toEqual([30]);
    const [key, entry] = [...map.entries()][0] as [string, { value: unknown; expiresAt: number }];
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(entry.expiresAt).toBeGreaterThan(Date.now());
    expect(JSON.stringify([...map])).not.toContain(FAKE_KEY);
    entry.expiresAt = Date.now() - 1;
    expect((await sendMessage(prompt, {}, { cacheTimeoutSeconds: 30, cache: store })).cacheType).toBeUndefined();
    expect(await recordedRequests(testId)).toHaveLength(2);
  });

  it("cache: the Workers Cache API (caches.default) via workersCache()", async () => {
    const { sendMessage, testId, prompt } = setup();
    const cache = workersCache();
    await sendMessage(prompt, { max_tokens: 10 }, { cacheTimeoutSeconds: 120, cache });
    const hit = await sendMessage(prompt, { max_tokens: 10 }, { cacheTimeoutSeconds: 120, cache });
    expect(hit.cacheType).toBe("custom");
    expect(hit.results).toContain("Hello!");
    expect(await recordedRequests(testId)).toHaveLength(1);
  });

  it("memoryCache() drops the oldest entries past its limit", () => {
    const store = memoryCache(2);
    store.set("a", 1);
    store.set("b", 2);
    store.set("c", 3);
    expect([...store.map.keys()]).toEqual(["b", "c"]);
  });

  it("attemptJsonRepair parses near-JSON (fence, prose, trailing commas, cut-off); without it the text is kept", async () => {
    const messy = 'Here it is:\n```json\n{"a": 1, "b": [1, 2,], "c": True,}\n```';
    const { sendMessage, prompt } = setup({ body: reply(messy) });
    expect((await sendMessage(prompt, {}, { attemptJsonRepair: true })).results).toEqual({ a: 1, b: [1, 2], c: true });
    expect((await sendMessage(prompt)).results).toBe(messy);
    const cut = setup({ body: reply('{"city": {"name": "Ly') });
    expect((await cut.sendMessage(cut.prompt, {}, { attemptJsonRepair: true })).results).toEqual({ city: { name: "Ly" } });
    const prose = setup({ body: reply("No JSON here.") });
    expect((await prose.sendMessage(prose.prompt, {}, { attemptJsonRepair: true })).results).toBe("No JSON here.");
  });

  it("includeOriginalResponse adds DeepInfra's whole response", async () => {
    const { sendMessage, prompt } = setup();
    const response = await sendMessage(prompt, {}, { includeOriginalResponse: true });
    const original = response.originalResponse as ChatCompletion;
    expect(original.id).toBe("chatcmpl-guMTxWgpFf");
    expect(original.usage?.estimated_cost).toBe(0.0000268);
  });

  it("signal aborts the call", async () => {
    const { sendMessage, prompt } = setup({ headersDelayMs: 5000 });
    const controller = new AbortController();
    const pending = sendMessage(prompt, {}, { signal: controller.signal });
    controller.abort();
    expect((await rejection(pending)).name).toBe("APIUserAbortError");
  });
});

describe("llm-interface: streamMessage and embeddings", () => {
  it("streamMessage returns a ChatStream whose data is the SSE bytes; options.stream in sendMessage does the same", async () => {
    const { streamMessage, sendMessage, testId, prompt } = setup();
    const stream = await streamMessage(prompt, { max_tokens: 20 });
    const text = await new Response(stream.data).text();
    expect(text.startsWith("data: {")).toBe(true);
    expect(text).toContain('"content":" there"');
    expect(text.endsWith("data: [DONE]\n\n")).toBe(true);
    const viaSend = (await sendMessage(prompt, { stream: true })) as unknown as AsyncIterable<unknown> & { textStream(): AsyncIterable<string> };
    const parts: string[] = [];
    for await (const piece of viaSend.textStream()) parts.push(piece);
    expect(parts).toEqual(["Hello", " there", "!"]);
    expect((await recordedRequests(testId)).map((r) => (r.json as { stream: boolean; max_tokens: number }).stream)).toEqual([true, true]);
  });

  it("embeddings: results is the vector (or one per string), aliases map, options pass, cache and originalResponse work", async () => {
    const { embeddings, testId } = setup();
    const one = await embeddings("embed me", { model: "large", dimensions: 64 }, { includeOriginalResponse: true, cacheTimeoutSeconds: 60 });
    expect(one.success).toBe(true);
    expect(one.results).toHaveLength(8);
    expect((one.originalResponse as { model: string }).model).toBe("BAAI/bge-large-en-v1.5");
    const many = await embeddings(["a", "b"]);
    expect(many.results).toHaveLength(2);
    expect((many.results as number[][])[0]).toHaveLength(8);
    expect((await embeddings("embed me", { model: "large", dimensions: 64 }, { includeOriginalResponse: true, cacheTimeoutSeconds: 60 })).cacheType).toBe("memory-cache");
    const sent = (await recordedRequests(testId)).map((r) => r.json);
    expect(sent).toEqual([
      { model: "BAAI/bge-large-en-v1.5", input: "embed me", dimensions: 64, encoding_format: "float" },
      { model: "BAAI/bge-base-en-v1.5", input: ["a", "b"], encoding_format: "float" },
    ]);
    expect(await rejection(embeddings(5 as never))).toBeInstanceOf(ValidationError);
  });

  it("the bare functions use the interface set by configure()", async () => {
    const testId = newTestId();
    configure({ apiKey: FAKE_KEY, baseURL: upstreamURL(), headers: scenarioHeaders(testId) });
    expect((await sendMessage(`bare ${testId}`)).success).toBe(true);
    expect(await recordedRequests(testId)).toHaveLength(1);
  });
});
