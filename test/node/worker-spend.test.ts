// Spend control in the example Worker (real workerd through Miniflare): what one client is, the
// optional Rate Limiting binding, the global spend breaker and its Durable Object storage, and the
// default model list.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { newTestId, recordedRequests } from "../helpers.js";
import { FAKE_KEY, HELLO, errorOf, startWorker, type WorkerHandle, workerSuite } from "./worker-harness.js";

// "Deployed": requests carry this Host and Origin, and CF-Connecting-IP is trusted as Cloudflare's.
// http, as the test socket is (the scheme plays no part in what is tested here).
const PUBLIC = "http://chat.example";

const suite = workerSuite();

/** A chat POST from `ip` (as CF-Connecting-IP); returns the status and error code. */
async function chatFrom(worker: WorkerHandle, ip: string | undefined, testId = newTestId()) {
  suite.proxy.tag(testId);
  const res = await worker.fetch("/api/chat", {
    method: "POST",
    headers: { "content-type": "application/json", ...(ip ? { "cf-connecting-ip": ip } : {}) },
    body: JSON.stringify(HELLO),
  });
  const { status, code, headers } = await errorOf(res);
  return { status, code, retryAfter: headers.get("retry-after") };
}

describe("one client, however many addresses it sends", () => {
  it("locally, a rotated CF-Connecting-IP does not buy a fresh bucket: the 4th of 4 addresses is refused", async () => {
    const worker = await suite.start({ RATE_LIMIT_REQUESTS: "3" });
    const testId = newTestId();
    const results = [];
    for (const ip of ["198.51.100.1", "198.51.100.2", "2001:db8::1", "203.0.113.9"]) results.push(await chatFrom(worker, ip, testId));
    expect(results.map((r) => [r.status, r.code])).toEqual([[200, undefined], [200, undefined], [200, undefined], [429, "rate_limited"]]);
    expect(await recordedRequests(testId)).toHaveLength(3);
  });

  it("deployed, one IPv6 /64 is one client (rotating the low 64 bits is refused) and another /64 is another", async () => {
    const worker = await suite.start({ RATE_LIMIT_REQUESTS: "3" }, { publicOrigin: PUBLIC });
    const same64 = ["2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:fffe", "2001:0db8:0001:0002:abcd::9", "2001:db8:1:2:1234:5678:9abc:def0"];
    const statuses = [];
    for (const ip of same64) statuses.push((await chatFrom(worker, ip)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await chatFrom(worker, "2001:db8:1:3::1")).status).toBe(200);
  });

  it("deployed, IPv4 is bucketed by /32 and an IPv4-mapped IPv6 address is the same client", async () => {
    const worker = await suite.start({ RATE_LIMIT_REQUESTS: "2" }, { publicOrigin: PUBLIC });
    const statuses = [];
    for (const ip of ["192.0.2.10", "::ffff:192.0.2.10", "192.0.2.10", "192.0.2.11"]) statuses.push((await chatFrom(worker, ip)).status);
    expect(statuses).toEqual([200, 200, 429, 200]);
  });

  it("counts Cloudflare's Rate Limiting binding too, when EDGE_RATE_LIMIT is bound", async () => {
    const worker = await suite.start({ RATE_LIMIT_REQUESTS: "50" }, { publicOrigin: PUBLIC, ratelimits: { EDGE_RATE_LIMIT: { simple: { limit: 2, period: 60 } } } });
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await chatFrom(worker, "192.0.2.77"));
    expect(results.map((r) => [r.status, r.code])).toEqual([[200, undefined], [200, undefined], [429, "rate_limited"]]);
    expect(results[2]!.retryAfter).toBe("60");
  });
});

