// The call shapes of llm-interface's README, usage docs and DeepInfra tests, written from their documented
// forms, against the local upstream. Only the import differs from llm-interface:
//   import { LLMInterface, LLMInterfaceSendMessage, LLMInterfaceStreamMessage, LLMInterfaceEmbeddings } from "llm-interface";
import { beforeEach, describe, expect, it } from "vitest";
import { LLMInterface, LLMInterfaceEmbeddings, LLMInterfaceSendMessage, LLMInterfaceStreamMessage, memoryCache } from "../../src/compat/llm-interface.js";
import { AuthenticationError, MODEL_ALIASES, ValidationError, type ChatCompletion } from "../../src/index.js";
import { newTestId, recordedRequests, scenarioHeaders, upstreamURL, type Scenario } from "../helpers.js";
import { everythingIn, FAKE_KEY, rejection } from "../setup-client.js";

const DEEPINFRA_API_KEY = FAKE_KEY;
const OTHER_KEY = "inline-key-for-one-call-7e6d5c4b3a29";
const REPLY = "Hello! It's nice to meet you. Is there something I can help you with?";
let testId = "";
let waits: number[] = [];

/** Aims the module-level clients at the local upstream with a fresh test id (and a scenario). */
function upstream(scenario?: Scenario): void {
  testId = newTestId();
  waits = [];
  LLMInterface.configureClient({ baseURL: upstreamURL(), headers: scenarioHeaders(testId, scenario), sleep: async (ms) => void waits.push(ms) });
}
const sent = async () => (await recordedRequests(testId)).map((request) => request.json as Record<string, unknown>);
const authorizations = async () => (await recordedRequests(testId)).map((request) => request.headers.authorization);

beforeEach(async () => {
  upstream();
  LLMInterface.setApiKey({ deepinfra: DEEPINFRA_API_KEY });
  LLMInterface.configureCache({ cache: "simple-cache" });
  await LLMInterface.flushCache();
});

describe("llm-interface README", () => {
  it("setApiKey({ deepinfra }) then sendMessage('deepinfra', prompt)", async () => {
    expect(LLMInterface.setApiKey({ deepinfra: DEEPINFRA_API_KEY })).toBe(true);
    const response = await LLMInterface.sendMessage("deepinfra", "Explain the importance of low latency LLMs.");
    expect(response).toMatchObject({ success: true, results: REPLY });
    expect(await sent()).toEqual([{ model: MODEL_ALIASES.default, messages: [{ role: "user", content: "Explain the importance of low latency LLMs." }], max_tokens: 1024, stream: false }]);
    expect(await authorizations()).toEqual([`Bearer ${DEEPINFRA_API_KEY}`]);
  });

  it("the one-liner ['deepinfra', key] uses that key for the call and does not keep it", async () => {
    const response = await LLMInterface.sendMessage(["deepinfra", OTHER_KEY], "Explain the importance of low latency LLMs.");
    expect(response.results).toBe(REPLY);
    await LLMInterface.sendMessage("deepinfra", "Again.");
    expect(await authorizations()).toEqual([`Bearer ${OTHER_KEY}`, `Bearer ${DEEPINFRA_API_KEY}`]);
  });

  it("a message object with model and messages, and options", async () => {
    const message = {
      model: "meta-llama/Meta-Llama-3.1-8B-Instruct",
      messages: [
        { role: "system" as const, content: "You are a helpful assistant." },
        { role: "user" as const, content: "Explain the importance of low latency LLMs." },
      ],
    };
    const response = await LLMInterface.sendMessage("deepinfra", message, { max_tokens: 150 });
    expect(response.results).toBe(REPLY);
    expect(await sent()).toEqual([{ ...message, max_tokens: 150, stream: false }]);
  });
});

