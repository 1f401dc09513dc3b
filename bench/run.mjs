#!/usr/bin/env node
// `npm run bench`: every client against the same loopback server, in one process, interleaved per
// round; medians reported as ratios to the raw-fetch floor measured in the same run.
// Writes bench/results.md. Environment: BENCH_ROUNDS (default 5, plus one discarded warm-up round).
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { createRequire } from "node:module";
import v8 from "node:v8";
import { SMALL_CONTENT } from "./bodies.mjs";
import { CLIENTS } from "./clients.mjs";
import { startBenchServer } from "./server.mjs";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TTFT_DELAY_MS = 20;
const TTFT_REPS = 5;
const SMALL_N = 1000;
const CONCURRENCY = 50;
// The 1,000 requests run as 5 blocks of 200, clients interleaved per block: a shared machine drifts over seconds.
const BLOCKS = 5;

const server = await startBenchServer({ ttftDelayMs: TTFT_DELAY_MS });
const { bodies } = server;
const gc = globalThis.gc ?? (() => {});

/** bench name → client key → { times: number[], wrong?: string, na?: string } */
const results = new Map();
const record = (bench, client, patch) => {
  if (!results.has(bench)) results.set(bench, new Map());
  const row = results.get(bench);
  const cell = row.get(client) ?? { times: [] };
  if (patch.time !== undefined) cell.times.push(patch.time);
  if (patch.wrong) cell.wrong ??= patch.wrong;
  if (patch.na) cell.na = patch.na;
  if (patch.value !== undefined) cell.value = patch.value;
  row.set(client, cell);
};

const instances = new Map();
/** One client instance per (client, scenario), built outside timing. */
function adapter(client, scenario) {
  const id = `${client.key}:${scenario}`;
  if (!instances.has(id)) instances.set(id, client.make(`${server.url}/${scenario}`));
  return instances.get(id);
}

async function timed(fn) {
  const start = performance.now();
  const value = await fn();
  return { time: performance.now() - start, value };
}

const BENCHES = [
  {
    name: "stream decode: 20,000 chunks, ~4 MB",
    scenario: "stream",
    method: "stream",
    run: async (a) => {
      let chars = 0;
      const { time } = await timed(() => a.stream((t) => (chars += t.length)));
      return { time, wrong: chars === bodies.stream.chars ? undefined : `counted ${chars} chars, expected ${bodies.stream.chars}` };
    },
  },
  {
    name: `time to first token (first chunk delayed ${TTFT_DELAY_MS} ms)`,
    scenario: "ttft",
    method: "stream",
    run: async (a) => {
      const times = [];
      let wrong;
      for (let i = 0; i < TTFT_REPS; i++) {
        const start = performance.now();
        let first;
        let chars = 0;
        await a.stream((t) => {
          first ??= performance.now() - start;
          chars += t.length;
        });
        times.push(first);
        if (chars !== bodies.ttft.chars) wrong = `counted ${chars} chars, expected ${bodies.ttft.chars}`;
      }
      return { time: median(times), wrong };
    },
  },
  {
    name: `non-streaming: ${SMALL_N.toLocaleString("en")} small completions, sequential`,
    scenario: "small",
    method: "small",
    blocks: BLOCKS,
    run: async (a) => {
      let bad = 0;
      const { time } = await timed(async () => {
        for (let i = 0; i < SMALL_N / BLOCKS; i++) if ((await a.small()) !== SMALL_CONTENT) bad++;
      });
      return { time, wrong: bad ? `${bad} wrong answers` : undefined };
    },
  },
  {
    name: `non-streaming: ${SMALL_N.toLocaleString("en")} small completions, concurrency ${CONCURRENCY}`,
    scenario: "small",
    method: "small",
    blocks: BLOCKS,
    run: async (a) => {
      let bad = 0;
      let next = 0;
      const { time } = await timed(() =>
        Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            while (next < SMALL_N / BLOCKS) {
              next++;
              if ((await a.small()) !== SMALL_CONTENT) bad++;
            }
          }),
        ),
      );
      return { time, wrong: bad ? `${bad} wrong answers` : undefined };
    },
  },
  ...["float", "base64"].map((format) => ({
    name: `embeddings: 1,000 inputs × 768 dims, ${format}`,
    scenario: "embed",
    method: "embed",
    run: async (a) => {
      const { time, value } = await timed(() => a.embed(format));
      if (value === undefined) return { na: format === "base64" ? "no base64 option" : "not supported" };
      return { time, wrong: value === bodies.embed.sum ? undefined : `checksum ${value}, expected ${bodies.embed.sum}` };
    },
  })),
];

for (const bench of BENCHES) results.set(bench.name, new Map());

/**
 * Blocked benches: the first block was just run; run the others with the clients interleaved,
 * and report the sum. Called once per (bench, round), for the first client of the round.
 */
const blockSums = new Map();
async function mergeBlocks(bench, first, client, round) {
  const key = `${bench.name}:${round}`;
  if (!blockSums.has(key)) {
    const sums = new Map(CLIENTS.map((c) => [c.key, { time: 0, wrong: undefined, na: undefined }]));
    blockSums.set(key, sums);
    for (let block = 0; block < bench.blocks; block++) {
      for (let i = 0; i < CLIENTS.length; i++) {
        const c = CLIENTS[(i + block + round) % CLIENTS.length];
        const a = adapter(c, bench.scenario);
        const sum = sums.get(c.key);
        if (typeof a[bench.method] !== "function") continue;
        let outcome;
        try {
          outcome = await bench.run(a);
        } catch (error) {
          outcome = { wrong: `threw ${error?.name}: ${String(error?.message).slice(0, 120)}` };
        }
        sum.time += outcome.time ?? 0;
        sum.wrong ??= outcome.wrong;
      }
    }
  }
  void first; // the block the main loop ran is a warm-up for this round
  return blockSums.get(key).get(client.key);
}

