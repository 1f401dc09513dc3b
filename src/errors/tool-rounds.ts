import type { ChatCompletion, ChatMessage } from "../types/chat.js";
import { DeepInfraError } from "./base.js";

/** The model still asked for tools after `maxRounds` requests; nothing more was sent. */
export class ToolRoundsExceededError extends DeepInfraError {
  override name = "ToolRoundsExceededError";
  constructor(
    readonly maxRounds: number,
    /** The conversation so far, ending with the unanswered tool calls. */
    readonly messages: ChatMessage[],
    readonly completion: ChatCompletion,
  ) {
    super(`runTools stopped after ${maxRounds} rounds (maxRounds) and the model still asks for tools: ${(completion.choices[0]?.message.tool_calls ?? []).map((c) => c.function.name).join(", ")}.`);
  }
}
