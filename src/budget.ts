import { BudgetExceededError } from "./errors/budget.js";
import { budgetOptions } from "./schema/generated/validators.js";
import { checkOptions, refuse } from "./schema/runtime.js";
import type { CallCharge, CallContext } from "./call-context.js";
import { APIError } from "./errors/api-error.js";
import type { DeepInfraError } from "./errors/base.js";
import type { TransportHooks } from "./http.js";
import type { RequestSpec } from "./types/request.js";

/** Price per token used when neither `usage.estimated_cost` nor `estimateCost` prices a call: $2 per million, above most DeepInfra models' prices. */
export const DEFAULT_USD_PER_TOKEN = 2e-6;
/** Completion tokens a reservation assumes for a call that sets no `max_tokens`. */
export const DEFAULT_RESERVE_TOKENS = 4096;
/** The generations a budget reserves for before sending, by path. */
const RESERVED: Record<string, UsageEvent["endpoint"]> = { "/v1/openai/chat/completions": "chat.completions", "/v1/openai/completions": "completions" };

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
  /**
   * True when DeepInfra reported no usage for this call and `usage` is the SDK's estimate: a stream that ended
   * before its usage (from the prompt and the text streamed), or an answer lost after the request reached
   * DeepInfra (`usage.estimated_cost` is then the call's reservation).
   */
  estimated?: boolean;
  /** Total counted so far, this call included. */
  spentUSD: number;
  /** `maxUSD` minus `spentUSD` (may be negative: calls in flight finish even past the limit). */
  remainingUSD: number;
}

/** The client's `budget` option. */
export interface BudgetOptions {
  /** Spending limit in USD; once reached, the client refuses further requests with `BudgetExceededError`. */
  maxUSD: number;
  /** Called once per counted call: after its usage arrived, or when it ended without usage (`estimated: true`). */
  onUsage?: (event: UsageEvent) => void;
  /**
   * Price for calls DeepInfra sends no `estimated_cost` for (e.g. embeddings), in USD. Also prices the
   * worst case reserved before a chat or completion is sent (`max_tokens`, or `reserveTokens`, plus one token
   * per prompt character), and a stream that ended without usage.
   */
  estimateCost?: (event: { endpoint: UsageEvent["endpoint"]; model: string; usage: UsageRecord }) => number;
  /** Price per token for reservations and estimates when `estimateCost` is not given (default `DEFAULT_USD_PER_TOKEN`, $2 per million). */
  usdPerToken?: number;
  /** Completion tokens reserved for a chat or completion that sets no `max_tokens` (default 4,096). */
  reserveTokens?: number;
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
  #reserved = 0;
  readonly #onUsage: BudgetOptions["onUsage"];
  readonly #estimate: BudgetOptions["estimateCost"];
  readonly #perToken: number;
  readonly #reserveTokens: number;

  constructor(options: BudgetOptions) {
    this.maxUSD = options.maxUSD;
    this.#spent = options.spentUSD ?? 0;
    this.#onUsage = options.onUsage;
    this.#estimate = options.estimateCost;
    this.#perToken = options.usdPerToken ?? DEFAULT_USD_PER_TOKEN;
    this.#reserveTokens = options.reserveTokens ?? DEFAULT_RESERVE_TOKENS;
  }

  /**
   * Realm-safe brand, on the prototype (as the errors' `deepinfraError`): another copy of the package uses a
   * budget of the same protocol version as it is, never a private copy of it.
   */
  get deepinfraBudget(): 1 {
    return 1;
  }

  /** USD counted so far (settled calls). */
  get spentUSD(): number {
    return this.#spent;
  }

  /** USD held by calls in flight: each chat or completion's worst case, until it settles. */
  get reservedUSD(): number {
    return this.#reserved;
  }

