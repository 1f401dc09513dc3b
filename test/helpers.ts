// Helpers for tests that run INSIDE workerd: web APIs only (no node:*).
import { inject } from "vitest";
import type { RecordedRequest, Scenario } from "./upstream/server.mjs";

export type { RecordedRequest, Scenario } from "./upstream/server.mjs";

/** Base URL of the local DeepInfra upstream started by test/global-setup.ts, e.g. http://127.0.0.1:PORT */
export function upstreamURL(): string {
  return `http://127.0.0.1:${inject("upstreamPort")}`;
}

/** A fresh id for the `x-test-id` header, which keys recording and `sequence` steps. */
export function newTestId(): string {
  return crypto.randomUUID();
}

/** Headers that tag a request with a test id and (optionally) a fault-injection scenario. */
export function scenarioHeaders(testId: string, scenario?: Scenario): Record<string, string> {
  const headers: Record<string, string> = { "x-test-id": testId };
  if (scenario !== undefined) headers["x-upstream-scenario"] = JSON.stringify(scenario);
  return headers;
}

/** Every request the upstream received with this test id, in arrival order. */
export async function recordedRequests(testId: string): Promise<RecordedRequest[]> {
  const res = await fetch(`${upstreamURL()}/__upstream/requests?testId=${encodeURIComponent(testId)}`);
  if (!res.ok) throw new Error(`recordedRequests(${testId}): upstream answered ${res.status}`);
  return (await res.json()) as RecordedRequest[];
}

/**
 * Waits until the latest request with this test id is over (client closed the connection, the
 * response finished, or the server reset it) and returns its record. Rejects on timeout.
 */
export async function waitClosed(testId: string, timeoutMs = 5000): Promise<RecordedRequest> {
  const res = await fetch(
    `${upstreamURL()}/__upstream/wait-closed?testId=${encodeURIComponent(testId)}&timeoutMs=${timeoutMs}`,
  );
  const record = (await res.json()) as RecordedRequest | null;
  if (res.status !== 200 || record === null) {
    throw new Error(`waitClosed(${testId}): nothing closed within ${timeoutMs} ms; latest record: ${JSON.stringify(record)}`);
  }
  return record;
}
