import { DeepInfraError } from "./base.js";

/**
 * The API answered with a redirect. The SDK never follows one: the request's body and key would go to
 * another address. `location` is the target's origin and path only (never its credentials or query).
 */
export class RedirectError extends DeepInfraError {
  override name = "RedirectError";
  constructor(
    /** The redirect status (0 where the runtime hides it, as browsers do). */
    readonly status: number,
    /** Origin and path of the `Location`, when readable. */
    readonly location: string | undefined,
  ) {
    super(`Redirect${status ? ` ${status}` : ""}${location ? ` to ${location}` : ""} not followed (the key stays with baseURL): set baseURL to its target.`);
  }
}
