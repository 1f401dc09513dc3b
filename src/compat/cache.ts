// llm-interface's answer cache, on the SDK's one cache module (features/cache-store.ts): each answer is an
// entry `{ value, expiresAt }`, kept as UTF-8 JSON bytes in a `{ get, put }` store (`memoryCache()`,
// `workersCache()`, `kvCache()`), or as the object itself in the older `{ get, set }` form.
import { cacheGet, cachePut, canonicalJSON, sha256Hex, type CacheStore as ByteStore } from "../features/cache-store.js";

export { kvCache, memoryCache, workersCache, type CacheLike, type KVNamespaceLike, type MemoryCache, type MemoryCacheOptions, type WorkersCacheOptions } from "../features/cache-store.js";

/** The `{ get, set }` form llm-interface's `cache` option has always taken (a `Map`-like): values are plain objects, the TTL in seconds comes third. */
export interface KeyValueStore {
  /** The value under `key`, or undefined. */
  get(key: string): unknown;
  /** Stores `value` under `key` for about `ttlSeconds`. */
  set(key: string, value: unknown, ttlSeconds?: number): unknown;
}

/** What llm-interface's `cache` option takes: a byte store (`memoryCache()`, `workersCache()`, `kvCache()`, any `{ get, put }`) or any `{ get, set }` store. */
export type CacheStore = ByteStore | KeyValueStore;

/** What the SDK stores under each key. */
export interface CacheEntry<T = unknown> {
  value: T;
  /** Epoch milliseconds. */
  expiresAt: number;
}

const isByteStore = (store: CacheStore): store is ByteStore => typeof (store as Partial<ByteStore>).put === "function";

/** Reads a live entry, or undefined when missing, expired, not ours, or the store failed. */
export async function readCache<T>(store: CacheStore, key: string, now = Date.now()): Promise<T | undefined> {
  let entry: Partial<CacheEntry<T>> | undefined | null;
  try {
    if (isByteStore(store)) {
      const bytes = await cacheGet(store, key);
      entry = bytes && JSON.parse(new TextDecoder().decode(bytes));
    } else {
      entry = (await store.get(key)) as Partial<CacheEntry<T>> | undefined | null;
    }
  } catch {
    return undefined;
  }
  if (!entry || typeof entry !== "object" || typeof entry.expiresAt !== "number" || !("value" in entry)) return undefined;
  return entry.expiresAt > now ? entry.value : undefined;
}

/** Stores `value` for `ttlSeconds`; a failing store is ignored (the answer is still returned). */
export async function writeCache(store: CacheStore, key: string, value: unknown, ttlSeconds: number, now = Date.now()): Promise<void> {
  const entry: CacheEntry = { value, expiresAt: now + ttlSeconds * 1000 };
  if (isByteStore(store)) return cachePut(store, key, new TextEncoder().encode(JSON.stringify(entry)), ttlSeconds);
  try {
    await store.set(key, entry, ttlSeconds);
  } catch {
    // As with byte stores: a cache never fails the call it serves.
  }
}

/** Where a store keeps its namespace version: `flushCache()` moves it on, so every isolate reading the store stops reading older entries. */
const NAMESPACE_KEY = "llmi:namespace";
const NAMESPACE_TTL_SECONDS = 31_536_000;

/** The namespace version `store` is read under now ("0" before any flush). */
export async function namespaceOf(store: CacheStore): Promise<string> {
  const version = await readCache<string>(store, NAMESPACE_KEY);
  return typeof version === "string" ? version : "0";
}

/** Moves `store` to a fresh namespace: what any isolate stored before is never read again (a token, not a counter, so no two flushes meet). */
export async function flushNamespace(store: CacheStore): Promise<void> {
  await writeCache(store, NAMESPACE_KEY, `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`, NAMESPACE_TTL_SECONDS);
}

/** SHA-256 (hex) of a canonical JSON form of `value`: object keys sorted, so option order never matters. */
export async function cacheKey(value: unknown): Promise<string> {
  return sha256Hex(canonicalJSON(value));
}

