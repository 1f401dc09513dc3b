import type { SpeechCreateParams, TranscriptionCreateParams } from "../types/audio.js";
import type { ImageGenerateParams } from "../types/images.js";
import { arrayOf, type Definition, integer, lazyCheck, nonEmpty, object, range, text, units, validateWith } from "./define.js";

// Shapes follow OpenAI's images/audio APIs: DeepInfra's OpenAI-compatible media routes are unconfirmed.
const imageCheck = lazyCheck(() =>
  object(
    { model: nonEmpty, prompt: nonEmpty },
    {
      n: integer(1),
      size: { domain: "string", pattern: [{ rule: "^\\d+x\\d+$", meta: 'a size like "1024x1024"' }] } as Definition,
      response_format: units("b64_json", "url"),
      quality: text,
      style: text,
      user: text,
    },
  ),
);

const transcriptionCheck = lazyCheck(() =>
  object(
    {
      model: nonEmpty,
      file: [{ proto: Blob }, { proto: Uint8Array }, { proto: ArrayBuffer }, { proto: ReadableStream }],
    },
    {
      filename: nonEmpty,
      language: { domain: "string", pattern: [{ rule: "^[a-zA-Z]{2,3}$", meta: 'an ISO-639 code like "en"' }] } as Definition,
      prompt: text,
      response_format: units("json", "text", "srt", "verbose_json", "vtt"),
      temperature: range(0, 1),
      // A union of units as an array element crashes @ark/schema 0.56.8 ("undefinedAllows is not a function"); a pattern says the same.
      timestamp_granularities: arrayOf({ domain: "string", pattern: [{ rule: "^(word|segment)$", meta: '"word" or "segment"' }] } as Definition, { minLength: 1 }),
    },
  ),
);

const speechCheck = lazyCheck(() =>
  object(
    { model: nonEmpty, input: nonEmpty },
    {
      voice: nonEmpty,
      response_format: units("mp3", "opus", "aac", "flac", "wav", "pcm"),
      speed: range(0.25, 4),
    },
  ),
);

/**
 * Checks `images.generate` parameters before anything is sent.
 * @throws ValidationError naming the field path and the rule.
 */
export function validateImageParams(params: ImageGenerateParams): Promise<void> {
  return validateWith(params, "images.generate", imageCheck);
}

/**
 * Checks `audio.transcriptions.create` parameters before anything is sent.
 * @throws ValidationError naming the field path and the rule.
 */
export function validateTranscriptionParams(params: TranscriptionCreateParams): Promise<void> {
  return validateWith(params, "audio.transcriptions.create", transcriptionCheck, [
    // OpenAI's rule, which DeepInfra's Whisper route is assumed to share: timestamps need the verbose format.
    (p) =>
      p.timestamp_granularities && p.timestamp_granularities.length > 0 && p.response_format !== "verbose_json"
        ? { message: 'timestamp_granularities needs response_format "verbose_json"', path: ["timestamp_granularities"] }
        : undefined,
  ]);
}

/**
 * Checks `audio.speech.create` parameters before anything is sent.
 * @throws ValidationError naming the field path and the rule.
 */
export function validateSpeechParams(params: SpeechCreateParams): Promise<void> {
  return validateWith(params, "audio.speech.create", speechCheck);
}
