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

/** The parts of one step of the UI stream, and whether they are its last. */
export interface UISteps {
  /** The parts of everything the upstream has handed over so far (at least one part), and whether the stream ended. */
  step(): Promise<{ parts: UIMessageChunk[]; done: boolean }>;
  cancel(): void;
}

// What `Promise.race` answers when the next chunk is not already there: this step's parts go out without waiting.
const LATER = {};

/**
 * The UI stream's parts, a step at a time: the first step is `start` and `start-step` (sent before the upstream answers),
 * then each step holds the parts of every chunk the upstream has already delivered (a network read's worth of events),
 * so a writer sends them with one write. Choice 0 only; a failure becomes an `error` part and the last step.
 */
function uiSteps(stream: AsyncIterable<ChatCompletionChunk>, options: UIMessageStreamOptions): UISteps {
  const chunks = stream[Symbol.asyncIterator]();
  const { sendReasoning = true, onError = errorText } = options;
  const tools = new Map<number, { id: string; name: string; args: string }>();
  const metadata: UIMessageStreamMetadata = {};
  let open: "text" | "reasoning" | undefined;
  let parts = 0;
  let finishReason = "";
  let started = false;
  let cancelled = false;
  let ahead: Promise<IteratorResult<ChatCompletionChunk>> | undefined;

  return {
    async step() {
      if (!started) {
        started = true;
        return { parts: [{ type: "start", messageId: options.messageId }, { type: "start-step" }], done: false };
      }
      const out: UIMessageChunk[] = [];
      const close = () => {
        if (open) out.push({ type: `${open}-end`, id: String(parts) });
        open = undefined;
      };
      const write = (kind: "text" | "reasoning", delta: string) => {
        if (open !== kind) {
          close();
          open = kind;
          out.push({ type: `${kind}-start`, id: String(++parts) });
        }
        out.push({ type: `${kind}-delta`, id: String(parts), delta });
      };
      try {
        for (;;) {
          const next = ahead ?? chunks.next();
          ahead = undefined;
          // A chunk already parsed from the same network read resolves first; a chunk still on the wire loses to LATER.
          const result = out.length ? await Promise.race([next, LATER]) : await next;
          if (result === LATER) {
            ahead = next;
            next.catch(() => {});
            return { parts: out, done: false };
          }
          const { done, value: chunk } = result as IteratorResult<ChatCompletionChunk>;
          if (done) {
            close();
            for (const { id: toolCallId, name: toolName, args } of tools.values()) {
              try {
                out.push({ type: "tool-input-available", toolCallId, toolName, input: JSON.parse(args.trim() || "{}") });
              } catch {
                out.push({ type: "tool-input-error", toolCallId, toolName, input: args, errorText: "The tool call's arguments are not valid JSON." });
              }
            }
            out.push({ type: "finish-step" }, { type: "finish", finishReason: finishReason ? (FINISH_REASONS[finishReason] ?? "other") : undefined, messageMetadata: metadata });
            return { parts: out, done: true };
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
              out.push({ type: "tool-input-start", toolCallId: tool.id, toolName: tool.name });
            }
            tool.name ||= call.function?.name ?? "";
            tool.args += args;
            if (args) out.push({ type: "tool-input-delta", toolCallId: tool.id, inputTextDelta: args });
          }
        }
      } catch (error) {
        // After cancel() the read fails with the abort it caused: nobody is listening any more.
        if (cancelled) return { parts: [], done: true };
        close();
        out.push((error as Error | undefined)?.name === "APIUserAbortError" ? { type: "abort" } : { type: "error", errorText: onError(error) });
        return { parts: out, done: true };
      }
    },
    cancel() {
      cancelled = true;
      void chunks.return?.();
    },
  };
}

