// The /react page (React + @ai-sdk/react's useChat against POST /api/ui-chat) in a real headless Chromium,
// served by `wrangler dev` (which builds the page's script through wrangler.toml's [build]) against the
// offline demo upstream, with per-test scenarios injected by the tagging proxy. One wrangler dev and one
// Chromium for the whole file. Every UI message stream the page receives is teed in the page and read on
// this side with the pinned `ai`'s parseJsonEventStream(uiMessageChunkSchema).
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { demoReplyText, startUpstream, type RecordedRequest, type Scenario, type Upstream } from "../upstream/server.mjs";
import { FAKE_KEY, ROOT, readUIStream, startTaggingProxy, type TaggingProxy, type UIStreamEvent } from "./worker-harness.js";
import { startWranglerDev, type WranglerDev } from "./wrangler-dev.js";

const CHROMIUM = "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
/** One teed /api/ui-chat answer, as the page's fetch received it. */
type Teed = { text: string; done: boolean; error?: string };
// page.evaluate callbacks run in the page; this suite's tsconfig has no DOM lib, so they reach it untyped.
type PageGlobals = { document: any; MutationObserver: any; __uiStreams: Teed[]; __lengths: number[]; __violations: string[] };

let upstream: Upstream;
let proxy: TaggingProxy;
let dev: WranglerDev;
let context: BrowserContext;
let page: Page;
let profile: string;
const observed: string[] = []; // console lines, page errors, request/response headers and bodies
const violations: string[] = []; // CSP violations, from every page load

beforeAll(async () => {
  upstream = await startUpstream({ mode: "demo", demoDelayMs: 40 });
  proxy = await startTaggingProxy(upstream.url);
  // HEARTBEAT_MS 300: a scenario that holds DeepInfra's headers longer gets the heartbeat path.
  dev = await startWranglerDev({ DEEPINFRA_API_KEY: FAKE_KEY }, { DEEPINFRA_BASE_URL: proxy.url, OFFLINE_DEMO: "true", HEARTBEAT_MS: "300" });
  profile = mkdtempSync(path.join(os.tmpdir(), "chromium-profile-"));
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 900, height: 640 } });
  // Tees every /api/ui-chat answer: useChat reads one branch, the test the other.
  await context.addInitScript(() => {
    const w = globalThis as unknown as PageGlobals & { fetch: typeof fetch; TextDecoderStream: typeof TextDecoderStream };
    w.__uiStreams = [];
    // Whatever the page's CSP blocks (an eval inside a library, an inline style) is reported here.
    w.__violations = [];
    w.document.addEventListener("securitypolicyviolation", (event: { violatedDirective: string; blockedURI: string }) => w.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    const original = w.fetch.bind(w);
    w.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await original(input, init);
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      if (!url.includes("/api/ui-chat") || !response.body) return response;
      const [mine, theirs] = response.body.tee();
      const teed: Teed = { text: "", done: false };
      w.__uiStreams.push(teed);
      void (async () => {
        const reader = theirs.pipeThrough(new w.TextDecoderStream()).getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          teed.text += value;
        }
      })()
        .catch((error: unknown) => (teed.error = String(error)))
        .finally(() => (teed.done = true));
      return new Response(mine, { status: response.status, statusText: response.statusText, headers: response.headers });
    };
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (message) => observed.push(`console ${message.type()}: ${message.text()}`));
  page.on("pageerror", (error) => observed.push(`pageerror: ${error.message}`));
  page.on("request", (request) => observed.push(`request ${request.url()} ${JSON.stringify(request.headers())} ${request.postData() ?? ""}`));
  page.on("response", (response) => observed.push(`response ${response.url()} ${response.status()} ${JSON.stringify(response.headers())}`));
}, 120_000);

