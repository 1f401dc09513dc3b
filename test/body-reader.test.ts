// src/body-reader.ts: each way a body read can stop becomes a typed error; secrets never survive a cut.
import { describe, expect, it } from "vitest";
import { KeyInStreamError } from "../src/errors/stream.js";
import { BodyReader } from "../src/body-reader.js";
import { createRedactor } from "../src/redact.js";
import { APIConnectionError, APITimeoutError, APIUserAbortError } from "../src/index.js";
import { rejection } from "./setup-client.js";

const enc = new TextEncoder();

/** A body that serves `parts`, then stays open (or errors with `fail`); records cancel. */
function body(parts: string[], end: "close" | "hang" | Error = "close") {
  let cancelled = false;
  let i = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const part = parts[i++];
      if (part !== undefined) return controller.enqueue(enc.encode(part));
      if (end === "close") return controller.close();
      if (end instanceof Error) return controller.error(end);
      return new Promise<void>(() => {});
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, cancelled: () => cancelled };
}

describe("BodyReader", () => {
  it("reads to the end, then reports done, and calls onClose listeners once", async () => {
    const { stream } = body(["ab", "cd"]);
    const closes: unknown[] = [];
    const reader = new BodyReader(stream, { idleTimeoutMs: 0 });
    reader.onClose((error) => closes.push(error));
    expect(await reader.text()).toBe("abcd");
    expect((await reader.read()).done).toBe(true);
    reader.cancel();
    expect(closes).toEqual([undefined]);
  });

  it("an idle body fails with APITimeoutError (phase idle) and closes the connection underneath", async () => {
    const { stream, cancelled } = body(["first"], "hang");
    let aborted = false;
    const reader = new BodyReader(stream, { idleTimeoutMs: 40, abort: () => (aborted = true) });
    const closes: unknown[] = [];
    reader.onClose((error) => closes.push(error));
    await reader.read();
    const error = (await rejection(reader.read())) as APITimeoutError;
    expect(error).toBeInstanceOf(APITimeoutError);
    expect([error.phase, error.timeoutMs]).toEqual(["idle", 40]);
    expect([cancelled(), aborted]).toEqual([true, true]);
    expect(closes).toHaveLength(1);
    expect(closes[0]).toBeInstanceOf(APITimeoutError);
  });

  it("the caller's signal aborts a pending read with APIUserAbortError", async () => {
    const { stream, cancelled } = body([], "hang");
    const controller = new AbortController();
    const reader = new BodyReader(stream, { idleTimeoutMs: 0, signal: controller.signal });
    const pending = reader.read();
    controller.abort();
    expect(await rejection(pending)).toBeInstanceOf(APIUserAbortError);
    expect(cancelled()).toBe(true);
  });

  it("an already aborted signal stops the body at once", async () => {
    const { stream, cancelled } = body(["x"]);
    const reader = new BodyReader(stream, { idleTimeoutMs: 0, signal: AbortSignal.abort() });
    expect(await rejection(reader.read())).toBeInstanceOf(APIUserAbortError);
    expect(cancelled()).toBe(true);
  });

  it("a lost connection is an APIConnectionError with the key scrubbed, and stays that error on every later read", async () => {
    const { stream } = body(["x"], new TypeError("socket reset, auth was Bearer sk-secret-1234"));
    const reader = new BodyReader(stream, { idleTimeoutMs: 0, redactor: createRedactor(["sk-secret-1234"]) });
    await reader.read();
    const error = await rejection(reader.read());
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toBe("Connection error: TypeError: socket reset, auth was Bearer [redacted]");
    expect(await rejection(reader.read())).toBe(error);
  });

  it("cancel() during a read reports a cancellation, not a short body", async () => {
    const { stream } = body([], "hang");
    const reader = new BodyReader(stream, { idleTimeoutMs: 0 });
    const pending = reader.read();
    reader.cancel();
    const error = await rejection(pending);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error.message).toBe("Stream was cancelled.");
  });

  it("text(limit) stops after the limit and drops a key cut in half at the end", async () => {
    const key = "sk-cut-me-0123456789";
    const { stream, cancelled } = body(["0123456789", `abc${key.slice(0, 7)}`, key.slice(7), "tail"]);
    const reader = new BodyReader(stream, { idleTimeoutMs: 0, redactor: createRedactor([key]) });
    // A fixed tail (longest key − 1 characters) goes, whatever it holds: trimming only a matching prefix would be an oracle.
    const read = `0123456789abc${key.slice(0, 7)}`;
    expect(await reader.text(15)).toBe(read.slice(0, read.length - (key.length - 1)));
    expect(cancelled()).toBe(true);
  });

  it("redact scrubs every secret; check throws KeyInStreamError on bytes or text holding one, and passes clean ones", () => {
    const reader = new BodyReader(null, { idleTimeoutMs: 0, redactor: createRedactor(["sk-abc-123"]) });
    expect(reader.redact({ a: ["x sk-abc-123 y"], "sk-abc-123": 1 })).toEqual({ a: ["x [redacted] y"], "[redacted]": 1 });
    expect(() => reader.check(enc.encode("nothing here, sk-abc- is not it"))).not.toThrow();
    expect(() => reader.check(enc.encode("data: sk-abc-123\n\n"))).toThrow(KeyInStreamError);
    expect(() => reader.check("data: \\u0073k-abc-123")).toThrow(KeyInStreamError);
  });
});
