import type { StandardSchemaV1 } from "@standard-schema/spec";
import { ValidationError } from "../errors.js";

/** A schema definition in arktype's engine (`@ark/schema`) node syntax. */
export type Definition = Parameters<typeof import("@ark/schema").rootSchema>[0];
/** A compiled validator: the issues, or undefined when the value is valid. */
export type Check = (value: unknown) => { summary: string; issues: StandardSchemaV1.Issue[] } | undefined;
/** A rule the schema language cannot say (cross-field rules); returns an issue or nothing. */
export type ExtraRule<T> = (params: T) => StandardSchemaV1.Issue | undefined;

/** Builders for the node syntax. A top-level `null` or `undefined` means "absent" (see `validateWith`), so rules need no null branch. */
export const text: Definition = { domain: "string" };
export const nonEmpty: Definition = { domain: "string", minLength: 1 };
export const units = (...values: Array<string | boolean | null>): Definition => values.map((unit) => ({ unit }));
export const bool: Definition = [{ unit: true }, { unit: false }];
export const range = (min: number, max: number): Definition => ({ domain: "number", min, max });
export const integer = (min?: number): Definition => ({ domain: "number", divisor: 1, ...(min === undefined ? {} : { min }) });
export const positive: Definition = { domain: "number", min: { rule: 0, exclusive: true } };
const entries = (shape: Record<string, Definition>) => Object.entries(shape).map(([key, value]) => ({ key, value }));
export const object = (required: Record<string, Definition>, optional: Record<string, Definition> = {}): Definition => ({
  domain: "object",
  ...(Object.keys(required).length ? { required: entries(required) } : {}),
  ...(Object.keys(optional).length ? { optional: entries(optional) } : {}),
});
export const arrayOf = (sequence: Definition, bounds: { minLength?: number; maxLength?: number } = {}): Definition => ({ proto: Array, sequence, ...bounds });
export const orNull = (definition: Definition): Definition => [...(Array.isArray(definition) ? definition : [definition]), { unit: null }];

/**
 * Returns a getter for a validator that is built on first use and cached: the engine (36 KB gzip)
 * is imported only when the first request of that kind is validated, never at module load.
 */
export function lazyCheck(build: (engine: typeof import("@ark/schema")) => Definition): () => Promise<Check> {
  let cached: Promise<Check> | undefined;
  return () =>
    (cached ??= import("@ark/schema").then((engine) => {
      // jitless: no `new Function`, so one code path (and the same messages) in workerd, CSP-locked pages and Node.
      const schema = engine.schemaScope({}, { jitless: true }).schema(build(engine));
      return (value: unknown) => {
        const out = schema(value) as unknown;
        if (!isArkErrors(out)) return undefined;
        return { summary: out.summary, issues: out.map((e) => ({ message: e.message, path: [...e.path] })) };
      };
    }).catch((error: unknown) => {
      cached = undefined;
      throw error;
    }));
}

/**
 * Runs a cached validator plus cross-field rules.
 * @throws ValidationError naming each field path and rule.
 */
export async function validateWith<T>(params: T, where: string, check: () => Promise<Check>, rules: ReadonlyArray<ExtraRule<T>> = []): Promise<void> {
  if (typeof params !== "object" || params === null) throw new ValidationError(`${where}: params must be an object.`, [{ message: "must be an object" }]);
  const result = (await check())(withoutEmpty(params));
  const issues = result?.issues ?? [];
  const messages = result ? [result.summary] : [];
  // Cross-field rules only make sense once every field has its declared type.
  if (!result) {
    for (const rule of rules) {
      const issue = rule(params);
      if (issue) {
        issues.push(issue);
        messages.push(issue.message);
      }
    }
  }
  if (issues.length === 0) return;
  throw new ValidationError(`Invalid ${where} params: ${messages.join("\n").split("\n").join("; ")}`, issues);
}

/**
 * A top-level `null` or `undefined` means "DeepInfra's default": checked as absent. (`{ tools: cond ? tools : undefined }`
 * is idiomatic and JSON drops undefined anyway.) It also keeps every rule one node, worded alike everywhere.
 */
function withoutEmpty(params: object): object {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) if (value !== null && value !== undefined) out[key] = value;
  return out;
}

interface ArkErrorsLike extends Array<{ message: string; path: readonly PropertyKey[] }> {
  summary: string;
}

function isArkErrors(value: unknown): value is ArkErrorsLike {
  return Array.isArray(value) && typeof (value as { summary?: unknown }).summary === "string";
}
