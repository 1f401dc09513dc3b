// The rules that are not a type or a bound: each is a `.narrow()` predicate in src/schema/rules and is imported, not
// copied, by the generated validators, so arktype (in the tests) and the shipped code run the same function.
// scripts/compile-validators.mjs refuses a `.narrow()` whose function is not exported from here.
// Contract: `(data, ctx) => boolean`, reporting through `ctx.reject({ expected, actual?, relativePath? })` as arktype documents.

/** What a predicate may call: arktype's traversal context and src/schema/runtime.ts's Context both have it. */
export interface Rejecter {
  reject(input: { expected: string; actual?: string; relativePath?: PropertyKey[] }): false;
}

/** A JSON object: the models' `object` (and every `{…}` shape) is never an array, nor a function (JSON has none). */
export function jsonObject(data: unknown, ctx: Rejecter): boolean {
  if (Array.isArray(data)) return ctx.reject({ expected: "an object", actual: "an array" });
  return typeof data !== "function" || ctx.reject({ expected: "an object", actual: "a function" });
}

/**
 * `tool_choice` naming a function that `tools` does not declare is refused before sending: the server forces a
 * named function by constraining output to that function's declared parameters, and a name it was not given
 * has none (OpenAI-compatible servers answer 400). Strings are not checked: any string is accepted.
 */
export function declaredToolChoice(params: { tool_choice?: unknown; tools?: unknown }, ctx: Rejecter): boolean {
  const choice = params.tool_choice;
  if (typeof choice !== "object" || choice === null) return true;
  const name = (choice as { function: { name: string } }).function.name;
  const tools = Array.isArray(params.tools) ? (params.tools as Array<{ function: { name: string } }>) : [];
  for (const declared of tools) if (declared.function.name === name) return true;
  const names = tools.map((declared) => JSON.stringify(declared.function.name)).join(", ");
  return ctx.reject({ expected: `the name of a declared tool (${names || "none declared"})`, actual: JSON.stringify(name), relativePath: ["tool_choice", "function", "name"] });
}

/** rerank: `query` or `queries`, not both; `queries` holds one query or one per document. */
export function oneQuerySpelling(params: { query?: unknown; queries?: unknown; documents: unknown[] }, ctx: Rejecter): boolean {
  const hasQuery = params.query !== undefined && params.query !== null;
  const queries = params.queries as unknown[] | null | undefined;
  if (hasQuery === (queries !== undefined && queries !== null)) {
    return ctx.reject({ expected: "given, not both", actual: hasQuery ? JSON.stringify(params.query) : "missing", relativePath: ["query or queries"] });
  }
  if (queries && queries.length !== 1 && queries.length !== params.documents.length) {
    return ctx.reject({ expected: `1 query or one per document (${params.documents.length})`, actual: `${queries.length} queries`, relativePath: ["queries"] });
  }
  return true;
}

/** tokenize: the text as `prompt` or the conversation as `messages`. */
export function promptOrMessages(params: { prompt?: unknown; messages?: unknown }, ctx: Rejecter): boolean {
  const given = (value: unknown) => value !== undefined && value !== null;
  return given(params.prompt) || given(params.messages) || ctx.reject({ expected: "given", actual: "missing", relativePath: ["prompt or messages"] });
}

/** Batch metadata: at most 16 pairs (OpenAI's Batch API, which DeepInfra's follows). */
export function atMost16Pairs(metadata: object, ctx: Rejecter): boolean {
  const count = Object.keys(metadata).length;
  return count <= 16 || ctx.reject({ expected: "at most 16 keys", actual: `${count}` });
}

/**
 * embeddings `input` as a lone string: at most 1024 characters. The model puts `maxLength: 1024` beside
 * `anyOf [string[], string]`; JSON Schema applies it to the string form only, and the server's own check (Python's
 * `len`) counts characters of a string and items of a list. Both readings refuse a longer lone string; the item
 * count is kept by the SDK's batching (batchSize <= 1024). Counted in code points, as `len` does.
 */
export function atMost1024Characters(input: string, ctx: Rejecter): boolean {
  if (input.length <= 1024) return true;
  let count = 0;
  for (const _ of input) if (++count > 1024) return ctx.reject({ expected: "at most 1024 characters (DeepInfra's limit for a lone string; an array of strings is split into requests)", actual: `${input.length} UTF-16 units` });
  return true;
}

/** A value as an option's message shows it: JSON where it has one (`"1"`, `["ok",""]`), else its kind. */
function shownOption(value: unknown): string {
  if (typeof value === "number") return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A budget in USD: finite, so the limit can ever be reached. */
export function finiteAmount(value: number, ctx: Rejecter): boolean {
  return Number.isFinite(value) || ctx.reject({ expected: "a finite number >= 0", actual: shownOption(value) });
}

/** A concurrency limit: an integer >= 1, or Infinity for none. */
export function countFromOne(value: number, ctx: Rejecter): boolean {
  return (value >= 1 && (Number.isInteger(value) || value === Infinity)) || ctx.reject({ expected: "an integer >= 1", actual: shownOption(value) });
}

/** A queue length: an integer >= 0, or Infinity for none. */
export function countFromZero(value: number, ctx: Rejecter): boolean {
  return (value >= 0 && (Number.isInteger(value) || value === Infinity)) || ctx.reject({ expected: "an integer >= 0", actual: shownOption(value) });
}

/** A fallback chain: model names, none empty. */
export function modelNames(value: unknown, ctx: Rejecter): boolean {
  return (Array.isArray(value) && value.every((model) => typeof model === "string" && model !== "")) || ctx.reject({ expected: "an array of model names", actual: shownOption(value) });
}

/** A Standard Schema v1 (arktype, zod, valibot…): what `parse` and `runTools` validate replies and arguments with. */
export function standardSchema(value: unknown, ctx: Rejecter): boolean {
  const props = (typeof value === "object" || typeof value === "function") && value !== null ? (value as { "~standard"?: { version?: unknown; validate?: unknown } })["~standard"] : undefined;
  const ok = typeof props === "object" && props !== null && props.version === 1 && typeof props.validate === "function";
  return ok || ctx.reject({ expected: "a Standard Schema (an object with a `~standard` property, e.g. an arktype type or a zod schema)", actual: value === undefined ? "missing" : typeof value });
}

/** `stream: true` where the SDK reads a whole answer (native inference, `parse`): anything else is sent as given. */
export function notStreaming(value: unknown, ctx: Rejecter): boolean {
  return value !== true || ctx.reject({ expected: "false or absent: this call reads the whole answer (stream with chat.completions.create)", actual: "true" });
}

/** `runTools`: each tool name once, or the model's calls could not be told apart. */
export function uniqueToolNames(params: { tools: Array<{ name: string }> }, ctx: Rejecter): boolean {
  const seen = new Set<string>();
  for (const [i, tool] of params.tools.entries()) {
    if (seen.has(tool.name)) return ctx.reject({ expected: "declared once", actual: `${JSON.stringify(tool.name)} again`, relativePath: ["tools", i, "name"] });
    seen.add(tool.name);
  }
  return true;
}
