/** Parameters of `images.generate` (OpenAI shape). Unknown extra fields are sent untouched. */
export interface ImageGenerateParams {
  /** A text-to-image model id, e.g. `black-forest-labs/FLUX-1-schnell`. */
  model: string;
  /** What to draw. */
  prompt: string;
  /** How many images (≥ 1). */
  n?: number | null;
  /** `WIDTHxHEIGHT`, e.g. `1024x1024`. */
  size?: string | null;
  /** `b64_json` (decoded for you into `bytes`) or `url`. */
  response_format?: "b64_json" | "url" | null;
  /** Provider-specific quality hint. */
  quality?: string | null;
  /** Provider-specific style hint. */
  style?: string | null;
  /** End-user id for abuse monitoring. */
  user?: string | null;
  /** Any parameter DeepInfra adds later (e.g. `seed`, `negative_prompt`). */
  [extra: string]: unknown;
}

/** One generated image: `bytes` when the server sent base64, `url` when it sent a link. */
export interface GeneratedImage {
  /** The decoded image (from `b64_json`); the base64 string itself is not kept. */
  bytes?: Uint8Array<ArrayBuffer>;
  /** Media type sniffed from the bytes or taken from a data URL, e.g. `image/png`. */
  mimeType?: string;
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
