// Every platform example in examples/ (the Worker has its own suites) run in its own runtime against
// the local upstream: each proxy is started on a free loopback port, sent chats and read back as SSE;
// each script is run and its output read. The examples import the package by name, so this needs dist/.
import { BUN } from "./runtime-binaries.js";
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { promisify } from "node:util";
import { EdgeRuntime } from "edge-runtime";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ChatStream } from "../../dist/index.js";
import { recordedRequests, waitClosed, type Scenario } from "../helpers.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "node_modules", ".bin");
const OUT = path.join(ROOT, ".tmp", "examples");
const run = promisify(execFile);

const KEY = "example-key-never-leaks-7f3a";
const MODEL = "meta-llama/Meta-Llama-3.1-8B-Instruct";
const PARTS = ["Hello", " there", "!"];
// What the scripts print for test/fixtures/chat-stream.sse: the text, then tokens and cost.
const SCRIPT_OUTPUT = "Hello there!\n[14 tokens, $2.8e-7]\n";
const DENO_ENV = "--allow-env=DEEPINFRA_API_KEY,DEEPINFRA_BASE_URL";

/** A running proxy example: its base URL and everything it logged. */
interface Proxy {
  url: string;
  logs: () => string;
  stop: () => Promise<void>;
}

// The examples take one DEEPINFRA_BASE_URL for their whole life, so a tap in front of the upstream
// tags each request with the test id carried in the chat text ("[test:<id>]") and that test's scenario.
const scenarios = new Map<string, Scenario>();
let tap: http.Server;
let tapURL = "";
const proxies = new Map<string, Proxy>();
let bun = "";
let fromResponse: typeof ChatStream.fromResponse;

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, "dist", "index.js"))) throw new Error("dist/index.js is missing: run `npm run build` first");
  mkdirSync(OUT, { recursive: true });
  // The reading side is the package itself, as in a browser: ChatStream.fromResponse.
  const { ChatStream } = await import("../../dist/index.js");
  fromResponse = (response, options) => ChatStream.fromResponse(response, options);
  tap = http.createServer(relay);
  await new Promise<void>((resolve) => tap.listen(0, "127.0.0.1", resolve));
  tapURL = `http://127.0.0.1:${(tap.address() as { port: number }).port}`;
  bun = BUN;
  const env = { DEEPINFRA_API_KEY: KEY, DEEPINFRA_BASE_URL: tapURL, PORT: "0" };
  const started = await Promise.allSettled([
    startProcess("deno", path.join(BIN, "deno"), ["run", "--allow-net", `${DENO_ENV},PORT`, "server.ts"], "examples/deno", env),
    // --allow-read: the host imports the function file named on its command line.
    startProcess("netlify", path.join(BIN, "deno"), ["run", "--allow-net", DENO_ENV, "--allow-read", path.join(ROOT, "test/node/example-hosts/netlify-edge.mjs"), "netlify/edge-functions/chat.ts"], "examples/netlify-edge", env),
    startProcess("bun", bun, ["server.ts"], "examples/bun", env),
    startVercel(env),
  ]);
  for (const result of started) if (result.status === "rejected") throw result.reason;
}, 90_000);

afterAll(async () => {
  await Promise.all([...proxies.values()].map((p) => p.stop()));
  tap?.closeAllConnections();
  tap?.close();
});

/** The tap: forwards to the upstream, adding x-test-id and the test's scenario; a closed caller closes the upstream call. */
function relay(req: http.IncomingMessage, res: http.ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const body = Buffer.concat(chunks);
    const testId = /\[test:([\w-]+)\]/.exec(body.toString("utf8"))?.[1];
    const headers: http.OutgoingHttpHeaders = { ...req.headers, host: `127.0.0.1:${inject("upstreamPort")}` };
    if (testId) headers["x-test-id"] = testId;
    const scenario = testId ? scenarios.get(testId) : undefined;
    if (scenario) headers["x-upstream-scenario"] = JSON.stringify(scenario);
    const out = http.request({ host: "127.0.0.1", port: inject("upstreamPort"), method: req.method, path: req.url, headers, agent: false }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    out.on("error", () => res.destroy());
    res.on("close", () => out.destroy());
    out.end(body);
  });
}

