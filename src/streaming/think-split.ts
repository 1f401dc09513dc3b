import type { ChatCompletionChunk } from "../types/chat.js";
import { ChatStream } from "./chat-stream.js";

const OPEN = "<think>";
const CLOSE = "</think>";

/** Where a choice is: before the first visible text, inside the block, just after it, or in the answer. */
interface Split {
  mode: "start" | "inside" | "after" | "answer";
  held: string;
}

/**
 * A chunk rewriter that moves a leading `<think>…</think>` block of `content` (DeepSeek-R1 on DeepInfra writes
 * it inline, with `reasoning_content: null`) into `reasoning_content`, tags split across chunks at any byte.
 * Text that may still be the start of a tag is held back (at most 8 bytes) until the next chunk or the choice's
 * `finish_reason`. `create({ stream: true })` uses one per stream unless `thinkTags: false`; for chunks read
 * by other means, call it on each chunk before reading it.
 * @example
 * const split = thinkSplitter();
 * for await (const chunk of stream) { split(chunk); show(chunk.choices[0]?.delta.content); }
 */
export function thinkSplitter(): (chunk: ChatCompletionChunk) => void {
  const choices = new Map<number, Split>();
  return (chunk) => {
    for (const choice of chunk.choices ?? []) {
      const delta = choice.delta;
      if (!delta) continue;
      let split = choices.get(choice.index ?? 0);
      if (!split) choices.set(choice.index ?? 0, (split = { mode: "start", held: "" }));
      if (split.mode === "answer" && !choice.finish_reason) continue;
      const [content, reasoning] = feed(split, typeof delta.content === "string" ? delta.content : "", !!choice.finish_reason);
      if (typeof delta.content === "string" || content) delta.content = content;
      if (reasoning) delta.reasoning_content = (delta.reasoning_content ?? "") + reasoning;
    }
  };
}

/** Advances one choice by `text`; returns the answer text and the reasoning text it releases. */
function feed(split: Split, text: string, end: boolean): [string, string] {
  let content = "";
  let reasoning = "";
  let rest = split.held + text;
  split.held = "";
  if (split.mode === "start") {
    const visible = rest.trimStart();
    if (visible.startsWith(OPEN)) {
      split.mode = "inside";
      rest = visible.slice(OPEN.length);
    } else if (!end && OPEN.startsWith(visible)) {
      split.held = rest;
      return ["", ""];
    } else split.mode = "answer";
  }
  if (split.mode === "inside") {
    const at = rest.indexOf(CLOSE);
    if (at >= 0) {
      reasoning = rest.slice(0, at);
      rest = rest.slice(at + CLOSE.length);
      split.mode = "after";
    } else {
      const keep = end ? 0 : partialTag(rest);
      reasoning = rest.slice(0, rest.length - keep);
      split.held = rest.slice(rest.length - keep);
      return ["", reasoning];
    }
  }
  if (split.mode === "after") {
    // R1 separates the block from the answer with blank lines, possibly in the next chunk.
    rest = rest.trimStart();
    if (rest) split.mode = "answer";
  }
  content = rest;
  return [content, reasoning];
}

/** How many trailing characters of `text` could be the start of `</think>`. */
function partialTag(text: string): number {
  for (let n = Math.min(CLOSE.length - 1, text.length); n > 0; n--) if (CLOSE.startsWith(text.slice(-n))) return n;
  return 0;
}

/** A whole reply's leading `<think>…</think>` block split from its answer (non-streaming replies, `parse`). */
export function splitThink(text: string): { reasoning?: string; content: string } {
  const match = /^\s*<think>([\s\S]*?)<\/think>\s*/.exec(text);
  return match ? { reasoning: match[1] as string, content: text.slice(match[0].length) } : { content: text };
}

/**
 * The `ChatStream` that `create({ stream: true })` returns: its chunks pass through a `thinkSplitter()` before
 * anyone reads them. A subclass, so the browser reader (`ChatStream.fromResponse`) does not carry it.
 */
export class ThinkSplitChatStream extends ChatStream {
  readonly #split = thinkSplitter();

  protected override accept(chunk: ChatCompletionChunk): void {
    this.#split(chunk);
    super.accept(chunk);
  }
}
