// Browser entry of the contract suite: bundled with dist/index.js for the page that
// test/node/runtimes.test.ts opens in headless Chromium.
import * as lib from "../../dist/index.js";
import { runCases, type ContractReport } from "./harness.js";
import { contractCases } from "./suite.js";

type Lib = typeof import("../../src/index.js");

/** Runs the whole suite in this page against `baseURL` (the upstream, reached with CORS). */
export function runContract(baseURL: string): Promise<ContractReport> {
  return runCases(`chromium ${navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? ""}`.trim(), contractCases(lib as unknown as Lib, baseURL));
}