  /** USD left before requests are refused (never below 0); calls in flight count at their reservation. */
  get remainingUSD(): number {
    return Math.max(0, this.maxUSD - this.#spent - this.#reserved);
  }

  /** Whether the limit is reached (by what was spent). */
  get exhausted(): boolean {
    return this.#spent >= this.maxUSD;
  }

  /**
   * Refuses when what was spent plus what calls in flight hold reaches the limit.
   * @throws BudgetExceededError
   */
  check(): void {
    if (this.#spent + this.#reserved >= this.maxUSD) throw new BudgetExceededError(this.maxUSD, this.#spent);
  }

  /** Transport step: refuses, unsent, once the limit is reached; reserves a chat or completion's worst case on its call. */
  beforeRequest(spec?: RequestSpec, call?: CallContext): void {
    this.check();
    const endpoint = spec && RESERVED[spec.path];
    const body = spec?.body as Record<string, unknown> | undefined;
    if (!call || !endpoint || !body || typeof body !== "object") return;
    const model = typeof body.model === "string" ? body.model : "";
    const promptChars = textLength(body.messages ?? body.prompt);
    const maxTokens = typeof body.max_tokens === "number" && body.max_tokens > 0 ? body.max_tokens : this.#reserveTokens;
    const worst = { prompt_tokens: promptChars, completion_tokens: maxTokens, total_tokens: promptChars + maxTokens };
    call.charge = this.#charge(endpoint, model, this.#cost(endpoint, model, worst, worst.total_tokens * this.#perToken), Math.ceil(promptChars / 4));
  }

  /**
   * Transport step: a call that failed for good gives its reservation back when nothing can have been billed
   * (never sent, or answered with an error status); otherwise it counts at its reservation.
   */
  onError(_spec: RequestSpec, error: DeepInfraError, retrying: boolean, call?: CallContext): void {
    const charge = call?.charge;
    if (retrying || !charge || charge.done) return;
    if (!call.mayHaveReachedServer || error instanceof APIError) charge.release();
    else charge.settleEstimate({ estimated_cost: charge.reservedUSD });
  }

  /** Counts one call's usage and tells `onUsage`. */
  record(endpoint: UsageEvent["endpoint"], model: string, usage: UsageRecord | null | undefined): void {
    if (!usage || typeof usage !== "object") return;
    this.#count(endpoint, model, usage, this.#cost(endpoint, model, usage, 0), false);
  }

  #count(endpoint: UsageEvent["endpoint"], model: string, usage: UsageRecord, cost: number, estimated: boolean): void {
    this.#spent += cost;
    this.#onUsage?.({ endpoint, model, usage, costUSD: cost, spentUSD: this.#spent, remainingUSD: this.maxUSD - this.#spent, ...(estimated ? { estimated } : {}) });
  }

  /** `usage.estimated_cost`, else `estimateCost`, else `fallback`; never below 0. */
  #cost(endpoint: UsageEvent["endpoint"], model: string, usage: UsageRecord, fallback: number): number {
    const reported = usage.estimated_cost;
    const raw = typeof reported === "number" && Number.isFinite(reported) ? reported : (this.#estimate?.({ endpoint, model, usage }) ?? fallback);
    return Number.isFinite(raw) ? Math.max(0, raw) : 0;
  }

  #charge(endpoint: UsageEvent["endpoint"], model: string, reservedUSD: number, promptTokens: number): CallCharge {
    this.#reserved += reservedUSD;
    let done = false;
    const close = (): boolean => {
      if (done) return false;
      done = true;
      this.#reserved = Math.max(0, this.#reserved - reservedUSD);
      return true;
    };
    const charge: CallCharge = {
      reservedUSD,
      get done() {
        return done;
      },
      settle: (usage) => {
        if (!usage || typeof usage !== "object") return;
        if (close()) this.#count(endpoint, model, usage, this.#cost(endpoint, model, usage, 0), false);
      },
      answered: (usage) => (usage ? charge.settle(usage) : charge.settleEstimate({ estimated_cost: reservedUSD })),
      // A stream left before its usage (the caller's break, an abort, a cut, a cancelled relay) still reached DeepInfra.
      follow: (body, stream) => body.onClose(() => done || charge.settleEstimate(streamedUsage(stream.currentCompletion()))),
      settleEstimate: (usage) => {
        if (!close()) return;
        const full: UsageRecord = { prompt_tokens: promptTokens, ...usage };
        full.total_tokens ??= (full.prompt_tokens as number) + ((full.completion_tokens as number | undefined) ?? 0);
        this.#count(endpoint, model, full, this.#cost(endpoint, model, full, (full.total_tokens as number) * this.#perToken), true);
      },
      release: () => void close(),
    };
    return charge;
  }
}

/** Characters of a prompt (a string, or messages as JSON): one token each at worst. */
function textLength(value: unknown): number {
  return typeof value === "string" ? value.length : (JSON.stringify(value) ?? "").length;
}

/** Usage as far as a stream got: what it reported, else the choices received at four characters a token (their JSON: an upper bound). */
function streamedUsage(completion: unknown): UsageRecord {
  const { usage, choices } = completion as { usage?: UsageRecord | null; choices?: unknown };
  return usage && typeof usage.completion_tokens === "number" ? { ...usage, estimated_cost: undefined } : { completion_tokens: Math.ceil(JSON.stringify(choices ?? []).length / 4) };
}

/** Whether `value` is a `Budget` of this package, from this copy or another. */
export function isBudget(value: unknown): value is Budget {
  return value instanceof Budget || (typeof value === "object" && value !== null && (value as { deepinfraBudget?: unknown }).deepinfraBudget === 1);
}

/** Validates the `budget` client option and returns the instance to use. */
export function createBudget(option: BudgetOptions | Budget): Budget {
  if (isBudget(option)) return option;
  if (typeof (option as { record?: unknown } | undefined)?.record === "function") {
    refuse("client", ["budget"], "a Budget of this deepinfra-edge version (build it with this one's Budget)", option, "a Budget of another version");
  }
  checkOptions("client options", budgetOptions, option, ["budget"]);
  return new Budget(option);
}
