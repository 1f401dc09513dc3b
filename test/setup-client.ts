// Builds SDK clients aimed at the local upstream, tagged with a test id (runs inside workerd).
import { DeepInfra, type ClientOptions } from "../src/index.js";
import { newTestId, scenarioHeaders, upstreamURL, type Scenario } from "./helpers.js";

/** A fake key that tests search for in every error and response. */
export const FAKE_KEY = "test-key-never-leaks-3f9a7c21d4e8b6051a2c";

export const HELLO = [{ role: "user" as const, content: "Hello" }];

/** A client whose every request carries a fresh test id (and the scenario, if any). */
export function testClient(scenario?: Scenario, options: ClientOptions = {}) {
  const testId = newTestId();
  const waits: number[] = [];
  const client = new DeepInfra({
    apiKey: FAKE_KEY,
    baseURL: upstreamURL(),
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...options,
    headers: { ...scenarioHeaders(testId, scenario), ...options.headers },
  });
  return { client, testId, waits };
}

/** Awaits a promise that must reject, and returns the rejection. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection, got a value");
}

/** Every place an error could carry text: message, stack, fields, body, headers, cause, JSON. */
export function everythingIn(error: unknown): string {
  const e = error as Record<string, unknown> & Error;
  const parts = [String(e), e.message, e.stack ?? "", safeJSON(e), safeJSON(e.cause), String(e.cause ?? "")];
  for (const key of Object.getOwnPropertyNames(e)) parts.push(safeJSON((e as Record<string, unknown>)[key]));
  for (const key of ["body", "headers", "issues", "requestId", "type", "code", "param"]) parts.push(safeJSON(e[key]));
  return parts.join("\n");
}

function safeJSON(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return String(value);
  }
}
