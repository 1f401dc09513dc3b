/** Audio to transcribe: a `Blob`/`File`, raw bytes, or a byte stream (buffered before sending). */
export type AudioInput = Blob | Uint8Array | ArrayBuffer | ReadableStream<Uint8Array>;

/** `json` and `verbose_json` answer objects; `text`, `srt` and `vtt` answer plain text. */
export type TranscriptionFormat = "json" | "text" | "srt" | "verbose_json" | "vtt";

/** Parameters of `audio.transcriptions.create` (OpenAI shape, sent as multipart `FormData`). */
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
  /** Sampling temperature, 0…1. */
  temperature?: number | null;
  /** `word` and/or `segment` timestamps; needs `response_format: "verbose_json"`. */
  timestamp_granularities?: Array<"word" | "segment"> | null;
  /** Any form field DeepInfra adds later (strings, numbers, booleans). */
  [extra: string]: unknown;
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

/** Parameters of `audio.speech.create` (OpenAI shape). */
export interface SpeechCreateParams {
  /** A text-to-speech model id, e.g. `hexgrad/Kokoro-82M`. */
  model: string;
  /** The text to speak. */
  input: string;
  /** A voice the model offers. */
  voice?: string | null;
  /** Audio encoding (default `mp3`). */
  response_format?: "mp3" | "opus" | "aac" | "flac" | "wav" | "pcm" | null;
  /** 0.25…4 (default 1). */
  speed?: number | null;
  /** Any parameter DeepInfra adds later. */
  [extra: string]: unknown;
}
