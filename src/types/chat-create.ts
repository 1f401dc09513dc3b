import type { ChatStream } from "../streaming/chat-stream.js";
import type { ChatCompletion, ChatCreateParams } from "./chat.js";
import type { RequestOptions } from "./request.js";

/** `chat.completions.create` as a function: what `parse` and `runTools` need from a client, and all they take. */
export interface CreateChatCompletion {
  (params: ChatCreateParams & { stream: true }, options?: RequestOptions): Promise<ChatStream>;
  (params: ChatCreateParams & { stream?: false | null }, options?: RequestOptions): Promise<ChatCompletion>;
}

/** `ChatCreateParams` without any catch-all index signature, so single fields can be omitted or replaced. */
export type ChatSettings = { [K in keyof ChatCreateParams as string extends K ? never : number extends K ? never : K]: ChatCreateParams[K] };
