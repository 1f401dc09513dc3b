// src/redact.ts: the key replaced in values, bytes and cut text, and the strings that count as the key.
import { describe, expect, it } from "vitest";
import { createRedactor, redact, REDACTED, secretsOf } from "../src/redact.js";

const KEY = "sk-redact-0123456789abcdef";
const enc = new TextEncoder();
const dec = new TextDecoder();

describe("redact", () => {
  it("replaces every occurrence deeply: strings, arrays, object keys; leaves other values as they are", () => {
    const value = { a: `x ${KEY} y ${KEY}`, list: [KEY, 1, null, { [KEY]: true }], n: 5 };
    expect(redact(value, [KEY])).toEqual({ a: `x ${REDACTED} y ${REDACTED}`, list: [REDACTED, 1, null, { [REDACTED]: true }], n: 5 });
    expect(redact(value, [])).toBe(value);
  });

  it("secretsOf: the key and a caller's Authorization token, trimmed, without 'Bearer', never a short string", () => {
    expect(secretsOf(` ${KEY} `, `Bearer other-token-42`)).toEqual([KEY, "other-token-42"]);
    expect(secretsOf(KEY, `bearer ${KEY}`)).toEqual([KEY]);
    expect(secretsOf("abc")).toEqual([]);
  });
});

describe("createRedactor", () => {
  const redactor = createRedactor([KEY]);

  it("redactBytes: the same array when the key is absent, scrubbed bytes when present (multibyte text intact)", () => {
    const clean = enc.encode("data: héllo sk-redact-0123 almost\n\n");
    expect(redactor.redactBytes(clean)).toBe(clean);
    const dirty = enc.encode(`data: "ключ ${KEY}"\n\n`);
    expect(dec.decode(redactor.redactBytes(dirty))).toBe(`data: "ключ ${REDACTED}"\n\n`);
  });

  it("trimCut drops a dangling start of the key from text cut short, and nothing else", () => {
    expect(redactor.trimCut(`body ends in ${KEY.slice(0, 9)}`)).toBe("body ends in ");
    expect(redactor.trimCut("body ends normally")).toBe("body ends normally");
    expect(redactor.trimCut(`whole ${REDACTED}`)).toBe(`whole ${REDACTED}`);
  });
});
