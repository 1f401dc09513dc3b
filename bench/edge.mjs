#!/usr/bin/env node
// Edge CPU bench (issue 21): CPU of the workerd process (Miniflare) per streamed chat answer, read from the process's
// own counters (/proc/<pid>/task/*/schedstat, nanoseconds), for Workers that relay one answer from a loopback upstream
// (Node, 127.0.0.1, random port): (a) a plain pipe, (b) a hand-written parse relay (read, decode, JSON.parse,
// re-encode), our `toReadableStream()` (the chat-only client, key check on) and our `toUIMessageStreamResponse()`.
// "Paced": the upstream writes one event at a time with a timer between (as a live model does); "batched": the whole
// answer in one write. Medians of interleaved rounds (BENCH_ROUNDS, default 5, after a warm-up); every output is
// checked. Only the ratios are meant to be read: on a shared VM the milliseconds move together by tens of percent.
// Needs a build: `npm run bench:edge` (builds first). Linux only (/proc). BENCH_CHUNKS overrides the 2,000 events.
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { Miniflare } from "miniflare";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CHUNKS = Number(process.env.BENCH_CHUNKS ?? 2000);
const KEY = "bench-edge-key-0123456789abcdef0123";
const WORDS = [" the", " answer", " is", " forty", "-two", ",", " and", " it", " streams", " well", "."];

// The upstream answer: CHUNKS content events, a finishing one with usage, [DONE].
const chunk = (delta, finish = null, usage) =>
  `data: ${JSON.stringify({ id: "chatcmpl-bench", object: "chat.completion.chunk", created: 1765000000, model: "meta-llama/Meta-Llama-3.1-8B-Instruct", choices: [{ index: 0, delta, finish_reason: finish }], ...(usage ? { usage } : {}) })}\n\n`;
const events = [];
for (let i = 0; i < CHUNKS; i++) events.push(chunk(i === 0 ? { role: "assistant", content: WORDS[0] } : { content: WORDS[i % WORDS.length] }));
events.push(chunk({}, "stop", { prompt_tokens: 10, completion_tokens: CHUNKS, total_tokens: CHUNKS + 10, estimated_cost: 0.0001 }), "data: [DONE]\n\n");
const ANSWER = events.join("");
const ANSWER_BYTES = Buffer.byteLength(ANSWER);

// --- the upstream: paced (one event per write, a timer between) or batched (one write) ----------
const upstream = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    res.socket?.setNoDelay(true);
    if (new URL(req.url, "http://x").searchParams.get("mode") === "batched") return res.end(ANSWER);
    let i = 0;
    const next = () => {
      if (i === events.length) return res.end();
      res.write(events[i++]);
      setTimeout(next, 0);
    };
    next();
  });
});
await new Promise((resolve) => upstream.listen(0, "127.0.0.1", resolve));
const UPSTREAM = `http://127.0.0.1:${upstream.address().port}`;

// --- the Workers ---------------------------------------------------------------------------------
const WORKER = `
import { DeepInfra, toUIMessageStreamResponse } from "${path.join(ROOT, "dist/chat.js").replaceAll("\\", "/")}";
const SSE = { "content-type": "text/event-stream" };
const up = (mode) => fetch("${UPSTREAM}/v1/openai/chat/completions?mode=" + mode, { method: "POST", body: "{}" });
// The SDK's client with its fetch pointed at the loopback upstream: the real call path, key check included.
const clients = {};
const client = (mode) => (clients[mode] ??= new DeepInfra({ apiKey: "${KEY}", maxRetries: 0, fetch: () => up(mode) }));
const params = { model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages: [{ role: "user", content: "Hi" }], stream: true };

// (b) what a careful developer writes by hand: read, decode, split events, JSON.parse, re-encode, one enqueue per read.
function handRelay(body) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let buffer = "";
  return new ReadableStream({
    async pull(controller) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        buffer += decoder.decode(value, { stream: true });
        const cut = buffer.lastIndexOf("\\n\\n");
        if (cut < 0) continue;
        let out = "";
        for (const event of buffer.slice(0, cut).split("\\n\\n")) {
          const data = event.slice(6);
          out += data === "[DONE]" ? "data: [DONE]\\n\\n" : "data: " + JSON.stringify(JSON.parse(data)) + "\\n\\n";
        }
        buffer = buffer.slice(cut + 2);
        controller.enqueue(encoder.encode(out));
        return;
      }
    },
    cancel: () => reader.cancel(),
  });
}

export default {
  async fetch(request) {
    const url = new URL(request.url);
    const mode = url.searchParams.get("mode");
    switch (url.searchParams.get("worker")) {
      case "pipe":
        return new Response((await up(mode)).body, { headers: SSE });
      case "hand":
        return new Response(handRelay((await up(mode)).body), { headers: SSE });
      case "relay":
        return new Response((await client(mode).chat.completions.create(params)).toReadableStream(), { headers: SSE });
      case "ui":
        return toUIMessageStreamResponse(await client(mode).chat.completions.create(params));
    }
    return new Response("unknown worker", { status: 404 });
  },
};`;
const bundled = await build({
  stdin: { contents: WORKER, resolveDir: ROOT, loader: "js" },
  bundle: true,
  format: "esm",
  platform: "browser",
  conditions: ["workerd", "worker", "browser"],
  write: false,
  logLevel: "silent",
});
const mf = new Miniflare({ modules: true, script: bundled.outputFiles[0].text, compatibilityDate: "2026-04-01" });
const base = (await mf.ready).origin;

