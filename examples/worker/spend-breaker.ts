import { DurableObject } from "cloudflare:workers";
import { APIError } from "deepinfra-edge";
import type { Config, Env } from "./config.js";
import { HttpError } from "./http-error.js";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

interface Window {
  /** When this window opened (the first charge after the previous one expired). */
  start: number;
  spentUSD: number;
}

interface Windows {
  hour: Window;
  day: Window;
}

/** A reservation: what `admit` charged, and in which windows. */
export interface Ticket {
  hourStart: number;
  dayStart: number;
  reservedUSD: number;
}

/** What `admit` decided. */
export type Admission = { allowed: true; ticket: Ticket } | { allowed: false; window: "hour" | "day"; capUSD: number; retryAfterSeconds: number };

/**
 * The one global spend counter (a single object, named "global"): every paid call reserves its
 * worst-case cost here before it leaves, and settles to DeepInfra's `usage.estimated_cost` when the
 * answer reports one. Once the hourly or daily cap is reached every caller is refused, however many
 * addresses they rotate through. State is in Durable Object storage, so an evicted or restarted
 * object resumes with what was spent.
 */
export class SpendBreaker extends DurableObject<Env> {
  #windows: Windows | undefined;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    void ctx.blockConcurrencyWhile(async () => {
      this.#windows = await ctx.storage.get<Windows>("windows");
    });
  }

  /** Reserves `reserveUSD` unless a cap is already reached. */
  admit(reserveUSD: number, caps: { hourlyUSD: number; dailyUSD: number }, now: number = Date.now()): Admission {
    const windows = this.#current(now);
    for (const [name, window, cap, length] of [
      ["hour", windows.hour, caps.hourlyUSD, HOUR_MS],
      ["day", windows.day, caps.dailyUSD, DAY_MS],
    ] as const) {
      if (window.spentUSD >= cap) return { allowed: false, window: name, capUSD: cap, retryAfterSeconds: Math.max(1, Math.ceil((window.start + length - now) / 1000)) };
    }
    windows.hour.spentUSD += reserveUSD;
    windows.day.spentUSD += reserveUSD;
    this.#save(windows);
    return { allowed: true, ticket: { hourStart: windows.hour.start, dayStart: windows.day.start, reservedUSD: reserveUSD } };
  }

  /** Replaces a reservation by the answer's real cost (in the windows it was made in). */
  settle(ticket: Ticket, costUSD: number, now: number = Date.now()): void {
    const windows = this.#current(now);
    const delta = costUSD - ticket.reservedUSD;
    if (windows.hour.start === ticket.hourStart) windows.hour.spentUSD = Math.max(0, windows.hour.spentUSD + delta);
    if (windows.day.start === ticket.dayStart) windows.day.spentUSD = Math.max(0, windows.day.spentUSD + delta);
    this.#save(windows);
  }

  #current(now: number): Windows {
    const saved = this.#windows;
    const open = (window: Window | undefined, length: number): Window => (window && now - window.start < length ? window : { start: now, spentUSD: 0 });
    this.#windows = { hour: open(saved?.hour, HOUR_MS), day: open(saved?.day, DAY_MS) };
    return this.#windows;
  }

  // Not `allowUnconfirmed`: the reply to the caller waits until the charge is durable, so a crash
  // cannot hand out money twice.
  #save(windows: Windows): void {
    void this.ctx.storage.put("windows", windows);
  }
}

/** One call's charge: reserved up front, settled once. */
export interface Spend {
  /** Settles to the real cost (the first call wins; later ones are ignored). */
  record(costUSD: number): void;
  /** Resolves once the settlement, if any, is stored. */
  done(): Promise<void>;
}

/**
 * Reserves `reserveUSD` with the global breaker.
 * @throws HttpError 429 `budget_exhausted` with `retry-after` once a cap is reached.
 */
export async function reserveSpend(env: Env, config: Config, reserveUSD: number, waitUntil: (promise: Promise<unknown>) => void): Promise<Spend> {
  const stub = env.SPEND_BREAKER.get(env.SPEND_BREAKER.idFromName("global"));
  const { hourlyUSD, dailyUSD } = config.spend;
  const admission = await stub.admit(reserveUSD, { hourlyUSD, dailyUSD });
  if (!admission.allowed) {
    const which = admission.window === "hour" ? "hourly (SPEND_LIMIT_USD_PER_HOUR)" : "daily (SPEND_LIMIT_USD_PER_DAY)";
    throw new HttpError(429, "budget_exhausted", `This demo's ${which} spending cap of $${admission.capUSD} is reached. Retry in ${admission.retryAfterSeconds} s.`, {
      "retry-after": String(admission.retryAfterSeconds),
    });
  }
  let settled: Promise<void> | undefined;
  return {
    record(costUSD) {
      if (settled || !Number.isFinite(costUSD)) return;
      settled = stub.settle(admission.ticket, Math.max(0, costUSD)).catch((error: unknown) => {
        console.warn(JSON.stringify({ code: "spend_settle_failed", message: error instanceof Error ? error.message : String(error) }));
      });
      waitUntil(settled);
    },
    done: () => settled ?? Promise.resolve(),
  };
}

/** DeepInfra bills no refused call (4xx): give its reservation back. Anything else keeps it. */
export function refundIfRefused(spend: Spend, failure: unknown): void {
  if (failure instanceof APIError && failure.status !== undefined && failure.status < 500) spend.record(0);
}

/** Worst-case tokens of a chat call: every prompt character a token, plus the whole `max_tokens`. */
export function chatReserveUSD(messages: ReadonlyArray<{ content: string }>, maxTokens: number, config: Config): number {
  return (messages.reduce((n, m) => n + m.content.length, 0) + maxTokens) * config.spend.usdPerToken;
}

/** Tokens an answer used, for pricing one without `estimated_cost`. */
export function usageTokens(usage: { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number }): number {
  const total = usage.total_tokens ?? (usage.prompt_tokens ?? 0) + (usage.completion_tokens ?? 0);
  return Number.isFinite(total) && total > 0 ? total : 0;
}
