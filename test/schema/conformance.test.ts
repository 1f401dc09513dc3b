// Conformance with DeepInfra's request model (its OpenAPI spec, 2026-05): for every bound the model states,
// the value at the bound passes and the value just past it is refused, at both ends. Each row names the
// spec field it follows. Then: requests built only from valid values never raise.
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/errors/validation.js";
import { validateCompletionParams } from "../../src/schema/completions.js";
import { validateEmbeddingParams } from "../../src/schema/embeddings.js";
import { validateImageParams, validateSpeechParams, validateTranscriptionParams } from "../../src/schema/media.js";
import { validateChatParams } from "../../src/schema/params.js";
import { reference, type RootName } from "./validators.js";
import { seededRandom } from "../seeded-random.js";

const CHAT = { model: "m", messages: [{ role: "user", content: "hi" }] };
const COMPLETION = { model: "m", prompt: "Once" };
const EMBEDDING = { model: "m", input: "x" };
const IMAGE = { model: "m", prompt: "a cat" };
const TRANSCRIPTION = { model: "m", file: new Uint8Array([1]) };
const SPEECH = { model: "m", input: "Hi" };

type Resource = { root: RootName; base: object; check: (params: object) => void };
const chat: Resource = { root: "chatParams", base: CHAT, check: (p) => validateChatParams(p as never) };
const completions: Resource = { root: "completionParams", base: COMPLETION, check: (p) => validateCompletionParams(p as never) };
const embeddings: Resource = { root: "embeddingParams", base: EMBEDDING, check: (p) => validateEmbeddingParams(p as never) };
const batching: Resource = { root: "embeddingOptions", base: {}, check: (o) => validateEmbeddingParams(EMBEDDING, o as never) };
const images: Resource = { root: "imageParams", base: IMAGE, check: (p) => validateImageParams(p as never) };
const transcription: Resource = { root: "transcriptionParams", base: TRANSCRIPTION, check: (p) => validateTranscriptionParams(p as never) };
const speech: Resource = { root: "speechParams", base: SPEECH, check: (p) => validateSpeechParams(p as never) };

// [spec field and rule, resource, field, values at the bounds (sent), values just past them (refused, with the message)]
type Row = [spec: string, resource: Resource, field: string, atBound: unknown[], pastBound: Array<[unknown, ...string[]]>];

