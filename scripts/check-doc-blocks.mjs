#!/usr/bin/env node
// Type-checks every ```ts / ```typescript block of README.md, docs/*.md and examples/*/README.md against the
// built package (so the docs cannot drift from the code). Each block is its own module; the names snippets use
// without defining them (env, messages, request…) are declared once in scripts/doc-blocks-prelude.d.ts.
// A block whose first line is `// not checked: <reason>` is skipped (shell transcripts, partial signatures).
// Relative links in the same files must resolve.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(ROOT, ".tmp", "doc-blocks");
const files = ["README.md", ...readdirSync(path.join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
for (const dir of readdirSync(path.join(ROOT, "examples"))) if (existsSync(path.join(ROOT, "examples", dir, "README.md"))) files.push(`examples/${dir}/README.md`);

// Relative links must point at files that exist (a moved page breaks the check, not the reader).
const broken = [];
for (const file of [...files, "CONTRIBUTING.md", "CHANGELOG.md"]) {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
    if (/^[a-z]+:/i.test(target)) continue;
    if (!existsSync(path.join(ROOT, path.dirname(file), target))) broken.push(`${file}: ${target}`);
  }
}
if (broken.length) {
  console.error(`✖ broken relative links:\n  ${broken.join("\n  ")}`);
  process.exit(1);
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const blocks = [];
for (const file of files) {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  const re = /^```(ts|typescript)\s*\n([\s\S]*?)^```/gm;
  for (let match; (match = re.exec(text)); ) {
    const code = match[2];
    if (/^\s*\/\/ not checked:/.test(code)) continue;
    const line = text.slice(0, match.index).split("\n").length + 1;
    const name = `${file.replace(/[^a-z0-9]+/gi, "_")}_L${line}.ts`;
    // Deno's npm: specifier and relative paths in examples name the same package.
    const body = code.replace(/from "npm:deepinfra-edge(\/[a-z-]+)?(@[^"]*)?"/g, 'from "deepinfra-edge$1"');
    writeFileSync(path.join(OUT, name), `${body}\nexport {};\n`);
    blocks.push({ file, line, name });
  }
}
writeFileSync(
  path.join(OUT, "tsconfig.json"),
  JSON.stringify({
    compilerOptions: {
      target: "ES2022",
      module: "ESNext",
      moduleResolution: "Bundler",
      lib: ["ES2022", "WebWorker"],
      types: [],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      allowImportingTsExtensions: true,
      // Top-level await is what scripts in the docs use.
      moduleDetection: "force",
    },
    files: ["../../scripts/doc-blocks-prelude.d.ts", ...blocks.map((b) => b.name)],
  }),
);
const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsc"), ["-p", path.join(OUT, "tsconfig.json")], { cwd: ROOT, encoding: "utf8" });
const output = (result.stdout + result.stderr).replace(/\.tmp\/doc-blocks\/([^(:]+)/g, (_, name) => {
  const block = blocks.find((b) => b.name === name);
  return block ? `${block.file} (block at line ${block.line})` : name;
});
if (result.status !== 0) {
  console.error(output);
  console.error(`✖ ${blocks.length} code blocks checked; the errors above name the doc and the block.`);
  process.exit(1);
}
console.log(`✔ ${blocks.length} TypeScript code blocks in ${files.length} docs type-check against the package`);
