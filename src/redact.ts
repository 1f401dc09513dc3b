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
