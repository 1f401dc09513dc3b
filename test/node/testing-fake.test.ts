// deepinfra-edge/testing in Node (the shared contract), as a Miniflare outbound service, and under Deno.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { Miniflare } from "miniflare";
import { describe, expect, it } from "vitest";
import { APIError, AuthenticationError, DeepInfra, NotFoundError, RateLimitError } from "../../src/index.js";
import { createFakeDeepInfra } from "../../src/testing/index.js";
import { fakeContract } from "../testing/contract.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

fakeContract(DeepInfra, createFakeDeepInfra, { APIError, AuthenticationError, NotFoundError, RateLimitError });

describe("createFakeDeepInfra as a Miniflare outbound service", () => {
  it("answers a Worker's own fetch to api.deepinfra.com", async () => {
    const fake = createFakeDeepInfra({ replies: [{ text: "from the outbound fake" }] });
    const mf = new Miniflare({
      modules: true,
      compatibilityDate: "2025-01-01",
      script: `export default { async fetch() {
        const r = await fetch("https://api.deepinfra.com/v1/openai/chat/completions", { method: "POST",
          headers: { authorization: "Bearer worker-key", "content-type": "application/json" },
          body: JSON.stringify({ model: "m", messages: [{ role: "user", content: "hi" }] }) });
        return new Response((await r.json()).choices[0].message.content, { status: r.status });
      } };`,
      outboundService: (request: unknown) => fake.fetch(request as Request) as never,
    });
    try {
      const response = await mf.dispatchFetch("http://worker.local/");
      expect(await response.text()).toBe("from the outbound fake");
      expect(fake.requests.map((r) => [r.method, r.path, r.headers.authorization])).toEqual([["POST", "/v1/openai/chat/completions", "Bearer worker-key"]]);
    } finally {
      await mf.dispose();
    }
  }, 60_000);
});

describe("createFakeDeepInfra under Deno", () => {
  it("streams, maps a 429 and throws an error frame (built dist/)", async () => {
    if (!existsSync(path.join(ROOT, "dist", "testing", "index.js"))) throw new Error("dist/testing/index.js is missing: run `npm run build` first");
    const { stdout } = await run(path.join(ROOT, "node_modules", ".bin", "deno"), ["run", "--no-lock", "--allow-read", "test/testing/deno-contract.ts"], { cwd: ROOT, timeout: 120_000 });
    expect(JSON.parse(stdout.trim().split("\n").at(-1)!)).toEqual({
      streamed: "Hello",
      rateLimited: true,
      frame: expect.stringContaining("boom"),
      requests: ["/v1/openai/chat/completions", "/v1/openai/chat/completions", "/v1/openai/chat/completions"],
    });
  }, 150_000);
});
