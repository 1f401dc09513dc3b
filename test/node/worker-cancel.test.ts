// A browser that leaves before DeepInfra's headers arrive must not leave the upstream call running.
// Two ways the Worker learns of it, both in real workerd through Miniflare:
// - the runtime reports it (request.signal): Cloudflare's edge cancels the request into the Worker,
//   which a front Worker calling the example through a service binding reproduces here;
// - a write to the client fails: local workerd reports no disconnect before a response starts, so
//   /api/chat starts its answer with SSE comments after HEARTBEAT_MS and notices at the next one.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { newTestId, waitClosed } from "../helpers.js";
import { FAKE_KEY, HELLO, bundleWorker, startTaggingProxy, startWorker, type TaggingProxy, type WorkerHandle } from "./worker-harness.js";

/** Far longer than any test waits: an upstream call that is not cancelled is still waiting when the test looks. */
const SLOW_HEADERS = { headersDelayMs: 15_000 };
const WAV = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x41, 0x56, 0x45, 0x66, 0x6d, 0x74, 0x20]);

let proxy: TaggingProxy;
let script: string;
let edge: WorkerHandle;
let local: WorkerHandle;

beforeAll(async () => {
  proxy = await startTaggingProxy(`http://127.0.0.1:${inject("upstreamPort")}`);
  script = await bundleWorker();
  const vars = { DEEPINFRA_API_KEY: FAKE_KEY, DEEPINFRA_BASE_URL: proxy.url, RATE_LIMIT_REQUESTS: "100" };
  [edge, local] = await Promise.all([
    // No heartbeat within the test: only request.signal can cancel here.
    startWorker(script, { ...vars, HEARTBEAT_MS: "60000" }, { edge: true }),
    startWorker(script, { ...vars, HEARTBEAT_MS: "100" }),
  ]);
});
afterAll(async () => {
  await Promise.all([edge?.close(), local?.close()]);
  await proxy?.close();
});

const ROUTES: Array<[string, string, Uint8Array | string]> = [
  ["/api/chat", "application/json", JSON.stringify(HELLO)],
  ["/api/embeddings", "application/json", JSON.stringify({ input: "x" })],
  ["/api/image", "application/json", JSON.stringify({ prompt: "x" })],
  ["/api/transcribe", "audio/wav", WAV],
];

describe("when the runtime reports the disconnect (request.signal, as on Cloudflare)", () => {
  for (const [pathname, type, body] of ROUTES) {
    it(`${pathname} closes its upstream call before the upstream's headers`, async () => {
      const testId = newTestId();
      proxy.tag(testId, SLOW_HEADERS);
      // The front Worker cancels its call 300 ms in: the example Worker's request.signal fires.
      const res = await edge.fetch(pathname, { method: "POST", headers: { "content-type": type, "x-edge-abort-after-ms": "300" }, body });
      expect(await res.text()).toBe("edge: AbortError");
      const closed = await waitClosed(testId, 8000);
      expect(closed.clientClosed).toBe(true);
      expect(closed.finished).toBe(false);
    });
  }
});

describe("when it does not (local workerd over a socket)", () => {
  it("/api/chat answers with SSE comments while it waits, so a browser that leaves cancels the upstream call", async () => {
    const testId = newTestId();
    proxy.tag(testId, SLOW_HEADERS);
    const controller = new AbortController();
    // Gone after a second whatever happens, so a Worker that holds its headers fails the checks below instead of hanging.
    const leave = setTimeout(() => controller.abort(), 1000);
    let first = "";
    try {
      const res = await local.fetch("/api/chat", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(HELLO), signal: controller.signal });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
      const { value } = await res.body!.getReader().read();
      first = new TextDecoder().decode(value);
    } catch {
      // the abort above
    } finally {
      controller.abort();
      clearTimeout(leave);
    }
    expect(first).toBe(": waiting for the model\n\n");
    const closed = await waitClosed(testId, 8000);
    expect(closed.clientClosed).toBe(true);
    expect(closed.finished).toBe(false);
  });

  it("/api/chat that committed early still relays the answer, and a later failure as the usual error object in event: error", async () => {
    const post = async () => (await local.fetch("/api/chat", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(HELLO) })).text();
    const comments = /^(: waiting for the model\n\n)+/;
    proxy.tag(newTestId());
    const fast = await post();
    proxy.tag(newTestId(), { headersDelayMs: 350 });
    const late = await post();
    // Comments first, then the very bytes of the upstream's stream.
    expect(comments.test(late)).toBe(true);
    expect(late.replace(comments, "")).toBe(fast.replace(comments, ""));
    expect(late.endsWith("data: [DONE]\n\n")).toBe(true);

    proxy.tag(newTestId(), { headersDelayMs: 350, fixture: "errors/400.json" });
    const failed = await post();
    const match = /event: error\ndata: (.+)\n\n$/.exec(failed);
    expect(match).not.toBeNull();
    const { error } = JSON.parse(match![1]!) as { error: Record<string, unknown> };
    expect([error.code, error.status, error.upstream_status]).toEqual(["upstream_error", 502, 400]);
  });
});
