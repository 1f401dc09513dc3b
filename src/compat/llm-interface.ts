/**
 * The `deepinfra` interface of llm-interface (`LLMInterface.sendMessage('deepinfra', …)`), for the edge:
 * same arguments and response shape, typed errors instead of `{ success: false }`.
 */
import { DeepInfra, type ClientOptions } from "../client.js";
import { chatParamsKeys, llmMessage } from "../schema/generated/validators.js";
import { checkOptions } from "../schema/runtime.js";
import { MAX_RETRY_AFTER_MS } from "../http.js";
import type { ChatStream } from "../streaming/chat-stream.js";
import type { ChatCompletion, ChatCreateParams, ChatMessage, ChatResponseFormat, CompletionUsage } from "../types/chat.js";
import type { ChatSettings } from "../types/chat-create.js";
import type { CreateEmbeddingResponse, EmbeddingUsage } from "../types/embeddings.js";
import type { RequestOptions } from "../types/request.js";
import { cacheKey, memoryCache, readCache, writeCache, type CacheStore } from "./cache.js";
import { repairJSON } from "./json-repair.js";

export { kvCache, memoryCache, workersCache, type CacheEntry, type CacheLike, type CacheStore, type KeyValueStore } from "./cache.js";
export { repairJSON } from "./json-repair.js";
export { LLMInterface, LLMInterfaceEmbeddings, LLMInterfaceSendMessage, LLMInterfaceStreamMessage, type LLMCacheConfig, type LLMInterfaceApi, type LLMEmbeddingOptions, type LLMInterfaceName, type LLMInterfaceSendMessageFn, type LLMInterfaceSendMessageWithKeyFn } from "./llm-interface-global.js";

/** The interface name this module stands in for. */
export const interfaceName = "deepinfra";

/** A prompt, or an OpenAI-style `{ model, messages }` (extra fields are used as options). */
export type LLMMessage = string | { model?: string; messages: ChatMessage[]; [extra: string]: unknown };

/** The provider's options (`max_tokens` defaults to 1024 as in llm-interface); `model` takes the aliases. */
export type LLMOptions = Omit<ChatSettings, "model" | "messages" | "response_format"> & {
  model?: string;
  /** `"json_object"` (llm-interface's form) or the OpenAI object form. */
  response_format?: "json_object" | "text" | ChatResponseFormat | null;
  [extra: string]: unknown;
};

/** llm-interface's `interfaceOptions`, plus the edge's pluggable cache. */
export interface InterfaceOptions {
  /** Attempts in all, the first included (default 3). */
  retryAttempts?: number;
  /** Wait before retry n is `n × retryMultiplier × 1000 + 500` ms (default 0.3), unless the server sends Retry-After. */
  retryMultiplier?: number;
  /** Cache successful answers this long; the key covers the message and every option. */
  cacheTimeoutSeconds?: number | false;
  /** Parse the reply as JSON, repairing near-JSON; the raw text is kept when that fails. */
  attemptJsonRepair?: boolean;
  /** Add DeepInfra's whole response as `originalResponse`. */
  includeOriginalResponse?: boolean;
  /** Where answers are cached: an in-memory LRU by default, `workersCache()`, `kvCache(env.MY_KV)`, or any `{ get, put }` or `{ get, set }` store. */
  cache?: CacheStore;
  /** Aborts the call, its retries and waits. */
  signal?: AbortSignal;
}

/** llm-interface's response shape. */
export interface LLMResponse<T = unknown> {
  success: boolean;
  recoveryMode: false;
  /** The reply text (trimmed), or parsed JSON in JSON mode / with `attemptJsonRepair`; the vector(s) for embeddings. */
  results: T;
  originalResponse?: ChatCompletion | CreateEmbeddingResponse;
  /** DeepInfra's usage, `estimated_cost` included. */
  usage?: CompletionUsage | EmbeddingUsage;
  /** Retries made (0 when the first attempt succeeded). */
  retries: number;
  /** Milliseconds, as llm-interface formats them. */
  total_time: string;
  request_time: string;
  /** Present when the answer came from the cache. */
  cacheType?: string;
}

