// The /react page on durable chats in a real headless Chromium under `wrangler dev`, against a slow loopback
// upstream: reloading mid-answer finishes the answer; two seconds offline and back completes the text exactly once.
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { newTestId, recordedRequests } from "../helpers.js";
import { slowAnswer, wordsOf } from "./durable-harness.js";
import { FAKE_KEY, startTaggingProxy, type TaggingProxy } from "./worker-harness.js";
import { startWranglerDev, type WranglerDev } from "./wrangler-dev.js";

const CHROMIUM = "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
// page callbacks run in the page; this suite's tsconfig has no DOM lib.
type PageGlobals = { document: any; localStorage: { clear(): void } };

let proxy: TaggingProxy;
let dev: WranglerDev;
let link: Link;
/** The page's origin: the link in front of wrangler dev. */
let site: string;
let context: BrowserContext;
let page: Page;
let profile: string;
const observed: string[] = [];
/** Last-Event-ID of every GET …/stream the page sent ("" for none). */
const resumes: string[] = [];

/** A TCP link between Chromium and wrangler dev that can go down: every connection reset, new ones refused. */
interface Link {
  port: number;
  down(): void;
  up(): void;
  close(): Promise<void>;
}

async function startLinkOn(port: number, target: number): Promise<Link> {
  return startLink(target, port);
}

async function startLink(target: number, port = 0): Promise<Link> {
  const sockets = new Set<net.Socket>();
  let offline = false;
  const server = net.createServer((client) => {
    if (offline) return client.destroy();
    const upstream = net.connect(target, "127.0.0.1");
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    down() {
      offline = true;
      for (const socket of sockets) socket.destroy();
    },
    up() {
      offline = false;
    },
    close: () => new Promise<void>((resolve) => (server.close(() => resolve()), [...sockets].forEach((s) => s.destroy()))),
  };
}

beforeAll(async () => {
  proxy = await startTaggingProxy(`http://127.0.0.1:${inject("upstreamPort")}`);
  // The link's port is picked first, so the Worker can serve its origin (PUBLIC_ORIGINS allows http).
  const probe = await startLink(1);
  const linkPort = probe.port;
  await probe.close();
  site = `http://127.0.0.1:${linkPort}`;
  dev = await startWranglerDev({ DEEPINFRA_API_KEY: FAKE_KEY }, { DEEPINFRA_BASE_URL: proxy.url, RATE_LIMIT_REQUESTS: "1000", PUBLIC_ORIGINS: site });
  link = await startLinkOn(linkPort, dev.port);
  profile = mkdtempSync(path.join(os.tmpdir(), "chromium-profile-"));
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 900, height: 640 } });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (message) => observed.push(`console ${message.type()}: ${message.text()}`));
  page.on("pageerror", (error) => observed.push(`pageerror: ${error.message}`));
  page.on("request", (request) => {
    if (/\/api\/chats\/[\w-]+\/stream$/.test(request.url())) resumes.push(request.headers()["last-event-id"] ?? "");
  });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await link?.close();
  await dev?.stop();
  await proxy?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  expect(observed.filter((line) => line.startsWith("pageerror"))).toEqual([]);
  expect(observed.join("\n") + (dev?.output() ?? "")).not.toContain(FAKE_KEY);
});

// A new chat per test: the page keeps its chat id in localStorage.
beforeEach(async () => {
  await page.goto(`${site}/react`);
  await page.evaluate(() => (globalThis as unknown as PageGlobals).localStorage.clear());
  await page.goto(`${site}/react`);
  await page.waitForSelector("#app[data-status=ready]");
  resumes.length = 0;
});

const answerText = () => page.evaluate(() => [...(globalThis as unknown as PageGlobals).document.querySelectorAll(".msg.assistant .text")].map((node: { textContent: string }) => node.textContent).join(""));

async function ask(text: string, words: number): Promise<string> {
  const testId = newTestId();
  proxy.tag(testId, slowAnswer(words, 40));
  await page.fill("#input", text);
  await page.click("#send");
  // A few words in, mid-answer.
  await page.waitForFunction(() => ((globalThis as unknown as PageGlobals).document.querySelector(".msg.assistant .text")?.textContent.length ?? 0) > 12);
  return testId;
}

describe("the /react page on durable chats", () => {
  it("finishes the answer after a reload mid-answer, with one upstream request", async () => {
    const testId = await ask("Count slowly", 80);
    const before = await answerText();
    expect(before.length).toBeLessThan(wordsOf(80).length);
    expect(resumes).toEqual([]);
    await page.reload();
    await page.waitForFunction((whole) => [...(globalThis as unknown as PageGlobals).document.querySelectorAll(".msg.assistant .text")].map((n: { textContent: string }) => n.textContent).join("") === whole, wordsOf(80), { timeout: 20_000 });
    await page.waitForSelector("#app[data-status=ready]");
    expect(await answerText()).toBe(wordsOf(80));
    expect(await page.locator(".msg.user").allTextContents()).toEqual(["Count slowly"]);
    // useChat's own reconnect on load: the whole running turn (no Last-Event-ID), replacing the stored partial.
    expect(resumes).toEqual([""]);
    expect(await page.textContent("#error")).toBe("");
    expect(await recordedRequests(testId)).toHaveLength(1);
  });

  it("completes the text exactly once after two seconds offline", async () => {
    const testId = await ask("Count while I go offline", 100);
    // The connection drops and nothing gets through for two seconds (the browser's own offline switch
    // would leave an open stream alone).
    link.down();
    await new Promise((r) => setTimeout(r, 2_000));
    link.up();
    await page.waitForFunction((whole) => [...(globalThis as unknown as PageGlobals).document.querySelectorAll(".msg.assistant .text")].map((n: { textContent: string }) => n.textContent).join("").length >= whole.length, wordsOf(100), { timeout: 20_000 });
    await page.waitForSelector("#app[data-status=ready]");
    expect(await answerText()).toBe(wordsOf(100));
    expect(await page.locator(".msg.assistant").count()).toBe(1);
    // The dropped connection was resumed after the last event the page had (not replayed from the start).
    expect(resumes.length).toBeGreaterThan(0);
    expect(resumes.at(-1)).toMatch(/^1:\d+$/);
    expect(await page.textContent("#error")).toBe("");
    expect(await recordedRequests(testId)).toHaveLength(1);
  });

  it("stops on the server, keeps the partial answer and continues it on request", async () => {
    const testId = await ask("Go on forever", 120);
    await page.click("#stop");
    await page.waitForSelector("#continue");
    const partial = await answerText();
    expect(wordsOf(120).startsWith(partial)).toBe(true);
    expect(partial.length).toBeLessThan(wordsOf(120).length);
    const closed = (await recordedRequests(testId))[0]!;
    expect(closed.clientClosed).toBe(true);
    const next = newTestId();
    proxy.tag(next, slowAnswer(3, 10));
    await page.click("#continue");
    await page.waitForFunction((whole) => [...(globalThis as unknown as PageGlobals).document.querySelectorAll(".msg.assistant .text")].map((n: { textContent: string }) => n.textContent).join("") === whole, partial + wordsOf(3), { timeout: 20_000 });
    const [sent] = await recordedRequests(next);
    const body = sent!.json as { continue_final_message?: boolean; messages: Array<{ role: string; content: string }> };
    expect(body.continue_final_message).toBe(true);
    expect(body.messages.at(-1)).toEqual({ role: "assistant", content: partial });
  });
});