describe("llm-interface usage docs", () => {
  it("setApiKey('deepinfra', key) and sendMessage with max_tokens", async () => {
    expect(LLMInterface.setApiKey("deepinfra", OTHER_KEY)).toBe(true);
    expect(LLMInterface.setApiKey("deepinfra", "")).toBe(false);
    const response = await LLMInterface.sendMessage("deepinfra", "Hello, world!", { max_tokens: 100 });
    expect(response.results).toBe(REPLY);
    expect(await authorizations()).toEqual([`Bearer ${OTHER_KEY}`]);
    expect((await sent())[0]).toMatchObject({ max_tokens: 100 });
  });

  it("streamMessage('deepinfra', …) resolves to a stream with data, read as llm-interface's processStream reads it", async () => {
    const stream = await LLMInterface.streamMessage("deepinfra", "Hello, world!", { max_tokens: 100 });
    expect(stream).toHaveProperty("data");
    const text = await new Response(stream.data).text();
    const deltas = text
      .split("\n")
      .filter((line) => line.startsWith("data: {"))
      .map((line) => JSON.parse(line.slice(6)).choices[0]?.delta?.content ?? "")
      .join("");
    expect(deltas.length).toBeGreaterThan(0);
    expect(text).toContain("data: [DONE]");
    expect((await sent())[0]).toMatchObject({ stream: true, max_tokens: 100 });
  });

  it("sendMessage with options.stream = true becomes streamMessage", async () => {
    const stream = await LLMInterface.sendMessage("deepinfra", "Hello, world!", { max_tokens: 100, stream: true });
    let text = "";
    for await (const piece of stream.textStream()) text += piece;
    expect(text.length).toBeGreaterThan(0);
    expect((await sent())[0]).toMatchObject({ stream: true });
  });

  it("embeddings('deepinfra', text) and the small alias", async () => {
    const response = await LLMInterface.embeddings("deepinfra", "Text to embed");
    expect(response.success).toBe(true);
    expect(Array.isArray(response.results)).toBe(true);
    expect((response.results as number[]).every((value) => typeof value === "number")).toBe(true);
    await LLMInterface.embeddings("deepinfra", "Explain the importance of low latency LLMs", { model: "small" });
    expect((await sent()).map((body) => body.model)).toEqual(["BAAI/bge-base-en-v1.5", "BAAI/bge-base-en-v1.5"]);
  });

  it("chat.completions.create is sendMessage", async () => {
    const response = await LLMInterface.chat.completions.create("deepinfra", "Hello, world!", { max_tokens: 100 });
    expect(response.results).toBe(REPLY);
  });

  it("LLMInterfaceSendMessage, LLMInterfaceStreamMessage and LLMInterfaceEmbeddings take the key per call", async () => {
    const response = await LLMInterfaceSendMessage("deepinfra", OTHER_KEY, "Hello, world!", { max_tokens: 100 });
    expect(response.results).toBe(REPLY);
    const stream = await LLMInterfaceStreamMessage("deepinfra", OTHER_KEY, "Hello, world!", { max_tokens: 100 });
    expect(await new Response(stream.data).text()).toContain("data: [DONE]");
    const vectors = await LLMInterfaceEmbeddings("deepinfra", [OTHER_KEY, "user-id"], ["a", "b"]);
    expect((vectors.results as number[][]).length).toBe(2);
    expect(await authorizations()).toEqual([`Bearer ${OTHER_KEY}`, `Bearer ${OTHER_KEY}`, `Bearer ${OTHER_KEY}`]);
  });

  it("interface options: a retry on the documented schedule, includeOriginalResponse, attemptJsonRepair", async () => {
    upstream({ sequence: [{ status: 503, body: { detail: "busy" } }, {}] });
    const response = await LLMInterface.sendMessage("deepinfra", "Hello", { max_tokens: 100 }, { retryAttempts: 3, retryMultiplier: 0.3, includeOriginalResponse: true });
    expect(response.retries).toBe(1);
    expect(waits).toEqual([800]);
    expect((response.originalResponse as ChatCompletion).choices[0]?.message.content).toBe(REPLY);
    upstream({ body: { id: "x", object: "chat.completion", created: 1, model: "m", choices: [{ index: 0, message: { role: "assistant", content: '```json\n{"a": 1,}\n```' }, finish_reason: "stop" }] } });
    expect((await LLMInterface.sendMessage("deepinfra", "JSON please", {}, { attemptJsonRepair: true })).results).toEqual({ a: 1 });
  });
});

