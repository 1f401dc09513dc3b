import { sniffMimeType, toBlob } from "../binary.js";
import type { AudioInput, TranscriptionCreateParams } from "../types/audio.js";
import { wireBody } from "./context.js";

const EXTENSIONS: Record<string, string> = {
  "audio/mpeg": "mp3",
  "audio/mp3": "mp3",
  "audio/wav": "wav",
  "audio/x-wav": "wav",
  "audio/wave": "wav",
  "audio/ogg": "ogg",
  "audio/flac": "flac",
  "audio/webm": "webm",
  "audio/mp4": "m4a",
  "audio/x-m4a": "m4a",
  "audio/aac": "aac",
};

const OWN_FIELDS = /* @__PURE__ */ new Set(["file", "filename", "timestamp_granularities"]);

/**
 * Builds the multipart body for a transcription with web APIs only (`FormData`, `Blob`), in
 * OpenAI's field layout: `file`, then scalar fields, `timestamp_granularities[]` repeated.
 */
export async function buildTranscriptionForm(params: TranscriptionCreateParams): Promise<FormData> {
  const blob = await toBlob(params.file);
  const type = blob.type || sniffMimeType(new Uint8Array(await blob.slice(0, 16).arrayBuffer())) || "";
  const typed = type && !blob.type ? new Blob([blob], { type }) : blob;
  const form = new FormData();
  form.append("file", typed, params.filename ?? fileName(params.file, type));
  // extra_body's fields are form fields like the others (and win over a field of the same name).
  for (const [key, value] of Object.entries(wireBody(params, {}))) {
    if (OWN_FIELDS.has(key) || value === undefined || value === null) continue;
    form.set(key, typeof value === "object" ? JSON.stringify(value) : String(value));
  }
  for (const granularity of params.timestamp_granularities ?? []) form.append("timestamp_granularities[]", granularity);
  return form;
}

function fileName(file: AudioInput, type: string): string {
  const name = (file as { name?: unknown }).name;
  if (typeof name === "string" && name !== "") return name;
  const extension = EXTENSIONS[type.split(";")[0]?.trim().toLowerCase() ?? ""];
  return extension ? `audio.${extension}` : "audio";
}
