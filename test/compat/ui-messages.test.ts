// fromUIMessages: a useChat request body's UIMessage[] as DeepInfra chat messages, table by table.
import type { UIMessage } from "ai";
import { describe, expect, it } from "vitest";
import { fromUIMessages, toolApprovals, ValidationError, type ChatMessage, type UIMessageLike } from "../../src/index.js";
import { recordedRequests } from "../helpers.js";
import { testClient } from "../setup-client.js";

const user = (...parts: UIMessageLike["parts"]): UIMessageLike => ({ id: "u", role: "user", parts });
const assistant = (...parts: UIMessageLike["parts"]): UIMessageLike => ({ id: "a", role: "assistant", parts });
const text = (value: string) => ({ type: "text", text: value, state: "done" });
const PNG = "data:image/png;base64,iVBORw0KGgo=";

const cases: Array<[string, UIMessageLike[], ChatMessage[]]> = [
  ["a user's single text part as a string", [user(text("Hello"))], [{ role: "user", content: "Hello" }]],
  [
    "several text parts as content parts",
    [user(text("one"), text("two"))],
    [{ role: "user", content: [{ type: "text", text: "one" }, { type: "text", text: "two" }] }],
  ],
  [
    "an image file part as image_url, beside the text",
    [user(text("What is this?"), { type: "file", mediaType: "image/png", filename: "a.png", url: PNG })],
    [{ role: "user", content: [{ type: "text", text: "What is this?" }, { type: "image_url", image_url: { url: PNG } }] }],
  ],
  [
    "an https image URL as is",
    [user({ type: "file", mediaType: "image/jpeg", url: "https://example.com/cat.jpg" })],
    [{ role: "user", content: [{ type: "image_url", image_url: { url: "https://example.com/cat.jpg" } }] }],
  ],
  [
    "WAV and MP3 data: URLs as input_audio",
    [user({ type: "file", mediaType: "audio/wav", url: "data:audio/wav;base64,UklGRg==" }, { type: "file", mediaType: "audio/mpeg", url: "data:audio/mpeg;base64,SUQz" })],
    [{ role: "user", content: [{ type: "input_audio", input_audio: { data: "UklGRg==", format: "wav" } }, { type: "input_audio", input_audio: { data: "SUQz", format: "mp3" } }] }],
  ],
  ["a video as video_url", [user({ type: "file", mediaType: "video/mp4", url: "https://example.com/v.mp4" })], [{ role: "user", content: [{ type: "video_url", video_url: { url: "https://example.com/v.mp4" } }] }]],
  ["a system message's text parts joined", [{ role: "system", parts: [text("Be brief."), text("Be kind.")] }], [{ role: "system", content: "Be brief.\n\nBe kind." }]],
  [
    "reasoning, step-start, sources and data parts dropped",
    [
      assistant({ type: "step-start" }, { type: "reasoning", text: "thinking…", state: "done" }, text("42"), { type: "source-url", sourceId: "s", url: "https://x" }, { type: "data-weather", data: { t: 1 } }),
    ],
    [{ role: "assistant", content: "42" }],
  ],
  ["a message left empty dropped", [user({ type: "step-start" }), assistant({ type: "reasoning", text: "…" }), user(text("hi"))], [{ role: "user", content: "hi" }]],
  [
    "a finished tool call as assistant tool_calls, then its tool result, then the text written after it",
    [
      user(text("Weather in Paris?")),
      assistant(
        { type: "step-start" },
        text("Let me check."),
        { type: "tool-get_weather", toolCallId: "call_1", state: "output-available", input: { city: "Paris" }, output: { celsius: 21 } },
        { type: "step-start" },
        text("It is 21 °C."),
      ),
    ],
    [
      { role: "user", content: "Weather in Paris?" },
      { role: "assistant", content: "Let me check.", tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }] },
      { role: "tool", tool_call_id: "call_1", content: '{"celsius":21}' },
      { role: "assistant", content: "It is 21 °C." },
    ],
  ],
  [
    "parallel calls in one turn, string output as is, dynamic tools by toolName, errors and denials as results",
    [
      assistant(
        { type: "tool-lookup", toolCallId: "c1", state: "output-available", input: { q: "a" }, output: "found a" },
        { type: "dynamic-tool", toolName: "mcp_search", toolCallId: "c2", state: "output-error", input: {}, errorText: "timeout" },
        { type: "tool-delete", toolCallId: "c3", state: "output-denied", input: { id: 1 }, approval: { id: "ap", approved: false, reason: "not now" } },
      ),
    ],
    [
      {
        role: "assistant",
        content: null,
        tool_calls: [
          { id: "c1", type: "function", function: { name: "lookup", arguments: '{"q":"a"}' } },
          { id: "c2", type: "function", function: { name: "mcp_search", arguments: "{}" } },
          { id: "c3", type: "function", function: { name: "delete", arguments: '{"id":1}' } },
        ],
      },
      { role: "tool", tool_call_id: "c1", content: "found a" },
      { role: "tool", tool_call_id: "c2", content: "Error: timeout" },
      { role: "tool", tool_call_id: "c3", content: "The user denied this tool call: not now" },
    ],
  ],
  [
    "tool calls without a result yet dropped (the API wants every call answered)",
    [
      assistant(
        text("Calling…"),
        { type: "tool-a", toolCallId: "x1", state: "input-streaming", input: undefined },
        { type: "tool-b", toolCallId: "x2", state: "input-available", input: {} },
        { type: "tool-c", toolCallId: "x3", state: "approval-requested", input: {}, approval: { id: "p" } },
      ),
    ],
    [{ role: "assistant", content: "Calling…" }],
  ],
];

