// The /react page's transport for durable chats (/api/chats/:id/*), on stock `useChat`: it posts only the new
// user message, resumes at …/stream on load (`resume: true`), rides out a dropped connection by resuming after
// the last event it passed on (reconnectingBody), and turns `stop()` into POST …/stop.
import { DefaultChatTransport, type UIMessage } from "ai";
import { reconnectingBody } from "deepinfra-edge/durable";

/** A chat id kept across reloads (a new one for "New chat"). */
export function currentChatId(storage: { getItem(key: string): string | null; setItem(key: string, value: string): void }, fresh = false): string {
  let id = fresh ? null : storage.getItem("chatId");
  if (!id || !/^[\w-]{1,64}$/.test(id)) {
    id = crypto.randomUUID();
    storage.setItem("chatId", id);
  }
  return id;
}

/** The stored history (`GET …/messages`); empty for a chat that does not exist yet (404). */
export async function loadHistory<M extends UIMessage>(chatId: string): Promise<M[]> {
  const response = await fetch(`/api/chats/${chatId}/messages`);
  if (response.status === 404) return [];
  if (!response.ok) throw new Error(await response.text());
  return ((await response.json()) as { messages: M[] }).messages;
}

/** Stops the chat's running answer on the server (it survives the page otherwise). */
export function stopChat(chatId: string): Promise<Response> {
  return fetch(`/api/chats/${chatId}/stop`, { method: "POST", keepalive: true });
}

/** The transport; `body.continue` on `regenerate()` asks the chat to continue the last answer instead. */
export function durableTransport<M extends UIMessage>(chatId: string): DefaultChatTransport<M> {
  const base = `/api/chats/${chatId}`;
  const resumable: typeof fetch = async (input, init) => {
    // useChat aborts a POST only for stop(): that stops the answer on the server too. (A resume GET is also
    // aborted when a newer one replaces it, so its abort means nothing.)
    if (init?.method === "POST") init.signal?.addEventListener("abort", () => void stopChat(chatId), { once: true });
    const response = await fetch(input, init);
    // 204 (nothing to resume) and errors pass as they are; only a stream is made resumable.
    if (response.status !== 200 || !response.body) return response;
    const retry = (lastEventId: string | undefined) => fetch(`${base}/stream`, { headers: lastEventId ? { "last-event-id": lastEventId } : {}, signal: init?.signal ?? null });
    return new Response(reconnectingBody({ retry })(response.body), { status: response.status, headers: response.headers });
  };
  return new DefaultChatTransport<M>({
    api: `${base}/messages`,
    fetch: resumable,
    prepareSendMessagesRequest: ({ messages, trigger, messageId, body }) => {
      if (body?.continue) return { body: { trigger: "continue-message" } };
      if (trigger === "regenerate-message") return { body: { trigger, ...(messageId ? { messageId } : {}) } };
      const last = messages[messages.length - 1]!;
      return { body: { trigger, message: { id: last.id, role: last.role, parts: last.parts.filter((part) => part.type === "text") } } };
    },
    prepareReconnectToStreamRequest: () => ({ api: `${base}/stream` }),
  });
}
