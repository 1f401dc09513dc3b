// A turn's answer: folded from the parts as they stream, stored as a UI message, priced when it ended
// without usage, and sent back to the model as chat messages.
import { fromUIMessages, type ChatMessage, type UIMessageChunk, type UIMessageLike } from "deepinfra-edge";
import type { Config } from "../config.js";
import { usageTokens } from "../spend-breaker.js";
import type { StoredUserMessage } from "./message-rules.js";

/** How a turn ended (`running` while it runs). */
export type TurnStatus = "running" | "done" | "stopped" | "failed" | "interrupted";

/** What a turn streamed so far, rebuilt into the assistant message. */
export interface Answer {
  text: string;
  reasoning: string;
  costUSD?: number;
  tokens?: number;
  error?: string;
}

/** A message as GET …/messages returns it (an answer's status in `metadata`). */
export interface StoredMessage {
  id: string;
  role: "user" | "assistant";
  parts: Array<{ type: string; text: string }>;
  metadata?: { status: TurnStatus };
}

/** The id of a continued answer's first text part: its earlier text, already stored. */
export const PREFIX_ID = "earlier";

/** Folds the parts going by into `answer` (text, reasoning, the finish's cost), passing them on unchanged. */
export function collect(answer: Answer): TransformStream<UIMessageChunk, UIMessageChunk> {
  return new TransformStream({
    transform(part, out) {
      if (part.type === "text-delta") answer.text += part.delta;
      else if (part.type === "reasoning-delta") answer.reasoning += part.delta;
      else if (part.type === "finish") {
        const { estimated_cost: cost, usage } = part.messageMetadata ?? {};
        if (typeof cost === "number" && Number.isFinite(cost)) answer.costUSD = cost;
        if (usage) answer.tokens = usageTokens(usage);
      }
      out.enqueue(part);
    },
  });
}

/** The text part a continued answer starts with (its earlier text), right after `start-step`. */
export function withPrefix(text: string): TransformStream<UIMessageChunk, UIMessageChunk> {
  let sent = false;
  return new TransformStream({
    transform(part, out) {
      out.enqueue(part);
      if (sent || part.type !== "start-step") return;
      sent = true;
      out.enqueue({ type: "text-start", id: PREFIX_ID });
      out.enqueue({ type: "text-delta", id: PREFIX_ID, delta: text });
      out.enqueue({ type: "text-end", id: PREFIX_ID });
    },
  });
}

/** A cost for an answer that ended without usage (Stop, a failure, a restart): every character a token. */
export function estimateUSD(promptChars: number, answer: Answer, config: Config): number {
  return (promptChars + answer.text.length + answer.reasoning.length) * config.spend.usdPerToken;
}

export function partsOf(answer: Answer): StoredMessage["parts"] {
  return [...(answer.reasoning ? [{ type: "reasoning", text: answer.reasoning }] : []), { type: "text", text: answer.text }];
}

export function answerOf(message: StoredMessage): Answer {
  return {
    text: message.parts.filter((p) => p.type === "text").map((p) => p.text).join(""),
    reasoning: message.parts.filter((p) => p.type === "reasoning").map((p) => p.text).join(""),
  };
}

/** The stored history as chat messages (reasoning is not sent back), every content a string. */
export function toChatMessages(history: ReadonlyArray<StoredMessage | StoredUserMessage>): ChatMessage[] {
  const ui: UIMessageLike[] = history.map((m) => ({ id: m.id, role: m.role, parts: m.parts.filter((p) => p.type === "text") }));
  return fromUIMessages(ui).map((m) => ({ role: m.role, content: typeof m.content === "string" ? m.content : "" }) as ChatMessage);
}
