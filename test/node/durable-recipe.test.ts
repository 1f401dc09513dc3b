// The Node/Deno/Bun recipe of docs/durable-chats.md, run as written (extracted from the page) in Node against
// the local upstream: a reader that leaves, a resume whole and after Last-Event-ID, the stored history, stop.
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { newTestId, recordedRequests, waitClosed } from "../helpers.js";
import { idEvents, readThenLeave, slowAnswer, textOf, wordsOf } from "./durable-harness.js";
import { FAKE_KEY, ROOT, startTaggingProxy, type TaggingProxy } from "./worker-harness.js";

let proxy: TaggingProxy;
let handle: (request: Request) => Promise<Response>;
const saved = { key: process.env.DEEPINFRA_API_KEY, base: process.env.DEEPINFRA_BASE_URL };

beforeAll(async () => {
  proxy = await startTaggingProxy(`http://127.0.0.1:${inject("upstreamPort")}`);
  const page = readFileSync(path.join(ROOT, "docs/durable-chats.md"), "utf8");
  const block = /```ts\n(import \{ DeepInfra, toUIMessageStream[\s\S]*?)```/.exec(page)?.[1];
  if (!block) throw new Error("the recipe block is missing from docs/durable-chats.md");
  const out = path.join(ROOT, ".tmp", "durable-recipe");
  mkdirSync(out, { recursive: true });
  const file = path.join(out, `recipe-${process.pid}.mjs`);
  await build({
    stdin: { contents: block, resolveDir: ROOT, loader: "ts" },
    bundle: true,
    format: "esm",
    platform: "node",
    alias: { "deepinfra-edge": "./src/index.ts", "deepinfra-edge/durable": "./src/durable/index.ts" },
    outfile: file,
    logLevel: "silent",
  });
  process.env.DEEPINFRA_API_KEY = FAKE_KEY;
  process.env.DEEPINFRA_BASE_URL = proxy.url;
  ({ handle } = (await import(pathToFileURL(file).href)) as { handle: typeof handle });
});
afterAll(async () => {
  process.env.DEEPINFRA_API_KEY = saved.key;
  process.env.DEEPINFRA_BASE_URL = saved.base;
  await proxy?.close();
});

const say = (chatId: string, text: string, signal?: AbortSignal) =>
  handle(new Request(`http://local/api/chats/${chatId}/messages`, { method: "POST", body: JSON.stringify({ message: { id: "m", role: "user", parts: [{ type: "text", text }] } }), signal }));
const stream = (chatId: string, lastEventId?: string) => handle(new Request(`http://local/api/chats/${chatId}/stream`, { headers: lastEventId ? { "last-event-id": lastEventId } : {} }));

describe("the in-memory recipe (docs/durable-chats.md)", () => {
  it("finishes a turn the reader left, resumes it, and sends the history next turn", async () => {
    const testId = newTestId();
    proxy.tag(testId, slowAnswer(30, 20));
    const leave = new AbortController();
    const seen = await readThenLeave(await say("r", "Count"), 3, leave);
    expect((await waitClosed(testId, 10_000)).finished).toBe(true);
    const whole = idEvents(await (await stream("r")).text());
    expect(textOf(whole)).toBe(wordsOf(30));
    expect(whole.slice(0, 3)).toEqual(seen);
    const tail = idEvents(await (await stream("r", seen.at(-1)!.id)).text());
    expect([...seen, ...tail]).toEqual(whole);
    const next = newTestId();
    proxy.tag(next, slowAnswer(2, 5));
    await (await say("r", "Again")).text();
    expect(((await recordedRequests(next))[0]!.json as { messages: unknown[] }).messages).toEqual([
      { role: "user", content: "Count" },
      { role: "assistant", content: wordsOf(30) },
      { role: "user", content: "Again" },
    ]);
    const forged = await handle(new Request("http://local/api/chats/f/messages", { method: "POST", body: JSON.stringify({ message: { role: "assistant", parts: [] } }) }));
    expect(forged.status).toBe(400);
  });

  it("stops: the upstream connection closes", async () => {
    const testId = newTestId();
    proxy.tag(testId, slowAnswer(100, 40));
    const leave = new AbortController();
    await readThenLeave(await say("s", "Long"), 3, leave);
    const stopped = await handle(new Request("http://local/api/chats/s/stop", { method: "POST" }));
    expect(await stopped.json()).toEqual({ stopped: true });
    const upstream = await waitClosed(testId, 5_000);
    expect(upstream.clientClosed).toBe(true);
    expect(upstream.finished).toBe(false);
  });
});
