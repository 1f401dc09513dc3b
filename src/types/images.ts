/**
 * Parameters of `images.generate`, as DeepInfra's model OpenAIImagesGenerationsIn states them. A `null` or
 * `undefined` field means DeepInfra's default; fields this SDK does not know go in `extra_body`.
 */
export interface ImageGenerateParams {
  /** A text-to-image model id, e.g. `black-forest-labs/FLUX-1-schnell`. */
  model: string;
  /** What to draw. */
  prompt: string;
  /** How many images, 1…4. */
  n?: number | null;
  /** `WIDTHxHEIGHT` (default `1024x1024`); the sizes on offer depend on the model. */
  size?: string | null;
  /** `b64_json` (decoded for you into `bytes`) or `url`. */
  response_format?: "b64_json" | "url" | null;
  /** Provider-specific quality hint. */
  quality?: string | null;
  /** Provider-specific style hint. */
  style?: string | null;
  /** End-user id for abuse monitoring. */
  user?: string | null;
  /** Fields this SDK does not know yet (e.g. `seed`, `negative_prompt`), merged into the request body as given. */
  extra_body?: Record<string, unknown> | null;
}

/** One generated image: `bytes` when the server sent base64, `url` when it sent a link. */
export interface GeneratedImage {
  /** The decoded image (from `b64_json`); the base64 string itself is not kept. */
  bytes?: Uint8Array<ArrayBuffer>;
  /**
   * Media type sniffed from the bytes (PNG, JPEG, GIF, WebP), e.g. `image/png`; absent when the bytes are none of
   * those, so it is safe to serve as `content-type`.
   */
  mimeType?: string;
  /** The type a `data:` URL claimed, whatever the bytes are (never serve it as `content-type` unchecked). */
  declaredMimeType?: string;
  /** The image's URL, passed through as sent. */
  url?: string;
  revised_prompt?: string;
  [extra: string]: unknown;
}

/** The response of `images.generate`. */
export interface ImagesResponse {
  created: number;
  data: GeneratedImage[];
  [extra: string]: unknown;
}
