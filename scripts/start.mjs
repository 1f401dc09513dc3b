#!/usr/bin/env node
// `npm start`: the example Worker under `wrangler dev`. With a DEEPINFRA_API_KEY (environment or
// .dev.vars) it calls DeepInfra; without one it starts the offline demo upstream
// (test/upstream/server.mjs, mode "demo") and points the Worker at it, and the page shows a banner.
// Needs no build of the SDK: wrangler.toml aliases "deepinfra-edge" to the source; its [build] bundles the
// /react page's script (examples/worker/react/build.mjs) before the Worker starts.
import { spawn } from "node:child_process";
import net from "node:net";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// `npm start -- --port N` or PORT=N: that port or an error; neither: 8787 when free, else any free port.
const portArg = process.argv.indexOf("--port");
const asked = portArg > 0 ? process.argv[portArg + 1] : process.env.PORT;
if (asked !== undefined && !/^\d+$/.test(asked)) {
  console.error(`npm start: the port must be a number (was ${JSON.stringify(asked)}).`);
  process.exit(1);
}
const port = asked !== undefined ? Number(asked) : (await isFree(8787)) ? 8787 : await freePort();
if (asked !== undefined && !(await isFree(port))) {
  console.error(`npm start: port ${port} is already in use on 127.0.0.1. Pick another (npm start -- --port N, or PORT=N), or leave both out for a free one.`);
  process.exit(1);
}

/** Whether 127.0.0.1:port can be bound now. */
function isFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer().once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** A port the system says is free. */
function freePort() {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
const home = path.join(root, ".wrangler-home");
mkdirSync(home, { recursive: true, mode: 0o700 });

// Secrets go to wrangler through an env file (0600), never on the command line, where `ps` and
// wrangler's binding table would show them. The file is named after this process and removed on
// every exit we can see; a start that was killed outright (SIGKILL, power loss) leaves it behind, so
// each start first removes the files of starts that are no longer running.
const ENV_FILE = /^start-(\d+)\.env$/;
for (const name of readdirSync(home)) {
  const owner = ENV_FILE.exec(name)?.[1];
  // start.env: the one shared name earlier versions used.
  if (name === "start.env" || (owner !== undefined && !isRunning(Number(owner)))) rmSync(path.join(home, name), { force: true });
}
const envFile = path.join(home, `start-${process.pid}.env`);
const removeEnvFile = () => rmSync(envFile, { force: true });
// Synchronous, so it also runs when the process exits by an uncaught error or process.exit().
process.on("exit", removeEnvFile);

/** Whether a process with this id exists (signal 0 only checks). */
function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** The key from the environment, or from .dev.vars (dotenv lines), or undefined. */
function findKey() {
  if (process.env.DEEPINFRA_API_KEY?.trim()) return { key: process.env.DEEPINFRA_API_KEY.trim(), from: "environment" };
  const devVars = path.join(root, ".dev.vars");
  if (!existsSync(devVars)) return undefined;
  const line = readFileSync(devVars, "utf8").split(/\r?\n/).find((l) => /^\s*DEEPINFRA_API_KEY\s*=/.test(l));
  const key = line?.slice(line.indexOf("=") + 1).trim().replace(/^(['"])(.*)\1$/, "$2");
  return key ? { key, from: ".dev.vars" } : undefined;
}

const found = findKey();
// DEV_PORT: the Worker serves localhost, 127.0.0.1 and [::1] on this port and no other Host.
const args = [path.join(root, "node_modules/wrangler/bin/wrangler.js"), "dev", "--port", String(port), "--ip", "127.0.0.1", "--show-interactive-dev-session=false", "--var", `DEV_PORT:${port}`];
let upstream;
if (found) {
  if (found.from === "environment") {
    writeFileSync(envFile, `DEEPINFRA_API_KEY=${found.key}\n`, { mode: 0o600 });
    args.push("--env-file", envFile);
  }
  console.log(`DeepInfra key found in ${found.from}: the Worker calls https://api.deepinfra.com.`);
} else {
  const { startUpstream } = await import("../test/upstream/server.mjs");
  upstream = await startUpstream({ mode: "demo" });
  // A random stand-in: the Worker scrubs its key (and long prefixes of it) from every byte it sends, so a
  // readable one such as "offline-demo-key" would also scrub the word "offline-demo" from /healthz.
  writeFileSync(envFile, `DEEPINFRA_API_KEY=demo-${crypto.randomUUID()}\n`, { mode: 0o600 });
  args.push("--env-file", envFile, "--var", `DEEPINFRA_BASE_URL:${upstream.url}`, "--var", "OFFLINE_DEMO:true");
  console.log(`No DEEPINFRA_API_KEY in the environment or .dev.vars: offline demo upstream on ${upstream.url}.`);
}

const wrangler = spawn(process.execPath, args, {
  cwd: root,
  stdio: ["ignore", "inherit", "inherit"],
  env: { ...process.env, WRANGLER_SEND_METRICS: "false", WRANGLER_HIDE_BANNER: "true", XDG_CONFIG_HOME: home },
});

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  removeEnvFile();
  if (wrangler.exitCode === null && wrangler.signalCode === null) wrangler.kill("SIGTERM");
  await upstream?.close();
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.once(signal, () => void stop(0));
process.once("uncaughtException", (error) => {
  console.error(error);
  void stop(1);
});
wrangler.once("exit", (code) => void stop(code ?? 1));

// wrangler prints its own "Ready on" line; ours comes once OUR Worker answers: wrangler still running, and
// /healthz naming the upstream this start chose (another server that took the port in between would not).
const url = `http://127.0.0.1:${port}`;
for (let i = 0; i < 240 && !stopping; i++) {
  try {
    const res = await fetch(`${url}/healthz`);
    const kind = res.ok ? (await res.json()).upstream : undefined;
    if (res.ok && wrangler.exitCode === null && (kind === "offline-demo") === Boolean(upstream)) {
      console.log(`\n  Example Worker ready: ${url}/  (${kind === "offline-demo" ? "offline demo upstream" : "DeepInfra"})  Ctrl+C to stop.`);
      console.log(`  The same chat with React and useChat: ${url}/react\n`);
      break;
    }
  } catch {
    // not listening yet
  }
  await new Promise((resolve) => setTimeout(resolve, 250));
}
