// Runs the example Worker (examples/worker) in real workerd through Miniflare, configured from
// wrangler.toml, and a tagging proxy between it and the local upstream so tests can record and
// fault-inject the Worker's upstream calls (the Worker itself never forwards test headers).
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { Readable } from "node:stream";
import { isDeepStrictEqual } from "node:util";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, inject } from "vitest";
import { Miniflare } from "miniflare";
import { unstable_readConfig } from "wrangler";
import { buildReactApp } from "../../examples/worker/react/build.mjs";
import type { Scenario } from "../upstream/server.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Clearly fake: tests search every output for it. */
export const FAKE_KEY = "test-key-never-leaks-7f3a9c2e51";

/** wrangler.toml as wrangler itself reads it (vars, compat date and flags, alias). */
export function readWranglerConfig() {
  return unstable_readConfig({ config: path.join(ROOT, "wrangler.toml") });
}

/**
 * Bundles the Worker the way wrangler does: wrangler.toml's [build] first (the /react page's script), then
 * the Worker with wrangler.toml's alias mapping "deepinfra-edge" to the source.
 */
export async function bundleWorker(): Promise<string> {
  await buildReactApp();
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

export interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | ReadableStream<Uint8Array>;
  signal?: AbortSignal;
  /** `Origin` header; default the handle's origin, null for none. */
  origin?: string | null;
  /** `Host` header; default the handle's host. */
  host?: string;
}

export interface WorkerHandle {
  mf: Miniflare;
  /** The port workerd listens on (the Worker's DEV_PORT). */
  port: number;
  /** The Host and Origin requests carry by default (`127.0.0.1:PORT`, or the public origin given to startWorker). */
  host: string;
  origin: string;
  /** Sends a request over a real socket, as a browser on `origin` would (any Host header may be set). */
  fetch(pathname: string, init?: FetchInit): Promise<Response>;
  close(): Promise<void>;
}

export interface WorkerOptions {
  /** Receives workerd's stdout/stderr (the Worker's console lines). */
  onOutput?: (text: string) => void;
  /** Serve as if deployed at this origin (PUBLIC_ORIGINS, DEV_PORT ""; requests carry its Host and Origin). */
  publicOrigin?: string;
  /** Durable Object storage directory, kept across restarts (default: in memory). */
  persist?: string;
  /** Cloudflare Rate Limiting bindings, e.g. `{ EDGE_RATE_LIMIT: { simple: { limit: 2, period: 60 } } }`. */
  ratelimits?: Record<string, { simple: { limit: number; period?: 10 | 60 } }>;
  /**
   * Puts a front Worker before the example, calling it through a service binding the way Cloudflare's
   * edge does: a request with `x-edge-abort-after-ms: N` is cancelled N ms after it arrives, which is
   * how the runtime reports a client that left (local workerd reports no disconnect before a response starts).
   */
  edge?: boolean;
  /** Binds wrangler.toml's `[[kv_namespaces]]` (Miniflare's local KV, in memory) unless false. */
  kv?: boolean;
}

const EDGE_SCRIPT = `export default {
  async fetch(request, env) {
    const after = Number(request.headers.get("x-edge-abort-after-ms") ?? "0");
    const controller = new AbortController();
    if (after > 0) setTimeout(() => controller.abort(), after);
    try {
      return await env.EXAMPLE.fetch(new Request(request, { signal: controller.signal }));
    } catch (error) {
      return new Response("edge: " + (error && error.name), { status: 599 });
    }
  },
};`;

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the bundled Worker in Miniflare with wrangler.toml's vars (DEV_PORT set to the port it
 * listens on, unless `publicOrigin` is given), overridden by `vars`.
 */
