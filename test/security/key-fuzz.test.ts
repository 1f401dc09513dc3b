// Generated streams (seeded) with a fake key placed at random: raw, \u-escaped (either case, all or some characters),
// \/-escaped, nested in tool arguments, as a 15-character run, in comments, event names and ids, cut across chunks at
// random. Whatever comes out of toReadableStream() or toUIMessageStreamResponse() is decoded as a browser would (raw
// text, then JSON.parse of each data line, then of every string that is itself JSON) and must hold no piece of the key.
import { describe, expect, it } from "vitest";
import { BodyReader } from "../../src/body-reader.js";
import { ChatStream, toUIMessageStreamResponse } from "../../src/index.js";
import { BLOCK, createRedactor } from "../../src/redact.js";
import { seededRandom } from "../seeded-random.js";

const KEY = "sk-fuzz/0123456789/abcdefXYZ";
const RUN = 2 * BLOCK - 1;
const STREAMS = 300;

const hex = (c: string, upper: boolean) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0")[upper ? "toUpperCase" : "toLowerCase"]();
const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({ id: "c1", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta, finish_reason: finish }] });
const WORDS = ["Hello", " there", ", ", "world", " — ", "ключ", " 😀", "\n", ' "quoted"', " \\ back", " slash/", " done"];

type Form = (secret: string, r: () => number) => { place: "content" | "reasoning" | "tool" | "comment" | "event" | "id" | "error"; text: string; escaped: boolean };

// How the key (or a run of it) is written: `escaped` means `text` is already JSON-string-escaped (goes in raw).
const FORMS: Form[] = [
  (s) => ({ place: "content", text: s, escaped: false }),
  (s, r) => ({ place: "content", text: [...s].map((c) => hex(c, r() < 0.5)).join(""), escaped: true }),
  (s, r) => ({ place: "content", text: [...s].map((c) => (r() < 0.4 ? hex(c, r() < 0.5) : c === "/" ? "\\/" : c)).join(""), escaped: true }),
  (s) => ({ place: "content", text: s.replaceAll("/", "\\/"), escaped: true }),
  (s) => ({ place: "reasoning", text: s, escaped: false }),
  (s, r) => ({ place: "tool", text: JSON.stringify({ key: s }).slice(0, r() < 0.5 ? undefined : -2), escaped: false }),
  // JSON inside a JSON string: the browser parses twice (tool-input-available's input).
  (s) => ({ place: "tool", text: JSON.stringify({ key: [...s].map((c) => hex(c, false)).join("") }).replaceAll("\\\\", "\\"), escaped: false }),
  (s) => ({ place: "comment", text: s, escaped: false }),
  (s) => ({ place: "event", text: s, escaped: false }),
  (s) => ({ place: "id", text: s, escaped: false }),
  (s, r) => ({ place: "error", text: r() < 0.5 ? s : [...s].map((c) => hex(c, true)).join(""), escaped: r() >= 0.5 }),
];

/** One generated stream: `dirty` says whether it carries the key (or a run of it) somewhere. */
function generate(seed: number): { body: string; chunks: Uint8Array[]; dirty: boolean; what: string; eol: string } {
  const r = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const events: string[] = [];
  const n = 2 + Math.floor(r() * 6);
  for (let i = 0; i < n; i++) events.push(`data: ${JSON.stringify(chunk({ content: pick(WORDS) + pick(WORDS) }))}\n\n`);
  const dirty = r() < 0.8;
  let what = "clean";
  if (dirty) {
    const at = Math.floor(r() * (KEY.length - RUN + 1));
    const secret = r() < 0.5 ? KEY : KEY.slice(at, at + RUN);
    const formIndex = Math.floor(r() * FORMS.length);
    const form = (FORMS[formIndex] as Form)(secret, r);
    const around = (t: string) => pick(WORDS) + t + pick(WORDS);
    const str = (t: string) => (form.escaped ? `"${around(t)}"`.replace(form.text, form.text) : JSON.stringify(around(t)));
    const jsonString = (t: string) => (form.escaped ? JSON.stringify(pick(WORDS)).slice(0, -1) + t + JSON.stringify(pick(WORDS)).slice(1) : str(t));
    const chunkWith = (field: string, value: string) => `{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{${field}},"finish_reason":null}]}`.replace("VALUE", value);
    const event = {
      content: () => `data: ${chunkWith('"content":VALUE', jsonString(form.text))}\n\n`,
      reasoning: () => `data: ${chunkWith('"reasoning_content":VALUE', jsonString(form.text))}\n\n`,
      tool: () => `data: ${chunkWith('"tool_calls":[{"index":0,"id":"t1","function":{"name":"f","arguments":VALUE}}]', JSON.stringify(form.text))}\n\n`,
      comment: () => `: upstream says ${form.text}\n`,
      event: () => `event: ${form.text}\ndata: ${JSON.stringify(chunk({ content: "x" }))}\n\n`,
      id: () => `id: ${form.text}\ndata: ${JSON.stringify(chunk({ content: "y" }))}\n\n`,
      error: () => `event: error\ndata: {"error":{"message":${jsonString(form.text)}}}\n\n`,
    }[form.place]();
    events.splice(Math.floor(r() * (events.length + 1)), 0, event);
    what = `form ${formIndex} (${form.place}), ${secret === KEY ? "whole key" : `run at ${at}`}`;
  }
  const bom = r() < 0.1 ? "\uFEFF" : "";
  const eol = pick(["\n", "\r\n", "\r"]);
  const body = bom + events.join("").replaceAll("\n", eol) + `data: ${JSON.stringify(chunk({}, "stop"))}${eol}${eol}data: [DONE]${eol}${eol}`;
  const bytes = new TextEncoder().encode(body);
  const cuts = new Set<number>();
  const pieces = r() < 0.2 ? bytes.length : Math.floor(r() * 8);
  for (let i = 0; i < pieces; i++) cuts.add(1 + Math.floor(r() * (bytes.length - 1)));
  const sorted = [0, ...[...cuts].sort((a, b) => a - b), bytes.length];
  const chunks = sorted.slice(1).map((end, i) => bytes.slice(sorted[i], end)).filter((c) => c.length);
  return { body, chunks, dirty, eol, what: `${what}, ${chunks.length} chunks, eol ${JSON.stringify(eol)}` };
}

