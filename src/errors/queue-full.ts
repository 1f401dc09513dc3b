import { DeepInfraError } from "./base.js";

/** The concurrency queue already holds `maxQueue` waiting requests; this one was refused at once, unsent. */
export class QueueFullError extends DeepInfraError {
  override name = "QueueFullError";
  constructor(
    /** The queue's bound (`concurrency.maxQueue`). */
    readonly maxQueue: number,
    /** The model the request was for ("" for requests without one). */
    readonly model: string,
  ) {
    super(`Concurrency queue full: ${maxQueue} requests already wait (concurrency.maxQueue is ${maxQueue}); the request${model ? ` for ${model}` : ""} was not sent.`);
  }
}
