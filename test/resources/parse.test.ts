import type { StandardSchemaV1 } from "@standard-schema/spec";
import { type } from "arktype";
import { describe, expect, expectTypeOf, it } from "vitest";
import { StructuredOutputError, ValidationError, toJSONSchema } from "../../src/index.js";
import { recordedRequests } from "../helpers.js";
import { HELLO, rejection, testClient } from "../setup-client.js";

/** A chat completion whose reply is `content`. */
function reply(content: string) {
  return {
    id: "chatcmpl-parse",
    object: "chat.completion",
    created: 1718000500,
    model: "meta-llama/Meta-Llama-3.1-8B-Instruct",
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
    usage: { prompt_tokens: 20, completion_tokens: 10, total_tokens: 30, estimated_cost: 0.000001 },
  };
}

const City = type({ city: "string", population: "number.integer >= 0" });

/** A hand-written Standard Schema (no library): proves parse is not arktype-only. */
const handWritten: StandardSchemaV1<unknown, { ok: boolean; tags: string[] }> = {
  "~standard": {
    version: 1,
    vendor: "hand-written",
    validate(value) {
      const v = value as { ok?: unknown; tags?: unknown };
      const issues: StandardSchemaV1.Issue[] = [];
      if (typeof v?.ok !== "boolean") issues.push({ message: "must be a boolean", path: ["ok"] });
      if (!Array.isArray(v?.tags) || !v.tags.every((t) => typeof t === "string")) issues.push({ message: "must be an array of strings", path: ["tags"] });
      return issues.length ? { issues } : { value: { ok: v.ok as boolean, tags: v.tags as string[] } };
    },
  },
};

describe("JSON mode", () => {
  it("response_format json_object works non-streaming and the reply is JSON", async () => {
    const { client, testId } = testClient();
    const completion = await client.chat.completions.create({ model: "default", messages: HELLO, response_format: { type: "json_object" } });
    const parsed = JSON.parse(completion.choices[0]?.message.content ?? "");
    expect(parsed.breakthroughs[0]).toEqual({ name: "Penicillin", country: "UK", year: 1928 });
    expect(completion.usage?.estimated_cost).toBe(0.0000049);
    expect((await recordedRequests(testId))[0]?.json).toMatchObject({ response_format: { type: "json_object" } });
  });

  it("response_format json_object works streaming: the deltas assemble into JSON", async () => {
    const { client, testId } = testClient({ chunkSize: 37 });
    const stream = await client.chat.completions.create({ model: "default", messages: HELLO, response_format: { type: "json_object" }, stream: true });
    const text: string[] = [];
    for await (const piece of stream.textStream()) text.push(piece);
    expect(JSON.parse(text.join(""))).toEqual({ name: "Penicillin", country: "UK", year: 1928 });
    expect((await stream.finalCompletion()).usage?.estimated_cost).toBe(0.0000032);
    expect((await recordedRequests(testId))[0]?.json).toMatchObject({ stream: true, response_format: { type: "json_object" } });
  });
});

