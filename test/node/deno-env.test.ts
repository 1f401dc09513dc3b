// Deno without --allow-env: the SDK's own missing-key explanation, not Deno's NotCapable from inside the SDK (F8).
import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

it("new DeepInfra() in Deno without env permission explains how to pass the key", async () => {
  const dir = path.join(ROOT, ".tmp", "deno-env");
  mkdirSync(dir, { recursive: true });
  const script = path.join(dir, "noenv.mjs");
  writeFileSync(script, `import { DeepInfra } from ${JSON.stringify(path.join(ROOT, "dist", "index.js"))};
try { new DeepInfra(); console.log("constructed"); } catch (e) { console.log(JSON.stringify({ name: e.name, message: e.message })); }`);
  const { stdout } = await run(path.join(ROOT, "node_modules", ".bin", "deno"), ["run", "--no-lock", "--no-prompt", "--allow-read", script], { cwd: dir, timeout: 120_000, env: { ...process.env, DEEPINFRA_API_KEY: "from-env-not-readable" } });
  const out = JSON.parse(stdout.trim()) as { name: string; message: string };
  expect(out.name).toBe("DeepInfraError");
  expect(out.message).toMatch(/^No DeepInfra API key\. Pass it explicitly: new DeepInfra\(\{ apiKey \}\)\./);
  expect(out.message).toContain("--allow-env=DEEPINFRA_API_KEY");
}, 150_000);
