// Pins src/capabilities.ts: CapabilityMemory as a table of records → answers, featuresOf per request
// body, capabilityHooks as plain hooks, then the hooks through a client (405 → remembered).
// The `client.models.supports()` front (aliases, the shared instance) is in test/resources/model-list.test.ts.
import { describe, expect, it } from "vitest";
import { CapabilityMemory, capabilityHooks, featuresOf, type ModelFeature } from "../src/capabilities.js";
import { APIConnectionError, BadRequestError, UnsupportedFeatureError } from "../src/index.js";
import type { OpenResponse, RequestSpec } from "../src/types/request.js";
import { recordedRequests } from "./helpers.js";
import { HELLO, rejection, testClient } from "./setup-client.js";

const TOOLS = [{ type: "function" as const, function: { name: "get_weather", parameters: { type: "object", properties: {} } } }];
const ALL: ModelFeature[] = ["chat", "completions", "streaming", "tools", "json_mode", "structured_output", "vision", "logprobs", "echo", "reasoning"];

type Step = ["refused" | "succeeded", ModelFeature[]];

/** Replays `steps` for one model and returns the features then reported unsupported (by both readers). */
function unsupportedAfter(steps: Step[]): ModelFeature[] {
  const memory = new CapabilityMemory();
  for (const [outcome, features] of steps) {
    if (outcome === "refused") memory.recordRefusal("m", features);
    else memory.recordSuccess("m", features);
  }
  const viaSupports = ALL.filter((feature) => !memory.supports("m", feature));
  expect([...memory.unsupported("m")].sort()).toEqual([...viaSupports].sort());
  return viaSupports;
}

describe("CapabilityMemory", () => {
  it.each<[string, Step[], ModelFeature[]]>([
    ["nothing seen: everything supported", [], []],
    ["a success alone proves, never refuses", [["succeeded", ["chat", "tools"]]], []],
    ["a refusal with one optional feature blames that feature", [["refused", ["chat", "tools"]]], ["tools"]],
    ["a refusal with several blames each unproven one", [["refused", ["chat", "streaming", "json_mode"]]], ["streaming", "json_mode"]],
    ["a refusal using no optional feature blames the endpoint", [["refused", ["completions"]]], ["completions"]],
    [
      "a later success clears the features it used",
      [
        ["refused", ["chat", "streaming", "json_mode"]],
        ["succeeded", ["chat", "streaming"]],
      ],
      ["json_mode"],
    ],
    [
      "features proven before a refusal are not blamed",
      [
        ["succeeded", ["chat", "streaming"]],
        ["refused", ["chat", "streaming", "vision"]],
      ],
      ["vision"],
    ],
    [
      "a refusal whose optional features are all proven blames nothing (not even the endpoint)",
      [
        ["succeeded", ["chat", "tools"]],
        ["refused", ["chat", "tools"]],
      ],
      [],
    ],
    [
      "optional features proven on the other endpoint: a refusal blames nothing, not the endpoint",
      [
        ["succeeded", ["completions", "logprobs"]],
        ["refused", ["chat", "logprobs"]],
      ],
      [],
    ],
    [
      "an endpoint refusal is cleared by a success on that endpoint",
      [
        ["refused", ["chat"]],
        ["succeeded", ["chat"]],
      ],
      [],
    ],
    [
      "refusals add up",
      [
        ["refused", ["chat", "tools"]],
        ["refused", ["completions", "echo"]],
        ["refused", ["completions"]],
      ],
      ["completions", "tools", "echo"],
    ],
  ])("%s", (_name, steps, expected) => {
    expect(unsupportedAfter(steps)).toEqual(expected);
  });

  it("keeps models apart, and clear() forgets one model or all", () => {
    const memory = new CapabilityMemory();
    memory.recordRefusal("a", ["chat", "tools"]);
    memory.recordRefusal("b", ["chat", "echo"]);
    expect([memory.unsupported("a"), memory.unsupported("b"), memory.unsupported("c")]).toEqual([["tools"], ["echo"], []]);
    memory.clear("a");
    expect([memory.supports("a", "tools"), memory.supports("b", "echo")]).toEqual([true, false]);
    memory.clear();
    expect(memory.supports("b", "echo")).toBe(true);
  });

  it("keeps the last 16 refusals per model: the oldest is dropped first", () => {
    const memory = new CapabilityMemory();
    memory.recordRefusal("m", ["chat", "tools"]);
    for (let i = 0; i < 15; i++) memory.recordRefusal("m", ["chat", "echo"]);
    expect(memory.supports("m", "tools")).toBe(false);
    memory.recordRefusal("m", ["chat", "echo"]);
    expect(memory.supports("m", "tools")).toBe(true);
    expect(memory.unsupported("m")).toEqual(["echo"]);
  });

  it("keeps 512 models: recording refreshes a model, the least recently recorded goes first", () => {
    const memory = new CapabilityMemory();
    for (let i = 0; i < 512; i++) memory.recordRefusal(`m${i}`, ["chat", "tools"]);
    expect(memory.supports("m0", "tools")).toBe(false);
    // Reading does not refresh; recording (even an empty success) does.
    memory.recordSuccess("m0", []);
    memory.recordRefusal("m512", ["chat", "tools"]);
    expect(["m0", "m1", "m2", "m511", "m512"].map((m) => memory.supports(m, "tools"))).toEqual([false, true, false, false, false]);
    for (let i = 513; i < 1200; i++) memory.recordRefusal(`m${i}`, ["chat", "tools"]);
    expect(["m0", "m687", "m688", "m1199"].map((m) => memory.supports(m, "tools"))).toEqual([true, true, false, false]);
  });
});

