// The package as npm and JSR would publish it: tarball contents, publint, Are The Types Wrong,
// TypeScript consumers compiling against the packed types, and a JSR dry run. Needs dist/.
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "node_modules", ".bin");
const WORK = path.join(ROOT, ".tmp", "package");
const run = promisify(execFile);

let tarball: string;
beforeAll(async () => {
  if (!existsSync(path.join(ROOT, "dist", "index.js"))) throw new Error("dist/index.js is missing: run `npm run build` first");
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  // dist/ is already built: --ignore-scripts keeps `prepare` from rebuilding it under other test files' feet.
  const { stdout } = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", WORK], { cwd: ROOT });
  tarball = path.join(WORK, (JSON.parse(stdout) as Array<{ filename: string }>)[0]!.filename);
}, 60_000);

describe("npm package", () => {
  it("contains only dist/, README, LICENSE, CHANGELOG and package.json", async () => {
    const { stdout } = await run("npm", ["pack", "--dry-run", "--ignore-scripts", "--json"], { cwd: ROOT });
    const files = (JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
    const stray = files.filter((f) => !f.startsWith("dist/") && !["README.md", "LICENSE", "CHANGELOG.md", "package.json"].includes(f));
    expect(stray).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(["dist/index.js", "dist/index.d.ts", "README.md", "LICENSE", "CHANGELOG.md"]));
    expect(files.filter((f) => f.endsWith(".map") || f.includes(".test."))).toEqual([]);
  });

  it("publint finds nothing", async () => {
    const { stdout } = await run(path.join(BIN, "publint"), ["--strict"], { cwd: ROOT });
    expect(stdout).toContain("All good!");
  });

  it("Are The Types Wrong: clean for ESM consumers (node16 from ESM, bundler)", async () => {
    // esm-only: CJS `require` of an ESM-only package and node10 resolution are out of scope by design.
    const { stdout } = await run(path.join(BIN, "attw"), [tarball, "--profile", "esm-only", "--format", "json"], { cwd: ROOT }).catch((error: { stdout: string }) => error);
    const result = JSON.parse(stdout) as { problems?: Record<string, Array<{ resolutionKind?: string }>> };
    const relevant = Object.values(result.problems ?? {}).flat().filter((p) => p.resolutionKind !== "node10" && p.resolutionKind !== "node16-cjs");
    expect(relevant).toEqual([]);
  });
});

const CONSUMER = `import { APIError, ChatStream, DeepInfra, ValidationError, type ChatCompletion, type ChatCompletionChunk } from "deepinfra-edge";

const client = new DeepInfra({ apiKey: "test-key-consumer", baseURL: "https://api.deepinfra.com", timeout: 10_000 });

export async function demo(): Promise<string> {
  const completion: ChatCompletion = await client.chat.completions.create({ model: "default", messages: [{ role: "user", content: "hi" }], temperature: 0.2 });
  const stream: ChatStream = await client.chat.completions.create({ model: "default", messages: [{ role: "user", content: "hi" }], stream: true });
  for await (const chunk of stream) {
    const typed: ChatCompletionChunk = chunk;
    void typed;
  }
  const packed = await client.embeddings.create({ model: "default", input: ["a"], encoding_format: "base64" });
  const vector: Float32Array | undefined = packed.data[0]?.embedding;
  void vector;
  const body: ReadableStream<Uint8Array> = stream.toReadableStream();
  void body;
  return completion.choices[0]?.message.content ?? "";
}

export function classify(error: unknown): number | string | undefined {
  if (error instanceof ValidationError) return error.issues.length;
  if (error instanceof APIError) return error.status;
  return undefined;
}

// The types are real, not any: a string temperature must not compile.
// @ts-expect-error temperature is a number
void client.chat.completions.create({ model: "default", messages: [{ role: "user", content: "hi" }], temperature: "hot" });
`;

const CONSUMERS = {
  bundler: { module: "ESNext", moduleResolution: "Bundler", lib: ["ES2022", "DOM", "DOM.Iterable"], types: [] },
  node16: { module: "Node16", moduleResolution: "Node16", lib: ["ES2022"], types: ["node"] },
};

// Every public entry, as a user imports it. Kept in step with package.json "exports" by the first assertion below.
const ENTRIES = ["deepinfra-edge", "deepinfra-edge/chat", "deepinfra-edge/durable", "deepinfra-edge/llm-interface", "deepinfra-edge/testing"];

