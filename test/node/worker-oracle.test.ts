// A1 (worker-security-audit-2): the key scrubber must not read the key out. A DeepInfra scoped token starts
// with a public prefix (`jwt:eyJh…`); a Worker that echoes request text and substitutes the key in place,
// extending the match as far as the text agrees, answers the true next character differently from every
// other guess. Each reflecting place is tried here with the true next character and with others: the answers
// must be the same (the request id aside) and hold no part of the key. Real workerd through Miniflare.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { bundleWorker, startWorker, type FetchInit, type WorkerHandle } from "./worker-harness.js";

// 170 characters, the shape of a DeepInfra scoped JWT; clearly fake.
const KEY = `jwt:eyJhbGciOiJIUzI1NiIsImtpZCI6ImZha2UifQ.${"eyJzdWIiOiJmYWtlLXRlc3QtdG9rZW4iLCJleHAiOjE5OTk5OTk5OTl9".padEnd(80, "Q")}.${"fakeSIGNATUREneverREAL".padEnd(46, "x")}`.slice(0, 170);
const KNOWN = KEY.slice(0, 8);
const NEXT = KEY[8]!;
const GUESSES = [NEXT, ...["A", "q", "7", "_", "-"].filter((c) => c !== NEXT)];

let worker: WorkerHandle;

beforeAll(async () => {
  expect(KEY).toHaveLength(170);
  worker = await startWorker(await bundleWorker(), {
    DEEPINFRA_API_KEY: KEY,
    DEEPINFRA_BASE_URL: `http://127.0.0.1:${inject("upstreamPort")}`,
    RATE_LIMIT_REQUESTS: "1000",
  });
});
afterAll(async () => {
  await worker?.close();
});

/** Status, headers that matter and body, with this Worker's request id taken out. */
async function answer(pathname: string, init: FetchInit = {}): Promise<string> {
  const res = await worker.fetch(pathname, init);
  const text = await res.text();
  const everything = `${res.status} ${res.headers.get("content-type")}\n${text}`;
  // No part of the key, and not the guess either: nothing the request sent comes back.
  expect(everything).not.toContain(KNOWN);
  expect(everything).not.toContain("[redacted]");
  const id = res.headers.get("x-request-id");
  return id ? everything.replaceAll(id, "<id>") : everything;
}

const post = (body: unknown, pathname = "/api/chat"): [string, FetchInit] => [pathname, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }];

const places: Array<[string, (guess: string) => [string, FetchInit]]> = [
  ["the path of an unknown route (GET, no Origin)", (guess) => [`/${guess}`, { origin: null }]],
  ["the path of an unknown route (POST)", (guess) => [`/${guess}`, { method: "POST" }]],
  ["the model of /api/chat", (guess) => post({ model: `${guess} ${guess}`, messages: [{ role: "user", content: "Hi" }] })],
  ["a field name of /api/chat", (guess) => post({ [guess]: 1, messages: [{ role: "user", content: "Hi" }] })],
  ["a field name of /api/embeddings", (guess) => post({ [guess]: 1, input: "x" }, "/api/embeddings")],
  ["a message of /api/ui-chat that fromUIMessages cannot read", (guess) => post({ messages: [guess] }, "/api/ui-chat")],
  ["a part type of /api/ui-chat", (guess) => post({ messages: [{ id: "m", role: "user", parts: [{ type: guess, text: "x" }] }] }, "/api/ui-chat")],
  ["the Origin header", (guess) => ["/api/chat", { method: "POST", origin: `https://${guess}.example`, headers: { "content-type": "application/json" }, body: "{}" }]],
  ["the Host header", (guess) => ["/", { host: `${guess}.example` }]],
];

describe("A1: no response tells the true next character of the key from a wrong one", () => {
  for (const [where, request] of places) {
    it(where, async () => {
      const answers = new Set<string>();
      for (const c of GUESSES) answers.add(await answer(...request(KNOWN + c)));
      expect(answers.size, [...answers].join("\n---\n")).toBe(1);
    });
  }

  it("reads out nothing over 40 guesses of the 9th character through the free 404 path", async () => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn";
    const answers = new Set<string>();
    for (const c of alphabet) answers.add(await answer(`/${KNOWN}${c}`, { origin: null }));
    expect(answers.size).toBe(1);
    expect([...answers][0]).toMatch(/^404 /);
  });
});
