// Loopback load check (bounded, not timed): 200 concurrent streaming chats through the example
// Worker in workerd; every stream must complete and be byte-identical to what the upstream sent.
// The numbers are printed for the record, never asserted on.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { FAKE_KEY, ROOT, bundleWorker, startTaggingProxy, startWorker, type TaggingProxy, type WorkerHandle } from "./worker-harness.js";

const STREAMS = 200;
const FIXTURE_SSE = readFileSync(path.join(ROOT, "test/fixtures/chat-stream.sse"));
const HEARTBEATS = /^(: waiting for the model\n\n)+/;

let proxy: TaggingProxy;
let worker: WorkerHandle;

beforeAll(async () => {
  proxy = await startTaggingProxy(`http://127.0.0.1:${inject("upstreamPort")}`);
  // Every upstream answer arrives in 64-byte writes 20 ms apart, so the streams overlap.
  proxy.tag(undefined, { chunkSize: 64, chunkDelayMs: 20 });
  proxy.holdUntil(STREAMS);
  // Every caller is one loopback client here: the bucket must hold all of them.
  worker = await startWorker(await bundleWorker(), { DEEPINFRA_API_KEY: FAKE_KEY, DEEPINFRA_BASE_URL: proxy.url, RATE_LIMIT_REQUESTS: String(STREAMS * 2) });
});
afterAll(async () => {
  await worker?.close();
  await proxy?.close();
});

it(`streams ${STREAMS} concurrent chats to completion, each byte-identical to the upstream's`, async () => {
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: STREAMS }, async (_, i) => {
      const res = await worker.fetch("/api/chat", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ messages: [{ role: "user", content: `stream ${i}` }] }),
      });
      const firstByteMs = performance.now() - started;
      const text = Buffer.from(await res.arrayBuffer()).toString("latin1");
      // A stream whose upstream headers took longer than HEARTBEAT_MS starts with SSE comments; the rest must match.
      const body = text.replace(HEARTBEATS, "");
      return { status: res.status, bytes: Buffer.from(body, "latin1"), waited: body !== text, firstByteMs, doneMs: performance.now() - started };
    }),
  );
  const wallMs = performance.now() - started;

  expect(results.map((r) => r.status)).toEqual(Array(STREAMS).fill(200));
  const identical = results.filter((r) => r.bytes.equals(FIXTURE_SSE)).length;
  expect(identical).toBe(STREAMS);
  // The proxy held every upstream call until all were open: they really ran at once.
  expect(proxy.maxOpen).toBe(STREAMS);

  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const pct = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
  const headers = results.map((r) => r.firstByteMs);
  const done = results.map((r) => r.doneMs);
  console.log(
    `[load] ${STREAMS} streams, ${identical} byte-identical (${FIXTURE_SSE.length} B each, ${Math.round((STREAMS * FIXTURE_SSE.length) / 1024)} KiB total); ` +
      `${results.filter((r) => r.waited).length} began with heartbeat comments; peak upstream concurrency ${proxy.maxOpen}; wall ${Math.round(wallMs)} ms; ` +
      `headers p50 ${Math.round(pct(headers, 50))} / p95 ${Math.round(pct(headers, 95))} ms; complete p50 ${Math.round(pct(done, 50))} / p95 ${Math.round(pct(done, 95))} ms`,
  );
});
