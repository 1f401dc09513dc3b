// POST /api/transcribe and POST /api/image: the example Worker's media routes. The router applies
// the host and origin checks and the rate limit first; these handlers add upload caps, field
// allow-lists, the spend reservation, and allow-lists on what comes back.
import type { Env } from "./config.js";
import { readCappedBytes, readJSONBody } from "./hardening.js";
import { HttpError } from "./http-error.js";
import type { RouteContext } from "./routes.js";
import { sniffAudio, sniffImage } from "./sniff.js";

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
/** An ISO 639 code with an optional region (`en`, `pt-BR`): the only text a browser sends upstream here. */
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/;
// Image bytes are served from the Worker's own origin: never rendered as a document there.
const BINARY_HEADERS = { "content-security-policy": "default-src 'none'; sandbox", "x-content-type-options": "nosniff" };

/** True for the paths this module serves. */
export function isMediaRoute(pathname: string): boolean {
  return MEDIA_PATHS.has(pathname);
}

/**
 * Serves a media route after the router's checks.
 * @throws HttpError for refused input or unusable output; the SDK's errors for upstream failures (the router renders both).
 */
export function handleMediaRoute(pathname: string, route: RouteContext): Promise<Response> {
  return pathname === "/api/transcribe" ? transcribe(route) : image(route);
}

/**
 * Audio as multipart (`file`, optional `language`) or as a raw `audio/*` or `application/octet-stream`
 * body (`?language=`). Only bytes that are audio by their magic numbers go upstream, whatever the
 * label said; answers `{ text }` and nothing else.
 */
async function transcribe(route: RouteContext): Promise<Response> {
  const { request } = route;
  const env = route.env as MediaEnv;
  const limit = positiveInt("MAX_UPLOAD_BYTES", env.MAX_UPLOAD_BYTES, 5 * 1024 * 1024);
  const type = request.headers.get("content-type") ?? "";
  let bytes: Uint8Array;
  let language: string | null = new URL(request.url).searchParams.get("language");
  if (/^multipart\/form-data/i.test(type)) {
    const body = await readCappedBytes(request, limit + MULTIPART_OVERHEAD, () => tooLarge(limit));
    let form: FormData;
    try {
      form = await new Response(body, { headers: { "content-type": type } }).formData();
    } catch {
      throw new HttpError(400, "invalid_multipart", "The multipart body could not be parsed.");
    }
    for (const key of form.keys()) {
      if (key !== "file" && key !== "language") throw new HttpError(400, "field_not_allowed", "A field is not accepted by this endpoint (allowed: file, language).", {}, `field ${key}`);
    }
    const part = form.get("file");
    if (part === null || typeof part === "string") throw new HttpError(400, "invalid_request", "file must be an uploaded audio file.");
    const lang = form.get("language");
    if (lang !== null && typeof lang !== "string") throw new HttpError(400, "invalid_request", "language must be text.");
    language = lang ?? language;
    if (part.size > limit) throw tooLarge(limit);
    bytes = new Uint8Array(await part.arrayBuffer());
  } else if (/^(audio\/|application\/octet-stream)/i.test(type)) {
    bytes = await readCappedBytes(request, limit, () => tooLarge(limit));
  } else {
    throw new HttpError(415, "unsupported_media_type", "Send audio as multipart/form-data (field `file`) or as an audio/* body.");
  }
  if (bytes.byteLength === 0) throw new HttpError(400, "invalid_request", "file is empty.");
  const audio = sniffAudio(bytes);
  if (!audio) throw new HttpError(415, "unsupported_media_type", "file must be audio (WAV, MP3, AAC, Ogg, FLAC, WebM, MP4/M4A or AIFF); its bytes are none of these.");
  if (language !== null && !LANGUAGE.test(language)) throw new HttpError(400, "invalid_request", "language must be a language code such as en or pt-BR.");
  const model = env.TRANSCRIBE_MODEL || "openai/whisper-large-v3";
  // A fixed name and the sniffed type: nothing the browser labelled travels upstream.
  const file = new File([bytes as Uint8Array<ArrayBuffer>], `audio.${audio.extension}`, { type: audio.type });
  // Billed per audio minute: reserve the longest the upload can play (at 6 kbit/s, the lowest bitrate the
  // containers above use), so a long low-bitrate file cannot cost more than was booked.
  const minutes = Math.max(1, Math.ceil((bytes.byteLength * 8) / 6_000 / 60));
  await route.reserve(minutes * route.config.spend.usdPerAudioMinute);
  const result = await route.client().audio.transcriptions.create({ model, file, ...(language ? { language } : {}), response_format: "json" }, { signal: route.signal });
  if (typeof result.text !== "string") throw new HttpError(502, "upstream_invalid_output", "DeepInfra answered without a transcript.");
  return Response.json({ text: result.text }, { headers: route.headers });
}

/** `{ prompt, size? }` → the image bytes (or `{ url }` when the model answers with an https link). */
async function image(route: RouteContext): Promise<Response> {
  const { request, config } = route;
  const env = route.env as MediaEnv;
  const body = await readJSONBody(request, config.maxBodyBytes);
  for (const key of Object.keys(body)) {
    if (key !== "prompt" && key !== "size") throw new HttpError(400, "field_not_allowed", "A field is not accepted by this endpoint (allowed: prompt, size).", {}, `field ${key}`);
  }
  const { prompt, size } = body;
  if (typeof prompt !== "string" || prompt.trim() === "") throw new HttpError(400, "invalid_request", "prompt must be a non-empty string.");
  if (prompt.length > config.maxMessageChars) throw new HttpError(400, "prompt_too_long", `prompt has ${prompt.length} characters; at most ${config.maxMessageChars} are allowed.`);
  const sizes = (env.IMAGE_SIZES || "512x512,1024x1024").split(",").map((s) => s.trim()).filter(Boolean);
  if (size !== undefined && (typeof size !== "string" || !sizes.includes(size))) {
    throw new HttpError(400, "size_not_allowed", `size must be one of ${sizes.join(", ")}.`, {}, `size ${JSON.stringify(size)}`);
  }
  const model = env.IMAGE_MODEL || "black-forest-labs/FLUX-1-schnell";
  await route.reserve(config.spend.usdPerMediaRequest);
  const { data } = await route.client().images.generate({ model, prompt, size: (size as string | undefined) ?? sizes[0], n: 1, response_format: "b64_json" }, { signal: route.signal });
  const first = data[0];
  if (first?.bytes) {
    // The label (a data: URL's type, the SDK's guess) is ignored: only bytes that are an image go out as one.
    const type = sniffImage(first.bytes);
    if (!type) throw new HttpError(502, "upstream_invalid_output", "DeepInfra's answer is not a PNG, JPEG, GIF or WebP image.");
    const extension = type.slice("image/".length);
    return new Response(first.bytes as Uint8Array<ArrayBuffer>, {
      headers: { ...route.headers, ...BINARY_HEADERS, "content-type": type, "content-disposition": `attachment; filename="image.${extension}"` },
    });
  }
  if (typeof first?.url === "string") {
    let url: URL | undefined;
    try {
      url = new URL(first.url);
    } catch {
      url = undefined;
    }
    // A javascript:, data: or http: link from upstream would be handed to the page as is.
    if (url?.protocol !== "https:") throw new HttpError(502, "upstream_invalid_output", "DeepInfra answered with an image link that is not https.");
    return Response.json({ url: url.href }, { headers: route.headers });
  }
  throw new HttpError(502, "upstream_invalid_output", "DeepInfra answered without an image.");
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
