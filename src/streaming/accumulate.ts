import type { ChatCompletion, ChatCompletionChunk, ChatCompletionChunkChoice, ChatFinishReason, ChatToolCall, CompletionUsage } from "../types/chat.js";

interface ChoiceState {
  /** Undefined until a delta carried it: a tools-only answer has `content: null`, not "". */
  content: string | undefined;
  reasoning: string | undefined;
  toolCalls: Map<number, ChatToolCall>;
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
    if (!this.#id && chunk.id) this.#id = chunk.id;
    if (!this.#created && chunk.created) this.#created = chunk.created;
    if (!this.#model && chunk.model) this.#model = chunk.model;
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
    if (this.#choices.size === 0) return false;
    for (const state of this.#choices.values()) if (!state.finish) return false;
    return true;
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
 * content and reasoning concatenated per choice, tool-call fragments merged by `index`
 * (DeepInfra may also send a whole call in one fragment), usage from the finishing chunk.
 */
export class ChatAccumulator extends ChunkAccumulator<ChatCompletionChunk, ChatCompletionChunkChoice, ChoiceState> {
  protected newChoice(): ChoiceState {
    return { content: undefined, reasoning: undefined, toolCalls: new Map(), finish: null, logprobs: undefined };
  }

  protected addChoice(state: ChoiceState, choice: ChatCompletionChunkChoice): void {
    const delta = choice.delta ?? {};
    if (typeof delta.content === "string") state.content = (state.content ?? "") + delta.content;
    if (typeof delta.reasoning_content === "string") state.reasoning = (state.reasoning ?? "") + delta.reasoning_content;
    if (Array.isArray(delta.tool_calls)) {
      for (const [position, fragment] of delta.tool_calls.entries()) {
        const key = fragment.index ?? position;
        let call = state.toolCalls.get(key);
        if (!call) {
          call = { id: "", type: "function", function: { name: "", arguments: "" } };
          state.toolCalls.set(key, call);
        }
        if (fragment.id) call.id = fragment.id;
        // Assigned, not appended: some servers repeat the whole name in every fragment (openai-node assigns too).
        if (fragment.function?.name) call.function.name = fragment.function.name;
        if (fragment.function?.arguments) call.function.arguments += fragment.function.arguments;
      }
    }
    if (choice.logprobs != null) state.logprobs = mergeChatLogprobs(state.logprobs, choice.logprobs as ChatLogprobs);
  }

  /** The assembled completion so far. */
  toCompletion(): ChatCompletion {
    const { top, choices, usage } = this.assemble("chat.completion");
    return {
      ...top,
      choices: choices.map(([index, state]) => {
        const toolCalls = [...state.toolCalls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call);
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
    if (!Array.isArray(items)) continue;
    const target = into ? (out[key] ??= []) : (out[key] = []);
    for (const item of items) target.push(item);
  }
  return out;
}
