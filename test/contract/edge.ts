// Vercel Edge entry of the contract suite: bundled (IIFE) with dist/index.js and evaluated inside
// edge-runtime's VM by test/node/runtimes.test.ts, where `EdgeRuntime` is a global string.
import * as lib from "../../dist/index.js";
import { runCases } from "./harness.js";
import { contractCases } from "./suite.js";

type Lib = typeof import("../../src/index.js");

/** Runs the whole suite against `baseURL`; the report comes back as JSON, one value across the VM boundary. */
export async function runContract(baseURL: string): Promise<string> {
  const runtime = (globalThis as { EdgeRuntime?: string }).EdgeRuntime ?? "not edge-runtime";
  return JSON.stringify(await runCases(runtime, contractCases(lib as unknown as Lib, baseURL)));
}
