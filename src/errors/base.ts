/**
 * Base class of every error this SDK throws. Never holds request options, headers or the API key.
 * @example
 * try { await client.chat.completions.create(params) } catch (e) { if (isDeepInfraError(e)) console.log(e.name, e.message) }
 */
export class DeepInfraError extends Error {
  override name = "DeepInfraError";
  /** Realm-safe brand, on the prototype: `instanceof` fails across bundles or iframes, this does not (and it stays out of `JSON.stringify`). */
  get deepinfraError(): true {
    return true;
  }
}

/** True for any error thrown by this SDK, even one from another copy of it. */
export function isDeepInfraError(value: unknown): value is DeepInfraError {
  return value instanceof DeepInfraError || (typeof value === "object" && value !== null && (value as { deepinfraError?: unknown }).deepinfraError === true);
}
