import { KeyInStreamError } from "./errors/stream.js";

/** What replaces a secret wherever it would have appeared. */
export const REDACTED = "[redacted]";

/**
 * A leak is any of a secret's fixed, block-aligned BLOCK-character pieces (the last one ends at the secret's end),
 * so any run of 2·BLOCK−1 characters, any prefix or suffix of BLOCK, and the whole secret are caught. Fixed blocks
 * rather than "the longest matching run": a guess that gets 7 of 8 characters right changes nothing, so what the
 * scrubber does tells an attacker nothing short of guessing a whole block (no prefix-extending or sliding oracle).
 */
export const BLOCK = 8;

/** The pieces of `secret` whose presence counts as a leak. */
export function blocksOf(secret: string): string[] {
  if (secret.length <= BLOCK) return [secret];
  const out: string[] = [];
  for (let at = 0; at + BLOCK <= secret.length; at += BLOCK) out.push(secret.slice(at, at + BLOCK));
  if (secret.length % BLOCK) out.push(secret.slice(-BLOCK));
  return out;
}

// JSON string escapes, decoded as a browser's JSON.parse would (one level): \uXXXX in any case, \/, \", \\, \n…
const ESCAPE = /\\(?:u([0-9a-fA-F]{4})|([^]))/g;
const SIMPLE: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
const unescapeOnce = (text: string): string =>
  text.replace(ESCAPE, (_, hex: string | undefined, char: string) => (hex ? String.fromCharCode(parseInt(hex, 16)) : (SIMPLE[char] ?? char)));

/**
 * Whether `text` holds a block of a secret as written or once decoded, up to three levels of JSON escaping deep
 * (a tool call's arguments are JSON inside a JSON string: the browser parses twice). Surrogate pairs need nothing
 * special: each `\uXXXX` becomes one UTF-16 unit and the pair forms in the string.
 */
export function holdsSecret(text: string, blocks: readonly string[]): boolean {
  for (let level = 0; ; level++) {
    for (const block of blocks) if (text.includes(block)) return true;
    if (level === 3 || !text.includes("\\")) return false;
    const decoded = unescapeOnce(text);
    if (decoded === text) return false;
    text = decoded;
  }
}

/**
 * Returns `value` with the secrets scrubbed, deeply (strings, arrays, plain objects). Servers and proxies
 * sometimes echo the Authorization header back in an error body.
 */
export function redact<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  return redactValue(value, secrets, secrets.flatMap(blocksOf), 0) as T;
}

function redactValue(value: unknown, secrets: readonly string[], blocks: readonly string[], depth: number): unknown {
  if (typeof value === "string") return scrub(value, secrets, blocks);
  if (typeof value !== "object" || value === null || depth > 32) return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets, blocks, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[scrub(key, secrets, blocks)] = redactValue(item, secrets, blocks, depth + 1);
  return out;
}

/**
 * A string without the secrets: each whole, verbatim secret becomes `[redacted]` (an error message stays readable);
 * a string that still holds a piece of one, escaped or split, is replaced whole, never trimmed around the match.
 */
function scrub(text: string, secrets: readonly string[], blocks: readonly string[]): string {
  if (!holdsSecret(text, blocks)) return text;
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return holdsSecret(out, blocks) ? REDACTED : out;
}

/** `text` scrubbed of `secrets` (see `redact`). */
export function redactString(text: string, secrets: readonly string[]): string {
  return secrets.length ? scrub(text, secrets, secrets.flatMap(blocksOf)) : text;
}

/** Secrets shorter than this are not real keys; redacting them would shred ordinary text. */
const MIN_SECRET_LENGTH = 4;

/** The strings to scrub for a key, including the token of a caller-supplied Authorization header. */
export function secretsOf(apiKey: string, authorization?: string | null): string[] {
  const secrets = new Set<string>();
  for (const candidate of [apiKey, authorization?.replace(/^\s*bearer\s+/i, "")]) {
    const trimmed = candidate?.trim();
    if (trimmed && trimmed.length >= MIN_SECRET_LENGTH) secrets.add(trimmed);
  }
  return [...secrets];
}

/** Scrubs one request's secrets from anything built from its answer: values, raw bytes, text cut short. */
export interface Redactor {
  /** `value` with the secrets scrubbed, deeply (see `redact`). */
  redact<T>(value: T): T;
  /** Throws `KeyInStreamError` when bytes or text hold a piece of a secret, in any JSON escaping: callers fail closed. */
  check(data: Uint8Array | string): void;
  /** Text cut at an arbitrary point, its last (longest secret − 1) characters dropped: a secret's start may dangle there. */
  trimCut(text: string): string;
}

const decoder = /* @__PURE__ */ new TextDecoder();

/** A `Redactor` for `secrets` (kept in its closure, never exposed). */
export function createRedactor(secrets: readonly string[]): Redactor {
  const blocks = secrets.flatMap(blocksOf);
  return {
    redact: (value) => (secrets.length ? (redactValue(value, secrets, blocks, 0) as typeof value) : value),
    // One native decode and a few native searches beat a byte-by-byte scan in JS (the relay's hot path).
    check(data) {
      if (blocks.length && holdsSecret(typeof data === "string" ? data : decoder.decode(data), blocks)) throw new KeyInStreamError();
    },
    // A fixed tail, whatever the text: trimming only where it matches the key would tell which prefix matched.
    trimCut: (text) => (secrets.length ? text.slice(0, Math.max(0, text.length - Math.max(...secrets.map((secret) => secret.length)) + 1)) : text),
  };
}
