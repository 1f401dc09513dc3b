// Which visitors share /api/embeddings' KV cache, and what may be written to it (audit C1–C4).
import { kvCache, type CacheStore, type KVNamespaceLike } from "deepinfra-edge";

/**
 * The KV cache as one visitor sees it. Keys are prefixed with a hash of the upstream (base URL) and, unless
 * `shared`, of the visitor's rate-limit key: another visitor's texts are never hits (a hit would tell them the
 * text was embedded), and vectors from another upstream (the offline demo) are never served. At most
 * `maxWrites` new entries per request, and only vectors whose every value is a finite float32.
 */
export async function scopedCache(namespace: KVNamespaceLike, options: { baseURL: string; client: string; shared: boolean; maxWrites: number }): Promise<CacheStore> {
  const store = kvCache(namespace);
  const scope = await digest(`${options.baseURL}\n${options.shared ? "*" : options.client}`);
  let writes = 0;
  return {
    get: (key) => store.get(`${scope}:${key}`),
    put(key, value, ttl) {
      if (writes >= options.maxWrites || !finiteFloats(value)) return;
      writes++;
      return store.put(`${scope}:${key}`, value, ttl);
    },
  };
}

function finiteFloats(bytes: Uint8Array): boolean {
  if (bytes.byteLength === 0 || bytes.byteLength % 4 !== 0) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at < bytes.byteLength; at += 4) if (!Number.isFinite(view.getFloat32(at, true))) return false;
  return true;
}

async function digest(text: string): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return Array.from(hash.subarray(0, 12), (b) => b.toString(16).padStart(2, "0")).join("");
}
