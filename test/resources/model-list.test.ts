import { describe, expect, it } from "vitest";
import { APIError, APIUserAbortError, AuthenticationError, CapabilityMemory } from "../../src/index.js";
import { recordedRequests, waitClosed } from "../helpers.js";
import { FAKE_KEY, rejection, testClient } from "../setup-client.js";

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

describe("models.supports / models.unsupported (the client's 405 memory)", () => {
  // How the memory learns and blames is pinned in test/capabilities.test.ts; here, the resource's front.
  it("a 405 on a plain request marks the endpoint itself; aliases resolve", async () => {
    const { client } = testClient({ unsupported: ["completions"] });
    await rejection(client.completions.create({ model: "default", prompt: "hi" }));
    expect(client.models.supports("default", "completions")).toBe(false);
    expect(client.models.supports("openchat/openchat-3.6-8b", "completions")).toBe(false);
    expect(client.models.supports("openchat/openchat-3.6-8b", "chat")).toBe(true);
    expect(client.models.unsupported("default")).toEqual(["completions"]);
    expect(client.models.unsupported("openchat/openchat-3.6-8b")).toEqual(["completions"]);
  });

  it("reads the CapabilityMemory given to the client (e.g. one shared at a Worker's module scope) without a request", async () => {
    const capabilities = new CapabilityMemory();
    capabilities.recordRefusal("acme/no-tools-8b", ["chat", "tools"]);
    const { client, testId } = testClient(undefined, { capabilities });
    expect(client.models.capabilities).toBe(capabilities);
    expect(client.models.supports("acme/no-tools-8b", "tools")).toBe(false);
    expect(client.models.unsupported("acme/no-tools-8b")).toEqual(["tools"]);
    expect(await recordedRequests(testId)).toEqual([]);
  });
});
