// Where the example Worker answers and whom it serves, from configuration only (real workerd
// through Miniflare): Host against PUBLIC_ORIGINS / DEV_PORT (421), DNS rebinding without a browser,
// ALLOWED_ORIGINS="*", Origin null, and Sec-Fetch-Site. The browser-side rebinding is in browser.test.ts.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { newTestId, recordedRequests } from "../helpers.js";
import { FAKE_KEY, HELLO, bundleWorker, errorOf, startTaggingProxy, startWorker, type FetchInit, type TaggingProxy, type WorkerHandle } from "./worker-harness.js";

let proxy: TaggingProxy;
let local: WorkerHandle;
let deployed: WorkerHandle;
let anyOrigin: WorkerHandle;

beforeAll(async () => {
  proxy = await startTaggingProxy(`http://127.0.0.1:${inject("upstreamPort")}`);
  const script = await bundleWorker();
  const base = { DEEPINFRA_API_KEY: FAKE_KEY, DEEPINFRA_BASE_URL: proxy.url, RATE_LIMIT_REQUESTS: "100" };
  [local, deployed, anyOrigin] = await Promise.all([
    startWorker(script, base),
    startWorker(script, { ...base, ALLOWED_ORIGINS: "https://app.example" }, { publicOrigin: "https://chat.example" }),
    startWorker(script, { ...base, ALLOWED_ORIGINS: "*" }, { publicOrigin: "https://chat.example" }),
  ]);
});
afterAll(async () => {
  await Promise.all([local, deployed, anyOrigin].map((w) => w?.close()));
  await proxy?.close();
});

async function chat(worker: WorkerHandle, init: FetchInit = {}, testId = newTestId()) {
  proxy.tag(testId);
  const res = await worker.fetch("/api/chat", { method: "POST", ...init, headers: { "content-type": "application/json", ...init.headers }, body: JSON.stringify(HELLO) });
  return { ...(await errorOf(res)), testId };
}

describe("Host comes from configuration (421 otherwise)", () => {
  it("refuses a DNS-rebinding request (Host attacker.example:PORT with the matching Origin) before any upstream call, page and API alike", async () => {
    const attacker = `attacker.example:${local.port}`;
    const api = await chat(local, { host: attacker, origin: `http://${attacker}` });
    expect([api.status, api.code]).toEqual([421, "misdirected_request"]);
    expect(api.message).toContain("does not serve this host");
    expect(api.message).not.toContain(attacker);
    expect(await recordedRequests(api.testId)).toHaveLength(0);
    const page = await errorOf(await local.fetch("/", { host: attacker, origin: null }));
    expect([page.status, page.code]).toEqual([421, "misdirected_request"]);
    expect(page.text).not.toContain("<script");
  });

  it("locally serves localhost, 127.0.0.1 and [::1] on the dev port only", async () => {
    const statuses: Record<string, number> = {};
    for (const name of ["localhost", "127.0.0.1", "[::1]"]) {
      const host = `${name}:${local.port}`;
      statuses[host] = (await chat(local, { host, origin: `http://${host}` })).status;
    }
    for (const host of [`localhost:${local.port + 1}`, "localhost", `0.0.0.0:${local.port}`, `127.0.0.2:${local.port}`]) {
      statuses[host] = (await chat(local, { host, origin: `http://${host}` })).status;
    }
    expect(statuses).toEqual({
      [`localhost:${local.port}`]: 200,
      [`127.0.0.1:${local.port}`]: 200,
      [`[::1]:${local.port}`]: 200,
      [`localhost:${local.port + 1}`]: 421,
      localhost: 421,
      [`0.0.0.0:${local.port}`]: 421,
      [`127.0.0.2:${local.port}`]: 421,
    });
  });

  it("deployed, serves only the PUBLIC_ORIGINS host: loopback names and a spoofed Host are refused", async () => {
    expect((await chat(deployed)).status).toBe(200);
    for (const host of [`127.0.0.1:${deployed.port}`, "evil.example", "chat.example.evil.example"]) {
      expect((await chat(deployed, { host, origin: `https://${host}` })).code, host).toBe("misdirected_request");
    }
  });

  it("an Origin that copies the request's own Host is not enough: same-origin means the configured origin", async () => {
    // The old rule derived "own origin" from the request, so http://chat.example (wrong scheme) passed.
    const res = await chat(deployed, { origin: "http://chat.example" });
    expect([res.status, res.code]).toEqual([403, "origin_not_allowed"]);
  });
});

describe("ALLOWED_ORIGINS", () => {
  it('"*" answers with a literal "*" (never the caller\'s origin) and without Vary', async () => {
    proxy.tag(newTestId());
    const res = await anyOrigin.fetch("/api/chat", { method: "POST", origin: "https://random.example", headers: { "content-type": "application/json" }, body: JSON.stringify(HELLO) });
    await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("vary")).toBeNull();
    const preflight = await anyOrigin.fetch("/api/chat", { method: "OPTIONS", origin: "https://random.example", headers: { "access-control-request-method": "POST" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
  });

  it('refuses Origin "null", even with "*"', async () => {
    for (const worker of [anyOrigin, deployed, local]) {
      const res = await chat(worker, { origin: "null" });
      expect([res.status, res.code]).toEqual([403, "origin_not_allowed"]);
      expect(await recordedRequests(res.testId)).toHaveLength(0);
    }
    const preflight = await errorOf(await anyOrigin.fetch("/api/chat", { method: "OPTIONS", origin: "null" }));
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers a listed origin with that configured origin", async () => {
    proxy.tag(newTestId());
    const res = await deployed.fetch("/api/chat", { method: "POST", origin: "https://app.example", headers: { "content-type": "application/json" }, body: JSON.stringify(HELLO) });
    await res.text();
    expect(res.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(res.headers.get("vary")).toBe("Origin");
  });
});

describe("Sec-Fetch-Site, where a browser sent it", () => {
  const cases: Array<[string, string, string, number]> = [
    ["same-origin from the own origin", "https://chat.example", "same-origin", 200],
    ["cross-site from a listed origin", "https://app.example", "cross-site", 200],
    ["cross-site claiming the own origin", "https://chat.example", "cross-site", 403],
    ["same-origin claiming a listed origin", "https://app.example", "same-origin", 403],
    ["none (typed into the address bar)", "https://chat.example", "none", 403],
  ];
  for (const [what, origin, site, status] of cases) {
    it(`${status === 200 ? "serves" : "refuses"} ${what}`, async () => {
      const res = await chat(deployed, { origin, headers: { "sec-fetch-site": site } });
      expect(res.status).toBe(status);
      if (status === 403) expect(res.code).toBe("fetch_site_mismatch");
    });
  }
});
