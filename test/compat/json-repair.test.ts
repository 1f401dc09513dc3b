// Pins src/compat/json-repair.ts: a pure table of a model's almost-JSON → the value repairJSON returns.
import { describe, expect, it } from "vitest";
import { repairJSON } from "../../src/compat/json-repair.js";

describe("repairJSON", () => {
  it.each<[string, string, unknown]>([
    ["valid JSON as it is", '{"a": 1, "b": [true, null]}', { a: 1, b: [true, null] }],
    ["a valid primitive", "42", 42],
    ["a valid string", '"plain"', "plain"],
    ["a ```json fence", '```json\n{"a": 1}\n```', { a: 1 }],
    ["a bare ``` fence", '```\n[1, 2]\n```', [1, 2]],
    ["a fence inside prose", 'Sure! Here it is:\n```json\n{"city": "Paris"}\n```\nAnything else?', { city: "Paris" }],
    ["a fence cut off before its end", '```json\n{"a": 1', { a: 1 }],
    ["prose before and after", 'The answer is {"a": 1} as requested.', { a: 1 }],
    ["an array in prose", "Here: [1, 2, 3]. Done.", [1, 2, 3]],
    ["trailing commas", '{"a": [1, 2,], "b": 3,}', { a: [1, 2], b: 3 }],
    ["trailing comma before a newline", '{\n  "a": 1,\n}', { a: 1 }],
    ["Python literals", '{"yes": True, "no": False, "none": None}', { yes: true, no: false, none: null }],
    ["a string cut off", '{"a": "hel', { a: "hel" }],
    ["an escaped quote in a cut-off string", '{"a": "say \\"hi', { a: 'say "hi' }],
    ["an array cut off", '{"a": [1, 2', { a: [1, 2] }],
    ["nested brackets cut off", '{"a": {"b": [1, {"c": 2', { a: { b: [1, { c: 2 }] } }],
    ["a dangling comma at the cut", '{"a": 1,', { a: 1 }],
    ["a top-level array cut off", "[1, 2, 3", [1, 2, 3]],
    ["brackets inside strings are not counted", '{"a": "[{", "b": 2', { a: "[{", b: 2 }],
  ])("%s", (_name, text, expected) => {
    expect(repairJSON(text)).toEqual(expected);
  });

  it.each<[string, string]>([
    ["empty text", ""],
    ["no bracket at all", "I cannot answer that."],
    ["a key cut off before its value", '{"a":'],
    ["a mismatched closing bracket", '{"a": 1]'],
    ["garbage inside brackets", "{not json at all}"],
  ])("%s stays undefined", (_name, text) => {
    expect(repairJSON(text)).toBeUndefined();
  });

  it("a valid null is returned as null, not as a failure", () => {
    expect(repairJSON("null")).toBeNull();
  });
});

describe("repairJSON leaves text inside strings as written", () => {
  it.each([
    ['{"s": "True story, None", "b": True}', { s: "True story, None", b: true }],
    ['{"s": "a,}", "b": 1,}', { s: "a,}", b: 1 }],
    ['{"s": "None of it", "b": None', { s: "None of it", b: null }],
    ['{"q": "say \\"False\\", ok", "list": [False,]}', { q: 'say "False", ok', list: [false] }],
  ])("%s", (text, expected) => {
    expect(repairJSON(text)).toEqual(expected);
  });
});