const EPS = 1e-9;
const ROWS: Row[] = [
  ["OpenAIChatCompletionsIn.temperature: minimum 0, maximum 2", chat, "temperature", [0, 2], [[-EPS, "temperature must be at least 0 (was -1e-9)"], [2 + 1e-6, "temperature must be at most 2 (was 2.000001)"]]],
  ["OpenAIChatCompletionsIn.top_p: exclusiveMinimum 0, maximum 1", chat, "top_p", [Number.MIN_VALUE, 1], [[0, "top_p must be more than 0 (was 0)"], [1 + 1e-6, "top_p must be at most 1 (was 1.000001)"]]],
  ["OpenAIChatCompletionsIn.min_p: minimum 0, maximum 1", chat, "min_p", [0, 1], [[-EPS, "min_p must be at least 0 (was -1e-9)"], [1.01, "min_p must be at most 1 (was 1.01)"]]],
  ["OpenAIChatCompletionsIn.top_k: integer, minimum 0, exclusiveMaximum 1000", chat, "top_k", [0, 999], [[-1, "top_k must be at least 0 (was -1)"], [1000, "top_k must be less than 1000 (was 1000)"], [0.5, "top_k must be an integer (was 0.5)"]]],
  ["OpenAIChatCompletionsIn.n: integer, minimum 1, maximum 4", chat, "n", [1, 4], [[0, "n must be at least 1 (was 0)"], [5, "n must be at most 4 (was 5)"]]],
  ["OpenAIChatCompletionsIn.max_tokens: integer, minimum 0, maximum 1000000", chat, "max_tokens", [0, 1_000_000], [[-1, "max_tokens must be at least 0 (was -1)"], [1_000_001, "max_tokens must be at most 1000000 (was 1000001)"]]],
  ["OpenAIChatCompletionsIn.presence_penalty: minimum -2, maximum 2", chat, "presence_penalty", [-2, 2], [[-2.001, "presence_penalty must be at least -2 (was -2.001)"], [2.001, "presence_penalty must be at most 2 (was 2.001)"]]],
  ["OpenAIChatCompletionsIn.frequency_penalty: minimum -2, maximum 2", chat, "frequency_penalty", [-2, 2], [[-2.001, "frequency_penalty must be at least -2 (was -2.001)"], [2.001, "frequency_penalty must be at most 2 (was 2.001)"]]],
  ["OpenAIChatCompletionsIn.repetition_penalty: minimum 0.01, maximum 5", chat, "repetition_penalty", [0.01, 5], [[0.0099, "repetition_penalty must be at least 0.01 (was 0.0099)"], [5.001, "repetition_penalty must be at most 5 (was 5.001)"]]],
  // 2^64 - 4096 is the largest double below 2^64; -2^63 - 4096 the next double below -2^63 that prints apart from it.
  ["OpenAIChatCompletionsIn.seed: integer, minimum -2^63, exclusiveMaximum 2^64", chat, "seed", [-(2 ** 63), 2 ** 64 - 4096], [[2 ** 64, "seed must be less than 2^64 (was 18446744073709552000)"], [-(2 ** 63) - 4096, "seed must be at least -2^63 (was -9223372036854780000)"]]],
  ["newer copies of OpenAIChatCompletionsIn.models: up to 4 model ids", chat, "models", [[], ["a", "b", "c", "d"]], [[["a", "b", "c", "d", "e"], "models must be at most 4 items (was 5 items)"]]],
  // The schema sets no maxItems for stop or stop_token_ids ("up to 16" is prose): past 16 is still sent.
  ["OpenAIChatCompletionsIn.stop: string | string[], no maxItems", chat, "stop", ["", [], Array(16).fill("x"), Array(17).fill("x")], [[[1], "stop[0] must be a string (was a number)"]]],
  ["OpenAIChatCompletionsIn.stop_token_ids: integer[], no maxItems", chat, "stop_token_ids", [[], Array(17).fill(2)], [[[1.5], "stop_token_ids[0] must be an integer (was 1.5)"]]],
  ["OpenAIChatCompletionsIn.response_format: JsonSchemaResponseFormat needs json_schema {name, schema}", chat, "response_format", [{ type: "json_schema", json_schema: { name: "n", schema: {} } }], [[{ type: "json_schema" }, "response_format.json_schema must be an object (was missing)"], [{ type: "json_schema", json_schema: { schema: {} } }, "response_format.json_schema.name must be a string (was missing)"]]],
  ["OpenAIChatCompletionsIn.response_format: RegexResponseFormat needs regex", chat, "response_format", [{ type: "regex", regex: "^[a-z]+$" }], [[{ type: "regex" }, "response_format.regex must be a string (was missing)"]]],
  ["OpenAIChatCompletionsIn.response_format: type defaults (text), so an object without type is accepted", chat, "response_format", [{}, { type: "text" }, { type: "json_object" }], [[{ type: "xml" }, 'response_format.type must be "json_object", "text", "json_schema" or "regex" (was "xml")']]],
  ["ChatCompletionToolMessage.tool_call_id: required", chat, "messages", [[{ role: "tool", content: "42", tool_call_id: "c1" }]], [[[{ role: "tool", content: "42" }], "messages[0].tool_call_id must be a string (was missing)"]]],
  ["ChatCompletionAssistantMessage: content optional or null", chat, "messages", [[{ role: "assistant" }], [{ role: "assistant", content: null }]], [[[{ role: "assistant", content: 1 }], "messages[0].content must be a string, an array or null (was a number)"]]],
  ["ChatCompletionUserMessage.content: text, image_url, input_audio, video_url parts", chat, "messages", [[{ role: "user", content: [{ type: "input_audio", input_audio: { data: "AAAA", format: "mp3" } }, { type: "video_url", video_url: { url: "u" } }] }]], [[[{ role: "user", content: [{ type: "input_audio", input_audio: { data: "AAAA", format: "ogg" } }] }], 'messages[0].content[0].input_audio.format must be "mp3" or "wav" (was "ogg")']]],
  ["ChatCompletionSystemMessage.content: string or text parts only", chat, "messages", [[{ role: "system", content: [{ type: "text", text: "be brief" }] }]], [[[{ role: "system", content: [{ type: "image_url", image_url: { url: "u" } }] }], 'messages[0].content[0].type must be "text" (was "image_url")', "messages[0].content[0].text must be a string (was missing)"]]],
  ["messages[].role: developer is refused (422)", chat, "messages", [[{ role: "system", content: "x" }]], [[[{ role: "developer", content: "x" }], 'messages[0].role must be "user", "system", "tool" or "assistant" (was "developer")']]],
  ["ImageURL.detail: auto | low | high", chat, "messages", [[{ role: "user", content: [{ type: "image_url", image_url: { url: "u", detail: "high" } }] }]], [[[{ role: "user", content: [{ type: "image_url", image_url: { url: "u", detail: "max" } }] }], 'messages[0].content[0].image_url.detail must be "auto", "high" or "low" (was "max")']]],
  ["OpenAIChatCompletionsIn.tool_choice: any string or a ChatTools object", chat, "tool_choice", ["auto", "none", "required", "any-new-mode"], [[1, "tool_choice must be a string or an object (was a number)"]]],
  ["OpenAIChatCompletionsIn.reasoning_effort: a growing enum, any string", chat, "reasoning_effort", ["none", "minimal", "xhigh", "max", "next-year"], [[2, "reasoning_effort must be a string (was a number)"]]],
  ["service_tier: default | priority, flex in the docs, any string", chat, "service_tier", ["default", "priority", "flex"], [[1, "service_tier must be a string (was a number)"]]],

  ["OpenAICompletionsIn.max_tokens: integer, exclusiveMinimum 0, maximum 1000000", completions, "max_tokens", [1, 1_000_000], [[0, "max_tokens must be more than 0 (was 0)"], [1_000_001, "max_tokens must be at most 1000000 (was 1000001)"]]],
  ["OpenAICompletionsIn.prompt: a string or integer token ids", completions, "prompt", ["", [], [1, 2, 3]], [[[1.5], "prompt[0] must be an integer (was 1.5)"], [5, "prompt must be a string or an array (was a number)"]]],
  ["OpenAICompletionsIn.n: integer, minimum 1, maximum 4", completions, "n", [1, 4], [[0, "n must be at least 1 (was 0)"], [5, "n must be at most 4 (was 5)"]]],
  ["OpenAICompletionsIn.top_p: exclusiveMinimum 0, maximum 1", completions, "top_p", [1e-9, 1], [[0, "top_p must be more than 0 (was 0)"], [1.5, "top_p must be at most 1 (was 1.5)"]]],
  ["OpenAICompletionsIn.repetition_penalty: minimum 0.01, maximum 5", completions, "repetition_penalty", [0.01, 5], [[0, "repetition_penalty must be at least 0.01 (was 0)"], [5.5, "repetition_penalty must be at most 5 (was 5.5)"]]],
  ["OpenAICompletionsIn.logprobs: integer", completions, "logprobs", [0, 5], [[0.5, "logprobs must be an integer (was 0.5)"], [true, "logprobs must be a number (was boolean)"]]],
  ["OpenAICompletionsIn.response_format: RegexResponseFormat needs regex", completions, "response_format", [{ type: "regex", regex: "a+" }], [[{ type: "regex" }, "response_format.regex must be a string (was missing)"]]],

  ["OpenAIEmbeddingsIn.dimensions: integer, minimum 32", embeddings, "dimensions", [32, 4096], [[31, "dimensions must be at least 32 (was 31)"], [32.5, "dimensions must be an integer (was 32.5)"]]],
  ["OpenAIEmbeddingsIn.encoding_format: float | base64", embeddings, "encoding_format", ["float", "base64"], [["binary", 'encoding_format must be "base64" or "float" (was "binary")']]],
  ["OpenAIEmbeddingsIn.input: string | string[] (no minLength)", embeddings, "input", ["", [], ["a", ""]], [[[1], "input[0] must be a string (was a number)"]]],
  ["OpenAIEmbeddingsIn.input: at most 1024 per request (the SDK's batchSize)", batching, "batchSize", [1, 1024], [[0, "options.batchSize must be at least 1 (was 0)"], [1025, "options.batchSize must be at most 1024 (was 1025)"]]],
  ["embeddings.create concurrency: an integer, at least 1 (SDK option)", batching, "concurrency", [1, 64], [[0, "options.concurrency must be at least 1 (was 0)"], [2.5, "options.concurrency must be an integer (was 2.5)"]]],

  ["OpenAIImagesGenerationsIn.n: integer, minimum 1, maximum 4", images, "n", [1, 4], [[0, "n must be at least 1 (was 0)"], [5, "n must be at most 4 (was 5)"]]],
  ["OpenAIImagesGenerationsIn.size: any string", images, "size", ["1024x1024", "square_hd"], [[1024, "size must be a string (was a number)"]]],
  ["OpenAIImagesResponseFormat: b64_json (url in the newest copy)", images, "response_format", ["b64_json", "url"], [["png", 'response_format must be "b64_json" or "url" (was "png")']]],

  ["Body_openai_audio_transcriptions.temperature: a number, no bounds", transcription, "temperature", [0, 1.5], [["0", "temperature must be a number (was a string)"]]],
  ["Body_openai_audio_transcriptions.response_format: json | verbose_json | text | srt | vtt", transcription, "response_format", ["json", "verbose_json", "text", "srt", "vtt"], [["xml", 'response_format must be "json", "srt", "text", "verbose_json" or "vtt" (was "xml")']]],
  ["Body_openai_audio_transcriptions.timestamp_granularities: (segment | word)[]", transcription, "timestamp_granularities", [[], ["word", "segment"]], [[["char"], 'timestamp_granularities[0] must be "segment" or "word" (was "char")']]],

  ["OpenAITextToSpeechIn.speed: minimum 0.25, maximum 4", speech, "speed", [0.25, 4], [[0.2499, "speed must be at least 0.25 (was 0.2499)"], [4.01, "speed must be at most 4 (was 4.01)"]]],
  ["TtsResponseFormat: mp3 | opus | flac | wav | pcm", speech, "response_format", ["mp3", "opus", "flac", "wav", "pcm"], [["aac", 'response_format must be "flac", "mp3", "opus", "pcm" or "wav" (was "aac")']]],
];

