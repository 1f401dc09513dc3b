// src/client-base.ts: openai-node habits that must just work, the validate escape hatch, extra_body.
import { describe, expect, it } from "vitest";
import { ChatStream, DeepInfra, NotFoundError } from "../src/index.js";
import { DeepInfra as ChatOnly } from "../src/chat.js";
import { newTestId, recordedRequests, scenarioHeaders, upstreamURL } from "./helpers.js";
import { FAKE_KEY, HELLO, rejection, testClient } from "./setup-client.js";

const params = { model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages: HELLO };

describe("client habits from openai-node", () => {
  it.each(["/v1/openai", "/v1/openai/", "/v1", "/V1/OpenAI"])("a baseURL ending in %s is understood as the API root", async (suffix) => {
    const testId = newTestId();
    const client = new DeepInfra({ apiKey: FAKE_KEY, baseURL: upstreamURL() + suffix, headers: scenarioHeaders(testId) });
    expect(client.baseURL).toBe(upstreamURL());
    await client.chat.completions.create(params);
    expect((await recordedRequests(testId)).map((r) => r.path)).toEqual(["/v1/openai/chat/completions"]);
  });

  it("a leading Bearer in apiKey is dropped, not sent twice", async () => {
    const testId = newTestId();
    const client = new DeepInfra({ apiKey: `Bearer ${FAKE_KEY}`, baseURL: upstreamURL(), headers: scenarioHeaders(testId) });
    await client.chat.completions.create(params);
    expect((await recordedRequests(testId))[0]?.headers.authorization).toBe(`Bearer ${FAKE_KEY}`);
  });

  it("a 404 names the method and the URL that was tried", async () => {
    const { client } = testClient({ status: 404, body: { detail: "Not Found" } });
    const error = await rejection(client.chat.completions.create(params));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toMatch(new RegExp(`^404 Not Found \\(POST ${upstreamURL().replace(/[.]/g, "\\.")}/v1/openai/chat/completions\\) \\(request req-\\d+\\)$`));
  });

  it("ChatStream.fromResponse says a 200 HTML page is not an event stream", async () => {
    const page = new Response("<!doctype html><title>My App</title><div id=root></div>", { headers: { "content-type": "text/html" } });
    const error = await rejection(ChatStream.fromResponse(page));
    expect(error.message).toBe("Expected an event stream (text/event-stream) but the answer is text/html: My App");
  });
});

describe("validate: false and extra_body", () => {
  it("validate: false on the client or on one call sends what validation would refuse", async () => {
    const bad = { ...params, temperature: 3, n: 9 };
    const off = testClient(undefined, { validate: false });
    await off.client.chat.completions.create(bad);
    expect((await recordedRequests(off.testId))[0]?.json).toMatchObject({ temperature: 3, n: 9 });
    const perCall = testClient();
    await perCall.client.chat.completions.create(bad, { validate: false });
    expect((await recordedRequests(perCall.testId))[0]?.json).toMatchObject({ temperature: 3, n: 9 });
  });

  it("extra_body reaches the wire, merged into the body (its fields win), and is not sent as a field itself", async () => {
    const { client, testId } = testClient();
    await client.chat.completions.create({ ...params, temperature: 0.5, extra_body: { temperature: 0.1, brand_new_flag: true } } as Parameters<typeof client.chat.completions.create>[0]);
    const body = (await recordedRequests(testId))[0]?.json as Record<string, unknown>;
    expect(body).toMatchObject({ temperature: 0.1, brand_new_flag: true, model: params.model });
    expect(body).not.toHaveProperty("extra_body");
  });
});

describe("deepinfra-edge/chat", () => {
  it("the chat-only client streams with the same options and nothing else on it", async () => {
    const testId = newTestId();
    const client = new ChatOnly({ apiKey: FAKE_KEY, baseURL: upstreamURL(), headers: scenarioHeaders(testId) });
    const stream = await client.chat.completions.create({ ...params, stream: true });
    expect((await stream.finalCompletion()).choices[0]?.message.content).toMatch(/^Hello/);
    expect(Object.keys(client).sort()).toEqual(["baseURL", "budget", "capabilities", "chat", "context", "embeddingAliases", "modelAliases"]);
  });
});
