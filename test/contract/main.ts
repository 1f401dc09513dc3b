// Command-line entry of the contract suite for Node, Deno and Bun: loads the package the way a user
// of that runtime would (`import "deepinfra-edge"`), runs the suite against the upstream URL given
// as the first argument, and prints one `CONTRACT {json}` line for test/node/runtimes.test.ts.
import * as lib from "deepinfra-edge";
import { runCases } from "./harness.js";
import { contractCases } from "./suite.js";

type Lib = typeof import("../../src/index.js");
const g = globalThis as { Deno?: { args: string[]; version: { deno: string } }; Bun?: { version: string }; process?: { argv: string[]; version: string } };
const runtime = g.Deno ? `deno ${g.Deno.version.deno}` : g.Bun ? `bun ${g.Bun.version}` : `node ${g.process?.version}`;
const baseURL = g.Deno ? g.Deno.args[0] : g.process?.argv[2];
if (!baseURL) throw new Error("usage: main.mjs <upstream URL>");
const report = await runCases(runtime, contractCases(lib as unknown as Lib, baseURL));
console.log(`CONTRACT ${JSON.stringify(report)}`);
