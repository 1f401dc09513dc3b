// The contract suite (test/contract/) in Node, Deno, Bun and headless Chromium, each as its own
// process, and in edge-runtime (Vercel Edge's local runtime, an in-process VM), against the local
// upstream; workerd runs the same suite in the vitest pool (test/contract/contract.test.ts).
// Needs dist/ (npm test builds it first).
import { BUN } from "./runtime-binaries.js";
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { EdgeRuntime } from "edge-runtime";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { ContractReport } from "../contract/harness.js";
import { contractCases } from "../contract/suite.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const OUT = path.join(ROOT, ".tmp", "contract");
const BIN = path.join(ROOT, "node_modules", ".bin");
const CHROMIUM = "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const run = promisify(execFile);
const upstream = () => `http://127.0.0.1:${inject("upstreamPort")}`;
// Building the cases touches nothing, so any stand-in for the package gives the count.
const CASES = contractCases({} as never, "http://unused").length;

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, "dist", "index.js"))) throw new Error("dist/index.js is missing: run `npm run build` first");
  mkdirSync(OUT, { recursive: true });
  // Node, Deno and Bun import the package by name (self-reference through package.json "exports").
  await build({ entryPoints: [path.join(ROOT, "test/contract/main.ts")], bundle: true, format: "esm", platform: "neutral", external: ["deepinfra-edge"], outfile: path.join(OUT, "main.mjs"), logLevel: "warning" });
  // The page gets one browser bundle of dist/index.js and its dependencies.
  await build({ entryPoints: [path.join(ROOT, "test/contract/browser.ts")], bundle: true, format: "esm", platform: "browser", conditions: ["browser"], outfile: path.join(OUT, "browser.mjs"), logLevel: "warning" });
  // edge-runtime evaluates scripts, not modules: one IIFE exposing runContract, resolved as Next.js does for the edge.
  await build({ entryPoints: [path.join(ROOT, "test/contract/edge.ts")], bundle: true, format: "iife", globalName: "__contract", platform: "browser", conditions: ["edge-light", "worker", "browser"], outfile: path.join(OUT, "edge.js"), logLevel: "error" });
}, 60_000);

/** Runs main.mjs under a runtime and returns its report line. */
async function runCLI(command: string, args: string[]): Promise<ContractReport> {
  const { stdout, stderr } = await run(command, [...args, path.join(OUT, "main.mjs"), upstream()], { cwd: ROOT, timeout: 90_000 });
  const line = stdout.split("\n").find((l) => l.startsWith("CONTRACT "));
  if (!line) throw new Error(`no CONTRACT line from ${command}\nstdout: ${stdout}\nstderr: ${stderr}`);
  return JSON.parse(line.slice("CONTRACT ".length)) as ContractReport;
}


function expectAllPassed(report: ContractReport): void {
  expect(report.failures).toEqual([]);
  expect(report.passed).toBe(CASES);
  expect(CASES).toBeGreaterThan(10);
}

describe("contract suite in other runtimes", () => {
  it("Node", async () => {
    const report = await runCLI(process.execPath, []);
    expect(report.runtime).toBe(`node ${process.version}`);
    expectAllPassed(report);
  });

  it("Deno (network permission only)", async () => {
    const report = await runCLI(path.join(BIN, "deno"), ["run", "--allow-net"]);
    expect(report.runtime).toMatch(/^deno \d/);
    expectAllPassed(report);
  });

  it("Bun", async () => {
    const report = await runCLI(BUN, []);
    expect(report.runtime).toMatch(/^bun \d/);
    expectAllPassed(report);
  });

  it("edge-runtime (Vercel Edge), code generation disabled as on Vercel", async () => {
    const runtime = new EdgeRuntime({ initialCode: readFileSync(path.join(OUT, "edge.js"), "utf8") });
    // The VM must be as strict as the platform: no eval, so the suite also proves the package needs none.
    expect(runtime.evaluate(`(() => { try { return new Function("return 1")(); } catch (error) { return error.name; } })()`)).toBe("EvalError");
    const report = JSON.parse(await runtime.evaluate<Promise<string>>(`__contract.runContract(${JSON.stringify(upstream())})`)) as ContractReport;
    expect(report.runtime).toBe("edge-runtime");
    expectAllPassed(report);
  });

  it("Chromium (headless), page on another origin than the upstream (CORS)", async () => {
    const page = "<!doctype html><meta charset=utf-8><title>contract</title>";
    const bundle = readFileSync(path.join(OUT, "browser.mjs"));
    const site = http.createServer((req, res) => {
      if (req.url === "/browser.mjs") res.writeHead(200, { "content-type": "text/javascript" }).end(bundle);
      else res.writeHead(200, { "content-type": "text/html" }).end(page);
    });
    await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
    const profile = mkdtempSync(path.join(os.tmpdir(), "contract-chromium-"));
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS });
    const errors: string[] = [];
    try {
      const tab = context.pages()[0] ?? (await context.newPage());
      tab.on("pageerror", (error) => errors.push(error.message));
      await tab.goto(`http://localhost:${(site.address() as { port: number }).port}/`);
      // A string, not a function: vite rewrites import() inside functions of this file.
      const report = (await tab.evaluate(`import("/browser.mjs").then((m) => m.runContract(${JSON.stringify(upstream())}))`)) as ContractReport;
      expect(report.runtime).toMatch(/^chromium \d/);
      expectAllPassed(report);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      site.closeAllConnections();
      site.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
