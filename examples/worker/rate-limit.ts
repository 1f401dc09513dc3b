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
 * One token bucket per client (the object is named after its key from client-id.ts): `requests` tokens,
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
    // One object per client ever seen: once the bucket is full again it holds nothing, so it is deleted then.
    void this.ctx.storage.setAlarm(now + windowSeconds * 1000, { allowUnconfirmed: true });
    if (!allowed) return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
    return { allowed: true, remaining: Math.floor(tokens - 1), retryAfterSeconds: 0 };
  }

  /** Idle for a whole window: the bucket is full, which is what a missing one means too. */
  async alarm(): Promise<void> {
    this.#bucket = undefined;
    await this.ctx.storage.deleteAll();
  }
}

/** The /48 around a /64 bucket key (`v6:a:b:c:d::/64` → `v6:a:b:c::/48`), or undefined for IPv4 and the rest. */
export function prefix48(client: string): string | undefined {
  const match = /^v6:([0-9a-f]+:[0-9a-f]+:[0-9a-f]+):[0-9a-f]+::\/64$/.exec(client);
  return match ? `v6:${match[1]}::/48` : undefined;
}

/**
 * Charges one request to the client's bucket (see client-id.ts for what "one client" is), and to
 * Cloudflare's Rate Limiting binding too when EDGE_RATE_LIMIT is configured.
 * @throws HttpError 429 with `retry-after` when either refuses.
 */
export async function enforceRateLimit(client: string, env: Env, config: Config): Promise<void> {
  const { requests, windowSeconds } = config.rateLimit;
  const stub = env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(client));
  // A /48 is often one site or one person's allocation (65,536 /64s): it gets one larger bucket above them.
  const wide = prefix48(client);
  const wideStub = wide ? env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(wide)) : undefined;
  const [decision, edge, wideDecision] = await Promise.all([
    stub.take(requests, windowSeconds),
    env.EDGE_RATE_LIMIT?.limit({ key: client }),
    wideStub?.take(config.rateLimit.requestsPer48, windowSeconds),
  ]);
  if (!decision.allowed) {
    throw new HttpError(429, "rate_limited", `Too many requests: at most ${requests} per ${windowSeconds} s. Retry in ${decision.retryAfterSeconds} s.`, {
      "retry-after": String(decision.retryAfterSeconds),
    });
  }
  if (wideDecision && !wideDecision.allowed) {
    throw new HttpError(429, "rate_limited", `Too many requests from this network (RATE_LIMIT_REQUESTS_PER_48). Retry in ${wideDecision.retryAfterSeconds} s.`, {
      "retry-after": String(wideDecision.retryAfterSeconds),
    });
  }
  if (edge && !edge.success) {
    // The binding does not say when its window ends; its periods are 10 or 60 s.
    throw new HttpError(429, "rate_limited", "Too many requests from this client (edge rate limit). Retry in a minute.", { "retry-after": "60" });
  }
}
