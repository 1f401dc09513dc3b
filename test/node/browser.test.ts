// The chat page in a real headless Chromium (Debian's /usr/bin/chromium via playwright-core),
// served by `wrangler dev` against the offline demo upstream with a clearly fake key.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoReplyText, startUpstream, type RecordedRequest, type Upstream } from "../upstream/server.mjs";
import { FAKE_KEY, ROOT, startTaggingProxy, type TaggingProxy } from "./worker-harness.js";
import { startWranglerDev, type WranglerDev } from "./wrangler-dev.js";

const CHROMIUM = "/usr/bin/chromium";
// page.evaluate callbacks run in the page; this suite's tsconfig has no DOM lib, so they reach it untyped.
type PageGlobals = { document: any; requestAnimationFrame(cb: () => void): void; __paints: number[] };
// attacker.example resolves to loopback: a DNS-rebinding page after its rebind. Chromium's own Local
// Network Access check would stop that page's requests; other browsers have none, so it is switched
// off here to test what the Worker itself refuses.
const ATTACKER = "attacker.example";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", `--host-resolver-rules=MAP ${ATTACKER} 127.0.0.1`, "--disable-features=LocalNetworkAccessChecks"];

let upstream: Upstream;
let proxy: TaggingProxy;
let dev: WranglerDev;
let context: BrowserContext;
let page: Page;
let profile: string;
const observed: string[] = []; // console lines, request/response headers and bodies
const pending: Promise<unknown>[] = [];

beforeAll(async () => {
  upstream = await startUpstream({ mode: "demo", demoDelayMs: 40 });
  proxy = await startTaggingProxy(upstream.url);
  dev = await startWranglerDev({ DEEPINFRA_API_KEY: FAKE_KEY }, { DEEPINFRA_BASE_URL: proxy.url, OFFLINE_DEMO: "true" });
  profile = mkdtempSync(path.join(os.tmpdir(), "chromium-profile-"));
  // launchPersistentContext is Playwright's way to pass a fresh --user-data-dir.
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 900, height: 640 } });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (message) => observed.push(`console ${message.type()}: ${message.text()}`));
  page.on("pageerror", (error) => observed.push(`pageerror: ${error.message}`));
  page.on("request", (request) => observed.push(`request ${request.url()} ${JSON.stringify(request.headers())} ${request.postData() ?? ""}`));
  page.on("response", (response) => {
    observed.push(`response ${response.url()} ${JSON.stringify(response.headers())}`);
    pending.push(response.text().then((text) => observed.push(text), () => {}));
  });
  await page.goto(`${dev.url}/`);
}, 120_000);

