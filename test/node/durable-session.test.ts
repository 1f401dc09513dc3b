// The durable chats' session cookie in real workerd (Miniflare): its attributes on http and https sites, and a
// cookie that is not this Worker's own (tampered, or signed with another SESSION_SECRET) reads nothing.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { newTestId } from "../helpers.js";
import { browser, idEvents, slowAnswer, textOf, wordsOf } from "./durable-harness.js";
import { FAKE_KEY, bundleWorker, startTaggingProxy, startWorker, type TaggingProxy, type WorkerHandle } from "./worker-harness.js";

let proxy: TaggingProxy;
let dev: WorkerHandle;
let site: WorkerHandle;
let other: WorkerHandle;

beforeAll(async () => {
  proxy = await startTaggingProxy(`http://127.0.0.1:${inject("upstreamPort")}`);
  const script = await bundleWorker();
  const vars = { DEEPINFRA_API_KEY: FAKE_KEY, DEEPINFRA_BASE_URL: proxy.url, RATE_LIMIT_REQUESTS: "1000", SESSION_SECRET: "one secret" };
  [dev, site, other] = await Promise.all([
    startWorker(script, vars),
    startWorker(script, vars, { publicOrigin: "https://chat.example" }),
    startWorker(script, { ...vars, SESSION_SECRET: "another secret" }),
  ]);
});
afterAll(async () => {
  await Promise.all([dev?.close(), site?.close(), other?.close()]);
  await proxy?.close();
});

/** POSTs one message on `worker` (over its real socket, with its Host and Origin) and returns the answer. */
async function start(worker: WorkerHandle, chatId: string, cookie?: string) {
  proxy.tag(newTestId(), slowAnswer(2, 5));
  return worker.fetch(`/api/chats/${chatId}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ message: { id: "m1", role: "user", parts: [{ type: "text", text: "hi" }] } }),
  });
}

describe("the session cookie", () => {
  it("is HttpOnly, SameSite=Strict, Path=/ on http, and Secure too on an https site", async () => {
    const plain = await start(dev, "a");
    expect(plain.headers.get("set-cookie")).toMatch(/^chat_session=[\w-]{22}\.[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=2592000$/);
    expect(textOf(idEvents(await plain.text()))).toBe(wordsOf(2));
    const secure = await start(site, "a");
    expect(secure.headers.get("set-cookie")).toMatch(/; Path=\/; HttpOnly; SameSite=Strict; Max-Age=2592000; Secure$/);
    await secure.text();
  });

  it("is set once: a visitor who has one keeps it", async () => {
    const first = await start(dev, "b");
    const cookie = first.headers.get("set-cookie")!.split(";")[0]!;
    await first.text();
    const second = await dev.fetch("/api/chats/b/messages", { headers: { cookie } });
    expect(second.status).toBe(200);
    expect(second.headers.get("set-cookie")).toBeNull();
    const again = await start(dev, "b2", cookie);
    expect(again.headers.get("set-cookie")).toBeNull();
    await again.text();
  });

  it("reads nothing with a cookie signed by another secret, or with another visitor's id under a valid-looking MAC", async () => {
    const first = await start(dev, "c");
    const cookie = first.headers.get("set-cookie")!.split(";")[0]!;
    await first.text();
    // The same Worker code with another SESSION_SECRET does not accept it (and a new POST there issues a new session).
    expect((await other.fetch("/api/chats/c/messages", { headers: { cookie } })).status).toBe(404);
    // Another id with this cookie's MAC: refused.
    const [name, value] = cookie.split("=");
    const mac = value!.split(".")[1]!;
    const forged = `${name}=${"A".repeat(22)}.${mac}`;
    expect((await dev.fetch("/api/chats/c/messages", { headers: { cookie: forged } })).status).toBe(404);
    expect((await dev.fetch("/api/chats/c/stream", { headers: { cookie: forged } })).status).toBe(204);
    const browserless = browser(dev.origin);
    expect((await browserless.messages("c")).status).toBe(404);
  });
});
