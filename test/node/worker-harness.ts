// Runs the example Worker (examples/worker) in real workerd through Miniflare, configured from
// wrangler.toml, and a tagging proxy between it and the local upstream so tests can record and
// fault-inject the Worker's upstream calls (the Worker itself never forwards test headers).
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { unstable_readConfig } from "wrangler";
import type { Scenario } from "../upstream/server.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Clearly fake: tests search every output for it. */
export const FAKE_KEY = "test-key-never-leaks-7f3a9c2e51";

/** wrangler.toml as wrangler itself reads it (vars, compat date and flags, alias). */
export function readWranglerConfig() {
  return unstable_readConfig({ config: path.join(ROOT, "wrangler.toml") });
}

/** Bundles the Worker the way wrangler does: wrangler.toml's alias maps "deepinfra-edge" to the source. */
export async function bundleWorker(): Promise<string> {
  const config = readWranglerConfig();
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [path.resolve(ROOT, config.main ?? "examples/worker/index.ts")],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    conditions: ["workerd", "worker", "browser"],
    external: ["cloudflare:*"],
    alias: config.alias ?? {},
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

export interface WorkerHandle {
  mf: Miniflare;
  /** The Worker's own origin (where Miniflare listens). */
  origin: string;
  /** Sends a request to the Worker as a browser on `origin` would (Origin header set unless null). */
  fetch(pathname: string, init?: { method?: string; headers?: Record<string, string>; body?: string | ReadableStream; signal?: AbortSignal; origin?: string | null }): Promise<Response>;
  close(): Promise<void>;
}

/**
 * Starts the bundled Worker in Miniflare with wrangler.toml's vars, overridden by `vars`.
 * `onOutput` receives workerd's stdout/stderr (the Worker's console lines).
 */
export async function startWorker(script: string, vars: Record<string, string>, onOutput?: (text: string) => void): Promise<WorkerHandle> {
  const config = readWranglerConfig();
  const mf = new Miniflare({
    modules: [{ type: "ESModule", path: "index.js", contents: script }],
    compatibilityDate: config.compatibility_date,
    compatibilityFlags: config.compatibility_flags,
    bindings: { ...(config.vars as Record<string, string>), ...vars },
    durableObjects: { RATE_LIMITER: { className: "RateLimiter", useSQLite: true } },
    ...(onOutput
      ? {
          handleRuntimeStdio(stdout: NodeJS.ReadableStream, stderr: NodeJS.ReadableStream) {
            stdout.on("data", (data) => onOutput(String(data)));
            stderr.on("data", (data) => onOutput(String(data)));
          },
        }
      : {}),
  });
  // A real socket to workerd (not dispatchFetch), so closing it is a genuine client disconnect.
  const base = (await mf.ready).origin;
  return {
    mf,
    origin: base,
    fetch(pathname, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      const origin = init.origin === undefined ? base : init.origin;
      if (origin !== null) headers.origin = origin;
      return fetch(base + pathname, {
        method: init.method ?? "GET",
        headers,
        body: init.body,
        signal: init.signal,
        ...(init.body instanceof ReadableStream ? { duplex: "half" } : {}),
      } as RequestInit);
    },
    close: () => mf.dispose(),
  };
}

export interface TaggingProxy {
  url: string;
  /** Tags every following request with this test id (and scenario) until changed. */
  tag(testId: string | undefined, scenario?: Scenario): void;
  /** Holds requests until `count` are open at once, then lets them all through (proves concurrency). */
  holdUntil(count: number): void;
  /** Most upstream requests open at once since start. */
  readonly maxOpen: number;
  close(): Promise<void>;
}

/**
 * A pass-through HTTP proxy that adds `x-test-id` / `x-upstream-scenario` to each request. A client
 * closing early destroys the upstream request, so the upstream sees the close as the Worker made it.
 */
export async function startTaggingProxy(target: string): Promise<TaggingProxy> {
  const upstream = new URL(target);
  let tag: Record<string, string> = {};
  let open = 0;
  let maxOpen = 0;
  let barrier = 0;
  let held: Array<() => void> = [];
  const sockets = new Set<import("node:net").Socket>();
  const server = http.createServer((req, res) => {
    const headers = { ...req.headers, ...tag, host: upstream.host };
    open++;
    maxOpen = Math.max(maxOpen, open);
    let counted = true;
    const done = () => {
      if (counted) open--;
      counted = false;
    };
    const forward = () => {
      const out = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
        upRes.on("error", () => res.destroy());
      });
      out.on("error", () => res.destroy());
      req.pipe(out);
      res.on("close", () => {
        if (!res.writableFinished) out.destroy();
      });
    };
    res.on("close", done);
    if (open < barrier) held.push(forward);
    else {
      for (const release of held.splice(0)) release();
      forward();
    }
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    tag(testId, scenario) {
      tag = {};
      if (testId) tag["x-test-id"] = testId;
      if (scenario) tag["x-upstream-scenario"] = JSON.stringify(scenario);
    },
    holdUntil(count) {
      barrier = count;
    },
    get maxOpen() {
      return maxOpen;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Reads a whole body as bytes. */
export async function bytesOf(response: Response): Promise<Uint8Array> {
  return new Uint8Array(await response.arrayBuffer());
}
