// The BUILT `deepinfra-edge/llm-interface` entry in real workerd (Miniflare), where `new Function` is
// disallowed: embeddings validation (@ark/schema), the cache key (crypto.subtle) and base64 decoding run there.
import { expect, it } from "vitest";
import { built, runBundledWorker } from "./bundled-worker.js";

const KEY = "test-key-never-leaks-llmi-bundle-91c2";

const worker = () => `
import { createInterface } from ${JSON.stringify(built("llm-interface.js"))};
import { DeepInfra, ValidationError } from ${JSON.stringify(built("index.js"))};
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
    try { await client.embeddings.create({ model: "default", input: 5 }); } catch (e) { out.invalid = e instanceof ValidationError && e.message; }
    return Response.json(out);
  },
};`;

it("the llm-interface entry and embeddings run in real workerd without code generation", async () => {
  const { script, status, text } = await runBundledWorker(worker());
  expect(script).not.toMatch(/from\s*["']node:/);
  expect(status, text).toBe(200);
  expect(JSON.parse(text)).toEqual({
    chat: ["Hello! It's nice to meet you. Is there something I can help you with?", "memory-cache"],
    vector: 8,
    base64: 8,
    invalid: "Invalid embeddings.create params: input must be a string or an array (was a number)",
  });
  expect(text).not.toContain(KEY);
});