function thrown(run: () => void): ValidationError | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  return undefined;
}

const request = (resource: Resource, field: string, value: unknown) => ({ ...resource.base, [field]: value });

describe("bounds of DeepInfra's request model", () => {
  describe.each(ROWS)("%s", (_spec, resource, field, atBound, pastBound) => {
    it.each(atBound.map((v) => [JSON.stringify(v)?.slice(0, 60), v]))("sends %s", (_label, value) => {
      expect(thrown(() => resource.check(request(resource, field, value)))).toBeUndefined();
      expect(reference(resource.root, request(resource, field, value))).toEqual([]);
    });
    it.each(pastBound.map(([v, ...messages]) => [JSON.stringify(v)?.slice(0, 60), v, messages]))("refuses %s", (_label, value, messages) => {
      const error = thrown(() => resource.check(request(resource, field, value)));
      expect(error?.issues.map((issue) => issue.message).sort()).toEqual([...messages].sort());
      // arktype itself draws the same line, at the same paths (the batching options are checked without their "options." prefix there).
      const paths = (list: string[]) => [...new Set(list)].sort();
      expect(paths(reference(resource.root, request(resource, field, value)).map(([path]) => path))).toEqual(paths((error?.issues ?? []).map((issue) => (issue.path ?? []).join(".").replace(/^options\./, ""))));
    });
  });
});