console.log(`bench: ${ROUNDS} rounds (+1 warm-up) against ${server.url}`);
for (let round = 0; round <= ROUNDS; round++) {
  for (const bench of BENCHES) {
    // Rotate the order every round so no client always runs right after the same neighbour.
    const order = CLIENTS.map((_, i) => CLIENTS[(i + round) % CLIENTS.length]);
    for (const client of order) {
      const a = adapter(client, bench.scenario);
      if (typeof a[bench.method] !== "function") {
        record(bench.name, client.key, { na: client.key === "deepinfra" ? "no streaming API" : "not in this build" });
        continue;
      }
      gc();
      let outcome;
      try {
        outcome = await bench.run(a);
      } catch (error) {
        outcome = { wrong: `threw ${error?.name}: ${String(error?.message).slice(0, 120)}` };
      }
      if (bench.blocks) outcome = await mergeBlocks(bench, outcome, client, round);
      if (round === 0) {
        if (outcome.wrong || outcome.na) record(bench.name, client.key, outcome);
        continue;
      }
      record(bench.name, client.key, outcome.na ? { na: outcome.na } : { time: outcome.time, wrong: outcome.wrong });
    }
  }
  process.stdout.write(round === 0 ? "warm-up done\n" : `round ${round} done\n`);
}

// Memory: one pass each, heap sampled every 256 deltas while a ~100 MB stream is consumed.
const MEMORY = `peak heap growth while consuming a ${(bodies.huge.block.byteLength * bodies.huge.repeat / 1e6).toFixed(0)} MB stream`;
for (const client of CLIENTS) {
  const a = adapter(client, "huge");
  if (typeof a.stream !== "function") {
    record(MEMORY, client.key, { na: "no streaming API" });
    continue;
  }
  gc();
  gc();
  const base = v8.getHeapStatistics().used_heap_size;
  let peak = base;
  let chars = 0;
  let n = 0;
  try {
    const { time } = await timed(() =>
      a.stream((t) => {
        chars += t.length;
        if ((++n & 255) === 0) peak = Math.max(peak, v8.getHeapStatistics().used_heap_size);
      }),
    );
    const growth = (peak - base) / 1e6;
    record(MEMORY, client.key, { time: growth, value: time, wrong: chars === bodies.huge.chars ? undefined : `counted ${chars} chars, expected ${bodies.huge.chars}` });
  } catch (error) {
    record(MEMORY, client.key, { wrong: `threw ${error?.name}: ${String(error?.message).slice(0, 120)}` });
  }
  process.stdout.write(`memory: ${client.key} done\n`);
}
await server.close();

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const fmtMs = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
function cell(bench, key, floor) {
  const c = results.get(bench)?.get(key);
  if (!c) return "—";
  if (c.wrong) return `**wrong**: ${c.wrong}`;
  if (c.na) return `n/a (${c.na})`;
  const m = median(c.times);
  if (bench === MEMORY) return `${m.toFixed(1)} MB (${(c.value / 1000).toFixed(1)} s)`;
  if (key === "floor") return `${fmtMs(m)} ms`;
  return `**${(m / floor).toFixed(2)}×** (${fmtMs(m)} ms)`;
}

const header = `| benchmark | ${CLIENTS.map((c) => c.name).join(" | ")} |`;
const rule = `|${" --- |".repeat(CLIENTS.length + 1)}`;
const lines = [...results.keys()].map((bench) => {
  const floorCell = results.get(bench).get("floor");
  const floor = floorCell?.times.length ? median(floorCell.times) : NaN;
  return `| ${bench} | ${CLIENTS.map((c) => cell(bench, c.key, floor)).join(" | ")} |`;
});
const table = [header, rule, ...lines].join("\n");

const require = createRequire(import.meta.url);
// Read from node_modules directly: some peers do not export ./package.json.
const version = (name) => JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), "utf8")).version;
const cpu = os.cpus()[0]?.model ?? "unknown CPU";
const machine = `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
const versions = ["openai", "ai", "@ai-sdk/deepinfra", "deepinfra"].map((n) => `${n} ${version(n)}`).join(", ");
const doc = `# Benchmark results

Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}.

- Machine: ${machine}
- Peers: ${versions}; deepinfra-edge ${require("../package.json").version} (dist/index.js)
- Method: one Node process; a loopback \`node:http\` server (bench/server.mjs) writes prebuilt bodies; ${ROUNDS} rounds after a warm-up round, clients interleaved and rotated each round; each cell is the median, as a ratio to the floor (a hand-written \`fetch\` + \`TextDecoder\` + \`JSON.parse\` loop, bench/clients.mjs) measured in the same run. Lower is better.
- Correctness: every client must count the same content characters (UTF-16 units; the stream mixes 1- to 4-byte UTF-8), return the same text, or the same embedding checksum; otherwise the cell says **wrong**.
- Non-streaming: the 1,000 requests run as 5 blocks of 200, clients interleaved block by block.
- Time to first token: median of ${TTFT_REPS} streams per round; the server holds the first content event for ${TTFT_DELAY_MS} ms, so the floor is about ${TTFT_DELAY_MS} ms.
- Memory: one pass per client, heap (V8 \`used_heap_size\`) sampled every 256 deltas, peak minus the post-GC baseline; the time it took in parentheses.

${table}
`;
writeFileSync(new URL("./results.md", import.meta.url), doc);
console.log(`\n${table}\n\nwritten to bench/results.md`);
