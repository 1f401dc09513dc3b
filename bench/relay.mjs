#!/usr/bin/env node
// Relay bench (issue 13): `ChatStream.toReadableStream()` relaying one 20 MiB SSE event, as a ratio
// to the same content split into 4 KiB events, in Node and in workerd (Miniflare), target ≤ 1.5×; and
// the example Worker's key scrubber over that answer (and over text dense with key-like runs), as a
// ratio to an identity TransformStream. Medians of BENCH_ROUNDS (default 5) after one warm-up round;
// nothing is asserted.
// Needs a build: `npm run build --silent && node --expose-gc bench/relay.mjs`; BENCH_SDK=<path to a
// built index.js> measures another build (an older commit's, for a before/after).
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { Miniflare } from "miniflare";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONTENT_BYTES = 20 * 1024 * 1024;
const SPLIT_BYTES = 4 * 1024;
/** Network-sized reads: the relay sees the event arrive 64 KiB at a time. */
const READ_BYTES = 64 * 1024;
const KEY = "bench-key-0123456789abcdef0123456789";

const dist = path.resolve(process.env.BENCH_SDK ?? path.join(ROOT, "dist/index.js"));
if (!existsSync(dist)) throw new Error(`${dist} is missing: run \`npm run build\` first.`);
const { ChatStream } = await import(pathToFileURL(dist).href);

// The payload builder is shared by the Node rows and the workerd Worker (it is inlined there as text).
const PAYLOAD_SOURCE = `
function payload(shape, contentBytes, splitBytes) {
  const chunk = (content, finish) => "data: " + JSON.stringify({ id: "c1", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: content === undefined ? {} : { content }, finish_reason: finish }] }) + "\\n\\n";
  const parts = [];
  if (shape === "single") parts.push(chunk("a".repeat(contentBytes), null));
  else {
    const piece = "a".repeat(splitBytes);
    for (let sent = 0; sent < contentBytes; sent += splitBytes) parts.push(chunk(sent + splitBytes <= contentBytes ? piece : piece.slice(0, contentBytes - sent), null));
  }
  parts.push(chunk(undefined, "stop"), "data: [DONE]\\n\\n");
  return new TextEncoder().encode(parts.join(""));
}
function sourceOf(bytes, readBytes) {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.subarray(at, at + readBytes));
      at += readBytes;
    },
  });
}`;
const { payload, sourceOf } = new Function(`${PAYLOAD_SOURCE}; return { payload, sourceOf };`)();