describe("model aliases", () => {
  it("setModelAlias, getModelByAlias (and the older getModelAlias) and the next request", async () => {
    try {
      expect(LLMInterface.getModelByAlias("deepinfra", "default")).toBe(MODEL_ALIASES.default);
      expect(LLMInterface.getModelByAlias("deepinfra")).toBe(MODEL_ALIASES.default);
      expect(LLMInterface.getModelByAlias("deepinfra", "some/model")).toBe("some/model");
      expect(LLMInterface.setModelAlias("deepinfra", "default", "meta-llama/Meta-Llama-3.1-8B-Instruct")).toBe(true);
      expect(LLMInterface.getModelByAlias("deepinfra", "default")).toBe("meta-llama/Meta-Llama-3.1-8B-Instruct");
      expect(LLMInterface.getModelAlias("deepinfra", "default")).toBe("meta-llama/Meta-Llama-3.1-8B-Instruct");
      await LLMInterface.sendMessage("deepinfra", "Hi");
      expect((await sent())[0]?.model).toBe("meta-llama/Meta-Llama-3.1-8B-Instruct");
    } finally {
      LLMInterface.setModelAlias("deepinfra", "default", MODEL_ALIASES.default);
    }
  });

  it("setEmbeddingsModelAlias, getEmbeddingsModelByAlias and the next request", async () => {
    try {
      expect(LLMInterface.getEmbeddingsModelByAlias("deepinfra", "large")).toBe("BAAI/bge-large-en-v1.5");
      expect(LLMInterface.setEmbeddingsModelAlias("deepinfra", "default", "BAAI/bge-m3")).toBe(true);
      expect(LLMInterface.getEmbeddingsModelByAlias("deepinfra", "default")).toBe("BAAI/bge-m3");
      expect(LLMInterface.getEmbeddingsModelAlias("deepinfra", "default")).toBe("BAAI/bge-m3");
      await LLMInterface.embeddings("deepinfra", "text");
      expect((await sent())[0]?.model).toBe("BAAI/bge-m3");
    } finally {
      LLMInterface.setEmbeddingsModelAlias("deepinfra", "default", "BAAI/bge-base-en-v1.5");
    }
  });

  it("getAllModelNames lists the one interface served", () => {
    expect(LLMInterface.getAllModelNames()).toEqual(["deepinfra"]);
  });
});

describe("cache", () => {
  it("configureCache({ cache: 'memory-cache' }) answers a repeated call from memory until flushCache()", async () => {
    LLMInterface.configureCache({ cache: "memory-cache" });
    const first = await LLMInterface.sendMessage("deepinfra", "Cache me", { max_tokens: 10 });
    const second = await LLMInterface.sendMessage("deepinfra", "Cache me", { max_tokens: 10 });
    expect(first.cacheType).toBeUndefined();
    expect(second).toMatchObject({ results: REPLY, cacheType: "memory-cache" });
    expect(await sent()).toHaveLength(1);
    await LLMInterface.flushCache();
    expect((await LLMInterface.sendMessage("deepinfra", "Cache me", { max_tokens: 10 })).cacheType).toBeUndefined();
    expect(await sent()).toHaveLength(2);
  });

  it("other cache names cache calls with cacheTimeoutSeconds (or a number as options) only", async () => {
    LLMInterface.configureCache({ cache: "simple-cache", path: "./cache" });
    await LLMInterface.sendMessage("deepinfra", "No timeout");
    await LLMInterface.sendMessage("deepinfra", "No timeout");
    expect(await sent()).toHaveLength(2);
    await LLMInterface.sendMessage("deepinfra", "With timeout", {}, { cacheTimeoutSeconds: 60 });
    expect(await LLMInterface.sendMessage("deepinfra", "With timeout", {}, { cacheTimeoutSeconds: 60 })).toMatchObject({ cacheType: "simple-cache" });
    await LLMInterface.embeddings("deepinfra", "vector", 60);
    expect(await LLMInterface.embeddings("deepinfra", "vector", 60)).toMatchObject({ cacheType: "simple-cache" });
    expect(await sent()).toHaveLength(4);
  });

  it("a store passed to configureCache is used, and flushCache() stops it answering", async () => {
    const store = memoryCache();
    LLMInterface.configureCache({ cache: store });
    await LLMInterface.sendMessage("deepinfra", "Stored", {}, 60);
    expect(store.map.size).toBe(1);
    expect((await LLMInterface.sendMessage("deepinfra", "Stored", {}, 60)).cacheType).toBe("custom");
    await LLMInterface.flushCache();
    expect((await LLMInterface.sendMessage("deepinfra", "Stored", {}, 60)).cacheType).toBeUndefined();
    expect(await sent()).toHaveLength(2);
  });
});

