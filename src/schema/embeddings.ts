import type { StandardSchemaV1 } from "@standard-schema/spec";
import { ValidationError } from "../errors.js";
import type { EmbeddingCreateParams, EmbeddingRequestOptions } from "../types/embeddings.js";

type Check = (value: unknown) => { summary: string; issues: StandardSchemaV1.Issue[] } | undefined;
type Definition = Parameters<typeof import("@ark/schema").rootSchema>[0];

let embeddingCheck: Promise<Check> | undefined;

/** Built on first use with arktype's engine (loaded lazily, like the chat validator). */
async function buildEmbeddingCheck(): Promise<Check> {
  const { rootSchema } = await import("@ark/schema");
  const text = { domain: "string", minLength: 1 } as const;
  const positiveInt = (min: number): Definition => ({ domain: "number", divisor: 1, min });
  const schema = rootSchema({
    domain: "object",
    required: [
      { key: "model", value: text },
    ],
    optional: [
      { key: "encoding_format", value: [{ unit: "float" }, { unit: "base64" }] },
      // DeepInfra's reference: dimensions >= 32.
      { key: "dimensions", value: positiveInt(32) },
      { key: "service_tier", value: [{ unit: "default" }, { unit: "priority" }] },
    ],
  } as Definition);
  const options = rootSchema({
    domain: "object",
    optional: [
      { key: "batchSize", value: positiveInt(1) },
      { key: "concurrency", value: positiveInt(1) },
    ],
  } as Definition);
  return (value) => {
    const [params, opts] = value as [unknown, unknown];
    const issues: StandardSchemaV1.Issue[] = [];
    const summaries: string[] = [];
    const inputIssue = checkInput((params as { input?: unknown } | null)?.input);
    if (inputIssue) {
      issues.push(inputIssue);
      summaries.push(inputIssue.message);
    }
    for (const [out, prefix] of [
      [schema(params), []],
      [options(opts ?? {}), ["options"]],
    ] as const) {
      if (!isArkErrors(out)) continue;
      summaries.push(prefix.length ? out.map((e) => `options.${e.message}`).join("; ") : out.summary.split("\n").join("; "));
      for (const e of out) issues.push({ message: e.message, path: [...prefix, ...e.path] });
    }
    return issues.length ? { summary: summaries.join("; "), issues } : undefined;
  };
}

/**
 * `input` is checked by hand: arktype words a string-or-array union differently when it may compile
 * validators (the vitest pool) and when it may not (real workerd), and the message should not depend on that.
 */
function checkInput(input: unknown): StandardSchemaV1.Issue | undefined {
  if (typeof input === "string") return input === "" ? { message: "input must be non-empty (was \"\")", path: ["input"] } : undefined;
  if (!Array.isArray(input)) return { message: `input must be a string or an array of strings (was ${input === undefined ? "missing" : typeof input})`, path: ["input"] };
  if (input.length === 0) return { message: "input must be non-empty (was [])", path: ["input"] };
  const bad = input.findIndex((item) => typeof item !== "string" || item === "");
  if (bad < 0) return undefined;
  const item = input[bad];
  return { message: `input[${bad}] must be a non-empty string (was ${typeof item === "string" ? '""' : typeof item})`, path: ["input", bad] };
}

interface ArkErrorsLike extends Array<{ message: string; path: readonly PropertyKey[] }> {
  summary: string;
}

function isArkErrors(value: unknown): value is ArkErrorsLike {
  return Array.isArray(value) && typeof (value as { summary?: unknown }).summary === "string";
}

/**
 * Checks embeddings parameters and batching options before anything is sent.
 * @throws ValidationError naming the field and the rule (e.g. `input must be non-empty`).
 */
export async function validateEmbeddingParams(params: EmbeddingCreateParams, options: EmbeddingRequestOptions = {}): Promise<void> {
  if (typeof params !== "object" || params === null) throw new ValidationError("embeddings.create: params must be an object.", [{ message: "must be an object" }]);
  const check = await (embeddingCheck ??= buildEmbeddingCheck().catch((error) => {
    embeddingCheck = undefined;
    throw error;
  }));
  const result = check([params, options]);
  if (result) throw new ValidationError(`Invalid embeddings.create params: ${result.summary}`, result.issues);
}
