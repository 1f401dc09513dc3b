// Request types against the rules they are checked with, field by field and both ways: a field typed one way and
// validated another fails `tsc -p tsconfig.test.json` (npm run typecheck, part of npm test). Where a type is on
// purpose narrower than its rule (a closed list in the type, a looser server model), the field is named in
// NARROWER with the reason. The run-time half checks the key lists, so vitest alone also fails on a new field.
import { type } from "arktype";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { SpeechCreateParams, TranscriptionCreateParams } from "../../src/types/audio.js";
import type { BatchCreateParams } from "../../src/types/batches.js";
import type { ChatCreateParams } from "../../src/types/chat.js";
import type { CompletionCreateParams } from "../../src/types/completions.js";
import type { EmbeddingCreateParams } from "../../src/types/embeddings.js";
import type { FileCreateParams, FileListParams } from "../../src/types/files.js";
import type { ImageGenerateParams } from "../../src/types/images.js";
import type { RerankParams } from "../../src/types/rerank.js";
import type { DetokenizeParams, TokenizeParams } from "../../src/types/tokenize.js";
import { ROOTS } from "../../src/schema/rules/index.js";

type Rule<K extends keyof typeof ROOTS> = (typeof ROOTS)[K]["infer"];
type Field<T, K extends keyof T> = Exclude<T[K], null | undefined>;
/** Per shared field: true, or which way the two disagree. */
type Agree<T, R, Narrower extends PropertyKey = never> = {
  [K in keyof T & keyof R]-?: [Field<T, K>] extends [Exclude<R[K], undefined>]
    ? K extends Narrower
      ? true
      : [Exclude<R[K], undefined>] extends [Field<T, K>]
        ? true
        : ["validated wider than typed", K]
    : ["typed wider than validated", K];
};
type Disagreements<O> = { [K in keyof O]: O[K] extends true ? never : O[K] }[keyof O];
/** The same field names on both sides. */
type SameKeys<T, R> = [Exclude<keyof T, keyof R>, Exclude<keyof R, keyof T>];

// Fields whose type is narrower than the rule on purpose, with the reason:
// - model: the type lists the aliases for autocomplete; any string is a model id.
// - messages, tools, tool_choice, response_format: the types spell each message class and part with its literal
//   `type`; the rules accept the model's looser spellings (`type` any string on tools and tool calls, a format without `type`).
// - file (audio, files): the type says ReadableStream<Uint8Array>; `instanceof` cannot see a stream's chunk type.
// - endpoint (batches): the type lists the three endpoints for autocomplete; any `/v1/…` path is accepted.
// - expires_after / output_expires_after: the type offers the one anchor OpenAI's API names.
// - metadata (batches): `Record<string, string>` in the type, an index signature object in the rule (same values).
type ChatNarrower = "model" | "messages" | "tools" | "tool_choice" | "response_format" | "extra_body" | "chat_template_kwargs";

