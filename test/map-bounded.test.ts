// Pins src/map-bounded.ts with hand-resolved promises (no timers): order, the concurrency bound, the
// first failure aborting the rest, and the caller's signal.
import { describe, expect, it, vi } from "vitest";
import { APIUserAbortError } from "../src/errors/connection.js";
import { mapBounded } from "../src/map-bounded.js";

/** A promise resolved or rejected from outside. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every pending microtask (and the pool's next pick) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A run whose calls wait until the test resolves them; records starts and the peak in flight. */
function controlled<T>() {
  const calls = new Map<number, ReturnType<typeof deferred<T>> & { signal: AbortSignal }>();
  let inFlight = 0;
  let peak = 0;
  const started: number[] = [];
  const run = async (_item: unknown, index: number, signal: AbortSignal): Promise<T> => {
    const call = { ...deferred<T>(), signal };
    calls.set(index, call);
    started.push(index);
    peak = Math.max(peak, ++inFlight);
    try {
      return await call.promise;
    } finally {
      inFlight--;
    }
  };
  return { run, calls, started, peak: () => peak };
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("mapBounded", () => {
  it("returns results in item order whatever order they finish in", async () => {
    const c = controlled<string>();
    const all = mapBounded(["a", "b", "c"], 3, undefined, c.run);
    await settle();
    for (const index of [2, 0, 1]) c.calls.get(index)?.resolve(`r${index}`);
    expect(await all).toEqual(["r0", "r1", "r2"]);
  });

  it.each([
    [1, 5],
    [2, 5],
    [3, 7],
    [8, 3],
  ])("limit %i over %i items: never more in flight, every item run once, in order of start", async (limit, count) => {
    const c = controlled<number>();
    const items = Array.from({ length: count }, (_, i) => i);
    const all = mapBounded(items, limit, undefined, c.run);
    for (let done = 0; done < count; done++) {
      await settle();
      c.calls.get(done)?.resolve(done * 10);
    }
    expect(await all).toEqual(items.map((i) => i * 10));
    expect(c.peak()).toBe(Math.min(limit, count));
    expect(c.started).toEqual(items);
  });

  it("no items: an empty result and no call", async () => {
    const run = vi.fn(async () => 1);
    expect(await mapBounded([], 4, undefined, run)).toEqual([]);
    expect(run).not.toHaveBeenCalled();
  });

  it("passes item, index and one shared signal to each call", async () => {
    const seen: Array<[string, number, AbortSignal]> = [];
    await mapBounded(["x", "y"], 2, undefined, async (item, index, signal) => {
      seen.push([item, index, signal]);
      return item;
    });
    expect(seen.map(([item, index]) => [item, index])).toEqual([
      ["x", 0],
      ["y", 1],
    ]);
    expect(seen[0]?.[2]).toBe(seen[1]?.[2]);
    expect(seen[0]?.[2].aborted).toBe(false);
  });

  it("the first failure is thrown, aborts the calls in flight and starts no more", async () => {
    const c = controlled<number>();
    const all = mapBounded([0, 1, 2, 3, 4], 2, undefined, c.run);
    await settle();
    expect(c.started).toEqual([0, 1]);
    const first = new Error("batch 1 failed");
    c.calls.get(1)?.reject(first);
    await settle();
    expect(c.calls.get(0)?.signal.aborted).toBe(true);
    // The aborted call fails in turn; its error is not the one thrown.
    c.calls.get(0)?.reject(new Error("aborted"));
    expect(await rejectionOf(all)).toBe(first);
    expect(c.started).toEqual([0, 1]);
  });

  it("a signal already aborted throws APIUserAbortError and runs nothing", async () => {
    const run = vi.fn(async () => 1);
    const error = await rejectionOf(mapBounded([1, 2], 2, AbortSignal.abort(), run));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(run).not.toHaveBeenCalled();
  });

  it("the caller aborting mid-way aborts every call and throws APIUserAbortError, not the calls' errors", async () => {
    const c = controlled<number>();
    const outer = new AbortController();
    const all = mapBounded([0, 1, 2], 2, outer.signal, c.run);
    await settle();
    outer.abort();
    expect([c.calls.get(0)?.signal.aborted, c.calls.get(1)?.signal.aborted]).toEqual([true, true]);
    c.calls.get(1)?.reject(new Error("fetch aborted"));
    c.calls.get(0)?.reject(new Error("fetch aborted"));
    expect(await rejectionOf(all)).toBeInstanceOf(APIUserAbortError);
    expect(c.started).toEqual([0, 1]);
  });

  it("removes its abort listener from the caller's signal when done, success or failure", async () => {
    for (const fail of [false, true]) {
      const outer = new AbortController();
      const add = vi.spyOn(outer.signal, "addEventListener");
      const remove = vi.spyOn(outer.signal, "removeEventListener");
      const done = mapBounded([1], 1, outer.signal, async () => {
        if (fail) throw new Error("no");
        return 1;
      });
      await done.catch(() => {});
      expect(add).toHaveBeenCalledTimes(1);
      expect(remove).toHaveBeenCalledTimes(1);
      expect(remove.mock.calls[0]?.[0]).toBe("abort");
      expect(remove.mock.calls[0]?.[1]).toBe(add.mock.calls[0]?.[1]);
    }
  });
});

describe("mapBounded with a limit below 1", () => {
  it("still runs every item (one at a time) instead of returning holes", async () => {
    const seen: number[] = [];
    expect(await mapBounded([1, 2, 3], 0, undefined, async (n) => (seen.push(n), n * 2))).toEqual([2, 4, 6]);
    expect(seen).toEqual([1, 2, 3]);
  });
});
