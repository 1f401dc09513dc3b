import { describe, expect, it } from "vitest";
import { createSSEParser, type SSEEvent } from "../../src/streaming/sse";
import chatStream from "../fixtures/chat-stream.sse?raw";
import chatStreamTools from "../fixtures/chat-stream-tools.sse?raw";
import chatStreamReasoning from "../fixtures/chat-stream-reasoning.sse?raw";

const enc = new TextEncoder();

function parseChunks(chunks: Uint8Array[], callEnd = true): SSEEvent[] {
  const events: SSEEvent[] = [];
  const parser = createSSEParser((e) => events.push(e));
  for (const c of chunks) parser.feed(c);
  if (callEnd) parser.end();
  return events;
}

const parse = (text: string, callEnd = true): SSEEvent[] => parseChunks([enc.encode(text)], callEnd);

/** Every two-piece split plus byte-at-a-time must match the single-chunk parse. */
function expectSplitInvariant(bytes: Uint8Array): SSEEvent[] {
  const whole = parseChunks([bytes]);
  for (let i = 0; i <= bytes.length; i++) {
    expect(parseChunks([bytes.slice(0, i), bytes.slice(i)]), `split at ${i}`).toEqual(whole);
  }
  const single: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i++) single.push(bytes.slice(i, i + 1));
  expect(parseChunks(single)).toEqual(whole);
  return whole;
}

/** Independent reference for the fixtures: they are plain `data: X\n\n` streams. */
const dataLines = (text: string): string[] =>
  text.split("\n").filter((l) => l.startsWith("data: ")).map((l) => l.slice(6));

const deltas = (events: SSEEvent[]) =>
  events.slice(0, -1).map((e) => JSON.parse(e.data).choices[0].delta as Record<string, unknown>);

describe("fixtures", () => {
  it("chat-stream.sse", () => {
    const events = expectSplitInvariant(enc.encode(chatStream));
    expect(events).toHaveLength(6);
    expect(events.map((e) => e.data)).toEqual(dataLines(chatStream));
    expect(events.every((e) => e.event === "" && e.id === undefined)).toBe(true);
    expect(events.at(-1)).toEqual({ event: "", data: "[DONE]" });
    expect(deltas(events).map((d) => d.content ?? "").join("")).toBe("Hello there!");
    expect(events[0]!.data).toBe(
      '{"id":"chatcmpl-7b2f1c9e4a","object":"chat.completion.chunk","created":1718000000,"model":"meta-llama/Meta-Llama-3.1-8B-Instruct","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null,"logprobs":null}]}',
    );
  });

  it("chat-stream-tools.sse", () => {
    const events = expectSplitInvariant(enc.encode(chatStreamTools));
    expect(events).toHaveLength(6);
    expect(events.map((e) => e.data)).toEqual(dataLines(chatStreamTools));
    expect(events.at(-1)!.data).toBe("[DONE]");
    const args = deltas(events)
      .map((d) => (d.tool_calls as { function: { arguments: string } }[] | undefined)?.[0]?.function.arguments ?? "")
      .join("");
    expect(JSON.parse(args)).toEqual({ location: "San Francisco, CA" });
  });

  it("chat-stream-reasoning.sse", () => {
    const events = expectSplitInvariant(enc.encode(chatStreamReasoning));
    expect(events).toHaveLength(7);
    expect(events.map((e) => e.data)).toEqual(dataLines(chatStreamReasoning));
    expect(events.at(-1)!.data).toBe("[DONE]");
    const d = deltas(events);
    expect(d.map((x) => x.reasoning_content ?? "").join("")).toBe("The user asks for 15!/13!. That is 15 * 14 = 210.");
    expect(d.map((x) => x.content ?? "").join("")).toBe("15! / 13! = 210");
  });

  it("dispatches during feed, without needing end()", () => {
    expect(parse(chatStream, false)).toHaveLength(6);
  });
});

