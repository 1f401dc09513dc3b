import type { SpeechCreateParams, TranscriptionCreateParams } from "../types/audio.js";
import type { ImageGenerateParams } from "../types/images.js";
import { imageParams, speechParams, transcriptionParams } from "./generated/validators.js";
import { findIssues, throwIfInvalid, withoutAbsent } from "./runtime.js";

/**
 * Checks `images.generate` parameters against DeepInfra's request model before anything is sent.
 * @throws ValidationError naming each field path and rule.
 */
export function validateImageParams(params: ImageGenerateParams): void {
  throwIfInvalid("images.generate", findIssues(imageParams, withoutAbsent(params)));
}

/**
 * Checks `audio.transcriptions.create` parameters against DeepInfra's request model before anything is sent.
 * @throws ValidationError naming each field path and rule.
 */
export function validateTranscriptionParams(params: TranscriptionCreateParams): void {
  throwIfInvalid("audio.transcriptions.create", findIssues(transcriptionParams, withoutAbsent(params)));
}

/**
 * Checks `audio.speech.create` parameters against DeepInfra's request model before anything is sent.
 * @throws ValidationError naming each field path and rule.
 */
export function validateSpeechParams(params: SpeechCreateParams): void {
  throwIfInvalid("audio.speech.create", findIssues(speechParams, withoutAbsent(params)));
}