/** Starts a server example and resolves once it prints `Listening on <url>`. */
function startProcess(name: string, command: string, args: string[], cwd: string, env: Record<string, string>): Promise<Proxy> {
  // Own process group, so stop() also ends anything a launcher shim started.
  const child: ChildProcess = spawn(command, args, { cwd: path.join(ROOT, cwd), env: { ...process.env, ...env, NO_COLOR: "1" }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const proxy: Proxy = {
    url: "",
    logs: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGTERM");
      await exited;
    },
  };
  proxies.set(name, proxy);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name}: not listening after 30 s\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const url = /Listening on (http:\/\/\S+?)\/?\s/.exec(output)?.[1];
      if (url && !proxy.url) {
        clearTimeout(timer);
        proxy.url = url;
        resolve(proxy);
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name}: exited with ${code} before listening\n${output}`));
    });
  });
}

/** Bundles the Vercel route as Next.js does for the edge and serves it from edge-runtime, App Router style. */
async function startVercel(env: Record<string, string>): Promise<Proxy> {
  const bundle = path.join(OUT, "vercel-route.js");
  await build({ entryPoints: [path.join(ROOT, "examples/vercel-edge/app/api/chat/route.ts")], bundle: true, format: "iife", globalName: "__route", platform: "browser", conditions: ["edge-light", "worker", "browser"], outfile: bundle, logLevel: "error" });
  // app/api/chat/route.ts serves /api/chat: an exported function per HTTP method.
  const router = `
addEventListener("fetch", (event) => {
  const handler = new URL(event.request.url).pathname === "/api/chat" ? __route[event.request.method] : undefined;
  event.respondWith(typeof handler === "function" ? handler(event.request) : new Response("No route", { status: 404 }));
});`;
  const logs: string[] = [];
  const runtime = new EdgeRuntime({
    initialCode: readFileSync(bundle, "utf8") + router,
    // Next.js gives edge code process.env and nothing else of process.
    extend: (context) => Object.assign(context, { process: { env }, console: { ...context.console, error: (...args: unknown[]) => logs.push(args.map(String).join(" ")) } }),
  });
  expect(runtime.evaluate("__route.runtime")).toBe("edge");
  // edge-runtime's own runServer never aborts request.signal and keeps waiting on a stalled body when
  // the client leaves; a platform cancels both, so this front does too.
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const controller = runtime.evaluate<AbortController>("new AbortController()");
      const body = ["GET", "HEAD"].includes(req.method!) ? undefined : Buffer.concat(chunks).toString("utf8");
      const response = await runtime.dispatchFetch(`http://${req.headers.host}${req.url}`, { method: req.method!, headers: req.headers as Record<string, string>, body, signal: controller.signal }).catch((error: unknown) => {
        logs.push(`dispatch failed: ${String(error)}`);
        return new Response("dispatch failed", { status: 500 });
      });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      const reader = response.body?.getReader();
      res.on("close", () => {
        if (res.writableFinished) return;
        controller.abort();
        void reader?.cancel().catch(() => {});
      });
      for (let next = await reader?.read(); next && !next.done; next = await reader!.read()) res.write(next.value);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const proxy: Proxy = {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    logs: () => logs.join("\n"),
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  proxies.set("vercel", proxy);
  return proxy;
}


function newTest(scenario?: Scenario): { id: string; tag: string } {
  const id = crypto.randomUUID();
  if (scenario) scenarios.set(id, scenario);
  return { id, tag: `[test:${id}]` };
}