const keyed = (chunks: Uint8Array[]) =>
  new ChatStream(
    new BodyReader(
      new ReadableStream<Uint8Array>({
        start(c) {
          for (const piece of chunks) c.enqueue(piece);
          c.close();
        },
      }),
      { idleTimeoutMs: 0, redactor: createRedactor([KEY]) },
    ),
  );

/** Every piece of the key a reader could find: runs of RUN characters, and the whole key. */
function leaked(text: string): string | undefined {
  for (let at = 0; at + RUN <= KEY.length; at++) if (text.includes(KEY.slice(at, at + RUN))) return KEY.slice(at, at + RUN);
  return undefined;
}

/** What a browser decodes: the raw text, each data line's JSON and every string in it (and in strings that are JSON). */
function decodedStrings(sse: string): string[] {
  const out = [sse];
  const walk = (value: unknown, depth: number): void => {
    if (typeof value === "string") {
      out.push(value);
      if (depth < 3) {
        try {
          walk(JSON.parse(value), depth + 1);
        } catch {
          // not JSON: a plain string
        }
      }
    } else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        out.push(k);
        walk(v, depth);
      }
    }
  };
  for (const line of sse.split(/\r\n|\r|\n/)) {
    if (!line.startsWith("data:")) continue;
    try {
      walk(JSON.parse(line.slice(5)), 0);
    } catch {
      // not JSON ([DONE]): the raw text above covers it
    }
  }
  return out;
}

describe(`${STREAMS} generated streams with the key at random never reach a reader decodable`, () => {
  it("through toReadableStream(): no piece of the key; clean streams come out byte for byte", async () => {
    let dirtySeen = 0;
    for (let seed = 1; seed <= STREAMS; seed++) {
      const { body, chunks, dirty, what, eol } = generate(seed);
      const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(keyed(chunks).toReadableStream()).arrayBuffer());
      for (const s of decodedStrings(text)) expect(leaked(s), `seed ${seed}: ${what}`).toBeUndefined();
      if (dirty) {
        dirtySeen++;
        expect(text, `seed ${seed}: ${what}`).toContain('"type":"KeyInStreamError"');
      }
      // A stream that ends in a lone CR gets the LF that makes it one line end for every SSE client (docs/streaming.md).
      else expect(text, `seed ${seed}: ${what}`).toBe(eol === "\r" ? body + "\n" : body);
    }
    expect(dirtySeen).toBeGreaterThan(STREAMS / 2);
  });

  it("through toUIMessageStreamResponse(): no piece of the key; clean streams finish normally", async () => {
    for (let seed = 1; seed <= STREAMS; seed++) {
      const { chunks, dirty, what } = generate(seed);
      const text = await toUIMessageStreamResponse(keyed(chunks)).text();
      for (const s of decodedStrings(text)) expect(leaked(s), `seed ${seed}: ${what}`).toBeUndefined();
      expect(text.endsWith("data: [DONE]\n\n"), `seed ${seed}`).toBe(true);
      // A key only in a comment, an event name or an id never reaches the chunks the UI stream reads.
      if (!dirty) expect(text, `seed ${seed}: ${what}`).toContain('"type":"finish"');
    }
  });
});