export async function startWorker(script: string, vars: Record<string, string>, options: WorkerOptions = {}): Promise<WorkerHandle> {
  const config = readWranglerConfig();
  const port = await freePort();
  const { onOutput } = options;
  const example = {
    name: "example",
    modules: [{ type: "ESModule" as const, path: "index.js", contents: script }],
    compatibilityDate: config.compatibility_date,
    compatibilityFlags: config.compatibility_flags,
    bindings: { ...(config.vars as Record<string, string>), ...(options.publicOrigin ? { PUBLIC_ORIGINS: options.publicOrigin, DEV_PORT: "", BEHIND_CLOUDFLARE: "true" } : { DEV_PORT: String(port) }), ...vars },
    durableObjects: { RATE_LIMITER: { className: "RateLimiter", useSQLite: true }, SPEND_BREAKER: { className: "SpendBreaker", useSQLite: true }, CHAT_ROOM: { className: "ChatRoom", useSQLite: true } },
    kvNamespaces: options.kv === false ? [] : config.kv_namespaces.map((namespace: { binding: string }) => namespace.binding),
    ...(options.ratelimits ? { ratelimits: options.ratelimits } : {}),
  };
  const edge = { name: "edge", modules: true, script: EDGE_SCRIPT, compatibilityDate: config.compatibility_date, serviceBindings: { EXAMPLE: "example" } };
  const mf = new Miniflare({
    workers: options.edge ? [edge, example] : [example],
    host: "127.0.0.1",
    port,
    ...(options.persist ? { durableObjectsPersist: options.persist } : {}),
    ...(onOutput
      ? {
          handleRuntimeStdio(stdout: NodeJS.ReadableStream, stderr: NodeJS.ReadableStream) {
            stdout.on("data", (data) => onOutput(String(data)));
            stderr.on("data", (data) => onOutput(String(data)));
          },
        }
      : {}),
  });
  await mf.ready;
  const host = options.publicOrigin ? new URL(options.publicOrigin).host : `127.0.0.1:${port}`;
  const origin = options.publicOrigin ?? `http://127.0.0.1:${port}`;
  return {
    mf,
    port,
    host,
    origin,
    fetch(pathname, init = {}) {
      const headers: Record<string, string> = { host: init.host ?? host, ...init.headers };
      const sent = init.origin === undefined ? origin : init.origin;
      if (sent !== null) headers.origin = sent;
      return rawFetch(port, pathname, { ...init, headers });
    },
    close: () => mf.dispose(),
  };
}

/**
 * fetch() over node:http: undici will not send a chosen Host header, and a rebinding or spoofing
 * test needs one. Aborting destroys the socket, a genuine client disconnect.
 */
export function rawFetch(port: number, pathname: string, init: { method?: string; headers: Record<string, string>; body?: FetchInit["body"]; signal?: AbortSignal }): Promise<Response> {
  return new Promise((resolve, reject) => {
    const method = init.method ?? "GET";
    const headers = { ...init.headers };
    if (typeof init.body === "string" || init.body instanceof Uint8Array) headers["content-length"] = String(Buffer.byteLength(init.body));
    const req = http.request({ host: "127.0.0.1", port, path: pathname, method, headers, agent: false });
    const abort = () => req.destroy(new DOMException("This operation was aborted", "AbortError"));
    if (init.signal?.aborted) return abort();
    init.signal?.addEventListener("abort", abort, { once: true });
    req.once("error", reject);
    req.once("response", (res) => {
      const status = res.statusCode ?? 0;
      const out = new Headers();
      for (let i = 0; i < res.rawHeaders.length; i += 2) out.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
      const empty = method === "HEAD" || status === 204 || status === 304;
      const body = empty ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>);
      resolve(new Response(body, { status, statusText: res.statusMessage ?? "", headers: out }));
    });
    const { body } = init;
    if (body instanceof ReadableStream) {
      void (async () => {
        const reader = body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          req.write(value);
        }
        req.end();
      })().catch((error: Error) => req.destroy(error));
    } else req.end(body);
  });
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

/** A response's status, the stable error's code and message, and the whole text (for leak checks). */
export async function errorOf(response: Response): Promise<{ status: number; code: string | undefined; message: string | undefined; text: string; headers: Headers }> {
  const text = await response.text();
  let error: { code?: string; message?: string } | undefined;
  try {
    error = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
  } catch {
    error = undefined;
  }
  return { status: response.status, code: error?.code, message: error?.message, text, headers: response.headers };
}

