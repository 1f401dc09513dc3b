// The example Worker's last-line key scrubber (examples/worker/scrub.ts) on its own. It fails closed and is
// no oracle: a response holding the key, or one of its aligned 8-byte pieces, is withheld whole (a 502, or a
// stream ended with one fixed event), never substituted in place; bytes without the key pass unchanged for
// every chunk split, and at most 7 bytes are held back, only while they could start a piece.
import { describe, expect, it } from "vitest";
import { containsSecret, createScrubber, scrubResponse, secretOf, type Secret } from "../../examples/worker/scrub.js";

const KEY = "jwt:eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ0ZXN0In0.Q7w2e9R4t6Y1u3I8o5P0a";
const secret = secretOf(KEY) as Secret;
const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const ENDING = enc("\n\nevent: error\ndata: {}\n\n");

/** Feeds `chunks` one at a time; returns the output and how many input bytes were held back after each chunk. */
async function run(chunks: Uint8Array[]): Promise<{ out: Uint8Array; heldAfter: number[] }> {
  const { readable, writable } = createScrubber(secret, ENDING);
  const writer = writable.getWriter();
  const reader = readable.getReader();
  const out: number[] = [];
  const heldAfter: number[] = [];
  let written = 0;
  let read = reader.read();
  let ended = false;
  for (const chunk of chunks) {
    if (ended) break;
    writer.write(chunk).catch(() => {});
    written += chunk.byteLength;
    for (;;) {
      const next = await Promise.race([read, new Promise<null>((r) => setTimeout(() => r(null), 0))]);
      if (next === null) break;
      if (next.done) {
        ended = true;
        break;
      }
      out.push(...next.value);
      read = reader.read();
    }
    heldAfter.push(written - out.length);
  }
  if (!ended) {
    writer.close().catch(() => {});
    for (let next = await read; !next.done; next = await reader.read()) out.push(...next.value);
  }
  return { out: new Uint8Array(out), heldAfter };
}

describe("containsSecret", () => {
  it("finds the whole key and each aligned 8-byte piece, the last 8 bytes included", () => {
    expect(containsSecret(`Bearer ${KEY}`, secret)).toBe(true);
    for (let at = 0; at + 8 <= KEY.length; at += 8) expect(containsSecret(`x${KEY.slice(at, at + 8)}y`, secret), `piece at ${at}`).toBe(true);
    expect(containsSecret(KEY.slice(-8), secret)).toBe(true);
  });

  it("does not answer for an unaligned window or a 7-character stub (no sliding oracle)", () => {
    // Knowing bytes 0-7, a visitor who tries bytes 1-8 learns nothing: only whole aligned pieces count.
    for (const text of [KEY.slice(1, 9), KEY.slice(3, 11), KEY.slice(0, 7), "café ☕ 東京 \u{1F600}", ""]) {
      expect(containsSecret(text, secret), text).toBe(false);
    }
  });

  it("matches a key shorter than a piece only whole", () => {
    const short = secretOf("abc12") as Secret;
    expect(containsSecret("xx abc12 yy", short)).toBe(true);
    expect(containsSecret("abc1 bc12", short)).toBe(false);
  });
});

describe("createScrubber", () => {
  const clean = `data: {"k":"${KEY.slice(0, 7)}x"}\n\n: jwt:eyJ cut\n\ndata: ${KEY.slice(9, 15)} and more\n\nend jwt:`;

  it("passes bytes without the key unchanged for every two-way split and one byte at a time", async () => {
    const bytes = enc(clean);
    for (let cut = 0; cut <= bytes.byteLength; cut++) {
      const { out } = await run([bytes.subarray(0, cut), bytes.subarray(cut)]);
      expect(dec(out), `cut at ${cut}`).toBe(clean);
    }
    expect(dec((await run([...bytes].map((b) => new Uint8Array([b])))).out)).toBe(clean);
  });

  it("holds back at most 7 bytes, and only while they could start a piece", async () => {
    const { heldAfter } = await run([enc('data: {"a":1}\n\n'), enc("plain words"), enc("then jwt:e"), enc("Z done")]);
    expect(heldAfter).toEqual([0, 0, 5, 0]);
    const oneByOne = await run([...enc(`x ${KEY.slice(0, 7)}!`)].map((b) => new Uint8Array([b])));
    expect(Math.max(...oneByOne.heldAfter)).toBe(7);
  });

  it("ends the stream with the fixed event at the first piece of the key, whatever the split, and never lets a piece out", async () => {
    const text = `data: {"a":"hello"}\n\ndata: {"b":"your key ${KEY} ok"}\n\ndata: {"c":"after"}\n\n`;
    const bytes = enc(text);
    for (let cut = 0; cut <= bytes.byteLength; cut += 3) {
      const { out } = await run([bytes.subarray(0, cut), bytes.subarray(cut)]);
      const got = dec(out);
      expect(got.endsWith(dec(ENDING)), `cut at ${cut}`).toBe(true);
      const before = got.slice(0, -ENDING.byteLength);
      expect(text.startsWith(before)).toBe(true);
      expect(containsSecret(before, secret)).toBe(false);
      expect(got).not.toContain("after");
    }
  });

  it("gives the same output whatever follows the known start (no oracle in the answer)", async () => {
    // A reflected guess: the known 8 characters plus a candidate for the 9th. The true one must not answer differently.
    const outs = new Set<string>();
    for (const c of ["A", "b", KEY[8]!, "z", "0"]) outs.add(dec((await run([enc(`No route for /${KEY.slice(0, 8)}${c}.`)])).out));
    expect([...outs]).toEqual([dec(ENDING)]);
  });
});

describe("scrubResponse", () => {
  it("replaces a JSON answer holding the key with a fixed 502, keeping the request id and CORS", async () => {
    const res = await scrubResponse(
      new Response(JSON.stringify({ message: `bad key ${KEY.slice(16, 24)}` }), { headers: { "content-type": "application/json", "x-request-id": "r-1", "access-control-allow-origin": "https://app.example" } }),
      secret,
    );
    expect(res.status).toBe(502);
    expect(res.headers.get("x-request-id")).toBe("r-1");
    expect(res.headers.get("access-control-allow-origin")).toBe("https://app.example");
    const body = (await res.json()) as { error: { code: string; request_id: string } };
    expect(body.error.code).toBe("response_withheld");
    expect(body.error.request_id).toBe("r-1");
  });

  it("replaces a response whose header holds the key", async () => {
    const res = await scrubResponse(new Response("fine", { headers: { "x-upstream": `Bearer ${KEY}` } }), secret);
    expect(res.status).toBe(502);
    expect(JSON.stringify([...res.headers])).not.toContain(KEY.slice(0, 8));
  });

  it("ends an event stream with the AI SDK's error part when it is a UI message stream", async () => {
    const res = await scrubResponse(
      new Response(`data: {"type":"text-delta","delta":"${KEY}"}\n\n`, { headers: { "content-type": "text/event-stream", "x-vercel-ai-ui-message-stream": "v1" } }),
      secret,
    );
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(KEY.slice(0, 8));
    expect(JSON.parse(text.trim().replace(/^data: /, ""))).toEqual({ type: "error", errorText: expect.stringContaining("response_withheld") });
  });

  it("passes answers without the key byte for byte (binary included) and keeps body-less ones body-less", async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const res = await scrubResponse(new Response(bytes, { status: 201, headers: { "content-type": "image/png" } }), secret);
    expect(res.status).toBe(201);
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([...bytes]);
    const empty = await scrubResponse(new Response(null, { status: 204 }), secret);
    expect(empty.body).toBe(null);
  });
});
