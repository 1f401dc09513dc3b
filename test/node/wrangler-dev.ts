// Starts the example Worker under the real `wrangler dev` (as `npm start` does) for Node-side tests.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT, freePort } from "./worker-harness.js";

export interface WranglerDev {
  url: string;
  port: number;
  /** Everything wrangler and the Worker printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * `wrangler dev` on a free port with `secrets` in a private env file (not .dev.vars, which belongs to
 * the developer) and `vars` as `--var` (DEV_PORT set to the port it listens on), its state in a temporary
 * directory. Resolves once /healthz answers.
 */
export async function startWranglerDev(secrets: Record<string, string>, vars: Record<string, string>): Promise<WranglerDev> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "wrangler-dev-"));
  const envFile = path.join(dir, "secrets.env");
  writeFileSync(envFile, Object.entries(secrets).map(([k, v]) => `${k}=${v}\n`).join(""), { mode: 0o600 });
  const port = await freePort();
  const args = [path.join(ROOT, "node_modules/wrangler/bin/wrangler.js"), "dev", "--port", String(port), "--ip", "127.0.0.1", "--env-file", envFile, "--persist-to", path.join(dir, "state"), "--show-interactive-dev-session=false"];
  for (const [k, v] of Object.entries({ DEV_PORT: String(port), ...vars })) args.push("--var", `${k}:${v}`);
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", WRANGLER_HIDE_BANNER: "true", XDG_CONFIG_HOME: path.join(ROOT, ".wrangler-home"), CI: "1" },
  });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, port, output: () => log, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`wrangler dev did not become ready:\n${log}`);
}
