// Pins src/binary.ts: base64 (plain, data URL, base64url, missing padding), media sniffing and float32 decoding.
import { describe, expect, it } from "vitest";
import { decodeBase64, decodeFloat32, sniffMimeType } from "../src/binary.js";
import { DeepInfraError } from "../src/errors/base.js";

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Base64 of `floats` written as float32, little- or big-endian. */
function floatsBase64(floats: number[], littleEndian: boolean): string {
  const view = new DataView(new ArrayBuffer(floats.length * 4));
  floats.forEach((value, i) => view.setFloat32(i * 4, value, littleEndian));
  return btoa(String.fromCharCode(...new Uint8Array(view.buffer)));
}

describe("decodeBase64", () => {
  it.each<[string, string, string, string | undefined]>([
    ["padded", "aGVsbG8=", "hello", undefined],
    ["unpadded (one = missing)", "aGVsbG8", "hello", undefined],
    ["unpadded (two = missing)", "aGk", "hi", undefined],
    ["with line breaks and spaces", "aGVs\r\nbG8g d29y\nbGQ=", "hello world", undefined],
    ["a data URL", "data:text/plain;base64,aGVsbG8=", "hello", "text/plain"],
    ["a data URL with parameters", "data:audio/mpeg;name=a.mp3;base64,aGk=", "hi", "audio/mpeg"],
    ["a data URL in capitals", "DATA:image/png;base64,aGk=", "hi", "image/png"],
    ["a data URL without a media type", "data:;base64,aGk=", "hi", undefined],
    ["empty", "", "", undefined],
  ])("%s", (_name, input, expected, mimeType) => {
    const decoded = decodeBase64(input);
    expect(text(decoded.bytes)).toBe(expected);
    expect(decoded.mimeType).toBe(mimeType);
  });

  it("reads base64url (- and _) like the standard alphabet (+ and /)", () => {
    expect([...decodeBase64("-_-_").bytes]).toEqual([0xfb, 0xff, 0xbf]);
    expect([...decodeBase64("-_-_").bytes]).toEqual([...decodeBase64("+/+/").bytes]);
    expect([...decodeBase64("AP8A_w").bytes]).toEqual([0x00, 0xff, 0x00, 0xff]);
  });

  it("returns bytes that own their whole buffer (decodeFloat32 views it from offset 0)", () => {
    const { bytes } = decodeBase64("AAECAwQF");
    expect([...bytes]).toEqual([0, 1, 2, 3, 4, 5]);
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(6);
  });

  it.each([
    ["a character outside the alphabet", "ab!d"],
    ["a single character (no whole byte)", "a"],
    ["padding in the middle", "aG=k"],
  ])("%s is a DeepInfraError quoting the start of the input", (_name, input) => {
    let error: unknown;
    try {
      decodeBase64(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DeepInfraError);
    expect((error as Error).message).toBe(`The response carries invalid base64 data (starting ${JSON.stringify(input)}).`);
  });

  it("quotes at most the first 40 characters of bad input", () => {
    const input = `data:image/png;base64,${"A".repeat(100)}*`;
    expect(() => decodeBase64(input)).toThrow(`(starting ${JSON.stringify(input.slice(0, 40))}).`);
  });
});

describe("sniffMimeType", () => {
  const riff = (kind: string) => [...ascii("RIFF"), 0x24, 0x08, 0x00, 0x00, ...ascii(kind)];
  it.each<[string, number[], string | undefined]>([
    ["PNG", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "image/png"],
    ["JPEG", [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], "image/jpeg"],
    ["GIF", ascii("GIF89a"), "image/gif"],
    ["WebP", riff("WEBP"), "image/webp"],
    ["MP3 with an ID3 tag", [...ascii("ID3"), 0x04, 0x00], "audio/mpeg"],
    ["MP3 frame sync (MPEG-1 layer III)", [0xff, 0xfb, 0x90, 0x64], "audio/mpeg"],
    ["MP3 frame sync (MPEG-2)", [0xff, 0xf3, 0x48, 0xc4], "audio/mpeg"],
    ["MP3 frame sync (MPEG-2.5)", [0xff, 0xe3, 0x18, 0xc4], "audio/mpeg"],
    ["WAV", riff("WAVE"), "audio/wav"],
    ["Ogg", [...ascii("OggS"), 0x00, 0x02], "audio/ogg"],
    ["FLAC", [...ascii("fLaC"), 0x00, 0x00, 0x00, 0x22], "audio/flac"],
    ["RIFF of another kind (AVI)", riff("AVI "), undefined],
    ["0xFF not followed by a frame sync", [0xff, 0x1f, 0x00], undefined],
    ["a lone 0xFF", [0xff], undefined],
    ["a PNG signature cut short", [0x89, 0x50], undefined],
    ["text", ascii("hello"), undefined],
    ["nothing", [], undefined],
  ])("%s", (_name, bytes, expected) => {
    expect(sniffMimeType(new Uint8Array(bytes))).toBe(expected);
  });
});

describe("decodeFloat32", () => {
  it("reads little-endian float32 (DeepInfra's byte order), not big-endian", () => {
    // 1.0f is 3F800000: little-endian bytes 00 00 80 3F.
    expect([...decodeFloat32("AACAPw==")]).toEqual([1]);
    // The same bytes in big-endian order read little-endian are a denormal, not 1.
    const swapped = decodeFloat32("P4AAAA==");
    expect(swapped).toHaveLength(1);
    expect(swapped[0]).not.toBe(1);
    expect(swapped[0]).toBeCloseTo(4.6006e-41, 44);
  });

  it("decodes a vector exactly, including values float32 rounds", () => {
    const values = [1.5, -2, 0, 3.4028234663852886e38, -1e-7, 0.1];
    const decoded = decodeFloat32(floatsBase64(values, true));
    expect(decoded).toBeInstanceOf(Float32Array);
    expect([...decoded]).toEqual([...new Float32Array(values)]);
    expect(decoded[5]).not.toBe(0.1);
  });

  it("accepts a data URL and base64url", () => {
    const b64 = floatsBase64([0.25, -0.5, 8], true);
    expect([...decodeFloat32(`data:application/octet-stream;base64,${b64}`)]).toEqual([0.25, -0.5, 8]);
    expect([...decodeFloat32(b64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""))]).toEqual([0.25, -0.5, 8]);
  });

  it("an empty payload is an empty vector", () => {
    expect(decodeFloat32("")).toHaveLength(0);
  });

  it.each([
    [6, "AAECAwQF"],
    [1, "AA=="],
    [5, "AAECAwQ="],
  ])("%i bytes (not a multiple of 4) is a DeepInfraError", (length, input) => {
    let error: unknown;
    try {
      decodeFloat32(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DeepInfraError);
    expect((error as Error).message).toBe(`A base64 embedding decoded to ${length} bytes, not a multiple of 4.`);
  });

  it("invalid base64 is the decoder's DeepInfraError", () => {
    expect(() => decodeFloat32("****")).toThrow(/invalid base64 data/);
  });
});
