// The validator compiler refuses what it cannot compile faithfully, at compile time: a `.narrow()` predicate it would
// have to copy (one that reads module scope would throw a ReferenceError at run time), a local function posing as an
// exported predicate, a morph and a tuple. Each run is `--check` on a rule table in test/fixtures/rules/.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function compile(rules?: string): { status: number | null; stderr: string; stdout: string } {
  const args = ["scripts/compile-validators.mjs", "--check", ...(rules ? ["--rules", `test/fixtures/rules/${rules}`] : [])];
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  return { status: run.status, stderr: run.stderr, stdout: run.stdout };
}

describe("scripts/compile-validators.mjs", () => {
  it.each([
    ["narrow-closure.ts", ".narrow(underLimit): a predicate must be a function exported from src/schema/predicates.ts"],
    ["same-name.ts", "): not the function src/schema/predicates.ts exports under that name"],
    ["morph.ts", "in, morphs in"],
    ["tuple.ts", "cannot compile exactLength"],
  ])("refuses %s at compile time", (rules, message) => {
    const run = compile(rules);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(message);
  });

  it("accepts the project's own rules, and the committed output is fresh", () => {
    const run = compile();
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("match src/schema/rules");
  });
});
