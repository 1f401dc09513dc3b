import type { StandardSchemaV1 } from "@standard-schema/spec";
import { ValidationError } from "../errors/validation.js";

// The run-time half of the validators compiled ahead of time from src/schema/rules: the traversal
// context arktype's generated code calls, and its error wording. Hand-written so the package ships
// neither arktype nor its engine; test/schema/differential.test.ts holds it to arktype's own messages.

/** What the generated code passes to `ctx.errorFromNodeContext` (or a rule's `ctx.reject`). */
interface ErrorInput {
  code: string;
  description?: string;
  missingValueDescription?: string;
  expected?: string;
  actual?: string;
  relativePath?: readonly PropertyKey[];
  prefixPath?: readonly PropertyKey[];
  path?: readonly PropertyKey[];
  data?: unknown;
  errors?: Failure[];
}

/** One failed rule, worded lazily: most failures happen inside union branches and are thrown away. */
interface Failure {
  code: string;
  path: PropertyKey[];
  data: unknown;
  input: ErrorInput;
  errors: Failure[];
}

/**
 * A compiled validator: arktype's `Apply` traversal, which records failures in `ctx`. (arktype also compiles a
 * yes/no `Allows` traversal to try first; it is not shipped: it doubles the code for about 1.5 µs a request.)
 */
export type Compiled = (data: unknown, ctx: Context) => unknown;

/** arktype's traversal context, reduced to what its generated code uses. */
export class Context {
  path: PropertyKey[] = [];
  readonly failures: Failure[] = [];
  // Made on the first failure: most requests never fail.
  private byPath: Record<string, Failure> | undefined;
  private count = 0;
  private readonly branches: Array<{ error: Failure | undefined }> = [];

  constructor(readonly root: unknown) {}

  get currentErrorCount(): number {
    const branch = this.branches[this.branches.length - 1];
    return branch ? (branch.error ? 1 : 0) : this.count;
  }

  /** Inside a union branch the first failure decides: stop early. */
  get failFast(): boolean {
    return this.branches.length !== 0;
  }

  /** The value at the current path. */
  get data(): unknown {
    let value = this.root;
    for (const key of this.path) value = (value as Record<PropertyKey, unknown> | null | undefined)?.[key];
    return value;
  }

  hasError(): boolean {
    return this.currentErrorCount !== 0;
  }

  pushBranch(): void {
    this.branches.push({ error: undefined });
  }

  popBranch(): { error: Failure | undefined } | undefined {
    return this.branches.pop();
  }

  errorFromNodeContext(input: ErrorInput): Failure {
    const failure = this.failure(input);
    const branch = this.branches[this.branches.length - 1];
    if (branch) branch.error = failure;
    else this.add(failure);
    return failure;
  }

  /** For a rule's predicate (`.narrow`): record a failure and return false. */
  reject(input: Omit<ErrorInput, "code"> & { code?: string }): false {
    this.errorFromNodeContext({ ...input, code: input.code ?? "predicate" });
    return false;
  }

  private failure(input: ErrorInput): Failure {
    const { prefixPath, relativePath } = input;
    let errors: Failure[] = [];
    if (input.code === "union") {
      // Nested unions flatten, so a message never reads "x must be … or x must be …" twice over.
      errors = (input.errors ?? []).flatMap((inner) => {
        const flat = inner.code === "union" ? inner.errors : [inner];
        if (!prefixPath && !relativePath) return flat;
        return flat.map((e) => ({ ...e, path: [...(prefixPath ?? []), ...e.path, ...(relativePath ?? [])] }));
      });
    }
    const path = [...(prefixPath ?? []), ...(input.path ?? this.path), ...(relativePath ?? [])];
    return { code: input.code, path, data: "data" in input ? input.data : this.data, input, errors };
  }

