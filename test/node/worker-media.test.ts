// The example Worker's media routes (examples/worker/media-routes.ts) in real workerd: upload caps,
// field allow-lists, what goes upstream, and what comes back.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { newTestId, recordedRequests } from "../helpers.js";
import { FAKE_KEY, bundleWorker, bytesOf, startTaggingProxy, startWorker, type TaggingProxy, type WorkerHandle } from "./worker-harness.js";

const MAX_UPLOAD = 2048;
const WAV = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x41, 0x56, 0x45, 0x66, 0x6d, 0x74, 0x20, 0xff, 0x80]);
const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let proxy: TaggingProxy;
let worker: WorkerHandle;
const seen: string[] = [];

beforeAll(async () => {
  proxy = await startTaggingProxy(`http://127.0.0.1:${inject("upstreamPort")}`);
  worker = await startWorker(await bundleWorker(), {
    DEEPINFRA_API_KEY: FAKE_KEY,
    DEEPINFRA_BASE_URL: proxy.url,
    RATE_LIMIT_REQUESTS: "100",
    MAX_UPLOAD_BYTES: String(MAX_UPLOAD),
    MAX_MESSAGE_CHARS: "100",
    IMAGE_SIZES: "256x256,512x512",
  });
});
afterAll(async () => {
  await worker?.close();
  await proxy?.close();
});

let ip = 0;
async function send(pathname: string, body: Uint8Array | string, type: string, testId: string, scenario?: object): Promise<Response> {
  proxy.tag(testId, scenario);
  const res = await worker.fetch(pathname, {
    method: "POST",
    headers: { "content-type": type, "cf-connecting-ip": `198.51.100.${++ip}` },
    // A stream: no Content-Length, so the caps must count bytes as they arrive.
    body: typeof body === "string" ? body : new Blob([body as BlobPart]).stream(),
  });
  return res;
}

async function multipart(fields: Record<string, string | Blob>): Promise<{ bytes: Uint8Array; type: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === "string") form.append(name, value);
    else form.append(name, value, "clip.wav");
  }
  const request = new Request("http://local/", { method: "POST", body: form });
  return { bytes: new Uint8Array(await request.arrayBuffer()), type: request.headers.get("content-type")! };
}

async function errorCode(res: Response): Promise<{ status: number; code: string }> {
  const text = await res.text();
  seen.push(text);
  return { status: res.status, code: (JSON.parse(text) as { error: { code: string } }).error.code };
}

