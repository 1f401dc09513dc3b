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

/** `[path, message]` pairs from arktype itself (its JIT), on the same rules; `[]` when valid. */
export function reference(root: RootName, value: unknown, prefix: readonly PropertyKey[] = []): Array<[string, string]> {
  let rule = ROOTS[root] as unknown as Type;
  let data = present(value);
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
