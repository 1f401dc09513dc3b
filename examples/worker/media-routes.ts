// POST /api/transcribe and POST /api/image: the example Worker's media routes. The router applies
// the origin check and the rate limit first; these handlers add upload caps and field allow-lists.
import type { DeepInfra } from "deepinfra-edge";
import type { Config, Env } from "./config.js";
import { readCappedBytes, readJSONBody } from "./hardening.js";
import { HttpError } from "./http-error.js";

/** The media knobs, `[vars]` strings like the others; all optional. */
export interface MediaEnv extends Env {
  /** Speech-to-text model (default `openai/whisper-large-v3`). */
  TRANSCRIBE_MODEL?: string;
  /** Text-to-image model (default `black-forest-labs/FLUX-1-schnell`). */
  IMAGE_MODEL?: string;
  /** Largest accepted audio upload in bytes (default 5 MiB). */
  MAX_UPLOAD_BYTES?: string;
  /** Comma-separated image sizes a browser may ask for; the first is the default. */
  IMAGE_SIZES?: string;
}

const MEDIA_PATHS = new Set(["/api/transcribe", "/api/image"]);
/** Room for the multipart boundaries and part headers around the file itself. */
const MULTIPART_OVERHEAD = 16 * 1024;
// Served from the Worker's own origin, so only real image types go out as such (never HTML or SVG).
const IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/webp", "image/gif"]);

/** True for the paths this module serves. */
export function isMediaRoute(pathname: string): boolean {
  return MEDIA_PATHS.has(pathname);
}

/**
 * Serves a media route after the router's origin check and rate limit.
 * @throws HttpError for refused input; the SDK's errors for upstream failures (the router renders both).
 */
export function handleMediaRoute(pathname: string, request: Request, env: MediaEnv, config: Config, client: DeepInfra, headers: Record<string, string>): Promise<Response> {
  return pathname === "/api/transcribe" ? transcribe(request, env, client, headers) : image(request, env, config, client, headers);
}

/** Audio as multipart (`file`, optional `language`) or as a raw `audio/*` body (`?language=`); answers `{ text }`. */
async function transcribe(request: Request, env: MediaEnv, client: DeepInfra, headers: Record<string, string>): Promise<Response> {
  const limit = positiveInt("MAX_UPLOAD_BYTES", env.MAX_UPLOAD_BYTES, 5 * 1024 * 1024);
  const type = request.headers.get("content-type") ?? "";
  let file: Blob;
  let language: string | undefined = new URL(request.url).searchParams.get("language") ?? undefined;
  if (/^multipart\/form-data/i.test(type)) {
    const bytes = await readCappedBytes(request, limit + MULTIPART_OVERHEAD, () => tooLarge(limit));
    let form: FormData;
    try {
      form = await new Response(bytes, { headers: { "content-type": type } }).formData();
    } catch {
      throw new HttpError(400, "invalid_multipart", "The multipart body could not be parsed.");
    }
    for (const key of form.keys()) {
      if (key !== "file" && key !== "language") throw new HttpError(400, "field_not_allowed", `Field ${key} is not accepted by this endpoint (allowed: file, language).`);
    }
    const part = form.get("file");
    if (part === null || typeof part === "string") throw new HttpError(400, "invalid_request", "file must be an uploaded audio file.");
    const lang = form.get("language");
    if (lang !== null && typeof lang !== "string") throw new HttpError(400, "invalid_request", "language must be text.");
    language = lang ?? language;
    file = part;
  } else if (/^(audio\/|application\/octet-stream)/i.test(type)) {
    file = new Blob([await readCappedBytes(request, limit, () => tooLarge(limit))], { type: type.split(";")[0] });
  } else {
    throw new HttpError(415, "unsupported_media_type", "Send audio as multipart/form-data (field `file`) or as an audio/* body.");
  }
  if (file.size === 0) throw new HttpError(400, "invalid_request", "file is empty.");
  if (file.size > limit) throw tooLarge(limit);
  if (file.type && !/^(audio\/|video\/webm|application\/octet-stream)/i.test(file.type)) {
    throw new HttpError(415, "unsupported_media_type", `file must be audio (was ${file.type}).`);
  }
  const model = env.TRANSCRIBE_MODEL || "openai/whisper-large-v3";
  const result = await client.audio.transcriptions.create({ model, file, ...(language ? { language } : {}), response_format: "json" }, { signal: request.signal });
  return Response.json({ text: result.text }, { headers });
}

/** `{ prompt, size? }` → the image bytes (or `{ url }` when the model answers with a link). */
async function image(request: Request, env: MediaEnv, config: Config, client: DeepInfra, headers: Record<string, string>): Promise<Response> {
  const body = await readJSONBody(request, config.maxBodyBytes);
  for (const key of Object.keys(body)) {
    if (key !== "prompt" && key !== "size") throw new HttpError(400, "field_not_allowed", `Field ${key} is not accepted by this endpoint (allowed: prompt, size).`);
  }
  const { prompt, size } = body;
  if (typeof prompt !== "string" || prompt.trim() === "") throw new HttpError(400, "invalid_request", "prompt must be a non-empty string.");
  if (prompt.length > config.maxMessageChars) throw new HttpError(400, "prompt_too_long", `prompt has ${prompt.length} characters; at most ${config.maxMessageChars} are allowed.`);
  const sizes = (env.IMAGE_SIZES || "512x512,1024x1024").split(",").map((s) => s.trim()).filter(Boolean);
  if (size !== undefined && (typeof size !== "string" || !sizes.includes(size))) {
    throw new HttpError(400, "size_not_allowed", `size must be one of ${sizes.join(", ")} (was ${JSON.stringify(size)}).`);
  }
  const model = env.IMAGE_MODEL || "black-forest-labs/FLUX-1-schnell";
  const { data } = await client.images.generate({ model, prompt, size: (size as string | undefined) ?? sizes[0], n: 1, response_format: "b64_json" }, { signal: request.signal });
  const first = data[0];
  if (first?.bytes) {
    const type = first.mimeType && IMAGE_TYPES.has(first.mimeType) ? first.mimeType : "application/octet-stream";
    return new Response(first.bytes, { headers: { ...headers, "content-type": type } });
  }
  if (first?.url) return Response.json({ url: first.url }, { headers });
  throw new HttpError(502, "upstream_error", "DeepInfra answered without an image.");
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, "upload_too_large", `The upload is larger than ${limit} bytes.`);
}

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`wrangler.toml var ${name} must be a positive integer (was ${JSON.stringify(raw)})`);
  return value;
}
