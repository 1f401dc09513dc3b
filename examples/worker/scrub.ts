// The last line of defence: every response this Worker sends (SSE, JSON, HTML, image bytes, headers)
// passes through here on its way out. The SDK already scrubs its own errors and events and the Worker
// echoes no request data; this catches what an echoing upstream or proxy puts anywhere else.
//
// It fails closed and gives nothing away: a response that holds the key, or any one of the key's
// aligned BLOCK-byte pieces (bytes 0–7, 8–15, …, and the last BLOCK), is withheld whole — a 502
// before the response starts, or the stream ended with one fixed error event after it started. It
// never substitutes in place: a replacement that grows with the match is an oracle (send the known
// start plus one guessed character, see how much was replaced). With aligned pieces, learning the
// next part of a key means guessing BLOCK characters at once, and the answer never says how close
// a guess came.

/** The length of the key pieces that count as the key. A key shorter than this is matched whole. */
const BLOCK = 8;
// windows-1252 ("latin1") turns each byte into one distinct UTF-16 unit, so a byte search becomes the
// engine's native String#indexOf at the same offsets (a byte loop in JS cost 3–30× more).
const bytesAsText = new TextDecoder("latin1");

/** The key's aligned pieces, as `bytesAsText` text. */
export interface Secret {
  blocks: string[];
}

/** Prepares `key` for scrubbing; undefined when there is nothing to hide. */
export function secretOf(key: string | undefined): Secret | undefined {
  if (!key) return undefined;
  const text = bytesAsText.decode(new TextEncoder().encode(key));
  if (text.length <= BLOCK) return { blocks: [text] };
  const blocks = new Set<string>();
  for (let at = 0; at + BLOCK <= text.length; at += BLOCK) blocks.add(text.slice(at, at + BLOCK));
  blocks.add(text.slice(-BLOCK));
  return { blocks: [...blocks] };
}

/** Whether `text` (a header, a log line, an error body) holds the key or one of its pieces. */
export function containsSecret(text: string, secret: Secret | undefined): boolean {
  return secret !== undefined && holdsBlock(bytesAsText.decode(new TextEncoder().encode(text)), secret);
}

function holdsBlock(text: string, secret: Secret): boolean {
  for (const block of secret.blocks) if (text.includes(block)) return true;
  return false;
}

/** How many bytes at the end of `text` could be the start of a piece (held until the next chunk decides). */
function undecidedTail(text: string, secret: Secret): number {
  for (let k = Math.min(BLOCK - 1, text.length); k >= 1; k--) {
    const tail = text.slice(-k);
    for (const block of secret.blocks) if (block.startsWith(tail)) return k;
  }
  return 0;
}

/**
 * A `TransformStream` that passes bytes without the key unchanged and, at the first piece of the key,
 * drops the chunk that holds it, writes `ending` and ends the stream (the upstream is cancelled). It
 * holds back at most BLOCK - 1 bytes between chunks, and only while they could start a piece.
 */
export function createScrubber(secret: Secret, ending: Uint8Array): TransformStream<Uint8Array, Uint8Array> {
  let carry: Uint8Array | undefined;
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      const data = carry ? join(carry, chunk) : chunk;
      const text = bytesAsText.decode(data);
      if (holdsBlock(text, secret)) {
        carry = undefined;
        controller.enqueue(ending);
        controller.terminate();
        return;
      }
      const held = undecidedTail(text, secret);
      if (data.byteLength > held) controller.enqueue(held ? data.slice(0, data.byteLength - held) : data);
      carry = held ? data.slice(data.byteLength - held) : undefined;
    },
    flush(controller) {
      if (carry) controller.enqueue(carry);
    },
  });
}

function join(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a);
  out.set(b, a.byteLength);
  return out;
}

/** What a visitor is told in place of an answer that held the key. */
export const WITHHELD = "The answer was withheld: it contained the server's credentials.";

/** The fixed 502 that replaces a whole response holding the key. */
function withheldResponse(headers: Headers): Response {
  const requestId = headers.get("x-request-id") ?? "";
  const out = new Headers({ "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" });
  if (requestId && /^[\w-]{1,64}$/.test(requestId)) out.set("x-request-id", requestId);
  // CORS headers come from configuration, never the request: kept so the page can read the 502.
  for (const name of ["access-control-allow-origin", "access-control-expose-headers", "vary"]) {
    const value = headers.get(name);
    if (value !== null) out.set(name, value);
  }
  const body = { error: { code: "response_withheld", message: WITHHELD, status: 502, request_id: requestId } };
  return new Response(JSON.stringify(body), { status: 502, headers: out });
}

/** The one event that ends a stream already started: the AI SDK's error part, or a standard `event: error`. */
function streamEnding(headers: Headers): Uint8Array {
  const text = headers.has("x-vercel-ai-ui-message-stream")
    ? `\n\ndata: ${JSON.stringify({ type: "error", errorText: `response_withheld: ${WITHHELD}` })}\n\n`
    : `\n\nevent: error\ndata: ${JSON.stringify({ error: { code: "response_withheld", message: WITHHELD } })}\n\n`;
  return new TextEncoder().encode(text);
}

/**
 * The response as it leaves. Headers and any body that is not an event stream are read whole and the
 * response is replaced by a fixed 502 when they hold the key; an event stream goes out as it comes
 * (tokens must not wait), through `createScrubber`. A body-less response (204, HEAD) stays body-less.
 */
export async function scrubResponse(response: Response, secret: Secret | undefined): Promise<Response> {
  if (!secret) return response;
  let leak = false;
  response.headers.forEach((value) => (leak ||= containsSecret(value, secret)));
  if (leak) {
    await response.body?.cancel();
    return withheldResponse(response.headers);
  }
  if (!response.body) return response;
  const init = { status: response.status, statusText: response.statusText, headers: response.headers };
  if (/^text\/event-stream\b/i.test(response.headers.get("content-type") ?? "")) {
    return new Response(response.body.pipeThrough(createScrubber(secret, streamEnding(response.headers))), init);
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (holdsBlock(bytesAsText.decode(bytes), secret)) return withheldResponse(response.headers);
  return new Response(bytes, init);
}