function postChat(proxy: Proxy, body: unknown, signal?: AbortSignal): Promise<Response> {
  return fetch(`${proxy.url}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body), ...(signal ? { signal } : {}) });
}

/** Polls the proxy's log (pipes arrive a little after the response) for at most 5 s. */
async function logged(proxy: Proxy, text: string): Promise<string> {
  for (let i = 0; i < 100 && !proxy.logs().includes(text); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  return proxy.logs();
}

const PROXY_EXAMPLES = [
  ["deno", "examples/deno/server.ts (Deno.serve)"],
  ["netlify", "examples/netlify-edge (Netlify Edge Function under Deno)"],
  ["bun", "examples/bun/server.ts (Bun.serve)"],
  ["vercel", "examples/vercel-edge (Next.js edge route in edge-runtime)"],
] as const;

for (const [name, title] of PROXY_EXAMPLES) {
  describe.concurrent(title, () => {
    const proxy = () => proxies.get(name)!;

    it("streams a chat as SSE; the key comes from the environment, model and token cap from the server", async () => {
      const { id, tag } = newTest();
      const messages = [{ role: "user", content: `Hi ${tag}` }];
      const response = await postChat(proxy(), { messages, model: "someone-elses-expensive-model", max_tokens: 100_000 });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
      const parts: string[] = [];
      for await (const text of (await fromResponse(response)).textStream()) parts.push(text);
      expect(parts).toEqual(PARTS);
      const [request, ...more] = await recordedRequests(id);
      expect(more).toEqual([]);
      expect(request?.path).toBe("/v1/openai/chat/completions");
      expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(request?.json).toMatchObject({ model: MODEL, max_tokens: 512, stream: true, messages });
    });

    it("refuses a malformed body and invalid messages with 400, before any upstream call", async () => {
      const { id, tag } = newTest();
      const notJSON = await postChat(proxy(), `{"messages": ${tag}`);
      expect(notJSON.status).toBe(400);
      expect(await notJSON.json()).toEqual({ error: "Send JSON { messages: [...] }." });
      const badRole = await postChat(proxy(), { messages: [{ role: "wizard", content: tag }] });
      expect(badRole.status).toBe(400);
      expect(((await badRole.json()) as { error: string }).error).toMatch(/messages\[0\]\.role/);
      expect(await recordedRequests(id)).toEqual([]);
    });

    it("answers 502 without the key when the upstream echoes it back, and logs no key", async () => {
      const { id, tag } = newTest({ echoAuth: true });
      const response = await postChat(proxy(), { messages: [{ role: "user", content: `Hi ${tag}` }] });
      expect(response.status).toBe(502);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ error: "The model is unavailable, try again later." });
      expect(text).not.toContain(KEY);
      // The upstream did get the key (and echoed it); the SDK's error, logged by the example, did not keep it.
      expect((await recordedRequests(id))[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
      const logs = await logged(proxy(), "AuthenticationError");
      expect(logs).toContain("AuthenticationError");
      expect(logs).not.toContain(KEY);
    });

    it("closes the upstream call when the browser goes away mid-stream", async () => {
      const { id, tag } = newTest({ stallAfterBytes: 600 });
      const controller = new AbortController();
      const response = await postChat(proxy(), { messages: [{ role: "user", content: `Hi ${tag}` }] }, controller.signal);
      expect(response.status).toBe(200);
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let seen = "";
      while (!seen.includes('"content":"Hello"')) {
        const { value, done } = await reader.read();
        if (done) break;
        seen += value;
      }
      expect(seen).toContain('"content":"Hello"');
      controller.abort();
      expect((await waitClosed(id)).clientClosed).toBe(true);
    });
  });
}

describe.concurrent("scripts", () => {
  const env = () => ({ ...process.env, DEEPINFRA_API_KEY: KEY, DEEPINFRA_BASE_URL: tapURL, NO_COLOR: "1" });
  const SCRIPTS = [
    ["examples/deno/chat.ts (Deno)", () => path.join(BIN, "deno"), ["run", "--allow-net", DENO_ENV, "chat.ts"], "examples/deno"],
    ["examples/bun/chat.ts (Bun)", () => bun, ["chat.ts"], "examples/bun"],
    ["examples/node/chat.mjs (Node, ESM)", () => process.execPath, ["chat.mjs"], "examples/node"],
  ] as const;

  for (const [title, command, args, cwd] of SCRIPTS) {
    it(`${title} streams the reply to stdout, then tokens and cost`, async () => {
      const { id, tag } = newTest();
      const prompt = `Write a haiku ${tag}`;
      const { stdout } = await run(command(), [...args, prompt], { cwd: path.join(ROOT, cwd), env: env(), timeout: 60_000 });
      expect(stdout).toBe(SCRIPT_OUTPUT);
      const [request] = await recordedRequests(id);
      expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(request?.json).toMatchObject({ model: MODEL, stream: true, messages: [{ role: "user", content: prompt }] });
    });
  }
});

// The platforms' own type packages are not dependencies of this repo: these declare only what the
// examples touch, with the platforms' signatures, so the check is about the SDK calls.
const PLATFORM_TYPES = `
declare const Deno: {
  args: string[];
  env: { get(name: string): string | undefined };
  stdout: { write(bytes: Uint8Array): Promise<number> };
  serve(options: { hostname?: string; port?: number; onListen?: (address: { hostname: string; port: number }) => void }, handler: (request: Request) => Response | Promise<Response>): unknown;
};
declare const Bun: {
  argv: string[];
  env: Record<string, string | undefined>;
  serve(options: { hostname?: string; port?: number; idleTimeout?: number; routes?: Record<string, Record<string, (request: Request) => Response | Promise<Response>>>; fetch(request: Request): Response | Promise<Response> }): { url: URL };
};
declare const Netlify: { env: { get(name: string): string | undefined } };
declare module "@netlify/edge-functions" {
  export interface Context { requestId: string; ip: string; next(): Promise<Response> }
  export interface Config { path?: string | string[]; method?: string | string[] }
}
`;

describe("types", () => {
  it("every example compiles, strict, against the package's published types", async () => {
    const files = ["deno/server.ts", "deno/chat.ts", "netlify-edge/netlify/edge-functions/chat.ts", "bun/server.ts", "bun/chat.ts", "node/chat.mjs", "vercel-edge/app/api/chat/route.ts"];
    const types = path.join(ROOT, "dist", "index.d.ts");
    writeFileSync(path.join(OUT, "platforms.d.ts"), PLATFORM_TYPES);
    const compilerOptions = {
      target: "ES2022", module: "ESNext", moduleResolution: "Bundler", lib: ["ES2022", "DOM", "DOM.Iterable"], types: ["node"], typeRoots: [path.join(ROOT, "node_modules", "@types")],
      strict: true, noEmit: true, allowJs: true, checkJs: true, skipLibCheck: true,
      paths: { "deepinfra-edge": [types], "npm:deepinfra-edge": [types] },
    };
    writeFileSync(path.join(OUT, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["platforms.d.ts", ...files.map((f) => path.join(ROOT, "examples", f))] }, null, 2));
    const result = await run(path.join(BIN, "tsc"), ["-p", OUT], { cwd: ROOT }).catch((error: { stdout: string; code: number }) => error);
    expect(result.stdout.trim()).toBe("");
    expect((result as { code?: number }).code ?? 0).toBe(0);
  });
});