/** What `streamMessage` (and `sendMessage` with `stream: true`) resolves to: a `ChatStream` with llm-interface's `data`. */
export type LLMStream = ChatStream & { readonly data: ReadableStream<Uint8Array> };

/** `sendMessage`, `streamMessage` and `embeddings` bound to one client. */
export interface DeepInfraInterface {
  /** The client underneath, for everything beyond llm-interface. */
  readonly client: DeepInfra;
  /** With `options.stream: true`: the same as `streamMessage`. */
  sendMessage(message: LLMMessage, options: LLMOptions & { stream: true }, interfaceOptions?: InterfaceOptions | number): Promise<LLMStream>;
  /**
   * Sends a message and resolves to llm-interface's response shape.
   * @throws ValidationError for an empty message; the SDK's typed errors for failures (never `{ success: false }`).
   */
  sendMessage(message: LLMMessage, options?: LLMOptions | number, interfaceOptions?: InterfaceOptions | number): Promise<LLMResponse>;
  /** Streams a message: a `ChatStream` whose `data` is the SSE byte stream (llm-interface's `response.data`); `interfaceOptions.signal` aborts it. */
  streamMessage(message: LLMMessage, options?: LLMOptions, interfaceOptions?: InterfaceOptions): Promise<LLMStream>;
  /** Embeds a string (`results`: its vector) or an array (`results`: one vector per string). */
  embeddings(text: string | string[], options?: { model?: string; [extra: string]: unknown } | number, interfaceOptions?: InterfaceOptions | number): Promise<LLMResponse<number[] | number[][]>>;
}

let sharedMemory: CacheStore | undefined;
let defaultInterface: DeepInfraInterface | undefined;

/**
 * Creates the interface around a client (in a Worker: per request, with `env.DEEPINFRA_API_KEY`).
 * @example
 * const { sendMessage } = createInterface({ apiKey: env.DEEPINFRA_API_KEY });
 * const { results } = await sendMessage("Hello", { model: "default", max_tokens: 100 });
 */
