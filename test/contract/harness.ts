// A dependency-free test harness for the contract suite: the same file runs in workerd, Node, Deno,
// Bun and Chromium, and no test framework runs in all five, so the suite carries its own.
// Web APIs only: fetch, AbortController, crypto.randomUUID.

/** One contract case: a name and a body that throws on failure. */
export interface ContractCase {
  name: string;
  run: () => Promise<void>;
}

/** What one runtime reports back. */
export interface ContractReport {
  runtime: string;
  passed: number;
  failed: number;
  failures: Array<{ name: string; message: string }>;
}

/** Throws with `message` unless `condition` holds. */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Deep equality through JSON, enough for wire values. */
export function same(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

/** Runs `fn` expecting it to reject with an instance of `type`; returns the error. */
export async function rejects<E extends Error>(fn: () => Promise<unknown>, type: abstract new (...args: never[]) => E, what: string): Promise<E> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof type) return error;
    throw new Error(`${what}: expected ${type.name}, got ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
  throw new Error(`${what}: expected ${type.name}, but it resolved`);
}

/** Runs the cases one after another and reports, never throwing. */
export async function runCases(runtime: string, cases: ContractCase[]): Promise<ContractReport> {
  const report: ContractReport = { runtime, passed: 0, failed: 0, failures: [] };
  for (const c of cases) {
    try {
      await c.run();
      report.passed++;
    } catch (error) {
      report.failed++;
      report.failures.push({ name: c.name, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    }
  }
  return report;
}

/** The local upstream's control routes, over plain fetch. */
export function upstreamControl(baseURL: string) {
  return {
    /** Every request the upstream recorded for this test id. */
    async requests(testId: string): Promise<Array<{ path: string; headers: Record<string, string>; json: unknown }>> {
      const res = await fetch(`${baseURL}/__upstream/requests?testId=${encodeURIComponent(testId)}`);
      return (await res.json()) as Array<{ path: string; headers: Record<string, string>; json: unknown }>;
    },
    /** Resolves with the latest record once its connection is over; throws if it stays open. */
    async closed(testId: string, timeoutMs = 5000): Promise<{ clientClosed: boolean; finished: boolean }> {
      const res = await fetch(`${baseURL}/__upstream/wait-closed?testId=${encodeURIComponent(testId)}&timeoutMs=${timeoutMs}`);
      const record = (await res.json()) as { clientClosed: boolean; finished: boolean } | null;
      check(res.status === 200 && record, `upstream connection for ${testId} still open after ${timeoutMs} ms`);
      return record;
    },
  };
}
