// Pins the public types: checked by `tsc -p tsconfig.test.json` (npm run typecheck); the runtime
// assertions keep the file meaningful for vitest too.
import { describe, expectTypeOf, it, expect } from "vitest";
import {
  type APIPromise,
  ValidationError,
  ChatStream,
  DeepInfra,
  MODEL_ALIASES,
  type ChatCompletion,
  type ChatCompletionChunk,
  type ChatContentPart,
  type ChatCreateParams,
  type ChatImagePart,
  type ChatMessage,
  type ChatReasoningEffort,
  type ChatToolChoice,
  type CompletionCreateParams,
  type CompletionUsage,
  type CreateEmbeddingResponse,
  type EmbeddingCreateParams,
  type EmbeddingRequestOptions,
  type ImageGenerateParams,
  type ModelAlias,
  type ServiceTier,
  type SpeechCreateParams,
  type TranscriptionCreateParams,
} from "../src/index.js";
import type { chatParams, message, userPart } from "../src/schema/rules/chat.js";
import type { completionParams } from "../src/schema/rules/completions.js";
import type { embeddingOptions, embeddingParams } from "../src/schema/rules/embeddings.js";
import type { imageParams, speechParams, transcriptionParams } from "../src/schema/rules/media.js";
import { FAKE_KEY } from "./setup-client.js";
import { validateChatParams } from "../src/schema/params.js";
import { validateCompletionParams } from "../src/schema/completions.js";

