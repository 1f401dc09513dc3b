import { RateLimitError } from "../errors/api-error.js";
import type { DeepInfraError } from "../errors/base.js";
import { APIUserAbortError } from "../errors/connection.js";
import { QueueFullError } from "../errors/queue-full.js";
import { concurrencyOptions } from "../schema/generated/validators.js";
import { checkOptions, refuse } from "../schema/runtime.js";
import { QueueTimeoutError } from "../errors/queue-timeout.js";
import type { TransportHooks } from "../http.js";
import type { RequestSpec } from "../types/request.js";

/** The client's `concurrency` option. */
export interface ConcurrencyOptions {
  /** Requests in flight per model (default 200, DeepInfra's per-model limit). */
  perModel?: number;
  /** Requests in flight across every model (default: no limit). */
  total?: number;
  /** Requests that may wait for a slot; one more throws `QueueFullError` at once (default: no limit). */
  maxQueue?: number;
  /** AIMD: a busy 429 halves the model's limit, each success raises it by one up to `perModel` (default true). */
  adaptive?: boolean;
}

/** DeepInfra serves at most this many concurrent requests per model and account. */
export const DEFAULT_PER_MODEL = 200;

/** Models remembered with a lowered limit; an isolate lives for many requests, so the map is bounded. */
const MAX_TRACKED_MODELS = 1024;

interface ModelState {
  active: number;
  limit: number;
  /** Bumped at each decrease: a 429 from a request admitted before it belongs to the same congestion and is not counted twice. */
  epoch: number;
}

interface Waiter {
  model: string;
  grant(): void;
}

type Release = (error?: DeepInfraError) => void;

/**
 * Limits requests in flight per model and in all, with a FIFO queue, as transport hooks: each attempt
 * takes a slot inside its header timeout and under its abort signal (so a wait counts against `timeout`
 * and is abortable), and gives it back when it fails or its 2xx body closes. Share one across clients
 * (e.g. at a Worker's module scope) with `new DeepInfra({ concurrency: limiter })`.
 * @throws QueueFullError from a call when `maxQueue` requests already wait.
 * @example
 * const limiter = new ConcurrencyLimiter({ perModel: 50, total: 100, maxQueue: 1000 });
 * const client = new DeepInfra({ apiKey, concurrency: limiter });
 */
export class ConcurrencyLimiter implements TransportHooks {
  /** The ceiling per model. */
  readonly perModel: number;
  /** The ceiling across models. */
  readonly total: number;
  /** How many requests may wait. */
  readonly maxQueue: number;
  /** Whether busy 429s lower a model's limit (AIMD). */
  readonly adaptive: boolean;
  readonly #models = new Map<string, ModelState>();
  readonly #queue: Waiter[] = [];
  #active = 0;

  constructor(options: ConcurrencyOptions = {}) {
    this.perModel = positive("perModel", options.perModel, DEFAULT_PER_MODEL);
    this.total = positive("total", options.total, Number.POSITIVE_INFINITY);
    this.maxQueue = positive("maxQueue", options.maxQueue, Number.POSITIVE_INFINITY, 0);
    this.adaptive = options.adaptive !== false;
  }

  /** Realm-safe brand, on the prototype: another copy of the package shares a limiter of the same protocol version as it is. */
  get deepinfraLimiter(): 1 {
    return 1;
  }

  /** Requests in flight for `model`, or across every model when omitted. */
  active(model?: string): number {
    return model === undefined ? this.#active : (this.#models.get(model)?.active ?? 0);
  }

  /** The limit in force for `model`: `perModel`, or lower after busy 429s. */
  limit(model: string): number {
    return this.#models.get(model)?.limit ?? this.perModel;
  }

  /** Requests waiting for a slot. */
  get queued(): number {
    return this.#queue.length;
  }

