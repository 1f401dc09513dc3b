import type { ChatCompletion, ChatToolCall } from "../types/chat.js";
import { DeepInfraError } from "./base.js";

/**
 * The model's answer ended with `finish_reason: "length"` while it was writing a tool call's arguments:
 * the call is cut and cannot run. Thrown after that one request; nothing more was sent (raise `max_tokens`).
 */
export class ToolCallTruncatedError extends DeepInfraError {
  override name = "ToolCallTruncatedError";
  constructor(
    /** The cut call, `arguments` as far as they came. */
    readonly call: ChatToolCall,
    readonly completion: ChatCompletion,
  ) {
    const args = call.function.arguments;
    super(
      `The tool call ${JSON.stringify(call.function.name)} (${call.id}) was cut by finish_reason "length" after ${args.length} characters of arguments (ending ${JSON.stringify(args.slice(-24))}); no further request was sent. Raise max_tokens.`,
    );
  }
}
