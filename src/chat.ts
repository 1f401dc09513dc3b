// `deepinfra-edge/chat`: the chat-only client, for a Worker that pays for every kilobyte. Same options (but `budget`
// takes a `Budget` instance, so a Worker without one carries none of its code) and
// `client.chat.completions.create()` as the full client; `parse` and `runTools` are free functions here.
import type { Budget } from "./budget.js";
import { ClientBase, type ClientOptions as SharedOptions } from "./client-base.js";
import { ChatCompletionsCore } from "./resources/chat.js";
import { checkClientOptions } from "./options-check.js";

export { DEFAULT_BASE_URL } from "./client-base.js";

/** Options of the chat-only client: the shared ones, with `budget` a `Budget` instance (its code is bundled only when imported). */
export interface ClientOptions extends Omit<SharedOptions, "budget"> {
  /** Spending limit: `new Budget({ maxUSD, onUsage })`, shared across clients if you like; once spent, requests throw `BudgetExceededError` unsent. */
  budget?: Budget;
}
export { parseChatCompletion, type ChatParseParams, type ParsedChatCompletion } from "./resources/chat-parse.js";
export { defineTool, runTools, type ReasoningPolicy, type RunnableTool, type RunToolsEvent, type RunToolsParams, type RunToolsResult, type ToolApprovals } from "./resources/run-tools.js";
export type { ChatCompletionsCore } from "./resources/chat.js";
export { ChatStream } from "./streaming/chat-stream.js";
export type { StreamFromResponseOptions } from "./streaming/from-response.js";
export { toUIMessageStream, toUIMessageStreamResponse, type UIMessageChunk, type UIMessageStreamOptions } from "./streaming/ui-message-stream.js";
export { fromUIMessages, toolApprovals, type FromUIMessagesOptions, type UIMessageLike } from "./compat/ui-messages.js";
export { ToolCallAssembler } from "./streaming/tool-calls.js";
export { splitThink, thinkSplitter } from "./streaming/think-split.js";
export type { FetchLike, RequestOptions, RetryDelayInfo, RetryInfo } from "./types/request.js";
export { MODEL_ALIASES, type ModelAlias, type ModelName } from "./models.js";
export { Budget, type BudgetOptions, type UsageEvent } from "./budget.js";
export type { APIPromise } from "./api-promise.js";
// Every error class and guard: tree-shaking keeps only the ones a Worker uses.
export * from "./errors/index.js";
export type * from "./types/chat.js";
export type { ChatSettings, CreateChatCompletion } from "./types/chat-create.js";

/**
 * A DeepInfra client with chat only (`client.chat.completions.create`, streaming included): the smallest
 * bundle for a Worker that proxies chat. Use `deepinfra-edge`'s `DeepInfra` for every other endpoint.
 * @throws DeepInfraError when no API key is given or found.
 * @example
 * import { DeepInfra } from "deepinfra-edge/chat";
 * const client = new DeepInfra({ apiKey: env.DEEPINFRA_API_KEY });
 * const stream = await client.chat.completions.create({ model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages, stream: true });
 * return new Response(stream.toReadableStream(), { headers: { "content-type": "text/event-stream" } });
 */
export class DeepInfra extends ClientBase {
  /** Chat completions (`create` only). */
  readonly chat: { readonly completions: ChatCompletionsCore };

  constructor(options: ClientOptions = {}) {
    checkClientOptions(options, false);
    super(options);
    this.chat = { completions: new ChatCompletionsCore(this.context) };
  }
}
