// Differential: every request here runs through arktype itself (its JIT, on the rules in src/schema/rules) and
// through the validator the package ships (compiled ahead of time from each rule's JSON view, with its own
// messages). The verdict must be the same, and both must name the same top-level fields. Then thousands of
// seeded random mutations of valid requests, the same way.
import { describe, expect, it } from "vitest";
import { ROOTS } from "../../src/schema/rules/index.js";
import { reference, shipped, type RootName } from "./validators.js";
import { seededRandom } from "../seeded-random.js";

type Case = [root: RootName, name: string, value: unknown, prefix?: PropertyKey[]];

const CHAT = { model: "m", messages: [{ role: "user", content: "hi" }] };
const COMPLETION = { model: "m", prompt: "Once upon a time" };
const EMBEDDING = { model: "m", input: ["a", "b"] };
const IMAGE = { model: "m", prompt: "a cat" };
const TRANSCRIPTION = { model: "m", file: new Uint8Array([1, 2, 3]) };
const SPEECH = { model: "m", input: "Hello" };

// Wrong values by the kind of field they land in: type errors, bounds, fractions, NaN.
const WRONG: Record<string, unknown[]> = {
  string: [1, false, {}, ["a"]],
  boolean: ["yes", 1, {}],
  number: ["1", true, Number.NaN, {}],
  integer: ["1", 1.5, Number.NaN],
  object: ["x", 1, true],
  // Fields typed "string or array of strings" would take a lone string, so none here.
  strings: [7, {}, [1], ["a", 2, "c"]],
  integers: [1, ["a"], [1, 2.5]],
};

/** One case per (field, wrong value), plus the bound violations listed for that field. */
function fields(root: RootName, base: object, kinds: Record<string, string>, bounds: Record<string, unknown[]> = {}): Case[] {
  const out: Case[] = [];
  for (const [field, kind] of Object.entries(kinds)) {
    for (const value of [...(WRONG[kind] ?? []), ...(bounds[field] ?? [])]) out.push([root, `${field} = ${String(JSON.stringify(value))}`, { ...base, [field]: value }]);
  }
  return out;
}

const SAMPLING_KINDS = {
  stream: "boolean",
  temperature: "number",
  top_p: "number",
  min_p: "number",
  top_k: "integer",
  n: "integer",
  presence_penalty: "number",
  frequency_penalty: "number",
  repetition_penalty: "number",
  stop: "strings",
  stop_token_ids: "integers",
  seed: "integer",
  user: "string",
  prompt_cache_key: "string",
};
const SAMPLING_BOUNDS = {
  temperature: [-0.01, 2.01, -Infinity],
  top_p: [0, -1, 1.01],
  min_p: [-0.5, 1.5],
  top_k: [-1, 1000, 5000],
  n: [0, 5, -3],
  presence_penalty: [-2.01, 2.5],
  frequency_penalty: [-3, 2.01],
  repetition_penalty: [0, 0.009, 5.01],
  seed: [2 ** 64, -(2 ** 63) - 4096, Infinity],
};

const chatMessages = (...messages: unknown[]) => ({ ...CHAT, messages });

