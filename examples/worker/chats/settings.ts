// The durable chats' bindings and knobs, beside the Worker's own (config.ts).
import type { Env } from "../config.js";
import type { ChatRoom } from "./chat-room.js";

/** The Worker's bindings plus what /api/chats needs (wrangler.toml). */
export interface ChatsEnv extends Env {
  /** One ChatRoom Durable Object per (session, chat id). */
  CHAT_ROOM: DurableObjectNamespace<ChatRoom>;
  /** Secret that signs session cookies (`wrangler secret put SESSION_SECRET`); empty = derived from the API key. */
  SESSION_SECRET?: string;
  SESSION_SPEND_LIMIT_USD_PER_HOUR?: string;
  SESSION_SPEND_LIMIT_USD_PER_DAY?: string;
  /** The chat model's context length in tokens (history is fitted to it). */
  CHAT_CONTEXT_TOKENS?: string;
}

export interface ChatSettings {
  /** Per-visitor caps in USD, beside the global breaker's. */
  sessionHourlyUSD: number;
  sessionDailyUSD: number;
  contextTokens: number;
}

export const DEFAULT_SESSION_USD_PER_HOUR = 0.2;
export const DEFAULT_SESSION_USD_PER_DAY = 1;
export const DEFAULT_CONTEXT_TOKENS = 16_384;

/** Reads the knobs; a malformed value fails loudly rather than silently lifting a cap. */
export function readChatSettings(env: ChatsEnv): ChatSettings {
  return {
    sessionHourlyUSD: number("SESSION_SPEND_LIMIT_USD_PER_HOUR", env.SESSION_SPEND_LIMIT_USD_PER_HOUR, DEFAULT_SESSION_USD_PER_HOUR, 0),
    sessionDailyUSD: number("SESSION_SPEND_LIMIT_USD_PER_DAY", env.SESSION_SPEND_LIMIT_USD_PER_DAY, DEFAULT_SESSION_USD_PER_DAY, 0),
    contextTokens: number("CHAT_CONTEXT_TOKENS", env.CHAT_CONTEXT_TOKENS, DEFAULT_CONTEXT_TOKENS, 1),
  };
}

function number(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`wrangler.toml var ${name} must be a number >= ${min} (was ${JSON.stringify(raw)})`);
  return value;
}