describe("line endings", () => {
  const expected = [
    { event: "", data: "a" },
    { event: "", data: "b\nc" },
  ];

  it.each([
    ["LF", "data: a\n\ndata: b\ndata: c\n\n"],
    ["CRLF", "data: a\r\n\r\ndata: b\r\ndata: c\r\n\r\n"],
    ["CR", "data: a\r\rdata: b\rdata: c\r\r"],
    ["mixed", "data: a\r\n\rdata: b\ndata: c\r\r\n"],
  ])("%s", (_, text) => {
    expect(expectSplitInvariant(enc.encode(text))).toEqual(expected);
  });

  it("CR at the end of one chunk + LF at the start of the next is one line end", () => {
    const chunks = ["data: a\r", "\ndata: b\r", "\n\r", "\n"].map((s) => enc.encode(s));
    expect(parseChunks(chunks, false)).toEqual([{ event: "", data: "a\nb" }]);
  });

  it("CR at chunk end survives an empty chunk before the LF", () => {
    const chunks = ["data: a\r", "", "\n", "\r\n"].map((s) => enc.encode(s));
    expect(parseChunks(chunks, false)).toEqual([{ event: "", data: "a" }]);
  });

  it("CR at chunk end followed by a non-LF byte", () => {
    const chunks = ["data: a\r", "\rdata: b\r", "\r"].map((s) => enc.encode(s));
    expect(parseChunks(chunks, false)).toEqual([
      { event: "", data: "a" },
      { event: "", data: "b" },
    ]);
  });
});

describe("fields", () => {
  it("ignores comment lines, including keep-alive pings", () => {
    const text = ": ping\n\n:\n: ping\ndata: x\n: inside\n\n: ping\n\n";
    expect(expectSplitInvariant(enc.encode(text))).toEqual([{ event: "", data: "x" }]);
  });

  it("joins multi-line data with \\n, keeping empty lines", () => {
    expect(parse("data: one\ndata:\ndata: three\n\n")).toEqual([{ event: "", data: "one\n\nthree" }]);
    expect(parse("data:\n\n")).toEqual([{ event: "", data: "" }]);
    expect(parse("data\ndata\n\n")).toEqual([{ event: "", data: "\n" }]);
  });

  it("event: and id: fields, last one wins, reset after each event", () => {
    const text = "event: first\nevent: message\nid: 1\nid: 42\ndata: a\n\ndata: b\n\nid: 7\nevent: error\ndata: c\n\n";
    expect(expectSplitInvariant(enc.encode(text))).toEqual([
      { event: "message", data: "a", id: "42" },
      { event: "", data: "b" },
      { event: "error", data: "c", id: "7" },
    ]);
  });

  it("strips exactly one leading space, and none when absent", () => {
    expect(parse("data:x\n\n")).toEqual([{ event: "", data: "x" }]);
    expect(parse("data:  two\n\n")).toEqual([{ event: "", data: " two" }]);
    expect(parse("event:ping\ndata:\tx \n\n")).toEqual([{ event: "ping", data: "\tx " }]);
    expect(parse("data: a:b: c\n\n")).toEqual([{ event: "", data: "a:b: c" }]);
  });

  it("a line without a colon is a field with an empty value", () => {
    expect(parse("event: x\nevent\ndata\n\n")).toEqual([{ event: "", data: "" }]);
    expect(parse("id: 1\nid\ndata: a\n\n")).toEqual([{ event: "", data: "a", id: "" }]);
  });

  it("ignores retry and unknown fields; field names are case-sensitive", () => {
    const text = "retry: 1000\nfoo: bar\nDATA: no\nData: no\ndata : no\ndata: yes\n\n";
    expect(parse(text)).toEqual([{ event: "", data: "yes" }]);
  });

  it("ignores an id containing NUL", () => {
    expect(parse("id: 5\nid: a\0b\ndata: x\n\n")).toEqual([{ event: "", data: "x", id: "5" }]);
  });

  it("does not dispatch an event without data lines", () => {
    const text = "event: lonely\nid: 3\n\ndata: real\n\n";
    // The discarded event's type and id do not leak into the next one.
    expect(parse(text)).toEqual([{ event: "", data: "real" }]);
    expect(parse("event: nothing\n\n\n\n")).toEqual([]);
  });
});

