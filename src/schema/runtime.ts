import type { StandardSchemaV1 } from "@standard-schema/spec";
import { ValidationError } from "../errors/validation.js";

// The small runtime the generated validators (src/schema/generated/validators.ts) import, as Ajv standalone
// and typia ship theirs: a path stack, the issue list and the wording of one failure. The generated code
// decides what failed and what was expected; nothing here knows arktype.

/** What the generated code and a rule's predicate see: the path being checked and the issues found so far. */
export class Context {
  readonly path: PropertyKey[] = [];
  issues: StandardSchemaV1.Issue[] = [];

  /** Records `<path> must be <expected> (was <actual>)`; `actual` defaults to the value as a message shows it. */
  fail(expected: string, data: unknown, actual?: string): false {
    const path = [...this.path];
    const was = actual ?? shown(data);
    this.issues.push({ message: `${located(path)}must be ${expected}${was ? ` (was ${was})` : ""}`, path });
    return false;
  }

  /** A rule's predicate (`.narrow`) reports here, with the arguments arktype's own `ctx.reject` takes. */
  reject(input: { expected: string; actual?: string; relativePath?: readonly PropertyKey[] }): false {
    const depth = this.path.length;
    this.path.push(...(input.relativePath ?? []));
    this.fail(input.expected, undefined, input.actual ?? "");
    this.path.length = depth;
    return false;
  }

  /** An undeclared key: names the closest declared one and points at `extra_body`. */
  unknown(key: string, known: readonly string[]): void {
    const near = closest(key, known);
    this.path.push(key);
    const path = [...this.path];
    this.path.pop();
    const hint = near ? `did you mean ${JSON.stringify(near)}? ` : "";
    this.issues.push({ message: `${located(path)}is not a known field (${hint}send fields the SDK does not know in extra_body)`, path });
  }
}

/** A compiled validator: records what is wrong with `data` in `ctx`. */
export type Compiled = (data: unknown, ctx: Context) => void;

/** The issues a compiled validator finds in `value` (with `path` as the starting path), or undefined. */
export function findIssues(check: Compiled, value: unknown, path: readonly PropertyKey[] = []): StandardSchemaV1.Issue[] | undefined {
  const ctx = new Context();
  ctx.path.push(...path);
  check(value, ctx);
  return ctx.issues.length ? ctx.issues : undefined;
}

/**
 * Throws a `ValidationError` worded `Invalid <where> params: <issue>; <issue>` when `issues` is not empty.
 * @throws ValidationError naming each field path and rule.
 */
export function throwIfInvalid(where: string, issues: readonly StandardSchemaV1.Issue[] | undefined): void {
  if (!issues?.length) return;
  throw new ValidationError(`Invalid ${where} params: ${issues.map((issue) => issue.message).join("; ")}`, issues);
}

/** Checks `value` and throws the `ValidationError` naming every broken rule. */
export function check(where: string, validator: Compiled, value: unknown, path?: readonly PropertyKey[]): void {
  throwIfInvalid(where, findIssues(validator, value, path));
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

/** `messages[0].content `, `["odd key"] `: the path as a property access chain, then a space. */
function located(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[$A-Z_a-z][\w$]*$/.test(key)) out += out === "" ? key : `.${key}`;
    // A rule that spans fields names them in words: "query or queries".
    else if (typeof key === "string" && / or /.test(key) && /^[\w ]+$/.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${typeof key === "string" ? JSON.stringify(key) : String(key)}]`;
  }
  if (out === "") return "";
  return `${out[0] === "[" ? "value at " : ""}${out} `;
}

/** What kind of value `data` is, for a failed type test: `a number`, `an array`, `missing`. */
export function kind(data: unknown): string {
  if (data === undefined) return "missing";
  if (data === null) return "null";
  if (Array.isArray(data)) return "an array";
  if (typeof data === "number" && Number.isNaN(data)) return "NaN";
  if (typeof data === "boolean") return "boolean";
  const name = typeof data === "object" ? (data as object).constructor?.name : undefined;
  if (name && name !== "Object") return name;
  return /^[aeiou]/.test(typeof data) ? `an ${typeof data}` : `a ${typeof data}`;
}

/** A value as a message shows it, kept short: a 50,000-line batch must not land in a message. */
export function shown(data: unknown): string {
  if (typeof data === "string") return JSON.stringify(data.length > 60 ? `${data.slice(0, 60)}…` : data);
  if (typeof data === "number" || typeof data === "boolean" || data === null) return String(data);
  if (Array.isArray(data) && data.length > 8) return `an array of ${data.length}`;
  if (Array.isArray(data) || (typeof data === "object" && Object.getPrototypeOf(data) === Object.prototype)) {
    try {
      const text = JSON.stringify(data);
      return text.length > 80 ? `${text.slice(0, 80)}…` : text;
    } catch {
      return kind(data);
    }
  }
  return kind(data);
}

/** The declared key nearest `key`: same letters ignoring case and `_`, else at most 3 edits, else a known alias. */
/** The declared name a typo most likely meant: the same letters ignoring case, `_` and `-`, else a small edit distance. */
export function closest(key: string, known: readonly string[]): string | undefined {
  const bare = (s: string) => s.toLowerCase().replace(/[_-]/g, "");
  const same = known.find((k) => bare(k) === bare(key));
  if (same) return same;
  let best: string | undefined;
  let bestDistance = 4;
  for (const k of known) {
    const d = distance(bare(key), bare(k));
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  if (best) return best;
  // OpenAI's newer name for the same limit; DeepInfra's models only have max_tokens.
  if (bare(key) === "maxcompletiontokens" && known.includes("max_tokens")) return "max_tokens";
  return undefined;
}

/** Levenshtein distance, two rows: the keys are short. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length] as number;
}

/**
 * Throws the `ValidationError` for a rule no table can state because it depends on run-time state (a model alias
 * resolved against the client's table, the size of a JSONL built from the requests).
 * @throws ValidationError worded like the compiled rules.
 */
export function refuse(where: string, path: readonly PropertyKey[], expected: string, data: unknown, actual?: string, hint = ""): never {
  const ctx = new Context();
  ctx.path.push(...path);
  ctx.fail(expected, data, actual);
  throw new ValidationError(`Invalid ${where} params: ${ctx.issues.map((issue) => issue.message).join("; ")}${hint}`, ctx.issues);
}

/** Runs `validate` and re-addresses its `ValidationError` under `prefix`, as `where` (a batch line, a wrapped call). */
export function within(where: string, prefix: readonly PropertyKey[], validate: () => void): void {
  try {
    validate();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const issues = error.issues.map((issue) => {
      const path = [...prefix, ...(issue.path ?? [])];
      return { ...issue, path };
    });
    throw new ValidationError(`Invalid ${where} params: ${error.message.replace(/^Invalid [^:]*? params: /, "")}`, issues);
  }
}

/** Checks the SDK's own options: `Invalid <label>: <issue>; <issue>.` (`client options`, `request options`). */
export function checkOptions(label: string, validator: Compiled, value: unknown, path?: readonly PropertyKey[]): void {
  const issues = findIssues(validator, value, path);
  if (issues) throw new ValidationError(`Invalid ${label}: ${issues.map((issue) => issue.message).join("; ")}.`, issues);
}

/**
 * Throws the `ValidationError` for an SDK option no rule table declares (`Invalid <label>: <message>.`), at `path`.
 * @throws ValidationError naming the option.
 */
export function refuseOption(label: string, path: readonly PropertyKey[], message: string): never {
  throw new ValidationError(`Invalid ${label}: ${message}.`, [{ message, path }]);
}
