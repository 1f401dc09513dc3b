import { describe, expect, it } from "vitest";
import { ValidationError, type ChatCreateParams } from "../../src/index.js";
import { recordedRequests } from "../helpers.js";
import { HELLO, rejection, testClient } from "../setup-client.js";

const base: ChatCreateParams = { model: "default", messages: HELLO };

// Each bad value, the path it must name, and a fragment of the rule in the message.
// Patches are untyped on purpose: the compiler would reject most of these before the runtime check could.
const cases: Array<[string, Record<string, unknown>, string, string]> = [
  ["temperature above 2", { temperature: 2.5 }, "temperature", "temperature must be at most 2 (was 2.5)"],
  ["temperature below 0", { temperature: -0.1 }, "temperature", "temperature must be non-negative (was -0.1)"],
  ["temperature not a number", { temperature: "hot" }, "temperature", "temperature must be a number (was a string)"],
  ["top_p above 1", { top_p: 1.01 }, "top_p", "top_p must be at most 1"],
  ["top_p below 0", { top_p: -1 }, "top_p", "top_p must be non-negative (was -1)"],
  ["top_k negative", { top_k: -1 }, "top_k", "top_k must be non-negative"],
  ["top_k fractional", { top_k: 1.5 }, "top_k", "top_k must be an integer"],
  ["min_p above 1", { min_p: 1.5 }, "min_p", "min_p must be at most 1"],
  ["max_tokens zero", { max_tokens: 0 }, "max_tokens", "max_tokens must be at least 1 (was 0)"],
  ["max_tokens fractional", { max_tokens: 10.5 }, "max_tokens", "max_tokens must be an integer (was 10.5)"],
  ["max_tokens string", { max_tokens: "100" }, "max_tokens", "max_tokens must be a number (was a string)"],
  ["n zero", { n: 0 }, "n", "n must be at least 1"],
  ["presence_penalty below -2", { presence_penalty: -2.5 }, "presence_penalty", "presence_penalty must be at least -2"],
  ["presence_penalty above 2", { presence_penalty: 3 }, "presence_penalty", "presence_penalty must be at most 2"],
  ["frequency_penalty above 2", { frequency_penalty: 2.01 }, "frequency_penalty", "frequency_penalty must be at most 2"],
  ["frequency_penalty below -2", { frequency_penalty: -7 }, "frequency_penalty", "frequency_penalty must be at least -2"],
  ["repetition_penalty zero", { repetition_penalty: 0 }, "repetition_penalty", "repetition_penalty must be positive"],
  ["stop with 5 sequences", { stop: ["a", "b", "c", "d", "e"] }, "stop", "stop must hold at most 4 sequences (was 5)"],
  ["stop not a string", { stop: 5 }, "stop", "stop must be"],
  ["stream not boolean", { stream: "yes" }, "stream", 'stream must be boolean (was "yes")'],
  ["echo not boolean", { echo: 1 }, "echo", "echo must be boolean (was 1)"],
  ["logprobs not boolean", { logprobs: "x" }, "logprobs", "logprobs must be boolean"],
  ["seed fractional", { seed: 1.5 }, "seed", "seed must be an integer"],
  ["user not a string", { user: 42 }, "user", "user must be a string (was a number)"],
  ["response_format unknown type", { response_format: { type: "xml" } }, "response_format.type", 'response_format.type must be "json_object", "json_schema" or "text" (was "xml")'],
  ["response_format json_schema without schema", { response_format: { type: "json_schema" } }, "response_format.json_schema", "json_schema must be an object (required when type is \"json_schema\")"],
  ["tool_choice unknown string", { tool_choice: "sometimes" }, "tool_choice", 'tool_choice must be "auto", "none", "required" or { type: "function", function: { name } } (was "sometimes")'],
  ["tool_choice naming an undeclared tool", { tools: [{ type: "function", function: { name: "get_weather" } }], tool_choice: { type: "function", function: { name: "get_time" } } }, "tool_choice.function.name", 'must name a declared tool (was "get_time"; tools: "get_weather")'],
  ["tool_choice required without tools", { tool_choice: "required" }, "tool_choice", 'tool_choice "required" needs at least one entry in tools'],
  ["tools entry without a name", { tools: [{ type: "function", function: { name: "" } }] }, "tools.0.function.name", "tools[0].function.name must be non-empty"],
  ["tools entry of the wrong type", { tools: [{ type: "retrieval" }] }, "tools.0.type", 'tools[0].type must be "function"'],
  ["stream_options.include_usage not boolean", { stream_options: { include_usage: "yes" } }, "stream_options.include_usage", "stream_options.include_usage must be boolean"],
  ["reasoning_effort unknown", { reasoning_effort: "max" }, "reasoning_effort", 'reasoning_effort must be "high", "low", "medium" or "none" (was "max")'],
  ["model empty", { model: "" }, "model", "model must be non-empty"],
  ["model missing", { model: undefined }, "model", "model must be a string"],
  ["messages empty", { messages: [] }, "messages", "messages must be non-empty"],
  ["messages missing", { messages: undefined }, "messages", "messages must be an array"],
  ["message with an unknown role", { messages: [{ role: "developer", content: "x" }] }, "messages.0.role", 'messages[0].role must be "assistant", "system", "tool" or "user" (was "developer")'],
  ["tool message without tool_call_id", { messages: [...HELLO, { role: "tool", content: "42" }] }, "messages.1.tool_call_id", "messages[1].tool_call_id must be a string (a tool message carries the id of the call it answers)"],
  ["user message without content", { messages: [{ role: "user" }] }, "messages.0.content", "messages[0].content must be text or content parts (required in a user message)"],
  ["content part of an unknown type", { messages: [{ role: "user", content: [{ type: "audio", data: "x" }] }] }, "messages.0.content", "messages[0].content[0].type must be \"image_url\" or \"text\" (was \"audio\")"],
  ["text part without text", { messages: [{ role: "user", content: [{ type: "text" }] }] }, "messages.0.content", "messages[0].content[0].text must be present in a text part"],
];

