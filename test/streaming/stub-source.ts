// A ByteSource over fixed chunks, for stream tests that need no upstream: records cancel() and can scrub a secret.
import type { ByteReadResult, ByteSource } from "../../src/body-reader.js";
import { createRedactor, redact } from "../../src/redact.js";

export interface StubSource extends ByteSource {
  readonly cancelled: boolean;
  readonly reads: number;
}

/** Serves `chunks` (strings are UTF-8 encoded) one per read, then `done`. */
export function stubSource(chunks: Array<string | Uint8Array>, secrets: string[] = []): StubSource {
  const encoder = new TextEncoder();
  const queue = chunks.map((chunk) => (typeof chunk === "string" ? encoder.encode(chunk) : chunk));
  const redactor = createRedactor(secrets);
  let cancelled = false;
  let reads = 0;
  return {
    get cancelled() {
      return cancelled;
    },
    get reads() {
      return reads;
    },
    async read(): Promise<ByteReadResult> {
      reads++;
      const value = queue.shift();
      return value ? { done: false, value } : { done: true, value: undefined };
    },
    cancel() {
      cancelled = true;
    },
    redact: (value) => redact(value, secrets),
    check: (data) => redactor.check(data),
  };
}

/** Splits `text` into `size`-byte chunks. */
export function chunked(text: string, size: number): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(bytes.slice(at, at + size));
  return out;
}

/** One `data:` event per payload, then `[DONE]`. */
export function sse(...payloads: Array<object | string>): string {
  return payloads.map((p) => `data: ${typeof p === "string" ? p : JSON.stringify(p)}\n\n`).join("") + "data: [DONE]\n\n";
}
