import { BudgetExceededError } from "./errors/budget.js";
import { budgetOptions } from "./schema/generated/validators.js";
import { checkOptions } from "./schema/runtime.js";
import type { TransportHooks } from "./http.js";

/** Token counts and cost of one finished call, as DeepInfra reported them. */
export interface UsageRecord {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
  /** DeepInfra's estimate in USD; absent on some endpoints (see `BudgetOptions.estimateCost`). */
  estimated_cost?: number;
  [extra: string]: unknown;
}

/** What `onUsage` is told after each call that reported usage. */
export interface UsageEvent {
  /** `chat.completions` and `completions` (streamed or not), `embeddings`, native `inference`, `rerank`, or a `batches.run` result. */
  endpoint: "chat.completions" | "completions" | "embeddings" | "inference" | "rerank" | "batches";
  /** Model id sent on the wire. */
  model: string;
  usage: UsageRecord;
  /** Cost counted for this call in USD (`usage.estimated_cost`, else `estimateCost`, else 0; never below 0). */
  costUSD: number;
  /** Total counted so far, this call included. */
  spentUSD: number;
  /** `maxUSD` minus `spentUSD` (may be negative: calls in flight finish even past the limit). */
  remainingUSD: number;
}

/** The client's `budget` option. */
export interface BudgetOptions {
  /** Spending limit in USD; once reached, the client refuses further requests with `BudgetExceededError`. */
  maxUSD: number;
  /** Called after every call that reported usage, streamed ones included (at their finishing chunk). */
  onUsage?: (event: UsageEvent) => void;
  /** Price for calls DeepInfra sends no `estimated_cost` for (e.g. embeddings), in USD. */
  estimateCost?: (event: { endpoint: UsageEvent["endpoint"]; model: string; usage: UsageRecord }) => number;
  /** Start from an amount already spent (e.g. restored from a Durable Object or KV). */
  spentUSD?: number;
}

/**
 * A spending limit shared by every call of a client (or of several clients given the same instance).
 * @example
 * const budget = new Budget({ maxUSD: 0.5, onUsage: (e) => console.log(e.costUSD, e.spentUSD) });
 * const client = new DeepInfra({ apiKey, budget });
 */
export class Budget implements TransportHooks {
  readonly maxUSD: number;
  #spent: number;
  readonly #onUsage: BudgetOptions["onUsage"];
  readonly #estimate: BudgetOptions["estimateCost"];

  constructor(options: BudgetOptions) {
    this.maxUSD = options.maxUSD;
    this.#spent = options.spentUSD ?? 0;
    this.#onUsage = options.onUsage;
    this.#estimate = options.estimateCost;
  }

  /** USD counted so far. */
  get spentUSD(): number {
    return this.#spent;
  }

  /** USD left before requests are refused (never below 0). */
  get remainingUSD(): number {
    return Math.max(0, this.maxUSD - this.#spent);
  }

  /** Whether the limit is reached. */
  get exhausted(): boolean {
    return this.#spent >= this.maxUSD;
  }

  /**
   * Refuses when the limit is reached.
   * @throws BudgetExceededError
   */
  check(): void {
    if (this.exhausted) throw new BudgetExceededError(this.maxUSD, this.#spent);
  }

  /** Transport hook: every request is refused, unsent, once the limit is reached. */
  beforeRequest(): void {
    this.check();
  }

  /** Counts one call's usage and tells `onUsage`. */
  record(endpoint: UsageEvent["endpoint"], model: string, usage: UsageRecord | null | undefined): void {
    if (!usage || typeof usage !== "object") return;
    const reported = usage.estimated_cost;
    const raw = typeof reported === "number" && Number.isFinite(reported) ? reported : (this.#estimate?.({ endpoint, model, usage }) ?? 0);
    const cost = Number.isFinite(raw) ? Math.max(0, raw) : 0;
    this.#spent += cost;
    this.#onUsage?.({ endpoint, model, usage, costUSD: cost, spentUSD: this.#spent, remainingUSD: this.maxUSD - this.#spent });
  }
}

/** Validates the `budget` client option and returns the instance to use. */
export function createBudget(option: BudgetOptions | Budget): Budget {
  if (option instanceof Budget) return option;
  checkOptions("client options", budgetOptions, option, ["budget"]);
  return new Budget(option);
}