describe("request types agree with their rules", () => {
  it("field by field, both ways (tsc)", () => {
    expectTypeOf<Disagreements<Agree<ChatCreateParams, Rule<"chatParams">, ChatNarrower>>>().toEqualTypeOf<never>();
    expectTypeOf<Disagreements<Agree<CompletionCreateParams, Rule<"completionParams">, "model" | "response_format" | "extra_body">>>().toEqualTypeOf<never>();
    expectTypeOf<Disagreements<Agree<EmbeddingCreateParams, Rule<"embeddingParams">, "model" | "extra_body">>>().toEqualTypeOf<never>();
    expectTypeOf<Disagreements<Agree<ImageGenerateParams, Rule<"imageParams">, "extra_body">>>().toEqualTypeOf<never>();
    expectTypeOf<Disagreements<Agree<SpeechCreateParams, Rule<"speechParams">, "extra_body">>>().toEqualTypeOf<never>();
    expectTypeOf<Disagreements<Agree<TranscriptionCreateParams, Rule<"transcriptionParams">, "file" | "extra_body">>>().toEqualTypeOf<never>();
    expectTypeOf<Disagreements<Agree<TokenizeParams, Rule<"tokenizeParams">, "model" | "messages" | "extra_body">>>().toEqualTypeOf<never>();
    expectTypeOf<Disagreements<Agree<DetokenizeParams, Rule<"detokenizeParams">, "model" | "extra_body">>>().toEqualTypeOf<never>();
    expectTypeOf<Disagreements<Agree<RerankParams, Rule<"rerankParams">, "extra_body">>>().toEqualTypeOf<never>();
    expectTypeOf<Disagreements<Agree<FileCreateParams, Rule<"fileCreateParams">, "file" | "purpose" | "expires_after">>>().toEqualTypeOf<never>();
    expectTypeOf<Disagreements<Agree<FileListParams, Rule<"fileListParams">>>>().toEqualTypeOf<never>();
    expectTypeOf<Disagreements<Agree<BatchCreateParams, Rule<"batchCreateParams">, "endpoint" | "completion_window" | "metadata" | "output_expires_after" | "extra_body">>>().toEqualTypeOf<never>();
    expect(true).toBe(true);
  });

  it("the same field names on both sides (tsc)", () => {
    expectTypeOf<SameKeys<ChatCreateParams, Rule<"chatParams">>>().toEqualTypeOf<[never, never]>();
    expectTypeOf<SameKeys<CompletionCreateParams, Rule<"completionParams">>>().toEqualTypeOf<[never, never]>();
    expectTypeOf<SameKeys<EmbeddingCreateParams, Rule<"embeddingParams">>>().toEqualTypeOf<[never, never]>();
    expectTypeOf<SameKeys<ImageGenerateParams, Rule<"imageParams">>>().toEqualTypeOf<[never, never]>();
    expectTypeOf<SameKeys<SpeechCreateParams, Rule<"speechParams">>>().toEqualTypeOf<[never, never]>();
    expectTypeOf<SameKeys<TranscriptionCreateParams, Rule<"transcriptionParams">>>().toEqualTypeOf<[never, never]>();
    expectTypeOf<SameKeys<TokenizeParams, Rule<"tokenizeParams">>>().toEqualTypeOf<[never, never]>();
    expectTypeOf<SameKeys<DetokenizeParams, Rule<"detokenizeParams">>>().toEqualTypeOf<[never, never]>();
    expectTypeOf<SameKeys<RerankParams, Rule<"rerankParams">>>().toEqualTypeOf<[never, never]>();
    expectTypeOf<SameKeys<FileCreateParams, Rule<"fileCreateParams">>>().toEqualTypeOf<[never, never]>();
    expectTypeOf<SameKeys<FileListParams, Rule<"fileListParams">>>().toEqualTypeOf<[never, never]>();
    expectTypeOf<SameKeys<BatchCreateParams, Rule<"batchCreateParams">>>().toEqualTypeOf<[never, never]>();
    expect(true).toBe(true);
  });

  it("the checker itself can fail: a field typed number but validated string is caught", () => {
    const probe = type({ temperature: "string" });
    type Probe = Disagreements<Agree<{ temperature?: number | null }, (typeof probe)["infer"]>>;
    expectTypeOf<Probe>().toEqualTypeOf<["typed wider than validated", "temperature"]>();
    const wide = type({ "stop?": "string | string[]" });
    type Wide = Disagreements<Agree<{ stop?: string | null }, (typeof wide)["infer"]>>;
    expectTypeOf<Wide>().toEqualTypeOf<["validated wider than typed", "stop"]>();
    expect(Object.keys(probe.json as object)).toContain("required");
  });

  it("each rule declares the fields its generated validator knows (run time)", () => {
    const declared = (root: keyof typeof ROOTS) => {
      const json = ROOTS[root].json as { required?: Array<{ key: string }>; optional?: Array<{ key: string }> };
      return [...(json.required ?? []), ...(json.optional ?? [])].map((p) => p.key).sort();
    };
    expect(declared("chatParams")).toEqual([...CHAT_KEYS].sort());
    expect(declared("embeddingParams")).toEqual(["dimensions", "encoding_format", "extra_body", "fail_fast", "input", "model", "service_tier"]);
  });
});

// Every key of ChatCreateParams, written out: `satisfies` fails tsc when the type gains or loses one.
const CHAT_KEYS = ["model", "messages", "stream", "temperature", "top_p", "top_k", "min_p", "max_tokens", "stop", "stop_token_ids", "n", "presence_penalty", "frequency_penalty", "repetition_penalty", "response_format", "tools", "tool_choice", "seed", "logprobs", "user", "stream_options", "reasoning_effort", "reasoning", "service_tier", "fail_fast", "models", "prompt_cache_key", "chat_template_kwargs", "continue_final_message", "extra_body"] as const satisfies ReadonlyArray<keyof ChatCreateParams>;
type MissingChatKeys = Exclude<keyof ChatCreateParams, (typeof CHAT_KEYS)[number]>;
expectTypeOf<MissingChatKeys>().toEqualTypeOf<never>();
