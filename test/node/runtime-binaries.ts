// The Deno and Bun binaries npm installed (devDependencies), for the tests that run code in those runtimes.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "node_modules", ".bin");
const run = promisify(execFile);

export const DENO = path.join(BIN, "deno");
export const BUN = path.join(BIN, "bun");

/**
 * npm may skip install scripts, and bun's leaves a placeholder binary: rebuild it once. Run from the global
 * setup (one process), so the test files that run Bun in parallel never rebuild it at the same time.
 */
export async function ensureBun(): Promise<void> {
  try {
    await run(BUN, ["--version"]);
  } catch {
    await run("npm", ["rebuild", "bun"], { cwd: ROOT, timeout: 120_000 });
    await run(BUN, ["--version"]);
  }
}
