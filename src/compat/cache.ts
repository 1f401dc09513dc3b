/**
 * Any key-value store with `get` and `set`: a `Map`, the Workers Cache API (via `workersCache()`), a KV or
 * Redis wrapper… Values are plain JSON objects `{ value, expiresAt }`; the SDK checks expiry itself, and
 * passes the TTL in seconds as a third `set` argument for stores that can use it.
 */
export interface CacheStore {
  get(key: string): unknown;
  set(key: string, value: unknown, ttlSeconds?: number): unknown;
}

/** What the SDK stores under each key. */
export interface CacheEntry<T = unknown> {
  value: T;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** Reads a live entry, or undefined when missing, expired or not ours. */
export async function readCache<T>(store: CacheStore, key: string, now = Date.now()): Promise<T | undefined> {
  const entry = (await store.get(key)) as Partial<CacheEntry<T>> | undefined | null;
  if (!entry || typeof entry !== "object" || typeof entry.expiresAt !== "number" || !("value" in entry)) return undefined;
  return entry.expiresAt > now ? entry.value : undefined;
}

/** Stores `value` for `ttlSeconds`. */
export async function writeCache(store: CacheStore, key: string, value: unknown, ttlSeconds: number, now = Date.now()): Promise<void> {
  const entry: CacheEntry = { value, expiresAt: now + ttlSeconds * 1000 };
  await store.set(key, entry, ttlSeconds);
}

const MEMORY_LIMIT = 500;

/**
 * An in-memory store backed by a `Map`, dropping the oldest entries past `limit` (an isolate lives for
 * many requests; an unbounded Map would grow with every distinct prompt).
 */
export function memoryCache(limit = MEMORY_LIMIT): CacheStore & { readonly map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    get: (key) => map.get(key),
    set: (key, value) => {
      map.delete(key);
      map.set(key, value);
      while (map.size > limit) map.delete(map.keys().next().value as string);
    },
  };
}

/** The Cache API object this adapter needs (`caches.default` in Workers, `await caches.open(name)` elsewhere). */
export interface CacheLike {
  match(request: Request | string): Promise<Response | undefined>;
  put(request: Request | string, response: Response): Promise<void>;
}

/**
 * A store on the Cache API: Workers' `caches.default` by default, or any opened `Cache`. Entries expire by
 * `cache-control: max-age`. Keys become URLs under `origin`; in production Workers the Cache API only
 * stores on a zone (custom domain), not on `*.workers.dev`.
 * @example sendMessage(prompt, options, { cacheTimeoutSeconds: 300, cache: workersCache() })
 */
export function workersCache(cache?: CacheLike, origin = "https://deepinfra-edge.cache"): CacheStore {
  // Looked up on use, not at import: `caches` exists only in runtimes with the Cache API.
  const resolve = (): CacheLike => {
    if (cache) return cache;
    const global = (globalThis as { caches?: { default?: CacheLike } }).caches;
    if (!global?.default) throw new TypeError("workersCache(): no caches.default in this runtime; pass a Cache (await caches.open(name)).");
    return global.default;
  };
  const url = (key: string) => `${origin.replace(/\/+$/, "")}/${encodeURIComponent(key)}`;
  return {
    async get(key) {
      const response = await resolve().match(url(key));
      return response ? response.json() : undefined;
    },
    async set(key, value, ttlSeconds = 60) {
      const body = JSON.stringify(value);
      await resolve().put(url(key), new Response(body, { headers: { "content-type": "application/json", "cache-control": `max-age=${Math.max(1, Math.ceil(ttlSeconds))}` } }));
    },
  };
}

/** SHA-256 (hex) of a canonical JSON form of `value`: object keys sorted, so option order never matters. */
export async function cacheKey(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJSON(value));
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  let hex = "";
  for (const byte of digest) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

function canonicalJSON(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJSON(item ?? null)).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined && typeof item !== "function")
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJSON(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
