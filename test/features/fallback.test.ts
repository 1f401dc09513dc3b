// Model fallback chains (issue 12): each trigger moves on, each non-trigger does not, streams fall back only
// before their first byte, aliases resolve, embeddings keep their dimension, one error carries every failure.
import { type } from "arktype";
import { describe, expect, it } from "vitest";
import {
  AllModelsFailedError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  BudgetExceededError,
  CapabilityMemory,
  defineTool,
  EmbeddingDimensionError,
  InternalServerError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  UnsupportedFeatureError,
  ValidationError,
  type FallbackEvent,
} from "../../src/index.js";
import { recordedRequests } from "../helpers.js";
import { everythingIn, FAKE_KEY, HELLO, rejection } from "../setup-client.js";
import { BUSY, modelClient, QUOTA, type ModelScenario } from "./helpers.js";

const A = "org/model-a";
const B = "org/model-b";
const C = "org/model-c";
const CHAT = { messages: HELLO };

/** A client whose chain is A → B (→ C), recording each onFallback. */
function chain(byModel: Record<string, ModelScenario>, fallback: string[] = [B], options = {}) {
  const events: FallbackEvent[] = [];
  const made = modelClient(byModel, { fallback, onFallback: (event) => events.push(event), ...options });
  return { ...made, events };
}

describe("fallback: what moves the chain on", () => {
  it.each<[string, ModelScenario, abstract new (...args: never[]) => Error]>([
    ["404 (model gone)", { fixture: "errors/404-path.json" }, NotFoundError],
    ["405 (unsupported feature)", { fixture: "errors/405.json" }, UnsupportedFeatureError],
    ["429 busy", { fixture: "errors/429.json" }, RateLimitError],
    ["500", { fixture: "errors/500.json" }, InternalServerError],
    ["503 with an HTML page", { status: 503, body: "<html>upstream down</html>", contentType: "text/html" }, InternalServerError],
    ["a connection failure", "unreachable", Error],
  ])("%s: B answers, onFallback names both and the error; model says B", async (_, scenario, ErrorClass) => {
    const { client, events, stats } = chain({ [A]: scenario });
    const reply = await client.chat.completions.create({ model: A, ...CHAT });
    expect(reply.choices[0]?.message.content).toBe("Hello! It's nice to meet you. Is there something I can help you with?");
    expect(reply.model).toBe(B);
    expect(stats.sent).toEqual([A, B]);
    expect(events).toHaveLength(1);
    expect(events[0]?.from).toBe(A);
    expect(events[0]?.to).toBe(B);
    expect(events[0]?.error).toBeInstanceOf(ErrorClass);
  });

  it("a 400 naming a retired model behind an alias (the alias hint) moves on; the fallback alias resolves too", async () => {
    const retired = { status: 400, body: { error: { message: "Model openchat/openchat-3.6-8b does not exist or has been retired" } } };
    const { client, events, stats } = chain({ "openchat/openchat-3.6-8b": retired }, ["small"]);
    const reply = await client.chat.completions.create({ model: "default", ...CHAT });
    expect(stats.sent).toEqual(["openchat/openchat-3.6-8b", "microsoft/WizardLM-2-7B"]);
    expect(reply.model).toBe("microsoft/WizardLM-2-7B");
    expect(events[0]?.error).toBeInstanceOf(BadRequestError);
    expect(events[0]?.error.message).toContain('came from the alias "default"');
  });

  it("5xx moves on only after the model's own retries", async () => {
    const { client, stats } = chain({ [A]: { fixture: "errors/500.json" } }, [B], { maxRetries: 2 });
    await client.chat.completions.create({ model: A, ...CHAT });
    expect(stats.sent).toEqual([A, A, A, B]);
  });

  it("405: skips the models the capability memory already knows refuse the feature", async () => {
    const capabilities = new CapabilityMemory();
    capabilities.recordRefusal(B, ["chat", "tools"]);
    const tools = [{ type: "function" as const, function: { name: "f", parameters: { type: "object", properties: {} } } }];
    const { client, stats, events } = chain({ [A]: { unsupported: ["tools"] } }, [B, C], { capabilities });
    const reply = await client.chat.completions.create({ model: A, ...CHAT, tools });
    expect(stats.sent).toEqual([A, C]);
    expect(reply.model).toBe(C);
    expect(events.map((e) => [e.from, e.to])).toEqual([[A, C]]);
    // The 405 taught the shared memory about A too.
    expect(capabilities.supports(A, "tools")).toBe(false);
  });
});

