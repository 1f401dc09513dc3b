import { describe, expect, it } from "vitest";
import { APITimeoutError, APIUserAbortError, NotFoundError, UnprocessableEntityError, ValidationError } from "../../src/index.js";
import { recordedRequests, waitClosed } from "../helpers.js";
import { FAKE_KEY, everythingIn, rejection, testClient } from "../setup-client.js";

const WHISPER = "openai/whisper-large-v3";
const TTS = "hexgrad/Kokoro-82M";
const SPOKEN = "Hello from the edge. Café au lait, s'il vous plaît.";
const WAV = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x41, 0x56, 0x45, 0x66, 0x6d, 0x74, 0x20, 0xff, 0x80, 0x00]);
const MP3 = new Uint8Array([0x49, 0x44, 0x33, 0x04, 0, 0, 0, 0, 0, 0, 0xff, 0xfb, 0x90, 0x64, 0xc3, 0x28]);

const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

/** test/fixtures/speech.mp3, rebuilt from the recipe that wrote it: ID3 header, then three MPEG frames. */
function speechFixture(): Uint8Array {
  const out = [0x49, 0x44, 0x33, 0x04, 0, 0, 0, 0, 0, 0];
  for (let f = 0; f < 3; f++) {
    out.push(0xff, 0xfb, 0x90, 0x64);
    for (let i = 0; i < 413; i++) out.push((i * 37 + f * 11) & 0xff);
  }
  return new Uint8Array(out);
}