describe("public types", () => {
  const client = new DeepInfra({ apiKey: FAKE_KEY });
  const messages = [{ role: "user" as const, content: "hi" }];

  it("create() returns a ChatCompletion without stream and a ChatStream with stream: true", () => {
    // Functions that are never called: type positions only, so no request leaves the test.
    const plain = () => client.chat.completions.create({ model: "default", messages });
    const streamed = () => client.chat.completions.create({ model: "default", messages, stream: true });
    const flag = Math.random() > 2;
    const either = () => client.chat.completions.create({ model: "default", messages, stream: flag });
    expectTypeOf(plain).returns.toEqualTypeOf<APIPromise<ChatCompletion>>();
    expectTypeOf(streamed).returns.toEqualTypeOf<APIPromise<ChatStream>>();
    expectTypeOf(either).returns.toEqualTypeOf<APIPromise<ChatCompletion | ChatStream>>();
    expect(typeof client.chat.completions.create).toBe("function");
  });

  it("a ChatStream is an async iterable of chunks with typed helpers", () => {
    expectTypeOf<ChatStream>().toMatchTypeOf<AsyncIterable<ChatCompletionChunk>>();
    expectTypeOf<ChatStream["textStream"]>().returns.toMatchTypeOf<AsyncIterable<string>>();
    expectTypeOf<ChatStream["finalCompletion"]>().returns.toEqualTypeOf<Promise<ChatCompletion>>();
    expectTypeOf<ChatStream["toReadableStream"]>().returns.toEqualTypeOf<ReadableStream<Uint8Array>>();
    expect(typeof ChatStream.fromResponse).toBe("function");
  });

  it("usage carries DeepInfra's estimated_cost, messages carry reasoning and tool calls", () => {
    expectTypeOf<NonNullable<ChatCompletion["usage"]>["estimated_cost"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ChatCompletion["choices"][number]["message"]["reasoning_content"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<NonNullable<ChatCompletion["choices"][number]["message"]["tool_calls"]>[number]["function"]["arguments"]>().toEqualTypeOf<string>();
  });

  it("model accepts aliases with completion and any string", () => {
    expectTypeOf<"default">().toMatchTypeOf<ChatCreateParams["model"]>();
    expectTypeOf<"meta-llama/Meta-Llama-3.1-8B-Instruct">().toMatchTypeOf<ChatCreateParams["model"]>();
    expectTypeOf<ModelAlias>().toEqualTypeOf<"default" | "large" | "small" | "agent">();
    expect(Object.keys(MODEL_ALIASES)).toEqual(["default", "large", "small", "agent"]);
  });

  it("rejects a wrong role and a tool message without tool_call_id at compile time", () => {
    // @ts-expect-error role "developer" is not a chat role
    const bad: ChatCreateParams = { model: "x", messages: [{ role: "developer", content: "hi" }] };
    // @ts-expect-error a tool message needs tool_call_id
    const noId: ChatCreateParams = { model: "x", messages: [{ role: "tool", content: "42" }] };
    // And at run time, for callers without TypeScript (the compile-time half is enforced by tsc in npm test).
    expect(() => validateChatParams(bad)).toThrow('Invalid chat.completions.create params: messages[0].role must be "user", "system", "tool" or "assistant" (was "developer")');
    expect(() => validateChatParams(noId)).toThrow(ValidationError);
  });
});

// ---- params types: pinned to the arktype rules, closed to typos, open through extra_body --------------------

/** A params type as the run-time rules see it: top-level `null` dropped (it means absent); `extra_body` is checked as an object. */
type AsChecked<T> = { [K in keyof T]: Exclude<T[K], null> };
type Rule<T extends { infer: unknown }> = T["infer"];
/** Plain assignability (expectTypeOf's own matcher trips over unions of built-in classes such as `file`). */
type Extends<A, B> = [A] extends [B] ? true : false;

describe("params types follow the rules they are checked against", () => {
  it("every typed request passes the rules, and both name the same fields", () => {
    expectTypeOf<Extends<AsChecked<ChatCreateParams>, Rule<typeof chatParams>>>().toEqualTypeOf<true>();
    expectTypeOf<keyof AsChecked<ChatCreateParams>>().toEqualTypeOf<keyof Rule<typeof chatParams>>();
    expectTypeOf<Extends<AsChecked<CompletionCreateParams>, Rule<typeof completionParams>>>().toEqualTypeOf<true>();
    expectTypeOf<keyof AsChecked<CompletionCreateParams>>().toEqualTypeOf<keyof Rule<typeof completionParams>>();
    expectTypeOf<Extends<AsChecked<EmbeddingCreateParams>, Rule<typeof embeddingParams>>>().toEqualTypeOf<true>();
    expectTypeOf<keyof AsChecked<EmbeddingCreateParams>>().toEqualTypeOf<keyof Rule<typeof embeddingParams>>();
    expectTypeOf<Extends<Pick<EmbeddingRequestOptions, "batchSize" | "concurrency">, Rule<typeof embeddingOptions>>>().toEqualTypeOf<true>();
    expectTypeOf<Extends<AsChecked<ImageGenerateParams>, Rule<typeof imageParams>>>().toEqualTypeOf<true>();
    expectTypeOf<keyof AsChecked<ImageGenerateParams>>().toEqualTypeOf<keyof Rule<typeof imageParams>>();
    expectTypeOf<Extends<AsChecked<TranscriptionCreateParams>, Rule<typeof transcriptionParams>>>().toEqualTypeOf<true>();
    expectTypeOf<keyof AsChecked<TranscriptionCreateParams>>().toEqualTypeOf<keyof Rule<typeof transcriptionParams>>();
    expectTypeOf<Extends<AsChecked<SpeechCreateParams>, Rule<typeof speechParams>>>().toEqualTypeOf<true>();
    expectTypeOf<keyof AsChecked<SpeechCreateParams>>().toEqualTypeOf<keyof Rule<typeof speechParams>>();
    expect(true).toBe(true);
  });

  it("closed enumerations list exactly the values the rules accept", () => {
    type Of<T, K extends keyof T> = NonNullable<T[K]>;
    expectTypeOf<ChatMessage["role"]>().toEqualTypeOf<Rule<typeof message>["role"]>();
    expectTypeOf<ChatContentPart["type"]>().toEqualTypeOf<Rule<typeof userPart>["type"]>();
    expectTypeOf<NonNullable<ChatImagePart["image_url"]["detail"]>>().toEqualTypeOf<"auto" | "low" | "high">();
    expectTypeOf<Of<EmbeddingCreateParams, "encoding_format">>().toEqualTypeOf<NonNullable<Rule<typeof embeddingParams>["encoding_format"]>>();
    expectTypeOf<Of<ImageGenerateParams, "response_format">>().toEqualTypeOf<NonNullable<Rule<typeof imageParams>["response_format"]>>();
    expectTypeOf<Of<SpeechCreateParams, "response_format">>().toEqualTypeOf<NonNullable<Rule<typeof speechParams>["response_format"]>>();
    expectTypeOf<Of<TranscriptionCreateParams, "response_format">>().toEqualTypeOf<NonNullable<Rule<typeof transcriptionParams>["response_format"]>>();
    expectTypeOf<Of<TranscriptionCreateParams, "timestamp_granularities">>().toEqualTypeOf<NonNullable<Rule<typeof transcriptionParams>["timestamp_granularities"]>>();
    expect(true).toBe(true);
  });

  it("open enumerations autocomplete their known values and take any string", () => {
    expectTypeOf<"xhigh">().toMatchTypeOf<ChatReasoningEffort>();
    expectTypeOf<"next-year">().toMatchTypeOf<ChatReasoningEffort>();
    expectTypeOf<"flex">().toMatchTypeOf<ServiceTier>();
    expectTypeOf<"some-new-mode">().toMatchTypeOf<ChatToolChoice>();
    expectTypeOf<Rule<typeof chatParams>["reasoning_effort"]>().toEqualTypeOf<string | undefined>();
    expect(true).toBe(true);
  });

  it("a misspelled field fails tsc; extra_body is the one typed door", () => {
    const messages: ChatMessage[] = [{ role: "user", content: "hi" }];
    // @ts-expect-error `temprature` is not a field
    const a: ChatCreateParams = { model: "m", messages, temprature: 0.5 };
    // @ts-expect-error `max_token` is not a field
    const b: ChatCreateParams = { model: "m", messages, max_token: 10 };
    // @ts-expect-error a misspelled field inside a message
    const c: ChatCreateParams = { model: "m", messages: [{ role: "user", contnet: "hi" }] };
    // @ts-expect-error `echo` belongs to legacy completions, not chat
    const d: ChatCreateParams = { model: "m", messages, echo: true };
    // @ts-expect-error `prompts` is not a field
    const e: CompletionCreateParams = { model: "m", prompt: "x", prompts: ["y"] };
    // @ts-expect-error `dimension` is not a field
    const f: EmbeddingCreateParams = { model: "m", input: "x", dimension: 64 };
    // @ts-expect-error `negative_prompt` goes in extra_body
    const g: ImageGenerateParams = { model: "m", prompt: "x", negative_prompt: "blur" };
    // @ts-expect-error `speeed` is not a field
    const h: SpeechCreateParams = { model: "m", input: "x", speeed: 2 };
    // @ts-expect-error `langauge` is not a field
    const i: TranscriptionCreateParams = { model: "m", file: new Blob([]), langauge: "en" };
    // @ts-expect-error extra_body is an object of fields
    const j: ChatCreateParams = { model: "m", messages, extra_body: "top_logprobs=3" };
    // @ts-expect-error aac is not one of DeepInfra's speech formats
    const k: SpeechCreateParams = { model: "m", input: "x", response_format: "aac" };
    const ok: ChatCreateParams = { model: "m", messages, extra_body: { top_logprobs: 3, guided_choice: ["yes", "no"] } };
    expectTypeOf<ChatCreateParams["extra_body"]>().toEqualTypeOf<Record<string, unknown> | null | undefined>();
    for (const params of [CompletionCreateParamsKeys, EmbeddingKeys, ImageKeys, SpeechKeys, TranscriptionKeys]) expect(params).toContain("extra_body");
    expect([a, b, c, d, e, f, g, h, i, j, k, ok]).toHaveLength(12);
  });

  it("the model's newer fields are typed", () => {
    const params: ChatCreateParams = {
      model: "m",
      messages: [
        { role: "system", content: [{ type: "text", text: "Be brief." }], cache_control: { type: "ephemeral" } },
        { role: "user", content: [{ type: "input_audio", input_audio: { data: "UklGRg==", format: "wav" } }, { type: "video_url", video_url: { url: "https://x/v.mp4" } }] },
      ],
      response_format: { type: "regex", regex: "^(yes|no)$" },
      reasoning: { effort: "high", enabled: true },
      reasoning_effort: "xhigh",
      service_tier: "priority",
      fail_fast: true,
      models: ["a/b", "c/d"],
      prompt_cache_key: "k",
      chat_template_kwargs: { enable_thinking: false },
      continue_final_message: false,
      stop_token_ids: [128009],
      tools: [{ type: "function", function: { name: "f" }, cache_control: { type: "ephemeral" } }],
    };
    const completion: CompletionCreateParams = { model: "m", prompt: [128000, 9906], return_tokens_as_token_ids: true, data: { image: ["data:image/png;base64,AA"] } };
    // Every field the types offer passes the run-time rules: types and rules agree.
    expect(() => validateChatParams(params)).not.toThrow();
    expect(() => validateCompletionParams(completion)).not.toThrow();
  });

  it("responses carry the service tier echo and cached-token usage, nested or flat", () => {
    expectTypeOf<ChatCompletion["service_tier"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ChatCompletionChunk["service_tier"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<CreateEmbeddingResponse["service_tier"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<NonNullable<CompletionUsage["prompt_tokens_details"]>["cached_tokens"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<CompletionUsage["cached_tokens"]>().toEqualTypeOf<number | undefined>();
    expect(true).toBe(true);
  });
});

// Runtime witnesses that extra_body is declared on every params type (keyof can't be listed at run time).
const CompletionCreateParamsKeys: Array<keyof CompletionCreateParams> = ["extra_body"];
const EmbeddingKeys: Array<keyof EmbeddingCreateParams> = ["extra_body"];
const ImageKeys: Array<keyof ImageGenerateParams> = ["extra_body"];
const SpeechKeys: Array<keyof SpeechCreateParams> = ["extra_body"];
const TranscriptionKeys: Array<keyof TranscriptionCreateParams> = ["extra_body"];
