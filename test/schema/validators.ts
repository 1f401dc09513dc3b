// The shipped validators and their arktype sources side by side, for the schema tests.
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { type, type Type } from "arktype";
import * as generated from "../../src/schema/generated/validators.js";
import { findIssues, withoutAbsent, type Compiled } from "../../src/schema/runtime.js";
import { ROOTS } from "../../src/schema/rules/index.js";

export type RootName = keyof typeof ROOTS;

/** A request with no top-level `null`/`undefined`, as both sides see it. */
const present = (value: unknown) => withoutAbsent(value);

/** `[path, message]` pairs from the shipped (compiled) validator; `[]` when valid. */
export function shipped(root: RootName, value: unknown, prefix: readonly PropertyKey[] = []): Array<[string, string]> {
  const table = generated as unknown as Record<string, Compiled>;
  const issues = findIssues(table[root] as Compiled, present(value), prefix) ?? [];
  return issues.map(pair);
}

/**
 * `value` with every object key whose value is undefined left out, as JSON.stringify leaves it out. The shipped
 * validators read such a key as absent (scripts/compile-validators.mjs); arktype is given the same view.
 */
export function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (typeof value !== "object" || value === null || (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, withoutUndefined(v)]));
}

/** `[path, message]` pairs from arktype itself (its JIT), on the same rules; `[]` when valid. */
export function reference(root: RootName, value: unknown, prefix: readonly PropertyKey[] = []): Array<[string, string]> {
  let rule = ROOTS[root] as unknown as Type;
  let data = withoutUndefined(present(value));
  // A starting path is an enclosing object in arktype's terms.
  for (let i = prefix.length - 1; i >= 0; i--) {
    const key = String(prefix[i]);
    rule = type({ [key]: rule } as never) as unknown as Type;
    data = { [key]: data };
  }
  const out = rule(data) as unknown;
  if (!Array.isArray(out)) return [];
  return (out as Array<{ path: readonly PropertyKey[]; message: string }>).map((e) => pair({ message: e.message, path: [...e.path] }));
}

function pair(issue: StandardSchemaV1.Issue): [string, string] {
  return [(issue.path ?? []).map((k) => String(typeof k === "object" && k !== null ? k.key : k)).join("."), issue.message];
}
