// Clients for the feature tests (inside workerd): each request gets the upstream scenario of the model
// it names, and the fetch counts requests in flight per model, from the call to the end of the body.
import { DeepInfra, type ClientOptions } from "../../src/index.js";
import { newTestId, type Scenario } from "../helpers.js";
import { upstreamURL } from "../helpers.js";
import { FAKE_KEY } from "../setup-client.js";

/** A scenario for one model, or `"unreachable"`: its requests fail before any answer, as a refused connection. */
export type ModelScenario = Scenario | "unreachable";

/** What the fetch saw. */
export interface FetchStats {
  /** The model of each request, in the order they were sent. */
  sent: string[];
  /** Each request's JSON body, in the same order. */
  bodies: unknown[];
  /** Requests in flight per model right now, and the most seen at once. */
  inFlight: Map<string, number>;
  peak: Map<string, number>;
  /** The most requests in flight at once across models. */
  peakTotal: number;
}

/** A request body as JSON, or null. */
function parse(body: unknown): { model?: unknown } | null {
  if (typeof body !== "string") return null;
  try {
    return JSON.parse(body) as { model?: unknown };
  } catch {
    return null;
  }
}

/** Fresh, empty stats (pass one to several clients to count them together). */
export function newStats(): FetchStats {
  return { sent: [], bodies: [], inFlight: new Map(), peak: new Map(), peakTotal: 0 };
}

/** A client whose requests carry a fresh test id and, per model, that model's scenario. */
export function modelClient(byModel: Record<string, ModelScenario>, options: ClientOptions = {}, stats: FetchStats = newStats()) {
  const testId = newTestId();
  const client = new DeepInfra({
    apiKey: FAKE_KEY,
    baseURL: upstreamURL(),
    maxRetries: 0,
    sleep: async () => {},
    ...options,
    headers: { "x-test-id": testId, ...options.headers },
    fetch: async (input, init) => {
      const json = parse(init?.body);
      const model = String(json?.model ?? "");
      stats.sent.push(model);
      stats.bodies.push(json);
      const scenario = byModel[model];
      if (scenario === "unreachable") throw new TypeError("fetch failed: connect ECONNREFUSED 127.0.0.1:1");
      const headers = new Headers(init?.headers);
      if (scenario) headers.set("x-upstream-scenario", JSON.stringify(scenario));
      const now = (stats.inFlight.get(model) ?? 0) + 1;
      stats.inFlight.set(model, now);
      stats.peak.set(model, Math.max(stats.peak.get(model) ?? 0, now));
      const total = [...stats.inFlight.values()].reduce((sum, n) => sum + n, 0);
      stats.peakTotal = Math.max(stats.peakTotal, total);
      let open = true;
      const done = () => {
        if (!open) return;
        open = false;
        stats.inFlight.set(model, (stats.inFlight.get(model) ?? 1) - 1);
      };
      let response: Response;
      try {
        response = await fetch(input, { ...init, headers });
      } catch (error) {
        done();
        throw error;
      }
      if (!response.body) {
        done();
        return response;
      }
      const reader = response.body.getReader();
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          try {
            const { done: end, value } = await reader.read();
            if (end) {
              done();
              controller.close();
            } else controller.enqueue(value);
          } catch (error) {
            done();
            controller.error(error);
          }
        },
        cancel(reason) {
          done();
          return reader.cancel(reason);
        },
      });
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    },
  });
  return { client, testId, stats };
}

/** A 429 DeepInfra sends while a model scales up (worth retrying; not a spent quota). */
export const BUSY: Scenario = { status: 429, body: { detail: "Model is busy, retry later" } };
/** A 429 for a spent balance (never retried). */
export const QUOTA: Scenario = { status: 429, body: { detail: "You have exceeded your quota: insufficient balance" } };
