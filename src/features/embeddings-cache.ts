import { isLittleEndianHost } from "../binary.js";
import type { EmbeddingUsage } from "../types/embeddings.js";
import { cacheGet, cachePut, canonicalJSON, sha256Hex, type CacheStore } from "./cache-store.js";

/** How long an embedding stays cached: a model's vectors never change, and a retired model's keys simply stop being read. */
export const EMBEDDINGS_CACHE_TTL_SECONDS: number = 30 * 24 * 60 * 60;

/** What a cache key covers besides the text: the same text gives other vectors under any of these. */
export interface EmbeddingKeyParts {
  /** The API root the request goes to: two backends sharing one store never read each other's vectors. */
  baseURL: string;
  /** The body as sent, without `input`: the model id (aliases resolved), `encoding_format`, `dimensions` and whatever `extra_body` added or overrode. */
  request: Record<string, unknown>;
}

/** The embeddings of some texts, as the resource produced them. */
export interface EmbeddedTexts<Vector> {
  /** One vector per text, in order. */
  vectors: Vector[];
  /** What the requests reported, summed. */
  usage: EmbeddingUsage;
  /** The first reply's other fields (`model`, `id`…), empty when nothing was sent. */
  first: Record<string, unknown>;
}

/** The cache key of one input: SHA-256 over the API root, the request as sent without `input` (canonical JSON) and the text. */
export function embeddingCacheKey(parts: EmbeddingKeyParts, text: string): string {
  // "emb2": entries of the older key (model, text, format, dimensions; float32 bytes) are never read as these.
  return `emb2:${sha256Hex(canonicalJSON([parts.baseURL, parts.request, text]))}`;
}

/** A vector as the bytes that store it exactly: Float32 for a base64 answer (its own bytes), Float64 for JSON numbers. */
function toBytes(vector: ArrayLike<number>, asFloat32: boolean): Uint8Array {
  if (asFloat32) return toFloat32Bytes(vector);
  const bytes = new Uint8Array(vector.length * 8);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < vector.length; i++) view.setFloat64(i * 8, vector[i] as number, true);
  return bytes;
}

/** Stored bytes back to a vector, or undefined when they can't be one. */
function fromBytes(bytes: Uint8Array, asFloat32: boolean): Float32Array | number[] | undefined {
  if (asFloat32) return fromFloat32Bytes(bytes);
  if (bytes.byteLength === 0 || bytes.byteLength % 8 !== 0) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Array<number>(bytes.byteLength / 8);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat64(i * 8, true);
  return out;
}

/** A vector as little-endian Float32 bytes: 4 bytes a number, a quarter of JSON's size or less. */
export function toFloat32Bytes(vector: ArrayLike<number>): Uint8Array {
  const floats = Float32Array.from(vector);
  if (isLittleEndianHost()) return new Uint8Array(floats.buffer);
  const bytes = new Uint8Array(floats.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < floats.length; i++) view.setFloat32(i * 4, floats[i] as number, true);
  return bytes;
}

/** Little-endian Float32 bytes back to a vector (a copy), or undefined when they can't be one. */
export function fromFloat32Bytes(bytes: Uint8Array): Float32Array | undefined {
  if (bytes.byteLength === 0 || bytes.byteLength % 4 !== 0) return undefined;
  const out = new Float32Array(bytes.byteLength / 4);
  if (isLittleEndianHost()) new Uint8Array(out.buffer).set(bytes);
  else {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  }
  return out;
}

/**
 * Answers each input from `store` where it can and embeds only the misses with `embed` (each distinct
 * miss once, in input order), then stores what came back. Vectors come back in input order; usage
 * counts only what was sent. A store that throws or holds something unreadable counts as a miss.
 */
export async function cachedEmbeddings<Vector extends number[] | Float32Array>(
  store: CacheStore,
  parts: EmbeddingKeyParts,
  inputs: readonly string[],
  asFloat32: boolean,
  embed: (texts: string[]) => Promise<EmbeddedTexts<Vector>>,
): Promise<EmbeddedTexts<Vector>> {
  const keys = inputs.map((text) => embeddingCacheKey(parts, text));
  const found = new Map<string, Float32Array | number[] | undefined>();
  const dimensions = parts.request.dimensions;
  await Promise.all(
    [...new Set(keys)].map(async (key) => {
      const bytes = await cacheGet(store, key);
      const vector = bytes && fromBytes(bytes, asFloat32);
      const wrongSize = vector && typeof dimensions === "number" && vector.length !== dimensions;
      found.set(key, wrongSize ? undefined : vector);
    }),
  );
  // Each distinct missing text is sent once; `slot` maps it back to every position that needs it.
  const missing: string[] = [];
  const slot = new Map<string, number>();
  for (const [index, key] of keys.entries()) {
    if (!found.get(key) && !slot.has(key)) {
      slot.set(key, missing.length);
      missing.push(inputs[index] as string);
    }
  }
  const sent: EmbeddedTexts<Vector> = missing.length ? await embed(missing) : { vectors: [], usage: { prompt_tokens: 0, total_tokens: 0 }, first: {} };
  const used = new Set<number>();
  // Every position gets its own vector, as without a cache: a caller may change one in place.
  const vectors = keys.map((key) => {
    const hit = found.get(key);
    if (hit) return hit.slice() as Vector;
    const at = slot.get(key) as number;
    const vector = sent.vectors[at] as Vector;
    if (!used.has(at)) {
      used.add(at);
      return vector;
    }
    return vector.slice() as Vector;
  });
  await Promise.all([...slot].map(([key, at]) => cachePut(store, key, toBytes(sent.vectors[at] as Vector, asFloat32), EMBEDDINGS_CACHE_TTL_SECONDS)));
  return { vectors, usage: sent.usage, first: sent.first };
}