const CASES: Case[] = [
  // Non-objects and missing required fields.
  ...[5, "x", true, [], null].map((value): Case => ["chatParams", `params = ${JSON.stringify(value)}`, value]),
  ["chatParams", "empty object", {}],
  ["chatParams", "model missing", { messages: CHAT.messages }],
  ["chatParams", "messages missing", { model: "m" }],
  ["chatParams", "model not a string", { ...CHAT, model: 7 }],
  ...fields("chatParams", CHAT, {
    ...SAMPLING_KINDS,
    max_tokens: "integer",
    logprobs: "boolean",
    reasoning_effort: "string",
    service_tier: "string",
    fail_fast: "boolean",
    models: "strings",
    chat_template_kwargs: "object",
    continue_final_message: "boolean",
    messages: "object",
    tools: "object",
    stream_options: "object",
    response_format: "object",
    reasoning: "object",
  }, { ...SAMPLING_BOUNDS, max_tokens: [-1, 1_000_001, 1e12], models: [["a", "b", "c", "d", "e"]] }),
  // Messages, by role.
  ["chatParams", "role developer", chatMessages({ role: "developer", content: "x" })],
  ["chatParams", "role missing", chatMessages({ content: "x" })],
  ["chatParams", "role not a string", chatMessages({ role: 1, content: "x" })],
  ["chatParams", "message not an object", chatMessages("hi")],
  ["chatParams", "message null", chatMessages(null)],
  ["chatParams", "user content a number", chatMessages({ role: "user", content: 5 })],
  ["chatParams", "user content missing", chatMessages({ role: "user" })],
  ["chatParams", "user content null", chatMessages({ role: "user", content: null })],
  ["chatParams", "system content missing", chatMessages({ role: "system" })],
  ["chatParams", "system image part", chatMessages({ role: "system", content: [{ type: "image_url", image_url: { url: "u" } }] })],
  ["chatParams", "tool message without tool_call_id", chatMessages({ role: "user", content: "a" }, { role: "tool", content: "42" })],
  ["chatParams", "tool message with a numeric tool_call_id", chatMessages({ role: "tool", content: "42", tool_call_id: 42 })],
  ["chatParams", "tool message with an image part", chatMessages({ role: "tool", content: [{ type: "image_url", image_url: { url: "u" } }], tool_call_id: "c" })],
  ["chatParams", "assistant content a number", chatMessages({ role: "assistant", content: 1 })],
  ["chatParams", "assistant tool_calls an object", chatMessages({ role: "assistant", tool_calls: {} })],
  ["chatParams", "assistant tool call without id", chatMessages({ role: "assistant", tool_calls: [{ type: "function", function: { name: "f", arguments: "{}" } }] })],
  ["chatParams", "assistant tool call with object arguments", chatMessages({ role: "assistant", tool_calls: [{ id: "1", type: "function", function: { name: "f", arguments: {} } }] })],
  ["chatParams", "assistant reasoning_content a number", chatMessages({ role: "assistant", content: "x", reasoning_content: 3 })],
  ["chatParams", "name a number", chatMessages({ role: "user", content: "x", name: 3 })],
  ["chatParams", "cache_control a string", chatMessages({ role: "user", content: "x", cache_control: "ephemeral" })],
  // User content parts.
  ["chatParams", "text part with a number", chatMessages({ role: "user", content: [{ type: "text", text: 5 }] })],
  ["chatParams", "text part without text", chatMessages({ role: "user", content: [{ type: "text" }] })],
  ["chatParams", "image part without image_url", chatMessages({ role: "user", content: [{ type: "image_url" }] })],
  ["chatParams", "image part with a string image_url", chatMessages({ role: "user", content: [{ type: "image_url", image_url: "https://x" }] })],
  ["chatParams", "image detail unknown", chatMessages({ role: "user", content: [{ type: "image_url", image_url: { url: "u", detail: "ultra" } }] })],
  ["chatParams", "image url missing", chatMessages({ role: "user", content: [{ type: "image_url", image_url: {} }] })],
  ["chatParams", "audio part without data", chatMessages({ role: "user", content: [{ type: "input_audio", input_audio: { format: "wav" } }] })],
  ["chatParams", "audio format flac", chatMessages({ role: "user", content: [{ type: "input_audio", input_audio: { data: "AAA", format: "flac" } }] })],
  ["chatParams", "video part without url", chatMessages({ role: "user", content: [{ type: "video_url", video_url: {} }] })],
  ["chatParams", "part of an unknown type", chatMessages({ role: "user", content: [{ type: "audio", data: "x" }] })],
  ["chatParams", "part not an object", chatMessages({ role: "user", content: ["hi"] })],
  ["chatParams", "second part broken", chatMessages({ role: "user", content: [{ type: "text", text: "a" }, { type: "text", text: null }] })],
  // Tools and tool_choice.
  ["chatParams", "tool without function", { ...CHAT, tools: [{ type: "function" }] }],
  ["chatParams", "tool function without name", { ...CHAT, tools: [{ type: "function", function: {} }] }],
  ["chatParams", "tool name a number", { ...CHAT, tools: [{ function: { name: 1 } }] }],
  ["chatParams", "tool parameters a string", { ...CHAT, tools: [{ function: { name: "f", parameters: "{}" } }] }],
  ["chatParams", "tool type a number", { ...CHAT, tools: [{ type: 1, function: { name: "f" } }] }],
  ["chatParams", "tool_choice a number", { ...CHAT, tool_choice: 3 }],
  ["chatParams", "tool_choice object without function", { ...CHAT, tool_choice: { type: "function" } }],
  ["chatParams", "tool_choice naming an undeclared tool", { ...CHAT, tools: [{ function: { name: "get_weather" } }], tool_choice: { type: "function", function: { name: "get_time" } } }],
  ["chatParams", "tool_choice naming a tool with no tools", { ...CHAT, tool_choice: { function: { name: "get_time" } } }],
  // response_format, reasoning, stream_options.
  ["chatParams", "response_format json_schema without json_schema", { ...CHAT, response_format: { type: "json_schema" } }],
  ["chatParams", "response_format json_schema without schema", { ...CHAT, response_format: { type: "json_schema", json_schema: { name: "x" } } }],
  ["chatParams", "response_format regex without regex", { ...CHAT, response_format: { type: "regex" } }],
  ["chatParams", "response_format regex a number", { ...CHAT, response_format: { type: "regex", regex: 1 } }],
  ["chatParams", "response_format type xml", { ...CHAT, response_format: { type: "xml" } }],
  ["chatParams", "response_format type null", { ...CHAT, response_format: { type: null } }],
  ["chatParams", "reasoning.enabled a string", { ...CHAT, reasoning: { enabled: "yes" } }],
  ["chatParams", "reasoning.effort a number", { ...CHAT, reasoning: { effort: 3 } }],
  ["chatParams", "stream_options.include_usage a string", { ...CHAT, stream_options: { include_usage: "yes" } }],
  ["chatParams", "undefined keys are absent, a bad one beside them is not", chatMessages({ role: "user", content: "x", name: undefined }, { role: "tool", content: "1", tool_call_id: undefined })],
  ["chatParams", "a required nested key set to undefined", { ...CHAT, tools: [{ function: { name: undefined, description: undefined } }] }],
  ["chatParams", "several fields at once", { ...CHAT, temperature: 9, top_p: 0, n: 4.5, messages: [{ role: "tool", content: 1 }] }],
  // Unknown top-level fields, and arrays where the model says object.
  ...["max_token", "maxTokens", "temprature", "max_completion_tokens", "top-p"].map((key): Case => ["chatParams", `unknown field ${key}`, { ...CHAT, [key]: 1 }]),
  ...["response_format", "stream_options", "reasoning", "chat_template_kwargs", "extra_body"].map((key): Case => ["chatParams", `${key} an array`, { ...CHAT, [key]: [] }]),
  ["chatParams", "params an array", []],
  ["chatParams", "a message an array", chatMessages([])],
  ["chatParams", "cache_control an array", chatMessages({ role: "user", content: "x", cache_control: [] })],
  ["chatParams", "tool parameters an array", { ...CHAT, tools: [{ function: { name: "f", parameters: [] } }] }],

  // Legacy completions.
  ["completionParams", "prompt missing", { model: "m" }],
  ["completionParams", "prompt a number", { ...COMPLETION, prompt: 5 }],
  ["completionParams", "prompt token ids with a fraction", { ...COMPLETION, prompt: [1, 2.5] }],
  ["completionParams", "prompt token ids with a string", { ...COMPLETION, prompt: [1, "2"] }],
  ["completionParams", "prompt an array of strings", { ...COMPLETION, prompt: ["a", "b"] }],
  ...fields("completionParams", COMPLETION, { ...SAMPLING_KINDS, max_tokens: "integer", logprobs: "integer", echo: "boolean", return_tokens_as_token_ids: "boolean", data: "object" }, {
    ...SAMPLING_BOUNDS,
    max_tokens: [0, -5, 1_000_001],
  }),
  ["completionParams", "data.image not an array", { ...COMPLETION, data: { image: "data:image/png;base64,AA" } }],
  ["completionParams", "data an array", { ...COMPLETION, data: [] }],
  ["completionParams", "unknown field suffix", { ...COMPLETION, suffix: "x" }],
  ["completionParams", "response_format regex without regex", { ...COMPLETION, response_format: { type: "regex" } }],

  // Embeddings and their batching options.
  ...[5, "x", null].map((value): Case => ["embeddingParams", `params = ${JSON.stringify(value)}`, value]),
  ["embeddingParams", "input missing", { model: "m" }],
  ...fields("embeddingParams", EMBEDDING, { model: "string", input: "strings", encoding_format: "string", dimensions: "integer", service_tier: "string" }, {
    dimensions: [31, 0, -32],
    encoding_format: ["binary", "FLOAT"],
  }),
  ...[
    { batchSize: 0 },
    { batchSize: 1025 },
    { batchSize: 2.5 },
    { batchSize: "10" },
    { concurrency: 0 },
    { concurrency: 1.5 },
    { concurrency: "4" },
    { batchSize: 5000, concurrency: -1 },
  ].map((options): Case => ["embeddingOptions", `options ${JSON.stringify(options)}`, options, ["options"]]),

  // Images.
  ["imageParams", "prompt missing", { model: "m" }],
  ...fields("imageParams", IMAGE, { model: "string", prompt: "string", n: "integer", size: "string", response_format: "string", quality: "string", style: "string", user: "string" }, {
    n: [0, 5],
    response_format: ["png"],
  }),

  // Transcription.
  ["transcriptionParams", "file missing", { model: "m" }],
  ["transcriptionParams", "file a string", { ...TRANSCRIPTION, file: "audio.mp3" }],
  ["transcriptionParams", "file an array", { ...TRANSCRIPTION, file: [1, 2] }],
  ["transcriptionParams", "file a plain object", { ...TRANSCRIPTION, file: { name: "a.mp3" } }],
  ...fields("transcriptionParams", TRANSCRIPTION, { model: "string", filename: "string", language: "string", prompt: "string", response_format: "string", temperature: "number", timestamp_granularities: "object" }, {
    response_format: ["xml"],
    timestamp_granularities: [["sentence"], ["word", "char"]],
  }),

  // Tokenize, rerank, files, batches.
  ["tokenizeParams", "neither prompt nor messages", { model: "m" }],
  ["tokenizeParams", "model blank", { model: " ", prompt: "x" }],
  ["tokenizeParams", "messages empty", { model: "m", messages: [] }],
  ["tokenizeParams", "message without role", { model: "m", messages: [{ content: "x" }] }],
  ["tokenizeParams", "unknown field", { model: "m", prompt: "x", add_special_tokens: true }],
  ["detokenizeParams", "token negative", { model: "m", tokens: [1, -2] }],
  ["detokenizeParams", "token fraction", { model: "m", tokens: [1.5] }],
  ["rerankParams", "both spellings", { model: "a/b", query: "q", queries: ["q"], documents: ["d"] }],
  ["rerankParams", "neither spelling", { model: "a/b", documents: ["d"] }],
  ["rerankParams", "queries of the wrong count", { model: "a/b", queries: ["q", "r"], documents: ["d", "e", "f"] }],
  ["rerankParams", "model path escaping", { model: "../v1/openai/files", query: "q", documents: ["d"] }],
  ["rerankParams", "documents empty", { model: "a/b", query: "q", documents: [] }],
  ["rerankParams", "top_n zero", { model: "a/b", query: "q", documents: ["d"], top_n: 0 }],
  ["fileCreateParams", "file a number", { file: 42, purpose: "batch" }],
  ["fileCreateParams", "purpose empty", { file: "x", purpose: "" }],
  ["fileCreateParams", "expires_after an array", { file: "x", purpose: "batch", expires_after: [] }],
  ["fileListParams", "order newest", { order: "newest" }],
  ["fileListParams", "limit zero", { limit: 0 }],
  ["batchCreateParams", "endpoint without /v1/", { input_file_id: "f", endpoint: "embeddings" }],
  ["batchCreateParams", "metadata value a number", { input_file_id: "f", endpoint: "/v1/embeddings", metadata: { n: 1 } }],
  ["batchCreateParams", "metadata with 17 keys", { input_file_id: "f", endpoint: "/v1/embeddings", metadata: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, "v"])) }],
  ["batchListParams", "limit a string", { limit: "5" }],
  ["batchRunParams", "endpoint images", { endpoint: "/v1/images/generations", requests: [{}] }],
  ["batchRunParams", "requests empty", { endpoint: "/v1/embeddings", requests: [] }],
  ["batchRunParams", "a request a string", { endpoint: "/v1/embeddings", requests: ["x"] }],

  // The SDK's own options.
  ["transportOptions", "timeout negative", { timeout: -1 }],
  ["transportOptions", "maxRetries a string", { maxRetries: "2" }],
  ["budgetOptions", "maxUSD Infinity", { maxUSD: Infinity }],
  ["budgetOptions", "maxUSD missing", {}],
  ["concurrencyOptions", "total a fraction", { total: 1.5 }],
  ["concurrencyOptions", "maxQueue negative", { maxQueue: -1 }],
  ["fallbackChain", "an empty model name", ["ok", ""]],
  ["fallbackChain", "a string", "small"],
  ["featureOptions", "cache without put", { cache: { get() {} } }],
  ["featureOptions", "tracer without startSpan", { tracer: {} }],
  ["runToolsParams", "no tools, zero rounds", { maxRounds: 0, tools: [] }],
  ["runToolsParams", "a tool name with a space", { maxRounds: 1, tools: [{ name: "a b", run() {}, parameters: { "~standard": { version: 1, validate() {} } } }] }],
  ["runToolsParams", "a tool declared twice", { maxRounds: 1, tools: [1, 2].map(() => ({ name: "a", run() {}, parameters: { "~standard": { version: 1, validate() {} } } })) }],
  ["parseParams", "schema a plain object", { schema: {} }],
  ["parseParams", "stream true", { schema: { "~standard": { version: 1, validate() {} } }, stream: true }],
  ["inferenceRunParams", "model escaping", { model: "../x", body: {} }],
  ["inferenceRunParams", "body an array", { model: "a/b", body: [] }],
  ["inferenceRunParams", "body streaming", { model: "a/b", body: { stream: true } }],
  ["llmMessage", "an empty string", ""],
  ["llmMessage", "null", null],

  // Speech.
  ["speechParams", "input missing", { model: "m" }],
  ...fields("speechParams", SPEECH, { model: "string", input: "string", voice: "string", response_format: "string", speed: "number", service_tier: "string" }, {
    speed: [0.2, 4.5],
    response_format: ["aac", "ogg"],
  }),
];

