import { DeepInfraError } from "../errors/base.js";

/** The parts of a conversation that must be kept (system prompt, tools, the newest turn) do not fit the model's context. */
export class ContextOverflowError extends DeepInfraError {
  override name = "ContextOverflowError";
  constructor(
    /** Tokens (estimated or counted) of what had to be kept. */
    readonly tokens: number,
    /** Tokens available for the prompt: the context length minus the room kept for the answer. */
    readonly limit: number,
  ) {
    super(`The conversation needs ${tokens} tokens even with every older turn dropped; the model's context leaves ${limit} for the prompt.`);
  }
}
