// `npm start` (scripts/start.mjs) keeps the key in a 0600 env file for wrangler: it must go away on
// every exit, and a start that was killed outright (SIGKILL: no handler runs) is cleaned up by the next.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { FAKE_KEY, ROOT, freePort } from "./worker-harness.js";

const HOME = path.join(ROOT, ".wrangler-home");
const started: ChildProcess[] = [];

/** `node scripts/start.mjs` in its own process group (so the test can kill wrangler with it); resolves once it says ready. */
async function start(): Promise<{ child: ChildProcess; envFile: string; output: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, "scripts/start.mjs")], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PORT: String(port), DEEPINFRA_API_KEY: FAKE_KEY, CI: "1" },
  });
  started.push(child);
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (log.includes("Example Worker ready")) return resolve();
      if (child.exitCode !== null) return reject(new Error(`npm start exited early:\n${log}`));
      setTimeout(check, 100);
    };
    check();
  });
  return { child, envFile: path.join(HOME, `start-${child.pid}.env`), output: () => log };
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", () => resolve()));
}

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    // already gone
  }
}

afterAll(() => {
  for (const child of started) killGroup(child);
});

it("removes its env file when stopped, and the file a killed start left behind on the next start", async () => {
  const killed = await start();
  expect(readFileSync(killed.envFile, "utf8")).toBe(`DEEPINFRA_API_KEY=${FAKE_KEY}\n`);
  expect(statSync(killed.envFile).mode & 0o777).toBe(0o600);
  // SIGKILL to the whole group: no exit handler runs, so the file stays...
  killGroup(killed.child);
  await exited(killed.child);
  expect(existsSync(killed.envFile)).toBe(true);

  // ...until the next start, which removes it before anything else.
  const next = await start();
  expect(existsSync(killed.envFile)).toBe(false);
  expect(existsSync(next.envFile)).toBe(true);
  expect(next.output()).not.toContain(FAKE_KEY);

  next.child.kill("SIGINT");
  await exited(next.child);
  expect(existsSync(next.envFile)).toBe(false);
  killGroup(next.child);
});
