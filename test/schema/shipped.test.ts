// What the package ships for validation: plain generated functions and a small runtime. Nothing imports
// arktype or its engine, and nothing generates code at run time (CSP pages, workerd: see test/node/csp.test.ts).
import { describe, expect, it } from "vitest";
import completions from "../../src/schema/completions.ts?raw";
import embeddings from "../../src/schema/embeddings.ts?raw";
import generated from "../../src/schema/generated/validators.ts?raw";
import media from "../../src/schema/media.ts?raw";
import params from "../../src/schema/params.ts?raw";
import newerApi from "../../src/schema/newer-api.ts?raw";
import predicates from "../../src/schema/predicates.ts?raw";
import runtime from "../../src/schema/runtime.ts?raw";

const SHIPPED = { generated, runtime, predicates, params, completions, embeddings, media, newerApi };

describe("the shipped validators", () => {
  it.each(Object.entries(SHIPPED))("%s imports no arktype and generates no code", (_name, source) => {
    expect(source).not.toMatch(/from\s+["'](arktype|@ark\/[^"']+)["']/);
    expect(source).not.toMatch(/import\(\s*["'](arktype|@ark\/)/);
    expect(source).not.toMatch(/\bnew Function\b|\beval\s*\(/);
    // Only the runtime, the generated module, the types and the error class are imported.
    for (const [, from] of source.matchAll(/from\s+["']([^"']+)["']/g)) expect(from).toMatch(/^(\.\/generated\/validators|\.\/runtime|\.\.\/runtime|\.\.\/predicates|\.\.\/types\/\w+|\.\.\/errors\/validation|@standard-schema\/spec)\.?j?s?$/);
  });

  it("has no side effects at import: only declarations at the top level of the generated module", () => {
    const topLevel = generated.split("\n").filter((line) => /^\S/.test(line) && !line.startsWith("//") && !line.startsWith("}"));
    for (const line of topLevel) expect(line).toMatch(/^(import \{|const k\d+ = |function v\d+\(d, c\) \{|export \{)/);
    expect(generated).toMatch(/^export \{$/m);
    // A constant built by a call must be marked pure, or every bundle keeps it (the browser reader's size gate).
    expect(generated).not.toMatch(/= new /);
  });

  it("imitates no arktype internals: no traversal context, no JIT method names, no $ark registry", () => {
    for (const source of [generated, runtime]) expect(source).not.toMatch(/errorFromNodeContext|pushBranch|currentErrorCount|Apply\(|Allows\(|\$ark/);
  });

  it("constructs ValidationError only in the runtime: no other file under src/ does", () => {
    const sources = import.meta.glob("../../src/**/*.ts", { query: "?raw", import: "default", eager: true }) as Record<string, string>;
    const builders = Object.entries(sources).filter(([, text]) => /new ValidationError\(/.test(text)).map(([file]) => file.replace("../../", ""));
    expect(builders).toEqual(["src/schema/runtime.ts"]);
  });
});
