import type { StandardSchemaV1 } from "@standard-schema/spec";
import { StructuredOutputError } from "../errors/structured-output.js";

/** A JSON Schema object, as sent in `response_format.json_schema.schema` or a tool's `parameters`. */
export type JSONSchemaObject = Record<string, unknown>;

/** Runs a user's Standard Schema (sync or async) on a value. */
export async function validateStandard<S extends StandardSchemaV1>(
  schema: S,
  value: unknown,
): Promise<StandardSchemaV1.Result<StandardSchemaV1.InferOutput<S>>> {
  return (await schema["~standard"].validate(value)) as StandardSchemaV1.Result<StandardSchemaV1.InferOutput<S>>;
}

/** True for anything implementing Standard Schema v1 (arktype, zod, valibot, a hand-written object…). */
export function isStandardSchema(value: unknown): value is StandardSchemaV1 {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return false;
  const props = (value as { "~standard"?: { version?: unknown; validate?: unknown } })["~standard"];
  return typeof props === "object" && props !== null && props.version === 1 && typeof props.validate === "function";
}

/**
 * The JSON Schema a Standard Schema describes, when it can say: Standard JSON Schema's
 * `~standard.jsonSchema.input()` (arktype 2.2, zod 4.2+, valibot…), then a `toJsonSchema()` /
 * `toJSONSchema()` method (older arktype and others), then a plain `jsonSchema` property.
 * Undefined when none works; callers fall back to JSON mode.
 */
export function toJSONSchema(schema: StandardSchemaV1): JSONSchemaObject | undefined {
  const candidates: Array<() => unknown> = [];
  const converter = (schema["~standard"] as { jsonSchema?: { input?: (options: { target: string }) => unknown } }).jsonSchema;
  if (typeof converter?.input === "function") {
    candidates.push(() => converter.input?.({ target: "draft-2020-12" }), () => converter.input?.({ target: "draft-07" }));
  }
  const methods = schema as unknown as { toJsonSchema?: () => unknown; toJSONSchema?: () => unknown; jsonSchema?: unknown };
  if (typeof methods.toJsonSchema === "function") candidates.push(() => methods.toJsonSchema?.());
  if (typeof methods.toJSONSchema === "function") candidates.push(() => methods.toJSONSchema?.());
  if (isPlainObject(methods.jsonSchema)) candidates.push(() => methods.jsonSchema);
  for (const candidate of candidates) {
    try {
      const out = candidate();
      if (isPlainObject(out)) {
        // `$schema` tells a validator which draft to use; a model only needs the shape.
        const { $schema: _draft, ...rest } = out;
        return rest;
      }
    } catch {
      // Libraries throw for shapes JSON Schema cannot express (morphs, predicates): try the next way.
    }
  }
  return undefined;
}

/** One line per issue, `path: message`, for error messages and repair prompts. */
export function summarizeIssues(issues: ReadonlyArray<StandardSchemaV1.Issue>, separator = "\n"): string {
  return issues
    .map((issue) => {
      const path = (issue.path ?? []).map((segment) => String(typeof segment === "object" && segment !== null ? segment.key : segment)).join(".");
      return path && !issue.message.startsWith(path) ? `${path}: ${issue.message}` : issue.message;
    })
    .join(separator);
}

/**
 * Parses a model's JSON reply. Models in JSON mode sometimes still wrap it in a Markdown fence, so one
 * surrounding ```json fence is removed first.
 * @throws StructuredOutputError with reason `json`.
 */
export function parseJSONReply(text: string, completion?: unknown): unknown {
  const trimmed = text.trim();
  const fenced = /^```[a-zA-Z0-9_-]*\s*\n([\s\S]*?)\n?```$/.exec(trimmed);
  const body = fenced ? (fenced[1] as string) : trimmed;
  try {
    return JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const message = `the reply is not valid JSON (${detail})`;
    throw new StructuredOutputError(`Structured output: ${message}. Reply began: ${JSON.stringify(text.slice(0, 120))}`, "json", text, [{ message }], completion);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
