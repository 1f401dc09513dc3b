import { DeepInfraError } from "./base.js";

/** One model's failure inside a fallback chain. */
export interface FallbackAttempt {
  /** The model id sent (after alias resolution). */
  model: string;
  /** Why it failed (scrubbed of the key like every SDK error). */
  error: DeepInfraError;
}

/**
 * Every model of a fallback chain (`model`, then each of `fallback`) failed with an error that moves
 * the chain on; `attempts` holds each one's error, in the order tried.
 * @example
 * try { await client.chat.completions.create(params, { fallback: ["small"] }) } catch (e) { if (e instanceof AllModelsFailedError) e.attempts.map((a) => a.error.name) }
 */
export class AllModelsFailedError extends DeepInfraError {
  override name = "AllModelsFailedError";
  constructor(
    /** Each model tried and its error, in order. */
    readonly attempts: ReadonlyArray<FallbackAttempt>,
  ) {
    super(`Every model of the fallback chain failed (${attempts.length} tried): ${attempts.map((a) => `${a.model}: ${a.error.message}`).join(" | ")}`);
  }
}
