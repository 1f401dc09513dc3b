import type { ChatToolCall } from "../types/chat.js";

/**
 * Tool calls an open model wrote as text instead of `tool_calls` (Hermes-style `<tool_call>{…}</tool_call>`
 * blocks, or a whole reply that is a `{ "name", "arguments" }` object), when every one names a declared tool.
 * Returns undefined when the text is not that, so it stays an answer.
 */
export function leakedToolCalls(content: string, names: ReadonlySet<string>, responseId: string): { calls: ChatToolCall[]; text: string } | undefined {
  const blocks = [...content.matchAll(/<tool_call>\s*([\s\S]*?)\s*(?:<\/tool_call>|$)/g)];
  const bodies = blocks.length ? blocks.map((match) => match[1] ?? "") : [content.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/, "$1")];
  const calls: ChatToolCall[] = [];
  for (const body of bodies) {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return undefined;
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      const { name, arguments: args = (item as { parameters?: unknown })?.parameters ?? {} } = (item ?? {}) as { name?: unknown; arguments?: unknown };
      if (typeof name !== "string" || !names.has(name)) return undefined;
      calls.push({ id: `call_${responseId}_${calls.length}`, type: "function", function: { name, arguments: typeof args === "string" ? args : JSON.stringify(args) } });
    }
  }
  if (!calls.length) return undefined;
  return { calls, text: blocks.length ? content.replace(/<tool_call>[\s\S]*?(?:<\/tool_call>|$)/g, "").trim() : "" };
}
