import { decodeBase64, sniffMimeType } from "../binary.js";
import { apiErrorFor, readJSON } from "../response.js";
import { validateImageParams } from "../schema/media.js";
import type { GeneratedImage, ImageGenerateParams, ImagesResponse } from "../types/images.js";
import type { OpenResponse, RequestOptions } from "../types/request.js";
import { wireBody, type ResourceContext } from "./context.js";

/** `client.images`: text-to-image at `/v1/openai/images/generations` (OpenAI shape). */
export class Images {
  constructor(protected readonly context: ResourceContext) {}

  /**
   * Generates images from a prompt. Base64 answers are decoded into `bytes` (a `Uint8Array`, no
   * `Buffer` needed); URL answers keep their `url`.
   * @throws ValidationError for bad parameters; APIError subclasses for refusals, or when the body has no images.
   * @example
   * const { data } = await client.images.generate({ model: "black-forest-labs/FLUX-1-schnell", prompt: "a lighthouse" });
   * if (data[0]?.bytes && data[0].mimeType) return new Response(data[0].bytes, { headers: { "content-type": data[0].mimeType } });
   */
  async generate(params: ImageGenerateParams, options?: RequestOptions): Promise<ImagesResponse> {
    if (options?.validate ?? this.context.validate) validateImageParams(params);
    return this.context.transport({ method: "POST", path: "/v1/openai/images/generations", body: wireBody(params, {}) }, options, decodeImages);
  }
}

async function decodeImages(open: OpenResponse): Promise<ImagesResponse> {
  const raw = await readJSON<{ created?: number; data?: unknown; images?: unknown; [extra: string]: unknown }>(open);
  // OpenAI's `data: [{b64_json|url}]`; DeepInfra's native image models answer `images: ["data:…"]`, accepted too.
  const items = Array.isArray(raw?.data) ? raw.data : Array.isArray(raw?.images) ? raw.images.map((image) => ({ b64_json: image })) : undefined;
  if (!items) throw apiErrorFor(open, raw, "images.generate: the response has no `data` array of images.");
  const { data: _data, images: _images, ...extra } = raw;
  return { ...extra, created: typeof raw.created === "number" ? raw.created : 0, data: items.map(toImage) };
}

function toImage(item: unknown): GeneratedImage {
  if (typeof item !== "object" || item === null) return {};
  const { b64_json, ...rest } = item as { b64_json?: unknown; [extra: string]: unknown };
  if (typeof b64_json !== "string" || b64_json === "") return rest;
  const { bytes, mimeType: declared } = decodeBase64(b64_json);
  // Only the bytes decide mimeType: HTML labelled data:image/png must not be served as an image.
  const sniffed = sniffMimeType(bytes);
  const type = sniffed?.startsWith("image/") ? sniffed : undefined;
  return { ...rest, bytes, ...(type ? { mimeType: type } : {}), ...(declared ? { declaredMimeType: declared } : {}) };
}
