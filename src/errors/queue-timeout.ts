import { DeepInfraError } from "./base.js";

/** `timeout` passed while the request waited in the concurrency queue: nothing was sent, and it is not retried. */
export class QueueTimeoutError extends DeepInfraError {
  override name = "QueueTimeoutError";
  constructor(
    /** The limit in milliseconds (the call's `timeout`). */
    readonly timeoutMs: number,
  ) {
    super(`Waited ${timeoutMs} ms in the concurrency queue (timeout); not sent.`);
  }
}
