// src/http.ts: what is retried and what is final, retryDelay, and the hooks around each call and attempt.
import { describe, expect, it } from "vitest";
import { APIConnectionError, APITimeoutError, BadRequestError, DeepInfraError, InternalServerError, QueueTimeoutError } from "../../src/index.js";
import { createTransport, type TransportHooks } from "../../src/http.js";
import { readJSON } from "../../src/response.js";
import { recordedRequests } from "../helpers.js";
import { HELLO, rejection, testClient } from "../setup-client.js";

const params = { model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages: HELLO };

/** A fetch that answers from a list of Responses (or throws), counting calls. */
function fakeFetch(answers: Array<() => Response | Promise<Response>>) {
  let calls = 0;
  const fetch = async (_input: string | URL | Request, init?: RequestInit) => {
    const answer = answers[Math.min(calls++, answers.length - 1)] as () => Response;
    if (init?.signal?.aborted) throw new DOMException("aborted", "AbortError");
    return answer();
  };
  return { fetch, calls: () => calls };
}

const json = (body: unknown, status = 200) => () => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("transport: a paid request is sent once", () => {
  it("a throwing budget.onUsage after inference.run is the caller's error, not a retried connection error", async () => {
    const { client, testId } = testClient(
      { body: { embeddings: [[1]], inference_status: { status: "succeeded", cost: 0.001 } } },
      {
        budget: {
          maxUSD: 1,
          onUsage: () => {
            throw new TypeError("logger broke");
          },
        },
      },
    );
    const error = await rejection(client.inference.run("BAAI/bge-base-en-v1.5", { inputs: ["x"] }));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe("logger broke");
    expect(await recordedRequests(testId)).toHaveLength(1);
    expect(client.budget?.spentUSD).toBe(0.001);
  });

  it("a throwing onUsage after a chat completion: one request", async () => {
    const { client, testId } = testClient(undefined, { budget: { maxUSD: 1, onUsage: () => { throw new Error("sink down"); } } });
    expect((await rejection(client.chat.completions.create(params))).message).toBe("sink down");
    expect(await recordedRequests(testId)).toHaveLength(1);
  });

  it("anything thrown by read() other than a lost body is rethrown unchanged, never retried", async () => {
    const { fetch, calls } = fakeFetch([json({ ok: true })]);
    const send = createTransport({ apiKey: "k".repeat(8), baseURL: "https://x", fetch, timeout: 0, idleTimeout: 0, maxRetries: 3, headers: {} });
    const boom = new RangeError("parse failed in user code");
    expect(await rejection(send({ method: "GET", path: "/a" }, {}, async () => { throw boom; }))).toBe(boom);
    expect(calls()).toBe(1);
  });

  it("a read's 2xx body lost in transit is retried (nothing reached the caller yet)", async () => {
    let first = true;
    const lost = () => {
      if (!first) return json({ ok: 2 })();
      first = false;
      return new Response(new ReadableStream({ pull: (c) => c.error(new TypeError("reset")) }), { status: 200 });
    };
    const { fetch, calls } = fakeFetch([lost, lost]);
    const send = createTransport({ apiKey: "k".repeat(8), baseURL: "https://x", fetch, timeout: 0, idleTimeout: 0, maxRetries: 1, headers: {}, sleep: async () => {} });
    expect(await send({ method: "GET", path: "/a" }, {}, readJSON)).toEqual({ ok: 2 });
    expect(calls()).toBe(2);
  });
});