describe("UTF-8", () => {
  it("decodes multibyte characters split inside a character at every byte offset", () => {
    const payload = JSON.stringify({ choices: [{ delta: { content: "héllo 世界 🎉" } }] });
    const bytes = enc.encode(`event: ünï\ndata: ${payload}\n\ndata: 🎉\n\n`);
    const events = expectSplitInvariant(bytes);
    expect(events).toEqual([
      { event: "ünï", data: payload },
      { event: "", data: "🎉" },
    ]);
    expect(JSON.parse(events[0]!.data).choices[0].delta.content).toBe("héllo 世界 🎉");
  });

  it("skips a BOM only at the very start of the stream", () => {
    expect(expectSplitInvariant(enc.encode("\uFEFFdata: a\n\n"))).toEqual([{ event: "", data: "a" }]);
    // A BOM-prefixed first line must still be recognised as a field, also on the slow path.
    expect(parse("\uFEFFevent: e\ndata: a\n\n")).toEqual([{ event: "e", data: "a" }]);
    // Only one BOM is stripped; later ones are content (then the field name is not "data").
    expect(parse("\uFEFF\uFEFFdata: a\n\ndata: b\n\n")).toEqual([{ event: "", data: "b" }]);
    // U+FEFF inside a value is preserved.
    expect(parse("data: \uFEFFx\n\n")).toEqual([{ event: "", data: "\uFEFFx" }]);
    expect(parse("data: a\n\n\uFEFFdata: b\n\n")).toEqual([{ event: "", data: "a" }]);
  });
});

describe("end()", () => {
  it("flushes an unterminated final line and pending event", () => {
    expect(parse("data: a\n\ndata: b", false)).toEqual([{ event: "", data: "a" }]);
    expect(parse("data: a\n\ndata: b")).toEqual([
      { event: "", data: "a" },
      { event: "", data: "b" },
    ]);
    expect(parse("event: e\ndata: x\ndata: y\n")).toEqual([{ event: "e", data: "x\ny" }]);
    expect(parse("data: [DONE]\r")).toEqual([{ event: "", data: "[DONE]" }]);
  });

  it("dispatches nothing for an empty body, a trailing comment, or a data-less event", () => {
    expect(parse("")).toEqual([]);
    expect(parse("data: a\n\n: bye")).toEqual([{ event: "", data: "a" }]);
    expect(parse("event: x")).toEqual([]);
  });

  it("split-at-every-offset holds for unterminated bodies too", () => {
    expectSplitInvariant(enc.encode("data: é\r\nid: 1\rdata: 世"));
  });
});

describe("buffers", () => {
  it("copies the incomplete tail: reusing the caller's chunk buffer is safe", () => {
    const events: SSEEvent[] = [];
    const parser = createSSEParser((e) => events.push(e));
    const buf = new Uint8Array(64);
    for (const piece of ["data: hel", "lo\n\nda", "ta: wor", "ld\n\n"]) {
      const bytes = enc.encode(piece);
      buf.fill(0x78);
      buf.set(bytes);
      parser.feed(buf.subarray(0, bytes.length));
    }
    parser.end();
    expect(events.map((e) => e.data)).toEqual(["hello", "world"]);
  });

  it("handles a single line much larger than one chunk", () => {
    const big = "x".repeat(200_000);
    const bytes = enc.encode(`data: ${big}\n\n`);
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 1000) chunks.push(bytes.subarray(i, i + 1000));
    expect(parseChunks(chunks)).toEqual([{ event: "", data: big }]);
  });

  it("parses 20,000 events (~4 MB) delivered in 16–64 KB chunks, in order", () => {
    const N = 20_000;
    const pad = "é".repeat(80);
    let text = "";
    for (let i = 0; i < N; i++) text += `data: {"i":${i},"s":"${pad}"}\n\n`;
    const bytes = enc.encode(text);
    expect(bytes.length).toBeGreaterThan(3_000_000);

    const chunks: Uint8Array[] = [];
    const sizes = [16_384, 65_536, 40_001, 32_767];
    for (let off = 0, k = 0; off < bytes.length; k++) {
      const size = sizes[k % sizes.length]!;
      chunks.push(bytes.subarray(off, off + size));
      off += size;
    }
    const events = parseChunks(chunks, false);
    expect(events).toHaveLength(N);
    for (let i = 0; i < N; i++) {
      const e = events[i]!;
      if (e.data !== `{"i":${i},"s":"${pad}"}`) expect(e.data).toBe(`{"i":${i},"s":"${pad}"}`);
    }
    expect(JSON.parse(events[N - 1]!.data)).toEqual({ i: N - 1, s: pad });
  });
});

