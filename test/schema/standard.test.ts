// Pins src/schema/standard.ts: recognising a Standard Schema, asking it for JSON Schema (arktype and
// hand-written `~standard` objects, each fallback in order), issue summaries, and reading a JSON reply.
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { type } from "arktype";
import { describe, expect, it } from "vitest";
import { StructuredOutputError } from "../../src/errors/structured-output.js";
import { isStandardSchema, parseJSONReply, summarizeIssues, toJSONSchema, validateStandard } from "../../src/schema/standard.js";

/** A minimal hand-written Standard Schema that accepts anything, plus whatever else a library adds. */
function handWritten(extra: Record<string, unknown> = {}, standard: Record<string, unknown> = {}): StandardSchemaV1 {
  return { "~standard": { version: 1, vendor: "test", validate: (value: unknown) => ({ value }), ...standard }, ...extra } as StandardSchemaV1;
}

const PERSON = { type: "object", properties: { name: { type: "string" } }, required: ["name"] };

describe("isStandardSchema", () => {
  it.each<[string, unknown, boolean]>([
    ["an arktype type (a function)", type({ name: "string" }), true],
    ["a hand-written object", handWritten(), true],
    ["a function carrying ~standard", Object.assign(() => {}, { "~standard": { version: 1, vendor: "fn", validate: () => ({ value: 1 }) } }), true],
    ["version 2", handWritten({}, { version: 2 }), false],
    ["version as a string", handWritten({}, { version: "1" }), false],
    ["validate not a function", handWritten({}, { validate: "yes" }), false],
    ["~standard null", { "~standard": null }, false],
    ["~standard a function without fields", { "~standard": () => {} }, false],
    ["a plain JSON Schema", PERSON, false],
    ["null", null, false],
    ["undefined", undefined, false],
    ["a string", "string", false],
    ["a number", 1, false],
  ])("%s → %s", (_name, value, expected) => {
    expect(isStandardSchema(value)).toBe(expected);
  });
});

describe("validateStandard", () => {
  it("runs a sync and an async validator and returns their result", async () => {
    const sync = handWritten({}, { validate: (value: unknown) => (typeof value === "number" ? { value: value * 2 } : { issues: [{ message: "not a number" }] }) });
    const async = handWritten({}, { validate: async (value: unknown) => ({ value: `${String(value)}!` }) });
    expect(await validateStandard(sync, 21)).toEqual({ value: 42 });
    expect(await validateStandard(sync, "x")).toEqual({ issues: [{ message: "not a number" }] });
    expect(await validateStandard(async, "hi")).toEqual({ value: "hi!" });
  });
});

describe("toJSONSchema", () => {
  it("arktype: the object schema, without $schema", () => {
    const person = type({ name: "string", "age?": "number.integer >= 0" });
    expect(toJSONSchema(person)).toEqual({
      type: "object",
      properties: { name: { type: "string" }, age: { type: "integer", minimum: 0 } },
      required: ["name"],
    });
  });

  it("arktype: a narrowed type still describes its input shape", () => {
    expect(toJSONSchema(type("string").narrow((s) => s.length > 2))).toEqual({ type: "string" });
  });

  it("~standard.jsonSchema.input asks for draft 2020-12 first and drops only $schema", () => {
    const targets: string[] = [];
    const schema = handWritten({}, {
      jsonSchema: {
        input: ({ target }: { target: string }) => {
          targets.push(target);
          return { $schema: "https://json-schema.org/draft/2020-12/schema", $defs: { a: {} }, ...PERSON };
        },
      },
    });
    expect(toJSONSchema(schema)).toEqual({ $defs: { a: {} }, ...PERSON });
    expect(targets).toEqual(["draft-2020-12"]);
  });

  it("falls back to draft-07 when the converter refuses 2020-12", () => {
    const targets: string[] = [];
    const schema = handWritten({}, {
      jsonSchema: {
        input: ({ target }: { target: string }) => {
          targets.push(target);
          if (target !== "draft-07") throw new Error(`unsupported target ${target}`);
          return { $schema: "http://json-schema.org/draft-07/schema#", ...PERSON };
        },
      },
    });
    expect(toJSONSchema(schema)).toEqual(PERSON);
    expect(targets).toEqual(["draft-2020-12", "draft-07"]);
  });

  it.each<[string, StandardSchemaV1, unknown]>([
    ["a toJsonSchema() method", handWritten({ toJsonSchema: () => ({ type: "number" }) }), { type: "number" }],
    ["a toJSONSchema() method", handWritten({ toJSONSchema: () => ({ type: "boolean" }) }), { type: "boolean" }],
    ["a jsonSchema property", handWritten({ jsonSchema: { type: "null" } }), { type: "null" }],
    [
      "the converter first, then the methods",
      handWritten({ toJsonSchema: () => ({ type: "number" }) }, { jsonSchema: { input: () => ({ type: "string" }) } }),
      { type: "string" },
    ],
    [
      "toJsonSchema() before toJSONSchema()",
      handWritten({ toJsonSchema: () => ({ type: "number" }), toJSONSchema: () => ({ type: "boolean" }) }),
      { type: "number" },
    ],
    [
      "a throwing converter falls through to a method",
      handWritten(
        { toJSONSchema: () => ({ type: "integer" }) },
        {
          jsonSchema: {
            input: () => {
              throw new Error("morphs cannot be expressed");
            },
          },
        },
      ),
      { type: "integer" },
    ],
    ["a non-object answer falls through", handWritten({ toJsonSchema: () => "string", jsonSchema: { type: "string" } }), { type: "string" }],
    [
      "every way failing is undefined",
      handWritten(
        {
          toJsonSchema: () => {
            throw new Error("no");
          },
          toJSONSchema: () => null,
          jsonSchema: [{ type: "string" }],
        },
        { jsonSchema: { input: () => ["not", "an", "object"] } },
      ),
      undefined,
    ],
    ["nothing to ask is undefined", handWritten(), undefined],
  ])("%s", (_name, schema, expected) => {
    expect(toJSONSchema(schema)).toEqual(expected);
  });
});

