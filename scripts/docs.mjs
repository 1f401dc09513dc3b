#!/usr/bin/env node
// `npm run docs`: the API reference from the doc comments (TypeDoc) into docs/api/. `--check` (run by `npm test`)
// builds it into .tmp/api and fails when an export has no doc comment or a link is broken.
// TypeDoc needs TypeScript's JS API (<= 6.0) while the project builds with TypeScript 7, so it lives in
// tools/typedoc with its own lockfile, installed on first use.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TOOL = path.join(ROOT, "tools", "typedoc");
const check = process.argv.includes("--check");

const run = (command, args, cwd = ROOT) => {
  const result = spawnSync(command, args, { cwd, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status || 1);
};

if (!existsSync(path.join(TOOL, "node_modules", ".bin", "typedoc"))) run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], TOOL);
run(path.join(TOOL, "node_modules", ".bin", "typedoc"), ["--options", path.join(TOOL, "typedoc.json"), ...(check ? ["--out", path.join(ROOT, ".tmp", "api"), "--logLevel", "Warn"] : [])]);
if (!check) console.log("API reference written to docs/api/index.html");
