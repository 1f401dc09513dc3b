// src/response.ts: one envelope rule, every error shape's message, one-line messages for pages, the key scrubbed before any cut.
import { describe, expect, it } from "vitest";
import { BodyReader } from "../src/body-reader.js";
import { createRedactor } from "../src/redact.js";
import { APIError, InternalServerError, NotFoundError, RateLimitError } from "../src/index.js";
import { errorFromResponse, expectEventStream, isErrorEnvelope, readErrorMessage, readJSON } from "../src/response.js";
import type { OpenResponse } from "../src/types/request.js";
import { rejection } from "./setup-client.js";

const KEY = "sk-response-test-0123456789";

function open(body: string | null, init: ResponseInit = {}, request = { method: "POST", url: "https://api.example/v1/openai/chat/completions" }): OpenResponse {
  const response = new Response(body, init);
  return { response, body: new BodyReader(response.body, { idleTimeoutMs: 0, redactor: createRedactor([KEY]) }), request };
}

describe("isErrorEnvelope: one rule for 2xx bodies and stream events", () => {
  it.each([
    [{ error: { message: "x" } }, true],
    [{ error: "x" }, true],
    [{ detail: "Not Found" }, true],
    [{ detail: [{ loc: ["body", "n"], msg: "too big" }] }, true],
    [{ error_type: "validation_error", error_message: "Too long" }, true],
    [{ error: null, choices: [] }, false],
    [{ error: null }, false],
    [{ error: { message: "x" }, choices: [] }, false],
    [{ detail: "x", data: [] }, false],
    [{ choices: [] }, false],
    [[{ error: "x" }], false],
    ["error", false],
    [null, false],
  ])("%j → %s", (body, expected) => {
    expect(isErrorEnvelope(body)).toBe(expected);
  });
});

describe("readErrorMessage: every shape DeepInfra sends", () => {
  it.each([
    [{ error: { message: "Model busy, retry later" } }, "Model busy, retry later"],
    [{ error: "Unauthorised" }, "Unauthorised"],
    [{ detail: "Not Found" }, "Not Found"],
    [{ detail: { error: "Not authenticated" } }, "Not authenticated"],
    [{ detail: [{ loc: ["body", "messages", 0, "role"], msg: "unexpected value" }, { msg: "second" }] }, "messages.0.role: unexpected value; second"],
    [{ error_type: "validation_error", error_message: '{"error":{"message":"Too long"}}' }, "Too long"],
    [{ error_type: "server_error", error_message: "plain words" }, "plain words"],
    [{ error_type: "x", error_message: '{"unrelated":true}' }, '{"unrelated":true}'],
    [{ message: "top-level" }, "top-level"],
    ["  spaced  ", "spaced"],
    [{}, undefined],
  ])("%j → %s", (body, expected) => {
    expect(readErrorMessage(body)).toBe(expected);
  });
});

describe("errorFromResponse", () => {
  it("an HTML 503 page becomes one short line (status, type, title and excerpt); the whole page stays on error.body", async () => {
    const page = `<!doctype html><html><head><title>503 Service Unavailable</title><style>body{}</style></head><body><h1>Service Unavailable</h1>${"<p>The server is temporarily unable to service your request.</p>".repeat(80)}</body></html>`;
    const error = await errorFromResponse(open(page, { status: 503, statusText: "Service Unavailable", headers: { "content-type": "text/html; charset=utf-8", "x-request-id": "r1" } }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(page.length).toBeGreaterThan(5000);
    expect(error.message.length).toBeLessThan(400);
    expect(error.message).toMatch(/^503 Service Unavailable \(text\/html\): 503 Service Unavailable Service Unavailable The server is temporarily unable .*…/);
    expect(error.message).toMatch(/\(request r1\)$/);
    expect(error.body).toBe(page);
    expect(error.requestId).toBe("r1");
  });

  it("a 404 names the method and the URL that was tried", async () => {
    const error = await errorFromResponse(open('{"detail":"Not Found"}', { status: 404, headers: { "content-type": "application/json" } }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe("404 Not Found (POST https://api.example/v1/openai/chat/completions)");
  });

  it("the server's own message decides quota, not the decorated one", async () => {
    const busy = (await errorFromResponse(open('{"error":{"message":"insufficient capacity, retry later"}}', { status: 429 }))) as RateLimitError;
    const broke = (await errorFromResponse(open('{"error":{"message":"insufficient balance"}}', { status: 429 }))) as RateLimitError;
    expect([busy.quota, broke.quota]).toEqual([false, true]);
  });

  it("an echoed key is scrubbed from message, body and headers, even in a long page cut for the message", async () => {
    const page = `<html><body>${"a".repeat(235)}${KEY} and again ${KEY}</body></html>`;
    const error = await errorFromResponse(open(page, { status: 500, headers: { "content-type": "text/html", "x-echo": `Bearer ${KEY}` } }));
    const everything = JSON.stringify({ message: error.message, body: error.body, headers: error.headers });
    expect(everything).not.toContain(KEY);
    expect(everything).not.toContain(KEY.slice(0, 10));
    expect(error.headers["x-echo"]).toBe("Bearer [redacted]");
  });
});

describe("readJSON and expectEventStream", () => {
  it("a non-JSON 2xx body is an APIError whose excerpt was scrubbed before it was cut", async () => {
    const text = "x".repeat(230) + KEY + "y".repeat(100);
    const error = (await rejection(readJSON(open(text, { status: 200, headers: { "content-type": "text/plain" } })))) as APIError;
    expect(error).toBeInstanceOf(APIError);
    expect(error.message).not.toContain(KEY.slice(0, 6));
    expect(error.message).toContain("response body is not JSON");
  });

  it.each([
    ["text/html", "<html><title>Vite</title><body>dev server fallback</body></html>", "Expected an event stream (text/event-stream) but the answer is text/html: Vite dev server fallback"],
    ["application/json", '{"choices":[]}', 'Expected an event stream (text/event-stream) but the answer is application/json: {"choices":[]}'],
  ])("a %s answer to a stream request says what arrived", async (type, body, message) => {
    const error = await rejection(expectEventStream(open(body, { headers: { "content-type": type } })));
    expect(error.message).toBe(message);
  });

  it("accepts text/event-stream, text/plain and a missing content type", async () => {
    for (const type of ["text/event-stream; charset=utf-8", "text/plain", undefined]) {
      await expect(expectEventStream(open("data: {}\n\n", type ? { headers: { "content-type": type } } : {}))).resolves.toBeUndefined();
    }
  });
});