async function drain(stream) {
  const reader = stream.getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes;
    bytes += value.byteLength;
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

/** Runs `fns` (name → async () => ms) interleaved for ROUNDS rounds after a warm-up; medians by name. */
async function measure(fns) {
  const times = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let round = 0; round <= ROUNDS; round++) {
    for (const [name, fn] of Object.entries(fns)) {
      globalThis.gc?.();
      const ms = await fn();
      if (round > 0) times[name].push(ms);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

const bodies = { single: payload("single", CONTENT_BYTES, SPLIT_BYTES), split: payload("split", CONTENT_BYTES, SPLIT_BYTES) };

// --- Node: the built SDK ---------------------------------------------------------------------
async function relayInNode(shape) {
  const bytes = bodies[shape];
  const started = performance.now();
  const response = new Response(sourceOf(bytes, READ_BYTES), { headers: { "content-type": "text/event-stream" } });
  const stream = await ChatStream.fromResponse(response, { maxEventBytes: 64 * 1024 * 1024 });
  const out = await drain(stream.toReadableStream());
  if (out !== bytes.byteLength) throw new Error(`relay in Node (${shape}) sent ${out} of ${bytes.byteLength} bytes`);
  return performance.now() - started;
}

// --- workerd: the same SDK bundled into a Worker; Node times the whole answer over loopback ---
const worker = await build({
  stdin: {
    contents: `import { ChatStream } from "${dist.replaceAll("\\", "/")}";
${PAYLOAD_SOURCE}
const cache = {};
export default {
  async fetch(request) {
    const shape = new URL(request.url).searchParams.get("shape");
    const bytes = (cache[shape] ??= payload(shape, ${CONTENT_BYTES}, ${SPLIT_BYTES}));
    const upstream = new Response(sourceOf(bytes, ${READ_BYTES}), { headers: { "content-type": "text/event-stream" } });
    const stream = await ChatStream.fromResponse(upstream, { maxEventBytes: 64 * 1024 * 1024 });
    return new Response(stream.toReadableStream());
  },
};`,
    resolveDir: ROOT,
    loader: "js",
  },
  bundle: true,
  format: "esm",
  platform: "browser",
  conditions: ["workerd", "worker", "browser"],
  write: false,
  logLevel: "silent",
});
const mf = new Miniflare({ modules: true, script: worker.outputFiles[0].text, compatibilityDate: "2026-04-01" });
const base = (await mf.ready).origin;
async function relayInWorkerd(shape) {
  const started = performance.now();
  const res = await fetch(`${base}/?shape=${shape}`);
  const out = await drain(res.body);
  if (out !== bodies[shape].byteLength) throw new Error(`relay in workerd (${shape}) sent ${out} of ${bodies[shape].byteLength} bytes`);
  return performance.now() - started;
}

// --- the example Worker's key scrubber (examples/worker/scrub.ts), bundled for Node -------------
const scrubModule = await build({ entryPoints: [path.join(ROOT, "examples/worker/scrub.ts")], bundle: true, format: "esm", platform: "neutral", write: false, logLevel: "silent" });
const { createScrubber, secretOf } = await import(`data:text/javascript;base64,${Buffer.from(scrubModule.outputFiles[0].text).toString("base64")}`);
// Text full of the key's first byte, the scrubber's worst case (every one is a candidate to check).
const keyish = new TextEncoder().encode(`data: ${"b".repeat(40)}${KEY.slice(0, 6)}xx\n\n`.repeat(Math.ceil(CONTENT_BYTES / 56)));
async function through(bytes, transform) {
  const started = performance.now();
  const out = await drain(sourceOf(bytes, READ_BYTES).pipeThrough(transform));
  if (out !== bytes.byteLength) throw new Error(`scrubber passed ${out} of ${bytes.byteLength} bytes`);
  return performance.now() - started;
}

try {
  const node = await measure({ single: () => relayInNode("single"), split: () => relayInNode("split") });
  const workerd = await measure({ single: () => relayInWorkerd("single"), split: () => relayInWorkerd("split") });
  const scrub = await measure({
    identity: () => through(bodies.split, new TransformStream()),
    scrubber: () => through(bodies.split, createScrubber(secretOf(KEY))),
    worstIdentity: () => through(keyish, new TransformStream()),
    worstScrubber: () => through(keyish, createScrubber(secretOf(KEY))),
  });
  const mib = (n) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
  console.log(`# Relay bench (${new Date().toISOString().slice(0, 10)}; Node ${process.version}; ${path.relative(ROOT, dist)}; ${ROUNDS} rounds, medians)\n`);
  console.log(`| row | baseline | measured | ratio |`);
  console.log(`| --- | --- | --- | --- |`);
  console.log(`| relay in Node: one ${mib(bodies.single.byteLength)} event vs ${mib(bodies.split.byteLength)} in 4 KiB events (target ≤ 1.5×) | ${fmt(node.split)} ms | ${fmt(node.single)} ms | **${(node.single / node.split).toFixed(2)}×** |`);
  console.log(`| relay in workerd: the same, whole answer timed from Node (target ≤ 1.5×) | ${fmt(workerd.split)} ms | ${fmt(workerd.single)} ms | **${(workerd.single / workerd.split).toFixed(2)}×** |`);
  console.log(`| Worker key scrubber vs identity TransformStream: the ${mib(bodies.split.byteLength)} SSE answer | ${fmt(scrub.identity)} ms | ${fmt(scrub.scrubber)} ms | **${(scrub.scrubber / scrub.identity).toFixed(2)}×** |`);
  console.log(`| the same, worst case: ${mib(keyish.byteLength)} dense with the key's first letters | ${fmt(scrub.worstIdentity)} ms | ${fmt(scrub.worstScrubber)} ms | **${(scrub.worstScrubber / scrub.worstIdentity).toFixed(2)}×** |`);
} finally {
  await mf.dispose();
}
