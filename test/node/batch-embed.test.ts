// examples/batch-embed.ts under Deno and Bun (from npm), against the local upstream's Batch API emulation:
// the texts go up as JSONL, the batch moves one step per poll, the output file comes back out of order with
// one failed line, and the script must print every line in file order with its vector (or its error).
// The example imports the package by name, so this needs dist/.
import { BUN } from "./runtime-binaries.js";
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { embedText } from "../upstream/server.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "node_modules", ".bin");
const OUT = path.join(ROOT, ".tmp", "batch-embed");
const TEXTS = path.join(OUT, "texts.txt");
const run = promisify(execFile);
const LINES = ["the quick brown fox", "jumps over", "", "[fail] the lazy dog", "édition spéciale ✓", "last line"];

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, "dist", "index.js"))) throw new Error("dist/index.js is missing: run `npm run build` first");
  mkdirSync(OUT, { recursive: true });
  writeFileSync(TEXTS, `${LINES.join("\n")}\n`);
});


const RUNTIMES: Array<[string, () => Promise<[string, string[]]>]> = [
  ["Deno", async () => [path.join(BIN, "deno"), ["run", "--allow-net", "--allow-env=DEEPINFRA_API_KEY,DEEPINFRA_BASE_URL,EMBEDDING_MODEL,BATCH_POLL_MS", `--allow-read=${TEXTS}`, "batch-embed.ts", TEXTS]]],
  ["Bun", async () => [BUN, ["batch-embed.ts", TEXTS]]],
];

describe.concurrent("examples/batch-embed.ts", () => {
  for (const [name, command] of RUNTIMES) {
    it(`${name}: every line in file order with its vector, the failed one with its error, a progress line, exit 1`, async () => {
      const [binary, args] = await command();
      const env = { ...process.env, DEEPINFRA_API_KEY: "batch-example-key", DEEPINFRA_BASE_URL: `http://127.0.0.1:${inject("upstreamPort")}`, BATCH_POLL_MS: "1", NO_COLOR: "1" };
      const failure = await run(binary, args, { cwd: path.join(ROOT, "examples"), env, timeout: 60_000 }).then(
        () => undefined,
        (error: { code?: number; stdout: string; stderr: string }) => error,
      );
      // One line failed, so the script exits 1 and still prints everything.
      expect(failure?.code).toBe(1);
      const printed = (failure?.stdout ?? "").trim().split("\n").map((line) => JSON.parse(line) as { line: number; text: string; embedding?: number[]; error?: string });
      const expected = LINES.map((text, i) => ({ line: i + 1, text })).filter(({ text }) => text !== "");
      expect(printed.map(({ line, text }) => ({ line, text }))).toEqual(expected);
      for (const item of printed) {
        if (item.text.startsWith("[fail]")) expect(item.error).toBe("Request 2 (request-2) failed: 400 Requested input is not acceptable ([fail] marker)");
        else expect(item.embedding).toEqual(embedText(item.text));
      }
      const stderr = failure?.stderr ?? "";
      expect(stderr).toMatch(/\rbatch_\d+: validating 0\/5 done, 0 failed/);
      expect(stderr).toMatch(/\rbatch_\d+: in_progress 2\/5 done, 0 failed/);
      expect(stderr).toMatch(/\rbatch_\d+: completed 4\/5 done, 1 failed \(\d+ s\)/);
      expect(stderr).toMatch(/\n4 embedded, 1 failed, \d+ tokens, \$[\d.e-]+\n$/);
    });
  }
});

describe("batches.run in Node (the built package)", () => {
  it("gives the same results as the example prints: input order, vectors, the failed line typed", async () => {
    const { DeepInfra, BatchLineError } = await import("../../dist/index.js");
    const client = new DeepInfra({ apiKey: "batch-node-key", baseURL: `http://127.0.0.1:${inject("upstreamPort")}` });
    const texts = LINES.filter((text) => text !== "");
    const { results, succeeded, failed } = await client.batches.run({ endpoint: "/v1/embeddings", requests: texts.map((input) => ({ model: "BAAI/bge-m3", input })) }, { pollInterval: 1 });
    expect([succeeded, failed]).toEqual([4, 1]);
    expect(results.map((r) => (r.ok ? r.response.data[0]?.embedding : r.error))).toEqual(texts.map((text) => (text.startsWith("[fail]") ? expect.any(BatchLineError) : embedText(text))));
  });
});

it("examples/batch-embed.ts type-checks against the package's types (strict)", async () => {
  const args = ["--ignoreConfig", "--noEmit", "--strict", "--noUncheckedIndexedAccess", "--skipLibCheck", "--module", "esnext", "--moduleResolution", "bundler", "--target", "es2022", "--lib", "es2022,dom", "examples/batch-embed.ts"];
  const result = await run(path.join(BIN, "tsc"), args, { cwd: ROOT, timeout: 60_000 }).then(
    () => "",
    (error: { stdout: string }) => error.stdout,
  );
  expect(result).toBe("");
});