describe("audio.transcriptions.create", () => {
  it("sends a File as multipart with the scalar fields, and decodes the JSON answer", async () => {
    const { client, testId } = testClient();
    const file = new File([WAV], "meeting.wav", { type: "audio/wav" });
    const result = await client.audio.transcriptions.create({ model: WHISPER, file, language: "en", temperature: 0, prompt: "Café" });
    expect(result).toEqual({ text: SPOKEN });
    const [request] = await recordedRequests(testId);
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/v1/openai/audio/transcriptions");
    expect(request?.headers.authorization).toBe(`Bearer ${FAKE_KEY}`);
    expect(request?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(request?.parts).toEqual([
      { name: "file", filename: "meeting.wav", type: "audio/wav", size: WAV.byteLength, value: base64(WAV) },
      { name: "model", filename: null, type: null, size: WHISPER.length, value: WHISPER },
      { name: "language", filename: null, type: null, size: 2, value: "en" },
      { name: "temperature", filename: null, type: null, size: 1, value: "0" },
      { name: "prompt", filename: null, type: null, size: 5, value: "Café" },
    ]);
  });

  it("sends raw bytes with a sniffed type and file name", async () => {
    const { client, testId } = testClient();
    await client.audio.transcriptions.create({ model: WHISPER, file: MP3 });
    const [request] = await recordedRequests(testId);
    expect(request?.parts?.[0]).toEqual({ name: "file", filename: "audio.mp3", type: "audio/mpeg", size: MP3.byteLength, value: base64(MP3) });
  });

  it("buffers a ReadableStream file (split across reads) and honours filename", async () => {
    const { client, testId } = testClient();
    const chunks = [WAV.subarray(0, 5), WAV.subarray(5, 12), WAV.subarray(12)];
    const file = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    await client.audio.transcriptions.create({ model: WHISPER, file, filename: "upload.wav" });
    const [request] = await recordedRequests(testId);
    expect(request?.parts?.[0]).toEqual({ name: "file", filename: "upload.wav", type: "audio/wav", size: WAV.byteLength, value: base64(WAV) });
  });

  it("verbose_json with word and segment timestamps sends timestamp_granularities[] and returns them", async () => {
    const { client, testId } = testClient();
    const result = await client.audio.transcriptions.create({ model: WHISPER, file: new Blob([WAV]), response_format: "verbose_json", timestamp_granularities: ["word", "segment"] });
    expect(result.language).toBe("english");
    expect(result.duration).toBe(3.2);
    expect(result.segments?.map((s) => [s.start, s.end])).toEqual([[0, 1.4], [1.4, 3.2]]);
    expect(result.words?.[0]).toEqual({ word: "Hello", start: 0, end: 0.4 });
    const [request] = await recordedRequests(testId);
    expect(request?.parts?.filter((p) => p.name === "timestamp_granularities[]").map((p) => p.value)).toEqual(["word", "segment"]);
    expect(request?.parts?.find((p) => p.name === "response_format")?.value).toBe("verbose_json");
  });

  it("text, srt and vtt resolve to strings", async () => {
    const { client, testId } = testClient();
    expect(await client.audio.transcriptions.create({ model: WHISPER, file: MP3, response_format: "text" })).toBe(`${SPOKEN}\n`);
    expect(await client.audio.transcriptions.create({ model: WHISPER, file: MP3, response_format: "srt" })).toBe(
      "1\n00:00:00,000 --> 00:00:01,400\nHello from the edge.\n\n2\n00:00:01,400 --> 00:00:03,200\nCafé au lait, s'il vous plaît.\n",
    );
    expect(await client.audio.transcriptions.create({ model: WHISPER, file: MP3, response_format: "vtt" })).toMatch(/^WEBVTT\n\n00:00:00\.000 --> 00:00:01\.400\n/);
    expect((await recordedRequests(testId))[0]?.headers.accept).toBe("text/plain, application/json;q=0.5");
  });

  it("returns the text when a text format is answered with JSON anyway", async () => {
    const { client } = testClient({ body: { text: "just text" } });
    expect(await client.audio.transcriptions.create({ model: WHISPER, file: MP3, response_format: "text" })).toBe("just text");
  });

  it("rejects bad params with ValidationError before any request", async () => {
    const { client, testId } = testClient();
    // What DeepInfra's transcription model refuses (file type, the format and granularity enums).
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ file: "hello.wav" }, "file"],
      [{ response_format: "mp3" }, "response_format"],
      [{ timestamp_granularities: ["char"] }, "timestamp_granularities"],
    ];
    for (const [override, field] of cases) {
      const error = await rejection(client.audio.transcriptions.create({ model: WHISPER, file: MP3, ...override } as never));
      expect(error, field).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]?.path?.[0], field).toBe(field);
      expect(error.message, field).toContain(field);
    }
    expect(await recordedRequests(testId)).toHaveLength(0);
  });

  it("extra_body's fields become form fields of their own, not one JSON field", async () => {
    const { client, testId } = testClient();
    await client.audio.transcriptions.create({ model: WHISPER, file: MP3, language: "en", extra_body: { chunk_level: "segment", language: "de" } });
    const [request] = await recordedRequests(testId);
    const fields = (request?.parts ?? []).filter((p) => p.filename === null).map((p) => [p.name, p.value]);
    expect(fields).toEqual([["model", WHISPER], ["language", "de"], ["chunk_level", "segment"]]);
  });

  it("sends what the server's model accepts, even where OpenAI would refuse it", async () => {
    const { client, testId } = testClient();
    // No language pattern, no temperature bound and no verbose_json requirement in DeepInfra's model.
    await client.audio.transcriptions.create({ model: WHISPER, file: MP3, language: "english", temperature: 1.5, timestamp_granularities: ["word"] });
    const [request] = await recordedRequests(testId);
    const fields = Object.fromEntries((request?.parts ?? []).filter((p) => p.filename === null).map((p) => [p.name, p.value]));
    expect(fields).toMatchObject({ language: "english", temperature: "1.5", "timestamp_granularities[]": "word" });
  });

  it("maps a FastAPI 422 to UnprocessableEntityError", async () => {
    const { client } = testClient({ status: 422, body: { detail: [{ loc: ["body", "file"], msg: "audio could not be decoded", type: "value_error" }] } });
    const error = await rejection(client.audio.transcriptions.create({ model: WHISPER, file: MP3 }));
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.message).toMatch(/^422 file: audio could not be decoded/);
  });

  it("a signal aborts the upload's wait and closes the connection", async () => {
    const { client, testId } = testClient({ headersDelayMs: 5_000 });
    const controller = new AbortController();
    const pending = client.audio.transcriptions.create({ model: WHISPER, file: MP3 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(await rejection(pending)).toBeInstanceOf(APIUserAbortError);
    expect((await waitClosed(testId)).clientClosed).toBe(true);
  });

  it("never puts the key in an error, even when the server echoes it", async () => {
    const error = await rejection(testClient({ echoAuth: true }).client.audio.transcriptions.create({ model: WHISPER, file: MP3 }));
    expect(everythingIn(error)).not.toContain(FAKE_KEY);
  });
});

