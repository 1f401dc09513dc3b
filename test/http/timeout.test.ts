import { describe, expect, it } from "vitest";
import { APITimeoutError, APIUserAbortError, ResponseLostError } from "../../src/index.js";
import { recordedRequests, waitClosed } from "../helpers.js";
import { HELLO, rejection, testClient } from "../setup-client.js";

const params = { model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages: HELLO };

describe("timeouts", () => {
  it("throws APITimeoutError (headers) when headers are slower than timeout, and closes the connection", async () => {
    const { client, testId } = testClient({ headersDelayMs: 2_000 }, { timeout: 150, maxRetries: 0 });
    const error = (await rejection(client.chat.completions.create(params))) as APITimeoutError;
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(error.phase).toBe("headers");
    expect(error.timeoutMs).toBe(150);
    expect(error.message).toBe("No response headers within 150 ms (timeout).");
    expect((await waitClosed(testId)).clientClosed).toBe(true);
  });

  it("never retries a generation's header timeout (it may be generating), and a per-call timeout overrides the client's", async () => {
    const { client, testId, waits } = testClient({ sequence: [{ headersDelayMs: 2_000 }, {}] }, { timeout: 60_000 });
    const error = (await rejection(client.chat.completions.create(params, { timeout: 150 }))) as APITimeoutError;
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(error.phase).toBe("headers");
    expect(await recordedRequests(testId)).toHaveLength(1);
    expect(waits).toHaveLength(0);
  });

  it("retryInFlight: true retries a generation's header timeout", async () => {
    const { client, testId, waits } = testClient({ sequence: [{ headersDelayMs: 2_000 }, {}] }, { retryInFlight: true });
    const completion = await client.chat.completions.create(params, { timeout: 150 });
    expect(completion.object).toBe("chat.completion");
    expect(await recordedRequests(testId)).toHaveLength(2);
    expect(waits).toHaveLength(1);
  });

  it("retries a read's header timeout", async () => {
    const { client, testId } = testClient({ sequence: [{ headersDelayMs: 2_000 }, {}] });
    const list = await client.models.list({ timeout: 150 });
    expect(list.data.length).toBeGreaterThan(0);
    expect(await recordedRequests(testId)).toHaveLength(2);
  });

  it("throws APITimeoutError (idle) when a stream stalls, and the upstream sees the socket close", async () => {
    const { client, testId } = testClient({ stallAfterBytes: 300 }, { idleTimeout: 200 });
    const stream = await client.chat.completions.create({ ...params, stream: true });
    const seen: string[] = [];
    const error = (await rejection((async () => {
      for await (const chunk of stream) seen.push(chunk.id);
    })())) as APITimeoutError;
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(error.phase).toBe("idle");
    expect(error.message).toBe("No data for 200 ms while reading the response (idleTimeout).");
    expect(seen).toEqual(["chatcmpl-7b2f1c9e4a"]);
    const record = await waitClosed(testId);
    expect(record.clientClosed).toBe(true);
    expect(record.finished).toBe(false);
    expect(await recordedRequests(testId)).toHaveLength(1);
  });

  it("does not fire the idle timeout on a slow but steady stream", async () => {
    // ~13 writes 150 ms apart: the whole stream (~2 s) outlasts idleTimeout, no single gap comes close.
    const { client } = testClient({ chunkSize: 100, chunkDelayMs: 150 }, { idleTimeout: 1_000 });
    const stream = await client.chat.completions.create({ ...params, stream: true });
    const completion = await stream.finalCompletion();
    expect(completion.choices[0]?.message.content).toBe("Hello there!");
  });

  it("applies idleTimeout to a non-streaming body that stalls: ResponseLostError, never re-sent", async () => {
    const { client, testId } = testClient({ sequence: [{ stallAfterBytes: 20 }, {}] }, { idleTimeout: 150 });
    const error = (await rejection(client.chat.completions.create(params))) as ResponseLostError;
    expect(error).toBeInstanceOf(ResponseLostError);
    expect(error.reason).toContain("idleTimeout");
    expect(await recordedRequests(testId)).toHaveLength(1);
  });

  it("a per-call idleTimeout of 0 disables it; the caller's signal still ends the wait", async () => {
    const { client, testId } = testClient({ stallAfterBytes: 300 }, { idleTimeout: 50 });
    const controller = new AbortController();
    const stream = await client.chat.completions.create({ ...params, stream: true }, { idleTimeout: 0, signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    const error = await rejection(stream.finalCompletion());
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((await waitClosed(testId)).clientClosed).toBe(true);
  });
});
