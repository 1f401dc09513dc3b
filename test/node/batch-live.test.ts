// scripts/live.mjs (`npm run live`) without a key, without --yes, and with --yes against the local upstream:
// its checkers must reach each verdict from real answers (the upstream confirms some facts, contradicts one
// and lacks others). It never talks to DeepInfra here. Needs dist/.
import { execFile } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);
const live = (env: Record<string, string>, args: string[] = []) => run(process.execPath, ["scripts/live.mjs", ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? "", ...env }, timeout: 60_000 });

describe("npm run live", () => {
  it("without DEEPINFRA_API_KEY prints one line and exits 0", async () => {
    const { stdout, stderr } = await live({});
    expect(stdout).toBe("live: skipped (DEEPINFRA_API_KEY is not set; nothing was sent).\n");
    expect(stderr).toBe("");
  });

  it("with a key but no --yes prints the plan and the cost estimate, and sends nothing", async () => {
    let requests = 0;
    const server = http.createServer((_req, res) => {
      requests++;
      res.end("{}");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      const { stdout } = await live({ DEEPINFRA_API_KEY: "live-key", DEEPINFRA_BASE_URL: base });
      const lines = stdout.trim().split("\n");
      expect(lines[0]).toMatch(new RegExp(`^live: 17 checks against ${base}, estimated cost at most \\$0\\.00\\d\\d\\.$`));
      expect(lines.slice(1, -1).map((line) => line.trim().split(/\s+/)[0])).toEqual(["chat-cost", "request-id", "stream-usage", "stream-tool-fragments", "reasoning-content", "reasoning-tool-turn", "json-schema", "retry-after", "completions-cost", "embeddings-cost", "models-metadata", "images", "tts", "transcription", "tokenize", "rerank", "batch"]);
      expect(lines.at(-1)).toBe("Nothing sent. Run `npm run live -- --yes` to spend it.");
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });

  it("with --yes, its checkers read real answers: confirmed, contradicted and not available", async () => {
    const { stdout } = await live({ DEEPINFRA_API_KEY: "live-key", DEEPINFRA_BASE_URL: `http://127.0.0.1:${inject("upstreamPort")}` }, ["--yes", "--json"]);
    const results = JSON.parse(stdout) as Array<{ id: string; status: string; detail: string }>;
    expect(Object.fromEntries(results.map((r) => [r.id, r.status]))).toEqual({
      "chat-cost": "confirmed",
      "request-id": "confirmed",
      "stream-usage": "confirmed",
      "stream-tool-fragments": "confirmed",
      // The upstream's plain chat has no reasoning, accepts json_schema, sends no cost on embeddings and never 429s.
      "reasoning-content": "not available",
      // Its tool answer carries no reasoning_content: nothing to send back without it.
      "reasoning-tool-turn": "not available",
      "json-schema": "not available",
      "retry-after": "not available",
      "completions-cost": "confirmed",
      "embeddings-cost": "contradicted",
      "models-metadata": "confirmed",
      images: "confirmed",
      tts: "confirmed",
      transcription: "confirmed",
      tokenize: "confirmed",
      rerank: "confirmed",
      batch: "confirmed",
    });
    const detail = (id: string) => results.find((r) => r.id === id)?.detail;
    expect(detail("request-id")).toMatch(/^x-request-id: req-\d+$/);
    expect(detail("tokenize")).toBe('count=11, max_model_len=8192; detokenize → "Hello world" (field: prompt)');
    expect(detail("batch")).toMatch(/; cancel → cancelling; delete → true$/);
  });

  it("--only runs a subset", async () => {
    const { stdout } = await live({ DEEPINFRA_API_KEY: "live-key", DEEPINFRA_BASE_URL: `http://127.0.0.1:${inject("upstreamPort")}` }, ["--yes", "--json", "--only=tokenize,rerank"]);
    expect((JSON.parse(stdout) as Array<{ id: string }>).map((r) => r.id)).toEqual(["tokenize", "rerank"]);
  });
});
