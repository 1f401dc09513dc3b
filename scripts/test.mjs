#!/usr/bin/env node
// `npm test`: every check a submission must pass, in order, stopping at the first failure.
// Each step is a plain command so a failure names itself.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

const REPORT = ".tmp/vitest-report.json";

const steps = [
  // The validators shipped in src/schema/generated must be a fresh compile of src/schema/rules.
  ["validators", "node", ["scripts/compile-validators.mjs", "--check"]],
  ["build", "npm", ["run", "build", "--silent"]],
  ["typecheck", "npm", ["run", "typecheck", "--silent"]],
  // The browser test drives Debian's /usr/bin/chromium: install or find it, or stop here with how to.
  ["chromium", "node", ["scripts/ensure-chromium.mjs"]],
  ["vitest", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${REPORT}`]],
  // Size budgets: the minimal streaming Worker, the browser stream reader (cold-start timing stays in `npm run size`).
  ["size", "node", ["scripts/size.mjs", "--gate-only"]],
  // The docs cannot drift: every TypeScript block in README.md and docs/ compiles against the built package,
  // and every export has a doc comment (TypeDoc, installed apart in tools/typedoc on first use).
  ["doc-blocks", "node", ["scripts/check-doc-blocks.mjs"]],
  ["api-docs", "node", ["scripts/docs.mjs", "--check"]],
];

// CI reads a plain "N passed, N failed" closing line; vitest's own summary is not one it knows.
let counts = "";
function readCounts() {
  if (!existsSync(REPORT)) return;
  const report = JSON.parse(readFileSync(REPORT, "utf8"));
  const skipped = report.numPendingTests + report.numTodoTests;
  counts = `${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}`;
  console.log(`\n${counts}`);
}

rmSync(REPORT, { force: true });
for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (name === "vitest") readCounts();
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${result.status ?? result.signal})`);
    if (counts) console.log(counts);
    process.exit(result.status || 1);
  }
}
console.log("\n✔ all test steps passed");
if (counts) console.log(counts);
