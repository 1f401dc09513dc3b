// Images, transcription and speech as DeepInfra's models state them (OpenAIImagesGenerationsIn,
// Body_openai_audio_transcriptions, OpenAITextToSpeechIn). Dev-only rule table: compiled to
// ../generated/validators.ts by scripts/compile-validators.mjs.
import { type } from "arktype";
import { jsonObject } from "../predicates.js";
import { extraBody } from "./shared.js";

/** OpenAIImagesGenerationsIn. */
export const imageParams = type({
  model: "string",
  prompt: "string",
  // n: integer, minimum 1, maximum 4
  "n?": "1 <= number.integer <= 4",
  // size: any string (default 1024x1024; the sizes on offer depend on the model)
  "size?": "string",
  // response_format: b64_json (the newest copy adds url)
  "response_format?": "'b64_json' | 'url'",
  "quality?": "string",
  "style?": "string",
  "user?": "string",
  ...extraBody,
  "+": "reject",
}).narrow(jsonObject);

/** Body_openai_audio_transcriptions (multipart), plus the SDK's `filename` for the file part. */
export const transcriptionParams = type({
  model: "string",
  // file: binary; the SDK takes a Blob/File, bytes, an ArrayBuffer or a byte stream
  // (`as`: arktype infers `Uint8Array<ArrayBuffer>` from the constructor; a view on any buffer passes `instanceof`.)
  file: type
    .instanceOf(Blob)
    .or(type.instanceOf(Uint8Array))
    .or(type.instanceOf(ArrayBuffer))
    .or(type.instanceOf(ReadableStream))
    .as<Blob | Uint8Array | ArrayBuffer | ReadableStream>(),
  "filename?": "string",
  // language: any string in the model (an ISO-639 code such as "en" in practice)
  "language?": "string",
  "prompt?": "string",
  // response_format: json | verbose_json | text | srt | vtt
  "response_format?": "'json' | 'verbose_json' | 'text' | 'srt' | 'vtt'",
  // temperature: a number, no bounds in the model
  "temperature?": "number",
  // timestamp_granularities: (segment | word)[]
  "timestamp_granularities?": "('segment' | 'word')[]",
  ...extraBody,
  "+": "reject",
}).narrow(jsonObject);

/** OpenAITextToSpeechIn. */
export const speechParams = type({
  model: "string",
  input: "string",
  "voice?": "string",
  // response_format: TtsResponseFormat, mp3 | opus | flac | wav | pcm (default wav)
  "response_format?": "'mp3' | 'opus' | 'flac' | 'wav' | 'pcm'",
  // speed: minimum 0.25, maximum 4
  "speed?": "0.25 <= number <= 4",
  // service_tier: default | priority in the model, flex in the docs: any string
  "service_tier?": "string",
  // fail_fast (newer copies; the docs name it for every inference route): refuse with 429 at once instead of queueing
  "fail_fast?": "boolean",
  ...extraBody,
  "+": "reject",
}).narrow(jsonObject);
