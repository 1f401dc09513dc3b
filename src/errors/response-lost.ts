import { DeepInfraError } from "./base.js";

/**
 * The answer's headers arrived, then its body was lost (a reset, an idle timeout): the request reached
 * DeepInfra, which may have billed a generation or carried out a creation. It is never sent again by the
 * SDK; `requestId` is what DeepInfra support needs to check what happened.
 */
export class ResponseLostError extends DeepInfraError {
  override name = "ResponseLostError";
  constructor(
    /** What the lost answer was for: a paid `generation`, or a `creation` (a file, a batch). */
    readonly kind: "generation" | "creation",
    /** The answer's `x-request-id`, when it sent one. */
    readonly requestId: string | undefined,
    /** Why the body stopped (the connection error's or timeout's message, scrubbed). */
    readonly reason: string,
  ) {
    super(`Answer lost after DeepInfra received the request${requestId ? ` (request ${requestId})` : ""}: ${reason} It may be billed${kind === "creation" ? " (the file or batch may have been created)" : ""}; not re-sent.`);
  }
}