describe("fallback: what never moves it on", () => {
  it.each<[string, ModelScenario, abstract new (...args: never[]) => Error]>([
    ["400", { fixture: "errors/400.json" }, BadRequestError],
    ["401", { fixture: "errors/401.json" }, AuthenticationError],
    ["402", { fixture: "errors/402.json" }, PaymentRequiredError],
    ["403", { fixture: "errors/403.json" }, PermissionDeniedError],
    ["422", { fixture: "errors/422.json" }, UnprocessableEntityError],
    ["429 for a spent quota", QUOTA, RateLimitError],
  ])("%s: thrown as it is, B never asked", async (_, scenario, ErrorClass) => {
    const { client, events, stats } = chain({ [A]: scenario });
    const error = await rejection(client.chat.completions.create({ model: A, ...CHAT }));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(stats.sent).toEqual([A]);
    expect(events).toEqual([]);
  });

  it("an abort: thrown, B never asked", async () => {
    const controller = new AbortController();
    const { client, stats } = chain({ [A]: { headersDelayMs: 2000 } });
    const pending = client.chat.completions.create({ model: A, ...CHAT }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(await rejection(pending)).toBeInstanceOf(APIUserAbortError);
    expect(stats.sent).toEqual([A]);
  });

  it("the budget: refused unsent, no model asked", async () => {
    const { client, stats } = chain({}, [B], { budget: { maxUSD: 0 } });
    expect(await rejection(client.chat.completions.create({ model: A, ...CHAT }))).toBeInstanceOf(BudgetExceededError);
    expect(stats.sent).toEqual([]);
  });

  it("validation: refused before any model", async () => {
    const { client, stats } = chain({});
    expect(await rejection(client.chat.completions.create({ model: A, ...CHAT, temperature: 3 }))).toBeInstanceOf(ValidationError);
    expect(stats.sent).toEqual([]);
  });

  it("a failure on B that would fail anywhere stops the chain there, thrown as it is", async () => {
    const { client, stats } = chain({ [A]: { fixture: "errors/404-path.json" }, [B]: { fixture: "errors/401.json" } }, [B, C]);
    expect(await rejection(client.chat.completions.create({ model: A, ...CHAT }))).toBeInstanceOf(AuthenticationError);
    expect(stats.sent).toEqual([A, B]);
  });
});

describe("fallback: streams", () => {
  it("before the first byte: A's 503 moves on, and the stream the caller gets is B's", async () => {
    const { client, stats, events } = chain({ [A]: { status: 503, body: { error: { message: "overloaded" } } } });
    const stream = await client.chat.completions.create({ model: A, ...CHAT, stream: true });
    const parts: string[] = [];
    for await (const text of stream.textStream()) parts.push(text);
    expect(parts.join("")).toBe("Hello there!");
    expect(stats.sent).toEqual([A, B]);
    expect(events.map((e) => e.to)).toEqual([B]);
  });

  it("after bytes reached the caller: a failure mid-stream is the caller's error, no fallback", async () => {
    const { client, stats, events } = chain({ [A]: { fixture: "chat-stream.sse", resetAfterBytes: 700 } });
    const stream = await client.chat.completions.create({ model: A, ...CHAT, stream: true });
    const parts: string[] = [];
    const error = await rejection(
      (async () => {
        for await (const text of stream.textStream()) parts.push(text);
      })(),
    );
    expect(error.name).toBe("APIConnectionError");
    expect(parts.length).toBeGreaterThan(0);
    expect(stats.sent).toEqual([A]);
    expect(events).toEqual([]);
  });
});

describe("fallback: the chain", () => {
  it("every model failed: one AllModelsFailedError carrying each attempt, in order, without the key", async () => {
    const { client, stats, events } = chain({ [A]: { fixture: "errors/404-path.json" }, [B]: BUSY, [C]: "unreachable" }, [B, C]);
    const error = (await rejection(client.chat.completions.create({ model: A, ...CHAT }))) as AllModelsFailedError;
    expect(error).toBeInstanceOf(AllModelsFailedError);
    expect(error.attempts.map((a) => a.model)).toEqual([A, B, C]);
    expect(error.attempts.map((a) => a.error.name)).toEqual(["NotFoundError", "RateLimitError", "APIConnectionError"]);
    expect(error.message).toContain(`${A}: 404`);
    expect(stats.sent).toEqual([A, B, C]);
    expect(events.map((e) => `${e.from}>${e.to}`)).toEqual([`${A}>${B}`, `${B}>${C}`]);
    expect(everythingIn(error)).not.toContain(FAKE_KEY);
  });

  it("a call's fallback replaces the client's; [] turns it off; repeats are tried once", async () => {
    const { client, stats } = chain({ [A]: { fixture: "errors/500.json" }, [B]: { fixture: "errors/500.json" } }, [B]);
    const reply = await client.chat.completions.create({ model: A, ...CHAT }, { fallback: [A, C] });
    expect(reply.model).toBe(C);
    expect(stats.sent).toEqual([A, C]);
    expect(await rejection(client.chat.completions.create({ model: A, ...CHAT }, { fallback: [] }))).toBeInstanceOf(InternalServerError);
    expect(stats.sent).toEqual([A, C, A]);
  });

  it("without a client fallback, a call's own works; the wire body is the caller's with only the model changed", async () => {
    const { client, testId } = modelClient({ [A]: { fixture: "errors/404-path.json" } });
    const reply = await client.chat.completions.create({ model: A, ...CHAT, temperature: 0.3 }, { fallback: [B] });
    expect(reply.model).toBe(B);
    const sent = (await recordedRequests(testId)).map((r) => r.json);
    expect(sent).toEqual([
      { model: A, messages: HELLO, temperature: 0.3 },
      { model: B, messages: HELLO, temperature: 0.3 },
    ]);
  });

  it("completions fall back the same way", async () => {
    const { client, stats } = chain({ [A]: BUSY });
    const reply = await client.completions.create({ model: A, prompt: "Once upon a time" });
    expect(reply.model).toBe(B);
    expect(stats.sent).toEqual([A, B]);
  });

  it("rejects a malformed fallback option, naming it, before anything is sent", async () => {
    expect(() => modelClient({}, { fallback: ["ok", ""] })).toThrow(/Invalid client options: fallback must be an array of model names \(was \["ok",""\]\)/);
    expect(() => modelClient({}, { fallback: "x" as never })).toThrow(ValidationError);
    const { client, stats } = modelClient({});
    const error = await rejection(client.chat.completions.create({ model: A, ...CHAT }, { fallback: "small" as never }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe('Invalid request options: options.fallback must be an array of model names (was "small").');
    expect(stats.sent).toEqual([]);
  });
});

describe("fallback: embeddings", () => {
  /** The upstream's answer with vectors of `size` numbers. */
  const sized = (size: number, count = 1): ModelScenario => ({
    body: { object: "list", model: "x", data: Array.from({ length: count }, (_, index) => ({ object: "embedding", index, embedding: Array.from({ length: size }, () => 0.5) })), usage: { prompt_tokens: 1, total_tokens: 1 } },
  });

  it("moves on to a model of the same dimension (dimensions given); model says which served", async () => {
    const { client, stats, events } = chain({ [A]: { fixture: "errors/404-path.json" }, [B]: sized(32, 2) });
    const reply = await client.embeddings.create({ model: A, input: ["a", "b"], dimensions: 32 });
    expect(reply.data).toHaveLength(2);
    expect(reply.data[0]?.embedding).toHaveLength(32);
    expect(reply.model).toBe(B);
    expect(stats.sent).toEqual([A, B]);
    expect(events).toHaveLength(1);
  });

  it("the dimension a model answered before is the one its stand-in must match", async () => {
    const { client, stats } = chain({ [A]: { sequence: [{}, { fixture: "errors/500.json" }] } });
    await client.embeddings.create({ model: A, input: "first" });
    const reply = await client.embeddings.create({ model: A, input: "second" });
    expect(reply.model).toBe(B);
    expect(stats.sent).toEqual([A, A, B]);
  });

  it("skips a stand-in of another dimension, takes the next that matches", async () => {
    const { client, stats } = chain({ [A]: BUSY, [B]: sized(4), [C]: sized(32) }, [B, C]);
    const reply = await client.embeddings.create({ model: A, input: "x", dimensions: 32 });
    expect(reply.model).toBe(C);
    expect(stats.sent).toEqual([A, B, C]);
  });

  it("no stand-in of the same dimension: AllModelsFailedError naming the mismatch", async () => {
    const { client } = chain({ [A]: BUSY, [B]: sized(4) });
    const error = (await rejection(client.embeddings.create({ model: A, input: "x", dimensions: 32 }))) as AllModelsFailedError;
    expect(error).toBeInstanceOf(AllModelsFailedError);
    const mismatch = error.attempts[1]?.error as EmbeddingDimensionError;
    expect(mismatch).toBeInstanceOf(EmbeddingDimensionError);
    expect([mismatch.expected, mismatch.actual]).toEqual([32, 4]);
    expect(mismatch.message).toContain("returned 4-dimension vectors");
  });

  it("the primary's dimension unknown: a clear EmbeddingDimensionError saying how to allow it, and no further model", async () => {
    const { client, stats } = chain({ [A]: { fixture: "errors/404-path.json" } }, [B, C]);
    const error = (await rejection(client.embeddings.create({ model: A, input: "x" }))) as EmbeddingDimensionError;
    expect(error).toBeInstanceOf(EmbeddingDimensionError);
    expect(error.expected).toBeUndefined();
    expect(error.message).toContain("pass dimensions (e.g. dimensions: 8)");
    expect(stats.sent).toEqual([A, B]);
  });

  it("embedding aliases resolve against the embedding table", async () => {
    const { client, stats } = chain({ "BAAI/bge-base-en-v1.5": { fixture: "errors/404-path.json" }, "BAAI/bge-large-en-v1.5": sized(32) }, ["large"]);
    const reply = await client.embeddings.create({ model: "default", input: "x", dimensions: 32 });
    expect(stats.sent).toEqual(["BAAI/bge-base-en-v1.5", "BAAI/bge-large-en-v1.5"]);
    expect(reply.model).toBe("BAAI/bge-large-en-v1.5");
  });
});

describe("fallback: what a failed-over model costs (issue 18)", () => {
  it("fail_fast: true with a chain: a busy 429 moves to the next model at once, without a second request to the first", async () => {
    const waits: number[] = [];
    const { client, stats, events } = chain({ [A]: BUSY }, [B], { maxRetries: 2, sleep: async (ms: number) => void waits.push(ms) });
    const reply = await client.chat.completions.create({ model: A, ...CHAT, fail_fast: true });
    expect(reply.model).toBe(B);
    expect(stats.sent).toEqual([A, B]);
    expect(waits).toEqual([]);
    expect(events.map((event) => [event.from, event.to])).toEqual([[A, B]]);
  });

  it("without fail_fast the busy 429 keeps its retries before the chain moves on", async () => {
    const { client, stats } = chain({ [A]: BUSY }, [B], { maxRetries: 2 });
    await client.chat.completions.create({ model: A, ...CHAT });
    expect(stats.sent).toEqual([A, A, A, B]);
  });

  it("a tool run remembers, for the rest of the run, a model that failed over", async () => {
    const { client, stats } = chain({ [A]: { status: 503, body: { detail: "down" } } }, [B], { maxRetries: 1 });
    const clock = defineTool({ name: "get_current_weather", parameters: type({ "location?": "string", "unit?": "string" }), run: () => ({ temperature: 21 }) });
    const error = await rejection(client.chat.completions.runTools({ model: A, ...CHAT, tools: [clock], maxRounds: 3 }).done());
    expect(error.name).toBe("ToolRoundsExceededError");
    expect(stats.sent).toEqual([A, A, B, B, B]);
  });
});
