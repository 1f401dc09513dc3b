// Fitting a stored conversation to a model's context: keep the system prompt, tools and the newest turn,
// drop whole turns from the middle (oldest first), so a tool call always stays with its result.
import type { ChatMessage } from "../types/chat.js";
import { ContextOverflowError } from "./context-overflow-error.js";

/** Options of `fitContext`. */
export interface FitContextOptions {
  /** The model's context length in tokens. */
  contextTokens: number;
  /** Tokens kept free for the answer (the request's `max_tokens`). */
  reserveTokens?: number;
  /** The request's tools: always kept, and counted. */
  tools?: unknown;
  /** Newest turns that must be kept (default 1: the new user message and any partial answer to it). */
  keepTurns?: number;
  /**
   * Counts a conversation's tokens exactly (e.g. `(messages) => client.tokenize({ model, messages }).then((r) => r.count)`).
   * Called only when the byte bound says the conversation may not fit; if it fails, the byte bound decides.
   */
  tokenize?: (messages: ChatMessage[]) => Promise<number>;
}

/** What `fitContext` kept. */
export interface FittedContext {
  messages: ChatMessage[];
  /** Messages dropped from the middle. */
  dropped: number;
  /** Prompt tokens: counted when `tokenize` ran, else the byte bound. */
  tokens: number;
}

const encoder = new TextEncoder();
// Chat templates add a few tokens per message (role markers, separators).
const PER_MESSAGE_TOKENS = 8;
const MAX_TOKENIZE_CALLS = 3;

/** An upper bound of tokens: a token covers at least one UTF-8 byte. */
function bytesBound(value: unknown): number {
  return value === undefined ? 0 : encoder.encode(JSON.stringify(value)).byteLength;
}

/**
 * Fits `messages` into the model's context, dropping whole turns (a user message and what followed it)
 * from the middle, oldest first. Costs nothing when the byte bound fits; calls `tokenize` only near the limit.
 * @throws ContextOverflowError when what must be kept does not fit; nothing is truncated silently.
 * @example
 * const { messages } = await fitContext(history, { contextTokens: 32_768, reserveTokens: 512 });
 */
export async function fitContext(messages: readonly ChatMessage[], options: FitContextOptions): Promise<FittedContext> {
  const limit = options.contextTokens - (options.reserveTokens ?? 0);
  const toolsBound = bytesBound(options.tools);
  let head = 0;
  while (head < messages.length && messages[head]!.role === "system") head++;
  // Turns after the system prompt: each starts at a user message.
  const turns: ChatMessage[][] = [];
  for (const message of messages.slice(head)) {
    if (message.role === "user" || !turns.length) turns.push([message]);
    else turns[turns.length - 1]!.push(message);
  }
  const keep = Math.min(turns.length, Math.max(1, options.keepTurns ?? 1));
  const bounds = turns.map((turn) => turn.reduce((n, m) => n + bytesBound(m) + PER_MESSAGE_TOKENS, 0));
  const fixed = messages.slice(0, head).reduce((n, m) => n + bytesBound(m) + PER_MESSAGE_TOKENS, toolsBound);
  const assemble = (from: number) => [...messages.slice(0, head), ...turns.slice(from).flat()];
  const sum = (from: number) => bounds.slice(from).reduce((n, b) => n + b, fixed);
  const droppable = turns.length - keep;

  const result = (from: number, tokens: number): FittedContext => ({ messages: assemble(from), dropped: turns.slice(0, from).flat().length, tokens });
  let from = 0;
  if (sum(0) <= limit) return result(0, sum(0));
  // Near or over the limit: count, drop by the byte bounds scaled to the counted ratio, and count again.
  for (let calls = 1; options.tokenize; calls++) {
    let counted: number;
    try {
      counted = (await options.tokenize(assemble(from))) + toolsBound;
    } catch {
      // A counter that fails (an endpoint the model lacks, a network blip) is no reason to fail the turn:
      // the byte bound below never under-counts.
      break;
    }
    if (counted <= limit) return result(from, counted);
    if (from >= droppable) throw new ContextOverflowError(counted, limit);
    if (calls >= MAX_TOKENIZE_CALLS) break;
    const ratio = counted / sum(from);
    const before = from;
    while (from < droppable && sum(from) * ratio > limit) from++;
    if (from === before) from++;
  }
  // No counter, or out of counts: the byte bound, which never under-counts.
  while (from < droppable && sum(from) > limit) from++;
  if (sum(from) > limit) throw new ContextOverflowError(sum(from), limit);
  return result(from, sum(from));
}