  /** A second failure at the same path merges into one "intersection" failure, as arktype does. */
  private add(failure: Failure): void {
    const key = stringifyPath(failure.path);
    this.byPath ??= Object.create(null) as Record<string, Failure>;
    const existing = this.byPath[key];
    if (!existing) {
      this.byPath[key] = failure;
      this.failures.push(failure);
    } else {
      if (existing === failure || (existing.code === "union" && existing.errors.length === 0)) return;
      const merged =
        failure.code === "union" && failure.errors.length === 0
          ? failure
          : { code: "intersection", path: [...this.path], data: this.data, input: { code: "intersection" }, errors: existing.code === "intersection" ? [...existing.errors, failure] : [existing, failure] };
      this.failures[this.failures.indexOf(existing)] = merged;
      this.byPath[key] = merged;
    }
    this.count++;
  }
}

/** The issues a compiled validator finds in `value` (with `path` as the starting path), or undefined. */
export function findIssues(apply: Compiled, value: unknown, path: readonly PropertyKey[] = []): StandardSchemaV1.Issue[] | undefined {
  let root = value;
  for (let i = path.length - 1; i >= 0; i--) root = { [path[i] as PropertyKey]: root };
  const ctx = new Context(root);
  ctx.path = [...path];
  apply(value, ctx);
  if (ctx.failures.length === 0) return undefined;
  return ctx.failures.map((failure) => ({ message: message(failure), path: failure.path }));
}

/**
 * Throws a `ValidationError` worded `Invalid <where> params: <issue>; <issue>` when `issues` is not empty.
 * @throws ValidationError naming each field path and rule.
 */
export function throwIfInvalid(where: string, issues: readonly StandardSchemaV1.Issue[] | undefined): void {
  if (!issues?.length) return;
  // A merged failure reads over several lines; the summary is one.
  const summary = issues.map((issue) => issue.message.replace(/\n\s*/g, " ")).join("; ");
  throw new ValidationError(`Invalid ${where} params: ${summary}`, issues);
}

/** `params` without its top-level `null`/`undefined` fields: those mean "absent, the server's default". */
export function withoutAbsent<T>(params: T): T {
  if (typeof params !== "object" || params === null || Array.isArray(params)) return params;
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(params)) {
    const value = (params as Record<string, unknown>)[key];
    if (value !== null && value !== undefined) continue;
    out ??= { ...(params as Record<string, unknown>) };
    delete out[key];
  }
  return (out ?? params) as T;
}

// ---- wording: what arktype's error classes print, per failure code -------------------------------------------

const DOMAINS: Record<string, string> = {
  boolean: "boolean",
  null: "null",
  undefined: "undefined",
  bigint: "a bigint",
  number: "a number",
  object: "an object",
  string: "a string",
  symbol: "a symbol",
};

function expected(f: Failure): string {
  if (f.input.expected) return f.input.expected;
  switch (f.code) {
    case "required":
      return f.input.missingValueDescription ?? "";
    case "intersection":
      return `  ◦ ${f.errors.map(expected).join("\n  ◦ ")}`;
    case "union":
      return describeUnion(f.errors);
    default:
      return f.input.description ?? "valid";
  }
}

function actual(f: Failure): string {
  if (f.input.actual) return f.input.actual;
  const data = f.data as { length?: number };
  switch (f.code) {
    case "required":
      return "missing";
    case "domain":
      return Number.isNaN(data) ? "NaN" : (DOMAINS[domainOf(data)] as string);
    case "proto":
      return data instanceof Date && Number.isNaN(data.getTime()) ? "an invalid Date" : typeof data === "object" && data !== null ? (objectKindOf(data) ?? "object") : domainOf(data);
    case "minLength":
      return data.length === 0 ? "" : `${data.length}`;
    case "maxLength":
    case "exactLength":
      return `${data.length}`;
    default:
      return printable(f.data);
  }
}

function problem(f: Failure): string {
  const want = expected(f);
  if (f.code === "union") return want;
  const was = actual(f);
  if (f.code === "intersection") return `(${was}) must be...\n${want}`;
  if (f.code === "unit" && want === was) return `must be reference equal to ${want} (serialized to the same value)`;
  return `must be ${want}${was ? ` (was ${was})` : ""}`;
}

