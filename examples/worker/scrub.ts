// The last line of defence: every response this Worker sends (SSE, JSON, HTML, image bytes, headers)
// passes through here on its way out, and the API key is replaced wherever it appears. The SDK
// already scrubs its own errors and events; this catches what an echoing upstream or proxy puts
// anywhere else (a data: line, a comment, a successful answer).
//
// Besides the whole key, a cut-off key is caught too: any run of at least MIN_PREFIX of the key's
// first bytes (an excerpt cut mid-key still shows its start). A shorter stub can still get through.

const REPLACEMENT = new TextEncoder().encode("[redacted]");
/** Shortest key prefix treated as the key (a key shorter than this is matched whole only). */
const MIN_PREFIX = 8;
// windows-1252 ("latin1") turns each byte into one distinct UTF-16 unit, so a byte search becomes the
// engine's native String#indexOf at the same offsets; searching byte by byte in JS cost 3–30× more
// wherever the key's first letter is common (bench/relay.mjs has the scrubber row).
const bytesAsText = new TextDecoder("latin1");

/** The key's bytes, and the prefix that counts as a match (as bytes and as `bytesAsText` text). */
export interface Secret {
  bytes: Uint8Array;
  minMatch: number;
  prefix: string;
}

/** Prepares `key` for scrubbing; undefined when there is nothing to hide. */
export function secretOf(key: string | undefined): Secret | undefined {
  if (!key) return undefined;
  const bytes = new TextEncoder().encode(key);
  const minMatch = Math.min(bytes.byteLength, MIN_PREFIX);
  return { bytes, minMatch, prefix: bytesAsText.decode(bytes.subarray(0, minMatch)) };
}

/**
 * A `TransformStream` that replaces the key in bytes flowing through it. It holds back at most
 * `key.length - 1` bytes between chunks, and only while they could be the start of the key: an
 * SSE event ending in a blank line, or JSON ending in `}`, goes out at once.
 */
export function createScrubber(secret: Secret): TransformStream<Uint8Array, Uint8Array> {
  let carry: Uint8Array | undefined;
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      const data = carry ? join(carry, chunk) : chunk;
      const { pieces, rest } = scan(data, secret, false);
      for (const piece of pieces) if (piece.byteLength) controller.enqueue(piece);
      carry = rest.byteLength ? rest.slice() : undefined;
    },
    flush(controller) {
      if (!carry) return;
      for (const piece of scan(carry, secret, true).pieces) if (piece.byteLength) controller.enqueue(piece);
    },
  });
}

/** Replaces the key in a string (headers, error bodies). */
export function scrubText(text: string, secret: Secret | undefined): string {
  if (!secret) return text;
  const { pieces } = scan(new TextEncoder().encode(text), secret, true);
  return pieces.length === 1 ? text : new TextDecoder().decode(join(...pieces));
}

/** Whether `text` holds the key (or a prefix of it that `scrubText` would replace). */
export function containsSecret(text: string, secret: Secret | undefined): boolean {
  return secret !== undefined && scan(new TextEncoder().encode(text), secret, true).pieces.length !== 1;
}

/**
 * Splits `data` into pieces to send, with each match replaced, and the undecided tail: bytes that
 * could be the start of the key but run off the end. With `final` there is no next chunk: a tail
 * of at least `minMatch` bytes is a match, a shorter one is not.
 */
function scan(data: Uint8Array, secret: Secret, final: boolean): { pieces: Uint8Array[]; rest: Uint8Array } {
  const { bytes: key, minMatch, prefix } = secret;
  const text = bytesAsText.decode(data);
  const pieces: Uint8Array[] = [];
  let sent = 0;
  for (let at = text.indexOf(prefix); at !== -1; at = text.indexOf(prefix, sent)) {
    let matched = minMatch;
    while (matched < key.byteLength && at + matched < data.byteLength && data[at + matched] === key[matched]) matched++;
    if (!final && matched < key.byteLength && at + matched === data.byteLength) return { pieces: [...pieces, data.subarray(sent, at)], rest: data.subarray(at) };
    pieces.push(data.subarray(sent, at), REPLACEMENT);
    sent = at + matched;
  }
  if (!final) {
    // A key start shorter than the prefix at the very end: hold it for the next chunk.
    for (let k = Math.min(minMatch - 1, data.byteLength - sent); k >= 1; k--) {
      if (text.endsWith(prefix.slice(0, k))) return { pieces: [...pieces, data.subarray(sent, data.byteLength - k)], rest: data.subarray(data.byteLength - k) };
    }
  }
  pieces.push(data.subarray(sent));
  return { pieces, rest: data.subarray(data.byteLength) };
}

function join(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/**
 * The response as it leaves: body through the scrubber, header values scrubbed. A body-less
 * response (204, HEAD) stays body-less.
 */
export function scrubResponse(response: Response, secret: Secret | undefined): Response {
  if (!secret) return response;
  const headers = new Headers();
  response.headers.forEach((value, name) => headers.set(name, scrubText(value, secret)));
  const body = response.body ? response.body.pipeThrough(createScrubber(secret)) : null;
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