describe("audio.speech.create", () => {
  it("posts JSON to /v1/openai/audio/speech and resolves to a Response streaming the audio bytes", async () => {
    const { client, testId } = testClient({ chunkSize: 300 });
    const response = await client.audio.speech.create({ model: TTS, input: "Hello", voice: "af_bella", response_format: "mp3", speed: 1.2 });
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("audio/mpeg");
    const reader = response.body!.getReader();
    const reads: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      reads.push(value);
    }
    expect(reads.length).toBeGreaterThan(1);
    const bytes = new Uint8Array(await new Blob(reads as BlobPart[]).arrayBuffer());
    expect(bytes).toEqual(speechFixture());
    const [request] = await recordedRequests(testId);
    expect(request?.path).toBe("/v1/openai/audio/speech");
    expect(request?.headers.accept).toBe("audio/*, application/octet-stream, application/json;q=0.5");
    expect(request?.headers["content-type"]).toMatch(/^application\/json/);
    expect(request?.json).toEqual({ model: TTS, input: "Hello", voice: "af_bella", response_format: "mp3", speed: 1.2 });
  });

  it("decodes a JSON answer with base64 audio (the native TTS shape) into the same kind of Response", async () => {
    const { client } = testClient({ body: { audio: `data:audio/wav;base64,${base64(WAV)}`, request_id: "r1", inference_status: { status: "succeeded" } } });
    const response = await client.audio.speech.create({ model: TTS, input: "Hello" });
    expect(response.headers.get("content-type")).toBe("audio/wav");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(WAV);
  });

  it("maps a 404 to NotFoundError", async () => {
    const { client } = testClient({ fixture: "errors/404-path.json" });
    const error = await rejection(client.audio.speech.create({ model: TTS, input: "Hello" }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toMatch(/^404 Not Found/);
  });

  it("rejects bad params with ValidationError before any request", async () => {
    const { client, testId } = testClient();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ speed: 5 }, "speed"],
      [{ response_format: "ogg" }, "response_format"],
    ];
    for (const [override, field] of cases) {
      const error = await rejection(client.audio.speech.create({ model: TTS, input: "hi", ...override } as never));
      expect(error, field).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]?.path, field).toEqual([field]);
    }
    expect(await recordedRequests(testId)).toHaveLength(0);
  });

  it("aborting mid-body errors the body with APIUserAbortError and closes the connection", async () => {
    const { client, testId } = testClient({ stallAfterBytes: 300 });
    const controller = new AbortController();
    const response = await client.audio.speech.create({ model: TTS, input: "Hello" }, { signal: controller.signal });
    const reader = response.body!.getReader();
    let received = 0;
    while (received < 300) received += (await reader.read()).value?.byteLength ?? 0;
    expect(received).toBe(300);
    controller.abort();
    expect(await rejection(reader.read())).toBeInstanceOf(APIUserAbortError);
    expect((await waitClosed(testId)).clientClosed).toBe(true);
  });

  it("a stalled body errors with APITimeoutError (idle)", async () => {
    const { client, testId } = testClient({ stallAfterBytes: 300 }, { idleTimeout: 150 });
    const response = await client.audio.speech.create({ model: TTS, input: "Hello" });
    const error = await rejection(response.arrayBuffer());
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as APITimeoutError).phase).toBe("idle");
    expect((await waitClosed(testId)).clientClosed).toBe(true);
  });

  it("cancelling the body closes the upstream connection", async () => {
    const { client, testId } = testClient({ stallAfterBytes: 300 });
    const response = await client.audio.speech.create({ model: TTS, input: "Hello" });
    await response.body!.cancel();
    expect((await waitClosed(testId)).clientClosed).toBe(true);
  });
});
