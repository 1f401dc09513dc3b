// Bundles a Worker that imports the BUILT package (as a user's bundler would) and runs it in real
// workerd through Miniflare, where code generation from strings is disallowed.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { inject } from "vitest";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Absolute path of a built file; throws a clear error when the build is missing. */
export function built(file: string): string {
  const full = path.join(ROOT, "dist", file);
  if (!existsSync(full)) throw new Error(`dist/${file} is missing: run \`npm run build\` first (npm test does).`);
  return full;
}

/** Bundles `source` and answers one request with it; returns the script and the response text. */
export async function runBundledWorker(source: string): Promise<{ script: string; status: number; text: string }> {
  const bundled = await build({
    stdin: { contents: source, resolveDir: ROOT, sourcefile: "worker.js", loader: "js" },
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    write: false,
    logLevel: "silent",
  });
  const script = bundled.outputFiles[0]!.text;
  const mf = new Miniflare({ modules: true, script, compatibilityDate: "2026-04-01", bindings: { UPSTREAM_URL: `http://127.0.0.1:${inject("upstreamPort")}` } });
  try {
    const response = await mf.dispatchFetch("http://localhost/");
    return { script, status: response.status, text: await response.text() };
  } finally {
    await mf.dispose();
  }
}
