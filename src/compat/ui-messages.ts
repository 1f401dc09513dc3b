// `useChat` sends UIMessage[] (the AI SDK's client-side message format); DeepInfra takes OpenAI-style messages.
// Written against the protocol's documented part shapes, so a Worker does not need `ai`'s convertToModelMessages.
import { refuse } from "../schema/runtime.js";
import type { ChatAssistantMessage, ChatContentPart, ChatMessage, ChatTextPart, ChatToolCall, ChatToolMessage } from "../types/chat.js";

/** A part of a `UIMessage` as `useChat` sends it: `text`, `file`, `reasoning`, `step-start`, `tool-<name>`, `dynamic-tool`, `source-*`, `data-*`. */
export interface UIMessagePartLike {
  type: string;
  [field: string]: unknown;
}

/** A `UIMessage` from a `useChat` request body (`{ messages }`); `ai`'s own `UIMessage` type fits it. */
export interface UIMessageLike {
  id?: string;
  role: "system" | "user" | "assistant";
  parts: readonly UIMessagePartLike[];
}

const ROLES = ["system", "user", "assistant"];
const AUDIO_FORMATS: Record<string, "wav" | "mp3"> = { "audio/wav": "wav", "audio/x-wav": "wav", "audio/wave": "wav", "audio/mpeg": "mp3", "audio/mp3": "mp3" };

function fail(path: string, rule: string, value: unknown): never {
  let shown: string;
  try {
    shown = JSON.stringify(value)?.slice(0, 80) ?? String(value);
  } catch {
    shown = String(value);
  }
  // The checks here follow each part's type (a data: URL for audio, a media type per kind): run-time rules, worded as the tables word theirs.
  return refuse("fromUIMessages", path.split(/[.[\]]+/).filter(Boolean).map((key) => (/^\d+$/.test(key) ? Number(key) : key)), rule.replace(/^must be /, ""), value, shown);
}

const str = (value: unknown): string => (typeof value === "string" ? value : "");

/** A user's file part as a content part: images and videos by URL, WAV/MP3 audio from a base64 `data:` URL. */
function filePart(part: UIMessagePartLike, path: string): ChatContentPart {
  const mediaType = str(part.mediaType).toLowerCase();
  const url = str(part.url);
  if (!url) fail(`${path}.url`, "must be a non-empty string", part.url);
  if (mediaType.startsWith("image/")) return { type: "image_url", image_url: { url } };
  if (mediaType.startsWith("video/")) return { type: "video_url", video_url: { url } };
  const format = AUDIO_FORMATS[mediaType];
  if (format) {
    const data = /^data:[^,]*;base64,(.*)$/s.exec(url)?.[1];
    if (data === undefined) fail(`${path}.url`, "must be a base64 data: URL for audio", url.slice(0, 40));
    return { type: "input_audio", input_audio: { data, format } };
  }
  return fail(`${path}.mediaType`, "must be image/*, video/*, audio/wav or audio/mpeg", part.mediaType);
}

/** What a finished tool part tells the model; undefined for calls that have no result yet. */
function toolResult(part: UIMessagePartLike): string | undefined {
  if (part.state === "output-available") return typeof part.output === "string" ? part.output : (JSON.stringify(part.output) ?? "null");
  if (part.state === "output-error") return `Error: ${str(part.errorText)}`;
  if (part.state === "output-denied") {
    const reason = str((part.approval as { reason?: unknown } | undefined)?.reason);
    return `The user denied this tool call${reason ? `: ${reason}` : "."}`;
  }
  return undefined;
}

/** Options of `fromUIMessages`. */
export interface FromUIMessagesOptions {
  /**
   * Which assistant turns carry their reasoning parts back as `reasoning_content` (default `"tool-turns"`: those
   * with `tool_calls`, which thinking models such as DeepSeek V4 or Kimi refuse without it; `"all"`; `"none"`).
   */
  keepReasoning?: "tool-turns" | "all" | "none";
}

/** A tool part the user answered an approval request for (ai's state `approval-responded`). */
const responded = (part: UIMessagePartLike): boolean => part.state === "approval-responded" && typeof (part.approval as { approved?: unknown } | undefined)?.approved === "boolean";

