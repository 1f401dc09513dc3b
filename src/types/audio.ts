import type { ServiceTier } from "./chat.js";

/** Audio to transcribe: a `Blob`/`File`, raw bytes, or a byte stream (buffered before sending). */
export type AudioInput = Blob | Uint8Array | ArrayBuffer | ReadableStream<Uint8Array>;

/** `json` and `verbose_json` answer objects; `text`, `srt` and `vtt` answer plain text. */
export type TranscriptionFormat = "json" | "text" | "srt" | "verbose_json" | "vtt";

/**
 * Parameters of `audio.transcriptions.create` (sent as multipart `FormData`), as DeepInfra's transcription model
 * states them. A `null` or `undefined` field means DeepInfra's default.
 */
export interface TranscriptionCreateParams {
  /** A speech-recognition model id, e.g. `openai/whisper-large-v3`. */
  model: string;
  /** The audio. */
  file: AudioInput;
  /** File name sent with the part (default: the `File`'s name, or `audio` plus an extension from the type). */
  filename?: string | null;
  /** ISO-639 code of the spoken language, e.g. `en`; improves accuracy and speed. */
  language?: string | null;
  /** Text to guide the style or continue a previous segment. */
  prompt?: string | null;
  /** Answer format (default `json`). */
  response_format?: TranscriptionFormat | null;
  /** Sampling temperature (default 0). */
  temperature?: number | null;
  /** `word` and/or `segment` timestamps (OpenAI sends them with `response_format: "verbose_json"` only). */
  timestamp_granularities?: Array<"word" | "segment"> | null;
  /** Form fields this SDK does not know yet (strings, numbers, booleans), sent as given. */
  extra_body?: Record<string, unknown> | null;
}

/** A timed piece of a verbose transcription. */
export interface TranscriptionSegment {
  id: number;
  start: number;
  end: number;
  text: string;
  [extra: string]: unknown;
}

/** A timed word of a verbose transcription. */
export interface TranscriptionWord {
  word: string;
  start: number;
  end: number;
  [extra: string]: unknown;
}

/** The response of a `json` or `verbose_json` transcription. */
export interface Transcription {
  text: string;
  /** `verbose_json` only. */
  language?: string;
  /** Seconds of audio (`verbose_json`). */
  duration?: number;
  segments?: TranscriptionSegment[];
  words?: TranscriptionWord[];
  [extra: string]: unknown;
}

/**
 * Parameters of `audio.speech.create`, as DeepInfra's model OpenAITextToSpeechIn states them. A `null` or
 * `undefined` field means DeepInfra's default.
 */
export interface SpeechCreateParams {
  /** A text-to-speech model id, e.g. `hexgrad/Kokoro-82M`. */
  model: string;
  /** The text to speak. */
  input: string;
  /** A voice the model offers. */
  voice?: string | null;
  /** Audio encoding: `mp3`, `opus`, `flac`, `wav` or `pcm` (DeepInfra's default is `wav`). */
  response_format?: "mp3" | "opus" | "flac" | "wav" | "pcm" | null;
  /** 0.25…4 (default 1). */
  speed?: number | null;
  /** Processing tier; the answer echoes the tier used. */
  service_tier?: ServiceTier | null;
  /** Refuse at once with 429 instead of queueing when the model has no spare capacity. */
  fail_fast?: boolean | null;
  /**
   * Fields this SDK does not know yet, merged into the request body as given. DeepInfra's speech model also has a
   * field of its own named `extra_body` (model-specific options): send it as `extra_body: { extra_body: {…} }`.
   */
  extra_body?: Record<string, unknown> | null;
}