// --- CPU of the workerd process, from its own counters ---------------------------------------------
function workerdPids() {
  const pids = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (comm.startsWith("workerd") && ppid === process.pid) pids.push(entry);
    } catch {
      // the process ended while we looked
    }
  }
  if (pids.length !== 1) throw new Error(`expected one workerd child of this process, found ${pids.length}`);
  return pids[0];
}
const PID = workerdPids();
/** Nanoseconds on CPU, summed over the workerd process's threads. */
function cpuNs() {
  let total = 0;
  for (const task of readdirSync(`/proc/${PID}/task`)) {
    try {
      total += Number(readFileSync(`/proc/${PID}/task/${task}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      // a thread that ended
    }
  }
  return total;
}

/** CPU milliseconds the workerd process spent on one whole answer (request to the last byte), its output checked. */
async function answer(worker, mode) {
  const before = cpuNs();
  const res = await fetch(`${base}/?worker=${worker}&mode=${mode}`);
  const text = await res.text();
  const ms = (cpuNs() - before) / 1e6;
  if (worker === "ui") {
    if (!text.endsWith("data: [DONE]\n\n") || !text.includes('"type":"finish"')) throw new Error(`ui (${mode}) did not finish: ${text.slice(-200)}`);
    const deltas = [...text.matchAll(/"delta":("(?:[^"\\]|\\.)*")/g)].map((m) => JSON.parse(m[1])).join("");
    if (deltas.length !== events.slice(0, CHUNKS).reduce((n, e) => n + JSON.parse(e.slice(6)).choices[0].delta.content.length, 0)) throw new Error(`ui (${mode}) lost text`);
  } else if (text !== ANSWER) throw new Error(`${worker} (${mode}) sent ${Buffer.byteLength(text)} of ${ANSWER_BYTES} bytes, or other bytes`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const WORKERS = ["pipe", "hand", "relay", "ui"];
async function measure(mode) {
  const times = Object.fromEntries(WORKERS.map((w) => [w, []]));
  for (let round = 0; round <= ROUNDS; round++) {
    for (const worker of WORKERS) {
      const ms = await answer(worker, mode);
      if (round > 0) times[worker].push(ms);
    }
  }
  return Object.fromEntries(WORKERS.map((w) => [w, median(times[w])]));
}

try {
  const paced = await measure("paced");
  const batched = await measure("batched");
  const x = (a, b) => `${(a / b).toFixed(2)}×`;
  const ms = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
  console.log(`# Edge CPU bench (${new Date().toISOString().slice(0, 10)}; workerd via Miniflare; ${CHUNKS} events, ${(ANSWER_BYTES / 1024).toFixed(0)} KiB; ${ROUNDS} rounds, medians)\n`);
  console.log("| Worker | paced CPU ms | batched CPU ms | paced ÷ pipe | paced ÷ hand | batched ÷ hand | batched ÷ our relay |");
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  const names = { pipe: "(a) plain pipe", hand: "(b) hand-written parse relay", relay: "our toReadableStream()", ui: "our toUIMessageStreamResponse()" };
  for (const w of WORKERS) console.log(`| ${names[w]} | ${ms(paced[w])} | ${ms(batched[w])} | ${x(paced[w], paced.pipe)} | ${x(paced[w], paced.hand)} | ${x(batched[w], batched.hand)} | ${x(batched[w], batched.relay)} |`);
  console.log(`\nTargets: our relay ≤ 0.90× (b) paced: ${x(paced.relay, paced.hand)}; UI stream ≤ 1.10× (b) paced: ${x(paced.ui, paced.hand)}; UI stream ≤ 2× our relay batched: ${x(batched.ui, batched.relay)}.`);
} finally {
  await mf.dispose();
  upstream.close();
}