export function createInterface(clientOptions: ClientOptions = {}): DeepInfraInterface {
  let client: DeepInfra;
  try {
    client = new DeepInfra(clientOptions);
  } catch (error) {
    throw inTheseTerms(error);
  }
  // Part of every cache key, so clients with other keys, hosts or alias tables never share answers (hashed, never stored).
  const scope = { apiKey: clientOptions.apiKey ?? "", baseURL: client.baseURL, aliases: client.modelAliases, embeddingAliases: client.embeddingAliases };

  async function cached<T>(kind: string, request: unknown, io: InterfaceOptions, produce: () => Promise<LLMResponse<T>>): Promise<LLMResponse<T>> {
    const ttl = typeof io.cacheTimeoutSeconds === "number" && io.cacheTimeoutSeconds > 0 ? io.cacheTimeoutSeconds : 0;
    if (!ttl) return produce();
    const store = io.cache ?? (sharedMemory ??= memoryCache());
    const { cache: _store, signal: _signal, ...keyed } = io;
    const key = await cacheKey({ v: 1, kind, scope, request, interfaceOptions: keyed });
    const hit = await readCache<LLMResponse<T>>(store, key);
    if (hit) return { ...hit, cacheType: io.cache ? "custom" : "memory-cache" };
    const fresh = await produce();
    if (fresh.success) await writeCache(store, key, fresh, ttl);
    return fresh;
  }

  /**
   * The SDK's own retry loop decides what is retryable (never 4xx but 408/409/429-busy, never a spent
   * quota); llm-interface's schedule decides when, through the per-call `retryDelay`.
   */
  async function withRetries<T>(io: InterfaceOptions, call: (options: RequestOptions) => Promise<T>): Promise<{ value: T; retries: number }> {
    const multiplier = io.retryMultiplier ?? 0.3;
    let retries = 0;
    const value = await call({
      signal: io.signal,
      maxRetries: Math.max(1, Math.floor(io.retryAttempts ?? 3)) - 1,
      retryDelay: ({ attempt, retryAfterMs }) => {
        retries = attempt;
        return retryAfterMs !== undefined ? Math.min(retryAfterMs, MAX_RETRY_AFTER_MS) : attempt * multiplier * 1000 + 500;
      },
    });
    return { value, retries };
  }

  const api: DeepInfraInterface = {
    client,
    sendMessage: (async (...args: Parameters<DeepInfraInterface["sendMessage"]>) => sendMessage(...args).catch((error: unknown) => Promise.reject(inTheseTerms(error)))) as DeepInfraInterface["sendMessage"],
    streamMessage: (...args) => streamMessage(...args).catch((error: unknown) => Promise.reject(inTheseTerms(error))),
    embeddings: (...args) => embeddings(...args).catch((error: unknown) => Promise.reject(inTheseTerms(error))),
  };

  const sendMessage = (async (message: LLMMessage, options: LLMOptions | number = {}, interfaceOptions: InterfaceOptions | number = {}) => {
      const io = normalizeInterfaceOptions(interfaceOptions, options);
      const params = toChatParams(message, typeof options === "number" ? {} : options);
      if (params.stream === true) return api.streamMessage(message, { ...(options as LLMOptions) }, io);
      const started = Date.now();
      return cached("chat", params, io, async () => {
        const sent = Date.now();
        const { value: completion, retries } = await withRetries(io, (requestOptions) => client.chat.completions.create({ ...params, stream: false }, requestOptions));
        const text = completion.choices?.[0]?.message?.content;
        let results: unknown = typeof text === "string" ? text.trim() : text;
        const jsonMode = (params.response_format as { type?: string } | undefined)?.type === "json_object";
        if (typeof results === "string" && results && (jsonMode || io.attemptJsonRepair)) {
          const parsed = io.attemptJsonRepair ? repairJSON(results) : tryJSON(results);
          if (parsed !== undefined) results = parsed;
        }
        return finish(results, completion, completion.usage, retries, { started, sent }, io);
      });
    }) as DeepInfraInterface["sendMessage"];

  const streamMessage: DeepInfraInterface["streamMessage"] = async (message, options = {}, interfaceOptions = {}) => {
      const { stream: _stream, ...rest } = options;
      const chatStream = await client.chat.completions.create({ ...toChatParams(message, rest), stream: true }, { signal: interfaceOptions.signal });
      let data: ReadableStream<Uint8Array> | undefined;
      Object.defineProperty(chatStream, "data", { get: () => (data ??= chatStream.toReadableStream()) });
      return chatStream as LLMStream;
  };

  const embeddings: DeepInfraInterface["embeddings"] = async (text, options = {}, interfaceOptions = {}) => {
      const io = normalizeInterfaceOptions(interfaceOptions, options);
      const { model = "default", ...rest } = typeof options === "number" ? {} : options;
      const params = { ...rest, model, input: text };
      const started = Date.now();
      return cached("embeddings", params, io, async () => {
        const sent = Date.now();
        const { value: response, retries } = await withRetries(io, (requestOptions) => client.embeddings.create({ ...params, encoding_format: "float" }, requestOptions));
        const vectors = response.data.map((item) => item.embedding);
        return finish(typeof text === "string" ? (vectors[0] as number[]) : vectors, response, response.usage, retries, { started, sent }, io);
      });
  };
  return api;
}

/**
 * The SDK's advice names `new DeepInfra({ … })`, which an llm-interface program never calls: the same errors,
 * with the calls it does make (`setApiKey`, `setModelAlias`, `createInterface`).
 */
function inTheseTerms(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  if (error.message.startsWith("No DeepInfra API key.")) {
    error.message =
      'No DeepInfra API key. Call LLMInterface.setApiKey({ deepinfra: key }) (or setApiKey(key) from "deepinfra-edge/llm-interface"), ' +
      "pass it as createInterface({ apiKey }), or set the DEEPINFRA_API_KEY environment variable. Get a key at https://deepinfra.com/dash/api_keys.";
  }
  const alias = /override the alias: new DeepInfra\(\{ (modelAliases|embeddingAliases): \{ ("[^"]*"): ("[^"]*") \} \}\)\./.exec(error.message);
  if (alias) {
    error.message = error.message.replace(
      alias[0],
      `override the alias: LLMInterface.${alias[1] === "modelAliases" ? "setModelAlias" : "setEmbeddingsModelAlias"}("deepinfra", ${alias[2]}, ${alias[3]}), or createInterface({ ${alias[1]}: { ${alias[2]}: ${alias[3]} } }).`,
    );
  }
  return error;
}

