#!/usr/bin/env node
// `npm run build && node --expose-gc bench/features.mjs`: what issue 12's opt-in features cost, as ratios
// to baselines measured in the same run against the loopback bench server (bench/server.mjs).
//   1. Concurrency control when its limit is never reached: 1,000 small completions (sequential, and
//      50 at a time) with `concurrency` set vs the same client without it, as the median of paired
//      block ratios. Target ≤ 1.03×.
//   2. An embeddings cache hit (memoryCache) vs the loopback floor: a raw fetch + JSON.parse of the same
//      one-input embeddings request. Target: the hit ≥ 20× faster.
// Environment: BENCH_ROUNDS (default 7, plus one discarded warm-up round).
import { ConcurrencyLimiter, DeepInfra, memoryCache } from "../dist/index.js";
import { EMBED_INPUTS, EMBED_MODEL, MODEL, SMALL_CONTENT } from "./bodies.mjs";
import { startBenchServer } from "./server.mjs";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const SMALL_N = 1000;
const PARALLEL = 50;
const HITS = 2000;
const KEY = "bench-key-not-secret";
const gc = globalThis.gc ?? (() => {});

const server = await startBenchServer();
const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// ---- 1. concurrency overhead ------------------------------------------------------------------
const plain = new DeepInfra({ apiKey: KEY, baseURL: `${server.url}/small`, maxRetries: 0 });
// perModel at DeepInfra's 200 and total above the 50 in flight: every request is admitted at once.
const limited = new DeepInfra({ apiKey: KEY, baseURL: `${server.url}/small`, maxRetries: 0, concurrency: { perModel: 200, total: 1000 } });
const ask = async (client) => {
  const reply = await client.chat.completions.create({ model: MODEL, messages: [{ role: "user", content: "Say hello." }] });
  if (reply.choices[0].message.content !== SMALL_CONTENT) throw new Error("wrong answer");
};

/** `count` calls, `parallel` at a time; ms. */
async function block(client, count, parallel) {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        next++;
        await ask(client);
      }
    }),
  );
  return performance.now() - start;
}

// Each round runs the 1,000 calls of each client as 25 alternating blocks of 40; a block of one client and the
// next of the other make a pair, and the ratio is the median over every pair: drift (and other processes on a
// shared machine) moves both halves of a pair alike.
const PAIRS = 25;
const overhead = [];
for (const parallel of [1, PARALLEL]) {
  const ratios = [];
  const totals = { plain: [], limited: [] };
  for (let round = 0; round <= ROUNDS; round++) {
    const sums = { plain: 0, limited: 0 };
    for (let pair = 0; pair < PAIRS; pair++) {
      const order = (pair + round) % 2 ? ["plain", "limited"] : ["limited", "plain"];
      const time = {};
      for (const which of order) time[which] = await block(which === "plain" ? plain : limited, SMALL_N / PAIRS, parallel);
      sums.plain += time.plain;
      sums.limited += time.limited;
      if (round > 0) ratios.push(time.limited / time.plain);
    }
    gc();
    if (round === 0) continue;
    totals.plain.push(sums.plain);
    totals.limited.push(sums.limited);
  }
  if (limited.concurrency.active() !== 0 || limited.concurrency.queued !== 0) throw new Error("the limiter did not return every slot");
  overhead.push({ name: `${SMALL_N.toLocaleString("en")} small completions, ${parallel === 1 ? "sequential" : `${parallel} at a time`}`, plain: median(totals.plain), limited: median(totals.limited), ratio: median(ratios) });
}

// The limiter's own work per request (take a slot, give it back), without the network around it: what the
// ratios above can only bound, given the noise of a loopback round trip.
const limiter = new ConcurrencyLimiter({ perModel: 200, total: 1000 });
const spec = { method: "POST", path: "/v1/openai/chat/completions", body: { model: MODEL } };
const signal = new AbortController().signal;
const slotSamples = [];
for (let round = 0; round <= ROUNDS; round++) {
  const start = performance.now();
  for (let i = 0; i < 200_000; i++) (await limiter.beforeAttempt(spec, signal))();
  if (round > 0) slotSamples.push(((performance.now() - start) * 1000) / 200_000);
}
const slotUs = median(slotSamples);

// ---- 2. cache hit vs the loopback floor --------------------------------------------------------
const input = EMBED_INPUTS[0];
const embedURL = `${server.url}/embed/v1/openai/embeddings`;
async function floor() {
  const res = await fetch(embedURL, { method: "POST", headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" }, body: JSON.stringify({ model: EMBED_MODEL, input: [input] }) });
  const body = JSON.parse(await res.text());
  if (body.data.length !== 1) throw new Error("floor: wrong answer");
}
const cached = new DeepInfra({ apiKey: KEY, baseURL: `${server.url}/embed`, maxRetries: 0, cache: memoryCache() });
const first = await cached.embeddings.create({ model: EMBED_MODEL, input });
async function hit() {
  const reply = await cached.embeddings.create({ model: EMBED_MODEL, input });
  if (reply.usage.prompt_tokens !== 0 || reply.data[0].embedding.length !== first.data[0].embedding.length) throw new Error("hit: not from the cache");
}
/** Median µs per call over `HITS` calls, per round. */
async function perCall(fn) {
  const samples = [];
  for (let round = 0; round <= ROUNDS; round++) {
    gc();
    const start = performance.now();
    for (let i = 0; i < HITS; i++) await fn();
    if (round > 0) samples.push(((performance.now() - start) * 1000) / HITS);
  }
  return median(samples);
}
const floorUs = await perCall(floor);
const hitUs = await perCall(hit);
await server.close();

// ---- report -----------------------------------------------------------------------------------
const ms = (v) => `${v.toFixed(0)} ms`;
console.log(`\nissue 12 features, ${ROUNDS} rounds (+1 warm-up), medians; loopback ${server.url}\n`);
console.log("| benchmark | baseline | with the feature | ratio | target |");
console.log("| --- | --- | --- | --- | --- |");
for (const row of overhead) {
  console.log(`| concurrency control, limit not reached: ${row.name} | ${ms(row.plain)} (no \`concurrency\`) | ${ms(row.limited)} | **${row.ratio.toFixed(3)}×** | ≤ 1.03× ${row.ratio <= 1.03 ? "✔" : "✖"} |`);
}
const perCallUs = (overhead[0].plain * 1000) / SMALL_N;
console.log(`| concurrency control: the limiter's own work per request (take and give back a slot, awaited) | ${perCallUs.toFixed(0)} µs (one sequential loopback completion) | ${slotUs.toFixed(2)} µs | **${(1 + slotUs / perCallUs).toFixed(4)}×** | ≤ 1.03× ${slotUs / perCallUs <= 0.03 ? "✔" : "✖"} |`);
const speedup = floorUs / hitUs;
console.log(`| embeddings cache hit (memoryCache, 1 input × 768 dims) | ${floorUs.toFixed(0)} µs (loopback floor: fetch + JSON.parse) | ${hitUs.toFixed(1)} µs | **${speedup.toFixed(0)}× faster** | ≥ 20× ${speedup >= 20 ? "✔" : "✖"} |`);
