// A runTools run as the AI SDK's UI message stream: every round a step, the tools' outputs and approval requests
// included. Only `toUIMessageStream` of a runner reaches this module, so a plain chat stream never carries it.
import { DeepInfraError } from "../errors/base.js";
import type { RunToolsEvent, RunToolsResult } from "../resources/run-tools.js";
import type { ChatToolCall } from "../types/chat.js";
import { ToolCallAssembler } from "./tool-calls.js";
import type { UIFinishReason, UIMessageChunk, UIMessageStreamMetadata, UIMessageStreamOptions } from "./ui-message-stream.js";

/** What `toUIMessageStream` takes for a tool run: the runner `runTools` returns. */
export type ToolRunLike = AsyncIterable<RunToolsEvent> & PromiseLike<RunToolsResult>;

const FINISH_REASONS: Record<string, UIFinishReason> = { stop: "stop", length: "length", tool_calls: "tool-calls", content_filter: "content-filter" };
const errorText = (error: unknown): string => (error instanceof DeepInfraError ? error.message : "An error occurred.");

function parseInput(args: string): { input: unknown } | undefined {
  try {
    return { input: JSON.parse(args.trim() || "{}") };
  } catch {
    return undefined;
  }
}

/**
 * The UI message stream of a tool run (choice 0 of each round): `start-step`, reasoning and text parts,
 * `tool-input-start`/`-delta` as the arguments stream (when the call's id came with its first fragment; otherwise
 * once the round is read), `tool-input-available`, then `tool-output-available` / `tool-output-error` /
 * `tool-approval-request` / `tool-output-denied`, `finish-step`; `finish` with the run's summed usage.
 */
export function toolRunUIStream(runner: ToolRunLike, options: UIMessageStreamOptions = {}): ReadableStream<UIMessageChunk> {
  const events = runner[Symbol.asyncIterator]();
  const { sendReasoning = true, onError = errorText } = options;
  const metadata: UIMessageStreamMetadata = {};
  let round = 0;
  let open: "text" | "reasoning" | undefined;
  let parts = 0;
  let finishReason = "";
  let cancelled = false;
  // Per round: calls as they stream, what each one has sent, and whether the round streamed at all.
  let assembler = new ToolCallAssembler();
  let sent = new Map<string, number>();
  let streamed = false;
  let roundId = "";
  const inputOk = new Set<string>();

  return new ReadableStream<UIMessageChunk>({
    start(out) {
      out.enqueue({ type: "start", messageId: options.messageId });
    },
    // A pull that enqueues nothing is not called again (WHATWG streams): read until a part goes out.
    async pull(out) {
      let wrote = false;
      const emit = (part: UIMessageChunk) => {
        wrote = true;
        if (!cancelled) out.enqueue(part);
      };
      const close = () => {
        if (open) emit({ type: `${open}-end`, id: String(parts) });
        open = undefined;
      };
      const write = (kind: "text" | "reasoning", delta: string | null | undefined) => {
        if (!delta || (kind === "reasoning" && !sendReasoning)) return;
        if (open !== kind) {
          close();
          open = kind;
          emit({ type: `${kind}-start`, id: String(++parts) });
        }
        emit({ type: `${kind}-delta`, id: String(parts), delta });
      };
      const step = (next: number) => {
        if (next === round) return;
        if (round > 0) {
          close();
          emit({ type: "finish-step" });
        }
        round = next;
        assembler = new ToolCallAssembler();
        sent = new Map();
        streamed = false;
        roundId = "";
        emit({ type: "start-step" });
      };
      const startCall = (call: ChatToolCall) => {
        close();
        sent.set(call.id, 0);
        emit({ type: "tool-input-start", toolCallId: call.id, toolName: call.function.name });
      };
      const sendArgs = (call: ChatToolCall) => {
        const from = sent.get(call.id) ?? 0;
        const args = call.function.arguments;
        if (args.length > from) emit({ type: "tool-input-delta", toolCallId: call.id, inputTextDelta: args.slice(from) });
        sent.set(call.id, args.length);
      };
      try {
        while (!wrote) {
          const { done, value: event } = await events.next();
          if (done) {
            const result = await runner;
            if (round > 0) {
              close();
              emit({ type: "finish-step" });
            }
            metadata.usage = result.usage;
            if (result.usage.estimated_cost !== undefined) metadata.estimated_cost = result.usage.estimated_cost;
            const reason = result.pendingApprovals.length ? "tool_calls" : finishReason;
            emit({ type: "finish", finishReason: reason ? (FINISH_REASONS[reason] ?? "other") : undefined, messageMetadata: metadata });
            if (!cancelled) out.close();
            return;
          }
          if (event.round > 0) step(event.round);
          switch (event.type) {
            case "chunk": {
              streamed = true;
              const { chunk } = event;
              if (chunk.model) metadata.model ??= chunk.model;
              const delta = chunk.choices?.[0]?.delta;
              if (!delta) break;
              write("reasoning", delta.reasoning_content);
              write("text", delta.content);
              if (!delta.tool_calls?.length) break;
              // A call is shown live only under an id that came with it: a generated one could still be replaced by a late id.
              roundId ||= chunk.id ?? "";
              assembler.add(delta.tool_calls);
              assembler.calls(roundId).forEach((call, position) => {
                if (!sent.has(call.id)) {
                  if (!call.function.name || call.id === `call_${roundId}_${position}`) return;
                  startCall(call);
                }
                sendArgs(call);
              });
              break;
            }
            case "completion": {
              const { completion } = event;
              metadata.model ??= completion.model;
              const choice = completion.choices?.[0];
              finishReason = choice?.finish_reason ?? finishReason;
              if (!streamed) {
                write("reasoning", choice?.message.reasoning_content);
                write("text", choice?.message.content);
              }
              close();
              for (const call of choice?.message.tool_calls ?? []) {
                if (!sent.has(call.id)) startCall(call);
                sendArgs(call);
                const parsed = parseInput(call.function.arguments);
                const base = { toolCallId: call.id, toolName: call.function.name };
                if (parsed) {
                  inputOk.add(call.id);
                  emit({ type: "tool-input-available", ...base, input: parsed.input });
                } else emit({ type: "tool-input-error", ...base, input: call.function.arguments, errorText: "The tool call's arguments are not valid JSON." });
              }
              break;
            }
            case "tool_result":
              emit({ type: "tool-output-available", toolCallId: event.call.id, output: event.result ?? null });
              break;
            case "tool_error":
              if (inputOk.has(event.call.id) || event.round === 0) emit({ type: "tool-output-error", toolCallId: event.call.id, errorText: event.content });
              break;
            case "approval_request":
              emit({ type: "tool-approval-request", approvalId: `approval_${event.call.id}`, toolCallId: event.call.id });
              break;
            case "tool_denied":
              emit({ type: "tool-output-denied", toolCallId: event.call.id });
              break;
          }
        }
      } catch (error) {
        if (cancelled) return;
        close();
        emit((error as Error | undefined)?.name === "APIUserAbortError" ? { type: "abort" } : { type: "error", errorText: onError(error) });
        out.close();
      }
    },
    cancel() {
      cancelled = true;
      void events.return?.();
    },
  });
}
