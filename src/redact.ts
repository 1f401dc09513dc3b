/** What replaces a secret wherever it would have appeared. */
export const REDACTED = "[redacted]";

/**
 * Returns `value` with every occurrence of each secret replaced, deeply (strings, arrays, plain
 * objects). Servers and proxies sometimes echo the Authorization header back in an error body.
 */
export function redact<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  return redactValue(value, secrets, 0) as T;
}

function redactValue(value: unknown, secrets: readonly string[], depth: number): unknown {
  if (typeof value === "string") return redactString(value, secrets);
  if (typeof value !== "object" || value === null || depth > 32) return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[redactString(key, secrets)] = redactValue(item, secrets, depth + 1);
  return out;
}

/** Replaces each secret in a string. */
export function redactString(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
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
  /** `value` with every secret replaced, deeply. */
  redact<T>(value: T): T;
  /** Bytes with every secret replaced: the same array when none occurs (the relay's hot path). */
  redactBytes(bytes: Uint8Array): Uint8Array;
  /** Text cut at an arbitrary point, without the start of a secret left dangling at its end. */
  trimCut(text: string): string;
}

/** A `Redactor` for `secrets` (kept in its closure, never exposed). */
export function createRedactor(secrets: readonly string[]): Redactor {
  const encoder = new TextEncoder();
  let secretBytes: Uint8Array[] | undefined;
  return {
    redact: (value) => redact(value, secrets),
    redactBytes(bytes) {
      secretBytes ??= secrets.map((secret) => encoder.encode(secret));
      if (!secretBytes.some((secret) => includesBytes(bytes, secret))) return bytes;
      return encoder.encode(redactString(new TextDecoder().decode(bytes), secrets));
    },
    trimCut(text) {
      for (const secret of secrets) {
        for (let length = Math.min(secret.length - 1, text.length); length > 0; length--) {
          if (text.endsWith(secret.slice(0, length))) return text.slice(0, text.length - length);
        }
      }
      return text;
    },
  };
}

/** Whether `needle` occurs in `haystack`: native indexOf finds each candidate start, then a compare. */
function includesBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0] as number;
  const last = haystack.length - needle.length;
  for (let at = haystack.indexOf(first); at !== -1 && at <= last; at = haystack.indexOf(first, at + 1)) {
    let i = 1;
    while (i < needle.length && haystack[at + i] === needle[i]) i++;
    if (i === needle.length) return true;
  }
  return false;
}
