#!/usr/bin/env node
// `npm run validators`: compiles the arktype rule tables in src/schema/rules/ ahead of time into plain
// JavaScript (src/schema/generated/validators.ts) and writes the rule table docs/validation.md.
// `--check` writes nothing and fails when either committed file differs from a fresh compile (npm test).
//
// How: arktype already generates a validator for each type (its JIT path); `type.internal.precompilation`
// is that source, an object of `<node>Allows(data, ctx)` / `<node>Apply(data, ctx)` methods calling each
// other through `this` and reading registered constants from the global `$ark`. Each method becomes a
// module-level function (so bundlers drop what a Worker never calls and minifiers rename it), each constant
// becomes a module-level literal, and src/schema/runtime.ts supplies the `ctx` they expect. Nothing at
// run time imports arktype or calls `new Function`/`eval`.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, transform } from "esbuild";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RULES = path.join(ROOT, "src/schema/rules/index.ts");
const OUT_CODE = path.join(ROOT, "src/schema/generated/validators.ts");
const OUT_DOCS = path.join(ROOT, "docs/validation.md");
const CHECK = process.argv.includes("--check");

// Built-in constructors the rules test with `instanceof`: referenced as globals, looked up at call time.
const GLOBALS = new Set(["Array", "Blob", "Uint8Array", "ArrayBuffer", "ReadableStream"]);
// Functions the runtime provides under the same name.
const RUNTIME = new Set(["printable"]);

