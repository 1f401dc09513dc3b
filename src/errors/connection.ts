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
