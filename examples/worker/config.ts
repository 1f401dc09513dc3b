import type { KVNamespaceLike } from "deepinfra-edge";
import type { RateLimiter } from "./rate-limit.js";
import type { SpendBreaker } from "./spend-breaker.js";

/** Cloudflare's Rate Limiting binding (`[[ratelimits]]` in wrangler.toml), when configured. */
export interface EdgeRateLimit {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/** The Worker's bindings: one secret, the Durable Objects, and every hardening knob as a `[vars]` string (see wrangler.toml). */
export interface Env {
  /** Secret (`wrangler secret put DEEPINFRA_API_KEY`; locally `.dev.vars`). Never sent to the browser. */
  DEEPINFRA_API_KEY?: string;
  /** API root; empty means DeepInfra itself. `npm start` points it at the offline demo upstream. */
  DEEPINFRA_BASE_URL?: string;
  /** "true" shows the "offline demo upstream" banner on the page. */
  OFFLINE_DEMO?: string;
  RATE_LIMITER: DurableObjectNamespace<RateLimiter>;
  SPEND_BREAKER: DurableObjectNamespace<SpendBreaker>;
  /** Optional: a second, per-location limit counted by Cloudflare itself. */
  EDGE_RATE_LIMIT?: EdgeRateLimit;
  /** Optional Workers KV namespace (`[[kv_namespaces]]`): /api/embeddings answers texts embedded before from it. */
  EMBEDDINGS_CACHE?: KVNamespaceLike;
  /** "true" shares the cache between visitors (fewer upstream calls; anyone can then test what others embedded). */
  EMBEDDINGS_CACHE_SHARED?: string;
  /** New cache entries one request may write (default 4). */
  EMBEDDINGS_CACHE_MAX_WRITES?: string;
  PUBLIC_ORIGINS?: string;
  ALLOWED_HOSTS?: string;
  DEV_PORT?: string;
  ALLOWED_ORIGINS?: string;
  RATE_LIMIT_REQUESTS?: string;
  RATE_LIMIT_WINDOW_SECONDS?: string;
  RATE_LIMIT_REQUESTS_PER_48?: string;
  SPEND_LIMIT_USD_PER_HOUR?: string;
  SPEND_LIMIT_USD_PER_DAY?: string;
  SPEND_USD_PER_MILLION_TOKENS?: string;
  SPEND_USD_PER_MEDIA_REQUEST?: string;
  SPEND_MODEL_PRICES?: string;
  SPEND_USD_PER_MILLION_EMBEDDING_TOKENS?: string;
  SPEND_USD_PER_AUDIO_MINUTE?: string;
  SPEND_CLIENT_SHARE?: string;
  BEHIND_CLOUDFLARE?: string;
  HEARTBEAT_MS?: string;
  MAX_BODY_BYTES?: string;
  ALLOWED_MODELS?: string;
  DEFAULT_MODEL?: string;
  MODEL_ALIASES?: string;
  ALLOWED_EMBEDDING_MODELS?: string;
  MAX_TOKENS?: string;
  MAX_MESSAGES?: string;
  MAX_MESSAGE_CHARS?: string;
  MAX_EMBEDDING_INPUTS?: string;
}

/** Where the Worker is served: the Hosts it answers and the origins that count as its own. */
export interface Site {
  /** `host[:port]` values (lower case) the Worker answers; anything else gets 421. */
  hosts: Set<string>;
  /** The Worker's own origin for each host in `hosts`. */
  ownOrigin: Map<string, string>;
  /** Loopback hosts on the dev port (`wrangler dev`): every caller there is one client. */
  loopback: Set<string>;
}

/** The hardening knobs, parsed once per request from `env` (strings, so they fit `[vars]` and `--var`). */
export interface Config {
  site: Site;
  /** Other origins allowed to call /api/* with CORS; `*` allows any (answered with a literal `*`). */
  allowedOrigins: string[];
  /** `requestsPer48`: what all the /64s of one IPv6 /48 share per window. */
  rateLimit: { requests: number; windowSeconds: number; requestsPer48: number };
  spend: {
    hourlyUSD: number;
    dailyUSD: number;
    /** Price used for reservations, and for answers without `usage.estimated_cost`. */
    usdPerToken: number;
    /** Reserved (and kept) per image: those answers carry no cost. */
    usdPerMediaRequest: number;
    /** Per chat model (the name a browser sends): USD per prompt token and per answer token. */
    modelPrices: Record<string, { input: number; output: number }>;
    /** Embeddings' price per token (reservations and settlement; DeepInfra reports no cost for them). */
    embeddingUSDPerToken: number;
    /** Transcription's price per audio minute (reserved on the upload's longest possible duration). */
    usdPerAudioMinute: number;
    /** Fraction of SPEND_LIMIT_USD_PER_HOUR one client (rate-limit key) may hold in an hour. */
    clientShare: number;
  };
  /** `CF-Connecting-IP` is Cloudflare's (BEHIND_CLOUDFLARE="true"); otherwise every caller is one client. */
  behindCloudflare: boolean;
  /** /api/chat answers 200 with SSE comments after this long without the upstream's headers. */
  heartbeatMs: number;
  maxBodyBytes: number;
  allowedModels: string[];
  defaultModel: string;
  /** Overrides of the SDK's chat alias table (JSON object), e.g. when a spec model is retired. */
  modelAliases: Record<string, string>;
  allowedEmbeddingModels: string[];
  maxTokens: number;
  maxMessages: number;
  maxMessageChars: number;
  maxEmbeddingInputs: number;
  offlineDemo: boolean;
}

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

/** Reads the knobs; a malformed value fails loudly rather than silently disabling a guard. */
export function readConfig(env: Env): Config {
  return {
    site: readSite(env),
    allowedOrigins: list(env.ALLOWED_ORIGINS, []),
    rateLimit: {
      requests: int("RATE_LIMIT_REQUESTS", env.RATE_LIMIT_REQUESTS, 20),
      windowSeconds: int("RATE_LIMIT_WINDOW_SECONDS", env.RATE_LIMIT_WINDOW_SECONDS, 60),
      requestsPer48: int("RATE_LIMIT_REQUESTS_PER_48", env.RATE_LIMIT_REQUESTS_PER_48, 4 * int("RATE_LIMIT_REQUESTS", env.RATE_LIMIT_REQUESTS, 20)),
    },
    spend: {
      hourlyUSD: usd("SPEND_LIMIT_USD_PER_HOUR", env.SPEND_LIMIT_USD_PER_HOUR, 1),
      dailyUSD: usd("SPEND_LIMIT_USD_PER_DAY", env.SPEND_LIMIT_USD_PER_DAY, 5),
      usdPerToken: usd("SPEND_USD_PER_MILLION_TOKENS", env.SPEND_USD_PER_MILLION_TOKENS, 1) / 1e6,
      usdPerMediaRequest: usd("SPEND_USD_PER_MEDIA_REQUEST", env.SPEND_USD_PER_MEDIA_REQUEST, 0.01),
      modelPrices: prices(env.SPEND_MODEL_PRICES),
      // Embedding models list at $0.005–0.05 per million tokens; the chat price would over-book them 20–200×.
      embeddingUSDPerToken: usd("SPEND_USD_PER_MILLION_EMBEDDING_TOKENS", env.SPEND_USD_PER_MILLION_EMBEDDING_TOKENS, 0.05) / 1e6,
      usdPerAudioMinute: usd("SPEND_USD_PER_AUDIO_MINUTE", env.SPEND_USD_PER_AUDIO_MINUTE, 0.0005),
      clientShare: share(env.SPEND_CLIENT_SHARE),
    },
    behindCloudflare: env.BEHIND_CLOUDFLARE === "true",
    heartbeatMs: int("HEARTBEAT_MS", env.HEARTBEAT_MS, 1000),
    maxBodyBytes: int("MAX_BODY_BYTES", env.MAX_BODY_BYTES, 32_768),
    // `large` is the most expensive alias: a public page must opt in to it.
    allowedModels: list(env.ALLOWED_MODELS, ["default", "small", "agent"]),
    defaultModel: env.DEFAULT_MODEL || "default",
    modelAliases: aliases(env.MODEL_ALIASES),
    allowedEmbeddingModels: list(env.ALLOWED_EMBEDDING_MODELS, ["default", "large", "small"]),
    maxTokens: int("MAX_TOKENS", env.MAX_TOKENS, 512),
    maxMessages: int("MAX_MESSAGES", env.MAX_MESSAGES, 20),
    maxMessageChars: int("MAX_MESSAGE_CHARS", env.MAX_MESSAGE_CHARS, 4_000),
    maxEmbeddingInputs: int("MAX_EMBEDDING_INPUTS", env.MAX_EMBEDDING_INPUTS, 16),
    offlineDemo: env.OFFLINE_DEMO === "true",
  };
}

/**
 * The site comes from configuration only, never from the request: PUBLIC_ORIGINS (full origins),
 * ALLOWED_HOSTS (bare hosts, served over https) and, for `wrangler dev`, the loopback names on DEV_PORT.
 */
function readSite(env: Env): Site {
  const site: Site = { hosts: new Set(), ownOrigin: new Map(), loopback: new Set() };
  for (const raw of list(env.PUBLIC_ORIGINS, [])) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new Error(`wrangler.toml var PUBLIC_ORIGINS must list origins such as https://chat.example.com (was ${JSON.stringify(raw)})`);
    }
    if ((url.protocol !== "https:" && url.protocol !== "http:") || url.origin !== raw.replace(/\/$/, "")) {
      throw new Error(`wrangler.toml var PUBLIC_ORIGINS must list bare origins (scheme://host[:port]) (was ${JSON.stringify(raw)})`);
    }
    site.hosts.add(url.host);
    site.ownOrigin.set(url.host, url.origin);
  }
  for (const raw of list(env.ALLOWED_HOSTS, [])) {
    const host = raw.toLowerCase();
    if (!/^[a-z0-9.-]+(:\d+)?$/.test(host)) throw new Error(`wrangler.toml var ALLOWED_HOSTS must list hosts such as chat.example.com (was ${JSON.stringify(raw)})`);
    site.hosts.add(host);
    if (!site.ownOrigin.has(host)) site.ownOrigin.set(host, `https://${host}`);
  }
  if (env.DEV_PORT !== undefined && env.DEV_PORT.trim() !== "") {
    const port = int("DEV_PORT", env.DEV_PORT, 8787);
    for (const name of LOOPBACK_NAMES) {
      // URL drops a scheme's default port from `host`, so compare the way it reports it.
      const host = port === 80 ? name : `${name}:${port}`;
      site.hosts.add(host);
      site.loopback.add(host);
      site.ownOrigin.set(host, `http://${host}`);
    }
  }
  return site;
}