describe("pendingBytes", () => {
  it("counts the bytes since the last blank line, across chunks and line-end styles", () => {
    const parser = createSSEParser(() => {});
    expect(parser.pendingBytes).toBe(0);
    parser.feed(enc.encode("data: a\n\ndata: b"));
    expect(parser.pendingBytes).toBe("data: b".length);
    parser.feed(enc.encode("c\n"));
    expect(parser.pendingBytes).toBe("data: bc\n".length);
    parser.feed(enc.encode("\n: ping\r\n"));
    expect(parser.pendingBytes).toBe(": ping\r\n".length);
    parser.feed(enc.encode("\r\n"));
    expect(parser.pendingBytes).toBe(0);
    parser.feed(enc.encode("data: é\r"));
    parser.feed(enc.encode("\r"));
    expect(parser.pendingBytes).toBe(0);
  });
});

describe("maxEventBytes: one cap on a line or an event", () => {
  const cap = 1024;
  const feedAll = (parts: Uint8Array[]) => {
    const events: SSEEvent[] = [];
    const parser = createSSEParser((e) => events.push(e), { maxEventBytes: cap });
    for (const part of parts) parser.feed(part);
    return events;
  };
  const typeOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return { name: (error as Error).name, type: (error as { type?: string }).type, limit: (error as { limitBytes?: number }).limitBytes };
    }
    return undefined;
  };

  it("a line that never ends throws EventTooLargeError (literal type) once past the cap, fed in pieces", () => {
    const pieces = Array.from({ length: 20 }, () => enc.encode("x".repeat(100)));
    expect(typeOf(() => feedAll([enc.encode("data: "), ...pieces]))).toEqual({ name: "EventTooLargeError", type: "max-event-size-exceeded", limit: cap });
  });

  it("an event of many short lines with no blank line is capped too", () => {
    const lines = Array.from({ length: 40 }, () => enc.encode("data: " + "y".repeat(40) + "\n"));
    expect(typeOf(() => feedAll(lines))?.name).toBe("EventTooLargeError");
  });

  it("events under the cap pass however many there are, and the default cap is 8 MiB", () => {
    const many = Array.from({ length: 100 }, (_, i) => enc.encode(`data: ${"z".repeat(500)}${i}\n\n`));
    expect(feedAll(many)).toHaveLength(100);
    const events: SSEEvent[] = [];
    const parser = createSSEParser((e) => events.push(e));
    parser.feed(enc.encode(`data: ${"q".repeat(8 * 1024 * 1024 - 100)}\n\n`));
    expect(events[0]?.data.length).toBe(8 * 1024 * 1024 - 100);
    expect(typeOf(() => parser.feed(enc.encode(`data: ${"q".repeat(8 * 1024 * 1024)}`)))?.name).toBe("EventTooLargeError");
  });
});

describe("one decode per chunk", () => {
  const collect = (chunks: Uint8Array[]) => {
    const events: SSEEvent[] = [];
    const parser = createSSEParser((event) => events.push(event));
    for (const chunk of chunks) parser.feed(chunk);
    parser.end();
    return events;
  };

  it("a chunk whose bytes are not all one character each (multibyte, invalid) gives what per-line decoding gives", () => {
    const text = new TextEncoder().encode("data: a\n\ndata: ключ 😀\n\nevent: e\ndata: b\n\n");
    const invalid = new Uint8Array([...new TextEncoder().encode("data: x"), 0x80, ...new TextEncoder().encode("y\n\ndata: z\n\n")]);
    expect(collect([text]).map((e) => [e.event, e.data])).toEqual([["", "a"], ["", "ключ 😀"], ["e", "b"]]);
    expect(collect([invalid]).map((e) => e.data)).toEqual(["x\uFFFDy", "z"]);
    for (let at = 1; at < invalid.length; at++) expect(collect([invalid.slice(0, at), invalid.slice(at)]).map((e) => e.data), `split at ${at}`).toEqual(["x\uFFFDy", "z"]);
  });
});
