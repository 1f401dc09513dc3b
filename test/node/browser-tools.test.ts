// /react with Tools on, in a real headless Chromium against `wrangler dev` and the local upstream (which plays the
// model that calls the example's tools): a docs search shown with its output, then the answer; an email tool that
// needs approval, approved (it runs) and denied (it does not, and the model is told so).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startUpstream, type RecordedRequest, type Upstream } from "../upstream/server.mjs";
import { FAKE_KEY, startTaggingProxy, type TaggingProxy } from "./worker-harness.js";
import { startWranglerDev, type WranglerDev } from "./wrangler-dev.js";

const CHROMIUM = "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

let upstream: Upstream;
let proxy: TaggingProxy;
let dev: WranglerDev;
let context: BrowserContext;
let page: Page;
let profile: string;
let testId = "";
const observed: string[] = [];

beforeAll(async () => {
  upstream = await startUpstream({ mode: "demo", demoDelayMs: 5 });
  proxy = await startTaggingProxy(upstream.url);
  dev = await startWranglerDev({ DEEPINFRA_API_KEY: FAKE_KEY }, { DEEPINFRA_BASE_URL: proxy.url, OFFLINE_DEMO: "true" });
  profile = mkdtempSync(path.join(os.tmpdir(), "chromium-profile-"));
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 900, height: 700 } });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (error) => observed.push(`pageerror: ${error.message}`));
  page.on("response", async (response) => {
    if (response.url().includes("/api/")) observed.push(`response ${response.url()} ${response.status()} ${await response.text().catch(() => "")}`);
  });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await dev?.stop();
  await proxy?.close();
  await upstream?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  // Nothing the browser received may hold the key.
  expect(observed.join("\n")).not.toContain(FAKE_KEY);
});

beforeEach(async () => {
  testId = crypto.randomUUID();
  proxy.tag(testId);
  await page.goto(`${dev.url}/react?stateless`);
  await page.waitForSelector("#app[data-status=ready]");
  await page.check("#tools");
});

async function send(text: string): Promise<void> {
  await page.fill("#input", text);
  await page.click("#send");
}

/** The chat requests the upstream received for this test (embeddings and reranks left out). */
async function chats(): Promise<Array<{ messages: Array<Record<string, unknown>> }>> {
  const res = await fetch(`${upstream.url}/__upstream/requests?testId=${testId}`);
  const records = (await res.json()) as RecordedRequest[];
  return records.filter((r) => r.path.endsWith("/chat/completions")).map((r) => r.json as { messages: Array<Record<string, unknown>> });
}

const tool = (name: string) => page.locator(`.tool[data-tool=${name}]`).last();
const lastAnswer = () => page.locator(".msg.assistant .text").last().textContent();

describe("/react with tools in Chromium", () => {
  it("a read-only docs search: the tool part shows its output, then the model's answer", async () => {
    await send("How do I run a tool loop?");
    await page.waitForSelector(".tool[data-tool=search_docs][data-state=output-available]");
    await page.waitForSelector("#app[data-status=ready]");
    const output = JSON.parse((await tool("search_docs").locator(".output").textContent()) ?? "null") as Array<{ passage: string; score: number }>;
    expect(output).toHaveLength(2);
    expect(output.every((hit) => typeof hit.passage === "string" && hit.passage.length > 20 && typeof hit.score === "number")).toBe(true);
    expect(await lastAnswer()).toContain("Offline demo upstream: the tool answered");
    const sent = await chats();
    expect(sent).toHaveLength(2);
    expect(sent[1]?.messages.at(-1)).toMatchObject({ role: "tool", tool_call_id: "call_demo1" });
  }, 60_000);

  it("an email that needs approval: Approve runs the stub, and the model answers with its output", async () => {
    await send("Please email the team about the release");
    const approve = tool("send_email").locator("button.approve");
    await approve.waitFor();
    await page.waitForSelector("#app[data-status=ready]");
    expect(await tool("send_email").getAttribute("data-state")).toBe("approval-requested");
    expect(await chats()).toHaveLength(1);
    await approve.click();
    await page.waitForSelector(".tool[data-tool=send_email][data-state=output-available]");
    await page.waitForFunction(() => (globalThis as any).document.querySelectorAll(".msg.assistant .text").length > 0);
    expect(await tool("send_email").locator(".output").textContent()).toContain("Stub: an email to someone@example.com");
    await page.waitForSelector("#app[data-status=ready]");
    expect(await lastAnswer()).toContain("Stub: an email");
    const sent = await chats();
    expect(sent).toHaveLength(2);
    expect(sent[1]?.messages.at(-1)).toMatchObject({ role: "tool", tool_call_id: "call_demo1" });
    expect(String(sent[1]?.messages.at(-1)?.content)).toContain("Stub: an email");
  }, 60_000);

  it("Deny: the stub does not run, the part shows Denied and the model is told", async () => {
    await send("Send an email to everyone");
    const deny = tool("send_email").locator("button.deny");
    await deny.waitFor();
    await page.waitForSelector("#app[data-status=ready]");
    await deny.click();
    await page.waitForSelector(".tool[data-tool=send_email][data-state=output-denied]");
    await page.waitForFunction(() => (globalThis as any).document.querySelectorAll(".msg.assistant .text").length > 0);
    await page.waitForSelector("#app[data-status=ready]");
    expect(await lastAnswer()).toContain("The user denied this tool call");
    const sent = await chats();
    expect(sent).toHaveLength(2);
    expect(sent[1]?.messages.at(-1)).toEqual({ role: "tool", tool_call_id: "call_demo1", content: "The user denied this tool call." });
  }, 60_000);
});
