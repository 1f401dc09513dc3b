// The AI SDK's UI message stream (what `useChat` reads), written from a chat stream without importing `ai`:
// its chunk schema is zod (~50 KB), and a Worker needs only a few object literals. Free functions rather than
// ChatStream methods: a class's methods can't be tree-shaken, and every page that reads a stream would pay for them.
import { DeepInfraError } from "../errors/base.js";
import type { ChatCompletionChunk, CompletionUsage } from "../types/chat.js";
import { toolRunUIStream, type ToolRunLike } from "./ui-tool-stream.js";

/** Why the answer ended, in the UI message stream's words. */
export type UIFinishReason = "stop" | "length" | "content-filter" | "tool-calls" | "error" | "other";

/** The message metadata sent with `finish`: DeepInfra's usage and cost estimate, and the model that answered. */
export interface UIMessageStreamMetadata {
  model?: string;
  usage?: CompletionUsage;
  /** Estimated cost in USD (`usage.estimated_cost`). */
  estimated_cost?: number;
}

/** One part of the AI SDK's UI message stream protocol (v1): the subset a chat completion produces. */
export type UIMessageChunk =
  | { type: "start"; messageId?: string | undefined }
  | { type: "start-step" }
  | { type: "finish-step" }
  | { type: "text-start" | "text-end" | "reasoning-start" | "reasoning-end"; id: string }
  | { type: "text-delta" | "reasoning-delta"; id: string; delta: string }
  | { type: "tool-input-start"; toolCallId: string; toolName: string }
  | { type: "tool-input-delta"; toolCallId: string; inputTextDelta: string }
  | { type: "tool-input-available"; toolCallId: string; toolName: string; input: unknown }
  | { type: "tool-input-error"; toolCallId: string; toolName: string; input: unknown; errorText: string }
  | { type: "tool-output-available"; toolCallId: string; output: unknown }
  | { type: "tool-output-error"; toolCallId: string; errorText: string }
  | { type: "tool-output-denied"; toolCallId: string }
  | { type: "tool-approval-request"; approvalId: string; toolCallId: string }
  | { type: "finish"; finishReason?: UIFinishReason | undefined; messageMetadata?: UIMessageStreamMetadata }
  | { type: "error"; errorText: string }
  | { type: "abort" };

/** Options of `toUIMessageStream(stream)` and `toUIMessageStreamResponse(stream)`. */
export interface UIMessageStreamOptions {
  /** The assistant message's id, sent in `start` (by default `useChat` makes one). */
  messageId?: string;
  /** Send `reasoning_content` as reasoning parts (default true). */
  sendReasoning?: boolean;
  /**
   * The `errorText` for a failure. By default the SDK's own message (key scrubbed, no headers), or
   * "An error occurred." for anything else; return a generic text to hide details from the browser.
   */
  onError?: (error: unknown) => string;
}

const FINISH_REASONS: Record<string, UIFinishReason> = { stop: "stop", length: "length", tool_calls: "tool-calls", content_filter: "content-filter" };

const errorText = (error: unknown): string => (error instanceof DeepInfraError ? error.message : "An error occurred.");

/**
 * A chat stream as the AI SDK's UI message stream parts (what `useChat` reads), choice 0: text, reasoning
 * and tool-call input as they arrive, then `finish` with usage and cost. A failure becomes an `error` part
 * and the stream ends normally; cancelling it closes the upstream. It reads the stream (its one reader).
 * @example
 * for await (const part of toUIMessageStream(stream)) console.log(part.type);
 */