describe("chat params validation (before any request)", () => {
  it.each(cases)("%s", async (_name, patch, path, rule) => {
    const { client, testId } = testClient();
    const error = await rejection(client.chat.completions.create({ ...base, ...patch } as ChatCreateParams));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain("Invalid chat.completions.create params: ");
    expect(error.message).toContain(rule);
    const issues = (error as ValidationError).issues;
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.map((issue) => (issue.path ?? []).map(String).join("."))).toContain(path);
    for (const issue of issues) expect(typeof issue.message).toBe("string");
    expect(await recordedRequests(testId)).toEqual([]);
  });

  it("reports every broken field at once", async () => {
    const { client } = testClient();
    const error = (await rejection(client.chat.completions.create({ ...base, temperature: 9, top_p: 9, n: 0 }))) as ValidationError;
    expect(error.issues.map((i) => i.path?.[0]).sort()).toEqual(["n", "temperature", "top_p"]);
  });

  it("accepts every documented option at its bounds, and null", async () => {
    const { client, testId } = testClient();
    const params: ChatCreateParams = {
      ...base,
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: [{ type: "text", text: "What is in this image?" }, { type: "image_url", image_url: { url: "https://example.com/a.png" } }] },
        { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "get", arguments: "{}" } }] },
        { role: "tool", content: "42", tool_call_id: "call_1" },
      ],
      temperature: 0,
      top_p: 1,
      top_k: 0,
      min_p: 0,
      max_tokens: 1,
      n: 1,
      presence_penalty: -2,
      frequency_penalty: 2,
      repetition_penalty: 1.1,
      stop: ["a", "b", "c", "d"],
      response_format: { type: "json_object" },
      tools: [{ type: "function", function: { name: "get", description: "d", parameters: { type: "object" } } }],
      tool_choice: { type: "function", function: { name: "get" } },
      seed: 7,
      logprobs: true,
      user: "u1",
      stream_options: { include_usage: true },
      reasoning_effort: "none",
      echo: false,
      frequency_penalty_extra: "unknown fields pass",
    };
    await client.chat.completions.create(params);
    await client.chat.completions.create({ ...base, temperature: null, stop: "END", tool_choice: "none", max_tokens: null, tools: undefined });
    const requests = await recordedRequests(testId);
    expect(requests).toHaveLength(2);
    expect(requests[0]?.json).toEqual({ ...params, model: "openchat/openchat-3.6-8b" });
  });
});