function message(f: Failure): string {
  const text = problem(f);
  if (f.code === "union") return text[0] === "[" ? `value at ${text}` : text;
  if (f.path.length === 0) return text;
  const located = `${stringifyPath(f.path)} ${text}`;
  // A path like [1] alone reads oddly at the start of a sentence.
  return located[0] === "[" ? `value at ${located}` : located;
}

/** One clause per path (`x must be a string (was 5)`), joined with "or", as arktype words a failed union. */
function describeUnion(errors: Failure[]): string {
  const byPath: Record<string, Failure[]> = {};
  for (const e of errors) (byPath[stringifyPath(e.path)] ??= []).push(e);
  return describeBranches(
    Object.entries(byPath).map(([at, group]) => {
      const first = group[0] as Failure;
      const want = describeBranches([...new Set(group.map(expected))]);
      const was = group.every((e) => actual(e) === actual(first)) ? actual(first) : printable(first.data);
      return `${at && `${at} `}must be ${want}${was && ` (was ${was})`}`;
    }),
  );
}

/** `a`, `a or b`, `a, b or c`; `false` and `true` together read "boolean". */
function describeBranches(descriptions: string[]): string {
  if (descriptions.length === 0) return "never";
  if (descriptions.length === 1) return descriptions[0] as string;
  if ((descriptions.length === 2 && descriptions[0] === "false" && descriptions[1] === "true") || (descriptions[0] === "true" && descriptions[1] === "false")) return "boolean";
  const unique = [...new Set(descriptions)];
  const last = unique.pop();
  return `${unique.join(", ")}${unique.length ? " or " : ""}${last}`;
}

const IDENTIFIER = /^[$A-Z_a-z][\w$]*$/;

/** `messages[0].content`, `["odd key"]`: the path as a property access chain. */
function stringifyPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "symbol") out += `[${String(key)}]`;
    else out += IDENTIFIER.test(key) ? (out === "" ? key : `.${key}`) : `[${JSON.stringify(key)}]`;
  }
  return out;
}

function domainOf(data: unknown): string {
  if (data === null) return "null";
  return typeof data === "function" ? "object" : typeof data;
}

// Constructors whose names arktype reports for a value of the wrong kind (`(was Array)`); others read "object".
const BUILTINS =
  "Array Boolean Date Error Function Map Number Promise RegExp Set String WeakMap WeakSet ArrayBuffer Blob File FormData Headers Request Response URL " +
  "Int8Array Uint8Array Uint8ClampedArray Int16Array Uint16Array Int32Array Uint32Array Float32Array Float64Array BigInt64Array BigUint64Array";

function objectKindOf(data: object): string | undefined {
  if (Array.isArray(data)) return "Array";
  for (let proto = Object.getPrototypeOf(data); proto?.constructor; proto = Object.getPrototypeOf(proto)) {
    const name = (proto.constructor as { name?: string }).name;
    const ctor = name && BUILTINS.split(" ").includes(name) ? (globalThis as Record<string, unknown>)[name] : undefined;
    if (typeof ctor === "function" && data instanceof ctor) return name;
  }
  return undefined;
}

/** A value as a message shows it: strings quoted, plain objects and arrays as JSON, other objects by kind. */
export function printable(data: unknown): string {
  if (typeof data === "string") return JSON.stringify(data);
  if (typeof data === "bigint") return `${data}n`;
  if (typeof data === "symbol") return String(data);
  if (typeof data !== "object" || data === null) return typeof data === "function" ? "Function" : String(data);
  const kind = Array.isArray(data) ? "Array" : ((data as { constructor?: { name?: string } }).constructor?.name ?? "Object");
  if (kind !== "Object" && kind !== "Array") return data instanceof Date ? data.toDateString() : kind;
  const seen: object[] = [];
  return JSON.stringify(data, function (this: unknown, _key, value: unknown) {
    if (value === undefined) return "undefined";
    if (typeof value === "bigint") return `${value}n`;
    if (typeof value === "function") return "Function";
    if (typeof value === "symbol") return String(value);
    if (typeof value === "object" && value !== null) {
      if (seen.includes(value)) return "(cycle)";
      seen.push(value);
    }
    return value;
  });
}
