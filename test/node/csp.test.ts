// The shipped validators on a page whose Content-Security-Policy forbids code generation (`script-src 'self'`,
// no 'unsafe-eval'), in a real headless Chromium: the built chat entry validates one good request (sent) and
// one bad one (refused before sending). The page also tries `new Function` to prove the policy is enforced.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CHROMIUM = "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const POLICY = "default-src 'self'; script-src 'self'";

// Runs in the page. The fetch double answers like DeepInfra and counts what reaches the network.
const APP = `
import { DeepInfra } from "./dist/chat.js";
const violations = [];
document.addEventListener("securitypolicyviolation", (e) => violations.push(e.effectiveDirective));
const reply = { id: "c1", object: "chat.completion", created: 1, model: "m", choices: [{ index: 0, message: { role: "assistant", content: "hi from upstream" }, finish_reason: "stop" }] };
let sent = 0;
const client = new DeepInfra({
  apiKey: "csp-page-fake-key",
  baseURL: "https://api.deepinfra.invalid",
  maxRetries: 0,
  fetch: async () => {
    sent++;
    return new Response(JSON.stringify(reply), { headers: { "content-type": "application/json" } });
  },
});
const messages = [{ role: "user", content: [{ type: "text", text: "hello" }] }];
const out = {};
try {
  out.good = (await client.chat.completions.create({ model: "m", messages, temperature: 2, n: 4, stop: ["a"] })).choices[0].message.content;
} catch (e) {
  out.good = "threw " + e.name + ": " + e.message;
}
try {
  await client.chat.completions.create({ model: "m", messages: [{ role: "tool", content: "42" }], temperature: 3 });
  out.bad = "sent";
} catch (e) {
  out.bad = { name: e.name, message: e.message, paths: e.issues.map((i) => i.path.join(".")) };
}
try {
  new Function("return 1");
  out.codegen = "allowed";
} catch (e) {
  out.codegen = e.name;
}
await new Promise((r) => setTimeout(r, 50)); // violation events are dispatched asynchronously
Object.assign(out, { sent, violations });
document.body.dataset.result = JSON.stringify(out);
`;

let server: Server;
let context: BrowserContext;
let profile: string;
let origin: string;

beforeAll(async () => {
  const bundled = await build({ stdin: { contents: APP, resolveDir: ROOT, loader: "js" }, bundle: true, format: "esm", platform: "browser", target: "es2022", conditions: ["browser"], write: false, logLevel: "silent" });
  const script = bundled.outputFiles[0]?.text ?? "";
  server = createServer((req, res) => {
    const headers = { "content-security-policy": POLICY };
    if (req.url === "/app.js") res.writeHead(200, { ...headers, "content-type": "text/javascript" }).end(script);
    else res.writeHead(200, { ...headers, "content-type": "text/html" }).end('<!doctype html><html><body><script type="module" src="/app.js"></script></body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  profile = mkdtempSync(path.join(os.tmpdir(), "chromium-csp-"));
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (profile) rmSync(profile, { recursive: true, force: true });
});

it("validates a good and a bad request on a page without 'unsafe-eval'", async () => {
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const response = await page.goto(`${origin}/`);
  expect(response?.headers()["content-security-policy"]).toBe(POLICY);
  await page.waitForSelector("body[data-result]", { state: "attached", timeout: 30_000 });
  const result = JSON.parse((await page.getAttribute("body", "data-result")) ?? "{}");
  expect(errors).toEqual([]);
  // The policy is enforced: code generation is refused, and that is the page's only violation.
  expect(result.codegen).toBe("EvalError");
  expect(result.violations).toEqual(["script-src"]);
  // The good request passed validation and was sent; the bad one was refused before sending.
  expect(result.good).toBe("hi from upstream");
  expect(result.sent).toBe(1);
  expect(result.bad).toEqual({
    name: "ValidationError",
    message: "Invalid chat.completions.create params: messages[0].tool_call_id must be a string (was missing); temperature must be at most 2 (was 3)",
    paths: ["messages.0.tool_call_id", "temperature"],
  });
});
