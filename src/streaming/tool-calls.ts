import type { ChatToolCall, ChatToolCallDelta } from "../types/chat.js";

/** A call being assembled, with the `index` its fragments carry (when they carry one). */
type Assembling = ChatToolCall & { index?: number | null | undefined };

/**
 * Assembles streamed tool-call fragments as open models really send them: merged by `index`; a fragment
 * without `index` joins the last call unless it carries a new id (or is a second call in the same delta);
 * numeric ids become strings, a late id is kept; a name repeated in every fragment is assigned, not appended.
 * `calls(responseId)` gives calls without an id a stable one, `call_<responseId>_<position>`. Calls come in the
 * order they started (DeepInfra starts them in `index` order).
 * What `ChatStream` uses; exported for code that reads chunks from `create` itself.
 * @example
 * const tools = new ToolCallAssembler();
 * for await (const chunk of stream) tools.add(chunk.choices[0]?.delta.tool_calls);
 * const calls = tools.calls(responseId);
 */
export class ToolCallAssembler {
  readonly #list: Assembling[] = [];

  /** Folds the `tool_calls` of one delta in. */
  add(fragments: ReadonlyArray<ChatToolCallDelta> | null | undefined): void {
    if (!Array.isArray(fragments)) return;
    fragments.forEach((fragment, position) => {
      // Typed as DeepInfra documents them; at run time ids may be numbers (GLM) and `index` may be missing.
      const id = `${fragment.id ?? ""}`;
      const index = fragment.index as number | null | undefined;
      const name = fragment.function?.name;
      let call = this.#list.filter((item) => index == null || item.index === index).pop();
      // A named fragment with a different id under the same (or no) index is another call (some servers send every
      // call as index 0); unnamed, it continues the call (proxies that mint an id per chunk). Without index or id,
      // a second named fragment in one delta is the next call.
      if (call && name && (id ? call.id && call.id !== id : index == null && position > 0)) call = undefined;
      if (!call) this.#list.push((call = { id: "", type: "function", function: { name: "", arguments: "" }, index }));
      call.id ||= id;
      if (name) call.function.name = name;
      call.function.arguments += fragment.function?.arguments ?? "";
    });
  }

  /** The calls so far, in the order they started; a call without an id gets `call_<responseId>_<position>`. */
  calls(responseId: string): ChatToolCall[] {
    return this.#list.map(({ index: _, ...call }, position) => ({ ...call, id: call.id || `call_${responseId}_${position}` }));
  }
}
