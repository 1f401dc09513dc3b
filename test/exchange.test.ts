import { describe, expect, it } from "vitest";
import { openExchange } from "../src/exchange.js";
import { createRedactor } from "../src/redact.js";
import { APIConnectionError, APITimeoutError, APIUserAbortError, DeepInfra } from "../src/index.js";
import { FAKE_KEY, HELLO, rejection, testClient } from "./setup-client.js";

const params = { model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages: HELLO };

/** A signal that counts listeners added and removed, so a leak onto a long-lived signal shows. */
function countingSignal() {
  const signal = new AbortController().signal;
  const live = new Set<unknown>();
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  signal.addEventListener = ((type: string, listener: EventListenerOrEventListenerObject, options?: AddEventListenerOptions) => {
    live.add(listener);
    add(type, listener, options);
  }) as typeof signal.addEventListener;
  signal.removeEventListener = ((type: string, listener: EventListenerOrEventListenerObject) => {
    live.delete(listener);
    remove(type, listener);
  }) as typeof signal.removeEventListener;
  return { signal, live: () => live.size };
}

describe("a caller's signal is released after every request", () => {
  it("after a completion", async () => {
    const { client } = testClient();
    const { signal, live } = countingSignal();
    await client.chat.completions.create(params, { signal });
    expect(live()).toBe(0);
  });

  it("after a finished stream", async () => {
    const { client } = testClient();
    const { signal, live } = countingSignal();
    const stream = await client.chat.completions.create({ ...params, stream: true }, { signal });
    await stream.finalCompletion();
    expect(live()).toBe(0);
  });

  it("after connection errors and their retries", async () => {
    const client = new DeepInfra({ apiKey: FAKE_KEY, maxRetries: 2, sleep: async () => {}, fetch: async () => Promise.reject(new TypeError("connect ECONNREFUSED")) });
    const { signal, live } = countingSignal();
    expect(await rejection(client.chat.completions.create(params, { signal }))).toBeInstanceOf(APIConnectionError);
    expect(live()).toBe(0);
  });

  it("after a header timeout", async () => {
    const { client } = testClient({ headersDelayMs: 1_000 }, { timeout: 50, maxRetries: 0 });
    const { signal, live } = countingSignal();
    expect(await rejection(client.chat.completions.create(params, { signal }))).toBeInstanceOf(APITimeoutError);
    expect(live()).toBe(0);
  });
});

describe("openExchange (one attempt up to its headers)", () => {
  const ok = () => new Response("body", { status: 200 });
  const hang = (signal: AbortSignal) => new Promise<Response>((_resolve, reject) => signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
  const options = { timeoutMs: 0, idleTimeoutMs: 0, redactor: createRedactor(["sk-exchange-9876"]) };

  it("hands the body to a reader that can still abort the same fetch", async () => {
    let fetchSignal: AbortSignal | undefined;
    const { response, body } = await openExchange(async (signal) => ((fetchSignal = signal), ok()), options);
    expect(response.status).toBe(200);
    expect(await body.text()).toBe("body");
    body.cancel();
    expect(fetchSignal?.aborted).toBe(false);
  });

  it("no headers within timeout: APITimeoutError (headers), and the fetch is aborted", async () => {
    let fetchSignal: AbortSignal | undefined;
    const error = (await rejection(openExchange((signal) => ((fetchSignal = signal), hang(signal)), { ...options, timeoutMs: 30 }))) as APITimeoutError;
    expect(error).toBeInstanceOf(APITimeoutError);
    expect([error.phase, error.timeoutMs, error.message]).toEqual(["headers", 30, "No response headers within 30 ms (timeout)."]);
    expect(fetchSignal?.aborted).toBe(true);
  });

  it("the caller's abort, before or during the fetch, is APIUserAbortError", async () => {
    let called = false;
    expect(await rejection(openExchange(async () => ((called = true), ok()), { ...options, signal: AbortSignal.abort() }))).toBeInstanceOf(APIUserAbortError);
    expect(called).toBe(false);
    const controller = new AbortController();
    const pending = openExchange(hang, { ...options, signal: controller.signal });
    controller.abort();
    expect(await rejection(pending)).toBeInstanceOf(APIUserAbortError);
  });

  it("headers that win a race against the timeout are not used", async () => {
    let cancelled = false;
    const late = new Response(new ReadableStream({ cancel: () => void (cancelled = true) }), { status: 200 });
    const error = await rejection(openExchange(() => new Promise((resolve) => setTimeout(() => resolve(late), 60)), { ...options, timeoutMs: 20 }));
    expect(error).toBeInstanceOf(APITimeoutError);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(cancelled).toBe(true);
  });

  it("a fetch failure keeps only its scrubbed text", async () => {
    const error = await rejection(openExchange(async () => { throw new TypeError("refused; Authorization: Bearer sk-exchange-9876"); }, options));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toBe("Connection error: TypeError: refused; Authorization: Bearer [redacted]");
  });
});
