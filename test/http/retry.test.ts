import { describe, expect, it } from "vitest";
import { APIConnectionError, APIUserAbortError, InternalServerError, RateLimitError, ResponseLostError, type RetryInfo } from "../../src/index.js";
import { MAX_RETRY_AFTER_MS, abortableSleep, retryAfterMs, retryDelay } from "../../src/http.js";
import { recordedRequests } from "../helpers.js";
import { HELLO, rejection, testClient } from "../setup-client.js";

const params = { model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages: HELLO };
const ok = {};

describe("retries", () => {
  it("retries a 500 twice by default, then succeeds, with growing backoff", async () => {
    const retries: RetryInfo[] = [];
    const { client, testId, waits } = testClient({ sequence: [{ fixture: "errors/500.json" }, { fixture: "errors/500.json" }, ok] }, { onRetry: (info) => retries.push(info) });
    const completion = await client.chat.completions.create(params);
    expect(completion.id).toBe("chatcmpl-guMTxWgpFf");
    expect(await recordedRequests(testId)).toHaveLength(3);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(375);
    expect(waits[0]).toBeLessThanOrEqual(500);
    expect(waits[1]).toBeGreaterThanOrEqual(750);
    expect(waits[1]).toBeLessThanOrEqual(1000);
    expect(retries.map((r) => [r.attempt, r.error.constructor])).toEqual([[1, InternalServerError], [2, InternalServerError]]);
  });

  it("gives up after maxRetries and throws the last error", async () => {
    const { client, testId, waits } = testClient({ fixture: "errors/500.json" }, { maxRetries: 3 });
    const error = await rejection(client.chat.completions.create(params));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(await recordedRequests(testId)).toHaveLength(4);
    expect(waits).toHaveLength(3);
  });

  it("lets a call override maxRetries", async () => {
    const { client, testId } = testClient({ fixture: "errors/500.json" });
    await rejection(client.chat.completions.create(params, { maxRetries: 0 }));
    expect(await recordedRequests(testId)).toHaveLength(1);
  });

  it.each([408, 409, 502, 503, 504])("retries status %i", async (status) => {
    const { client, testId } = testClient({ sequence: [{ status, body: { error: { message: "try again" } } }, ok] });
    await client.chat.completions.create(params);
    expect(await recordedRequests(testId)).toHaveLength(2);
  });

  it("retries a busy 429 but never a quota 429", async () => {
    const busy = testClient({ sequence: [{ fixture: "errors/429.json" }, ok] });
    await busy.client.chat.completions.create(params);
    expect(await recordedRequests(busy.testId)).toHaveLength(2);
    const quota = testClient({ status: 429, body: { error: { message: "Insufficient balance: quota exceeded" } } });
    expect(await rejection(quota.client.chat.completions.create(params))).toBeInstanceOf(RateLimitError);
    expect(await recordedRequests(quota.testId)).toHaveLength(1);
  });

  it.each(["400", "401", "402", "403", "404-path", "405", "422"])("never retries %s", async (name) => {
    const { client, testId, waits } = testClient({ fixture: `errors/${name}.json` });
    await rejection(client.chat.completions.create(params));
    expect(await recordedRequests(testId)).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("honours retry-after-ms, Retry-After seconds and an HTTP date", async () => {
    const a = testClient({ sequence: [{ fixture: "errors/429.json", headers: { "retry-after-ms": "1234" } }, ok] });
    await a.client.chat.completions.create(params);
    expect(a.waits).toEqual([1234]);
    const b = testClient({ sequence: [{ fixture: "errors/500.json", headers: { "retry-after": "3" } }, ok] });
    await b.client.chat.completions.create(params);
    expect(b.waits).toEqual([3000]);
    const date = new Date(Date.now() + 5_000).toUTCString();
    const c = testClient({ sequence: [{ fixture: "errors/429.json", headers: { "retry-after": date } }, ok] });
    await c.client.chat.completions.create(params);
    expect(c.waits[0]).toBeGreaterThan(2_000);
    expect(c.waits[0]).toBeLessThanOrEqual(5_000);
  });

  it("throws at once when the server asks to wait longer than the cap", async () => {
    const { client, testId, waits } = testClient({ fixture: "errors/429.json", headers: { "retry-after": "3600" } });
    const error = (await rejection(client.chat.completions.create(params))) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.headers["retry-after"]).toBe("3600");
    expect(await recordedRequests(testId)).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("never re-sends a chat whose headers arrived and whose body was then lost: ResponseLostError, one request", async () => {
    const { client, testId } = testClient({ sequence: [{ resetAfterBytes: 0, status: 200 }, ok] });
    const error = (await rejection(client.chat.completions.create(params))) as ResponseLostError;
    expect(error).toBeInstanceOf(ResponseLostError);
    expect(error.kind).toBe("generation");
    expect(error.message).toContain("may be billed");
    expect(await recordedRequests(testId)).toHaveLength(1);
  });

  it("re-sends a read (models.list) whose body was lost, and succeeds", async () => {
    const { client, testId } = testClient({ sequence: [{ resetAfterBytes: 10 }, {}] });
    const list = await client.models.list();
    expect(list.data.length).toBeGreaterThan(0);
    expect(await recordedRequests(testId)).toHaveLength(2);
  });

  it("never retries once stream bytes were handed over", async () => {
    const { client, testId } = testClient({ sequence: [{ resetAfterBytes: 400 }, ok] });
    const stream = await client.chat.completions.create({ ...params, stream: true });
    const error = await rejection((async () => {
      for await (const _ of stream);
    })());
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(await recordedRequests(testId)).toHaveLength(1);
  });

  it("stops waiting when the signal aborts during the backoff", async () => {
    const controller = new AbortController();
    const { client, testId } = testClient({ fixture: "errors/500.json" }, { sleep: (ms, signal) => {
      setTimeout(() => controller.abort(), 5);
      return abortableSleep(60_000, signal);
    } });
    const error = await rejection(client.chat.completions.create(params, { signal: controller.signal }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(await recordedRequests(testId)).toHaveLength(1);
  });

  it("an already-aborted signal sends nothing", async () => {
    const { client, testId } = testClient();
    const error = await rejection(client.chat.completions.create(params, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(await recordedRequests(testId)).toEqual([]);
  });
});

describe("retryDelay / retryAfterMs", () => {
  const server = (status: number, headers: Record<string, string> = {}, message = "x") =>
    new InternalServerError({ status, headers, body: undefined, message });

  it("backs off exponentially with up to 25% jitter, capped at 8 s", () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => retryDelay(server(500), n, () => 0))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect([0, 1, 2].map((n) => retryDelay(server(500), n, () => 1))).toEqual([375, 750, 1500]);
  });

  it("parses the header forms and rejects garbage", () => {
    const now = Date.parse("2026-11-28T00:00:00Z");
    expect(retryAfterMs({ "retry-after-ms": "250" }, now)).toBe(250);
    expect(retryAfterMs({ "retry-after": "1.5" }, now)).toBe(1500);
    expect(retryAfterMs({ "retry-after": "Sat, 28 Nov 2026 00:00:10 GMT" }, now)).toBe(10_000);
    expect(retryAfterMs({ "retry-after": "Fri, 27 Nov 2026 00:00:10 GMT" }, now)).toBe(0);
    expect(retryAfterMs({ "retry-after": "soon" }, now)).toBeUndefined();
    expect(retryAfterMs({}, now)).toBeUndefined();
    expect(retryDelay(server(503, { "retry-after": String(MAX_RETRY_AFTER_MS / 1000 + 1) }), 0)).toBeUndefined();
    expect(retryDelay(server(503, { "retry-after": String(MAX_RETRY_AFTER_MS / 1000) }), 0)).toBe(MAX_RETRY_AFTER_MS);
  });
});
