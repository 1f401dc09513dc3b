import type { Budget, BudgetOptions } from "./budget.js";
import { callRunner, type CallStep } from "./call-context.js";
import { checkApiKey } from "./options-check.js";
import { CapabilityMemory, capabilityHooks } from "./capabilities.js";
import type { CacheStore } from "./features/cache-store.js";
import { DeepInfraError } from "./errors/base.js";
import { transportOptions } from "./schema/generated/validators.js";
import { checkOptions, refuse } from "./schema/runtime.js";
import { createTransport, type TransportHooks } from "./http.js";
import { EMBEDDING_ALIASES, MODEL_ALIASES } from "./models.js";
import type { ResourceContext } from "./resources/context.js";
import { DEFAULT_MAX_EVENT_BYTES } from "./streaming/sse.js";
import type { FetchLike, RetryDelayInfo, RetryInfo } from "./types/request.js";

/** Options of `new DeepInfra(…)`. */
export interface ClientOptions {
  /**
   * Your DeepInfra API key (a leading `Bearer ` is dropped). In a Worker pass `env.DEEPINFRA_API_KEY`;
   * in Deno, Bun and Node it defaults to the `DEEPINFRA_API_KEY` environment variable.
   */
  apiKey?: string;
  /**
   * API root (default `https://api.deepinfra.com`). A URL ending in `/v1/openai` or `/v1`, as pasted
   * from openai-node setups, is understood as the root in front of it.
   */
  baseURL?: string;
  /** A custom `fetch` (a service binding's, a test double…); called unbound, so `env.X.fetch` is safe to pass. */
  fetch?: FetchLike;
  /**
   * Milliseconds to wait for response headers (0 disables). Default: 600,000 for a generation that is not
   * streamed or is `service_tier: "flex"` (its headers come with the whole answer, or after the queue), 60,000
   * for everything else.
   */
  timeout?: number;
  /**
   * Longest wait in milliseconds for the server while a read of a body or stream is pending; time spent by the
   * caller between reads never counts (0 disables). Default 30,000; 600,000 for a generation that is not streamed.
   */
  idleTimeout?: number;
  /**
   * Retries with backoff after 408, 409, 429 (not a spent quota, not a `fail_fast` request's), 5xx, and
   * connection failures before the request was sent; reads (models, files, batches retrieve/list) also after
   * any connection failure or a lost body (default 2).
   */
  maxRetries?: number;
  /**
   * Also retry a generation or creation whose request may already have reached DeepInfra (a header timeout, a
   * connection lost after sending). Default false: each such retry may be billed again. An answer whose headers
   * arrived is never sent again.
   */
  retryInFlight?: boolean;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Replaces or adds chat aliases, e.g. `{ default: "meta-llama/Meta-Llama-3.1-8B-Instruct" }`. */
  modelAliases?: Record<string, string>;
  /** Replaces or adds embedding aliases. */
  embeddingAliases?: Record<string, string>;
  /** `false` sends every call's parameters unchecked (default `true`); a call's `validate` overrides it. */
  validate?: boolean;
  /** Largest single SSE line or event in bytes (default 8 MiB); past it the stream fails with `EventTooLargeError`. */
  maxEventBytes?: number;
  /** Called before each retry wait (logging, metrics). */
  onRetry?: (info: RetryInfo) => void;
  /**
   * Chooses the wait before each retry the SDK would make: return milliseconds, or `undefined` to stop
   * retrying. `suggestedMs` is the SDK's own choice (the server's `Retry-After`, else backoff with jitter).
   */
  retryDelay?: (info: RetryDelayInfo) => number | undefined;
  /** Replaces the wait between retries (tests, custom schedulers); must reject when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * Spending limit: `{ maxUSD, onUsage }` (or a shared `Budget`); once spent, requests throw `BudgetExceededError` unsent.
   * The chat-only client takes a `Budget` only (`new Budget({ maxUSD })`), so a Worker without one carries none of its code.
   */
  budget?: BudgetOptions | Budget;
  /** Where 405 "unsupported feature" answers are remembered (default: one per client); share one across clients. */
  capabilities?: CapabilityMemory;
}

/** What the full client adds to the shared one. */
export interface ClientFeatures {
  /** Builds the budget from options (the chat-only client takes a `Budget` instance only). */
  createBudget?: ((option: BudgetOptions | Budget) => Budget) | undefined;
  /** The call steps, outermost first, built once the shared fields are set. */
  steps?: ((client: ClientBase) => readonly CallStep[]) | undefined;
  /** The embeddings cache. */
  cache?: CacheStore | undefined;
}

/** DeepInfra's API root, the default `baseURL`. */
export const DEFAULT_BASE_URL = "https://api.deepinfra.com";

/**
 * What every DeepInfra client shares: options, the transport (the key lives only in its closure, never
 * in a property, so it is never logged or serialised), aliases, budget and the 405 memory. The full
 * `DeepInfra` and the chat-only client of `deepinfra-edge/chat` add their resources on top.
 */
