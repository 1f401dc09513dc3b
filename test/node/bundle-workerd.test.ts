// Runs the BUILT bundle (dist/index.js + its dependencies, bundled as a user's Worker would be) in
// real workerd through Miniflare, where code generation from strings is disallowed — unlike the
// vitest pool, which allows `new Function` for its module runner.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dist = path.join(root, "dist/index.js");
const KEY = "test-key-never-leaks-bundle-5e6f7a8b";

const worker = `
import { DeepInfra, ValidationError, APIError } from ${JSON.stringify(dist)};
export default {
  async fetch(request, env) {
    let codegen = "allowed";
    try { new Function("return 1")(); } catch (e) { codegen = e.name; }
    const client = new DeepInfra({ apiKey: ${JSON.stringify(KEY)}, baseURL: env.UPSTREAM_URL, maxRetries: 0 });
    const out = { codegen };
    try {
      await client.chat.completions.create({ model: "default", messages: [{ role: "tool", content: "x" }], temperature: 3 });
    } catch (e) {
      out.validation = { isValidationError: e instanceof ValidationError, message: e.message, paths: e.issues.map((i) => i.path.join(".")) };
    }
    const completion = await client.chat.completions.create({ model: "default", messages: [{ role: "user", content: "hi" }] });
    out.content = completion.choices[0].message.content;
    out.cost = completion.usage.estimated_cost;
    const stream = await client.chat.completions.create({ model: "default", messages: [{ role: "user", content: "hi" }], stream: true });
    out.streamed = [];
    for await (const text of stream.textStream()) out.streamed.push(text);
    try {
      await client.chat.completions.create({ model: "default", messages: [{ role: "user", content: "hi" }] }, { headers: { "x-upstream-scenario": JSON.stringify({ echoAuth: true }) } });
    } catch (e) {
      out.apiError = { isAPIError: e instanceof APIError, status: e.status, message: e.message };
    }
    return Response.json(out);
  },
};`;

let mf: Miniflare | undefined;

beforeAll(() => {
  if (!existsSync(dist)) throw new Error("dist/index.js is missing: run `npm run build` first (npm test does).");
});

afterAll(async () => {
  await mf?.dispose();
});

describe("the built bundle in real workerd (Miniflare)", () => {
  it("validates, completes, streams and maps errors without code generation", async () => {
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
    const out = JSON.parse(text);
    expect(out.codegen).toBe("EvalError");
    expect(out.validation).toEqual({
      isValidationError: true,
      message:
        "Invalid chat.completions.create params: messages[0].tool_call_id must be a string (a tool message carries the id of the call it answers) (was missing); temperature must be at most 2 (was 3)",
      paths: ["messages.0.tool_call_id", "temperature"],
    });
    expect(out.content).toBe("Hello! It's nice to meet you. Is there something I can help you with?");
    expect(out.cost).toBe(0.0000268);
    expect(out.streamed).toEqual(["Hello", " there", "!"]);
    expect(out.apiError.isAPIError).toBe(true);
    expect(out.apiError.status).toBe(401);
    expect(out.apiError.message).toContain("Bearer [redacted]");
    expect(text).not.toContain(KEY);
  });
});
