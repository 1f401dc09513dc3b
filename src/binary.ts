import { DeepInfraError } from "./errors/base.js";

/**
 * Decodes base64 (or a `data:…;base64,` URL) to bytes with web APIs only. `Uint8Array.fromBase64`
 * would do this, but Node 20 and older browsers lack it; `atob` is everywhere.
 * @throws DeepInfraError when the text is not base64.
 */
export function decodeBase64(input: string): { bytes: Uint8Array<ArrayBuffer>; mimeType: string | undefined } {
  let payload = input;
  let mimeType: string | undefined;
  const dataURL = /^data:([^;,]*)(?:;[^,]*)?,/i.exec(input);
  if (dataURL) {
    mimeType = dataURL[1] || undefined;
    payload = input.slice(dataURL[0].length);
  }
  // Some servers send base64url; atob wants the standard alphabet and padding.
  payload = payload.replace(/[\s]/g, "").replace(/-/g, "+").replace(/_/g, "/");
  if (payload.length % 4) payload += "=".repeat(4 - (payload.length % 4));
  let binary: string;
  try {
    binary = atob(payload);
  } catch {
    throw new DeepInfraError(`The response carries invalid base64 data (starting ${JSON.stringify(input.slice(0, 40))}).`);
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return { bytes, mimeType };
}

/**
 * A file given as a `Blob`/`File`, bytes, a byte stream or text, as a `Blob` for a multipart part (a stream is
 * buffered: a part needs its size, and a retry needs the bytes); `type` labels one that isn't a `Blob` already.
 */
export async function toBlob(file: Blob | Uint8Array | ArrayBuffer | string | ReadableStream<Uint8Array>, type = ""): Promise<Blob> {
  if (file instanceof Blob) return file;
  if (file instanceof ReadableStream) return new Response(file).blob();
  return new Blob([file as BlobPart], { type });
}

const SIGNATURES: Array<[string, number[], number?]> = [
  ["image/png", [0x89, 0x50, 0x4e, 0x47]],
  ["image/jpeg", [0xff, 0xd8, 0xff]],
  ["image/gif", [0x47, 0x49, 0x46, 0x38]],
  ["image/webp", [0x57, 0x45, 0x42, 0x50], 8],
  ["audio/mpeg", [0x49, 0x44, 0x33]],
  ["audio/wav", [0x57, 0x41, 0x56, 0x45], 8],
  ["audio/ogg", [0x4f, 0x67, 0x67, 0x53]],
  ["audio/flac", [0x66, 0x4c, 0x61, 0x43]],
];

/** Guesses a media type from the first bytes (PNG, JPEG, GIF, WebP, MP3, WAV, Ogg, FLAC). */
export function sniffMimeType(bytes: Uint8Array): string | undefined {
  for (const [type, signature, offset = 0] of SIGNATURES) {
    if (signature.every((byte, i) => bytes[offset + i] === byte)) return type;
  }
  // An MP3 without an ID3 tag starts with an MPEG frame sync (11 set bits).
  if (bytes[0] === 0xff && bytes[1] !== undefined && (bytes[1] & 0xe0) === 0xe0) return "audio/mpeg";
  return undefined;
}

let littleEndianHost: boolean | undefined;

/** Whether this host stores numbers little-endian (checked once, on first use: no work at import). */
export function isLittleEndianHost(): boolean {
  return (littleEndianHost ??= new Uint8Array(new Uint16Array([1]).buffer)[0] === 1);
}

/** Decodes base64 little-endian float32 bytes (an embedding sent with `encoding_format: "base64"`). */
export function decodeFloat32(base64: string): Float32Array {
  const { bytes } = decodeBase64(base64);
  if (bytes.length % 4 !== 0) throw new DeepInfraError(`A base64 embedding decoded to ${bytes.length} bytes, not a multiple of 4.`);
  // DeepInfra sends little-endian floats; on a little-endian host (most) a typed-array view reads them at once.
  if (isLittleEndianHost()) return new Float32Array(bytes.buffer, 0, bytes.length / 4);
  const view = new DataView(bytes.buffer);
  const out = new Float32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}