/** An assistant message as one or more turns: reasoning and text, then the tool calls that have results, then those results. */
function assistantTurns(parts: readonly UIMessagePartLike[], path: string, keepReasoning: string): ChatMessage[] {
  const out: ChatMessage[] = [];
  let text: string[] = [];
  let reasoning: string[] = [];
  let calls: ChatToolCall[] = [];
  let results: ChatToolMessage[] = [];
  const flush = () => {
    const content = text.join("\n\n");
    const thought = reasoning.join("\n\n");
    const keep = thought !== "" && (keepReasoning === "all" || (keepReasoning === "tool-turns" && calls.length > 0));
    const withReasoning = keep ? { reasoning_content: thought } : {};
    if (calls.length) out.push({ role: "assistant", content: content || null, ...withReasoning, tool_calls: calls } satisfies ChatAssistantMessage, ...results);
    else if (content) out.push({ role: "assistant", content, ...withReasoning });
    text = [];
    reasoning = [];
    calls = [];
    results = [];
  };
  parts.forEach((part, index) => {
    if (part.type === "text" || part.type === "reasoning") {
      // Text or reasoning after a tool call was written once its result was in: the next turn.
      if (calls.length) flush();
      if (str(part.text)) (part.type === "text" ? text : reasoning).push(str(part.text));
    } else if (part.type.startsWith("tool-") || part.type === "dynamic-tool") {
      const result = toolResult(part);
      // A call the user approved or denied goes back without a result: runTools answers it (see toolApprovals).
      if (result === undefined && !responded(part)) return;
      const id = str(part.toolCallId);
      if (!id) fail(`${path}[${index}].toolCallId`, "must be a non-empty string", part.toolCallId);
      const name = part.type === "dynamic-tool" ? str(part.toolName) : part.type.slice(5);
      calls.push({ id, type: "function", function: { name, arguments: JSON.stringify(part.input ?? {}) } });
      if (result !== undefined) results.push({ role: "tool", tool_call_id: id, content: result });
    }
  });
  flush();
  return out;
}

/**
 * The user's answers to tool approval requests in a `useChat` request (tool parts in state `approval-responded`),
 * by tool call id: pass them to `runTools({ approvals })` with `fromUIMessages(messages)` to resume the run.
 * @example
 * const runner = client.chat.completions.runTools({ model, tools, stream: true, messages: fromUIMessages(body.messages), approvals: toolApprovals(body.messages) });
 */
export function toolApprovals(messages: readonly UIMessageLike[]): Record<string, { approved: boolean; reason?: string }> {
  const out: Record<string, { approved: boolean; reason?: string }> = {};
  const last = Array.isArray(messages) ? messages[messages.length - 1] : undefined;
  // Only the last assistant message can be waiting: older answers are history.
  if (last?.role !== "assistant" || !Array.isArray(last.parts)) return out;
  for (const part of last.parts) {
    if (!responded(part) || !str(part.toolCallId)) continue;
    const approval = part.approval as { approved: boolean; reason?: unknown };
    out[str(part.toolCallId)] = { approved: approval.approved, ...(str(approval.reason) ? { reason: str(approval.reason) } : {}) };
  }
  return out;
}

/**
 * Turns the `messages` of a `useChat` request into chat messages: text parts, image/video/audio file parts
 * (user messages) as content parts, finished tool calls as assistant `tool_calls` followed by their `tool`
 * results; reasoning parts as `reasoning_content` on the turns `options.keepReasoning` names (tool turns by
 * default); calls the user approved or denied without their result (runTools answers them). Sources, data parts
 * and tool calls still waiting for input or approval are dropped.
 * @throws ValidationError when `messages` is not an array of `{ role, parts }`, or a file's type is not one DeepInfra takes.
 * @example
 * const { messages } = await request.json();
 * const stream = await client.chat.completions.create({ model: "default", messages: fromUIMessages(messages), stream: true });
 * return toUIMessageStreamResponse(stream);
 */
export function fromUIMessages(messages: readonly UIMessageLike[], options: FromUIMessagesOptions = {}): ChatMessage[] {
  const { keepReasoning = "tool-turns" } = options;
  if (!Array.isArray(messages)) fail("messages", "must be an array", messages);
  const out: ChatMessage[] = [];
  messages.forEach((message: UIMessageLike, index) => {
    const path = `messages[${index}]`;
    if (typeof message !== "object" || message === null) fail(path, "must be an object", message);
    if (!ROLES.includes(message.role)) fail(`${path}.role`, 'must be "system", "user" or "assistant"', message.role);
    if (!Array.isArray(message.parts)) fail(`${path}.parts`, "must be an array", message.parts);
    message.parts.forEach((part, at) => {
      if (typeof part !== "object" || part === null || typeof part.type !== "string") fail(`${path}.parts[${at}].type`, "must be a string", part?.type);
    });
    if (message.role === "assistant") {
      out.push(...assistantTurns(message.parts, `${path}.parts`, keepReasoning));
      return;
    }
    const content: ChatContentPart[] = [];
    message.parts.forEach((part, at) => {
      if (part.type === "text" && str(part.text)) content.push({ type: "text", text: str(part.text) });
      else if (part.type === "file" && message.role === "user") content.push(filePart(part, `${path}.parts[${at}]`));
    });
    if (!content.length) return;
    if (message.role === "system") out.push({ role: "system", content: (content as ChatTextPart[]).map((part) => part.text).join("\n\n") });
    else {
      const only = content.length === 1 ? content[0] : undefined;
      out.push({ role: "user", content: only?.type === "text" ? only.text : content });
    }
  });
  return out;
}
