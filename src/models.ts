/**
 * Chat model aliases from the provider spec (`deepinfra`). DeepInfra retires models over time;
 * override any alias with `new DeepInfra({ modelAliases: { default: "…" } })`.
 */
export const MODEL_ALIASES = /* @__PURE__ */ Object.freeze({
  default: "openchat/openchat-3.6-8b",
  large: "nvidia/Nemotron-4-340B-Instruct",
  small: "microsoft/WizardLM-2-7B",
  agent: "Qwen/Qwen2-7B-Instruct",
} as const);

/** Embedding model aliases from the provider spec. */
export const EMBEDDING_ALIASES = /* @__PURE__ */ Object.freeze({
  default: "BAAI/bge-base-en-v1.5",
  large: "BAAI/bge-large-en-v1.5",
  small: "BAAI/bge-base-en-v1.5",
} as const);

/** A chat alias name. */
export type ModelAlias = keyof typeof MODEL_ALIASES;
/** An embedding alias name. */
export type EmbeddingAlias = keyof typeof EMBEDDING_ALIASES;
/** An alias or any DeepInfra model id (`owner/name`, `owner/name:version`, `deploy_id:…`). */
export type ModelName<Alias extends string = ModelAlias> = Alias | (string & {});

/** Which table a model name is resolved against; used in error hints. */
export type AliasTable = "modelAliases" | "embeddingAliases";

/** A model name after alias resolution. */
export interface ResolvedModel {
  /** The id sent on the wire. */
  model: string;
  /** The alias the caller wrote, when it was one. */
  alias?: string;
  table: AliasTable;
}

/**
 * Maps an alias to its model id; any other string passes through unchanged.
 * @example resolveModel("large", MODEL_ALIASES) // { model: "nvidia/Nemotron-4-340B-Instruct", alias: "large", … }
 */
export function resolveModel(
  name: string,
  aliases: Readonly<Record<string, string>>,
  table: AliasTable = "modelAliases",
): ResolvedModel {
  const model = Object.hasOwn(aliases, name) ? aliases[name] : undefined;
  return model === undefined ? { model: name, table } : { model, alias: name, table };
}

const GONE_RE = /not found|does not exist|doesn't exist|unknown|no longer|deprecated|retired|not available|unavailable|not supported|not served|invalid model/i;

/**
 * Heuristic for "the model is unknown or gone". DeepInfra's exact answer for a retired model is
 * unconfirmed, so accept every plausible shape: a 404/410 on a route we know exists, or a
 * 400/404/422 whose message talks about the model.
 */
export function isModelGoneError(status: number | undefined, message: string): boolean {
  if (status === 404 || status === 410) return true;
  return (status === 400 || status === 422) && /model/i.test(message) && GONE_RE.test(message);
}

/** The hint appended to an error caused by a retired model reached through an alias. */
export function aliasHint(resolved: ResolvedModel): string {
  const example = resolved.table === "embeddingAliases" ? "BAAI/bge-m3" : "meta-llama/Meta-Llama-3.1-8B-Instruct";
  return (
    `Model "${resolved.model}" came from the alias "${resolved.alias}", and DeepInfra did not accept it (it may have been retired). ` +
    `Pass a current model id, or override the alias: new DeepInfra({ ${resolved.table}: { ${JSON.stringify(resolved.alias)}: "${example}" } }).`
  );
}
