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
  /** The bytes stored under `key`, or null/undefined when absent or expired. */
  get(key: string): CacheBytes | null | undefined | Promise<CacheBytes | null | undefined>;
  /** Stores `value` for about `ttlSeconds` (a store may keep it shorter, or longer when it can't expire entries). */
  put(key: string, value: Uint8Array, options: { ttlSeconds: number }): unknown;
}

// SHA-256's round constants: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
// Built on first use: nothing runs at import.
let K: Int32Array | undefined;
let encoder: TextEncoder | undefined;
const roundConstants = (): Int32Array =>
  (K ??= Int32Array.from(
    "428a2f98 71374491 b5c0fbcf e9b5dba5 3956c25b 59f111f1 923f82a4 ab1c5ed5 d807aa98 12835b01 243185be 550c7dc3 72be5d74 80deb1fe 9bdc06a7 c19bf174 e49b69c1 efbe4786 0fc19dc6 240ca1cc 2de92c6f 4a7484aa 5cb0a9dc 76f988da 983e5152 a831c66d b00327c8 bf597fc7 c6e00bf3 d5a79147 06ca6351 14292967 27b70a85 2e1b2138 4d2c6dfc 53380d13 650a7354 766a0abb 81c2c92e 92722c85 a2bfe8a1 a81a664b c24b8b70 c76c51a3 d192e819 d6990624 f40e3585 106aa070 19a4c116 1e376c08 2748774c 34b0bcb5 391c0cb3 4ed8aa4a 5b9cca4f 682e6ff3 748f82ee 78a5636f 84c87814 8cc70208 90befffa a4506ceb bef9a3f7 c67178f2"
      .split(" ")
      .map((word) => Number.parseInt(word, 16)),
  ));

/** JSON with object keys sorted (absent and function values dropped): the same request always gives the same text. */
export function canonicalJSON(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJSON(item ?? null)).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined && typeof item !== "function")
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJSON(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * SHA-256 of `text` (UTF-8) as lower-case hex. Hand-written (FIPS 180-4) rather than `crypto.subtle.digest`:
 * that one is asynchronous, and Node runs it on its thread pool (~50 µs a key), which a cache hit can't afford.
 */
export function sha256Hex(text: string): string {
  const data = (encoder ??= new TextEncoder()).encode(text);
  const rounds = roundConstants();
  // The message, a 1 bit, zeros, and its length in bits (64-bit big-endian), padded to whole 64-byte blocks.
  const blocks = new Uint8Array(((data.length + 72) >> 6) << 6);
  blocks.set(data);
  blocks[data.length] = 0x80;
  const view = new DataView(blocks.buffer);
  view.setUint32(blocks.length - 8, Math.floor(data.length / 0x20000000));
  view.setUint32(blocks.length - 4, data.length << 3);
  const h = Int32Array.of(0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19);
  const w = new Int32Array(64);
  for (let at = 0; at < blocks.length; at += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getInt32(at + i * 4);
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15] as number;
      const y = w[i - 2] as number;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16] as number) + s0 + (w[i - 7] as number) + s1;
    }
    let a = h[0] as number, b = h[1] as number, c = h[2] as number, d = h[3] as number;
    let e = h[4] as number, f = h[5] as number, g = h[6] as number, k = h[7] as number;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (k + S1 + ((e & f) ^ (~e & g)) + (rounds[i] as number) + (w[i] as number)) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      k = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] = (h[0] as number) + a;
    h[1] = (h[1] as number) + b;
    h[2] = (h[2] as number) + c;
    h[3] = (h[3] as number) + d;
    h[4] = (h[4] as number) + e;
    h[5] = (h[5] as number) + f;
    h[6] = (h[6] as number) + g;
    h[7] = (h[7] as number) + k;
  }
  let hex = "";
  for (const word of h) hex += (word >>> 0).toString(16).padStart(8, "0");
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
  /** The bytes (or, through `set`, the value) under `key`, or undefined when absent or expired. */
  get(key: string): CacheBytes | undefined;
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
  /** The stored response for `request`, if any. */
  match(request: Request | string): Promise<Response | undefined>;
  /** Stores `response` for `request`. */
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
  /** The value under `key` as bytes, or null. */
  get(key: string, type: "arrayBuffer"): Promise<ArrayBuffer | null>;
  /** Stores `value` under `key`, expiring after `expirationTtl` seconds. */
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
