import { DeepInfraError } from "./base.js";

/** The request never got an answer: DNS, refused or reset connection, TLS. */
export class APIConnectionError extends DeepInfraError {
  override name = "APIConnectionError";
}

/** `timeout` passed before the response headers, or `idleTimeout` passed between two stream reads. */
export class APITimeoutError extends APIConnectionError {
  override name = "APITimeoutError";
  constructor(
    message: string,
    /** Which limit fired. */
    readonly phase: "headers" | "idle",
    /** The limit in milliseconds. */
    readonly timeoutMs: number,
  ) {
    super(message);
  }
}

/** The caller aborted (their `signal`, `stream.abort()`, or leaving a `for await` early). */
export class APIUserAbortError extends DeepInfraError {
  override name = "APIUserAbortError";
  constructor(message = "Request was aborted.") {
    super(message);
  }
}

/**
 * A network failure in one line: the error's own text, then why, from the deepest `cause` (where undici puts the
 * socket's "connect ECONNREFUSED …", "getaddrinfo ENOTFOUND …" that fetch's "fetch failed" hides).
 */
export function describeNetworkFailure(error: unknown): string {
  let deepest = error as { cause?: unknown; message?: unknown } | undefined;
  for (let depth = 0; depth < 9 && deepest?.cause; depth++) deepest = deepest.cause as typeof deepest;
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return deepest !== error && deepest?.message ? `${text} (${deepest.message})` : text;
}