/** The verdict, and the top-level fields the issues name, from one side's `[path, message]` pairs. */
const summary = (issues: Array<[string, string]>) => ({ valid: issues.length === 0, fields: [...new Set(issues.map(([path]) => path.split(".")[0]))].sort() });

describe("shipped validators agree with arktype", () => {
  it(`covers at least 200 bad inputs across every resource (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(200);
    expect(new Set(CASES.map(([root]) => root))).toEqual(new Set(Object.keys(ROOTS).filter((root) => root !== "nonEmpty" && root !== "batchMetadata")));
    expect(Object.keys(ROOTS).length).toBeGreaterThanOrEqual(26);
  });

  it.each(CASES)("%s: %s", (root, _name, value, prefix) => {
    const expected = reference(root, value, prefix);
    // Every case is bad: arktype refuses it, so an empty list on our side cannot pass by accident.
    expect(expected.length).toBeGreaterThan(0);
    const ours = shipped(root, value, prefix);
    expect(summary(ours)).toEqual(summary(expected));
    // Each message names its own path first.
    for (const [path, message] of ours) expect(message.split(" must be ")[0]?.split(" is not ")[0]).toContain(path.split(".").find((k) => !/^\d+$/.test(k)) ?? "");
  });
});

// ---- seeded random mutations ------------------------------------------------------------------------------

const POOL: unknown[] = [0, 1, -1, 0.5, 2, 3, 4, 5, 32, 1000, 1e7, -0.01, 2 ** 64, Number.NaN, Infinity, "", "x", "text", "json_object", "regex", "user", "tool", "float", "base64", "/v1/embeddings", true, false, null, [], ["a"], [1], [1.5], {}, { type: "text" }, { name: "f" }, { role: "user", content: "hi" }, { type: "text", text: "t" }, { function: { name: "f" } }, { include_usage: true }, () => {}, Object.assign(() => {}, { type: "text" })];

const VALID: Partial<Record<RootName, object[]>> = {
  chatParams: [CHAT, { ...CHAT, tools: [{ function: { name: "f" } }], tool_choice: { function: { name: "f" } }, response_format: { type: "json_schema", json_schema: { name: "n", schema: {} } } }],
  completionParams: [COMPLETION, { ...COMPLETION, prompt: [1, 2], data: { image: ["d"] } }],
  embeddingParams: [EMBEDDING],
  imageParams: [IMAGE],
  speechParams: [SPEECH],
  transcriptionParams: [TRANSCRIPTION],
  tokenizeParams: [{ model: "m", messages: [{ role: "user", content: "x" }] }],
  rerankParams: [{ model: "a/b", query: "q", documents: ["d", "e"] }],
  batchCreateParams: [{ input_file_id: "f", endpoint: "/v1/embeddings", metadata: { a: "b" } }],
};

/** A random path into `value` (objects and arrays), and the value with that spot replaced. */
function mutate(value: unknown, next: () => number, depth = 0): unknown {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  if (depth > 0 && next() < 0.35) return pick(POOL);
  if (Array.isArray(value)) {
    if (value.length === 0 || next() < 0.2) return [...value, pick(POOL)];
    const i = Math.floor(next() * value.length);
    return value.map((item, j) => (j === i ? mutate(item, next, depth + 1) : item));
  }
  if (typeof value === "object" && value !== null && !(value instanceof Uint8Array)) {
    const keys = Object.keys(value);
    const key = next() < 0.15 || keys.length === 0 ? pick(["temperature", "top_p", "n", "stop", "models", "seed", "tokens", "queries", "limit", "data", "reasoning", "extra_body", "name", "detail", "tool_calls"]) : pick(keys);
    return { ...value, [key]: mutate((value as Record<string, unknown>)[key], next, depth + 1) };
  }
  return pick(POOL);
}

describe("seeded random mutations: the same verdict as arktype", () => {
  it.each(Object.keys(VALID) as RootName[])("%s: 1,500 mutations", (root) => {
    const next = seededRandom(0x5eed ^ root.length);
    let refused = 0;
    for (let i = 0; i < 1_500; i++) {
      const base = (VALID[root] as object[])[i % (VALID[root] as object[]).length];
      let value = base;
      for (let k = 1 + Math.floor(next() * 2); k > 0; k--) value = mutate(value, next) as object;
      const expected = summary(reference(root, value));
      expect(summary(shipped(root, value)), JSON.stringify(value)).toEqual(expected);
      if (!expected.valid) refused++;
    }
    // The mutations must break something often enough to test the refusals, and not always.
    expect(refused).toBeGreaterThan(300);
    expect(refused).toBeLessThan(1_500);
  });

  it.each(Object.keys(VALID) as RootName[])("%s: the valid bases pass on both sides", (root) => {
    for (const base of VALID[root] as object[]) {
      expect(reference(root, base)).toEqual([]);
      expect(shipped(root, base)).toEqual([]);
    }
  });
});
