// EventStream (through its ChatStream subclass) over a stub byte source: every way out settles and cancels the upstream.
import { describe, expect, it } from "vitest";
import { APIError, APIUserAbortError, DeepInfraError, IncompleteStreamError, MalformedEventError, RateLimitError } from "../../src/index.js";
import { ChatStream } from "../../src/streaming/chat-stream.js";
import { rejection } from "../setup-client.js";
import { chunked, sse, stubSource } from "./stub-source.js";

const chunk = (content: string | null, finish: string | null = null, extra: object = {}) => ({
  id: "c",
  object: "chat.completion.chunk",
  created: 1,
  model: "m",
  choices: [{ index: 0, delta: content === null ? {} : { content }, finish_reason: finish }],
  ...extra,
});
const usage = { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3, estimated_cost: 0.5 };
const HELLO = sse(chunk("Hel"), chunk("lo"), chunk(null, "stop", { usage }));
const FRAME = `data: ${JSON.stringify({ error_type: "validation_error", error_message: JSON.stringify({ error: { message: "Too long" } }) })}\n\n`;

async function texts(stream: ChatStream): Promise<string[]> {
  const out: string[] = [];
  for await (const text of stream.textStream()) out.push(text);
  return out;
}

describe("EventStream: failures settle the stream and close the upstream", () => {
  it("a `data: null` event is a MalformedEventError, not a TypeError, and the upstream is cancelled", async () => {
    const source = stubSource([sse(chunk("a"), "null")]);
    const error = await rejection(texts(new ChatStream(source)));
    expect(error).toBeInstanceOf(MalformedEventError);
    expect(error.message).toBe("Malformed event in the stream (not a JSON object): null");
    expect(source.cancelled).toBe(true);
  });

  it.each([["5"], ['"text"'], ["[1,2]"]])("a non-object payload %s is a MalformedEventError", async (payload) => {
    const source = stubSource([sse(payload)]);
    expect(await rejection(new ChatStream(source).finalCompletion())).toBeInstanceOf(MalformedEventError);
    expect(source.cancelled).toBe(true);
  });

  it("a throwing onUsage reaches the reader as it is, and the upstream is cancelled", async () => {
    const source = stubSource([HELLO], []);
    const stream = new ChatStream(source, {
      onUsage: () => {
        throw new TypeError("logger broke");
      },
    });
    const error = await rejection(texts(stream));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe("logger broke");
    expect(source.cancelled).toBe(true);
    expect(await rejection(stream.finalCompletion())).toBe(error);
  });

  it("non-JSON text redacts the key before it is cut", async () => {
    const key = "sk-" + "k".repeat(300);
    const source = stubSource([`data: x${key}\n\n`], [key]);
    const error = await rejection(texts(new ChatStream(source)));
    expect(error.message).toBe("Malformed event in the stream (not JSON): x[redacted]");
    expect(error.message).not.toContain("sk-k");
  });

  it("a body that ends before [DONE] and before a finish_reason is an IncompleteStreamError", async () => {
    const source = stubSource([`data: ${JSON.stringify(chunk("half"))}\n\n`]);
    expect(await rejection(new ChatStream(source).finalCompletion())).toBeInstanceOf(IncompleteStreamError);
  });

  it("[DONE] ends the stream and closes a connection the server keeps open", async () => {
    const source = stubSource([HELLO, "data: never read\n\n"]);
    expect(await texts(new ChatStream(source))).toEqual(["Hel", "lo"]);
    expect(source.cancelled).toBe(true);
  });

  it("leaving a for-await early cancels the upstream and fails finalCompletion with APIUserAbortError", async () => {
    const source = stubSource(chunked(HELLO, 40));
    const stream = new ChatStream(source);
    for await (const _ of stream) break;
    expect(source.cancelled).toBe(true);
    const error = await rejection(stream.finalCompletion());
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error.message).toBe("The stream was closed before its end.");
  });
});

describe("EventStream: errors the server sends inside the stream", () => {
  it("DeepInfra's {error_type, error_message} frame is an APIError with the server's message and type, at every split", async () => {
    const body = sse(chunk("a")).replace("data: [DONE]\n\n", "") + FRAME;
    for (let at = 1; at < body.length; at++) {
      const bytes = new TextEncoder().encode(body);
      const source = stubSource([bytes.slice(0, at), bytes.slice(at)]);
      const error = (await rejection(texts(new ChatStream(source, { headers: { "x-request-id": "req-7" } })))) as APIError;
      expect(error, `split at ${at}`).toBeInstanceOf(APIError);
      expect(error.message).toBe("Error event in the stream: Too long (request req-7)");
      expect(error.type).toBe("validation_error");
      expect(error.requestId).toBe("req-7");
      expect(source.cancelled).toBe(true);
    }
  });

  it("a frame whose error_message is plain text keeps that text", async () => {
    const frame = `data: ${JSON.stringify({ error_type: "server_error", error_message: "Model crashed" })}\n\n`;
    const error = (await rejection(new ChatStream(stubSource([frame])).finalCompletion())) as APIError;
    expect(error.message).toBe("Error event in the stream: Model crashed");
    expect(error.type).toBe("server_error");
  });

  it("an OpenAI-style error event names its status; a chunk with error: null is still a chunk", async () => {
    const busy = `event: error\ndata: ${JSON.stringify({ error: { message: "Model busy", status_code: 429 } })}\n\n`;
    const error = await rejection(new ChatStream(stubSource([busy])).finalCompletion());
    expect(error).toBeInstanceOf(RateLimitError);
    const withNull = sse(chunk("ok", "stop", { error: null }));
    expect((await new ChatStream(stubSource([withNull])).finalCompletion()).choices[0]?.message.content).toBe("ok");
  });
});

describe("EventStream: one reader, and finalCompletion() from any side of it", () => {
  it("finalCompletion() called before textStream() lets the loop read every delta", async () => {
    const stream = new ChatStream(stubSource(chunked(HELLO, 30)));
    const final = stream.finalCompletion();
    expect(await texts(stream)).toEqual(["Hel", "lo"]);
    expect((await final).choices[0]?.message.content).toBe("Hello");
  });

  it("finalCompletion() during and after the loop", async () => {
    const stream = new ChatStream(stubSource(chunked(HELLO, 30)));
    let during: Promise<unknown> | undefined;
    for await (const _ of stream.textStream()) during ??= stream.finalCompletion();
    expect(((await during) as { usage: unknown }).usage).toEqual(usage);
    expect((await stream.finalCompletion()).usage).toEqual(usage);
  });

  it("finalCompletion() alone reads the stream itself", async () => {
    const source = stubSource([HELLO]);
    expect((await new ChatStream(source).finalCompletion()).choices[0]?.message.content).toBe("Hello");
    expect(source.cancelled).toBe(true);
  });

  it("a second consumer gets an error naming the first", async () => {
    const stream = new ChatStream(stubSource([HELLO]));
    const first = stream.textStream();
    const error = (() => {
      try {
        stream.reasoningStream();
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(DeepInfraError);
    expect(error?.message).toBe("This stream is already being read by textStream(); a stream is read once (finalCompletion() gives the whole answer).");
    await first.next();
  });

  it("onUsage is told once, even when every chunk carries running usage (continuous_usage_stats)", async () => {
    const seen: unknown[] = [];
    const running = sse(chunk("a", null, { usage: { ...usage, completion_tokens: 1 } }), chunk(null, "stop", { usage }), chunk(null, null, { usage }));
    await new ChatStream(stubSource([running]), { onUsage: (u) => seen.push(u) }).finalCompletion();
    expect(seen).toEqual([usage]);
  });
});