describe("from a clean checkout (no dist/)", () => {
  // A copy of what the build reads, without dist/: `npm pack` and `npm publish` must build it themselves (F1: a git
  // install or a tarball used to ship four files and no code).
  const CLEAN = path.join(WORK, "clean");
  beforeAll(() => {
    rmSync(CLEAN, { recursive: true, force: true });
    mkdirSync(CLEAN, { recursive: true });
    for (const entry of ["src", "package.json", "rollup.config.mjs", "tsconfig.json", "README.md", "LICENSE", "CHANGELOG.md"]) {
      cpSync(path.join(ROOT, entry), path.join(CLEAN, entry), { recursive: true });
    }
    symlinkSync(path.join(ROOT, "node_modules"), path.join(CLEAN, "node_modules"), "dir");
  });

  it("every export in package.json is in ENTRIES", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { exports: Record<string, unknown> };
    const named = Object.keys(pkg.exports).filter((key) => key !== "./package.json").map((key) => (key === "." ? "deepinfra-edge" : `deepinfra-edge/${key.slice(2)}`));
    expect(named.sort()).toEqual([...ENTRIES].sort());
  });

  it("`npm publish --dry-run` builds dist/ and would publish it", async () => {
    const { stdout } = await run("npm", ["publish", "--dry-run", "--json"], { cwd: CLEAN, timeout: 240_000 });
    const report = JSON.parse(stdout) as Record<string, { files: Array<{ path: string }> }>;
    const files = report["deepinfra-edge"]!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(["dist/index.js", "dist/chat.js", "dist/llm-interface.js", "dist/testing/index.js", "dist/index.d.ts"]));
  }, 300_000);

  it("the packed tarball installs into a fresh project and every entry imports", async () => {
    const { stdout } = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", CLEAN], { cwd: CLEAN });
    const packed = path.join(CLEAN, (JSON.parse(stdout) as Array<{ filename: string }>)[0]!.filename);
    const app = path.join(WORK, "fresh-app");
    rmSync(app, { recursive: true, force: true });
    mkdirSync(app, { recursive: true });
    writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "fresh-app", private: true, type: "module" }));
    // --prefer-offline: the two runtime dependencies come from the npm cache when it has them.
    await run("npm", ["install", packed, "--prefer-offline", "--no-audit", "--no-fund"], { cwd: app, timeout: 240_000 });
    const script = `const names = ${JSON.stringify(ENTRIES)};
const mods = await Promise.all(names.map((n) => import(n)));
console.log(JSON.stringify(mods.map((m) => Object.keys(m).sort())));`;
    const { stdout: out } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: app });
    const [root, chat, durable, llm, testing] = JSON.parse(out) as string[][];
    expect(root).toEqual(expect.arrayContaining(["DeepInfra", "ChatStream", "APIError", "ValidationError"]));
    expect(chat).toEqual(expect.arrayContaining(["DeepInfra", "ChatStream"]));
    expect(durable).toEqual(expect.arrayContaining(["createTurnRecorder", "resumeResponse", "fitContext", "reconnectingBody"]));
    expect(llm).toEqual(expect.arrayContaining(["LLMInterface", "createInterface"]));
    expect(testing).toEqual(["createFakeDeepInfra"]);
  }, 300_000);

  it("examples/bun type-checks in a `bun init` project (real @types/bun, F11)", async () => {
    const app = path.join(WORK, "fresh-app");
    await run("npm", ["install", "@types/bun@1.4.5", "--prefer-offline", "--no-audit", "--no-fund"], { cwd: app, timeout: 240_000 });
    for (const file of ["server.ts", "chat.ts"]) cpSync(path.join(ROOT, "examples", "bun", file), path.join(app, file));
    // `bun init`'s tsconfig, plus `types` (TypeScript 7 no longer loads @types/* by itself).
    const compilerOptions = { lib: ["ESNext"], types: ["bun"], target: "ESNext", module: "Preserve", moduleDetection: "force", moduleResolution: "bundler", allowImportingTsExtensions: true, verbatimModuleSyntax: true, noEmit: true, strict: true, skipLibCheck: true, noFallthroughCasesInSwitch: true, noUncheckedIndexedAccess: true, noImplicitOverride: true };
    writeFileSync(path.join(app, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["server.ts", "chat.ts"] }));
    const result = await run(path.join(BIN, "tsc"), ["-p", app], { cwd: app }).catch((error: { stdout: string; code: number }) => error);
    expect(result.stdout.trim()).toBe("");
  }, 300_000);
});

describe("TypeScript consumers of the packed types", () => {
  for (const [name, options] of Object.entries(CONSUMERS)) {
    it(`compile with moduleResolution ${options.moduleResolution}`, async () => {
      const dir = path.join(WORK, `consumer-${name}`);
      const pkg = path.join(dir, "node_modules", "deepinfra-edge");
      mkdirSync(pkg, { recursive: true });
      await run("tar", ["-xzf", tarball, "-C", pkg, "--strip-components=1"]);
      writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: `consumer-${name}`, private: true, type: "module" }));
      writeFileSync(path.join(dir, "index.ts"), CONSUMER);
      // The package's own dependencies resolve from the repo's node_modules (a parent directory).
      const compilerOptions = { ...options, target: "ES2022", strict: true, noEmit: true, skipLibCheck: false, typeRoots: [path.join(ROOT, "node_modules", "@types")] };
      writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["index.ts"] }, null, 2));
      const result = await run(path.join(BIN, "tsc"), ["-p", dir], { cwd: dir }).catch((error: { stdout: string; code: number }) => error);
      expect(result.stdout.trim()).toBe("");
      expect((result as { code?: number }).code ?? 0).toBe(0);
    });
  }
});

describe("JSR", () => {
  it("jsr.json passes `deno publish --dry-run` (slow types checked, offline)", async () => {
    const { stdout, stderr } = await run(path.join(BIN, "deno"), ["publish", "--dry-run", "--allow-dirty", "--config", "jsr.json"], { cwd: ROOT, timeout: 120_000 });
    expect(`${stdout}${stderr}`).toContain("Dry run complete");
    expect(`${stdout}${stderr}`).not.toMatch(/(warning|error)\[|Found \d+ problem/);
  });
});
