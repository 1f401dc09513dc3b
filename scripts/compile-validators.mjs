#!/usr/bin/env node
// `npm run validators`: compiles the arktype rule tables in src/schema/rules/ ahead of time into plain
// JavaScript (src/schema/generated/validators.ts) and writes the rule table docs/validation.md.
// `--check` writes nothing and fails when either committed file differs from a fresh compile (npm test).
//
// How: each rule's public JSON view (`type.json`, arktype's documented serialisation of a type) is walked and
// turned into plain checks, one function per distinct node, that word their own failures
// (`temperature must be at most 2 (was 3)`) through the small runtime in src/schema/runtime.ts. A `.narrow()`
// predicate is imported by name from src/schema/predicates.ts, never copied. Anything in the JSON this file does
// not know, or a predicate it cannot import, stops the compile: no rule is dropped or guessed at.
// Nothing at run time imports arktype or calls `new Function`/`eval`.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, transform } from "esbuild";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// `--rules <file>`: another rule table (the compiler's own tests feed it rules it must refuse).
const RULES = process.argv.includes("--rules") ? path.resolve(process.argv[process.argv.indexOf("--rules") + 1]) : path.join(ROOT, "src/schema/rules/index.ts");
const OUT_CODE = path.join(ROOT, "src/schema/generated/validators.ts");
const OUT_DOCS = path.join(ROOT, "docs/validation.md");
const CHECK = process.argv.includes("--check");
// `--arktype <dir>`: resolve arktype from another install (a patch-version trial); the default is ours.
const ARKTYPE = process.argv.includes("--arktype") ? process.argv[process.argv.indexOf("--arktype") + 1] : undefined;