function list(raw: string | undefined, fallback: string[]): string[] {
  if (raw === undefined || raw.trim() === "") return fallback;
  return raw.split(",").map((s) => s.trim()).filter(Boolean);
}

function int(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`wrangler.toml var ${name} must be a positive integer (was ${JSON.stringify(raw)})`);
  return value;
}

function usd(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`wrangler.toml var ${name} must be an amount in USD >= 0 (was ${JSON.stringify(raw)})`);
  return value;
}

function share(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return 0.25;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 1) throw new Error(`wrangler.toml var SPEND_CLIENT_SHARE must be a fraction in (0, 1] (was ${JSON.stringify(raw)})`);
  return value;
}

/** `{"model": [inputUSDPerMillion, outputUSDPerMillion]}` → per-token prices. */
function prices(raw: string | undefined): Record<string, { input: number; output: number }> {
  if (raw === undefined || raw.trim() === "") return {};
  const parsed: unknown = JSON.parse(raw);
  const ok = (v: unknown) => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === "number" && Number.isFinite(x) && x >= 0);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed) || !Object.values(parsed).every(ok)) {
    throw new Error("wrangler.toml var SPEND_MODEL_PRICES must be a JSON object of [input, output] USD per million tokens");
  }
  return Object.fromEntries(Object.entries(parsed as Record<string, [number, number]>).map(([model, [input, output]]) => [model, { input: input / 1e6, output: output / 1e6 }]));
}

function aliases(raw: string | undefined): Record<string, string> {
  if (raw === undefined || raw.trim() === "") return {};
  const parsed: unknown = JSON.parse(raw);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed) || !Object.values(parsed).every((v) => typeof v === "string")) {
    throw new Error(`wrangler.toml var MODEL_ALIASES must be a JSON object of strings (was ${JSON.stringify(raw)})`);
  }
  return parsed as Record<string, string>;
}