export class ClientBase {
  /** The API root requests go to. */
  readonly baseURL: string;
  /** The alias tables in force (spec defaults merged with the options). */
  readonly modelAliases: Readonly<Record<string, string>>;
  readonly embeddingAliases: Readonly<Record<string, string>>;
  /** The spending limit in force, when the `budget` option is set. */
  readonly budget: Budget | undefined;
  /** The 405 memory this client feeds. */
  readonly capabilities: CapabilityMemory;
  /** What resources are built on; for resource classes constructed by hand. */
  protected readonly context: ResourceContext;

  /** `hooks` run around each HTTP request (after the budget and the 405 memory); `features` are what the full client adds. */
  constructor(options: ClientOptions = {}, hooks: readonly TransportHooks[] = [], features: ClientFeatures = {}) {
    const apiKey = (options.apiKey ?? readEnvKey())?.replace(/^\s*bearer\s+/i, "").trim();
    if (!apiKey) throw new DeepInfraError(MISSING_KEY);
    checkApiKey(apiKey);
    this.baseURL = apiRoot(options.baseURL ?? DEFAULT_BASE_URL);
    this.modelAliases = Object.freeze({ ...MODEL_ALIASES, ...options.modelAliases });
    this.embeddingAliases = Object.freeze({ ...EMBEDDING_ALIASES, ...options.embeddingAliases });
    this.capabilities = options.capabilities ?? new CapabilityMemory();
    this.budget = options.budget === undefined ? undefined : (features.createBudget ?? sharedBudget)(options.budget);
    const transport = createTransport({
      apiKey,
      baseURL: this.baseURL,
      fetch: options.fetch,
      timeout: nonNegative("timeout", options.timeout),
      idleTimeout: nonNegative("idleTimeout", options.idleTimeout),
      maxRetries: nonNegative("maxRetries", options.maxRetries) ?? 2,
      retryInFlight: options.retryInFlight === true,
      headers: { ...options.headers },
      hooks: [...(this.budget ? [this.budget] : []), capabilityHooks(this.capabilities), ...hooks],
      onRetry: options.onRetry,
      retryDelay: options.retryDelay,
      sleep: options.sleep,
    });
    this.context = {
      call: callRunner(features.steps?.(this) ?? []),
      cache: features.cache,
      transport,
      baseURL: this.baseURL,
      modelAliases: this.modelAliases,
      embeddingAliases: this.embeddingAliases,
      budget: this.budget,
      validate: options.validate !== false,
      maxEventBytes: nonNegative("maxEventBytes", options.maxEventBytes) ?? DEFAULT_MAX_EVENT_BYTES,
    };
  }
}

/** A `Budget` built by the caller (of this copy of the package or another: recognised by its brand), as the chat-only client takes it. */
function sharedBudget(option: unknown): Budget {
  if ((option as { deepinfraBudget?: unknown } | null)?.deepinfraBudget === 1) return option as Budget;
  return refuse("client", ["budget"], "a Budget here: new Budget({ maxUSD })", option);
}

const MISSING_KEY =
  "No DeepInfra API key. Pass it explicitly: new DeepInfra({ apiKey }). " +
  "In a Cloudflare Worker read it from the env of your fetch handler (env.DEEPINFRA_API_KEY, set with `wrangler secret put DEEPINFRA_API_KEY`); " +
  "in Deno, Bun or Node set the DEEPINFRA_API_KEY environment variable (Deno reads it only with --allow-env=DEEPINFRA_API_KEY). Get a key at https://deepinfra.com/dash/api_keys.";

/** Reads DEEPINFRA_API_KEY where the runtime has an environment; only when a client is built, never at import. */
function readEnvKey(): string | undefined {
  const g = globalThis as { Deno?: { env?: { get(name: string): string | undefined } }; process?: { env?: Record<string, string | undefined> } };
  try {
    if (g.Deno?.env) return g.Deno.env.get("DEEPINFRA_API_KEY");
    return g.process?.env?.DEEPINFRA_API_KEY;
  } catch {
    // Deno without --allow-env throws (from Deno.env and from its `process` too): the missing-key error explains.
    return undefined;
  }
}

/** The API root: openai-node habits (`…/v1/openai`, `…/v1`) are cut back to it; requests add `/v1/openai/…` themselves. */
function apiRoot(baseURL: string): string {
  try {
    new URL(baseURL);
  } catch {
    throw new DeepInfraError(`baseURL must be an absolute URL such as ${DEFAULT_BASE_URL} (was ${JSON.stringify(baseURL)}).`);
  }
  return baseURL.replace(/\/+$/, "").replace(/\/v1(\/openai)?$/i, "");
}

function nonNegative(name: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  checkOptions("client options", transportOptions, { [name]: value });
  return value;
}
