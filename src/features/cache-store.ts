// The one cache module: the store contract and its adapters (memory LRU, Cache API, Workers KV), used by
// the embeddings cache and by llm-interface's answer cache. Everything the SDK caches is bytes, so a store
// never has to guess how to serialise a value.

/** Bytes as a store may hand them back. */
export type CacheBytes = Uint8Array | ArrayBuffer;

/**
 * Any key-value store the SDK caches in: `get` returns the bytes `put` stored (or null/undefined when
 * absent or expired); either may return a promise. Errors are caught: a failing store is a miss.
 * @example const store: CacheStore = { get: (key) => map.get(key), put: (key, value) => void map.set(key, value) };
 */
export interface CacheStore {
  get(key: string): CacheBytes | null | undefined | Promise<CacheBytes | null | undefined>;
  /** Stores `value` for about `ttlSeconds` (a store may keep it shorter, or longer when it can't expire entries). */
  put(key: string, value: Uint8Array, options: { ttlSeconds: number }): unknown;
}

/** SHA-256 of `text` (UTF-8) as lower-case hex, with Web Crypto (every edge runtime has it). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  let hex = "";
  for (const byte of digest) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/** Reads `key`, turning a store's failure into a miss. */
export async function cacheGet(store: CacheStore, key: string): Promise<Uint8Array | undefined> {
  try {
    const value = await store.get(key);
    if (value instanceof Uint8Array) return value;
    return value instanceof ArrayBuffer ? new Uint8Array(value) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes `key`, ignoring a store's failure: a cache never fails the call it serves. */
export async function cachePut(store: CacheStore, key: string, value: Uint8Array, ttlSeconds: number): Promise<void> {
  try {
    await store.put(key, value, { ttlSeconds });
  } catch {
    // A full, read-only or unreachable store only costs the next call a miss.
  }
}

interface MemoryEntry {
  value: unknown;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** Options of `memoryCache()`. */
export interface MemoryCacheOptions {
  /** Entries kept; the least recently used go first (default 500). */
  maxEntries?: number;
}

/** An in-memory LRU store; `map` shows its entries (most recently used last). */
export interface MemoryCache extends CacheStore {
  readonly map: Map<string, MemoryEntry>;
  /** The `{ get, set }` form llm-interface's `cache` option also takes: any value, optional TTL in seconds. */
  set(key: string, value: unknown, ttlSeconds?: number): void;
}

const DEFAULT_MAX_ENTRIES = 500;

/**
 * An in-memory LRU store (per isolate or process), bounded because an isolate lives for many requests.
 * @example const client = new DeepInfra({ apiKey, cache: memoryCache({ maxEntries: 10_000 }) });
 */
export function memoryCache(options: MemoryCacheOptions | number = {}): MemoryCache {
  // llm-interface's form `memoryCache(limit)` is the same store.
  const limit = typeof options === "number" ? options : (options.maxEntries ?? DEFAULT_MAX_ENTRIES);
  const map = new Map<string, MemoryEntry>();
  const set = (key: string, value: unknown, ttlSeconds?: number) => {
    map.delete(key);
    map.set(key, { value, expiresAt: ttlSeconds === undefined ? Number.POSITIVE_INFINITY : Date.now() + ttlSeconds * 1000 });
    while (map.size > limit) map.delete(map.keys().next().value as string);
  };
  return {
    map,
    set,
    get(key) {
      const entry = map.get(key);
      if (!entry) return undefined;
      map.delete(key);
      if (entry.expiresAt <= Date.now()) return undefined;
      // Re-insert: Map order doubles as least-recently-used order.
      map.set(key, entry);
      return entry.value as CacheBytes;
    },
    put: (key, value, { ttlSeconds }) => set(key, value, ttlSeconds),
  };
}

/** The Cache API object `workersCache()` needs (`caches.default` in Workers, `await caches.open(name)` elsewhere). */
export interface CacheLike {
  match(request: Request | string): Promise<Response | undefined>;
  put(request: Request | string, response: Response): Promise<void>;
}

/** Options of `workersCache()`. */
export interface WorkersCacheOptions {
  /** The cache to use (default `caches.default`). */
  cache?: CacheLike;
  /** Keys become URLs under this origin (default `https://deepinfra-edge.cache`). */
  origin?: string;
}

/**
 * A store on the Cache API: Workers' `caches.default` unless `cache` is given. Entries expire by
 * `cache-control: max-age`. In production Workers the Cache API stores only on a zone (a custom
 * domain), not on `*.workers.dev`, and is per data centre; Workers KV (`kvCache`) is global.
 * @example const client = new DeepInfra({ apiKey, cache: workersCache() });
 */
export function workersCache(options: WorkersCacheOptions | CacheLike = {}, origin?: string): CacheStore {
  // llm-interface's form `workersCache(cache, origin)` is the same store.
  const given = typeof (options as CacheLike).match === "function" ? { cache: options as CacheLike, origin } : (options as WorkersCacheOptions);
  const root = (given.origin ?? "https://deepinfra-edge.cache").replace(/\/+$/, "");
  // Looked up on use, not at import: `caches` exists only in runtimes with the Cache API.
  const resolve = (): CacheLike => {
    if (given.cache) return given.cache;
    const global = (globalThis as { caches?: { default?: CacheLike } }).caches;
    if (!global?.default) throw new TypeError("workersCache(): no caches.default in this runtime; pass { cache: await caches.open(name) }.");
    return global.default;
  };
  const url = (key: string) => `${root}/${encodeURIComponent(key)}`;
  return {
    async get(key) {
      const response = await resolve().match(url(key));
      return response ? new Uint8Array(await response.arrayBuffer()) : undefined;
    },
    async put(key, value, { ttlSeconds }) {
      const headers = { "content-type": "application/octet-stream", "cache-control": `max-age=${Math.max(1, Math.ceil(ttlSeconds))}` };
      await resolve().put(url(key), new Response(value as Uint8Array<ArrayBuffer>, { headers }));
    },
  };
}

/** The part of a Workers KV namespace binding `kvCache()` uses. */
export interface KVNamespaceLike {
  get(key: string, type: "arrayBuffer"): Promise<ArrayBuffer | null>;
  put(key: string, value: ArrayBuffer | ArrayBufferView, options?: { expirationTtl?: number }): Promise<void>;
}

/** Workers KV refuses an `expirationTtl` below 60 seconds. */
const KV_MIN_TTL_SECONDS = 60;

/**
 * A store on a Workers KV namespace binding: global and eventually consistent (a fresh write may take
 * up to a minute to be seen elsewhere). Bind one with `[[kv_namespaces]]` in `wrangler.toml`.
 * @example const client = new DeepInfra({ apiKey: env.DEEPINFRA_API_KEY, cache: kvCache(env.MY_KV) });
 */
export function kvCache(namespace: KVNamespaceLike): CacheStore {
  return {
    get: (key) => namespace.get(key, "arrayBuffer"),
    put: (key, value, { ttlSeconds }) => namespace.put(key, value, { expirationTtl: Math.max(KV_MIN_TTL_SECONDS, Math.ceil(ttlSeconds)) }),
  };
}