describe("chat.completions.parse", () => {
  it("with an arktype schema: sends its JSON Schema as json_schema and returns the typed value", async () => {
    const { client, testId } = testClient({ body: reply('{"city": "Lyon", "population": 522250}') });
    const { parsed, completion, attempts } = await client.chat.completions.parse({ model: "default", messages: HELLO, schema: City, schemaName: "city" });
    expectTypeOf(parsed).toEqualTypeOf<{ city: string; population: number }>();
    expect(parsed).toEqual({ city: "Lyon", population: 522250 });
    expect(attempts).toBe(1);
    expect(completion.id).toBe("chatcmpl-parse");
    const [sent] = await recordedRequests(testId);
    expect(sent?.json).toMatchObject({
      model: "openchat/openchat-3.6-8b",
      response_format: {
        type: "json_schema",
        json_schema: {
          name: "city",
          schema: { type: "object", properties: { city: { type: "string" }, population: { type: "integer", minimum: 0 } }, required: ["city", "population"] },
        },
      },
    });
    expect((sent?.json as { stream?: unknown }).stream).toBe(false);
    expect((sent?.json as Record<string, unknown>).schema).toBeUndefined();
  });

  it("with a hand-written Standard Schema (no JSON Schema): falls back to json_object and validates", async () => {
    const { client, testId } = testClient({ body: reply('```json\n{"ok": true, "tags": ["a", "b"]}\n```') });
    const { parsed } = await client.chat.completions.parse({ model: "default", messages: HELLO, schema: handWritten });
    expectTypeOf(parsed).toEqualTypeOf<{ ok: boolean; tags: string[] }>();
    expect(parsed).toEqual({ ok: true, tags: ["a", "b"] });
    expect((await recordedRequests(testId))[0]?.json).toMatchObject({ response_format: { type: "json_object" } });
  });

  it("a schema failure throws StructuredOutputError with the raw text and the schema's issues", async () => {
    const text = '{"city": "Lyon", "population": -3}';
    const { client, testId } = testClient({ body: reply(text) });
    const error = await rejection(client.chat.completions.parse({ model: "default", messages: HELLO, schema: City }));
    expect(error).toBeInstanceOf(StructuredOutputError);
    const e = error as StructuredOutputError;
    expect(e.reason).toBe("schema");
    expect(e.text).toBe(text);
    expect(e.issues.map((i) => [[...(i.path ?? [])], i.message])).toEqual([[["population"], "population must be non-negative (was -3)"]]);
    expect(e.message).toContain("population must be non-negative");
    expect(await recordedRequests(testId)).toHaveLength(1);
  });

  it("a reply that is not JSON throws StructuredOutputError with reason json", async () => {
    const { client } = testClient({ body: reply("Sure! The city is Lyon.") });
    const e = (await rejection(client.chat.completions.parse({ model: "default", messages: HELLO, schema: handWritten }))) as StructuredOutputError;
    expect(e).toBeInstanceOf(StructuredOutputError);
    expect(e.reason).toBe("json");
    expect(e.text).toBe("Sure! The city is Lyon.");
    expect(e.issues[0]?.message).toMatch(/not valid JSON/);
  });

  it("repair: true makes one follow-up request quoting the issues, then returns the repaired value", async () => {
    const bad = '{"city": "Lyon"}';
    const { client, testId } = testClient({ sequence: [{ body: reply(bad) }, { body: reply('{"city": "Lyon", "population": 522250}') }] });
    const { parsed, attempts } = await client.chat.completions.parse({ model: "default", messages: HELLO, schema: City, repair: true });
    expect(parsed).toEqual({ city: "Lyon", population: 522250 });
    expect(attempts).toBe(2);
    const sent = await recordedRequests(testId);
    expect(sent).toHaveLength(2);
    const messages = (sent[1]?.json as { messages: Array<{ role: string; content: string }> }).messages;
    expect(messages.slice(0, 2)).toEqual([...HELLO, { role: "assistant", content: bad }]);
    expect(messages[2]?.role).toBe("user");
    expect(messages[2]?.content).toContain("population must be a number (was missing)");
  });

  it("repair makes exactly one follow-up: a second failure is thrown", async () => {
    const { client, testId } = testClient({ body: reply('{"city": 1}') });
    const e = await rejection(client.chat.completions.parse({ model: "default", messages: HELLO, schema: City, repair: true }));
    expect(e).toBeInstanceOf(StructuredOutputError);
    expect(await recordedRequests(testId)).toHaveLength(2);
  });

  it("falls back to json_object with the schema in the system prompt when the model answers 405 to json_schema", async () => {
    const Breakthroughs = type({ breakthroughs: type({ name: "string", country: "string", year: "number" }).array() });
    const { client, testId } = testClient({ unsupported: ["structured_output"] }, { maxRetries: 0 });
    const { parsed } = await client.chat.completions.parse({ model: "mistralai/Mistral-7B-Instruct-v0.3", messages: [{ role: "system", content: "Be terse." }, ...HELLO], schema: Breakthroughs });
    expect(parsed.breakthroughs[1]).toEqual({ name: "Structure of DNA", country: "US", year: 1953 });
    const sent = await recordedRequests(testId);
    expect(sent.map((r) => (r.json as { response_format: { type: string } }).response_format.type)).toEqual(["json_schema", "json_object"]);
    const messages = (sent[1]?.json as { messages: Array<{ role: string; content: string }> }).messages;
    expect(messages).toHaveLength(2);
    expect(messages[0]?.content).toMatch(/^Be terse\.\n\nReply with a single JSON value that matches this JSON Schema:\n\{"type":"object"/);
  });

  it("with a fallback chain whose every model answers 405 to json_schema, it still falls back to JSON mode", async () => {
    const Breakthroughs = type({ breakthroughs: type({ name: "string", country: "string", year: "number" }).array() });
    const { client, testId } = testClient({ unsupported: ["structured_output"] }, { maxRetries: 0, fallback: ["mistralai/Mistral-Nemo-Instruct-2407"] });
    const { parsed } = await client.chat.completions.parse({ model: "mistralai/Mistral-7B-Instruct-v0.3", messages: HELLO, schema: Breakthroughs });
    expect(parsed.breakthroughs[1]).toEqual({ name: "Structure of DNA", country: "US", year: 1953 });
    const sent = await recordedRequests(testId);
    expect(sent.map((r) => [(r.json as { model: string }).model, (r.json as { response_format: { type: string } }).response_format.type])).toEqual([
      ["mistralai/Mistral-7B-Instruct-v0.3", "json_schema"],
      ["mistralai/Mistral-Nemo-Instruct-2407", "json_schema"],
      ["mistralai/Mistral-7B-Instruct-v0.3", "json_object"],
    ]);
  });

  it("rejects a non-schema and stream: true before any request", async () => {
    const { client, testId } = testClient();
    const notSchema = await rejection(client.chat.completions.parse({ model: "default", messages: HELLO, schema: { parse() {} } as never }));
    expect(notSchema).toBeInstanceOf(ValidationError);
    expect((notSchema as ValidationError).issues[0]?.path).toEqual(["schema"]);
    const streaming = await rejection(client.chat.completions.parse({ model: "default", messages: HELLO, schema: City, stream: true as never }));
    expect((streaming as ValidationError).issues[0]?.path).toEqual(["stream"]);
    expect(await recordedRequests(testId)).toEqual([]);
  });

  it("toJSONSchema reads ~standard.jsonSchema, then toJsonSchema(), and gives up quietly", () => {
    expect(toJSONSchema(City)).toEqual({ type: "object", properties: { city: { type: "string" }, population: { type: "integer", minimum: 0 } }, required: ["city", "population"] });
    const legacy = { ...handWritten, toJsonSchema: () => ({ $schema: "x", type: "string" }) };
    expect(toJSONSchema(legacy)).toEqual({ type: "string" });
    const throwing = { ...handWritten, toJsonSchema: () => { throw new Error("morph"); } };
    expect(toJSONSchema(throwing)).toBeUndefined();
    expect(toJSONSchema(handWritten)).toBeUndefined();
  });
});
