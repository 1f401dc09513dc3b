// The BUILT `deepinfra-edge/llm-interface` entry in real workerd (Miniflare), where `new Function` is
// disallowed: embeddings validation (@ark/schema), the cache key (crypto.subtle) and base64 decoding run there.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { afterAll, expect, inject, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const entry = path.join(root, "dist/llm-interface.js");
const index = path.join(root, "dist/index.js");
const KEY = "test-key-never-leaks-llmi-bundle-91c2";

const worker = `
import { createInterface } from ${JSON.stringify(entry)};
import { DeepInfra, ValidationError } from ${JSON.stringify(index)};
export default {
  async fetch(request, env) {
    const llm = createInterface({ apiKey: ${JSON.stringify(KEY)}, baseURL: env.UPSTREAM_URL, maxRetries: 0 });
    const out = {};
    const first = await llm.sendMessage("hi", { max_tokens: 5 }, { cacheTimeoutSeconds: 60 });
    const second = await llm.sendMessage("hi", { max_tokens: 5 }, { cacheTimeoutSeconds: 60 });
    out.chat = [first.results, second.cacheType];
    out.vector = (await llm.embeddings("abc")).results.length;
    const client = new DeepInfra({ apiKey: ${JSON.stringify(KEY)}, baseURL: env.UPSTREAM_URL });
    const b64 = await client.embeddings.create({ model: "default", input: ["abc"], encoding_format: "base64" });
    out.base64 = b64.data[0].embedding instanceof Float32Array && b64.data[0].embedding.length;
    try { await client.embeddings.create({ model: "default", input: [] }); } catch (e) { out.empty = e instanceof ValidationError && e.message; }
    return Response.json(out);
  },
};`;

let mf: Miniflare | undefined;
afterAll(async () => {
  await mf?.dispose();
});

it("the llm-interface entry and embeddings run in real workerd without code generation", async () => {
  if (!existsSync(entry)) throw new Error("dist/llm-interface.js is missing: run `npm run build` first (npm test does).");
  const bundled = await build({
    stdin: { contents: worker, resolveDir: root, sourcefile: "worker.js", loader: "js" },
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    write: false,
    logLevel: "silent",
  });
  const script = bundled.outputFiles[0]!.text;
  expect(script).not.toMatch(/from\s*["']node:/);
  mf = new Miniflare({ modules: true, script, compatibilityDate: "2026-04-01", bindings: { UPSTREAM_URL: `http://127.0.0.1:${inject("upstreamPort")}` } });
  const response = await mf.dispatchFetch("http://localhost/");
  const text = await response.text();
  expect(response.status, text).toBe(200);
  expect(JSON.parse(text)).toEqual({
    chat: ["Hello! It's nice to meet you. Is there something I can help you with?", "memory-cache"],
    vector: 8,
    base64: 8,
    empty: "Invalid embeddings.create params: input must be non-empty (was [])",
  });
  expect(text).not.toContain(KEY);
});