describe("transport: retryDelay", () => {
  it("sees every retry the SDK would make, with its suggestion and Retry-After; its number is the wait, undefined stops", async () => {
    const seen: unknown[] = [];
    const waits: number[] = [];
    const { client, testId } = testClient(
      { sequence: [{ status: 503, headers: { "retry-after": "2" } }, { status: 503 }, { status: 503 }] },
      {
        maxRetries: 5,
        sleep: async (ms) => void waits.push(ms),
        retryDelay: ({ attempt, error, suggestedMs, retryAfterMs }) => {
          seen.push({ attempt, name: error.name, suggestedMs: attempt === 1 ? suggestedMs : "backoff", retryAfterMs });
          return attempt < 2 ? 7 : undefined;
        },
      },
    );
    expect(await rejection(client.chat.completions.create(params))).toBeInstanceOf(InternalServerError);
    expect(seen).toEqual([
      { attempt: 1, name: "InternalServerError", suggestedMs: 2000, retryAfterMs: 2000 },
      { attempt: 2, name: "InternalServerError", suggestedMs: "backoff", retryAfterMs: undefined },
    ]);
    expect(waits).toEqual([7]);
    expect(await recordedRequests(testId)).toHaveLength(2);
  });

  it("is never asked about a final error (400), and a per-call retryDelay overrides the client's", async () => {
    const asked: string[] = [];
    const { client } = testClient({ status: 400, body: { error: { message: "bad" } } }, { retryDelay: () => (asked.push("client"), 1) });
    expect(await rejection(client.chat.completions.create(params))).toBeInstanceOf(BadRequestError);
    expect(asked).toEqual([]);
    const waits: number[] = [];
    const busy = testClient({ sequence: [{ status: 503 }, { status: 200 }] }, { retryDelay: () => (asked.push("client"), 1), sleep: async (ms) => void waits.push(ms) });
    await busy.client.chat.completions.create(params, { retryDelay: () => (asked.push("call"), 3) });
    expect(asked).toEqual(["call"]);
    expect(waits).toEqual([3]);
  });
});

describe("transport hooks", () => {
  it("beforeRequest refuses before anything is sent; beforeAttempt's release sees each attempt's end", async () => {
    const events: string[] = [];
    const hooks: TransportHooks = {
      beforeRequest: (spec) => {
        events.push(`request ${spec.path}`);
        if (spec.path === "/refused") throw new DeepInfraError("refused");
      },
      beforeAttempt: () => {
        events.push("attempt");
        return (error) => events.push(`release ${error?.name ?? "ok"}`);
      },
      afterResponse: (_spec, open) => events.push(`response ${open.response.status}`),
      onError: (_spec, error, retrying) => events.push(`error ${error.name} retrying=${retrying}`),
    };
    const { fetch, calls } = fakeFetch([json({ error: { message: "x" } }, 500), json({ ok: 1 })]);
    const send = createTransport({ apiKey: "k".repeat(8), baseURL: "https://x", fetch, timeout: 0, idleTimeout: 0, maxRetries: 1, headers: {}, hooks: [hooks], sleep: async () => {} });
    expect((await rejection(send({ method: "GET", path: "/refused" }))).message).toBe("refused");
    expect(calls()).toBe(0);
    expect(await send({ method: "GET", path: "/ok" }, {}, readJSON)).toEqual({ ok: 1 });
    expect(events).toEqual([
      "request /refused",
      "request /ok",
      "attempt",
      "release InternalServerError",
      "error InternalServerError retrying=true",
      "attempt",
      "response 200",
      "release ok",
    ]);
  });

  it("a wait in beforeAttempt counts against the header timeout and is aborted by it (the limit as the abort's reason): the queue's QueueTimeoutError, never retried", async () => {
    const { fetch, calls } = fakeFetch([json({ ok: 1 })]);
    const hooks: TransportHooks = {
      beforeAttempt: (_spec, signal) => new Promise((_resolve, reject) => signal.addEventListener("abort", () => reject(new QueueTimeoutError(signal.reason as number)))),
    };
    const retried: string[] = [];
    const send = createTransport({ apiKey: "k".repeat(8), baseURL: "https://x", fetch, timeout: 50, idleTimeout: 0, maxRetries: 2, headers: {}, hooks: [hooks], onRetry: (info) => void retried.push(info.error.name), sleep: async () => {} });
    const error = (await rejection(send({ method: "GET", path: "/slow" }))) as QueueTimeoutError;
    expect(error).toBeInstanceOf(QueueTimeoutError);
    expect(error.timeoutMs).toBe(50);
    expect(retried).toEqual([]);
    expect(calls()).toBe(0);
  });

  it("a network failure is an APIConnectionError that never carries the request options", async () => {
    const send = createTransport({
      apiKey: "sk-never-in-errors-42",
      baseURL: "https://x",
      fetch: async () => {
        throw new TypeError("connect ECONNREFUSED, headers: Bearer sk-never-in-errors-42");
      },
      timeout: 0,
      idleTimeout: 0,
      maxRetries: 0,
      headers: {},
    });
    const error = await rejection(send({ method: "POST", path: "/x", body: { a: 1 } }));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain("sk-never-in-errors-42");
    expect((error as { cause?: unknown }).cause).toBeUndefined();
  });
});
