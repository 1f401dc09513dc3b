// Content types decided by magic bytes, never by a label: an upstream's `data:image/png` prefix or a
// browser's part header can say anything. Hand-written because the list is short and a sniffing
// library would be most of the bundle.

const ascii = (bytes: Uint8Array, at: number, text: string) => [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));

/** The image type of `bytes` when they start like a PNG, JPEG, GIF or WebP; otherwise undefined. */
export function sniffImage(bytes: Uint8Array): "image/png" | "image/jpeg" | "image/gif" | "image/webp" | undefined {
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (ascii(bytes, 0, "GIF87a") || ascii(bytes, 0, "GIF89a")) return "image/gif";
  if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) return "image/webp";
  return undefined;
}

/** The audio container of `bytes` (WAV, MP3, AAC, Ogg, FLAC, WebM, MP4/M4A, AIFF); otherwise undefined. */
export function sniffAudio(bytes: Uint8Array): { type: string; extension: string } | undefined {
  if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WAVE")) return { type: "audio/wav", extension: "wav" };
  if (ascii(bytes, 0, "ID3")) return { type: "audio/mpeg", extension: "mp3" };
  if (bytes[0] === 0xff && bytes[1] !== undefined && (bytes[1] & 0xe0) === 0xe0) {
    // Frame sync; layer bits 00 are AAC in an ADTS stream, anything else MPEG audio.
    return (bytes[1] & 0x06) === 0 ? { type: "audio/aac", extension: "aac" } : { type: "audio/mpeg", extension: "mp3" };
  }
  if (ascii(bytes, 0, "OggS")) return { type: "audio/ogg", extension: "ogg" };
  if (ascii(bytes, 0, "fLaC")) return { type: "audio/flac", extension: "flac" };
  if ([0x1a, 0x45, 0xdf, 0xa3].every((b, i) => bytes[i] === b)) return { type: "audio/webm", extension: "webm" };
  if (ascii(bytes, 4, "ftyp")) return { type: "audio/mp4", extension: "m4a" };
  if (ascii(bytes, 0, "FORM") && (ascii(bytes, 8, "AIFF") || ascii(bytes, 8, "AIFC"))) return { type: "audio/aiff", extension: "aiff" };
  return undefined;
}