describe("featuresOf", () => {
  const chat = (body: Record<string, unknown>, stream?: boolean) =>
    featuresOf({ method: "POST", path: "/v1/openai/chat/completions", body: { model: "m", messages: HELLO, ...body }, ...(stream === undefined ? {} : { stream }) });
  const image = { role: "user", content: [{ type: "text", text: "what is this?" }, { type: "image_url", image_url: { url: "https://x/y.png" } }] };

  it.each<[string, Record<string, unknown>, ModelFeature[]]>([
    ["a plain chat", {}, ["chat"]],
    ["stream: true", { stream: true }, ["chat", "streaming"]],
    ["stream: false", { stream: false }, ["chat"]],
    ["tools", { tools: TOOLS }, ["chat", "tools"]],
    ["an empty tools list", { tools: [] }, ["chat"]],
    ["json_object", { response_format: { type: "json_object" } }, ["chat", "json_mode"]],
    ["json_schema", { response_format: { type: "json_schema", json_schema: {} } }, ["chat", "structured_output"]],
    ["response_format text", { response_format: { type: "text" } }, ["chat"]],
    ["response_format null", { response_format: null }, ["chat"]],
    ["logprobs: true", { logprobs: true }, ["chat", "logprobs"]],
    ["logprobs: false", { logprobs: false }, ["chat"]],
    ["top_logprobs: 0 (still asks for logprobs)", { top_logprobs: 0 }, ["chat", "logprobs"]],
    ["top_logprobs: null", { top_logprobs: null }, ["chat"]],
    ["reasoning_effort low", { reasoning_effort: "low" }, ["chat", "reasoning"]],
    ["reasoning_effort none", { reasoning_effort: "none" }, ["chat"]],
    ["reasoning.enabled", { reasoning: { enabled: true } }, ["chat", "reasoning"]],
    ["reasoning.enabled false", { reasoning: { enabled: false } }, ["chat"]],
    ["an image part", { messages: [image] }, ["chat", "vision"]],
    ["text parts only", { messages: [{ role: "user", content: [{ type: "text", text: "hi" }] }] }, ["chat"]],
    [
      "everything at once, in a fixed order",
      { stream: true, tools: TOOLS, response_format: { type: "json_object" }, logprobs: true, echo: true, reasoning_effort: "high", messages: [image] },
      ["chat", "streaming", "tools", "json_mode", "logprobs", "echo", "reasoning", "vision"],
    ],
  ])("chat: %s", (_name, body, expected) => {
    expect(chat(body)).toEqual({ model: "m", features: expected });
  });

  it("a streamed spec counts as streaming even when the body does not say so", () => {
    expect(chat({}, true)?.features).toEqual(["chat", "streaming"]);
  });

  it.each<[string, Record<string, unknown>, ModelFeature[]]>([
    ["a plain prompt", {}, ["completions"]],
    ["logprobs as a count", { logprobs: 2 }, ["completions", "logprobs"]],
    ["logprobs 0", { logprobs: 0 }, ["completions"]],
    ["echo", { echo: true }, ["completions", "echo"]],
    ["echo and logprobs", { echo: true, logprobs: 1 }, ["completions", "logprobs", "echo"]],
  ])("completions: %s", (_name, body, expected) => {
    expect(featuresOf({ method: "POST", path: "/v1/openai/completions", body: { model: "m", prompt: "p", ...body } })).toEqual({ model: "m", features: expected });
  });

  it.each<[string, RequestSpec]>([
    ["embeddings", { method: "POST", path: "/v1/openai/embeddings", body: { model: "m", input: "x" } }],
    ["native inference", { method: "POST", path: "/v1/inference/m", body: { inputs: ["x"] } }],
    ["the model list", { method: "GET", path: "/v1/openai/models" }],
    ["a chat body without a model", { method: "POST", path: "/v1/openai/chat/completions", body: { messages: HELLO } }],
    ["a chat body that is not an object", { method: "POST", path: "/v1/openai/chat/completions", body: null }],
    ["FormData", { method: "POST", path: "/v1/openai/chat/completions", body: new FormData() }],
  ])("%s is not tracked", (_name, spec) => {
    expect(featuresOf(spec)).toBeUndefined();
  });
});

