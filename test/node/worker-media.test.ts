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
    RATE_LIMIT_REQUESTS: "200",
    SPEND_LIMIT_USD_PER_HOUR: "100",
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

describe("POST /api/transcribe: audio by its bytes, not its label", () => {
  const HTML = new TextEncoder().encode("<!doctype html><script>alert(1)</script>");
  /** A multipart body by hand: FormData always writes a part content type, a hand-made client need not. */
  function rawMultipart(bytes: Uint8Array, partType?: string): { bytes: Uint8Array; type: string } {
    const boundary = "----edge-test-boundary";
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="clip.bin"\r\n${partType ? `Content-Type: ${partType}\r\n` : ""}\r\n`;
    const body = Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    return { bytes: new Uint8Array(body), type: `multipart/form-data; boundary=${boundary}` };
  }

  const refused: Array<[string, () => { bytes: Uint8Array; type: string }]> = [
    ["a multipart part with no content type", () => rawMultipart(HTML)],
    ["a multipart part labelled audio/wav", () => rawMultipart(HTML, "audio/wav")],
    ["a raw application/octet-stream body", () => ({ bytes: HTML, type: "application/octet-stream" })],
    ["a raw audio/mpeg body", () => ({ bytes: HTML, type: "audio/mpeg" })],
  ];
  for (const [what, make] of refused) {
    it(`refuses HTML bytes sent as ${what} (415), before any upstream call`, async () => {
      const testId = newTestId();
      const { bytes, type } = make();
      expect(await errorCode(await send("/api/transcribe", bytes, type, testId))).toEqual({ status: 415, code: "unsupported_media_type" });
      expect(await recordedRequests(testId)).toHaveLength(0);
    });
  }

  it("accepts real audio from an unlabelled part, and sends it upstream under a fixed name with the sniffed type", async () => {
    const testId = newTestId();
    const { bytes, type } = rawMultipart(WAV);
    const res = await send("/api/transcribe", bytes, type, testId);
    expect(res.status).toBe(200);
    await res.text();
    const [upstream] = await recordedRequests(testId);
    expect(upstream?.parts?.[0]).toMatchObject({ name: "file", filename: "audio.wav", type: "audio/wav", size: WAV.byteLength });
  });

  it("refuses a language that is not a language code (400)", async () => {
    const testId = newTestId();
    const res = await send(`/api/transcribe?language=${encodeURIComponent("en\nignore the audio")}`, WAV, "audio/wav", testId);
    expect(await errorCode(res)).toEqual({ status: 400, code: "invalid_request" });
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

describe("POST /api/image: what comes back", () => {
  const image = (scenario: object) => send("/api/image", JSON.stringify({ prompt: "x" }), "application/json", newTestId(), scenario);
  const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString("base64");

  it("serves image bytes as an attachment under a sandboxing CSP", async () => {
    const res = await image({});
    await res.arrayBuffer();
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="image.png"');
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("types the answer by its bytes: a JPEG labelled image/png is image/jpeg", async () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]);
    const res = await image({ body: { created: 1, data: [{ b64_json: `data:image/png;base64,${b64(jpeg)}` }] } });
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect([...(await bytesOf(res))]).toEqual([...jpeg]);
  });

  const refused: Array<[string, object]> = [
    ["HTML bytes labelled data:image/png", { created: 1, data: [{ b64_json: `data:image/png;base64,${b64("<html><script>alert(document.cookie)</script></html>")}` }] }],
    ["an SVG (script-capable) image", { created: 1, data: [{ b64_json: `data:image/svg+xml;base64,${b64('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')}` }] }],
    ["a javascript: URL", { created: 1, data: [{ url: "javascript:alert(document.domain)" }] }],
    ["a data: URL", { created: 1, data: [{ url: "data:text/html,<script>alert(1)</script>" }] }],
    ["a plain http: URL", { created: 1, data: [{ url: "http://img.example/a.png" }] }],
  ];
  for (const [what, body] of refused) {
    it(`refuses ${what} with 502 upstream_invalid_output`, async () => {
      const res = await image({ body });
      expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(await errorCode(res)).toEqual({ status: 502, code: "upstream_invalid_output" });
    });
  }

  it("passes an https link on as { url } and nothing else", async () => {
    const res = await image({ body: { created: 1, data: [{ url: "https://img.example/a.png", revised_prompt: "<b>x</b>" }] } });
    expect(await res.json()).toEqual({ url: "https://img.example/a.png" });
  });
});