describe("fromUIMessages", () => {
  it.each(cases)("turns %s", (_name, input, expected) => {
    expect(fromUIMessages(input)).toEqual(expected);
  });

  const bad: Array<[string, unknown, RegExp]> = [
    ["messages that are not an array", { messages: [] }, /^Invalid fromUIMessages params: messages must be an array \(was \{"messages":\[\]\}\)$/],
    ["a message that is not an object", [null], /messages\[0\] must be an object \(was null\)/],
    ["a role DeepInfra's UI messages never have", [{ role: "tool", parts: [] }], /messages\[0\]\.role must be "system", "user" or "assistant" \(was "tool"\)/],
    ["parts that are not an array", [{ role: "user", content: "hi" }], /messages\[0\]\.parts must be an array \(was undefined\)/],
    ["a part without a type", [{ role: "user", parts: [{ text: "hi" }] }], /messages\[0\]\.parts\[0\]\.type must be a string/],
    ["a PDF", [user({ type: "file", mediaType: "application/pdf", url: "data:application/pdf;base64,JVBE" })], /messages\[0\]\.parts\[0\]\.mediaType must be image\/\*, video\/\*, audio\/wav or audio\/mpeg \(was "application\/pdf"\)/],
    ["audio by URL", [user({ type: "file", mediaType: "audio/wav", url: "https://example.com/a.wav" })], /messages\[0\]\.parts\[0\]\.url must be a base64 data: URL for audio/],
    ["a finished tool call without an id", [assistant({ type: "tool-x", state: "output-available", input: {}, output: 1 })], /messages\[0\]\.parts\[0\]\.toolCallId must be a non-empty string/],
  ];

  it.each(bad)("refuses %s with a ValidationError naming the field", (_name, input, message) => {
    let error: unknown;
    try {
      fromUIMessages(input as UIMessageLike[]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(message);
    expect((error as ValidationError).issues[0]!.path?.length).toBeGreaterThan(0);
  });

  it("accepts the ai package's UIMessage[] as it is typed (tsc checks the call)", () => {
    const typed: UIMessage[] = [{ id: "1", role: "user", parts: [{ type: "text", text: "hi" }, { type: "file", mediaType: "image/png", url: PNG }] }];
    expect(fromUIMessages(typed)).toEqual([{ role: "user", content: [{ type: "text", text: "hi" }, { type: "image_url", image_url: { url: PNG } }] }]);
  });

  it("produces messages the client validates and sends as they are", async () => {
    const { client, testId } = testClient();
    const messages = fromUIMessages(cases.flatMap(([, input]) => input));
    await client.chat.completions.create({ model: "default", messages });
    const [request] = await recordedRequests(testId);
    expect((request!.json as { messages: unknown }).messages).toEqual(messages);
  });

  it("sends reasoning back on tool turns by default; keepReasoning 'all' and 'none' change it", () => {
    const messages = [
      user(text("Weather?")),
      assistant(
        { type: "step-start" },
        { type: "reasoning", text: "Need the weather.", state: "done" },
        { type: "tool-get_weather", toolCallId: "c1", state: "output-available", input: { city: "Paris" }, output: "21 C" },
        { type: "step-start" },
        { type: "reasoning", text: "Now answer.", state: "done" },
        text("It is 21 C."),
      ),
    ];
    const call = { id: "c1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } };
    const toolTurn = { role: "assistant", content: null, tool_calls: [call] };
    const result = { role: "tool", tool_call_id: "c1", content: "21 C" };
    expect(fromUIMessages(messages)).toEqual([{ role: "user", content: "Weather?" }, { ...toolTurn, reasoning_content: "Need the weather." }, result, { role: "assistant", content: "It is 21 C." }]);
    expect(fromUIMessages(messages, { keepReasoning: "all" })).toEqual([
      { role: "user", content: "Weather?" },
      { ...toolTurn, reasoning_content: "Need the weather." },
      result,
      { role: "assistant", content: "It is 21 C.", reasoning_content: "Now answer." },
    ]);
    expect(fromUIMessages(messages, { keepReasoning: "none" })).toEqual([{ role: "user", content: "Weather?" }, toolTurn, result, { role: "assistant", content: "It is 21 C." }]);
  });

  it("keeps calls the user approved or denied (without a result) and reads the answers with toolApprovals", () => {
    const messages = [
      user(text("Mail them")),
      assistant(
        { type: "tool-send", toolCallId: "a1", state: "approval-responded", input: { to: "x" }, approval: { id: "p1", approved: true } },
        { type: "tool-send", toolCallId: "a2", state: "approval-responded", input: { to: "y" }, approval: { id: "p2", approved: false, reason: "no" } },
        { type: "tool-send", toolCallId: "a3", state: "approval-requested", input: { to: "z" }, approval: { id: "p3" } },
      ),
    ];
    expect(fromUIMessages(messages)).toEqual([
      { role: "user", content: "Mail them" },
      {
        role: "assistant",
        content: null,
        tool_calls: [
          { id: "a1", type: "function", function: { name: "send", arguments: '{"to":"x"}' } },
          { id: "a2", type: "function", function: { name: "send", arguments: '{"to":"y"}' } },
        ],
      },
    ]);
    expect(toolApprovals(messages)).toEqual({ a1: { approved: true }, a2: { approved: false, reason: "no" } });
    // Only the last message can be waiting for the run.
    expect(toolApprovals([...messages, user(text("next"))])).toEqual({});
  });
});