/** A minimal chat body. */
export const HELLO = { messages: [{ role: "user", content: "Hi" }] };

/** One event of a UI message stream answer: a part, a heartbeat comment, or the closing `[DONE]`. */
export type UIStreamEvent = { kind: "part"; part: { type: string; [field: string]: unknown } } | { kind: "comment"; text: string } | { kind: "done" };

/**
 * Splits a UI message stream answer into its events, and checks every part the way `useChat` reads it:
 * `ai`'s own `parseJsonEventStream` with its `uiMessageChunkSchema` (the pinned version's protocol).
 * @throws when the schema rejects a part, or the text is not whole events.
 */
export async function readUIStream(text: string): Promise<UIStreamEvent[]> {
  const { parseJsonEventStream, uiMessageChunkSchema } = await import("ai");
  if (!text.endsWith("\n\n")) throw new Error(`UI stream does not end with a whole event: ${JSON.stringify(text.slice(-80))}`);
  const events: UIStreamEvent[] = text
    .slice(0, -2)
    .split("\n\n")
    .map((block) => {
      if (block.startsWith(":")) return { kind: "comment" as const, text: block };
      if (block === "data: [DONE]") return { kind: "done" as const };
      if (!block.startsWith("data: ") || block.includes("\n")) throw new Error(`not a UI stream event: ${JSON.stringify(block)}`);
      return { kind: "part" as const, part: JSON.parse(block.slice(6)) as { type: string } };
    });
  const parsed: unknown[] = [];
  for await (const result of parseJsonEventStream({ stream: new Response(text).body!, schema: uiMessageChunkSchema }) as unknown as AsyncIterable<{ success: boolean; value?: unknown; error?: unknown }>) {
    if (!result.success) throw new Error(`uiMessageChunkSchema rejected a part: ${String(result.error)}`);
    parsed.push(result.value);
  }
  // What the schema read is exactly the parts sent: none skipped, none altered.
  const sent = events.flatMap((event) => (event.kind === "part" ? [event.part] : []));
  if (!isDeepStrictEqual(parsed, sent)) throw new Error(`parsed parts differ from the sent ones:\n${JSON.stringify(parsed)}\n${JSON.stringify(sent)}`);
  return events;
}

/** A `useChat` request body: one user message per text, answers between them as assistant text. */
export function uiChatBody(...turns: string[]): { id: string; messages: Array<{ id: string; role: "user" | "assistant"; parts: Array<{ type: string; text?: string }> }>; trigger: "submit-message" } {
  return {
    id: "chat-1",
    messages: turns.map((text, i) => ({ id: `m${i}`, role: i % 2 === 0 ? "user" : "assistant", parts: [{ type: "text", text }] })),
    trigger: "submit-message",
  };
}

/** The Workers of one test file: a tagging proxy before the local upstream and the bundled Worker, made once. */
export interface WorkerSuite {
  /** Set before the first test. */
  proxy: TaggingProxy;
  /** The bundled Worker; set before the first test. */
  script: string;
  /** Starts the Worker with the fake key and the proxy as its upstream, plus `vars`; closed after the file's tests. */
  start(vars: Record<string, string>, options?: WorkerOptions): Promise<WorkerHandle>;
}

/** Registers the file's `beforeAll`/`afterAll` for a `WorkerSuite`; call it at the top of a test file. */
export function workerSuite(): WorkerSuite {
  const running: WorkerHandle[] = [];
  const suite: WorkerSuite = {
    proxy: undefined as unknown as TaggingProxy,
    script: "",
    async start(vars, options = {}) {
      const worker = await startWorker(suite.script, { DEEPINFRA_API_KEY: FAKE_KEY, DEEPINFRA_BASE_URL: suite.proxy.url, ...vars }, options);
      running.push(worker);
      return worker;
    },
  };
  beforeAll(async () => {
    suite.proxy = await startTaggingProxy(`http://127.0.0.1:${inject("upstreamPort")}`);
    suite.script = await bundleWorker();
  });
  afterAll(async () => {
    for (const worker of running) await worker.close();
    await suite.proxy?.close();
  });
  return suite;
}
