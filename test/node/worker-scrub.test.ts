// The example Worker's key scrubber (examples/worker/scrub.ts) on its own: every chunk split gives the
// same bytes as the whole, at most key.length - 1 bytes are ever held back, and bytes without the key
// pass unchanged (binary included).
import { describe, expect, it } from "vitest";
import { containsSecret, createScrubber, scrubText, secretOf, type Secret } from "../../examples/worker/scrub.js";

const KEY = "sk-live-Q7w2e9R4t6Y1u3I8o5P0a";
const secret = secretOf(KEY) as Secret;
const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

/**
 * Feeds `chunks` one at a time; returns the output and, after each chunk, how many input bytes were
 * still held back (each "[redacted]" standing for a whole key, so use texts without cut-off keys for that).
 */
async function run(chunks: Uint8Array[]): Promise<{ out: Uint8Array; heldAfter: number[] }> {
  const { readable, writable } = createScrubber(secret);
  const writer = writable.getWriter();
  const reader = readable.getReader();
  const out: number[] = [];
  const heldAfter: number[] = [];
  let written = 0;
  let passed = 0;
  const take = (value: Uint8Array) => {
    out.push(...value);
    passed += dec(value) === "[redacted]" ? KEY.length : value.byteLength;
  };
  const pending: Array<Promise<unknown>> = [];
  let read = reader.read();
  for (const chunk of chunks) {
    pending.push(writer.write(chunk));
    written += chunk.byteLength;
    // Everything the chunk released is readable now; stop at the first read that would wait (and keep it).
    for (;;) {
      const next = await Promise.race([read, new Promise<null>((r) => setTimeout(() => r(null), 0))]);
      if (next === null || next.done) break;
      take(next.value);
      read = reader.read();
    }
    heldAfter.push(written - passed);
  }
  pending.push(writer.close());
  for (let next = await read; !next.done; next = await reader.read()) take(next.value);
  await Promise.all(pending);
  return { out: new Uint8Array(out), heldAfter };
}

describe("scrubText", () => {
  const cases: Array<[string, string, string]> = [
    ["the whole key", `Bearer ${KEY}`, "Bearer [redacted]"],
    ["each of several", `${KEY}/${KEY}`, "[redacted]/[redacted]"],
    ["a cut-off key of 8+ characters", `bad key: ${KEY.slice(0, 12)}`, "bad key: [redacted]"],
    ["a prefix followed by other text", `${KEY.slice(0, 9)}!`, "[redacted]!"],
  ];
  for (const [what, input, output] of cases) {
    it(`replaces ${what}`, () => {
      expect(scrubText(input, secret)).toBe(output);
      expect(containsSecret(input, secret)).toBe(true);
    });
  }

  it("leaves a stub of 7 characters, other text and non-ASCII text alone", () => {
    for (const text of [`${KEY.slice(0, 7)} is not enough`, "café ☕ 東京 \u{1F600}", "sk-live", ""]) {
      expect(scrubText(text, secret)).toBe(text);
      expect(containsSecret(text, secret)).toBe(false);
    }
  });

  it("matches a short key only whole", () => {
    const short = secretOf("abc12") as Secret;
    expect(scrubText("abc12 abc1 abc123", short)).toBe("[redacted] abc1 [redacted]3");
  });
});

describe("createScrubber", () => {
  const text = `data: {"k":"${KEY}"}\n\n: ${KEY.slice(0, 10)} cut\n\ndata: ${KEY.slice(0, 7)}x and Bearer ${KEY}\n\nend ${KEY.slice(0, 5)}`;
  const whole = scrubText(text, secret);

  it("gives the same output for every two-way split as for the whole", async () => {
    const bytes = enc(text);
    for (let cut = 0; cut <= bytes.byteLength; cut++) {
      const { out } = await run([bytes.subarray(0, cut), bytes.subarray(cut)]);
      expect(dec(out), `cut at ${cut}`).toBe(whole);
    }
  });

  it("gives the same output when fed one byte at a time", async () => {
    const { out } = await run([...enc(text)].map((b) => new Uint8Array([b])));
    expect(dec(out)).toBe(whole);
  });

  it("holds back at most key.length - 1 bytes, and only while they could still be the key", async () => {
    const plain = `x ${KEY} y ${KEY.slice(0, 5)}z ${KEY}`;
    const { out, heldAfter } = await run([...enc(plain)].map((b) => new Uint8Array([b])));
    expect(dec(out)).toBe(`x [redacted] y ${KEY.slice(0, 5)}z [redacted]`);
    expect(Math.max(...heldAfter)).toBe(KEY.length - 1);
    // Held while the key builds up, released at the byte that completes it or rules it out.
    expect(heldAfter.slice(2, 2 + KEY.length)).toEqual([...Array.from({ length: KEY.length - 1 }, (_, i) => i + 1), 0]);
  });

  it("holds nothing back after a complete SSE event, or after text that cannot start the key", async () => {
    const { heldAfter } = await run([enc('data: {"a":1}\n\n'), enc("plain words, no s-k"), enc(`then ${KEY.slice(0, 3)}`)]);
    expect(heldAfter).toEqual([0, 0, 3]);
  });

  it("passes every byte value through unchanged when the key is absent (binary bodies)", async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const { out } = await run([bytes.subarray(0, 1000), bytes.subarray(1000)]);
    expect([...out]).toEqual([...bytes]);
  });
});
