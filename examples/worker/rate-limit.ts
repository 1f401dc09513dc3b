import { DurableObject } from "cloudflare:workers";
import type { Config, Env } from "./config.js";
import { HttpError } from "./http-error.js";

/** What one `take()` decided. */
export interface RateDecision {
  allowed: boolean;
  /** Requests left in the bucket after this one. */
  remaining: number;
  /** Seconds until one more request is allowed (0 when allowed). */
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * One token bucket per client (the object is named after the client's IP): `requests` tokens,
 * refilled evenly over `windowSeconds`. Durable Objects run one call at a time, so concurrent
 * requests from one client cannot race past the limit.
 */
export class RateLimiter extends DurableObject<Env> {
  #bucket: Bucket | undefined;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // An evicted object reloads its bucket instead of handing out a fresh one.
    void ctx.blockConcurrencyWhile(async () => {
      this.#bucket = await ctx.storage.get<Bucket>("bucket");
    });
  }

  /** Takes one token if there is one. */
  take(requests: number, windowSeconds: number, now: number = Date.now()): RateDecision {
    const perMs = requests / (windowSeconds * 1000);
    const saved = this.#bucket;
    const elapsed = saved ? Math.max(0, now - saved.updatedAt) : 0;
    const tokens = saved ? Math.min(requests, saved.tokens + elapsed * perMs) : requests;
    const allowed = tokens >= 1;
    this.#bucket = { tokens: allowed ? tokens - 1 : tokens, updatedAt: now };
    // Unconfirmed: waiting for each write to be durable serialised a burst of 100 calls to ~3 s.
    void this.ctx.storage.put("bucket", this.#bucket, { allowUnconfirmed: true });
    if (!allowed) return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
    return { allowed: true, remaining: Math.floor(tokens - 1), retryAfterSeconds: 0 };
  }
}

/**
 * Charges one request to the caller's bucket.
 * `CF-Connecting-IP` is set by Cloudflare's edge (a client cannot forge it there); under
 * `wrangler dev` it is the local peer.
 * @throws HttpError 429 with `retry-after` when the bucket is empty.
 */
export async function enforceRateLimit(request: Request, env: Env, config: Config): Promise<void> {
  const client = request.headers.get("cf-connecting-ip") ?? "unknown";
  const stub = env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(client));
  const { requests, windowSeconds } = config.rateLimit;
  const decision = await stub.take(requests, windowSeconds);
  if (!decision.allowed) {
    throw new HttpError(429, "rate_limited", `Too many requests: at most ${requests} per ${windowSeconds} s. Retry in ${decision.retryAfterSeconds} s.`, {
      "retry-after": String(decision.retryAfterSeconds),
    });
  }
}