/**
 * A chat stream as the AI SDK's UI message stream parts (what `useChat` reads), choice 0: text, reasoning
 * and tool-call input as they arrive, then `finish` with usage and cost. A failure becomes an `error` part
 * and the stream ends normally; cancelling it closes the upstream. It reads the stream (its one reader). A chunk
 * that holds the API key (any JSON escaping) never becomes a part: the SDK's stream fails with `KeyInStreamError`,
 * which ends this one with an `error` part.
 * @example
 * for await (const part of toUIMessageStream(stream)) console.log(part.type);
 */
export function toUIMessageStream(stream: AsyncIterable<ChatCompletionChunk> | ToolRunLike, options: UIMessageStreamOptions = {}): ReadableStream<UIMessageChunk> {
  // A runTools runner (awaitable, unlike a ChatStream): every round, the tools' outputs and approvals.
  if ("then" in stream) return toolRunUIStream(stream, options);
  const steps = uiSteps(stream, options);
  return new ReadableStream<UIMessageChunk>({
    async pull(out) {
      const { parts, done } = await steps.step();
      for (const part of parts) out.enqueue(part);
      if (done) out.close();
    },
    cancel: () => steps.cancel(),
  });
}

const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * Internal (the UI tool stream reuses it): UI parts as the SSE bytes of one write, `data: {json}` each, then
 * `data: [DONE]` when `done`.
 */
export function encodeUIParts(parts: readonly UIMessageChunk[], done = false): Uint8Array {
  let text = "";
  for (const part of parts) text += `data: ${JSON.stringify(part)}\n\n`;
  return encoder.encode(done ? text + "data: [DONE]\n\n" : text);
}

/**
 * Internal: writes a step source as one byte stream, one write per step: into workerd's native
 * `IdentityTransformStream` where there is one (no JS `pull()` per chunk), else a JS identity `TransformStream`.
 * Each write is awaited (backpressure); a reader that leaves cancels the steps.
 */
export function writeUISteps(steps: UISteps): ReadableStream<Uint8Array> {
  const Identity = (globalThis as { IdentityTransformStream?: new () => TransformStream<Uint8Array, Uint8Array> }).IdentityTransformStream;
  const { readable, writable } = new (Identity ?? TransformStream<Uint8Array, Uint8Array>)();
  const writer = writable.getWriter();
  writer.closed.catch(() => steps.cancel());
  void (async () => {
    try {
      for (let done = false; !done; ) {
        const step = await steps.step();
        done = step.done;
        await writer.write(encodeUIParts(step.parts, done));
      }
      await writer.close();
    } catch {
      steps.cancel();
    }
  })();
  return readable;
}

/**
 * A `Response` for a `useChat` front end: the chat stream as the UI message stream's SSE (`data: {json}` per
 * part, then `data: [DONE]`) with the protocol's headers (`x-vercel-ai-ui-message-stream: v1`);
 * `init.headers` win over the defaults. One byte stream, one write per network read of the upstream.
 * @example return toUIMessageStreamResponse(stream); // in a Worker's POST /api/ui-chat
 */
export function toUIMessageStreamResponse(stream: AsyncIterable<ChatCompletionChunk> | ToolRunLike, init: ResponseInit & UIMessageStreamOptions = {}): Response {
  // x-accel-buffering: proxies such as nginx would otherwise hold the stream back.
  const headers = { "content-type": "text/event-stream", "cache-control": "no-cache", "x-vercel-ai-ui-message-stream": "v1", "x-accel-buffering": "no", ...Object.fromEntries(new Headers(init.headers)) };
  const body =
    "then" in stream
      ? toolRunUIStream(stream, init).pipeThrough(
          new TransformStream<UIMessageChunk, Uint8Array>({
            transform: (part, out) => out.enqueue(encodeUIParts([part])),
            flush: (out) => out.enqueue(encodeUIParts([], true)),
          }),
        )
      : writeUISteps(uiSteps(stream, init));
  return new Response(body, { status: init.status, statusText: init.statusText, headers });
}
