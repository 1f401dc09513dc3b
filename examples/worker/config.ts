import type { RateLimiter } from "./rate-limit.js";

/** The Worker's bindings: one secret, the DO, and every hardening knob as a `[vars]` string (see wrangler.toml). */
export interface Env {
  /** Secret (`wrangler secret put DEEPINFRA_API_KEY`; locally `.dev.vars`). Never sent to the browser. */
  DEEPINFRA_API_KEY?: string;
  /** API root; empty means DeepInfra itself. `npm start` points it at the offline demo upstream. */
  DEEPINFRA_BASE_URL?: string;
  /** "true" shows the "offline demo upstream" banner on the page. */
  OFFLINE_DEMO?: string;
  RATE_LIMITER: DurableObjectNamespace<RateLimiter>;
  ALLOWED_ORIGINS?: string;
  RATE_LIMIT_REQUESTS?: string;
  RATE_LIMIT_WINDOW_SECONDS?: string;
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

/** The hardening knobs, parsed once per request from `env` (strings, so they fit `[vars]` and `--var`). */
export interface Config {
  /** Origins allowed besides the Worker's own; `*` allows any. */
  allowedOrigins: string[];
  rateLimit: { requests: number; windowSeconds: number };
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

/** Reads the knobs; a malformed value fails loudly rather than silently disabling a guard. */
export function readConfig(env: Env): Config {
  return {
    allowedOrigins: list(env.ALLOWED_ORIGINS, []),
    rateLimit: { requests: int("RATE_LIMIT_REQUESTS", env.RATE_LIMIT_REQUESTS, 20), windowSeconds: int("RATE_LIMIT_WINDOW_SECONDS", env.RATE_LIMIT_WINDOW_SECONDS, 60) },
    maxBodyBytes: int("MAX_BODY_BYTES", env.MAX_BODY_BYTES, 32_768),
    allowedModels: list(env.ALLOWED_MODELS, ["default", "large", "small", "agent"]),
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

function aliases(raw: string | undefined): Record<string, string> {
  if (raw === undefined || raw.trim() === "") return {};
  const parsed: unknown = JSON.parse(raw);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed) || !Object.values(parsed).every((v) => typeof v === "string")) {
    throw new Error(`wrangler.toml var MODEL_ALIASES must be a JSON object of strings (was ${JSON.stringify(raw)})`);
  }
  return parsed as Record<string, string>;
}