describe("capabilityHooks", () => {
  const spec: RequestSpec = { method: "POST", path: "/v1/openai/chat/completions", body: { model: "acme/m", messages: HELLO, tools: TOOLS } };
  const open = {} as OpenResponse;
  const refused = new UnsupportedFeatureError({ status: 405, headers: {}, body: { detail: "no tools" }, message: "405" });

  it("a 2xx proves the features used; a 405 refuses them; nothing else teaches", () => {
    const memory = new CapabilityMemory();
    const hooks = capabilityHooks(memory);
    hooks.onError?.(spec, refused, false);
    expect(memory.unsupported("acme/m")).toEqual(["tools"]);
    hooks.afterResponse?.(spec, open);
    expect(memory.unsupported("acme/m")).toEqual([]);

    const other = new CapabilityMemory();
    const otherHooks = capabilityHooks(other);
    otherHooks.onError?.(spec, new BadRequestError({ status: 400, headers: {}, body: {}, message: "400" }), false);
    otherHooks.onError?.(spec, new APIConnectionError("reset"), true);
    otherHooks.onError?.({ method: "POST", path: "/v1/openai/embeddings", body: { model: "acme/m", input: "x" } }, refused, false);
    expect(other.unsupported("acme/m")).toEqual([]);
  });

  it("has no request-side hooks (requests pass unchanged)", () => {
    expect(Object.keys(capabilityHooks(new CapabilityMemory())).sort()).toEqual(["afterResponse", "onError"]);
  });
});

describe("capabilityHooks through a client (405 memory)", () => {
  const model = "acme/no-tools-8b";

  it("a 405 on a chat request with tools marks tools unsupported, so the fallback makes no second failure", async () => {
    const { client, testId } = testClient({ unsupported: ["tools"] });
    expect(client.capabilities.supports(model, "tools")).toBe(true);
    const error = await rejection(client.chat.completions.create({ model, messages: HELLO, tools: TOOLS }));
    expect(error).toBeInstanceOf(UnsupportedFeatureError);
    expect(["tools", "chat", "streaming"].map((f) => client.capabilities.supports(model, f as ModelFeature))).toEqual([false, true, true]);
    expect(client.capabilities.unsupported(model)).toEqual(["tools"]);

    const reply = await client.chat.completions.create({ model, messages: HELLO, ...(client.capabilities.supports(model, "tools") ? { tools: TOOLS } : {}) });
    expect(reply.object).toBe("chat.completion");
    const requests = await recordedRequests(testId);
    expect(requests.map((r) => r.status)).toEqual([405, 200]);
    expect(requests[1]?.json).not.toHaveProperty("tools");
  });

  it("blames every unproven feature of a refused request, and a later streamed success clears one", async () => {
    const { client } = testClient({ unsupported: ["json_mode"] });
    await rejection(client.chat.completions.create({ model, messages: HELLO, stream: true, response_format: { type: "json_object" } }));
    expect(client.capabilities.unsupported(model).sort()).toEqual(["json_mode", "streaming"]);
    const stream = await client.chat.completions.create({ model, messages: HELLO, stream: true });
    await stream.finalCompletion();
    expect(client.capabilities.supports(model, "streaming")).toBe(true);
    expect(client.capabilities.supports(model, "json_mode")).toBe(false);
  });

  it("other errors teach nothing", async () => {
    const { client } = testClient({ status: 400, body: { error: { message: "bad" } } });
    expect(await rejection(client.chat.completions.create({ model, messages: HELLO, tools: TOOLS }))).toBeInstanceOf(BadRequestError);
    expect(client.capabilities.supports(model, "tools")).toBe(true);
  });

  it("one CapabilityMemory given to two clients is taught by either", async () => {
    const capabilities = new CapabilityMemory();
    const first = testClient({ unsupported: ["tools"] }, { capabilities }).client;
    await rejection(first.chat.completions.create({ model, messages: HELLO, tools: TOOLS }));
    const second = testClient(undefined, { capabilities }).client;
    expect(second.capabilities).toBe(capabilities);
    expect(second.capabilities.supports(model, "tools")).toBe(false);
  });
});