afterAll(async () => {
  await context?.close();
  await dev?.stop();
  await proxy?.close();
  await upstream?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Records every animation frame in which the last answer's text changed while still streaming. */
async function watchPaints(): Promise<void> {
  await page.evaluate(() => {
    const w = globalThis as unknown as PageGlobals;
    const { document } = w;
    w.__paints = [];
    let last = -1;
    const frame = () => {
      const app = document.getElementById("app")!;
      const answers = document.querySelectorAll(".msg.assistant");
      const text = answers[answers.length - 1]?.textContent ?? "";
      if (app.dataset.state === "streaming" && text.length > 0 && text.length !== last) {
        last = text.length;
        w.__paints.push(text.length);
      }
      if (app.dataset.state === "streaming" || w.__paints.length === 0) w.requestAnimationFrame(frame);
    };
    w.requestAnimationFrame(frame);
  });
}

async function send(text: string): Promise<void> {
  await page.fill("#input", text);
  await page.click("#send");
}

const lastAnswer = () => page.locator(".msg.assistant").last().textContent();

async function upstreamClosed(testId: string): Promise<RecordedRequest> {
  const res = await fetch(`${upstream.url}/__upstream/wait-closed?testId=${testId}&timeoutMs=10000`);
  return (await res.json()) as RecordedRequest;
}

describe("chat page in Chromium", () => {
  it("shows the offline banner and paints tokens as they arrive, then the cost", async () => {
    await expect(page.locator("#banner").textContent()).resolves.toContain("Offline demo upstream");
    await watchPaints();
    const question = "What does the edge look like today?";
    await send(question);
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.getElementById("app")!.dataset.state !== "streaming" && (globalThis as unknown as PageGlobals).document.querySelectorAll(".msg.assistant").length === 1);
    expect(await page.getAttribute("#app", "data-state")).toBe("done");
    const answer = demoReplyText(question);
    expect(await lastAnswer()).toBe(answer);
    const paints = await page.evaluate(() => (globalThis as unknown as PageGlobals).__paints);
    const partial = paints.filter((n) => n < answer.length);
    expect(partial.length).toBeGreaterThan(1);
    console.log(`[browser] ${partial.length} partial paints before the ${answer.length}-character answer completed`);
    expect(paints).toEqual([...paints].sort((a, b) => a - b));
    expect(await page.textContent("#cost")).toMatch(/^\$0\.0\d*[1-9]$/);
    expect(await page.textContent("#error")).toBe("");
    // The README's screenshot is refreshed on request only, so a test run leaves the tree clean.
    const shot = process.env.UPDATE_SCREENSHOT ? "docs/screenshot.png" : "test-results/screenshot.png";
    mkdirSync(path.dirname(path.join(ROOT, shot)), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, shot) });
  });

  it("the stop button halts the stream and closes the upstream connection", async () => {
    const testId = crypto.randomUUID();
    proxy.tag(testId);
    const question = Array.from({ length: 40 }, (_, i) => `word${i}`).join(" ");
    await send(question);
    await page.waitForFunction(() => ((globalThis as unknown as PageGlobals).document.querySelectorAll(".msg.assistant")[1]?.textContent ?? "").length > 20);
    await page.click("#stop");
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.getElementById("app")!.dataset.state === "stopped");
    const closed = await upstreamClosed(testId);
    expect(closed.clientClosed).toBe(true);
    expect(closed.finished).toBe(false);
    const stopped = (await lastAnswer())!;
    expect(stopped.endsWith(" [stopped]")).toBe(true);
    expect(demoReplyText(question).startsWith(stopped.slice(0, -" [stopped]".length))).toBe(true);
    expect(stopped.length).toBeLessThan(demoReplyText(question).length);
    // The upstream is closed, so nothing more can arrive; the page must not have kept reading either.
    await page.waitForTimeout(300);
    expect(await lastAnswer()).toBe(stopped);
    proxy.tag(undefined);
  });

  it("shows an upstream failure readably, without the key the upstream echoed", async () => {
    proxy.tag(crypto.randomUUID(), { echoAuth: true });
    await send("Trigger an upstream error");
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.getElementById("app")!.dataset.state === "error");
    const message = (await page.textContent("#error"))!;
    expect(message).toMatch(/^upstream_error: DeepInfra refused or failed the request \(status 401\)\. \(request [0-9a-f-]{36}\)$/);
    expect(message).not.toContain(FAKE_KEY);
    proxy.tag(undefined);
  });

  it("a DNS-rebinding page (its name now resolving to 127.0.0.1) cannot call the API or read the page", async () => {
    const attackerOrigin = `http://${ATTACKER}:${dev.port}`;
    const testId = crypto.randomUUID();
    proxy.tag(testId);
    const evil = await context.newPage();
    try {
      // The attacker's own server answered this first load; every later request goes to 127.0.0.1.
      await evil.route((url) => url.origin === attackerOrigin && url.pathname === "/", (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><title>cats</title>" }));
      await evil.goto(`${attackerOrigin}/`);
      const result = await evil.evaluate(async () => {
        const api = await fetch("/api/chat", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ messages: [{ role: "user", content: "spend it" }] }) });
        const page = await fetch("/healthz");
        return { origin: location.origin, api: api.status, body: await api.text(), page: page.status };
      });
      expect(result.origin).toBe(attackerOrigin);
      expect(result.api).toBe(421);
      expect(JSON.parse(result.body).error.code).toBe("misdirected_request");
      expect(result.page).toBe(421);
    } finally {
      await evil.close();
      proxy.tag(undefined);
    }
    const recorded = (await (await fetch(`${upstream.url}/__upstream/requests?testId=${testId}`)).json()) as unknown[];
    expect(recorded).toHaveLength(0);
  });

  it("no page resource, header or console line, and no wrangler log line, contains the key", async () => {
    await Promise.all(pending);
    expect(observed.filter((line) => line.startsWith("response ")).length).toBeGreaterThanOrEqual(4);
    expect(observed.some((line) => line.includes("Offline demo upstream"))).toBe(true);
    for (const line of observed) expect(line).not.toContain(FAKE_KEY);
    expect(dev.output()).toContain("POST /api/chat");
    expect(dev.output()).not.toContain(FAKE_KEY);
  });
});
