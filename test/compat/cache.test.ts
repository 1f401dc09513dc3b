// The one cache module (src/features/cache-store.ts) as llm-interface's answer cache uses it
// (src/compat/cache.ts): both store forms, expiry, failing stores, the LRU, the Cache API, the key.
import { describe, expect, it } from "vitest";
import { cacheKey, readCache, writeCache, type KeyValueStore } from "../../src/compat/cache.js";
import { sha256Hex } from "../../src/features/cache-store.js";
import { kvCache, memoryCache, workersCache } from "../../src/compat/llm-interface.js";
import * as sdk from "../../src/index.js";

describe("one cache module for the SDK and llm-interface", () => {
  it("llm-interface's memoryCache, workersCache and kvCache are the SDK's own", () => {
    expect(memoryCache).toBe(sdk.memoryCache);
    expect(workersCache).toBe(sdk.workersCache);
    expect(kvCache).toBe(sdk.kvCache);
  });

  it("memoryCache(limit) and memoryCache({ maxEntries }) are the same LRU: a read refreshes, the oldest goes", async () => {
    for (const store of [memoryCache(2), memoryCache({ maxEntries: 2 })]) {
      store.put("a", new Uint8Array([1]), { ttlSeconds: 60 });
      store.put("b", new Uint8Array([2]), { ttlSeconds: 60 });
      expect(await store.get("a")).toEqual(new Uint8Array([1]));
      store.put("c", new Uint8Array([3]), { ttlSeconds: 60 });
      expect([...store.map.keys()]).toEqual(["a", "c"]);
      expect(await store.get("b")).toBeUndefined();
    }
  });

  it("memoryCache honours ttlSeconds; its { get, set } form keeps any value", async () => {
    const store = memoryCache();
    store.put("soon", new Uint8Array([1]), { ttlSeconds: 0 });
    expect(await store.get("soon")).toBeUndefined();
    expect(store.map.has("soon")).toBe(false);
    store.set("obj", { any: "value" });
    expect(await store.get("obj")).toEqual({ any: "value" });
  });

  it("answers go into a { get, put } store as UTF-8 JSON bytes with their expiry, and come back until it passes", async () => {
    const store = memoryCache();
    await writeCache(store, "k", { results: "hi" }, 30, 1_000);
    const bytes = (await store.get("k")) as Uint8Array;
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual({ value: { results: "hi" }, expiresAt: 31_000 });
    expect(await readCache(store, "k", 30_999)).toEqual({ results: "hi" });
    expect(await readCache(store, "k", 31_000)).toBeUndefined();
  });

  it("a { get, set } store still gets plain entry objects and the TTL third, as before", async () => {
    const map = new Map<string, unknown>();
    const ttls: unknown[] = [];
    const store: KeyValueStore = { get: (key) => map.get(key), set: (key, value, ttl) => void (map.set(key, value), ttls.push(ttl)) };
    await writeCache(store, "k", 42, 10, 0);
    expect(map.get("k")).toEqual({ value: 42, expiresAt: 10_000 });
    expect(ttls).toEqual([10]);
    expect(await readCache(store, "k", 5_000)).toBe(42);
  });

  it("a failing store of either form is a miss, and a failing write is ignored", async () => {
    const fail = () => {
      throw new Error("down");
    };
    for (const store of [{ get: fail, put: fail }, { get: fail, set: fail }]) {
      await expect(writeCache(store, "k", 1, 10)).resolves.toBeUndefined();
      await expect(readCache(store, "k")).resolves.toBeUndefined();
    }
    // Bytes that are not an entry are not one.
    const junk = memoryCache();
    junk.put("k", new TextEncoder().encode("not json"), { ttlSeconds: 60 });
    expect(await readCache(junk, "k")).toBeUndefined();
  });

  it("workersCache(cache, origin) and workersCache({ cache, origin }) keep bytes in the Cache API under the origin", async () => {
    const seen: string[] = [];
    const opened = await caches.open(`compat-${crypto.randomUUID()}`);
    const spy = { match: (url: string) => (seen.push(url), opened.match(url)), put: (url: string, response: Response) => (seen.push(url), opened.put(url, response)) };
    for (const store of [workersCache(spy, "https://answers.example/"), workersCache({ cache: spy, origin: "https://answers.example" })]) {
      seen.length = 0;
      await store.put("a b", new Uint8Array([7, 8, 9]), { ttlSeconds: 120 });
      expect(await store.get("a b")).toEqual(new Uint8Array([7, 8, 9]));
      expect(await store.get("missing")).toBeUndefined();
      expect(seen).toEqual(["https://answers.example/a%20b", "https://answers.example/a%20b", "https://answers.example/missing"]);
    }
  });

  it("kvCache passes the TTL to KV, never below KV's 60-second floor", async () => {
    const puts: unknown[] = [];
    const store = kvCache({ get: async () => null, put: async (_key, _value, options) => void puts.push(options) });
    await store.put("k", new Uint8Array(4), { ttlSeconds: 5 });
    await store.put("k", new Uint8Array(4), { ttlSeconds: 3600.2 });
    expect(puts).toEqual([{ expirationTtl: 60 }, { expirationTtl: 3601 }]);
    expect(await store.get("k")).toBeNull();
  });

  it("sha256Hex equals Web Crypto's SHA-256 at every padding boundary and on multibyte text", async () => {
    const texts = ["", "abc", "é", "日本語 🚀", ...[55, 56, 63, 64, 65, 119, 120, 1000].map((n) => "x".repeat(n)), "🚀".repeat(40)];
    for (const text of texts) {
      const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
      expect(sha256Hex(text)).toBe(Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join(""));
    }
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("cacheKey is a SHA-256 of canonical JSON: key order never matters, values do", async () => {
    const one = await cacheKey({ b: 1, a: [1, { y: 2, x: undefined }] });
    expect(one).toMatch(/^[0-9a-f]{64}$/);
    expect(await cacheKey({ a: [1, { y: 2 }], b: 1 })).toBe(one);
    expect(await cacheKey({ a: [1, { y: 3 }], b: 1 })).not.toBe(one);
  });
});