describe("global spend breaker (SpendBreaker Durable Object)", () => {
  // The fixture stream reports usage.estimated_cost 2.8e-7 per answer. Reservations are priced at
  // $0.000001 per million tokens, so only settling to the reported cost can reach the cap.
  // All local callers are one client: its share is the whole cap, so the global cap is what these test.
  const PRICES = { SPEND_USD_PER_MILLION_TOKENS: "0.000001", RATE_LIMIT_REQUESTS: "100", SPEND_CLIENT_SHARE: "1" };

  it("adds each answer's estimated_cost and refuses every client with 429 budget_exhausted at the hourly cap", async () => {
    const worker = await suite.start({ ...PRICES, SPEND_LIMIT_USD_PER_HOUR: "0.0000005", SPEND_LIMIT_USD_PER_DAY: "1" }, { publicOrigin: PUBLIC });
    const testId = newTestId();
    const results = [];
    // Three different /64s: the breaker is global, not per client.
    for (const ip of ["2001:db8:a::1", "2001:db8:b::1", "2001:db8:c::1"]) results.push(await chatFrom(worker, ip, testId));
    expect(results.map((r) => [r.status, r.code])).toEqual([[200, undefined], [200, undefined], [429, "budget_exhausted"]]);
    const retryAfter = Number(results[2]!.retryAfter);
    expect(retryAfter).toBeGreaterThan(3000);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await recordedRequests(testId)).toHaveLength(2);
  });

  it("trips on the daily cap too, and names it", async () => {
    const worker = await suite.start({ ...PRICES, SPEND_LIMIT_USD_PER_HOUR: "1", SPEND_LIMIT_USD_PER_DAY: "0.0000005" });
    await chatFrom(worker, undefined);
    await chatFrom(worker, undefined);
    const res = await worker.fetch("/api/chat", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(HELLO) });
    const error = await errorOf(res);
    expect([error.status, error.code]).toEqual([429, "budget_exhausted"]);
    expect(error.message).toContain("daily (SPEND_LIMIT_USD_PER_DAY)");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(23 * 3600);
  });

  it("stays tripped after the Durable Object restarts (its storage outlives workerd)", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "spend-breaker-"));
    try {
      const vars = { ...PRICES, SPEND_LIMIT_USD_PER_HOUR: "0.0000005", SPEND_LIMIT_USD_PER_DAY: "1" };
      const first = await startWorker(suite.script, { DEEPINFRA_API_KEY: FAKE_KEY, DEEPINFRA_BASE_URL: suite.proxy.url, ...vars }, { persist: dir });
      const before = [];
      for (let i = 0; i < 3; i++) before.push((await chatFrom(first, undefined)).code);
      await first.close();
      expect(before).toEqual([undefined, undefined, "budget_exhausted"]);

      const second = await startWorker(suite.script, { DEEPINFRA_API_KEY: FAKE_KEY, DEEPINFRA_BASE_URL: suite.proxy.url, ...vars }, { persist: dir });
      try {
        const testId = newTestId();
        const after = await chatFrom(second, undefined, testId);
        expect([after.status, after.code]).toEqual([429, "budget_exhausted"]);
        expect(await recordedRequests(testId)).toHaveLength(0);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("gives the reservation back when DeepInfra refuses the call (a 4xx is not billed)", async () => {
    // A reservation of $0.6 against a $1 cap: kept, the second call would be refused.
    const worker = await suite.start({ SPEND_USD_PER_MILLION_TOKENS: "1000", SPEND_LIMIT_USD_PER_HOUR: "1", RATE_LIMIT_REQUESTS: "100", SPEND_CLIENT_SHARE: "1" });
    const first = await worker.fetch("/api/chat", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(HELLO) }).then(errorOf);
    expect(first.status).toBe(200); // settles at 2.8e-7
    for (let i = 0; i < 3; i++) {
      suite.proxy.tag(newTestId(), { fixture: "errors/400.json" });
      const res = await worker.fetch("/api/chat", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(HELLO) });
      expect((await errorOf(res)).code).toBe("upstream_error");
    }
    expect((await chatFrom(worker, undefined)).status).toBe(200);
  });
});

describe("default model list", () => {
  it("leaves out `large`, the most expensive alias: the page does not offer it and the API refuses it", async () => {
    const worker = await suite.start({});
    const page = await (await worker.fetch("/", { origin: null })).text();
    expect(page).toContain('<option value="default" selected>default</option><option value="small">small</option><option value="agent">agent</option></select>');
    const testId = newTestId();
    suite.proxy.tag(testId);
    const res = await worker.fetch("/api/chat", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...HELLO, model: "large" }) });
    expect((await errorOf(res)).code).toBe("model_not_allowed");
    expect(await recordedRequests(testId)).toHaveLength(0);
  });
});
