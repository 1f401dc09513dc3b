import { describe, expect, it } from "vitest";
import { featuresOf } from "../../src/capabilities.js";
import { APIError, APIUserAbortError, AuthenticationError, BadRequestError, CapabilityMemory, UnsupportedFeatureError } from "../../src/index.js";
import { recordedRequests, waitClosed } from "../helpers.js";
import { FAKE_KEY, HELLO, rejection, testClient } from "../setup-client.js";

const TOOLS = [{ type: "function" as const, function: { name: "get_weather", parameters: { type: "object", properties: {} } } }];

describe("models.list", () => {
  it("GETs /v1/openai/models and returns the list with DeepInfra's metadata", async () => {
    const { client, testId } = testClient();
    const list = await client.models.list();
    const [request] = await recordedRequests(testId);
    expect(request?.method).toBe("GET");
    expect(request?.path).toBe("/v1/openai/models");
    expect(request?.headers.authorization).toBe(`Bearer ${FAKE_KEY}`);
    expect(request?.body).toBe("");
    expect(list.object).toBe("list");
    expect(list.data.map((m) => m.id)).toEqual(["meta-llama/Meta-Llama-3.1-8B-Instruct", "BAAI/bge-base-en-v1.5"]);
    expect(list.data[0]?.metadata?.context_length).toBe(131072);
    expect(list.data[0]?.metadata?.pricing).toEqual({ input_tokens: 0.03, output_tokens: 0.05 });
    expect(list.data[1]?.metadata).toBeNull();
  });

  it("maps a 401 to AuthenticationError and a body without data to APIError", async () => {
    expect(await rejection(testClient({ fixture: "errors/401.json" }).client.models.list())).toBeInstanceOf(AuthenticationError);
    const shapeless = await rejection(testClient({ body: { object: "list" } }).client.models.list());
    expect(shapeless).toBeInstanceOf(APIError);
    expect(shapeless.message).toContain("no `data` array");
  });

  it("a signal aborts the call and closes the connection", async () => {
    const { client, testId } = testClient({ headersDelayMs: 5_000 });
    const controller = new AbortController();
    const pending = client.models.list({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(await rejection(pending)).toBeInstanceOf(APIUserAbortError);
    expect((await waitClosed(testId)).clientClosed).toBe(true);
  });
});

describe("models.supports (405 memory)", () => {
  const model = "acme/no-tools-8b";

  it("a 405 on a chat request with tools marks tools unsupported, so the fallback makes no second failure", async () => {
    const { client, testId } = testClient({ unsupported: ["tools"] });
    expect(client.models.supports(model, "tools")).toBe(true);
    const error = await rejection(client.chat.completions.create({ model, messages: HELLO, tools: TOOLS }));
    expect(error).toBeInstanceOf(UnsupportedFeatureError);
    expect(client.models.supports(model, "tools")).toBe(false);
    expect(client.models.supports(model, "chat")).toBe(true);
    expect(client.models.supports(model, "streaming")).toBe(true);
    expect(client.models.unsupported(model)).toEqual(["tools"]);

    const reply = await client.chat.completions.create({ model, messages: HELLO, ...(client.models.supports(model, "tools") ? { tools: TOOLS } : {}) });
    expect(reply.object).toBe("chat.completion");
    const requests = await recordedRequests(testId);
    expect(requests.map((r) => r.status)).toEqual([405, 200]);
    expect(requests[1]?.json).not.toHaveProperty("tools");
  });

  it("blames every unproven feature of a refused request, and a later success clears one", async () => {
    const { client } = testClient({ unsupported: ["json_mode"] });
    await rejection(client.chat.completions.create({ model, messages: HELLO, stream: true, response_format: { type: "json_object" } }));
    expect(client.models.unsupported(model).sort()).toEqual(["json_mode", "streaming"]);
    const stream = await client.chat.completions.create({ model, messages: HELLO, stream: true });
    await stream.finalCompletion();
    expect(client.models.supports(model, "streaming")).toBe(true);
    expect(client.models.supports(model, "json_mode")).toBe(false);
  });

  it("a 405 on a plain request marks the endpoint itself; aliases resolve", async () => {
    const { client } = testClient({ unsupported: ["completions"] });
    await rejection(client.completions.create({ model: "default", prompt: "hi" }));
    expect(client.models.supports("default", "completions")).toBe(false);
    expect(client.models.supports("openchat/openchat-3.6-8b", "completions")).toBe(false);
    expect(client.models.supports("openchat/openchat-3.6-8b", "chat")).toBe(true);
  });

  it("other errors teach nothing", async () => {
    const { client } = testClient({ status: 400, body: { error: { message: "bad" } } });
    expect(await rejection(client.chat.completions.create({ model, messages: HELLO, tools: TOOLS }))).toBeInstanceOf(BadRequestError);
    expect(client.models.supports(model, "tools")).toBe(true);
  });

  it("one CapabilityMemory can be shared by clients (e.g. at a Worker's module scope)", async () => {
    const capabilities = new CapabilityMemory();
    const first = testClient({ unsupported: ["tools"] }, { capabilities }).client;
    await rejection(first.chat.completions.create({ model, messages: HELLO, tools: TOOLS }));
    const second = testClient(undefined, { capabilities }).client;
    expect(second.models.supports(model, "tools")).toBe(false);
    expect(second.models.capabilities).toBe(capabilities);
  });
});

describe("CapabilityMemory and featuresOf", () => {
  it("names the features a request uses", () => {
    const chat = (body: Record<string, unknown>) => featuresOf({ method: "POST", path: "/v1/openai/chat/completions", body: { model: "m", messages: HELLO, ...body } })?.features;
    expect(chat({})).toEqual(["chat"]);
    expect(chat({ stream: true, tools: TOOLS, response_format: { type: "json_object" } })).toEqual(["chat", "streaming", "tools", "json_mode"]);
    expect(chat({ response_format: { type: "json_schema", json_schema: {} }, logprobs: true, reasoning_effort: "low" })).toEqual(["chat", "structured_output", "logprobs", "reasoning"]);
    expect(chat({ reasoning_effort: "none", tools: [] })).toEqual(["chat"]);
    expect(chat({ messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "https://x/y.png" } }] }] })).toEqual(["chat", "vision"]);
    expect(featuresOf({ method: "POST", path: "/v1/openai/completions", body: { model: "m", prompt: "p", echo: true, logprobs: 2 } })?.features).toEqual(["completions", "logprobs", "echo"]);
    expect(featuresOf({ method: "POST", path: "/v1/openai/embeddings", body: { model: "m", input: "x" } })).toBeUndefined();
  });

  it("stays bounded: the least recently touched model is forgotten first", () => {
    const memory = new CapabilityMemory();
    for (let i = 0; i < 600; i++) memory.recordRefusal(`m${i}`, ["chat", "tools"]);
    expect(memory.supports("m0", "tools")).toBe(true);
    expect(memory.supports("m599", "tools")).toBe(false);
    memory.clear("m599");
    expect(memory.supports("m599", "tools")).toBe(true);
  });
});