export function toUIMessageStream(stream: AsyncIterable<ChatCompletionChunk> | ToolRunLike, options: UIMessageStreamOptions = {}): ReadableStream<UIMessageChunk> {
  // A runTools runner (awaitable, unlike a ChatStream): every round, the tools' outputs and approvals.
  if ("then" in stream) return toolRunUIStream(stream, options);
  const chunks = stream[Symbol.asyncIterator]();
  const { sendReasoning = true, onError = errorText } = options;
  const tools = new Map<number, { id: string; name: string; args: string }>();
  const metadata: UIMessageStreamMetadata = {};
  let open: "text" | "reasoning" | undefined;
  let parts = 0;
  let finishReason = "";
  let cancelled = false;

  return new ReadableStream<UIMessageChunk>({
    start(out) {
      out.enqueue({ type: "start", messageId: options.messageId });
      out.enqueue({ type: "start-step" });
    },
    // A pull that enqueues nothing is not called again (WHATWG streams): read until a part goes out.
    async pull(out) {
      let sent = false;
      const emit = (part: UIMessageChunk) => {
        sent = true;
        if (!cancelled) out.enqueue(part);
      };
      const close = () => {
        if (open) emit({ type: `${open}-end`, id: String(parts) });
        open = undefined;
      };
      const write = (kind: "text" | "reasoning", delta: string) => {
        if (open !== kind) {
          close();
          open = kind;
          emit({ type: `${kind}-start`, id: String(++parts) });
        }
        emit({ type: `${kind}-delta`, id: String(parts), delta });
      };
      try {
        while (!sent) {
          const { done, value: chunk } = await chunks.next();
          if (done) {
            close();
            for (const { id: toolCallId, name: toolName, args } of tools.values()) {
              try {
                emit({ type: "tool-input-available", toolCallId, toolName, input: JSON.parse(args.trim() || "{}") });
              } catch {
                emit({ type: "tool-input-error", toolCallId, toolName, input: args, errorText: "The tool call's arguments are not valid JSON." });
              }
            }
            emit({ type: "finish-step" });
            emit({ type: "finish", finishReason: finishReason ? (FINISH_REASONS[finishReason] ?? "other") : undefined, messageMetadata: metadata });
            if (!cancelled) out.close();
            return;
          }
          if (chunk.model) metadata.model ??= chunk.model;
          if (chunk.usage) {
            metadata.usage = chunk.usage;
            metadata.estimated_cost = chunk.usage.estimated_cost;
          }
          const choice = chunk.choices?.[0];
          if (!choice) continue;
          finishReason = choice.finish_reason || finishReason;
          const delta = choice.delta ?? {};
          if (sendReasoning && delta.reasoning_content) write("reasoning", delta.reasoning_content);
          if (delta.content) write("text", delta.content);
          for (const call of delta.tool_calls ?? []) {
            const args = call.function?.arguments ?? "";
            let tool = tools.get(call.index);
            if (!tool) {
              // DeepInfra names the function in a call's first fragment; a later name still reaches `tool-input-available`.
              tools.set(call.index, (tool = { id: String(call.id || `call_${call.index}`), name: call.function?.name ?? "", args: "" }));
              close();
              emit({ type: "tool-input-start", toolCallId: tool.id, toolName: tool.name });
            }
            tool.name ||= call.function?.name ?? "";
            tool.args += args;
            if (args) emit({ type: "tool-input-delta", toolCallId: tool.id, inputTextDelta: args });
          }
        }
      } catch (error) {
        // After cancel() the read fails with the abort it caused: nobody is listening any more.
        if (cancelled) return;
        close();
        emit((error as Error | undefined)?.name === "APIUserAbortError" ? { type: "abort" } : { type: "error", errorText: onError(error) });
        out.close();
      }
    },
    cancel() {
      cancelled = true;
      void chunks.return?.();
    },
  });
}

/**
 * A `Response` for a `useChat` front end: the chat stream as the UI message stream's SSE (`data: {json}` per
 * part, then `data: [DONE]`) with the protocol's headers (`x-vercel-ai-ui-message-stream: v1`);
 * `init.headers` win over the defaults.
 * @example return toUIMessageStreamResponse(stream); // in a Worker's POST /api/ui-chat
 */
export function toUIMessageStreamResponse(stream: AsyncIterable<ChatCompletionChunk> | ToolRunLike, init: ResponseInit & UIMessageStreamOptions = {}): Response {
  const parts = toUIMessageStream(stream, init);
  const sse = new TransformStream<UIMessageChunk, string>({
    transform: (part, out) => out.enqueue(`data: ${JSON.stringify(part)}\n\n`),
    flush: (out) => out.enqueue("data: [DONE]\n\n"),
  });
  // x-accel-buffering: proxies such as nginx would otherwise hold the stream back.
  const headers = { "content-type": "text/event-stream", "cache-control": "no-cache", "x-vercel-ai-ui-message-stream": "v1", "x-accel-buffering": "no", ...Object.fromEntries(new Headers(init.headers)) };
  return new Response(parts.pipeThrough(sse).pipeThrough(new TextEncoderStream()), { status: init.status, statusText: init.statusText, headers });
}
