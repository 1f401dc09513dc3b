import { DurableObject } from "cloudflare:workers";
import { APIError, isValidationError } from "deepinfra-edge";
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
  /** What each client holds in the current hour window (reserved or settled), by client key. */
  clients?: Record<string, number>;
}

/** A reservation: what `admit` charged, and in which windows. */
export interface Ticket {
  client: string;
  hourStart: number;
  dayStart: number;
  reservedUSD: number;
}

/** What `admit` decided. */
export type Admission = { allowed: true; ticket: Ticket } | { allowed: false; window: "hour" | "day" | "client"; capUSD: number; retryAfterSeconds: number };

/** The caps `admit` checks: the global windows, and the share of the hourly cap one client may hold. */
export interface Caps {
  hourlyUSD: number;
  dailyUSD: number;
  clientShare: number;
}

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

  /**
   * Reserves `reserveUSD` for `client` only if it fits under every cap whole: the check and the booking are one
   * step of this single-threaded object, so concurrent calls cannot together pass a cap.
   */
  admit(reserveUSD: number, caps: Caps, client = "unknown", now: number = Date.now()): Admission {
    const windows = this.#current(now);
    const clients = (windows.clients ??= {});
    const held = clients[client] ?? 0;
    const retry = (start: number, length: number) => Math.max(1, Math.ceil((start + length - now) / 1000));
    for (const [name, spent, cap, start, length] of [
      ["hour", windows.hour.spentUSD, caps.hourlyUSD, windows.hour.start, HOUR_MS],
      ["day", windows.day.spentUSD, caps.dailyUSD, windows.day.start, DAY_MS],
      ["client", held, caps.hourlyUSD * caps.clientShare, windows.hour.start, HOUR_MS],
    ] as const) {
      if (spent + reserveUSD > cap) return { allowed: false, window: name, capUSD: cap, retryAfterSeconds: retry(start, length) };
    }
    windows.hour.spentUSD += reserveUSD;
    windows.day.spentUSD += reserveUSD;
    clients[client] = held + reserveUSD;
    this.#save(windows);
    return { allowed: true, ticket: { client, hourStart: windows.hour.start, dayStart: windows.day.start, reservedUSD: reserveUSD } };
  }

  /** Replaces a reservation by the answer's real cost (in the windows it was made in). */
  settle(ticket: Ticket, costUSD: number, now: number = Date.now()): void {
    const windows = this.#current(now);
    const delta = costUSD - ticket.reservedUSD;
    if (windows.hour.start === ticket.hourStart) windows.hour.spentUSD = Math.max(0, windows.hour.spentUSD + delta);
    if (windows.day.start === ticket.dayStart) windows.day.spentUSD = Math.max(0, windows.day.spentUSD + delta);
    const clients = (windows.clients ??= {});
    if (windows.hour.start === ticket.hourStart) {
      const held = Math.max(0, (clients[ticket.client] ?? 0) + delta);
      if (held > 0) clients[ticket.client] = held;
      else delete clients[ticket.client];
    }
    this.#save(windows);
  }

  #current(now: number): Windows {
    const saved = this.#windows;
    const open = (window: Window | undefined, length: number): Window => (window && now - window.start < length ? window : { start: now, spentUSD: 0 });
    const hour = open(saved?.hour, HOUR_MS);
    // Client shares live in the hour window: a new hour starts every client at zero (and drops idle ones).
    this.#windows = { hour, day: open(saved?.day, DAY_MS), clients: hour === saved?.hour ? (saved.clients ?? {}) : {} };
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
  /** What was reserved. */
  reservedUSD: number;
  /** Resolves once the settlement, if any, is stored. */
  done(): Promise<void>;
}

/**
 * Reserves `reserveUSD` with the global breaker.
 * @throws HttpError 429 `budget_exhausted` with `retry-after` once a cap is reached.
 */
export async function reserveSpend(env: Env, config: Config, reserveUSD: number, client: string, waitUntil: (promise: Promise<unknown>) => void): Promise<Spend> {
  const stub = env.SPEND_BREAKER.get(env.SPEND_BREAKER.idFromName("global"));
  const { hourlyUSD, dailyUSD, clientShare } = config.spend;
  const admission = await stub.admit(reserveUSD, { hourlyUSD, dailyUSD, clientShare }, client);
  if (!admission.allowed) {
    const retry = { "retry-after": String(admission.retryAfterSeconds) };
    if (admission.window === "client") {
      throw new HttpError(429, "client_budget_exhausted", `This client's share of the hourly spending cap (SPEND_CLIENT_SHARE) is used up. Retry in ${admission.retryAfterSeconds} s.`, retry);
    }
    const which = admission.window === "hour" ? "hourly (SPEND_LIMIT_USD_PER_HOUR)" : "daily (SPEND_LIMIT_USD_PER_DAY)";
    throw new HttpError(429, "budget_exhausted", `This demo's ${which} spending cap of $${admission.capUSD} is reached. Retry in ${admission.retryAfterSeconds} s.`, retry);
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
    reservedUSD: reserveUSD,
  };
}

/**
 * Gives the reservation back for a call DeepInfra did not bill: one it refused (4xx), and one that never
 * left (the SDK's own validation, a Worker check). Anything else keeps it.
 */
export function refundIfRefused(spend: Spend, failure: unknown): void {
  if (failure instanceof APIError && failure.status !== undefined && failure.status < 500) spend.record(0);
  else if (isValidationError(failure) || (failure instanceof HttpError && failure.status < 500)) spend.record(0);
}

/** A model's price per token: the prompt's, and the answer's. */
export interface Price {
  input: number;
  output: number;
}

/** The chat price of `model` (SPEND_MODEL_PRICES, else SPEND_USD_PER_MILLION_TOKENS for both). */
export function chatPrice(model: string, config: Config): Price {
  return config.spend.modelPrices[model] ?? { input: config.spend.usdPerToken, output: config.spend.usdPerToken };
}

const utf8 = new TextEncoder();

/** Worst case of a chat call: a token per prompt UTF-8 byte (byte-level tokenizers' bound), plus the whole `max_tokens`. */
export function chatReserveUSD(messages: ReadonlyArray<{ content: string }>, maxTokens: number, price: Price): number {
  return promptBytes(messages) * price.input + maxTokens * price.output;
}

/** UTF-8 bytes of the messages' text: no tokenizer makes more tokens than that. */
export function promptBytes(messages: ReadonlyArray<{ content: string }>): number {
  return messages.reduce((n, m) => n + utf8.encode(m.content).byteLength, 0);
}

/** Tokens an answer used, for pricing one without `estimated_cost`. */
export function usageTokens(usage: { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number }): number {
  const total = usage.total_tokens ?? (usage.prompt_tokens ?? 0) + (usage.completion_tokens ?? 0);
  return Number.isFinite(total) && total > 0 ? total : 0;
}