// ---- requests built only from valid values ----------------------------------------------------------------

const MESSAGES = [
  { role: "system", content: "Be brief." },
  { role: "system", content: [{ type: "text", text: "Be brief." }], name: "policy", cache_control: { type: "ephemeral" } },
  { role: "user", content: "hi", name: null },
  { role: "user", content: [{ type: "text", text: "what is this?" }, { type: "image_url", image_url: { url: "data:image/png;base64,AA", detail: "low" } }] },
  { role: "user", content: [{ type: "input_audio", input_audio: { data: "UklGRg==" } }, { type: "video_url", video_url: { url: "https://example.com/v.mp4" } }] },
  { role: "user", content: [], cache_control: null },
  { role: "user", content: "hi", name: undefined, cache_control: undefined },
  { role: "assistant", content: undefined, tool_calls: undefined },
  { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "get", arguments: "{}" } }] },
  { role: "assistant", content: [{ type: "text", text: "ok" }], reasoning_content: "thinking", name: "bot" },
  { role: "assistant" },
  { role: "tool", content: "42", tool_call_id: "call_1" },
  { role: "tool", content: [{ type: "text", text: "42" }], tool_call_id: "call_1", cache_control: {} },
];
const TOOLS = [
  { type: "function", function: { name: "get", description: "Gets.", parameters: { type: "object" } } },
  { function: { name: "set", description: null, parameters: null }, cache_control: { type: "ephemeral" } },
];
const FORMATS = [{ type: "text" }, { type: "json_object" }, { type: "json_schema", json_schema: { name: "r", schema: { type: "object" }, strict: true } }, { type: "regex", regex: "\\d+" }, {}];
const SAMPLING: Record<string, unknown[]> = {
  stream: [true, false],
  temperature: [0, 0.7, 2],
  top_p: [1e-9, 0.9, 1],
  min_p: [0, 0.05, 1],
  top_k: [0, 40, 999],
  n: [1, 2, 4],
  presence_penalty: [-2, 0, 2],
  frequency_penalty: [-2, 0.5, 2],
  repetition_penalty: [0.01, 1, 5],
  stop: ["\n", [], ["a", "b"], Array(20).fill("z")],
  stop_token_ids: [[], [128001, 128009]],
  seed: [-(2 ** 63), 0, 42, 2 ** 64 - 4096],
  user: ["u-1", ""],
  stream_options: [{}, { include_usage: true }, { include_usage: false, continuous_usage_stats: true }],
  response_format: FORMATS,
  prompt_cache_key: ["k1"],
  extra_body: [{ top_logprobs: 3 }],
};
const POOLS: Record<string, Record<string, unknown[]>> = {
  chat: {
    ...SAMPLING,
    max_tokens: [0, 256, 1_000_000],
    logprobs: [true, false],
    reasoning_effort: ["none", "minimal", "low", "medium", "high", "xhigh", "max"],
    reasoning: [{}, { enabled: false }, { effort: "high", enabled: true }, { effort: null, enabled: null }],
    service_tier: ["default", "priority", "flex"],
    fail_fast: [true, false],
    models: [[], ["a/b", "c/d", "e/f", "g/h"]],
    chat_template_kwargs: [{}, { enable_thinking: false }],
    continue_final_message: [true, false],
  },
  completions: { ...SAMPLING, prompt: ["Once", "", [1, 2, 3]], max_tokens: [1, 16, 1_000_000], logprobs: [0, 5], echo: [true, false], return_tokens_as_token_ids: [true], data: [{}, { image: ["data:image/png;base64,AA"] }, { video: [] }] },
  embeddings: { input: ["x", ["a", "b"], []], encoding_format: ["float", "base64"], dimensions: [32, 768], service_tier: ["default", "flex"], extra_body: [{ normalize: true }] },
  images: { n: [1, 4], size: ["512x512", "1024x1024"], response_format: ["b64_json", "url"], quality: ["hd"], style: ["vivid"], user: ["u"], extra_body: [{ seed: 1 }] },
  transcription: { filename: ["a.mp3"], language: ["en", "pt-BR"], prompt: ["names"], response_format: ["json", "verbose_json", "text", "srt", "vtt"], temperature: [0, 0.2, 1.5], timestamp_granularities: [[], ["word"], ["segment", "word"]], file: [new Blob(["x"]), new Uint8Array([1]), new ArrayBuffer(2), new ReadableStream()] },
  speech: { voice: ["af_bella"], response_format: ["mp3", "opus", "flac", "wav", "pcm"], speed: [0.25, 1, 4], service_tier: ["priority"], extra_body: [{ extra_body: { lang: "en" } }] },
};
const VALIDATE: Record<string, [base: object, check: (p: object) => void]> = {
  chat: [CHAT, chat.check],
  completions: [COMPLETION, completions.check],
  embeddings: [EMBEDDING, embeddings.check],
  images: [IMAGE, images.check],
  transcription: [TRANSCRIPTION, transcription.check],
  speech: [SPEECH, speech.check],
};

