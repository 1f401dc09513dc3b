// src/redact.ts: the key scrubbed from values, bytes and cut text (fail closed on a piece of it, in any JSON escaping),
// and the strings that count as the key.
import { describe, expect, it } from "vitest";
import { KeyInStreamError } from "../src/errors/stream.js";
import { BLOCK, blocksOf, createRedactor, holdsSecret, redact, REDACTED, redactString, secretsOf } from "../src/redact.js";

const KEY = "sk-redact-0123456789abcdef";
const enc = new TextEncoder();
const blocks = blocksOf(KEY);
const u = (s: string) => [...s].map((c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0")).join("");

describe("redact", () => {
  it("replaces every whole key deeply: strings, arrays, object keys; leaves other values as they are", () => {
    const value = { a: `x ${KEY} y ${KEY}`, list: [KEY, 1, null, { [KEY]: true }], n: 5 };
    expect(redact(value, [KEY])).toEqual({ a: `x ${REDACTED} y ${REDACTED}`, list: [REDACTED, 1, null, { [REDACTED]: true }], n: 5 });
    expect(redact(value, [])).toBe(value);
  });

  it("replaces a string holding only a piece of the key, or an escaped key, whole (never trimmed around the match)", () => {
    expect(redactString(`echo ${KEY.slice(0, BLOCK)} and more`, [KEY])).toBe(REDACTED);
    expect(redactString(`echo ${KEY.slice(3, 3 + 2 * BLOCK - 1)}`, [KEY])).toBe(REDACTED);
    expect(redactString(`echo ${u(KEY)}`, [KEY])).toBe(REDACTED);
    expect(redactString(`ok ${KEY} but ${KEY.slice(-BLOCK)}`, [KEY])).toBe(REDACTED);
    expect(redactString(`harmless ${KEY.slice(1, BLOCK)} text`, [KEY])).toBe(`harmless ${KEY.slice(1, BLOCK)} text`);
  });

  it("secretsOf: the key and a caller's Authorization token, trimmed, without 'Bearer', never a short string", () => {
    expect(secretsOf(` ${KEY} `, `Bearer other-token-42`)).toEqual([KEY, "other-token-42"]);
    expect(secretsOf(KEY, `bearer ${KEY}`)).toEqual([KEY]);
    expect(secretsOf("abc")).toEqual([]);
  });
});

describe("blocks and escapes", () => {
  it("blocksOf: aligned BLOCK-character pieces and the last BLOCK characters; a short key is one block", () => {
    expect(blocksOf(KEY)).toEqual(["sk-redac", "t-012345", "6789abcd", "def".padStart(BLOCK, KEY.slice(-BLOCK, -3))]);
    expect(blocksOf("short")).toEqual(["short"]);
  });

  it("catches every run of 2·BLOCK−1 characters and every prefix and suffix of BLOCK, and no run of BLOCK−1", () => {
    for (let at = 0; at + 2 * BLOCK - 1 <= KEY.length; at++) expect(holdsSecret(`x${KEY.slice(at, at + 2 * BLOCK - 1)}x`, blocks), `run at ${at}`).toBe(true);
    expect(holdsSecret(KEY.slice(0, BLOCK), blocks)).toBe(true);
    expect(holdsSecret(KEY.slice(-BLOCK), blocks)).toBe(true);
    for (let at = 0; at + BLOCK - 1 <= KEY.length; at++) expect(holdsSecret(KEY.slice(at, at + BLOCK - 1), blocks), `short run at ${at}`).toBe(false);
  });

  it("decodes what JSON.parse would: \\u in either case, \\/, mixed, surrogate pairs, up to three levels deep", () => {
    const slashKey = "ab/cd/ef/gh/ij/kl";
    expect(holdsSecret(slashKey.replaceAll("/", "\\/"), blocksOf(slashKey))).toBe(true);
    expect(holdsSecret(u(KEY).toUpperCase().replaceAll("\\U", "\\u"), blocks)).toBe(true);
    expect(holdsSecret(KEY.slice(0, 5) + u(KEY.slice(5, 9)) + KEY.slice(9), blocks)).toBe(true);
    const astral = "key😀with-astral-chars";
    expect(holdsSecret(JSON.stringify(astral).replace("😀", "\\ud83d\\uDE00"), blocksOf(astral))).toBe(true);
    const twice = JSON.stringify(JSON.stringify({ k: u(KEY) }));
    expect(holdsSecret(twice, blocks)).toBe(true);
    expect(holdsSecret(`\\u0073k-red`, blocks)).toBe(false);
  });
});

describe("createRedactor", () => {
  const redactor = createRedactor([KEY]);

  it("check: passes bytes and text with no piece of the key in any escaping, throws KeyInStreamError on a piece", () => {
    expect(() => redactor.check(enc.encode(`data: héllo ${KEY.slice(0, BLOCK - 1)} almost \\n\\u0041\n\n`))).not.toThrow();
    for (const dirty of [`data: "ключ ${KEY}"\n\n`, `data: "${u(KEY)}"\n\n`, `: ${KEY.slice(2, 2 + 2 * BLOCK - 1)}\n`]) {
      expect(() => redactor.check(enc.encode(dirty)), dirty).toThrow(KeyInStreamError);
      expect(() => redactor.check(dirty), dirty).toThrow(KeyInStreamError);
    }
    expect(() => createRedactor([]).check(KEY)).not.toThrow();
  });

  it("trimCut drops a fixed tail (longest secret − 1 characters), whatever the text, so it reveals nothing", () => {
    const text = "x".repeat(100);
    expect(redactor.trimCut(text)).toBe("x".repeat(100 - (KEY.length - 1)));
    const cut = `a long error body that ends in ${KEY.slice(0, 9)}`;
    expect(redactor.trimCut(cut)).toBe(cut.slice(0, cut.length - (KEY.length - 1)));
    expect(createRedactor([]).trimCut(text)).toBe(text);
  });
});
