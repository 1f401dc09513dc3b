import type { ChatCompletion, ChatCompletionChunk, ChatCompletionChunkChoice, ChatFinishReason, CompletionUsage } from "../types/chat.js";
import { ToolCallAssembler } from "./tool-calls.js";

interface ChoiceState {
  /** Undefined until a delta carried it: a tools-only answer has `content: null`, not "". */
  content: string | undefined;
  reasoning: string | undefined;
  toolCalls: ToolCallAssembler;
  finish: ChatFinishReason | null;
  logprobs: ChatLogprobs | undefined;
}

/** Chat log-probabilities: one entry per token, in `content` (and `refusal`), appended chunk by chunk. */
interface ChatLogprobs {
  content?: unknown[] | null;
  refusal?: unknown[] | null;
  [extra: string]: unknown;
}

/** What every streamed chunk shares, chat or legacy completion. */
interface ChunkLike<Choice> {
  id?: string;
  created?: number;
  model?: string;
  usage?: CompletionUsage | null;
  choices?: Choice[];
}

/**
 * The bookkeeping every stream accumulator shares: the completion's id/created/model (first seen),
 * usage (last seen), per-choice state by `index` and finish reasons. Subclasses fold a choice in.
 */
export abstract class ChunkAccumulator<Chunk extends ChunkLike<Choice>, Choice extends { index?: number; finish_reason?: string | null }, State extends { finish: string | null }> {
  #id = "";
  #created = 0;
  #model = "";
  #usage: CompletionUsage | undefined;
  // Extra top-level fields (e.g. service_tier) are read from the last chunk when assembling: copying them per chunk costs on the hot path.
  #last: Chunk | undefined;
  readonly #choices = new Map<number, State>();

  protected abstract newChoice(): State;
  protected abstract addChoice(state: State, choice: Choice): void;

  add(chunk: Chunk): void {
    this.#id ||= chunk.id ?? "";
    this.#created ||= chunk.created ?? 0;
    this.#model ||= chunk.model ?? "";
    if (chunk.usage) this.#usage = chunk.usage;
    this.#last = chunk;
    const choices = chunk.choices;
    if (!Array.isArray(choices)) return;
    for (const choice of choices) {
      const index = choice.index ?? 0;
      let state = this.#choices.get(index);
      if (!state) {
        state = this.newChoice();
        this.#choices.set(index, state);
      }
      this.addChoice(state, choice);
      if (choice.finish_reason) state.finish = choice.finish_reason;
    }
  }

  /** Whether at least one choice was seen and every choice has a finish reason. */
  get finished(): boolean {
    return this.#choices.size > 0 && [...this.#choices.values()].every((state) => state.finish);
  }

  /** Usage from the finishing chunk, when DeepInfra sent it. */
  get usage(): CompletionUsage | undefined {
    return this.#usage;
  }

  /** The top-level fields of the assembled object (extras from the last chunk first), and the choices by index. */
  protected assemble<Kind extends string>(object: Kind): { top: Record<string, unknown> & { id: string; object: Kind; created: number; model: string }; choices: Array<[number, State]>; usage: { usage?: CompletionUsage } } {
    const { id: _id, object: _object, created: _created, model: _model, choices: _choices, usage: _usage, ...extra } = (this.#last ?? {}) as ChunkLike<Choice> & Record<string, unknown>;
    const choices = [...this.#choices.entries()].sort(([a], [b]) => a - b);
    return { top: { ...extra, id: this.#id, object, created: this.#created, model: this.#model }, choices, usage: this.#usage ? { usage: this.#usage } : {} };
  }
}

/**
 * Folds streamed chunks into the `ChatCompletion` a non-streaming call would have returned:
 * content and reasoning concatenated per choice, tool-call fragments assembled by `ToolCallAssembler`
 * (ids always strings, generated from the response id when absent), usage from the finishing chunk.
 */
export class ChatAccumulator extends ChunkAccumulator<ChatCompletionChunk, ChatCompletionChunkChoice, ChoiceState> {
  protected newChoice(): ChoiceState {
    return { content: undefined, reasoning: undefined, toolCalls: new ToolCallAssembler(), finish: null, logprobs: undefined };
  }

  protected addChoice(state: ChoiceState, choice: ChatCompletionChunkChoice): void {
    const delta = choice.delta ?? {};
    if (typeof delta.content === "string") state.content = (state.content ?? "") + delta.content;
    if (typeof delta.reasoning_content === "string") state.reasoning = (state.reasoning ?? "") + delta.reasoning_content;
    state.toolCalls.add(delta.tool_calls);
    if (choice.logprobs != null) state.logprobs = mergeChatLogprobs(state.logprobs, choice.logprobs as ChatLogprobs);
  }

  /** The assembled completion so far. */
  toCompletion(): ChatCompletion {
    const { top, choices, usage } = this.assemble("chat.completion");
    return {
      ...top,
      choices: choices.map(([index, state]) => {
        const toolCalls = state.toolCalls.calls(top.id);
        return {
          index,
          message: {
            role: "assistant" as const,
            content: state.content ?? (toolCalls.length ? null : ""),
            ...(state.reasoning === undefined ? {} : { reasoning_content: state.reasoning }),
            ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
          },
          finish_reason: state.finish,
          ...(state.logprobs !== undefined ? { logprobs: state.logprobs } : {}),
        };
      }),
      ...usage,
    };
  }
}

/** Appends a chunk's token log-probabilities to what came before (fresh arrays: the chunk's belong to whoever iterated it). */
function mergeChatLogprobs(into: ChatLogprobs | undefined, next: ChatLogprobs): ChatLogprobs {
  const out = into ?? { ...next };
  for (const key of ["content", "refusal"] as const) {
    const items = next[key];
    if (Array.isArray(items)) (into?.[key] ?? (out[key] = [])).push(...items);
  }
  return out;
}