  /** Transport hook: takes a slot for the attempt's model, waiting in the queue when none is free. */
  beforeAttempt(spec: RequestSpec, signal: AbortSignal): Release | Promise<Release> {
    const model = modelOf(spec);
    // Every waiter is blocked (drain runs whenever capacity grows), so one that fits now overtakes nobody.
    if (this.#fits(model)) return this.#take(model);
    if (this.#queue.length >= this.maxQueue) throw new QueueFullError(this.maxQueue, model);
    if (signal.aborted) throw new APIUserAbortError();
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = {
        model,
        grant: () => {
          signal.removeEventListener("abort", onAbort);
          resolve(this.#take(model));
        },
      };
      const onAbort = () => {
        const at = this.#queue.indexOf(waiter);
        if (at !== -1) this.#queue.splice(at, 1);
        // The exchange aborts a header timeout with the limit in ms as its reason: the wait ends in the queue's own error.
        reject(typeof signal.reason === "number" ? new QueueTimeoutError(signal.reason) : new APIUserAbortError("Aborted while waiting for a concurrency slot."));
      };
      signal.addEventListener("abort", onAbort, { once: true });
      this.#queue.push(waiter);
    });
  }

  #state(model: string): ModelState {
    let state = this.#models.get(model);
    if (!state) {
      state = { active: 0, limit: this.perModel, epoch: 0 };
      if (this.#models.size >= MAX_TRACKED_MODELS) this.#forgetIdle();
      this.#models.set(model, state);
    }
    return state;
  }

  #fits(model: string): boolean {
    if (this.#active >= this.total) return false;
    const state = this.#models.get(model);
    return !state || state.active < state.limit;
  }

  #take(model: string): Release {
    // A request without a model (files, batches, the model list) counts against `total` only.
    if (model === "") {
      this.#active++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        this.#active--;
        this.#drain();
      };
    }
    const state = this.#state(model);
    state.active++;
    this.#active++;
    const epoch = state.epoch;
    let released = false;
    return (error) => {
      if (released) return;
      released = true;
      if (this.adaptive) this.#adapt(state, epoch, error);
      state.active--;
      this.#active--;
      if (state.active === 0 && state.limit >= this.perModel && this.#models.get(model) === state) this.#models.delete(model);
      this.#drain();
    };
  }

  // AIMD: a busy 429 halves the limit, once per congestion (429s from requests admitted before the last halving
  // are the same congestion, not a new one); each success adds one back, up to perModel.
  #adapt(state: ModelState, epoch: number, error: DeepInfraError | undefined): void {
    if (error === undefined) {
      state.limit = Math.min(this.perModel, state.limit + 1);
    } else if (error instanceof RateLimitError && !error.quota && epoch === state.epoch) {
      state.limit = Math.max(1, Math.floor(state.limit / 2));
      state.epoch++;
    }
  }

  /** Admits waiters in arrival order while they fit; one blocked on its model does not hold back others. */
  #drain(): void {
    for (let at = 0; at < this.#queue.length && this.#active < this.total; ) {
      const waiter = this.#queue[at] as Waiter;
      if (this.#fits(waiter.model)) {
        this.#queue.splice(at, 1);
        waiter.grant();
      } else {
        at++;
      }
    }
  }

  #forgetIdle(): void {
    for (const [model, state] of this.#models) {
      if (state.active === 0) {
        this.#models.delete(model);
        return;
      }
    }
  }
}

/** Validates the `concurrency` client option and returns the limiter to use. */
export function createLimiter(option: ConcurrencyOptions | ConcurrencyLimiter): ConcurrencyLimiter {
  if (option instanceof ConcurrencyLimiter || (option as { deepinfraLimiter?: unknown } | null)?.deepinfraLimiter === 1) return option as ConcurrencyLimiter;
  if (typeof (option as { beforeAttempt?: unknown } | null)?.beforeAttempt === "function") {
    refuse("client", ["concurrency"], "a ConcurrencyLimiter of this deepinfra-edge version (build it with this one's ConcurrencyLimiter)", option, "one of another version");
  }
  return new ConcurrencyLimiter(option);
}

/** The model a request is for: `body.model` (JSON or form), or the model in a native `/v1/inference/{model}` path; "" for none. */
export function modelOf(spec: RequestSpec): string {
  const body = spec.body as { model?: unknown; get?: (name: string) => unknown } | null | undefined;
  if (typeof body?.model === "string") return body.model;
  if (typeof FormData !== "undefined" && body instanceof FormData) {
    const model = body.get("model");
    if (typeof model === "string") return model;
  }
  const native = /^\/v1\/inference\/([^?]+)/.exec(spec.path);
  return native ? decodeURIComponent(native[1] as string) : "";
}

function positive(name: keyof ConcurrencyOptions, value: number | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  checkOptions("client options", concurrencyOptions, { [name]: value }, ["concurrency"]);
  return value;
}
