import { describe, expect, it } from "vitest";
import { APIConnectionError, APIError, AuthenticationError, DeepInfra, InternalServerError, type RetryInfo } from "../../src/index.js";
import { newTestId, scenarioHeaders, upstreamURL } from "../helpers.js";
import { FAKE_KEY, HELLO, everythingIn, rejection, testClient } from "../setup-client.js";

const params = { model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages: HELLO };

describe("the API key never appears in an error", () => {
  it("is scrubbed when the server echoes the Authorization header in the body (401)", async () => {
    const { client } = testClient({ echoAuth: true });
    const error = (await rejection(client.chat.completions.create(params))) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toContain("bad key: Bearer [redacted]");
    expect(JSON.stringify(error.body)).toContain("[redacted]");
    expect(everythingIn(error)).not.toContain(FAKE_KEY);
  });

  it("is scrubbed from retried 5xx errors and from what onRetry sees", async () => {
    const retries: RetryInfo[] = [];
    const { client } = testClient({ echoAuth: true, status: 500 }, { onRetry: (info) => retries.push(info) });
    const error = await rejection(client.chat.completions.create(params));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(retries).toHaveLength(2);
    expect(everythingIn(error)).not.toContain(FAKE_KEY);
    for (const retry of retries) expect(everythingIn(retry.error)).not.toContain(FAKE_KEY);
  });

  it("is scrubbed from echoed response headers", async () => {
    const { client } = testClient({ status: 400, body: { detail: "bad" }, headers: { "x-echo-authorization": `Bearer ${FAKE_KEY}` } });
    const error = (await rejection(client.chat.completions.create(params))) as APIError;
    expect(error.headers["x-echo-authorization"]).toBe("Bearer [redacted]");
    expect(everythingIn(error)).not.toContain(FAKE_KEY);
  });

  it("is scrubbed from an error event inside a stream", async () => {
    const body = `data: {"error":{"message":"invalid token ${FAKE_KEY}"}}\n\n`;
    const { client } = testClient({ body, contentType: "text/event-stream" });
    const stream = await client.chat.completions.create({ ...params, stream: true });
    const error = await rejection(stream.finalCompletion());
    expect(error.message).toMatch(/^Error event in the stream: invalid token \[redacted\] \(request req-\d+\)$/);
    expect(everythingIn(error)).not.toContain(FAKE_KEY);
  });

  it("is scrubbed from a 200 body that is not JSON", async () => {
    const { client } = testClient({ status: 200, body: `proxy saw Authorization: Bearer ${FAKE_KEY}`, contentType: "text/plain" });
    const error = await rejection(client.chat.completions.create(params));
    expect(error.message).toContain("Bearer [redacted]");
    expect(everythingIn(error)).not.toContain(FAKE_KEY);
  });

  it("is scrubbed from a connection error whose cause quotes the request", async () => {
    const client = new DeepInfra({
      apiKey: FAKE_KEY,
      maxRetries: 0,
      fetch: async (_input, init) => {
        const auth = new Headers(init?.headers).get("authorization");
        throw new TypeError(`connect ECONNREFUSED while sending ${auth}`);
      },
    });
    const error = await rejection(client.chat.completions.create(params));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toContain("ECONNREFUSED while sending Bearer [redacted]");
    expect(error.cause).toBeUndefined();
    expect(everythingIn(error)).not.toContain(FAKE_KEY);
  });

  it("is scrubbed when the key came in a caller-supplied Authorization header", async () => {
    const otherKey = "caller-supplied-token-9d8c7b6a5f4e";
    const testId = newTestId();
    const client = new DeepInfra({ apiKey: FAKE_KEY, baseURL: upstreamURL(), headers: { ...scenarioHeaders(testId, { echoAuth: true }), Authorization: `Bearer ${otherKey}` } });
    const error = await rejection(client.chat.completions.create(params));
    expect(everythingIn(error)).not.toContain(otherKey);
    expect(everythingIn(error)).not.toContain(FAKE_KEY);
  });

  it("is absent from the relayed SSE error event", async () => {
    const { client } = testClient({ fixture: "chat-stream.sse", resetAfterBytes: 200 });
    const stream = await client.chat.completions.create({ ...params, stream: true });
    const text = await new Response(stream.toReadableStream()).text();
    expect(text).toContain("event: error");
    expect(text).not.toContain(FAKE_KEY);
  });
});
