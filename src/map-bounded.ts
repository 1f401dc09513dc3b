import { APIUserAbortError } from "./errors/connection.js";

/**
 * Runs `run` over `items` with at most `limit` in flight, results in item order. The first failure
 * aborts the others and is the one thrown; the caller's `signal` aborts everything.
 */
export async function mapBounded<T, R>(items: readonly T[], limit: number, outer: AbortSignal | undefined, run: (item: T, index: number, signal: AbortSignal) => Promise<R>): Promise<R[]> {
  if (outer?.aborted) throw new APIUserAbortError();
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  outer?.addEventListener("abort", onAbort, { once: true });
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      const index = next++;
      try {
        results[index] = await run(items[index] as T, index, controller.signal);
      } catch (error) {
        failure ??= { error: outer?.aborted ? new APIUserAbortError() : error };
        controller.abort();
      }
    }
  };
  try {
    // At least one worker: a limit of 0 (validation off) must not return holes without running anything.
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  } finally {
    outer?.removeEventListener("abort", onAbort);
  }
  if (failure) throw failure.error;
  return results;
}