afterAll(async () => {
  await context?.close();
  await dev?.stop();
  await proxy?.close();
  await upstream?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

// Each test starts from a fresh page (an empty conversation); the script comes from the browser's cache.
beforeEach(async () => {
  proxy.tag(undefined);
  // The stateless page (POST /api/ui-chat); /react itself is on durable chats (test/node/durable-browser.test.ts).
  await page.goto(`${dev.url}/react?stateless`);
  await page.waitForSelector("#app[data-status=ready]");
});

afterEach(async () => {
  violations.push(...(await page.evaluate(() => (globalThis as unknown as PageGlobals).__violations)));
});

async function send(text: string): Promise<void> {
  await page.fill("#input", text);
  await page.click("#send");
}

const status = () => page.getAttribute("#app", "data-status");
const lastAnswer = () => page.locator(".msg.assistant .text").last().textContent();

/** Waits for the page's n-th teed answer to end and returns its events, every part validated by ai's schema. */
async function teed(n: number, { partial = false } = {}): Promise<UIStreamEvent[]> {
  await page.waitForFunction((i) => (globalThis as unknown as PageGlobals).__uiStreams[i]?.done === true, n);
  const { text } = (await page.evaluate((i) => (globalThis as unknown as PageGlobals).__uiStreams[i], n))!;
  observed.push(text);
  // A stopped answer ends mid-event: only its whole events are checked.
  return readUIStream(partial ? text.slice(0, text.lastIndexOf("\n\n") + 2) : text);
}

const partTypes = (events: UIStreamEvent[]) => events.flatMap((e) => (e.kind === "part" ? [e.part.type] : [])).filter((t, i, all) => t !== all[i - 1]);

async function upstreamClosed(testId: string): Promise<RecordedRequest> {
  const res = await fetch(`${upstream.url}/__upstream/wait-closed?testId=${testId}&timeoutMs=10000`);
  return (await res.json()) as RecordedRequest;
}

function tag(scenario?: Scenario): string {
  const testId = crypto.randomUUID();
  proxy.tag(testId, scenario);
  return testId;
}

describe("the useChat page (/react) in Chromium", () => {
  it("paints streamed tokens as they arrive, then the answer's cost; the stream validates at every chunk", async () => {
    await expect(page.locator("#banner").textContent()).resolves.toContain("Offline demo upstream");
    // Each DOM change under the conversation: the last answer's text length, when it changed.
    await page.evaluate(() => {
      const w = (globalThis as unknown as PageGlobals);
      w.__lengths = [];
      new w.MutationObserver(() => {
        const texts = w.document.querySelectorAll(".msg.assistant .text");
        const length = texts[texts.length - 1]?.textContent.length ?? 0;
        if (length > 0 && length !== w.__lengths.at(-1)) w.__lengths.push(length);
      }).observe(w.document.getElementById("log"), { subtree: true, childList: true, characterData: true });
    });
    const question = "What does the edge look like today?";
    await send(question);
    await page.waitForSelector("#app[data-status=ready] .msg.assistant");
    const answer = demoReplyText(question);
    expect(await lastAnswer()).toBe(answer);
    const lengths = await page.evaluate(() => (globalThis as unknown as PageGlobals).__lengths);
    expect(lengths.at(-1)).toBe(answer.length);
    const partial = lengths.filter((n) => n < answer.length);
    expect(partial.length).toBeGreaterThan(1);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    console.log(`[react] ${partial.length} partial paints before the ${answer.length}-character answer completed`);
    expect(await page.textContent("#cost")).toMatch(/^\$0\.0\d*[1-9]$/);
    expect(await page.textContent("#error")).toBe("");
    const events = await teed(0);
    expect(partTypes(events)).toEqual(["start", "start-step", "text-start", "text-delta", "text-end", "finish-step", "finish"]);
    expect(events.at(-1)).toEqual({ kind: "done" });
  });

  it("Stop halts the answer and closes the upstream connection", async () => {
    const testId = tag();
    const question = Array.from({ length: 40 }, (_, i) => `word${i}`).join(" ");
    await send(question);
    await page.waitForFunction(() => ((globalThis as unknown as PageGlobals).document.querySelector(".msg.assistant .text")?.textContent ?? "").length > 20);
    await page.click("#stop");
    await page.waitForSelector("#app[data-status=ready]");
    const closed = await upstreamClosed(testId);
    expect(closed.clientClosed).toBe(true);
    expect(closed.finished).toBe(false);
    const stopped = (await lastAnswer())!;
    expect(demoReplyText(question).startsWith(stopped)).toBe(true);
    expect(stopped.length).toBeLessThan(demoReplyText(question).length);
    // The upstream is closed, so nothing more can arrive; the page must not have kept reading either.
    await page.waitForTimeout(300);
    expect(await lastAnswer()).toBe(stopped);
    const events = await teed(0, { partial: true });
    expect(partTypes(events)).not.toContain("finish");
  });

  it("shows an upstream failure as useChat's error in a role=alert, before and after the answer started, without the key", async () => {
    // Before: DeepInfra refuses at once (echoing the key); the Worker answers its JSON error and useChat shows it.
    tag({ echoAuth: true });
    await send("Trigger an upstream error");
    await page.waitForSelector("#app[data-status=error]");
    const before = (await page.getByRole("alert").textContent())!;
    expect(before).toMatch(/^upstream_error: DeepInfra refused or failed the request \(status 401\)\. \(request [0-9a-f-]{36}\)$/);
    // After: DeepInfra holds its headers past HEARTBEAT_MS, so the answer has started; the failure is an error part.
    tag({ echoAuth: true, headersDelayMs: 900 });
    await send("Trigger it after the heartbeat");
    await page.waitForFunction((previous) => (globalThis as unknown as PageGlobals).document.getElementById("app").dataset.status === "error" && (globalThis as unknown as PageGlobals).document.getElementById("error").textContent !== previous, before);
    const after = (await page.getByRole("alert").textContent())!;
    expect(after).toMatch(/^upstream_error: DeepInfra refused or failed the request \(status 401\)\. \(request [0-9a-f-]{36}\)$/);
    const events = await teed(1);
    expect(events[0]).toEqual({ kind: "comment", text: ": waiting for the model" });
    expect(partTypes(events)).toEqual(["error"]);
    for (const text of [before, after, await page.content()]) expect(text).not.toContain(FAKE_KEY);
  });

  it("shows a reasoning model's thoughts as reasoning parts in a <details>, then the answer and its cost", async () => {
    tag({ fixture: "chat-stream-reasoning.sse", chunkSize: 120, chunkDelayMs: 30 });
    await send("What is 15!/13!?");
    await page.waitForSelector("#app[data-status=ready] .msg.assistant .text");
    expect(await page.locator(".msg.assistant details.reasoning").textContent()).toBe("ReasoningThe user asks for 15!/13!. That is 15 * 14 = 210.");
    expect(await lastAnswer()).toBe("15! / 13! = 210");
    expect(await page.textContent("#cost")).toBe("$0.0000693");
    const events = await teed(0);
    expect(partTypes(events)).toEqual(["start", "start-step", "reasoning-start", "reasoning-delta", "reasoning-end", "text-start", "text-delta", "text-end", "finish-step", "finish"]);
    // The screenshot in the README is refreshed on request only, so a test run leaves the tree clean.
    await page.click(".msg.assistant details.reasoning summary");
    const shot = process.env.UPDATE_SCREENSHOT ? "docs/react-screenshot.png" : "test-results/react-screenshot.png";
    mkdirSync(path.dirname(path.join(ROOT, shot)), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, shot) });
  });


  it("ran its script under the page's CSP with no violation and no page error; no resource, header, console or wrangler line holds the key", async () => {
    expect(observed.some((line) => /^response .*\/react\/app-[0-9a-f]{16}\.js 200 /.test(line))).toBe(true);
    expect(violations).toEqual([]);
    expect(observed.filter((line) => line.startsWith("pageerror"))).toEqual([]);
    // The violation listener works: an injected inline script is blocked and reported.
    await page.evaluate(() => {
      const { document } = globalThis as unknown as PageGlobals;
      const script = document.createElement("script");
      script.textContent = "document.title = 'injected'";
      document.body.append(script);
    });
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__violations.length > 0);
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).__violations)).toEqual(["script-src-elem inline"]);
    expect(await page.title()).toBe("deepinfra-edge · useChat");
    for (const line of observed) expect(line).not.toContain(FAKE_KEY);
    expect(dev.output()).toContain("POST /api/ui-chat");
    expect(dev.output()).not.toContain(FAKE_KEY);
  });
});
