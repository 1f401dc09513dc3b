// /api/chats/:id/{messages,stream,stop}: the Worker's side. It identifies the visitor, applies the host,
// origin and rate-limit checks, and forwards to the ChatRoom of (visitor, chat id); another visitor's
// chat is another object, so it answers 404 (204 for stream).
import type { Config } from "../config.js";
import { HttpError } from "../http-error.js";
import { identify } from "./session.js";
import type { ChatsEnv } from "./settings.js";

export interface ChatsRoute {
  chatId: string;
  op: "messages" | "stream" | "stop";
}

const PATH = /^\/api\/chats\/([\w-]{1,64})\/(messages|stream|stop)$/;
const METHODS: Record<ChatsRoute["op"], string[]> = { messages: ["GET", "POST"], stream: ["GET"], stop: ["POST"] };

/** The route for `pathname`, or undefined when it is not a chats route. */
export function matchChatsRoute(pathname: string): ChatsRoute | undefined {
  const match = PATH.exec(pathname);
  return match ? { chatId: match[1]!, op: match[2] as ChatsRoute["op"] } : undefined;
}

/** What the router hands this route: the config, the answer headers, and the rate limiter for POSTs. */
export interface ChatsContext {
  config: Config;
  requestId: string;
  headers: Record<string, string>;
  /** The Worker's own origin here is https: the session cookie gets `Secure`. */
  secure: boolean;
  rateLimit(): Promise<void>;
}

/** Forwards a chats request to its ChatRoom; sets the session cookie on the first answer. */
export async function chatsRoute(request: Request, env: ChatsEnv, route: ChatsRoute, context: ChatsContext): Promise<Response> {
  const allowed = METHODS[route.op];
  if (!allowed.includes(request.method)) throw new HttpError(405, "method_not_allowed", `/api/chats/:id/${route.op} accepts ${allowed.join(", ")} only.`, { allow: allowed.join(", ") });
  const post = request.method === "POST";
  if (post) await context.rateLimit();
  const visitor = await identify(request, env, { issue: route.op === "messages" && post, secure: context.secure });
  if (!visitor) {
    if (route.op === "stream") return new Response(null, { status: 204, headers: context.headers });
    throw new HttpError(404, "not_found", "No such chat.");
  }
  const room = env.CHAT_ROOM.get(env.CHAT_ROOM.idFromName(`${visitor.id}:${route.chatId}`));
  // Only what the room needs crosses over: never the browser's cookies or other headers.
  const headers: Record<string, string> = { "x-visitor": visitor.id, "x-request-id": context.requestId };
  for (const name of ["content-type", "content-length", "last-event-id"]) {
    const value = request.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  const answer = await room.fetch(new Request(`https://chat-room/${route.op}`, { method: request.method, headers, body: post ? request.body : null }));
  const out = new Headers(answer.headers);
  for (const [name, value] of Object.entries(context.headers)) if (!(name === "cache-control" && out.has(name))) out.set(name, value);
  if (visitor.setCookie) out.append("set-cookie", visitor.setCookie);
  return new Response(answer.body, { status: answer.status, headers: out });
}
