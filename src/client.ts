import { DeepInfraError, ValidationError } from "./errors.js";
import { createTransport, type FetchLike, type RetryInfo, type Transport } from "./http.js";
import { EMBEDDING_ALIASES, MODEL_ALIASES } from "./models.js";
import { Chat, type ResourceContext } from "./resources/chat.js";
import { Budget, createBudget, guardTransport, type BudgetOptions } from "./budget.js";
import { Embeddings } from "./resources/embeddings.js";
import { CapabilityMemory, recordCapabilities } from "./capabilities.js";
import { Audio } from "./resources/audio.js";
import { Completions } from "./resources/completions.js";
import { Images } from "./resources/images.js";
import { Inference } from "./resources/inference.js";
import { Models } from "./resources/model-list.js";

/** Options of `new DeepInfra(…)`. */
export interface ClientOptions {
  /**
   * Your DeepInfra API key. In a Worker pass `env.DEEPINFRA_API_KEY`; in Deno, Bun and Node it
   * defaults to the `DEEPINFRA_API_KEY` environment variable.
   */
  apiKey?: string;
  /** API root (default `https://api.deepinfra.com`); OpenAI-compatible calls go to `{baseURL}/v1/openai/…`. */
  baseURL?: string;
  /** A custom `fetch` (a service binding's, a test double…); called unbound, so `env.X.fetch` is safe to pass. */
  fetch?: FetchLike;
  /** Milliseconds to wait for response headers (default 60,000; 0 disables). */
  timeout?: number;
  /** Longest silence in milliseconds between two reads of a body or stream (default 30,000; 0 disables). */
  idleTimeout?: number;
  /** Retries after connection errors, 408, 409, 429 (not quota) and 5xx, with backoff (default 2). */
  maxRetries?: number;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Replaces or adds chat aliases, e.g. `{ default: "meta-llama/Meta-Llama-3.1-8B-Instruct" }`. */
  modelAliases?: Record<string, string>;
  /** Replaces or adds embedding aliases. */
  embeddingAliases?: Record<string, string>;
  /** Called before each retry wait (logging, metrics). */
  onRetry?: (info: RetryInfo) => void;
  /** Replaces the wait between retries (tests, custom schedulers); must reject when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Spending limit: `{ maxUSD, onUsage }` (or a shared `Budget`); once spent, requests throw `BudgetExceededError` unsent. */
  budget?: BudgetOptions | Budget;
  /** Where 405 "unsupported feature" answers are remembered (default: one per client); share one across clients. */
  capabilities?: CapabilityMemory;
}

export const DEFAULT_BASE_URL = "https://api.deepinfra.com";

/**
 * The DeepInfra client. Holds configuration and wires the resources; nothing is sent at construction.
 * @throws DeepInfraError when no API key is given or found.
 * @example
 * const client = new DeepInfra({ apiKey: env.DEEPINFRA_API_KEY });
 * const reply = await client.chat.completions.create({ model: "default", messages: [{ role: "user", content: "Hi" }] });
 */
export class DeepInfra {
  readonly chat: Chat;
  readonly embeddings: Embeddings;
  /** The spending limit in force, when the `budget` option is set. */
  readonly budget: Budget | undefined;
  readonly completions: Completions;
  readonly inference: Inference;
  readonly images: Images;
  readonly audio: Audio;
  readonly models: Models;
  readonly baseURL: string;
  /** The alias tables in force (spec defaults merged with the options). */
  readonly modelAliases: Readonly<Record<string, string>>;
  readonly embeddingAliases: Readonly<Record<string, string>>;
  /** The transport resources use; exposed for extensions in this package. */
  protected readonly context: ResourceContext;

  constructor(options: ClientOptions = {}) {
    const apiKey = options.apiKey ?? readEnvKey();
    if (typeof apiKey !== "string" || apiKey.trim() === "") throw new DeepInfraError(MISSING_KEY);
    this.baseURL = options.baseURL ?? DEFAULT_BASE_URL;
    try {
      new URL(this.baseURL);
    } catch {
      throw new DeepInfraError(`baseURL must be an absolute URL such as ${DEFAULT_BASE_URL} (was ${JSON.stringify(this.baseURL)}).`);
    }
    this.modelAliases = Object.freeze({ ...MODEL_ALIASES, ...options.modelAliases });
    this.embeddingAliases = Object.freeze({ ...EMBEDDING_ALIASES, ...options.embeddingAliases });
    const capabilities = options.capabilities ?? new CapabilityMemory();
    const transport: Transport = recordCapabilities(createTransport({
      apiKey: apiKey.trim(),
      baseURL: this.baseURL,
      fetch: options.fetch,
      timeout: nonNegative("timeout", options.timeout, 60_000),
      idleTimeout: nonNegative("idleTimeout", options.idleTimeout, 30_000),
      maxRetries: nonNegative("maxRetries", options.maxRetries, 2),
      headers: { ...options.headers },
      onRetry: options.onRetry,
      sleep: options.sleep,
    }), capabilities);
    this.budget = options.budget === undefined ? undefined : createBudget(options.budget);
    this.context = { transport: this.budget ? guardTransport(transport, this.budget) : transport, modelAliases: this.modelAliases, embeddingAliases: this.embeddingAliases, budget: this.budget };
    this.embeddings = new Embeddings(this.context);
    this.chat = new Chat(this.context);
    this.completions = new Completions(this.context);
    this.inference = new Inference(this.context);
    this.images = new Images(this.context);
    this.audio = new Audio(this.context);
    this.models = new Models(this.context, capabilities);
    // The key lives only inside the transport's closure: not a property, so never logged or serialised.
  }
}

const MISSING_KEY =
  "No DeepInfra API key. Pass it explicitly: new DeepInfra({ apiKey }). " +
  "In a Cloudflare Worker read it from the env of your fetch handler (env.DEEPINFRA_API_KEY, set with `wrangler secret put DEEPINFRA_API_KEY`); " +
  "in Deno, Bun or Node set the DEEPINFRA_API_KEY environment variable. Get a key at https://deepinfra.com/dash/api_keys.";

/** Reads DEEPINFRA_API_KEY where the runtime has an environment; only when a client is built, never at import. */
function readEnvKey(): string | undefined {
  const g = globalThis as { Deno?: { env?: { get(name: string): string | undefined } }; process?: { env?: Record<string, string | undefined> } };
  try {
    if (g.Deno?.env) return g.Deno.env.get("DEEPINFRA_API_KEY");
  } catch {
    // Deno without --allow-env throws; fall through to the error that explains how to pass the key.
  }
  return g.process?.env?.DEEPINFRA_API_KEY;
}

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || Number.isNaN(value) || value < 0) {
    const message = `${name} must be a number >= 0 (was ${JSON.stringify(value)})`;
    throw new ValidationError(`Invalid client options: ${message}.`, [{ message, path: [name] }]);
  }
  return value;
}
