import type { StandardSchemaV1 } from "@standard-schema/spec";
import { ValidationError } from "../errors.js";
import type { EmbeddingCreateParams, EmbeddingRequestOptions } from "../types/embeddings.js";
import { integer, lazyCheck, nonEmpty, object, units } from "./define.js";

// DeepInfra's reference: dimensions >= 32.
const paramsCheck = lazyCheck(() => object({ model: nonEmpty }, { encoding_format: units("float", "base64"), dimensions: integer(32), service_tier: units("default", "priority") }));
const optionsCheck = lazyCheck(() => object({}, { batchSize: integer(1), concurrency: integer(1) }));

/**
 * Checks embeddings parameters and batching options before anything is sent.
 * @throws ValidationError naming the field and the rule (e.g. `input must be non-empty (was [])`).
 */
export async function validateEmbeddingParams(params: EmbeddingCreateParams, options: EmbeddingRequestOptions = {}): Promise<void> {
  if (typeof params !== "object" || params === null) throw new ValidationError("embeddings.create: params must be an object.", [{ message: "must be an object" }]);
  const issues: StandardSchemaV1.Issue[] = [];
  const messages: string[] = [];
  const input = checkInput(params.input);
  if (input) {
    issues.push(input);
    messages.push(input.message);
  }
  const main = (await paramsCheck())(params);
  if (main) {
    issues.push(...main.issues);
    messages.push(...main.summary.split("\n"));
  }
  const batching = (await optionsCheck())(options ?? {});
  if (batching) {
    for (const issue of batching.issues) {
      issues.push({ message: `options.${issue.message}`, path: ["options", ...(issue.path ?? [])] });
      messages.push(`options.${issue.message}`);
    }
  }
  if (issues.length) throw new ValidationError(`Invalid embeddings.create params: ${messages.join("; ")}`, issues);
}

/** `input` by hand: the schema language words a string-or-array union as "must be a string or non-empty", which helps nobody. */
function checkInput(input: unknown): StandardSchemaV1.Issue | undefined {
  if (typeof input === "string") return input === "" ? { message: 'input must be non-empty (was "")', path: ["input"] } : undefined;
  if (!Array.isArray(input)) return { message: `input must be a string or an array of strings (was ${input === undefined ? "missing" : typeof input})`, path: ["input"] };
  if (input.length === 0) return { message: "input must be non-empty (was [])", path: ["input"] };
  const bad = input.findIndex((item) => typeof item !== "string" || item === "");
  if (bad < 0) return undefined;
  const item = input[bad];
  return { message: `input[${bad}] must be a non-empty string (was ${typeof item === "string" ? '""' : typeof item})`, path: ["input", bad] };
}