/** Shapes llm-interface's response: `total_time` from the call, `request_time` from the request (cache lookup excluded). */
function finish<T>(results: T, original: ChatCompletion | CreateEmbeddingResponse, usage: CompletionUsage | EmbeddingUsage | undefined, retries: number, times: { started: number; sent: number }, io: InterfaceOptions): LLMResponse<T> {
  const now = Date.now();
  const success = results !== undefined && results !== null && results !== "";
  return {
    success,
    recoveryMode: false,
    results,
    ...(io.includeOriginalResponse ? { originalResponse: original } : {}),
    ...(usage ? { usage } : {}),
    retries,
    total_time: (now - times.started).toFixed(5),
    request_time: (now - times.sent).toFixed(5),
  };
}

/** llm-interface lets a bare number in either options slot stand for `cacheTimeoutSeconds`. */
function normalizeInterfaceOptions(interfaceOptions: InterfaceOptions | number, options: unknown): InterfaceOptions {
  if (typeof interfaceOptions === "number") return { cacheTimeoutSeconds: interfaceOptions };
  if (typeof options === "number") return { cacheTimeoutSeconds: options, ...interfaceOptions };
  return interfaceOptions ?? {};
}

function toChatParams(message: LLMMessage, options: LLMOptions): ChatCreateParams {
  checkOptions("sendMessage arguments", llmMessage, message, ["message"]);
  const { model: messageModel, messages, ...messageExtras } = typeof message === "string" ? { model: undefined, messages: [{ role: "user", content: message }] as ChatMessage[] } : message;
  const { model: optionModel, response_format, max_tokens, ...rest } = options;
  const format = typeof response_format === "string" ? ({ type: response_format } as ChatResponseFormat) : (response_format ?? undefined);
  // llm-interface sends its options through as given: what the chat rule does not declare goes in extra_body.
  const fields: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries({ ...messageExtras, ...rest })) (chatParamsKeys.includes(key) ? fields : extra)[key] = value;
  return {
    ...fields,
    ...(Object.keys(extra).length ? { extra_body: { ...extra, ...(fields.extra_body as object | undefined) } } : {}),
    model: messageModel ?? optionModel ?? "default",
    messages,
    max_tokens: max_tokens ?? 1024,
    ...(format ? { response_format: format } : {}),
  } as ChatCreateParams;
}

function tryJSON(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Sets the options (key included) of the module-level interface the bare functions use. */
export function configure(clientOptions: ClientOptions): void {
  defaultInterface = createInterface(clientOptions);
}

/** llm-interface's `setApiKey` for this one interface. */
export function setApiKey(apiKey: string): void {
  configure({ apiKey });
}

const current = (): DeepInfraInterface => (defaultInterface ??= createInterface());

/**
 * `LLMInterface.sendMessage('deepinfra', message, options, interfaceOptions)` without the first argument.
 * @example const { results } = await sendMessage("Hello", { max_tokens: 100 }, { cacheTimeoutSeconds: 60 });
 */
export function sendMessage(message: LLMMessage, options?: LLMOptions | number, interfaceOptions?: InterfaceOptions | number): Promise<LLMResponse> {
  return current().sendMessage(message, options, interfaceOptions);
}

/** `LLMInterface.streamMessage('deepinfra', message, options)`: a `ChatStream` with llm-interface's `data`. */
export function streamMessage(message: LLMMessage, options?: LLMOptions, interfaceOptions?: InterfaceOptions): Promise<LLMStream> {
  return current().streamMessage(message, options, interfaceOptions);
}

/** `LLMInterface.embeddings('deepinfra', text, options, interfaceOptions)`. */
export function embeddings(text: string | string[], options?: { model?: string; [extra: string]: unknown } | number, interfaceOptions?: InterfaceOptions | number): Promise<LLMResponse<number[] | number[][]>> {
  return current().embeddings(text, options, interfaceOptions);
}