/** Bundles the TypeScript rule tables (arktype stays external) and imports them. */
async function loadRules() {
  // With --arktype the bundle is written into that install, so its `import "arktype"` resolves there.
  const tmp = ARKTYPE ? path.resolve(ARKTYPE) : path.join(ROOT, ".tmp", "validators");
  mkdirSync(tmp, { recursive: true });
  const outfile = path.join(tmp, "rules.mjs");
  await build({ entryPoints: [RULES], outfile, bundle: true, format: "esm", platform: "node", target: "es2022", packages: "external", logLevel: "error" });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

// ---- the code generator -------------------------------------------------------------------------------------

const DOMAINS = { string: "a string", number: "a number", object: "an object", boolean: "boolean", bigint: "a bigint", symbol: "a symbol" };
// Constructors a rule may test with `instanceof`; looked up at call time, so a runtime without one (no Blob) just fails the test.
const PROTOS = { Array: "an array", Blob: "a Blob", Uint8Array: "a Uint8Array", ArrayBuffer: "an ArrayBuffer", ReadableStream: "a ReadableStream", FormData: "a FormData", Function: "a function" };
const NODE_KEYS = new Set(["domain", "proto", "unit", "min", "max", "divisor", "minLength", "maxLength", "pattern", "sequence", "required", "optional", "index", "undeclared", "predicate", "meta"]);

class Generator {
  constructor(predicates) {
    this.predicates = predicates;
    this.functions = new Map(); // JSON text -> { name, source }
    this.constants = [];
    this.usedPredicates = new Set();
    this.keysOf = new Map(); // function name -> the constant listing its declared keys (closed objects only)
  }

  /** The name of the function checking `json`, generated once per distinct node. */
  fn(json) {
    const key = JSON.stringify(json);
    const known = this.functions.get(key);
    if (known) return known.name;
    const entry = { name: `v${this.functions.size}`, source: "" };
    this.functions.set(key, entry);
    const outer = this.current;
    this.current = entry.name;
    entry.source = `function ${entry.name}(d, c) {\n${this.body(json)}\n}`;
    this.current = outer;
    return entry.name;
  }

  constant(value) {
    const name = `k${this.constants.length}`;
    this.constants.push(`const ${name} = ${value};`);
    return name;
  }

  body(json) {
    json = normalize(json);
    if (typeof json === "string") return this.body(json in PROTOS ? { proto: json } : { domain: json });
    if (Array.isArray(json)) return this.union(json);
    // A described union: its branches, worded with the description.
    if (json.branches && Object.keys(json).every((k) => k === "branches" || k === "meta")) return this.union(json.branches, meta(json));
    const unknown = Object.keys(json).filter((k) => !NODE_KEYS.has(k));
    if (unknown.length) throw new Error(`cannot compile ${unknown.join(", ")} in ${JSON.stringify(json)}`);
    if ("unit" in json) {
      if (Object.keys(json).some((k) => k !== "unit" && k !== "meta")) throw new Error(`a unit with constraints: ${JSON.stringify(json)}`);
      return `if (d !== ${literal(json.unit)}) c.fail(${JSON.stringify(meta(json) ?? literal(json.unit))}, d);`;
    }
    const out = [];
    const domain = typeof json.domain === "object" ? json.domain.domain : json.domain;
    const own = meta(json);
    if (json.proto !== undefined) {
      if (!(json.proto in PROTOS)) throw new Error(`cannot compile the constructor ${json.proto}`);
      out.push(`if (!(${protoTest(json.proto)})) return c.fail(${JSON.stringify(own ?? PROTOS[json.proto])}, d, kind(d));`);
    } else if (domain !== undefined) {
      if (!(domain in DOMAINS) || domain === "boolean") throw new Error(`cannot compile the domain ${domain}`);
      out.push(`if (!(${domainTest(domain)})) return c.fail(${JSON.stringify(own ?? DOMAINS[domain])}, d, kind(d));`);
    } else if (Object.keys(json).some((k) => k !== "predicate" && k !== "meta")) throw new Error(`a node without a domain or constructor: ${JSON.stringify(json)}`);
    if (json.divisor !== undefined) {
      if (json.divisor !== 1) throw new Error(`cannot compile divisor ${json.divisor}`);
      out.push(`if (d % 1 !== 0) return c.fail(${JSON.stringify(own ?? "an integer")}, d);`);
    }
    for (const [field, op, inclusive, exclusive] of [["min", "<", "at least", "more than"], ["max", ">", "at most", "less than"]]) {
      if (json[field] === undefined) continue;
      const bound = typeof json[field] === "object" ? json[field] : { rule: json[field] };
      if (typeof bound.rule !== "number") throw new Error(`cannot compile ${field} ${JSON.stringify(bound)}`);
      const test = `d ${bound.exclusive ? `${op}=` : op} ${numberLiteral(bound.rule)}`;
      out.push(`if (${test}) c.fail(${JSON.stringify(own ?? `${bound.exclusive ? exclusive : inclusive} ${readable(bound.rule)}`)}, d);`);
    }
    const noun = json.proto === "Array" ? "item" : "character";
    for (const [field, op, word] of [["minLength", "<", "at least"], ["maxLength", ">", "at most"]]) {
      const n = json[field];
      if (n === undefined) continue;
      if (typeof n !== "number") throw new Error(`cannot compile ${field} ${JSON.stringify(n)}`);
      const text = field === "minLength" && n === 1 ? `a non-empty ${json.proto === "Array" ? "array" : "string"}` : `${word} ${n} ${noun}${n === 1 ? "" : "s"}`;
      out.push(`if (d.length ${op} ${n}) c.fail(${JSON.stringify(own ?? text)}, d${json.proto === "Array" && field === "maxLength" ? ", `${d.length} items`" : ""});`);
    }
    for (const pattern of json.pattern ?? []) {
      const { rule, flags = "" } = typeof pattern === "string" ? { rule: pattern } : pattern;
      const re = this.constant(new RegExp(rule, flags).toString());
      out.push(`if (!${re}.test(d)) c.fail(${JSON.stringify(own ?? `matching ${new RegExp(rule, flags)}`)}, d);`);
    }
    if (json.sequence !== undefined) {
      if (json.proto !== "Array") throw new Error(`a sequence outside an array: ${JSON.stringify(json)}`);
      if (typeof json.sequence === "object" && !Array.isArray(json.sequence) && ["prefix", "variadic", "optionals", "postfix", "minVariadicLength"].some((k) => k in json.sequence)) {
        throw new Error(`cannot compile a tuple: ${JSON.stringify(json.sequence)}`);
      }
      out.push(`for (let i = 0; i < d.length; i++) { c.path.push(i); ${this.fn(json.sequence)}(d[i], c); c.path.pop(); }`);
    }
    const declared = [];
    for (const prop of json.required ?? []) {
      declared.push(prop.key);
      const f = this.fn(prop.value);
      out.push(`c.path.push(${JSON.stringify(prop.key)}); if (${access(prop.key)} === undefined) c.fail(${JSON.stringify(describe(prop.value))}, undefined, "missing"); else ${f}(${access(prop.key)}, c); c.path.pop();`);
    }
    for (const prop of json.optional ?? []) {
      declared.push(prop.key);
      if ("default" in prop) throw new Error(`cannot compile the default of ${prop.key}`);
      // A key set to undefined is absent, as JSON.stringify drops it (and as TypeScript's optional fields allow).
      out.push(`if (${access(prop.key)} !== undefined) { c.path.push(${JSON.stringify(prop.key)}); ${this.fn(prop.value)}(${access(prop.key)}, c); c.path.pop(); }`);
    }
    for (const signature of json.index ?? []) {
      if (signature.signature !== "string") throw new Error(`cannot compile the index signature ${JSON.stringify(signature.signature)}`);
      const skip = declared.length ? `if (${this.constant(`/* @__PURE__ */ new Set(${JSON.stringify(declared)})`)}.has(k)) continue; ` : "";
      out.push(`for (const k of Object.keys(d)) { ${skip}c.path.push(k); ${this.fn(signature.value)}(d[k], c); c.path.pop(); }`);
    }
    if (json.undeclared !== undefined) {
      if (json.undeclared !== "reject" || json.index) throw new Error(`cannot compile undeclared: ${json.undeclared}`);
      const list = this.constant(JSON.stringify(declared));
      this.keysOf.set(this.current, list);
      const set = this.constant(`/* @__PURE__ */ new Set(${list})`);
      out.push(`for (const k of Object.keys(d)) if (!${set}.has(k) && d[k] !== undefined) c.unknown(k, ${list});`);
    }
    if (json.predicate) {
      const calls = json.predicate.map((p) => `${this.predicate(p)}(d, c)`).join(" && ");
      // As in arktype, a predicate runs only once the rest of the node holds.
      out.unshift("const n = c.issues.length;");
      out.push(`if (c.issues.length === n) ${calls};`);
    }
    return out.join("\n");
  }

  predicate(reference) {
    const ref = typeof reference === "object" ? reference.predicate : reference;
    const name = String(ref).replace(/^\$ark\./, "");
    const match = Object.entries(this.predicates).find(([exported, fn]) => typeof fn === "function" && (exported === name || exported === name.replace(/\d+$/, "")));
    if (!match) throw new Error(`.narrow(${name}): a predicate must be a function exported from src/schema/predicates.ts (it is imported, not copied)`);
    // arktype names a registered function after itself; a second function of the same name would get a suffix.
    const registered = globalThis.$ark?.[name];
    if (registered !== undefined && registered !== match[1]) throw new Error(`.narrow(${name}): not the function src/schema/predicates.ts exports under that name`);
    this.usedPredicates.add(match[0]);
    return match[0];
  }

  union(branches, own) {
    const flat = branches.flatMap((b) => (Array.isArray(b) ? b : [b]));
    if (flat.every((b) => typeof b === "object" && "unit" in b)) {
      return `if (${flat.map((b) => `d !== ${literal(b.unit)}`).join(" && ")}) c.fail(${JSON.stringify(own ?? describe(flat))}, d);`;
    }
    const discriminated = own ? undefined : this.discriminated(flat);
    if (discriminated) return discriminated;
    // A branch can pass only if its kind test holds: when one branch has the kind, it alone decides (and words the failure).
    const tests = flat.map(kindTest);
    const fns = flat.map((b) => this.fn(b));
    const all = JSON.stringify(own ?? describe(flat));
    return [
      `let hit = -1, hits = 0;`,
      ...tests.map((t, i) => `if (${t}) { hit = ${i}; hits++; }`),
      `if (hits === 0) return c.fail(${all}, d, kind(d));`,
      `if (hits === 1) { ${fns.map((f, i) => `if (hit === ${i}) return ${f}(d, c);`).join(" ")} }`,
      `const saved = c.issues;`,
      ...fns.map((f, i) => `if (${tests[i]}) { c.issues = []; ${f}(d, c); if (c.issues.length === 0) { c.issues = saved; return; } }`),
      `c.issues = saved;`,
      `c.fail(${all}, d);`,
    ].join("\n");
  }

  /** Object branches told apart by one key's literal values (`role`, `type`): dispatch on it, as the server's models do. */
  discriminated(flat) {
    if (!flat.every((b) => typeof b === "object" && !Array.isArray(b) && (b.domain === "object" || b.domain?.domain === "object") && !b.proto)) return undefined;
    const keys = new Set(flat.flatMap((b) => [...(b.required ?? []), ...(b.optional ?? [])].map((p) => p.key)));
    for (const key of keys) {
      const per = flat.map((b) => {
        const required = (b.required ?? []).find((p) => p.key === key);
        const optional = (b.optional ?? []).find((p) => p.key === key);
        const prop = required ?? optional;
        if (!prop) return undefined;
        const units = (Array.isArray(prop.value) ? prop.value : [prop.value]).map((v) => (typeof v === "object" && v !== null && "unit" in v && Object.keys(v).length === 1 ? v.unit : Symbol.for("not a unit")));
        if (units.some((u) => typeof u === "symbol")) return undefined;
        return { units, optional: !required };
      });
      if (per.some((p) => p === undefined)) continue;
      const seen = per.flatMap((p) => p.units);
      if (new Set(seen).size !== seen.length || per.filter((p) => p.optional).length > 1) continue;
      const fns = flat.map((b) => this.fn(b));
      const lines = [`if (!(${domainTest("object")})) return c.fail("an object", d, kind(d));`, `const t = ${access(key)};`];
      per.forEach((p, i) => lines.push(`if (${p.units.map((u) => `t === ${literal(u)}`).join(" || ")}${p.optional ? " || t === undefined" : ""}) return ${fns[i]}(d, c);`));
      lines.push(`c.path.push(${JSON.stringify(key)}); c.fail(${JSON.stringify(describeUnits(seen))}, t, t === undefined ? "missing" : undefined); c.path.pop();`);
      return lines.join("\n");
    }
    return undefined;
  }
}

// arktype's JSON names a constructor it has no built-in name for by its registry key (`$ark.ReadableStream`).
function normalize(json) {
  const bare = (name) => (typeof name === "string" && name.startsWith("$ark.") && name.slice(5) in PROTOS ? name.slice(5) : name);
  if (typeof json === "string") return bare(json);
  if (typeof json !== "object" || json === null || Array.isArray(json)) return json;
  // A described node repeats its description on each constraint: `{ rule, meta }` in place of the bare value.
  const out = { ...json };
  if (typeof out.proto === "object") out.proto = out.proto.proto;
  if (out.proto) out.proto = bare(out.proto);
  for (const key of ["minLength", "maxLength", "divisor"]) if (typeof out[key] === "object") out[key] = out[key].rule;
  return out;
}

const meta = (json) => (typeof json.meta === "string" ? json.meta : json.meta?.description);
const literal = (value) => (value === "undefined" ? "undefined" : JSON.stringify(value));
const access = (key) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `d.${key}` : `d[${JSON.stringify(key)}]`);
const numberLiteral = (n) => String(n);
const readable = (n) => (n === 2 ** 64 ? "2^64" : n === -(2 ** 63) ? "-2^63" : String(n));

