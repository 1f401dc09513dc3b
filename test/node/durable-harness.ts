// Shared pieces of the durable-chat tests: a slow upstream answer, the chats routes as a browser calls
// them (cookie, Origin), and a parser for the resumable UI message stream (`id:` + `data:` per event).
import type { Scenario } from "../upstream/server.mjs";
import { readUIStream } from "./worker-harness.js";

/** The words a slow answer streams, in order: `w0 w1 … w{n-1} `. */
export const wordsOf = (n: number) => Array.from({ length: n }, (_, i) => `w${i} `).join("");

/**
 * An upstream answer of `n` words, one SSE event every `delayMs`, with usage (and `estimated_cost`) at the end.
 * Chunks are minimal: the scenario travels in a request header (Node caps headers at 16 KB), so keep n ≤ 150.
 */
export function slowAnswer(n: number, delayMs = 30, estimatedCost = 0.000123): Scenario {
  const chunk = (delta: object, finish: string | null, usage?: object) => `data: ${JSON.stringify({ choices: [{ index: 0, delta, ...(finish ? { finish_reason: finish } : {}) }], ...(usage ? { usage } : {}) })}\n\n`;
  const events = [`data: ${JSON.stringify({ id: "chatcmpl-slow", model: "slow-model", choices: [{ index: 0, delta: { role: "assistant", content: "" } }] })}\n\n`];
  for (let i = 0; i < n; i++) events.push(chunk({ content: `w${i} ` }, null));
  events.push(chunk({}, "stop", { prompt_tokens: 10, completion_tokens: n, total_tokens: 10 + n, estimated_cost: estimatedCost }), "data: [DONE]\n\n");
  const chunks: number[] = [];
  let offset = 0;
  for (const event of events.slice(0, -1)) chunks.push((offset += Buffer.byteLength(event)));
  return { body: events.join(""), chunks, chunkDelayMs: delayMs };
}

/** One event of the resumable stream. */
export interface IdEvent {
  id: string;
  data: string;
}

/** Splits the stream's text into `{ id, data }` events (every one must carry an id). */
export function idEvents(text: string): IdEvent[] {
  if (!text) return [];
  if (!text.endsWith("\n\n")) throw new Error(`not whole events: ${JSON.stringify(text.slice(-80))}`);
  return text
    .slice(0, -2)
    .split("\n\n")
    .map((block) => {
      const match = /^id: (\S+)\ndata: (.*)$/.exec(block);
      if (!match) throw new Error(`event without id: ${JSON.stringify(block)}`);
      return { id: match[1]!, data: match[2]! };
    });
}

/** Checks every part with `ai`'s own uiMessageChunkSchema (the `id:` lines are what useChat's EventSource parser skips). */
export async function checkUIStream(events: IdEvent[]): Promise<void> {
  await readUIStream(events.map((e) => `data: ${e.data}\n\n`).join(""));
}

/** The text deltas of a run of events, joined. */
export function textOf(events: IdEvent[]): string {
  return events
    .filter((e) => e.data.startsWith("{"))
    .map((e) => JSON.parse(e.data) as { type: string; delta?: string })
    .filter((p) => p.type === "text-delta")
    .map((p) => p.delta)
    .join("");
}

/** Reads `res` until `count` events arrived, then drops the connection (a browser that leaves). */
export async function readThenLeave(res: Response, count: number, controller: AbortController): Promise<IdEvent[]> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  while ((text.match(/\n\n/g)?.length ?? 0) < count) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  controller.abort();
  await reader.cancel().catch(() => undefined);
  const whole = text.slice(0, text.lastIndexOf("\n\n") + 2);
  return idEvents(whole).slice(0, count);
}

/** A browser on `origin`: keeps the session cookie it was given. */
export function browser(base: string, origin = base) {
  let cookie: string | undefined;
  const call = async (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string>; signal?: AbortSignal } = {}) => {
    const headers: Record<string, string> = { origin, ...init.headers };
    if (cookie) headers.cookie = cookie;
    if (init.body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(base + path, { method: init.method ?? "GET", headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), signal: init.signal });
    const set = res.headers.get("set-cookie");
    if (set) cookie = set.split(";")[0];
    return res;
  };
  return {
    call,
    get cookie() {
      return cookie;
    },
    set cookie(value: string | undefined) {
      cookie = value;
    },
    post: (chatId: string, body: unknown, signal?: AbortSignal) => call(`/api/chats/${chatId}/messages`, { method: "POST", body, signal }),
    say: (chatId: string, id: string, text: string, signal?: AbortSignal) => call(`/api/chats/${chatId}/messages`, { method: "POST", body: { message: { id, role: "user", parts: [{ type: "text", text }] } }, signal }),
    stream: (chatId: string, lastEventId?: string) => call(`/api/chats/${chatId}/stream`, lastEventId ? { headers: { "last-event-id": lastEventId } } : {}),
    messages: (chatId: string) => call(`/api/chats/${chatId}/messages`),
    stop: (chatId: string) => call(`/api/chats/${chatId}/stop`, { method: "POST" }),
  };
}