/** Bundles the TypeScript rule tables (arktype stays external) and imports them. */
async function loadRules() {
  const tmp = path.join(ROOT, ".tmp", "validators");
  mkdirSync(tmp, { recursive: true });
  const outfile = path.join(tmp, "rules.mjs");
  await build({ entryPoints: [RULES], outfile, bundle: true, format: "esm", platform: "node", target: "es2022", packages: "external", logLevel: "error" });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

/** The methods of one type's JIT source, as `name -> source of "name(data, ctx) { … }"`. */
function methodsOf(node) {
  // Evaluating the source only builds an object of methods; none runs here.
  const factory = new Function(`return ${node.precompilation}`)();
  const methods = factory();
  return new Map(Object.keys(methods).map((name) => [name, methods[name].toString()]));
}

const callees = (source) => [...source.matchAll(/this\.(\w+)\(/g)].map((m) => m[1]);

async function compile() {
  const rules = await loadRules();
  const { ROOTS } = rules;
  const registry = globalThis.$ark;
  const all = new Map();
  const exports = [];
  const order = [];
  for (const [name, type] of Object.entries(ROOTS)) {
    const node = type.internal;
    for (const [method, source] of methodsOf(node)) {
      if (all.has(method) && all.get(method) !== source) throw new Error(`${method}: two different bodies under one id`);
      all.set(method, source);
    }
    exports.push([name, node.id]);
    // Only what a root's Allows/Apply reaches is emitted (arktype also compiles `Optimistic` variants).
    const stack = [`${node.id}Apply`];
    while (stack.length) {
      const method = stack.pop();
      if (order.includes(method)) continue;
      if (!all.has(method)) throw new Error(`${method} is called but not compiled`);
      order.push(method);
      stack.push(...callees(all.get(method)));
    }
  }
  order.sort((a, b) => a.localeCompare(b, "en", { numeric: true }));

  const constants = new Map();
  const imports = new Set();
  const functions = new Map();
  for (const method of order) {
    let source = all.get(method);
    for (const forbidden of ["queueMorphs", "queuedMorphs", "new Function", "eval("]) {
      if (source.includes(forbidden)) throw new Error(`${method}: "${forbidden}" is not supported by the runtime`);
    }
    source = source.replace(/this\.(\w+)\(/g, "$1(");
    // A key whose value is undefined is absent, as JSON.stringify drops it (and as TypeScript's optional
    // fields allow): arktype's own test is `"key" in data`. The differential tests give arktype the same view.
    source = source.replace(/if \("((?:[^"\\]|\\.)*)" in data\)/g, (_, raw) => {
      const key = JSON.parse(`"${raw}"`);
      return `if (${/^[A-Za-z_$][\w$]*$/.test(key) ? `data.${key}` : `data[${JSON.stringify(key)}]`} !== undefined)`;
    });
    if (/" in data\b/.test(source)) throw new Error(`${method}: a key test the runtime does not rewrite`);
    if (/\bthis\b/.test(source)) throw new Error(`${method}: unexpected use of "this"`);
    // Meta objects carry configured messages; an empty one only costs bytes. So do the node's own
    // fields (its domain, rule, unit or constructor): the runtime words failures from `description`.
    source = source.replace(/meta: \$ark\.(\w+),\s*/g, (all, ref) => (isEmptyObject(registry[ref]) ? "" : all));
    source = source.replace(/meta: \{\}(,\s*)?/g, "");
    source = source.replace(/ctx\.errorFromNodeContext\(\{ code: [^\n]*/g, (call) => call.replace(/\b(domain|rule|unit|proto|exclusive): ("(?:[^"\\]|\\.)*"|[\w$.+-]+),\s*/g, ""));
    source = source.replace(/\$ark\.(\w+)/g, (_, ref) => {
      const value = registry[ref];
      if (typeof value === "function" && GLOBALS.has(ref) && value === globalThis[ref]) return ref;
      if (typeof value === "function" && RUNTIME.has(ref)) {
        imports.add(ref);
        return ref;
      }
      if (typeof value === "function") {
        // A rule's own predicate (a `.narrow`): its source is ours, from src/schema/rules.
        constants.set(ref, `const $${ref} = ${value.toString()};`);
        return `$${ref}`;
      }
      if (!isJSON(value)) throw new Error(`$ark.${ref}: cannot serialise ${Object.prototype.toString.call(value)}`);
      constants.set(ref, `const $${ref} = ${JSON.stringify(value)};`);
      return `$${ref}`;
    });
    functions.set(method, `function ${source}`);
  }

  const { functions: unique, constants: shared } = dedupe(functions, constants);
  const body = [
    imports.size ? `import { ${[...imports].sort().join(", ")} } from "../runtime.js";` : "",
    ...[...shared.keys()].sort().map((ref) => shared.get(ref)),
    ...unique.values(),
    ...exports.map(([name, id]) => `export { ${rename(`${id}Apply`)} as ${name} };`),
  ].join("\n");
  const { code } = await transform(body, { loader: "js", format: "esm", target: "es2022" });
  const header = [
    "// @ts-nocheck: generated from src/schema/rules by scripts/compile-validators.mjs (`npm run validators`).",
    "// Do not edit: `npm test` fails when this file differs from a fresh compile.",
    "// arktype's JIT validators as plain functions; `ctx` is src/schema/runtime.ts's Context.",
    "",
  ].join("\n");
  return { code: header + code, roots: rules };
}

// Identical constants and functions under different ids (arktype keeps a node per definition site):
// keep the first of each, and point every reference at it. Repeats until nothing changes, since merging
// two functions can make their callers identical too.
const renamed = new Map();
const rename = (name) => (renamed.has(name) ? rename(renamed.get(name)) : name);

function dedupe(functions, constants) {
  const byValue = new Map();
  const kept = new Map();
  for (const ref of [...constants.keys()].sort()) {
    const value = constants.get(ref).replace(/^const \$\w+ = /, "");
    if (byValue.has(value)) renamed.set(`$${ref}`, byValue.get(value));
    else {
      byValue.set(value, `$${ref}`);
      kept.set(ref, constants.get(ref));
    }
  }
  let current = new Map([...functions].map(([name, source]) => [name, replaceRefs(source)]));
  for (;;) {
    const byBody = new Map();
    const next = new Map();
    for (const [name, source] of current) {
      const body = source.replace(/^function \w+/, "function");
      if (byBody.has(body)) renamed.set(name, byBody.get(body));
      else {
        byBody.set(body, name);
        next.set(name, source);
      }
    }
    if (next.size === current.size) return { functions: current, constants: kept };
    current = new Map([...next].map(([name, source]) => [name, replaceRefs(source)]));
  }
}

function replaceRefs(source) {
  return source.replace(/(?<![\w$])\$?[A-Za-z]+\d+(?:Allows|Apply)?\b/g, rename);
}

function isEmptyObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}

function isJSON(value) {
  if (value === null || ["string", "number", "boolean"].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(isJSON);
  return typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(isJSON);
}

// ---- docs/validation.md: the rule table, straight from the same types ---------------------------------------

const SECTIONS = [
  ["chatParams", "`chat.completions.create`", "OpenAIChatCompletionsIn"],
  ["completionParams", "`completions.create`", "OpenAICompletionsIn"],
  ["embeddingParams", "`embeddings.create`", "OpenAIEmbeddingsIn"],
  ["embeddingOptions", "`embeddings.create` options (the SDK's batching)", "the per-request limit of OpenAIEmbeddingsIn"],
  ["imageParams", "`images.generate`", "OpenAIImagesGenerationsIn"],
  ["transcriptionParams", "`audio.transcriptions.create`", "Body_openai_audio_transcriptions"],
  ["speechParams", "`audio.speech.create`", "OpenAITextToSpeechIn"],
];

const cell = (text) => text.replace(/\|/g, "\\|");

// arktype's own `expression` drops array length bounds (`string[] <= 4` prints `string[]`), so the table
// is rendered from each node's JSON form instead. Named parts print by name and get a table of their own.
function render(json, parts, top = false) {
  const named = !top && parts.find(([, type]) => JSON.stringify(type.json) === JSON.stringify(json));
  if (named) return named[0];
  if (typeof json === "string") return json.replace(/^\$ark\./, "");
  if (Array.isArray(json)) {
    const units = json.map((branch) => (typeof branch === "object" && branch !== null && "unit" in branch ? branch.unit : Symbol.for("other")));
    if (units.length === 2 && units[0] === false && units[1] === true) return "boolean";
    const hasBoolean = units.includes(false) && units.includes(true);
    const out = json.filter((_, i) => !(hasBoolean && typeof units[i] === "boolean")).map((branch) => render(branch, parts));
    return [...(hasBoolean ? ["boolean"] : []), ...out].join(" | ");
  }
  // arktype's JSON writes the `undefined` unit as the string "undefined" (no rule uses that string).
  if ("unit" in json) return json.unit === "undefined" ? "undefined" : JSON.stringify(json.unit);
  if (json.proto === "Array") {
    const item = render(json.sequence, parts);
    const bounds = [json.minLength !== undefined ? `at least ${json.minLength}` : "", json.maxLength !== undefined ? `at most ${json.maxLength}` : ""].filter(Boolean);
    return `${item.includes(" ") ? `(${item})` : item}[]${bounds.length ? ` (${bounds.join(", ")} items)` : ""}`;
  }
  if (json.domain === "number") {
    const base = json.divisor === 1 ? "integer" : "number";
    const bound = (b, inclusive, exclusive) => (typeof b === "object" ? [b.rule, b.exclusive ? exclusive : inclusive] : [b, inclusive]);
    const [min, minOp] = json.min === undefined ? [] : bound(json.min, "<=", "<");
    const [max, maxOp] = json.max === undefined ? [] : bound(json.max, "<=", "<");
    if (min !== undefined && max !== undefined) return `${number(min)} ${minOp} ${base} ${maxOp} ${number(max)}`;
    if (min !== undefined) return `${base} ${minOp === "<" ? ">" : ">="} ${number(min)}`;
    if (max !== undefined) return `${base} ${maxOp} ${number(max)}`;
    return base;
  }
  if (json.required || json.optional) {
    const props = [...(json.required ?? []).map((p) => `${p.key}: ${render(p.value, parts)}`), ...(json.optional ?? []).map((p) => `${p.key}?: ${render(p.value, parts)}`)];
    const predicate = json.predicate ? ` + ${json.predicate.map((p) => String(p).replace(/^\$ark\./, "")).join(", ")}` : "";
    return `{ ${props.join(", ")} }${predicate}`;
  }
  return json.domain ?? JSON.stringify(json);
}

// Big integers print exactly (the seed bounds are 2^63 and 2^64).
const number = (n) => (Number.isSafeInteger(n) ? n.toLocaleString("en-US") : n === 2 ** 64 ? "2^64" : n === -(2 ** 63) ? "-2^63" : String(n));

function docs(roots) {
  const lines = [
    "# Request validation",
    "",
    "<!-- Generated by scripts/compile-validators.mjs from src/schema/rules; `npm test` fails when it is stale. -->",
    "",
    "Every request is checked before it is sent, against rules that follow DeepInfra's own request models (its",
    "OpenAPI spec, 2026-05): never stricter than the server, as strict as it where it states a type or a bound.",
    "A top-level `null` or `undefined` means \"absent\" (the server's default), and so does a key set to",
    "`undefined` at any depth (`JSON.stringify` drops it). Unknown keys are not checked here: the params types",
    "have none (a typo fails `tsc`), and `extra_body` carries fields the SDK does not know yet.",
    "`validate: false` (client option or per call) skips the check.",
    "",
    "The rules are written in arktype's syntax in `src/schema/rules/` and compiled ahead of time to plain",
    "JavaScript (`src/schema/generated/validators.ts`): no arktype, `new Function` or `eval` at run time, so",
    "validation works on CSP-locked pages and in workerd. Messages are arktype's, e.g.",
    "`temperature must be at most 2 (was 3)`.",
    "",
    "Where the SDK departs from the model, on purpose:",
    "",
    "- `messages[].role` is required. The model gives each message class a default role, so a role-less message",
    "  is read as whichever class matches first; which one the server picks is not stated.",
    "- `tool_choice` naming a function that `tools` does not declare is refused: a forced call needs the",
    "  function's declared parameters.",
    "- `stop` and `stop_token_ids` have no item limit: the spec's \"up to 16\" is prose, its schema sets no",
    "  `maxItems`, so the server's model accepts more.",
    "- Open enumerations (`reasoning_effort`, `reasoning.effort`, `service_tier`, `tool_choice` strings) accept any",
    "  string: DeepInfra keeps adding values. The types list the known ones for autocomplete.",
    "- `object` fields (`cache_control`, `chat_template_kwargs`, `parameters`, `json_schema.schema`) follow",
    "  arktype's `object`, which also admits arrays.",
    "- Types are the schema's JSON types: the server's lax coercions (a number sent as the string `\"0.5\"`) are",
    "  not relied on.",
    "",
  ];
  const parts = Object.entries(roots.PARTS);
  for (const [name, title, model] of SECTIONS) {
    const json = roots.ROOTS[name].json;
    lines.push(`## ${title}`, "", `Model: ${model}.`, "", "| field | required | rule |", "| --- | --- | --- |");
    for (const prop of [...(json.required ?? []), ...(json.optional ?? [])]) {
      lines.push(`| \`${prop.key}\` | ${json.required?.includes(prop) ? "yes" : ""} | \`${cell(render(prop.value, parts))}\` |`);
    }
    if (json.predicate) lines.push("", `Also: ${json.predicate.map((p) => `\`${String(p).replace(/^\$ark\./, "")}\``).join(", ")} (see src/schema/rules).`);
    lines.push("");
  }
  lines.push("## Parts", "", "| part | rule |", "| --- | --- |");
  for (const [name, type] of parts) lines.push(`| \`${name}\` | \`${cell(render(type.json, parts, true))}\` |`);
  return `${lines.join("\n")}\n`;
}

const { code, roots } = await compile();
const outputs = [
  [OUT_CODE, code],
  [OUT_DOCS, docs(roots)],
];
if (CHECK) {
  const stale = outputs.filter(([file, text]) => {
    try {
      return readFileSync(file, "utf8") !== text;
    } catch {
      return true;
    }
  });
  if (stale.length) {
    console.error(`✖ stale: ${stale.map(([file]) => path.relative(ROOT, file)).join(", ")}; run \`npm run validators\` and commit the result`);
    process.exit(1);
  }
  console.log("✔ generated validators and docs/validation.md match src/schema/rules");
} else {
  for (const [file, text] of outputs) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    console.log(`wrote ${path.relative(ROOT, file)} (${text.length} chars)`);
  }
}
