import { decodeBase64, sniffMimeType } from "../binary.js";
import { bodyStream } from "../body-reader.js";
import { apiErrorFor, readJSON } from "../response.js";
import { validateSpeechParams, validateTranscriptionParams } from "../schema/media.js";
import type { SpeechCreateParams, Transcription, TranscriptionCreateParams } from "../types/audio.js";
import type { OpenResponse, RequestOptions } from "../types/request.js";
import { buildTranscriptionForm } from "./audio-form.js";
import { wireBody, withAccept, type ResourceContext } from "./context.js";

type TextFormat = "text" | "srt" | "vtt";
const TEXT_FORMATS: ReadonlySet<string> = new Set(["text", "srt", "vtt"]);

/** `client.audio.transcriptions`: speech-to-text at `/v1/openai/audio/transcriptions` (multipart). */
export class Transcriptions {
  constructor(protected readonly context: ResourceContext) {}

  /**
   * Transcribes audio. The file is sent as multipart `FormData` built with web APIs; a
   * `ReadableStream` is buffered first (a multipart part needs its size, and a retry needs the bytes).
   * `text`, `srt` and `vtt` formats resolve to a string, `json` and `verbose_json` to a `Transcription`.
   * @throws ValidationError for bad parameters; APIError subclasses for refusals.
   * @example
   * const { text } = await client.audio.transcriptions.create({ model: "openai/whisper-large-v3", file: await request.blob() });
   */
  create(params: TranscriptionCreateParams & { response_format: TextFormat }, options?: RequestOptions): Promise<string>;
  create(params: TranscriptionCreateParams & { response_format?: "json" | "verbose_json" | null }, options?: RequestOptions): Promise<Transcription>;
  create(params: TranscriptionCreateParams, options?: RequestOptions): Promise<Transcription | string>;
  async create(params: TranscriptionCreateParams, options?: RequestOptions): Promise<Transcription | string> {
    if (options?.validate ?? this.context.validate) validateTranscriptionParams(params);
    const form = await buildTranscriptionForm(params);
    const wantsText = TEXT_FORMATS.has(params.response_format ?? "json");
    const spec = { method: "POST", path: "/v1/openai/audio/transcriptions", body: form } as const;
    return this.context.transport(spec, wantsText ? withAccept(options, "text/plain, application/json;q=0.5") : options, async (open: OpenResponse) => {
      if (wantsText && !isJSON(open)) return open.body.text();
      const result = await readJSON<Transcription>(open);
      if (typeof result?.text !== "string") throw apiErrorFor(open, result, "audio.transcriptions.create: the response has no `text`.");
      // Asked for plain text but the server answered JSON anyway: give what was asked for.
      return wantsText ? result.text : result;
    });
  }
}

/** `client.audio.speech`: text-to-speech at `/v1/openai/audio/speech`. */
export class Speech {
  constructor(protected readonly context: ResourceContext) {}

  /**
   * Speaks `input`. Resolves, once the headers arrive, to a `Response` whose body streams the audio
   * (idle timeout and abort still apply), so a Worker can return it as is or read `arrayBuffer()`.
   * A JSON answer carrying base64 `audio` (DeepInfra's native TTS shape) is decoded into the same kind of `Response`.
   * @throws ValidationError for bad parameters; APIError subclasses for refusals. Failures while
   * the body streams error the body (reading it throws the typed error).
   * @example
   * return await client.audio.speech.create({ model: "hexgrad/Kokoro-82M", input: "Hello", voice: "af_bella" });
   */
  async create(params: SpeechCreateParams, options?: RequestOptions): Promise<Response> {
    if (options?.validate ?? this.context.validate) validateSpeechParams(params);
    const open = await this.context.transport(
      { method: "POST", path: "/v1/openai/audio/speech", body: wireBody(params, {}) },
      withAccept(options, "audio/*, application/octet-stream, application/json;q=0.5"),
    );
    if (isJSON(open)) {
      const result = await readJSON<{ audio?: unknown }>(open);
      if (typeof result?.audio !== "string") throw apiErrorFor(open, result, "audio.speech.create: the JSON response has no `audio`.");
      const { bytes, mimeType } = decodeBase64(result.audio);
      return new Response(bytes, { status: 200, headers: { "content-type": sniffMimeType(bytes) ?? mimeType ?? audioType(params.response_format) } });
    }
    const type = open.response.headers.get("content-type") ?? audioType(params.response_format);
    return new Response(bodyStream(open.body), { status: 200, headers: { "content-type": type } });
  }
}

/** `client.audio`. */
export class Audio {
  readonly transcriptions: Transcriptions;
  readonly speech: Speech;
  constructor(context: ResourceContext) {
    this.transcriptions = new Transcriptions(context);
    this.speech = new Speech(context);
  }
}


function isJSON(open: OpenResponse): boolean {
  return /json/i.test(open.response.headers.get("content-type") ?? "");
}

function audioType(format: SpeechCreateParams["response_format"]): string {
  const types: Record<string, string> = { mp3: "audio/mpeg", opus: "audio/ogg", aac: "audio/aac", flac: "audio/flac", wav: "audio/wav", pcm: "audio/pcm" };
  return types[format ?? "mp3"] ?? "application/octet-stream";
}
