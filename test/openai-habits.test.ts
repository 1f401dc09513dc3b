// openai-node habits kept (issue 22 item 3): `for await` over models.list(), `err.error`; headers are a plain lower-case record.
import { describe, expect, it } from "vitest";
import { APIError, RateLimitError } from "../src/index.js";
import { recordedRequests } from "./helpers.js";
import { FAKE_KEY, rejection, testClient } from "./setup-client.js";

describe("models.list() is awaitable and async-iterable", () => {
  it("for await yields each model, from one request", async () => {
    const { client, testId } = testClient();
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toEqual(["meta-llama/Meta-Llama-3.1-8B-Instruct", "BAAI/bge-base-en-v1.5"]);
    expect(await recordedRequests(testId)).toHaveLength(1);
  });

  it("a refusal is thrown out of the loop", async () => {
    const { client } = testClient({ fixture: "errors/401.json" });
    const error = await (async () => {
      for await (const model of client.models.list()) void model;
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(401);
  });
});

describe("APIError as openai-node shapes it", () => {
  const params = { model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages: [{ role: "user" as const, content: "hi" }] };

  it("headers: a plain record of lower-case names, nothing else in it", async () => {
    const { client } = testClient({ fixture: "errors/429.json", headers: { "Retry-After": "3" } }, { maxRetries: 0 });
    const error = (await rejection(client.chat.completions.create(params))) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.headers["retry-after"]).toBe("3");
    expect(error.headers["x-not-sent"]).toBeUndefined();
    expect(Object.keys(error.headers)).not.toContain("get");
    expect(JSON.stringify(error.headers)).not.toContain("get");
  });

  it("error: the body's error object, or the body; the key never inside even when the server echoes it", async () => {
    const { client } = testClient({ status: 400, body: { error: { message: `bad key Bearer ${FAKE_KEY}`, type: "invalid_request_error" } } }, { maxRetries: 0 });
    const error = (await rejection(client.chat.completions.create(params))) as APIError;
    expect(error.error).toEqual({ message: "bad key Bearer [redacted]", type: "invalid_request_error" });
    expect(JSON.stringify(error.error)).not.toContain(FAKE_KEY);
    const { client: other } = testClient({ status: 404, body: { detail: "Not Found" } }, { maxRetries: 0 });
    expect(((await rejection(other.chat.completions.create(params))) as APIError).error).toEqual({ detail: "Not Found" });
  });
});
