// The validators' interface, as the resources use it: synchronous, `ValidationError` with Standard Schema
// issues, one message format for every resource, `null`/`undefined` meaning "absent".
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/errors/validation.js";
import { isValidationError } from "../../src/index.js";
import { validateCompletionParams } from "../../src/schema/completions.js";
import { validateEmbeddingParams } from "../../src/schema/embeddings.js";
import { validateImageParams, validateSpeechParams, validateTranscriptionParams } from "../../src/schema/media.js";
import { validateChatParams } from "../../src/schema/params.js";
import type { ChatCreateParams } from "../../src/types/chat.js";

const CHAT: ChatCreateParams = { model: "m", messages: [{ role: "user", content: "hi" }] };

function thrown(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error("expected a ValidationError");
}

const untyped = (params: object) => params as never;

describe("validator interface", () => {
  it("is synchronous and returns nothing for a valid request", () => {
    expect(validateChatParams(CHAT)).toBeUndefined();
    expect(validateCompletionParams({ model: "m", prompt: "x" })).toBeUndefined();
    expect(validateEmbeddingParams({ model: "m", input: "x" }, {})).toBeUndefined();
    expect(validateImageParams({ model: "m", prompt: "x" })).toBeUndefined();
    expect(validateTranscriptionParams({ model: "m", file: new Blob(["x"]) })).toBeUndefined();
    expect(validateSpeechParams({ model: "m", input: "x" })).toBeUndefined();
  });

  it("words every failure `Invalid <where> params: <issue>; <issue>` with Standard Schema issues", () => {
    const error = thrown(() => validateChatParams(untyped({ ...CHAT, temperature: 3, messages: [{ role: "user", content: 5 }] })));
    expect(error.message).toBe("Invalid chat.completions.create params: messages[0].content must be a string or an array (was a number); temperature must be at most 2 (was 3)");
    expect(error.issues).toEqual([
      { message: "messages[0].content must be a string or an array (was a number)", path: ["messages", 0, "content"] },
      { message: "temperature must be at most 2 (was 3)", path: ["temperature"] },
    ]);
    expect(isValidationError(error)).toBe(true);
    expect(error.name).toBe("ValidationError");
  });

  it("names the caller it was given", () => {
    expect(thrown(() => validateChatParams(untyped({ ...CHAT, n: 9 }), "chat.completions.parse")).message).toBe("Invalid chat.completions.parse params: n must be at most 4 (was 9)");
  });

  it.each([
    ["chat", () => validateChatParams(untyped({ ...CHAT, top_p: 0 })), "Invalid chat.completions.create params: top_p must be more than 0 (was 0)"],
    ["completions", () => validateCompletionParams(untyped({ model: "m", prompt: "x", max_tokens: 0 })), "Invalid completions.create params: max_tokens must be more than 0 (was 0)"],
    ["embeddings", () => validateEmbeddingParams(untyped({ model: "m", input: "x", dimensions: 16 })), "Invalid embeddings.create params: dimensions must be at least 32 (was 16)"],
    ["embeddings options", () => validateEmbeddingParams({ model: "m", input: "x" }, { batchSize: 2000 }), "Invalid embeddings.create params: options.batchSize must be at most 1024 (was 2000)"],
    ["images", () => validateImageParams(untyped({ model: "m", prompt: "x", n: 5 })), "Invalid images.generate params: n must be at most 4 (was 5)"],
    ["transcription", () => validateTranscriptionParams(untyped({ model: "m", file: "a.mp3" })), "Invalid audio.transcriptions.create params: file must be a ReadableStream, an ArrayBuffer, a Blob or a Uint8Array (was a string)"],
    ["speech", () => validateSpeechParams(untyped({ model: "m", input: "x", speed: 5 })), "Invalid audio.speech.create params: speed must be at most 4 (was 5)"],
  ])("%s: same format", (_name, run, message) => {
    expect(thrown(run).message).toBe(message);
  });

  it("keeps the batching options' path apart from the params'", () => {
    const error = thrown(() => validateEmbeddingParams(untyped({ model: 1, input: "x" }), { batchSize: 0, concurrency: 1.5 }));
    expect(error.issues.map((issue) => issue.path)).toEqual([["model"], ["options", "batchSize"], ["options", "concurrency"]]);
    expect(error.message).toBe("Invalid embeddings.create params: model must be a string (was a number); options.batchSize must be at least 1 (was 0); options.concurrency must be an integer (was 1.5)");
  });

  it.each([5, "x", null, undefined, true])("refuses non-object params (%s) with a ValidationError", (params) => {
    for (const run of [
      () => validateChatParams(params as never),
      () => validateCompletionParams(params as never),
      () => validateEmbeddingParams(params as never),
      () => validateImageParams(params as never),
      () => validateTranscriptionParams(params as never),
      () => validateSpeechParams(params as never),
    ]) {
      expect(thrown(run).message).toMatch(/^Invalid [a-z.]+ params: must be an object \(was .+\)$/);
    }
  });

  it("reads a top-level null or undefined as absent, for every resource", () => {
    const absent = (fields: string[]) => Object.fromEntries(fields.flatMap((f, i) => [[f, i % 2 ? null : undefined]]));
    expect(() =>
      validateChatParams(untyped({ ...CHAT, ...absent(["temperature", "top_p", "max_tokens", "stop", "tools", "tool_choice", "response_format", "seed", "reasoning", "service_tier", "extra_body"]) })),
    ).not.toThrow();
    expect(() => validateCompletionParams(untyped({ model: "m", prompt: "x", ...absent(["max_tokens", "logprobs", "echo", "data", "stop_token_ids"]) }))).not.toThrow();
    expect(() => validateEmbeddingParams(untyped({ model: "m", input: "x", dimensions: undefined, encoding_format: null, service_tier: undefined }), { batchSize: undefined, concurrency: null } as never)).not.toThrow();
    expect(() => validateImageParams(untyped({ model: "m", prompt: "x", ...absent(["n", "size", "response_format", "quality", "style", "user"]) }))).not.toThrow();
    expect(() => validateTranscriptionParams(untyped({ model: "m", file: new Uint8Array([1]), ...absent(["language", "prompt", "temperature", "timestamp_granularities", "filename"]) }))).not.toThrow();
    expect(() => validateSpeechParams(untyped({ model: "m", input: "x", ...absent(["voice", "response_format", "speed", "service_tier"]) }))).not.toThrow();
    // A required field set to null is missing, not a wrong type.
    expect(thrown(() => validateChatParams(untyped({ ...CHAT, model: null }))).message).toBe("Invalid chat.completions.create params: model must be a string (was missing)");
  });

  it("reads a key set to undefined at any depth as absent, as JSON.stringify does", () => {
    const messages = [
      { role: "user", content: "hi", name: undefined, cache_control: undefined },
      { role: "assistant", content: undefined, tool_calls: undefined, reasoning_content: undefined },
    ];
    const tools = [{ type: undefined, function: { name: "f", description: undefined, parameters: undefined } }];
    expect(() => validateChatParams(untyped({ ...CHAT, messages, tools, stream_options: { include_usage: undefined }, reasoning: { effort: undefined } }))).not.toThrow();
    // A required key set to undefined is missing.
    expect(thrown(() => validateChatParams(untyped({ ...CHAT, messages: [{ role: "tool", content: "42", tool_call_id: undefined }] }))).message).toBe(
      "Invalid chat.completions.create params: messages[0].tool_call_id must be a string (was missing)",
    );
  });

  it("does not copy or change the caller's params", () => {
    const params = { ...CHAT, temperature: null, stop: ["a"] };
    const before = JSON.stringify(params);
    validateChatParams(untyped(params));
    expect(JSON.stringify(params)).toBe(before);
    expect(params.temperature).toBeNull();
  });

  it("refuses an unknown top-level field, naming the closest known one and extra_body; extra_body sends anything", () => {
    const cases: Array<[string, string]> = [
      ["max_token", "max_tokens"],
      ["maxTokens", "max_tokens"],
      ["temprature", "temperature"],
      ["max_completion_tokens", "max_tokens"],
      ["topP", "top_p"],
    ];
    for (const [key, near] of cases) {
      const error = thrown(() => validateChatParams(untyped({ ...CHAT, [key]: 1 })));
      expect(error.issues).toEqual([{ message: `${key} is not a known field (did you mean "${near}"? send fields the SDK does not know in extra_body)`, path: [key] }]);
    }
    expect(thrown(() => validateChatParams(untyped({ ...CHAT, zzzzzzzz: 1 }))).message).toBe("Invalid chat.completions.create params: zzzzzzzz is not a known field (send fields the SDK does not know in extra_body)");
    expect(() => validateChatParams(untyped({ ...CHAT, extra_body: { top_logprobs: "anything", guided_choice: ["a", "b"] } }))).not.toThrow();
    // Every field DeepInfra's newer models carry is known.
    for (const key of ["service_tier", "fail_fast", "reasoning_effort", "prompt_cache_key", "continue_final_message", "chat_template_kwargs", "models", "stop_token_ids"]) {
      expect(thrown(() => validateChatParams(untyped({ ...CHAT, [key]: Symbol("bad") }))).issues[0]?.message).not.toContain("is not a known field");
    }
  });

  it("stops at the first rule a value breaks: an integer test before its bounds", () => {
    const error = thrown(() => validateChatParams(untyped({ ...CHAT, n: 4.5 })));
    expect(error.issues).toEqual([{ message: "n must be an integer (was 4.5)", path: ["n"] }]);
    expect(thrown(() => validateChatParams(untyped({ ...CHAT, n: 5 }))).message).toBe("Invalid chat.completions.create params: n must be at most 4 (was 5)");
  });

  it("refuses a tool_choice naming a function tools does not declare, and only that", () => {
    const tools = [{ type: "function" as const, function: { name: "get_weather" } }];
    const error = thrown(() => validateChatParams({ ...CHAT, tools, tool_choice: { type: "function", function: { name: "get_time" } } }));
    expect(error.issues).toEqual([{ message: 'tool_choice.function.name must be the name of a declared tool ("get_weather") (was "get_time")', path: ["tool_choice", "function", "name"] }]);
    expect(thrown(() => validateChatParams({ ...CHAT, tool_choice: { function: { name: "x" } } })).message).toContain("must be the name of a declared tool (none declared) (was \"x\")");
    for (const tool_choice of ["auto", "none", "required", "sometimes"]) expect(() => validateChatParams({ ...CHAT, tool_choice })).not.toThrow();
    expect(() => validateChatParams({ ...CHAT, tools, tool_choice: { type: "function", function: { name: "get_weather" } } })).not.toThrow();
  });

  it("accepts what the old rules refused and DeepInfra accepts", () => {
    for (const params of [
      { ...CHAT, stop: Array.from({ length: 16 }, (_, i) => `s${i}`) },
      { ...CHAT, response_format: { type: "regex", regex: "^(yes|no)$" } },
      { ...CHAT, reasoning_effort: "xhigh" },
      { ...CHAT, reasoning_effort: "minimal" },
      { ...CHAT, messages: [{ role: "user", content: [{ type: "input_audio", input_audio: { data: "UklGRg==", format: "wav" } }] }] },
      { ...CHAT, messages: [] },
      { ...CHAT, max_tokens: 0 },
    ]) {
      expect(() => validateChatParams(params as ChatCreateParams)).not.toThrow();
    }
    expect(() => validateCompletionParams({ model: "m", prompt: [128000, 9906] })).not.toThrow();
  });

  it("refuses what the old rules sent and DeepInfra refuses", () => {
    expect(thrown(() => validateChatParams({ ...CHAT, n: 5 })).message).toContain("n must be at most 4 (was 5)");
    expect(thrown(() => validateChatParams({ ...CHAT, repetition_penalty: 6 })).message).toContain("repetition_penalty must be at most 5 (was 6)");
    expect(thrown(() => validateChatParams({ ...CHAT, top_p: 0 })).message).toContain("top_p must be more than 0 (was 0)");
    expect(thrown(() => validateChatParams({ ...CHAT, max_tokens: 1_000_001 })).message).toContain("max_tokens must be at most 1000000 (was 1000001)");
  });
});