describe("summarizeIssues", () => {
  it.each<[string, StandardSchemaV1.Issue[], string]>([
    ["no issues", [], ""],
    ["no path", [{ message: "must be an object" }], "must be an object"],
    ["an empty path", [{ message: "must be an object", path: [] }], "must be an object"],
    ["key and index segments", [{ message: "must be a string", path: ["items", 0, "name"] }], "items.0.name: must be a string"],
    ["PathSegment objects", [{ message: "is required", path: [{ key: "user" }, { key: 2 }] }], "user.2: is required"],
    ["a message that already names its path (arktype)", [{ message: "name must be a string (was 1)", path: ["name"] }], "name must be a string (was 1)"],
    [
      "several issues, one per line",
      [
        { message: "a must be a number", path: ["a"] },
        { message: "too long", path: ["b"] },
      ],
      "a must be a number\nb: too long",
    ],
  ])("%s", (_name, issues, expected) => {
    expect(summarizeIssues(issues)).toBe(expected);
  });

  it("takes a separator", () => {
    expect(summarizeIssues([{ message: "x" }, { message: "y", path: ["p"] }], "; ")).toBe("x; p: y");
  });

  it("summarises arktype's own issues", () => {
    const result = type({ name: "string", age: "number >= 0" })["~standard"].validate({ name: 1, age: -1 }) as StandardSchemaV1.FailureResult;
    // arktype picks the order; each issue is one line, already naming its path.
    expect(summarizeIssues(result.issues).split("\n").sort()).toEqual(["age must be non-negative (was -1)", "name must be a string (was a number)"]);
  });
});

describe("parseJSONReply", () => {
  it.each<[string, string, unknown]>([
    ["plain JSON", '{"a": 1}', { a: 1 }],
    ["surrounding whitespace", '  \n[1, 2]\n ', [1, 2]],
    ["a ```json fence", '```json\n{"a": 1}\n```', { a: 1 }],
    ["a fence without a language", '```\n{"a": 1}\n```', { a: 1 }],
    ["a fence with a capitalised language and padding", '  ```JSON\n{"a": [true]}```  ', { a: [true] }],
    ["a JSON string", '"just text"', "just text"],
  ])("%s", (_name, text, expected) => {
    expect(parseJSONReply(text)).toEqual(expected);
  });

  it.each<[string, string]>([
    ["prose", "Sorry, I cannot do that."],
    ["prose around a fence (only a whole-reply fence is removed)", 'Here:\n```json\n{"a": 1}\n```'],
    ["an unterminated object", '{"a": 1'],
    ["empty", ""],
  ])("%s is a StructuredOutputError with reason json", (_name, text) => {
    const completion = { id: "chatcmpl-1" };
    let error: unknown;
    try {
      parseJSONReply(text, completion);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StructuredOutputError);
    const e = error as StructuredOutputError;
    expect(e.reason).toBe("json");
    expect(e.text).toBe(text);
    expect(e.completion).toBe(completion);
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]?.message).toMatch(/^the reply is not valid JSON \(.+\)$/s);
    expect(e.message).toBe(`Structured output: ${e.issues[0]?.message}. Reply began: ${JSON.stringify(text)}`);
  });

  it("quotes at most the first 120 characters of the reply", () => {
    const text = `not json ${"x".repeat(300)}`;
    expect(() => parseJSONReply(text)).toThrow(`Reply began: ${JSON.stringify(text.slice(0, 120))}`);
  });
});