function domainTest(domain) {
  // arktype's `object` domain includes functions.
  if (domain === "object") return `(typeof d === "object" && d !== null) || typeof d === "function"`;
  if (domain === "number") return `typeof d === "number" && !Number.isNaN(d)`;
  return `typeof d === ${JSON.stringify(domain)}`;
}

function protoTest(proto) {
  return proto === "Array" ? "Array.isArray(d)" : `typeof ${proto} !== "undefined" && d instanceof ${proto}`;
}

/** A necessary condition for `json` to hold: its domain, constructor or literal. */
function kindTest(json) {
  json = normalize(json);
  if (Array.isArray(json)) return json.map((b) => `(${kindTest(b)})`).join(" || ");
  if (json.branches) return kindTest(json.branches);
  if (json.predicate && !json.domain && !json.proto) return "true";
  if (typeof json === "string") return json in PROTOS ? protoTest(json) : domainTest(json);
  if ("unit" in json) return `d === ${literal(json.unit)}`;
  if (json.proto) return protoTest(json.proto);
  const domain = typeof json.domain === "object" ? json.domain.domain : json.domain;
  if (domain) return domainTest(domain);
  throw new Error(`no kind for ${JSON.stringify(json)}`);
}

function describeUnits(units) {
  const parts = [...new Set(units.map((u) => literal(u)))];
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} or ${parts.at(-1)}`;
}

/** What a node expects, as a failure words it: `a string`, `"a" or "b"`, `a string or an array`. */
function describe(json) {
  json = normalize(json);
  if (typeof json === "string") return PROTOS[json] ?? DOMAINS[json] ?? json;
  if (Array.isArray(json)) {
    const flat = json.flatMap((b) => (Array.isArray(b) ? b : [b]));
    const units = flat.filter((b) => typeof b === "object" && "unit" in b).map((b) => b.unit);
    const isBoolean = units.includes(true) && units.includes(false);
    // Kinds first, then literals: `a string, an array or null`.
    const parts = [];
    for (const b of flat) if (!(typeof b === "object" && "unit" in b)) parts.push(describe(b));
    if (isBoolean) parts.push("boolean");
    const rest = units.filter((u) => !(isBoolean && typeof u === "boolean"));
    if (rest.length) parts.push(describeUnits(rest));
    const unique = [...new Set(parts)];
    return unique.length === 1 ? unique[0] : `${unique.slice(0, -1).join(", ")} or ${unique.at(-1)}`;
  }
  if (meta(json)) return meta(json);
  if (json.branches) return describe(json.branches);
  if ("unit" in json) return literal(json.unit);
  if (json.proto) return PROTOS[json.proto] ?? json.proto;
  const domain = typeof json.domain === "object" ? json.domain.domain : json.domain;
  if (domain === "number" && json.divisor === 1) return "an integer";
  return DOMAINS[domain] ?? String(domain);
}

async function compile() {
  const rules = await loadRules();
  const gen = new Generator(rules.PREDICATES);
  const exports = [];
  for (const [name, type] of Object.entries(rules.ROOTS)) exports.push([name, gen.fn(type.json)]);
  const imports = [`import { kind } from "../runtime.js";`];
  if (gen.usedPredicates.size) imports.push(`import { ${[...gen.usedPredicates].sort().join(", ")} } from "../predicates.js";`);
  const body = [
    ...imports,
    ...gen.constants,
    ...[...gen.functions.values()].map((f) => f.source),
    ...exports.map(([name, fn]) => `export { ${fn} as ${name} };`),
    // A closed root's field names, for callers that route other keys to extra_body (the llm-interface layer).
    ...exports.filter(([, fn]) => gen.keysOf.has(fn)).map(([name, fn]) => `export { ${gen.keysOf.get(fn)} as ${name}Keys };`),
  ].join("\n");
  const { code } = await transform(body, { loader: "js", format: "esm", target: "es2022" });
  const header = [
    "// @ts-nocheck: generated from src/schema/rules by scripts/compile-validators.mjs (`npm run validators`).",
    "// Do not edit: `npm test` fails when this file differs from a fresh compile.",
    "// Each function checks one node of a rule's JSON view; `c` is src/schema/runtime.ts's Context.",
    "",
  ].join("\n");
  return { code: header + code, roots: rules };
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
  ["tokenizeParams", "`tokenize`", "the tokenize route's `{model, prompt|messages}`"],
  ["detokenizeParams", "`detokenize`", "the detokenize route's `{model, tokens}`"],
  ["rerankParams", "`rerank`", "the native inference input of reranker models (`queries`, `documents`)"],
  ["fileCreateParams", "`files.create`", "OpenAI's Batch API file upload, which DeepInfra's follows"],
  ["fileListParams", "`files.list`", "OpenAI's Batch API file list query"],
  ["batchCreateParams", "`batches.create`", "OpenAI's Batch API, which DeepInfra's follows (docs.deepinfra.com/batch)"],
  ["batchListParams", "`batches.list`", "OpenAI's Batch API list query"],
  ["batchRunParams", "`batches.run`", "the Batch API's limits: 50,000 requests per file, one model per batch; each request is checked by its endpoint's own rule"],
  ["inferenceRunParams", "`inference.run`", "the native `/v1/inference/{model}` route: a model path and the model's input fields"],
  ["parseParams", "`chat.completions.parse` (besides the chat fields)", "the SDK's structured output"],
  ["runToolsParams", "`chat.completions.runTools` (besides the chat fields)", "the SDK's tool loop; tool names follow OpenAI's function-name rule"],
  ["transportOptions", "client options: the transport", "the SDK's ClientOptions"],
  ["budgetOptions", "client option `budget`", "the SDK's BudgetOptions"],
  ["concurrencyOptions", "client option `concurrency`", "the SDK's ConcurrencyOptions"],
  ["featureOptions", "client options: features (`fallback` is an array of non-empty model names)", "the SDK's FeatureOptions"],
];

const cell = (text) => text.replace(/\|/g, "\\|");

// arktype's own `expression` drops array length bounds (`string[] <= 4` prints `string[]`), so the table
// is rendered from each node's JSON form instead. Named parts print by name and get a table of their own.
function render(json, parts, top = false) {
  const named = !top && parts.find(([, type]) => JSON.stringify(type.json) === JSON.stringify(json));
  if (named) return named[0];
  if (typeof json === "string") return json.replace(/^\$ark\./, "");
  if (typeof json === "object" && !Array.isArray(json) && meta(json)) return meta(json);
  if (typeof json === "object" && !Array.isArray(json) && json.branches) return render(json.branches, parts);
  if (typeof json === "object" && !Array.isArray(json) && typeof json.domain === "object") return render({ ...json, domain: json.domain.domain }, parts, top);
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
  if (json.index && !json.required && !json.optional) {
    const shown = (json.predicate ?? []).map((p) => String(p).replace(/^\$ark\./, "")).filter((p) => p !== "jsonObject");
    return `{ [key: string]: ${json.index.map((i) => render(i.value, parts)).join(" | ")} }${shown.length ? ` + ${shown.join(", ")}` : ""}`;
  }
  if (json.predicate && !json.domain && !json.proto && Object.keys(json).length === 1) return `any value + ${json.predicate.map((p) => String(p).replace(/^\$ark\./, "")).join(", ")}`;
  if (json.domain === "string" && json.predicate) return `string + ${json.predicate.map((p) => String(p).replace(/^\$ark\./, "")).join(", ")}`;
  if (json.required || json.optional) {
    const props = [...(json.required ?? []).map((p) => `${p.key}: ${render(p.value, parts)}`), ...(json.optional ?? []).map((p) => `${p.key}?: ${render(p.value, parts)}`)];
    const shown = (json.predicate ?? []).map((p) => String(p).replace(/^\$ark\./, "")).filter((p) => p !== "jsonObject");
    const predicate = shown.length ? ` + ${shown.join(", ")}` : "";
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
    "OpenAPI spec, 2026-05): as strict as the model where it states a type or a bound, and never stricter except",
    "where listed below. `validate: false` (client option or per call) skips the check.",
    "",
    "- A top-level `null` or `undefined` means \"absent\" (the server's default): it is not checked, and it is left out",
    "  of the body that is sent (the models refuse `null` for most fields; where they allow it, it means the default).",
    "  A key set to `undefined` at any depth is absent too (`JSON.stringify` drops it). `extra_body` is sent as given.",
    "- An object in the model (every `{…}` below, and the free-form `object` fields) is never an array.",
    "- An unknown top-level field (`max_token`, `maxTokens`, `temprature`) is refused, naming the closest known field;",
    "  `max_completion_tokens` (OpenAI's name, not in DeepInfra's models) names `max_tokens`. `extra_body` is the",
    "  door for a field the SDK does not know yet: its fields are merged into the body as given.",
    "",
    "The rules are written in arktype's syntax in `src/schema/rules/`. `scripts/compile-validators.mjs` reads each",
    "rule's public JSON view (`type.json`) and writes plain JavaScript (`src/schema/generated/validators.ts`) that",
    "words its own failures, e.g. `temperature must be at most 2 (was 3)`, through a small runtime",
    "(`src/schema/runtime.ts`). Rules that are not a type or a bound are `.narrow()` predicates exported from",
    "`src/schema/predicates.ts`, imported by the generated code rather than copied. The compile fails on anything in",
    "the JSON it cannot compile. No arktype, `new Function` or `eval` at run time, so validation works on CSP-locked",
    "pages and in workerd.",
    "",
    "`embeddings.create` `input`: the model sets `maxLength: 1024` beside `anyOf [string[], string]`. JSON Schema",
    "applies it to the string form only; the server's own check (Python's `len`) counts the characters of a string",
    "and the items of a list. Both readings refuse a lone string of more than 1024 characters, so that is refused",
    "here (counted in code points). The item count is the SDK's batching: an array longer than `batchSize` (at most",
    "1024) is split into several requests, so no request carries more than 1024 items.",
    "",
    "Where the SDK departs from the model, on purpose:",
    "",
    "- `messages[].role` is required. The model gives each message class a default role, so a role-less message",
    "  is read as whichever class matches first; which one the server picks is not stated.",
    "- `tool_choice` naming a function that `tools` does not declare is refused: a forced call needs the",
    "  function's declared parameters.",
    "- Unknown top-level fields are refused (above); the server ignores fields its model lacks. `extra_body` sends them.",
    "- `stop` and `stop_token_ids` have no item limit: the spec's \"up to 16\" is prose, its schema sets no",
    "  `maxItems`, so the server's model accepts more.",
    "- Open enumerations (`reasoning_effort`, `reasoning.effort`, `service_tier`, `tool_choice` strings) accept any",
    "  string: DeepInfra keeps adding values (and runs an unknown tier as `default`). The types list the known ones.",
    "- Fields the newer copies of the models add (`service_tier`, `fail_fast`, `models`, `continue_final_message`)",
    "  are accepted on the routes the docs offer them.",
    "- Types are the schema's JSON types: the server's lax coercions (a number sent as the string `\"0.5\"`) are",
    "  not relied on.",
    "",
    "Checked against DeepInfra's OpenAPI models by `test/schema/openapi-generated.test.ts` (seeded bodies for chat,",
    "completions and embeddings: every valid body is sent, at least 97 % of single-constraint violations are never",
    "sent invalid; the rest are the open enumerations above), and against arktype itself by",
    "`test/schema/differential.test.ts`.",
    "",
  ];
  const parts = Object.entries(roots.PARTS);
  for (const [name, title, model] of SECTIONS) {
    const json = roots.ROOTS[name].json;
    lines.push(`## ${title}`, "", `Model: ${model}.`, "", "| field | required | rule |", "| --- | --- | --- |");
    for (const prop of [...(json.required ?? []), ...(json.optional ?? [])]) {
      lines.push(`| \`${prop.key}\` | ${json.required?.includes(prop) ? "yes" : ""} | \`${cell(render(prop.value, parts))}\` |`);
    }
    const predicates = (json.predicate ?? []).map((p) => String(p).replace(/^\$ark\./, "")).filter((p) => p !== "jsonObject");
    if (predicates.length) lines.push("", `Also: ${predicates.map((p) => `\`${p}\``).join(", ")} (src/schema/predicates.ts).`);
    if (json.undeclared === "reject") lines.push("", "Any other field is refused, naming the closest one; `extra_body` sends it as given.");
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
