import { describe, expect, it } from "vitest";
import { APIConnectionError, APITimeoutError, DeepInfra } from "../src/index.js";
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