describe("requests built only from valid values", () => {
  it.each(Object.keys(POOLS))("%s: 300 random valid requests never raise", (name) => {
    const pool = POOLS[name] as Record<string, unknown[]>;
    const [base, check] = VALIDATE[name] as [object, (p: object) => void];
    const next = seededRandom(name.length * 7919);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T;
    for (let i = 0; i < 300; i++) {
      const params: Record<string, unknown> = { ...base };
      for (const [field, values] of Object.entries(pool)) {
        const roll = next();
        if (roll < 0.4) params[field] = pick(values);
        // "Absent" (the server's default) for optional fields.
        else if (roll < 0.5 && !(field in base)) params[field] = pick([null, undefined]);
      }
      if (name === "chat") {
        params.messages = Array.from({ length: Math.floor(next() * 6) }, () => pick(MESSAGES));
        if (next() < 0.5) params.tools = TOOLS.slice(0, 1 + Math.floor(next() * 2));
        const declared = (params.tools as typeof TOOLS | undefined)?.map((t) => t.function.name) ?? [];
        params.tool_choice = pick(["auto", "none", "required", "any-new-mode", null, ...declared.map((n) => ({ type: "function", function: { name: n } }))]);
      }
      expect(thrown(() => check(params)), `${name} #${i}: ${JSON.stringify(params)}`).toBeUndefined();
    }
  });

  it("embeddings options: unknown keys and the usual request options are not checked", () => {
    expect(thrown(() => validateEmbeddingParams(EMBEDDING as never, { batchSize: null, concurrency: undefined, signal: new AbortController().signal, timeout: 5, surprise: "x" } as never))).toBeUndefined();
  });
});