describe("DeepInfra only", () => {
  const refusal = /^Invalid \w+ params: interfaceName must be "deepinfra" \(was "(openai|voyage|cohere)"\): deepinfra-edge\/llm-interface speaks only to DeepInfra/;

  it.each([
    ["sendMessage", () => LLMInterface.sendMessage("openai", "Hello")],
    ["sendMessage, inline key", () => LLMInterface.sendMessage(["openai", OTHER_KEY], "Hello")],
    ["streamMessage", () => LLMInterface.streamMessage("openai", "Hello")],
    ["embeddings", () => LLMInterface.embeddings("voyage", "Hello")],
    ["chat.completions.create", () => LLMInterface.chat.completions.create("openai", "Hello")],
    ["LLMInterfaceSendMessage", () => LLMInterfaceSendMessage("openai", OTHER_KEY, "Hello")],
    ["LLMInterfaceStreamMessage", () => LLMInterfaceStreamMessage("openai", OTHER_KEY, "Hello")],
    ["LLMInterfaceEmbeddings", () => LLMInterfaceEmbeddings("voyage", OTHER_KEY, "Hello")],
  ])("%s refuses another interface before any request, key never in the error", async (_name, call) => {
    const error = await rejection(call());
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(refusal);
    expect(everythingIn(error)).not.toContain(OTHER_KEY);
    expect(await sent()).toEqual([]);
  });

  it.each([
    ["setApiKey with an object", () => LLMInterface.setApiKey({ deepinfra: OTHER_KEY, cohere: "x" })],
    ["setApiKey with a name", () => LLMInterface.setApiKey("openai", OTHER_KEY)],
    ["setModelAlias", () => LLMInterface.setModelAlias("openai", "default", "gpt")],
    ["setEmbeddingsModelAlias", () => LLMInterface.setEmbeddingsModelAlias("openai", "default", "x")],
    ["getModelByAlias", () => LLMInterface.getModelByAlias("openai", "default")],
    ["getEmbeddingsModelByAlias", () => LLMInterface.getEmbeddingsModelByAlias("openai", "default")],
  ])("%s throws for another interface", (_name, call) => {
    expect(call).toThrow(refusal);
  });

  it("a failure is a typed error with the key scrubbed, not { success: false }", async () => {
    upstream({ echoAuth: true });
    const error = await rejection(LLMInterface.sendMessage("deepinfra", "Hello"));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(everythingIn(error)).not.toContain(DEEPINFRA_API_KEY);
  });
});

describe("llm-interface's DeepInfra test cases", () => {
  // Their shared interface test: a system + user message for a small model, default options (max_tokens 100),
  // a response object whose results stay short, and a stream with `data` read to the end as a string.
  const message = {
    model: "microsoft/WizardLM-2-7B",
    messages: [
      { role: "system" as const, content: "You are a helpful assistant." },
      { role: "user" as const, content: "Explain the importance of low latency LLMs." },
    ],
  };

  it("sends a message and receives a response object with short results", async () => {
    const response = await LLMInterface.sendMessage(["deepinfra", DEEPINFRA_API_KEY], message, { max_tokens: 100 });
    expect(typeof response).toStrictEqual("object");
    expect((response.results as string).length).toBeLessThan(1024);
    expect((await sent())[0]).toMatchObject({ model: "microsoft/WizardLM-2-7B", max_tokens: 100 });
  });

  it("streams a message and receives a response stream", async () => {
    const stream = await LLMInterface.streamMessage(["deepinfra", DEEPINFRA_API_KEY], message, { max_tokens: 100 });
    expect(stream).toBeDefined();
    expect(stream).toHaveProperty("data");
    let data = "";
    const reader = stream.data.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      data += decoder.decode(value, { stream: true });
    }
    expect(typeof data).toBe("string");
    expect(data).toContain("data: [DONE]");
  });
});
