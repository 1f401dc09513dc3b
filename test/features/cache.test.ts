// The embeddings cache (issue 12) on Miniflare's real Workers KV, the Cache API and the memory LRU: a repeat
// sends nothing, a partial hit sends only the misses in order, values are the answer's exact numbers (Float64 bytes;
// a base64 answer's own Float32 bytes), keys cover the whole request and the API root, a broken store is a miss.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { kvCache, memoryCache, workersCache, type CacheStore, type KVNamespaceLike } from "../../src/index.js";
import { embeddingCacheKey } from "../../src/features/embeddings-cache.js";
import { recordedRequests, upstreamURL } from "../helpers.js";
import { FAKE_KEY, testClient } from "../setup-client.js";

const kv = (env as unknown as { EMBEDDINGS_KV: KVNamespaceLike & { list(): Promise<{ keys: Array<{ name: string }> }> } }).EMBEDDINGS_KV;

/** The upstream's deterministic vector for a text, exactly as it answers it. */
async function expectedVector(text: string): Promise<number[]> {
  const digest = new DataView(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return Array.from({ length: 8 }, (_, i) => digest.getInt16(i * 2, true) / 32768);
}

/** The key parts of a default-model request with nothing else set, against the test upstream. */
const plain = (extra: Record<string, unknown> = {}) => ({ baseURL: upstreamURL(), request: { model: "BAAI/bge-base-en-v1.5", ...extra } });

/** Inputs unique to one test, so stores shared across tests never answer for another. */
const unique = (...texts: string[]) => {
  const tag = crypto.randomUUID().slice(0, 8);
  return texts.map((text) => `${text} ${tag}`);
};

const inputsSent = async (testId: string) => (await recordedRequests(testId)).map((r) => (r.json as { input: unknown }).input);

const STORES: Array<[string, () => CacheStore]> = [
  ["Workers KV (kvCache)", () => kvCache(kv)],
  ["the Cache API (workersCache)", () => workersCache()],
  ["memory (memoryCache)", () => memoryCache({ maxEntries: 100 })],
];

describe.each(STORES)("embeddings cache on %s", (_, makeStore) => {
  it("a repeat sends nothing: same vectors, usage 0", async () => {
    const cache = makeStore();
    const { client, testId } = testClient(undefined, { cache });
    const input = unique("alpha", "beta");
    const first = await client.embeddings.create({ model: "default", input });
    const again = await client.embeddings.create({ model: "default", input });
    expect(await inputsSent(testId)).toEqual([input]);
    expect(again.data.map((d) => d.embedding)).toEqual(first.data.map((d) => d.embedding));
    expect(again.data.map((d) => d.embedding)).toEqual([await expectedVector(input[0] as string), await expectedVector(input[1] as string)]);
    expect(again.data.map((d) => d.index)).toEqual([0, 1]);
    expect(first.usage.prompt_tokens).toBe(4);
    expect(again.usage).toEqual({ prompt_tokens: 0, total_tokens: 0 });
    expect(again.model).toBe("BAAI/bge-base-en-v1.5");
  });

  it("a partial hit sends only the misses, each once, and keeps the input order", async () => {
    const cache = makeStore();
    const { client, testId } = testClient(undefined, { cache });
    const [a, b, c, d] = unique("a", "b", "c", "d") as [string, string, string, string];
    await client.embeddings.create({ model: "default", input: [a, b] });
    const mixed = await client.embeddings.create({ model: "default", input: [c, a, d, b, c] });
    expect(await inputsSent(testId)).toEqual([[a, b], [c, d]]);
    expect(mixed.data.map((e) => e.embedding)).toEqual(await Promise.all([c, a, d, b, c].map(expectedVector)));
    expect(mixed.data.map((e) => e.index)).toEqual([0, 1, 2, 3, 4]);
    // Usage counts what was sent: two one-word inputs plus their tags.
    expect(mixed.usage.prompt_tokens).toBe(4);
    // Every position has its own vector, as without a cache.
    expect(mixed.data[0]?.embedding).not.toBe(mixed.data[4]?.embedding);
  });

  it("base64 answers come back as Float32Array, from the wire and from the cache", async () => {
    const cache = makeStore();
    const { client, testId } = testClient(undefined, { cache });
    const input = unique("vector");
    const first = await client.embeddings.create({ model: "default", input, encoding_format: "base64" });
    const again = await client.embeddings.create({ model: "default", input, encoding_format: "base64" });
    expect(again.data[0]?.embedding).toBeInstanceOf(Float32Array);
    expect(Array.from(again.data[0]?.embedding as Float32Array)).toEqual(Array.from(first.data[0]?.embedding as Float32Array));
    expect(await inputsSent(testId)).toHaveLength(1);
  });
});

describe("embeddings cache: keys and values", () => {
  it("stores the answer's numbers exactly (little-endian Float64), under a SHA-256 key without the API key; a hit equals the miss", async () => {
    const { client } = testClient(undefined, { cache: kvCache(kv) });
    const [text] = unique("stored as bytes") as [string];
    const miss = await client.embeddings.create({ model: "default", input: text });
    const key = await embeddingCacheKey(plain(), text);
    expect(key).toMatch(/^emb2:[0-9a-f]{64}$/);
    const bytes = await kv.get(key, "arrayBuffer");
    expect(bytes?.byteLength).toBe(64);
    const view = new DataView(bytes as ArrayBuffer);
    expect(Array.from({ length: 8 }, (_, i) => view.getFloat64(i * 8, true))).toEqual(await expectedVector(text));
    const hit = await client.embeddings.create({ model: "default", input: text });
    expect(hit.data[0]?.embedding).toEqual(miss.data[0]?.embedding);
    const { keys } = await kv.list();
    expect(keys.every((k) => !k.name.includes(FAKE_KEY))).toBe(true);
  });

  it("the key covers the model, encoding_format and dimensions: any change is a miss", async () => {
    const cache = memoryCache();
    const { client, testId } = testClient(undefined, { cache });
    const input = unique("keyed");
    await client.embeddings.create({ model: "default", input });
    await client.embeddings.create({ model: "large", input });
    await client.embeddings.create({ model: "default", input, encoding_format: "base64" });
    await client.embeddings.create({ model: "default", input, dimensions: 64 });
    await client.embeddings.create({ model: "default", input });
    expect(await recordedRequests(testId)).toHaveLength(4);
    expect(cache.map.size).toBe(4);
  });

  it("two calls differing only in extra_body.dimensions get vectors of their own sizes", async () => {
    const { client, testId } = testClient(undefined, { cache: memoryCache() });
    const input = unique("matryoshka");
    const full = await client.embeddings.create({ model: "default", input });
    const short = await client.embeddings.create({ model: "default", input, extra_body: { dimensions: 4 } });
    expect(full.data[0]?.embedding).toHaveLength(8);
    expect(short.data[0]?.embedding).toHaveLength(4);
    expect(await recordedRequests(testId)).toHaveLength(2);
  });

  it("two backends sharing one store never answer from each other's vectors", async () => {
    const shared = memoryCache();
    const input = unique("scoped");
    const prod = testClient(undefined, { cache: shared });
    await prod.client.embeddings.create({ model: "default", input });
    const staging = testClient(undefined, { cache: shared, baseURL: `${upstreamURL()}/` + "v1" });
    await staging.client.embeddings.create({ model: "default", input });
    const other = testClient(undefined, { cache: shared, baseURL: upstreamURL().replace("127.0.0.1", "localhost") });
    await other.client.embeddings.create({ model: "default", input });
    expect(await recordedRequests(prod.testId)).toHaveLength(1);
    expect(await recordedRequests(staging.testId)).toHaveLength(0);
    expect(await recordedRequests(other.testId)).toHaveLength(1);
  });

  it("a cached vector of another size than `dimensions` asks counts as a miss", async () => {
    const cache = memoryCache();
    const { client, testId } = testClient({ body: { object: "list", model: "m", data: [{ object: "embedding", index: 0, embedding: Array.from({ length: 32 }, () => 0.25) }], usage: { prompt_tokens: 1, total_tokens: 1 } } }, { cache });
    const [text] = unique("resized") as [string];
    const key = await embeddingCacheKey(plain({ dimensions: 32 }), text);
    cache.put(key, new Uint8Array(16), { ttlSeconds: 60 });
    const reply = await client.embeddings.create({ model: "default", input: text, dimensions: 32 });
    expect(reply.data[0]?.embedding).toHaveLength(32);
    expect(await recordedRequests(testId)).toHaveLength(1);
  });

  it("a per-call cache replaces the client's; cache: false skips it", async () => {
    const clientCache = memoryCache();
    const callCache = memoryCache();
    const { client, testId } = testClient(undefined, { cache: clientCache });
    const input = unique("per call");
    await client.embeddings.create({ model: "default", input }, { cache: callCache });
    expect([clientCache.map.size, callCache.map.size]).toEqual([0, 1]);
    await client.embeddings.create({ model: "default", input }, { cache: false });
    expect(clientCache.map.size).toBe(0);
    await client.embeddings.create({ model: "default", input }, { cache: callCache });
    expect(await recordedRequests(testId)).toHaveLength(2);
  });

  it("a client without a cache takes one per call", async () => {
    const cache = memoryCache();
    const { client, testId } = testClient();
    const input = unique("no client cache");
    await client.embeddings.create({ model: "default", input }, { cache });
    await client.embeddings.create({ model: "default", input }, { cache });
    expect(await recordedRequests(testId)).toHaveLength(1);
  });

  it("a broken store never fails the call: reads are misses, writes are dropped", async () => {
    let reads = 0;
    let writes = 0;
    const broken: CacheStore = {
      get: async () => {
        reads++;
        throw new Error("KV unavailable");
      },
      put: () => {
        writes++;
        throw new Error("KV write limit");
      },
    };
    const { client, testId } = testClient(undefined, { cache: broken });
    const input = unique("x", "y");
    const one = await client.embeddings.create({ model: "default", input });
    const two = await client.embeddings.create({ model: "default", input });
    expect(two.data.map((d) => d.embedding)).toEqual(one.data.map((d) => d.embedding));
    expect(await inputsSent(testId)).toEqual([input, input]);
    expect([reads, writes]).toEqual([4, 4]);
  });

  it("a store answering garbage (not a whole number of floats) is a miss, then overwritten", async () => {
    const cache = memoryCache();
    const { client, testId } = testClient(undefined, { cache });
    const [text] = unique("garbage") as [string];
    const key = await embeddingCacheKey(plain(), text);
    cache.put(key, new Uint8Array([1, 2, 3]), { ttlSeconds: 60 });
    await client.embeddings.create({ model: "default", input: text });
    expect((cache.map.get(key)?.value as Uint8Array).byteLength).toBe(64);
    await client.embeddings.create({ model: "default", input: text });
    expect(await recordedRequests(testId)).toHaveLength(1);
  });

  it("rejects a cache option without get and put, naming it", () => {
    expect(() => testClient(undefined, { cache: { get: () => undefined } as never })).toThrow(/cache\.put must be a function \(was missing\)/);
  });
});
