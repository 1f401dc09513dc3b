import type { CacheStore } from "../features/cache-store.js";

/** The embeddings cache, per call (beside `batchSize`): a store, or `false` to skip the client's `cache` for this call. */
export interface EmbeddingCacheOptions {
  /** Answers inputs embedded before from this store and sends only the others (see `kvCache`, `workersCache`, `memoryCache`). */
  cache?: CacheStore | false;
}
