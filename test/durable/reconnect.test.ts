// reconnectingBody with ChatStream.fromResponse: a read TypeError, a stall, or an end before [DONE] is a
// disconnect; it retries with the last whole event's id and passes every event on exactly once.
import { describe, expect, it } from "vitest";
import { reconnectingBody } from "../../src/durable/index.js";
import { APIConnectionError, ChatStream, IncompleteStreamError } from "../../src/index.js";

const SSE = { "content-type": "text/event-stream" };
const event = (id: number, text: string) => `id: t:${id}\ndata: ${JSON.stringify({ choices: [{ index: 0, delta: { content: text } }] })}\n\n`;
const DONE = (id: number) => `id: t:${id}\ndata: [DONE]\n\n`;
const WORDS = ["a ", "b ", "c ", "d ", "e ", "f "];
const all = WORDS.map((w, i) => event(i + 1, w)).join("") + DONE(7);
const encoder = new TextEncoder();

/** A body that sends `pieces`, then fails with `failure` (or stays silent with "stall", or ends with "end"). */
function body(pieces: string[], then: Error | "stall" | "end" | "done"): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i < pieces.length) return controller.enqueue(encoder.encode(pieces[i++]!));
      if (then instanceof Error) return controller.error(then);
      if (then === "end" || then === "done") return controller.close();
      return new Promise(() => {});
    },
  });
}

async function text(stream: ChatStream): Promise<string> {
  let out = "";
  for await (const piece of stream.textStream()) out += piece;
  return out;
}

describe("ChatStream.fromResponse with reconnect", () => {
  it("resumes after a read TypeError (Safari's 'Load failed') with the last whole event's id, without repeats", async () => {
    const asked: Array<string | undefined> = [];
    // Three whole events and half of the fourth, then the connection drops.
    const first = body([event(1, "a ") + event(2, "b "), event(3, "c ") + event(4, "d ").slice(0, 20)], new TypeError("Load failed"));
    const retry = async (id: string | undefined) => {
      asked.push(id);
      // A server that repeats an event already seen: it is dropped.
      return new Response(event(3, "c ") + WORDS.slice(3).map((w, i) => event(i + 4, w)).join("") + DONE(7), { headers: SSE });
    };
    const stream = await ChatStream.fromResponse(new Response(first, { headers: SSE }), { reconnect: reconnectingBody({ retry, delayMs: () => 0 }) });
    expect(await text(stream)).toBe(WORDS.join(""));
    expect(asked).toEqual(["t:3"]);
  });

  it("treats a stall past stallMs and an end before [DONE] as disconnects; 204 ends the stream", async () => {
    const asked: Array<string | undefined> = [];
    const answers = [new Response(body([event(3, "c ")], "end"), { headers: SSE }), new Response(body([WORDS.slice(3).map((w, i) => event(i + 4, w)).join("")], "end"), { headers: SSE }), new Response(null, { status: 204 })];
    const retry = async (id: string | undefined) => (asked.push(id), answers.shift()!);
    const first = body([event(1, "a ") + event(2, "b ")], "stall");
    const stream = await ChatStream.fromResponse(new Response(first, { headers: SSE }), { reconnect: reconnectingBody({ retry, stallMs: 50, delayMs: () => 0 }) });
    const failure = await text(stream).catch((e: unknown) => e);
    // Without [DONE] the reader reports an incomplete stream, after every event was read once.
    expect(asked).toEqual(["t:2", "t:3", "t:6"]);
    expect(failure).toBeInstanceOf(IncompleteStreamError);
    expect(stream.currentCompletion().choices[0]?.message.content).toBe(WORDS.join(""));
  });

  it("does not reconnect after [DONE], nor for a failure that is not a dropped connection", async () => {
    let calls = 0;
    const retry = async () => (calls++, new Response(all, { headers: SSE }));
    const done = await ChatStream.fromResponse(new Response(body([all], "end"), { headers: SSE }), { reconnect: reconnectingBody({ retry, delayMs: () => 0 }) });
    expect(await text(done)).toBe(WORDS.join(""));
    const broken = await ChatStream.fromResponse(new Response(body([event(1, "a ")], new RangeError("not a network error")), { headers: SSE }), { reconnect: reconnectingBody({ retry, delayMs: () => 0 }) });
    const failure = await text(broken).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Error);
    expect(String(failure)).not.toContain("IncompleteStream");
    expect(calls).toBe(0);
  });

  it("gives up after maxAttempts reconnects without a new event", async () => {
    let calls = 0;
    const retry = async () => {
      calls++;
      throw new TypeError("Failed to fetch");
    };
    const stream = await ChatStream.fromResponse(new Response(body([event(1, "a ")], new TypeError("network error")), { headers: SSE }), {
      reconnect: reconnectingBody({ retry, maxAttempts: 3, delayMs: () => 0 }),
    });
    const failure = await text(stream).catch((e: unknown) => e);
    // The last dropped connection, as the reader reports one.
    expect(failure).toBeInstanceOf(APIConnectionError);
    expect(calls).toBe(3);
  });
});

describe("reconnectingBody while offline", () => {
  it("keeps trying when the retry itself fails with a TypeError (fetch while offline), then resumes", async () => {
    const asked: Array<string | undefined> = [];
    let calls = 0;
    const retry = async (id: string | undefined) => {
      asked.push(id);
      if (++calls < 3) throw new TypeError("Failed to fetch");
      return new Response(WORDS.slice(2).map((w, i) => event(i + 3, w)).join("") + DONE(7), { headers: SSE });
    };
    const first = body([event(1, "a ") + event(2, "b ")], new TypeError("network error"));
    const stream = await ChatStream.fromResponse(new Response(first, { headers: SSE }), { reconnect: reconnectingBody({ retry, delayMs: () => 0 }) });
    expect(await text(stream)).toBe(WORDS.join(""));
    expect(asked).toEqual(["t:2", "t:2", "t:2"]);
  });
});
