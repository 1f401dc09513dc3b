// A turn's charges: the global breaker's and the visitor's own windows (the same SpendBreaker class, one
// object per visitor). Tickets are plain data so a restarted ChatRoom can still settle them.
import type { Config } from "../config.js";
import { HttpError } from "../http-error.js";
import type { Ticket } from "../spend-breaker.js";
import type { ChatSettings, ChatsEnv } from "./settings.js";

export interface TurnTickets {
  global: Ticket;
  visitor: Ticket;
  visitorId: string;
}

/**
 * Reserves `usd` with the visitor's caps, then the global ones; nothing is held when either refuses.
 * @throws HttpError 429 `session_budget_exhausted` or `budget_exhausted`, with `retry-after`.
 */
export async function reserveTurn(env: ChatsEnv, config: Config, settings: ChatSettings, visitorId: string, usd: number): Promise<TurnTickets> {
  const visitorStub = visitorBreaker(env, visitorId);
  const visitor = await visitorStub.admit(usd, { hourlyUSD: settings.sessionHourlyUSD, dailyUSD: settings.sessionDailyUSD, clientShare: 1 }, visitorId);
  if (!visitor.allowed) {
    const which = visitor.window === "hour" ? "hourly (SESSION_SPEND_LIMIT_USD_PER_HOUR)" : "daily (SESSION_SPEND_LIMIT_USD_PER_DAY)";
    throw new HttpError(429, "session_budget_exhausted", `Your ${which} spending cap of $${visitor.capUSD} is reached. Retry in ${visitor.retryAfterSeconds} s.`, {
      "retry-after": String(visitor.retryAfterSeconds),
    });
  }
  const global = await globalBreaker(env).admit(usd, { hourlyUSD: config.spend.hourlyUSD, dailyUSD: config.spend.dailyUSD, clientShare: config.spend.clientShare }, `session:${visitorId}`);
  if (!global.allowed) {
    await visitorStub.settle(visitor.ticket, 0);
    const which = global.window === "hour" ? "hourly (SPEND_LIMIT_USD_PER_HOUR)" : "daily (SPEND_LIMIT_USD_PER_DAY)";
    throw new HttpError(429, "budget_exhausted", `This demo's ${which} spending cap of $${global.capUSD} is reached. Retry in ${global.retryAfterSeconds} s.`, {
      "retry-after": String(global.retryAfterSeconds),
    });
  }
  return { global: global.ticket, visitor: visitor.ticket, visitorId };
}

/** Replaces both reservations by the turn's cost. */
export async function settleTurn(env: ChatsEnv, tickets: TurnTickets, costUSD: number): Promise<void> {
  const cost = Number.isFinite(costUSD) ? Math.max(0, costUSD) : tickets.global.reservedUSD;
  await Promise.all([globalBreaker(env).settle(tickets.global, cost), visitorBreaker(env, tickets.visitorId).settle(tickets.visitor, cost)]);
}

/** The visitor's own SpendBreaker object (the global breaker's class, one object per visitor). */
export function visitorBreaker(env: ChatsEnv, visitorId: string) {
  return env.SPEND_BREAKER.get(env.SPEND_BREAKER.idFromName(`session:${visitorId}`));
}

function globalBreaker(env: ChatsEnv) {
  return env.SPEND_BREAKER.get(env.SPEND_BREAKER.idFromName("global"));
}
