import { describe, expect, it } from "vitest";
import { APIError, APIUserAbortError, BadRequestError, DeepInfraError, ValidationError } from "../../src/index.js";
import { recordedRequests, waitClosed } from "../helpers.js";
import { FAKE_KEY, everythingIn, rejection, testClient } from "../setup-client.js";

const MODEL = "black-forest-labs/FLUX-1-schnell";
// The fixture's 1×1 PNG, byte for byte.
const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_LENGTH = 70;

describe("images.generate", () => {
  it("posts OpenAI-shaped params to /v1/openai/images/generations and decodes b64_json to bytes", async () => {
    const { client, testId } = testClient();
    const result = await client.images.generate({ model: MODEL, prompt: "a red lighthouse", n: 1, size: "512x512", response_format: "b64_json", extra_body: { seed: 7 } });
    const [request] = await recordedRequests(testId);
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/v1/openai/images/generations");
    expect(request?.headers.authorization).toBe(`Bearer ${FAKE_KEY}`);
    // extra_body's fields are merged into the wire body.
    expect(request?.json).toEqual({ model: MODEL, prompt: "a red lighthouse", n: 1, size: "512x512", response_format: "b64_json", seed: 7 });
    expect(result.created).toBe(1718000600);
    const [image] = result.data;
    expect(image?.bytes).toBeInstanceOf(Uint8Array);
    expect(image?.bytes?.byteLength).toBe(PNG_LENGTH);
    expect([...(image?.bytes?.subarray(0, 8) ?? [])]).toEqual(PNG_HEAD);
    expect(image?.mimeType).toBe("image/png");
    expect(image?.revised_prompt).toBe("a red lighthouse at dusk");
    expect(image).not.toHaveProperty("b64_json");
  });

  it("passes a url answer through", async () => {
    const { client } = testClient();
    const result = await client.images.generate({ model: MODEL, prompt: "a lighthouse", response_format: "url" });
    expect(result.data).toEqual([{ url: "https://deepinfra-images.example/generated/7f3c2a.png" }]);
  });

  it("accepts the native shape: images as data URLs (and base64url)", async () => {
    const png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk-M9QDwADhgGAWjR9awAAAABJRU5ErkJggg";
    const { client } = testClient({ body: { images: [png], nsfw_content_detected: [false], request_id: "r9" } });
    const result = await client.images.generate({ model: MODEL, prompt: "x" });
    expect(result.data[0]?.bytes?.byteLength).toBe(PNG_LENGTH);
    expect(result.data[0]?.mimeType).toBe("image/png");
    expect(result.nsfw_content_detected).toEqual([false]);
    expect(result.created).toBe(0);
  });

  it("throws a typed error for a body without images or with broken base64", async () => {
    const empty = await rejection(testClient({ body: { created: 1 } }).client.images.generate({ model: MODEL, prompt: "x" }));
    expect(empty).toBeInstanceOf(APIError);
    expect(empty.message).toContain("no `data` array");
    const broken = await rejection(testClient({ body: { created: 1, data: [{ b64_json: "%%%not base64%%%" }] } }).client.images.generate({ model: MODEL, prompt: "x" }));
    expect(broken).toBeInstanceOf(DeepInfraError);
    expect(broken.message).toContain("invalid base64");
  });

  it("maps a 400 with an OpenAI-style body to BadRequestError", async () => {
    const { client } = testClient({ status: 400, body: { error: { message: "size 4096x4096 is not supported", type: "invalid_request_error" } } });
    const error = await rejection(client.images.generate({ model: MODEL, prompt: "x", size: "4096x4096" }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toMatch(/^400 size 4096x4096 is not supported/);
  });

  it("rejects bad params with ValidationError before any request", async () => {
    const { client, testId } = testClient();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ n: 0 }, "n"],
      [{ n: 5 }, "n"],
      [{ response_format: "png" }, "response_format"],
      [{ model: 3 }, "model"],
    ];
    for (const [override, field] of cases) {
      const error = await rejection(client.images.generate({ model: MODEL, prompt: "x", ...override } as never));
      expect(error, field).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]?.path, field).toEqual([field]);
      expect(error.message, field).toContain(field);
    }
    expect(await recordedRequests(testId)).toHaveLength(0);
  });

  it("a signal aborts the call while the body is still arriving", async () => {
    const { client, testId } = testClient({ stallAfterBytes: 40 });
    const controller = new AbortController();
    const pending = client.images.generate({ model: MODEL, prompt: "x" }, { signal: controller.signal, maxRetries: 0 });
    setTimeout(() => controller.abort(), 100);
    expect(await rejection(pending)).toBeInstanceOf(APIUserAbortError);
    expect((await waitClosed(testId)).clientClosed).toBe(true);
  });

  it("never puts the key in an error, even when the server echoes it", async () => {
    const error = await rejection(testClient({ echoAuth: true }).client.images.generate({ model: MODEL, prompt: "x" }));
    expect(everythingIn(error)).not.toContain(FAKE_KEY);
  });

  it("mimeType comes from the bytes only: HTML labelled data:image/png has none, the label stays apart", async () => {
    const html = btoa("<html><script>alert(1)</script></html>");
    const { client } = testClient({ body: { created: 1, data: [{ b64_json: `data:image/png;base64,${html}` }] } });
    const [image] = (await client.images.generate({ model: MODEL, prompt: "x" })).data;
    expect(image?.mimeType).toBeUndefined();
    expect(image?.declaredMimeType).toBe("image/png");
    expect(new TextDecoder().decode(image?.bytes)).toContain("<script>");
  });
});
