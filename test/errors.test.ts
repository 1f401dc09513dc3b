import { describe, expect, it } from "vitest";
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  DeepInfraError,
  InternalServerError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  UnsupportedFeatureError,
  isDeepInfraError,
} from "../src/index.js";
import { HELLO, rejection, testClient } from "./setup-client.js";

const params = { model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages: HELLO };

// status, fixture, class, message the body carries (both DeepInfra envelopes appear here)
const table: Array<[number, string, typeof APIError, string]> = [
  [400, "errors/400.json", BadRequestError, "Requested token count exceeds the model's maximum context length of 131072 tokens."],
  [401, "errors/401.json", AuthenticationError, "Not authenticated"],
  [402, "errors/402.json", PaymentRequiredError, "Payment required: your account balance is insufficient."],
  [403, "errors/403.json", PermissionDeniedError, "Not authenticated"],
  [404, "errors/404-path.json", NotFoundError, "Not Found"],
  [405, "errors/405.json", UnsupportedFeatureError, "Method Not Allowed"],
  [422, "errors/422.json", UnprocessableEntityError, "messages: field required; temperature: ensure this value is less than or equal to 2"],
  [429, "errors/429.json", RateLimitError, "Model busy, retry later"],
  [500, "errors/500.json", InternalServerError, "Internal Server Error"],
];

describe("status → error class", () => {
  it.each(table)("%i → %s", async (status, fixture, Class, text) => {
    const { client } = testClient({ fixture, status, headers: { "x-request-id": `req-${status}` } }, { maxRetries: 0 });
    const error = await rejection(client.chat.completions.create(params));
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(DeepInfraError);
    expect(isDeepInfraError(error)).toBe(true);
    const e = error as APIError;
    expect(e.name).toBe(Class.name);
    expect(e.status).toBe(status);
    expect(e.message).toContain(`${status} `);
    expect(e.message).toContain(text);
    expect(e.message).toContain(`(request req-${status})`);
    expect(e.requestId).toBe(`req-${status}`);
    expect(e.headers["content-type"]).toContain("application/json");
    expect(typeof e.body).toBe("object");
  });

  it("maps 502/503/504 to InternalServerError and 409 to ConflictError", async () => {
    for (const [status, Class] of [[502, InternalServerError], [503, InternalServerError], [504, InternalServerError], [409, ConflictError]] as const) {
      const { client } = testClient({ status, body: { error: { message: "upstream" } } }, { maxRetries: 0 });
      const error = await rejection(client.chat.completions.create(params));
      expect(error).toBeInstanceOf(Class);
      expect((error as APIError).status).toBe(status);
    }
  });

  it("keeps an unmapped 4xx as a plain APIError with its status", async () => {
    const { client } = testClient({ status: 418, body: { detail: "I'm a teapot" } }, { maxRetries: 0 });
    const error = (await rejection(client.chat.completions.create(params))) as APIError;
    expect(error.constructor).toBe(APIError);
    expect(error.status).toBe(418);
    expect(error.message).toMatch(/^418 I'm a teapot \(request req-\d+\)$/);
  });

  it("reads type, code and param from an OpenAI-style body", async () => {
    const { client } = testClient({ fixture: "errors/401.json" });
    const error = (await rejection(client.chat.completions.create(params))) as AuthenticationError;
    expect(error.type).toBe("invalid_request_error");
    expect(error.code).toBeUndefined();
    expect(error.body).toEqual({ error: { message: "Not authenticated", type: "invalid_request_error", param: null, code: null } });
  });

  it("keeps a non-JSON error body as text (FastAPI's plain 500)", async () => {
    const { client } = testClient({ status: 500, body: "Internal Server Error", contentType: "text/plain" }, { maxRetries: 0 });
    const error = (await rejection(client.chat.completions.create(params))) as InternalServerError;
    expect(error.body).toBe("Internal Server Error");
    expect(error.message).toMatch(/^500 Internal Server Error \(request req-\d+\)$/);
  });

  it("explains an empty 405 body instead of printing nothing", async () => {
    const { client } = testClient({ status: 405, body: "" });
    const error = (await rejection(client.chat.completions.create(params))) as UnsupportedFeatureError;
    expect(error).toBeInstanceOf(UnsupportedFeatureError);
    expect(error.message).toMatch(/^405 \S/);
    expect(error.body).toBeUndefined();
  });

  it("reads the legacy {error: \"…\"} body and {detail: {error}}", async () => {
    const a = testClient({ status: 401, body: { error: "Unauthorised" } });
    expect((await rejection(a.client.chat.completions.create(params))).message).toMatch(/^401 Unauthorised \(request/);
    const b = testClient({ status: 403, body: { detail: { error: "Not authenticated" } } });
    expect((await rejection(b.client.chat.completions.create(params))).message).toMatch(/^403 Not authenticated \(request/);
  });

  it("flags a quota 429 and a busy 429 differently", async () => {
    const busy = testClient({ fixture: "errors/429.json" }, { maxRetries: 0 });
    const quota = testClient({ status: 429, body: { error: { message: "You exceeded your current quota" } } }, { maxRetries: 0 });
    expect(((await rejection(busy.client.chat.completions.create(params))) as RateLimitError).quota).toBe(false);
    expect(((await rejection(quota.client.chat.completions.create(params))) as RateLimitError).quota).toBe(true);
  });

  it("throws an APIError for a 200 whose body is an error envelope or not JSON", async () => {
    const a = testClient({ status: 200, body: { error: { message: "model crashed" } } });
    const envelope = (await rejection(a.client.chat.completions.create(params))) as APIError;
    expect(envelope).toBeInstanceOf(APIError);
    expect(envelope.message).toMatch(/^model crashed \(an error body in a 200 answer\) \(request req-\d+\)$/);
    const b = testClient({ status: 200, body: "<html>gateway</html>", contentType: "text/html" });
    const html = (await rejection(b.client.chat.completions.create(params))) as APIError;
    expect(html.message).toMatch(/^200 response body is not JSON: OK \(text\/html\): gateway \(request req-\d+\)$/);
  });
});