describe("POST /api/transcribe", () => {
  it("forwards a multipart upload's file and language to the transcription model and answers { text }", async () => {
    const testId = newTestId();
    const { bytes, type } = await multipart({ file: new Blob([WAV], { type: "audio/wav" }), language: "en" });
    const res = await send("/api/transcribe", bytes, type, testId);
    const text = await res.text();
    seen.push(text);
    expect(res.status, text).toBe(200);
    expect(JSON.parse(text)).toEqual({ text: "Hello from the edge. Café au lait, s'il vous plaît." });
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const [upstream] = await recordedRequests(testId);
    expect(upstream?.path).toBe("/v1/openai/audio/transcriptions");
    expect(upstream?.parts?.map((p) => [p.name, p.name === "file" ? p.size : p.value])).toEqual([
      ["file", WAV.byteLength],
      ["model", "openai/whisper-large-v3"],
      ["language", "en"],
      ["response_format", "json"],
    ]);
    expect(upstream?.parts?.[0]?.value).toBe(Buffer.from(WAV).toString("base64"));
  });

  it("accepts a raw audio body with ?language=", async () => {
    const testId = newTestId();
    const res = await send("/api/transcribe?language=fr", WAV, "audio/wav", testId);
    expect(res.status).toBe(200);
    const [upstream] = await recordedRequests(testId);
    expect(upstream?.parts?.find((p) => p.name === "language")?.value).toBe("fr");
    expect(upstream?.parts?.[0]?.type).toBe("audio/wav");
  });

  it("refuses uploads over MAX_UPLOAD_BYTES (413), raw or multipart, before any upstream call", async () => {
    const big = new Uint8Array(MAX_UPLOAD + 1).fill(7);
    const rawId = newTestId();
    expect(await errorCode(await send("/api/transcribe", big, "audio/wav", rawId))).toEqual({ status: 413, code: "upload_too_large" });
    const formId = newTestId();
    const { bytes, type } = await multipart({ file: new Blob([big], { type: "audio/wav" }) });
    expect(await errorCode(await send("/api/transcribe", bytes, type, formId))).toEqual({ status: 413, code: "upload_too_large" });
    expect(await recordedRequests(rawId)).toHaveLength(0);
    expect(await recordedRequests(formId)).toHaveLength(0);
  });

  it("refuses other fields, non-audio files, empty files and other content types", async () => {
    const testId = newTestId();
    const extra = await multipart({ file: new Blob([WAV], { type: "audio/wav" }), model: "acme/expensive" });
    expect(await errorCode(await send("/api/transcribe", extra.bytes, extra.type, testId))).toEqual({ status: 400, code: "field_not_allowed" });
    const html = await multipart({ file: new Blob(["<html>"], { type: "text/html" }) });
    expect(await errorCode(await send("/api/transcribe", html.bytes, html.type, testId))).toEqual({ status: 415, code: "unsupported_media_type" });
    const empty = await multipart({ file: new Blob([], { type: "audio/wav" }) });
    expect(await errorCode(await send("/api/transcribe", empty.bytes, empty.type, testId))).toEqual({ status: 400, code: "invalid_request" });
    expect(await errorCode(await send("/api/transcribe", "{}", "application/json", testId))).toEqual({ status: 415, code: "unsupported_media_type" });
    expect(await recordedRequests(testId)).toHaveLength(0);
  });
});

describe("POST /api/image", () => {
  it("generates with the default size and answers the image bytes as image/png", async () => {
    const testId = newTestId();
    const res = await send("/api/image", JSON.stringify({ prompt: "a red lighthouse" }), "application/json", testId);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    const bytes = await bytesOf(res);
    expect(bytes.byteLength).toBe(70);
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_HEAD);
    const [upstream] = await recordedRequests(testId);
    expect(upstream?.path).toBe("/v1/openai/images/generations");
    expect(upstream?.json).toEqual({ model: "black-forest-labs/FLUX-1-schnell", prompt: "a red lighthouse", size: "256x256", n: 1, response_format: "b64_json" });
  });

  it("refuses sizes, fields and prompts outside the knobs with 400, before any upstream call", async () => {
    const testId = newTestId();
    const post = (body: object) => send("/api/image", JSON.stringify(body), "application/json", testId);
    expect(await errorCode(await post({ prompt: "x", size: "4096x4096" }))).toEqual({ status: 400, code: "size_not_allowed" });
    expect(await errorCode(await post({ prompt: "x", n: 4 }))).toEqual({ status: 400, code: "field_not_allowed" });
    expect(await errorCode(await post({ prompt: "x".repeat(101) }))).toEqual({ status: 400, code: "prompt_too_long" });
    expect(await errorCode(await post({ prompt: "" }))).toEqual({ status: 400, code: "invalid_request" });
    expect(await recordedRequests(testId)).toHaveLength(0);
  });

  it("maps an upstream refusal to 502 upstream_error, without the key even when it is echoed", async () => {
    const refused = await send("/api/image", JSON.stringify({ prompt: "x" }), "application/json", newTestId(), { status: 400, body: { error: { message: "nsfw prompt" } } });
    expect(await errorCode(refused)).toEqual({ status: 502, code: "upstream_error" });
    const echoed = await send("/api/image", JSON.stringify({ prompt: "x" }), "application/json", newTestId(), { echoAuth: true, status: 400 });
    expect((await errorCode(echoed)).status).toBe(502);
    expect(seen.join("\n")).not.toContain(FAKE_KEY);
  });
});
