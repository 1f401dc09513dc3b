#!/usr/bin/env node
// `npm run bench:validate` (also the last part of `npm run size`): what validation alone costs per request,
// in µs, for the validator the package ships (compiled ahead of time from src/schema/rules), next to
// arktype itself on the same rules (JIT, and jitless as the SDK ran it before) and to JSON.stringify of
// the same body (which every request pays anyway), all measured in this run. Target: ≤ 5 µs for a small chat.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(ROOT, ".tmp", "bench");
const CHILD = process.argv[2] === "--arktype-child";

const SMALL = { model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Say hello." }], stream: true, temperature: 0.7, max_tokens: 256 };
const LARGE = {
  ...SMALL,
  messages: Array.from({ length: 20 }, (_, i) => (i % 2 ? { role: "assistant", content: `Answer ${i}.` } : { role: "user", content: [{ type: "text", text: `Question ${i}?` }, { type: "image_url", image_url: { url: "https://example.com/a.png", detail: "low" } }] })),
  tools: [{ type: "function", function: { name: "get_weather", description: "Weather.", parameters: { type: "object", properties: { city: { type: "string" } } } } }],
  tool_choice: { type: "function", function: { name: "get_weather" } },
  response_format: { type: "json_object" },
  stop: ["\n\n", "END"],
};
const BAD = { ...SMALL, temperature: 3, messages: [{ role: "tool", content: "42" }] };
const REQUESTS = [
  ["small chat (2 messages)", SMALL],
  ["large chat (20 messages, tools)", LARGE],
  ["invalid chat (2 failures, messages built)", BAD],
];

/** Median µs per call over a few rounds of many calls, after a warm-up. */
function microseconds(fn, calls = 20_000, rounds = 7) {
  for (let i = 0; i < calls; i++) fn();
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) fn();
    samples.push(((performance.now() - start) * 1000) / calls);
  }
  return samples.sort((a, b) => a - b)[rounds >> 1];
}

async function bundle(entry, name) {
  mkdirSync(OUT, { recursive: true });
  const outfile = path.join(OUT, `${name}.mjs`);
  await build({ entryPoints: [entry], outfile, bundle: true, format: "esm", platform: "node", target: "es2022", packages: "external", logLevel: "error" });
  return import(pathToFileURL(outfile).href);
}

// The child measures arktype jitless, as the SDK ran it before: the setting is read when arktype loads.
if (CHILD) (await import("arktype/config")).configure({ jitless: true });
const rules = await bundle(path.join(ROOT, "src/schema/rules/index.ts"), "rules");
const check = (data) => rules.ROOTS.chatParams(data);

if (CHILD) {
  console.log(JSON.stringify(REQUESTS.map(([, body]) => microseconds(() => check(body), 2_000))));
  process.exit(0);
}

const { validateChatParams } = await bundle(path.join(ROOT, "src/schema/params.ts"), "shipped");
const shipped = (body) => {
  try {
    validateChatParams(body);
  } catch {
    // the invalid request's ValidationError, message built: part of what is timed
  }
};
const jitless = JSON.parse(
  execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--arktype-child"], { cwd: ROOT, encoding: "utf8" }),
);

console.log("\nvalidation alone, µs per request (median of 7 rounds; lower is better)\n");
console.log(`${"request".padEnd(44)}${"shipped".padStart(10)}${"arktype JIT".padStart(13)}${"jitless".padStart(10)}${"JSON.stringify".padStart(16)}`);
let small;
let smallJSON;
REQUESTS.forEach(([name, body], i) => {
  const ours = microseconds(() => shipped(body));
  const jit = microseconds(() => check(body));
  const json = microseconds(() => JSON.stringify(body));
  if (i === 0) [small, smallJSON] = [ours, json];
  const cell = (v) => `${v.toFixed(2)}`.padStart(10);
  console.log(`${name.padEnd(44)}${cell(ours)}${`${jit.toFixed(2)}`.padStart(13)}${cell(jitless[i])}${`${json.toFixed(2)}`.padStart(16)}`);
});
console.log(
  `\nsmall chat: ${small.toFixed(2)} µs shipped (target ≤ 5 µs), ${(small / smallJSON).toFixed(2)}× JSON.stringify of the same body, ${(small / jitless[0]).toFixed(2)}× the jitless engine it replaces`,
);
