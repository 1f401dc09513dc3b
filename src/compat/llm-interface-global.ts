// llm-interface's own entry points (`LLMInterface.sendMessage("deepinfra", …)`, `LLMInterfaceSendMessage(…)`), so
// code written for llm-interface's `deepinfra` interface migrates by changing the import only.
// The cycle with ./llm-interface.js (which re-exports this file) is safe: nothing here runs at import.
import type { ClientOptions } from "../client.js";
import { refuse } from "../schema/runtime.js";
import { EMBEDDING_ALIASES, MODEL_ALIASES } from "../models.js";
import { flushNamespace, memoryCache, namespaceOf, type CacheStore } from "./cache.js";
import { createInterface, type DeepInfraInterface, type InterfaceOptions, type LLMMessage, type LLMOptions, type LLMResponse, type LLMStream } from "./llm-interface.js";

/** An interface name, or llm-interface's inline form `[name, apiKey]`; only `"deepinfra"` is served. */
export type LLMInterfaceName = string | readonly [string, (string | readonly string[])?];

/** Embedding options (`model` takes the embedding aliases), or a number: the cache timeout in seconds. */
export type LLMEmbeddingOptions = { model?: string; [extra: string]: unknown } | number;

/** `LLMInterface.configureCache()`'s argument: llm-interface's cache names, or any store of this SDK's. */
export interface LLMCacheConfig {
  /**
   * `"memory-cache"` caches every answer for the isolate's life (bounded LRU), as llm-interface does;
   * `"simple-cache"`, `"flat-cache"` and `"cache-manager"` (file or server caches in Node) become an in-memory
   * store that caches calls with `cacheTimeoutSeconds`; or pass a store: `workersCache()`, `kvCache(env.KV)`, any `{ get, put }`.
   */
  cache?: string | CacheStore;
  [extra: string]: unknown;
}

const NAME = "deepinfra";
const MAX_CLIENTS = 16;
// llm-interface's memory-cache keeps answers without a timeout; a year stands for "as long as the isolate lives".
const FOREVER_SECONDS = 31_536_000;

// Module-level state, as llm-interface has it. In a Worker it is shared by every request the isolate serves.
let apiKey: string | undefined;
let clientOptions: ClientOptions = {};
let modelAliases: Record<string, string> = {};
let embeddingAliases: Record<string, string> = {};
let cacheName = "memory";
let cacheStore: CacheStore | undefined;
const clients = /* @__PURE__ */ new Map<string, DeepInfraInterface>();


/** The interface name checked, and the key of llm-interface's `[name, key]` form. */
function parseName(interfaceName: LLMInterfaceName, where: string): string | undefined {
  const [name, key] = Array.isArray(interfaceName) ? interfaceName : [interfaceName];
  if (name !== NAME) {
    refuse(where, ["interfaceName"], `"${NAME}"`, name, JSON.stringify(name) ?? String(name), `: deepinfra-edge/llm-interface speaks only to DeepInfra; keep llm-interface itself for other providers.`);
  }
  return keyOf(key);
}

/** llm-interface passes some keys as `[apiKey, userId]`; DeepInfra's is the first. */
const keyOf = (key: unknown): string | undefined => (Array.isArray(key) ? keyOf(key[0]) : typeof key === "string" && key ? key : undefined);

function changed(): void {
  clients.clear();
}

/** One interface per key, rebuilt when a setting changes; bounded, as keys passed inline could be many. */
function interfaceFor(key: string | undefined): DeepInfraInterface {
  const use = key ?? apiKey;
  const id = use ?? "";
  let api = clients.get(id);
  if (!api) {
    api = createInterface({ ...clientOptions, ...(use ? { apiKey: use } : {}), modelAliases: { ...clientOptions.modelAliases, ...modelAliases }, embeddingAliases: { ...clientOptions.embeddingAliases, ...embeddingAliases } });
    clients.set(id, api);
    while (clients.size > MAX_CLIENTS) clients.delete(clients.keys().next().value as string);
  }
  return api;
}

/**
 * The configured store behind a key prefix read from the store itself, so `flushCache()` empties it for every
 * isolate that reads it (older entries are never read again).
 */
function scopedCache(): CacheStore {
  const store = (cacheStore ??= memoryCache());
  const scoped: Record<string, unknown> = {};
  for (const method of ["get", "set", "put", "delete"]) {
    const fn = (store as unknown as Record<string, unknown>)[method];
    if (typeof fn === "function") scoped[method] = async (key: string, ...rest: unknown[]) => fn.call(store, `llmi${await namespaceOf(store)}:${key}`, ...rest);
  }
  return scoped as unknown as CacheStore;
}

/** The caller's interface options with the configured cache (theirs wins), and memory-cache's keep-everything rule. */
function withCache(options: unknown, interfaceOptions: InterfaceOptions | number | undefined): InterfaceOptions {
  const io: InterfaceOptions = typeof interfaceOptions === "number" ? { cacheTimeoutSeconds: interfaceOptions } : { ...interfaceOptions };
  if (io.cache) return io;
  io.cache = scopedCache();
  if (cacheName === "memory-cache" && io.cacheTimeoutSeconds === undefined && typeof options !== "number") io.cacheTimeoutSeconds = FOREVER_SECONDS;
  return io;
}

/** llm-interface reports which of its caches answered; a store the caller passed keeps createInterface's label. */
function labelled<T extends LLMResponse<unknown>>(response: T, given: InterfaceOptions | number | undefined): T {
  const callersStore = typeof given === "object" && given?.cache;
  if (response.cacheType === undefined || callersStore) return response;
  return { ...response, cacheType: cacheName === "memory" ? "memory-cache" : cacheName };
}

async function send(key: string | undefined, message: LLMMessage, options?: LLMOptions | number, interfaceOptions?: InterfaceOptions | number): Promise<LLMResponse | LLMStream> {
  const api = interfaceFor(key);
  if (typeof options === "object" && options?.stream === true) return api.streamMessage(message, options, typeof interfaceOptions === "object" ? interfaceOptions : {});
  return labelled(await api.sendMessage(message, options, withCache(options, interfaceOptions)), interfaceOptions);
}

async function embed(key: string | undefined, text: string | string[], options?: LLMEmbeddingOptions, interfaceOptions?: InterfaceOptions | number): Promise<LLMResponse<number[] | number[][]>> {
  return labelled(await interfaceFor(key).embeddings(text, options, withCache(options, interfaceOptions)), interfaceOptions);
}

/** `sendMessage` as llm-interface calls it: the interface name first (or `[name, key]`). */
export interface LLMInterfaceSendMessageFn {
  (interfaceName: LLMInterfaceName, message: LLMMessage, options: LLMOptions & { stream: true }, interfaceOptions?: InterfaceOptions | number): Promise<LLMStream>;
  (interfaceName: LLMInterfaceName, message: LLMMessage, options?: LLMOptions | number, interfaceOptions?: InterfaceOptions | number): Promise<LLMResponse>;
}

const sendMessage = (async (interfaceName: LLMInterfaceName, message: LLMMessage, options?: LLMOptions | number, interfaceOptions?: InterfaceOptions | number) =>
  send(parseName(interfaceName, "sendMessage"), message, options, interfaceOptions)) as LLMInterfaceSendMessageFn;

/** llm-interface's `LLMInterface` object, for the `deepinfra` interface (the type of `LLMInterface`). */
export interface LLMInterfaceApi {
  /**
   * Sets the DeepInfra key: `setApiKey({ deepinfra: key })` or `setApiKey("deepinfra", key)`. Module-level state
   * (shared by a Worker isolate's requests). Returns false for an empty key.
   * @throws ValidationError for any other interface name.
   */
  setApiKey(interfaceNames: string | Record<string, string | undefined>, key?: string): boolean;
  /** Points `alias` (`default`, `large`, `small`, `agent` or a new one) at a chat model. */
  setModelAlias(interfaceName: string, alias: string, name: string, tokens?: number): boolean;
  /** Points an embeddings alias (`default`, `large`, `small` or a new one) at an embedding model. */
  setEmbeddingsModelAlias(interfaceName: string, alias: string, name: string): boolean;
  /** The chat model an alias stands for (`default` when empty); any other name comes back as it is. */
  getModelByAlias(interfaceName: string, alias?: string): string;
  /** The embedding model an alias stands for (`default` when empty); any other name comes back as it is. */
  getEmbeddingsModelByAlias(interfaceName: string, alias?: string): string;
  /** The older documented name of `getModelByAlias`. */
  getModelAlias(interfaceName: string, alias?: string): string;
  /** The older documented name of `getEmbeddingsModelByAlias`. */
  getEmbeddingsModelAlias(interfaceName: string, alias?: string): string;
  /** The interface names this module serves (llm-interface lists its configured interfaces): `["deepinfra"]`. */
  getAllModelNames(): string[];
  /**
   * Chooses where answers are cached (see `LLMCacheConfig`); returns the store. Module-level, like the key.
   * @example LLMInterface.configureCache({ cache: workersCache() });
   */
  configureCache(cacheConfig?: LLMCacheConfig): CacheStore;
  /** Forgets every cached answer: the in-memory store is emptied, any other store is never read again under the old keys. */
  flushCache(): Promise<void>;
  /**
   * `LLMInterface.sendMessage("deepinfra" | ["deepinfra", key], message, options, interfaceOptions)`; `options.stream: true`
   * makes it `streamMessage`, a number in either options slot is the cache timeout in seconds.
   * @throws ValidationError for another interface name or an empty message; the SDK's typed errors for failures.
   */
  sendMessage: LLMInterfaceSendMessageFn;
  /** `LLMInterface.streamMessage("deepinfra", message, options)`: a `ChatStream` whose `data` is the SSE byte stream. */
  streamMessage(interfaceName: LLMInterfaceName, message: LLMMessage, options?: LLMOptions, interfaceOptions?: InterfaceOptions): Promise<LLMStream>;
  /**
   * `LLMInterface.embeddings("deepinfra", text, options, interfaceOptions)`: `results` is the vector (one per string for an array).
   * `defaultProvider` is accepted and unused: DeepInfra serves embeddings itself.
   */
  embeddings(interfaceName: LLMInterfaceName, text: string | string[], options?: LLMEmbeddingOptions, interfaceOptions?: InterfaceOptions | number, defaultProvider?: string): Promise<LLMResponse<number[] | number[][]>>;
  /** llm-interface's OpenAI-flavoured alias of `sendMessage`. */
  chat: { completions: { create: LLMInterfaceSendMessageFn } };
  /**
   * deepinfra-edge's addition: client options (`baseURL`, `fetch`, `headers`, `timeout`, `modelAliases`…) for the
   * module-level clients. Module-level state, like the key.
   */
  configureClient(options: ClientOptions): void;
}

/**
 * llm-interface's `LLMInterface` for its `deepinfra` interface: same calls, same answers, typed errors instead of
 * `{ success: false }`. The key and settings it keeps are module-level state: in a Worker they are shared by every
 * request the isolate serves, so there prefer `createInterface({ apiKey: env.DEEPINFRA_API_KEY })` per request, or
 * pass the key inline: `sendMessage(["deepinfra", env.DEEPINFRA_API_KEY], …)` (never stored).
 * @example
 * LLMInterface.setApiKey({ deepinfra: process.env.DEEPINFRA_API_KEY });
 * const { results } = await LLMInterface.sendMessage("deepinfra", "Explain the importance of low latency LLMs.");
 */
export const LLMInterface: LLMInterfaceApi = {
  setApiKey(interfaceNames: string | Record<string, string | undefined>, key?: string): boolean {
    const entries = typeof interfaceNames === "string" ? [[interfaceNames, key] as const] : Object.entries(interfaceNames ?? {});
    let set = false;
    for (const [name, value] of entries) {
      parseName(name, "setApiKey");
      if (typeof value === "string" && value) {
        apiKey = value;
        set = true;
      }
    }
    if (set) changed();
    return set;
  },

  setModelAlias(interfaceName: string, alias: string, name: string, _tokens?: number): boolean {
    parseName(interfaceName, "setModelAlias");
    if (!alias || !name) return false;
    modelAliases = { ...modelAliases, [alias]: name };
    changed();
    return true;
  },

  setEmbeddingsModelAlias(interfaceName: string, alias: string, name: string): boolean {
    parseName(interfaceName, "setEmbeddingsModelAlias");
    if (!alias || !name) return false;
    embeddingAliases = { ...embeddingAliases, [alias]: name };
    changed();
    return true;
  },

  getModelByAlias(interfaceName: string, alias?: string): string {
    parseName(interfaceName, "getModelByAlias");
    const table: Record<string, string> = { ...MODEL_ALIASES, ...clientOptions.modelAliases, ...modelAliases };
    const name = alias || "default";
    return Object.hasOwn(table, name) ? (table[name] as string) : name;
  },

  getEmbeddingsModelByAlias(interfaceName: string, alias?: string): string {
    parseName(interfaceName, "getEmbeddingsModelByAlias");
    const table: Record<string, string> = { ...EMBEDDING_ALIASES, ...clientOptions.embeddingAliases, ...embeddingAliases };
    const name = alias || "default";
    return Object.hasOwn(table, name) ? (table[name] as string) : name;
  },

  getModelAlias(interfaceName: string, alias?: string): string {
    return LLMInterface.getModelByAlias(interfaceName, alias);
  },

  getEmbeddingsModelAlias(interfaceName: string, alias?: string): string {
    return LLMInterface.getEmbeddingsModelByAlias(interfaceName, alias);
  },

  getAllModelNames(): string[] {
    return [NAME];
  },

  configureCache(cacheConfig: LLMCacheConfig = {}): CacheStore {
    const cache = cacheConfig.cache ?? "simple-cache";
    cacheName = typeof cache === "string" ? cache : "custom";
    cacheStore = typeof cache === "string" ? memoryCache() : cache;
    return cacheStore;
  },

  async flushCache(): Promise<void> {
    const store = (cacheStore ??= memoryCache());
    (store as { map?: Map<unknown, unknown> }).map?.clear();
    await flushNamespace(store);
  },

  sendMessage,

  async streamMessage(interfaceName: LLMInterfaceName, message: LLMMessage, options: LLMOptions = {}, interfaceOptions: InterfaceOptions = {}): Promise<LLMStream> {
    return interfaceFor(parseName(interfaceName, "streamMessage")).streamMessage(message, options, interfaceOptions);
  },

  async embeddings(interfaceName: LLMInterfaceName, text: string | string[], options?: LLMEmbeddingOptions, interfaceOptions?: InterfaceOptions | number, _defaultProvider?: string): Promise<LLMResponse<number[] | number[][]>> {
    return embed(parseName(interfaceName, "embeddings"), text, options, interfaceOptions);
  },

  chat: { completions: { create: sendMessage } },

  configureClient(options: ClientOptions): void {
    const { apiKey: key, ...rest } = options;
    clientOptions = rest;
    if (key) apiKey = key;
    changed();
  },
};

/** `LLMInterfaceSendMessage` as llm-interface calls it: interface name, key, then `sendMessage`'s arguments. */
export interface LLMInterfaceSendMessageWithKeyFn {
  (interfaceName: string, apiKey: string | readonly string[], message: LLMMessage, options: LLMOptions & { stream: true }, interfaceOptions?: InterfaceOptions | number): Promise<LLMStream>;
  (interfaceName: string, apiKey: string | readonly string[], message: LLMMessage, options?: LLMOptions | number, interfaceOptions?: InterfaceOptions | number): Promise<LLMResponse>;
}

/**
 * llm-interface's `LLMInterfaceSendMessage("deepinfra", apiKey, message, options, interfaceOptions)`: the key per call, never stored.
 * @throws ValidationError for another interface name.
 */
export const LLMInterfaceSendMessage = (async (interfaceName: string, apiKey: string | readonly string[], message: LLMMessage, options?: LLMOptions | number, interfaceOptions?: InterfaceOptions | number) => {
  parseName(interfaceName, "LLMInterfaceSendMessage");
  return send(keyOf(apiKey), message, options, interfaceOptions);
}) as LLMInterfaceSendMessageWithKeyFn;

/** llm-interface's `LLMInterfaceStreamMessage("deepinfra", apiKey, message, options)`: a `ChatStream` with `data`. */
export async function LLMInterfaceStreamMessage(interfaceName: string, apiKey: string | readonly string[], message: LLMMessage, options: LLMOptions = {}, interfaceOptions: InterfaceOptions = {}): Promise<LLMStream> {
  parseName(interfaceName, "LLMInterfaceStreamMessage");
  return interfaceFor(keyOf(apiKey)).streamMessage(message, options, interfaceOptions);
}

/** llm-interface's `LLMInterfaceEmbeddings("deepinfra", apiKey, text, options, interfaceOptions)`. */
export async function LLMInterfaceEmbeddings(interfaceName: string, apiKey: string | readonly string[], text: string | string[], options?: LLMEmbeddingOptions, interfaceOptions?: InterfaceOptions | number, _defaultProvider?: string): Promise<LLMResponse<number[] | number[][]>> {
  parseName(interfaceName, "LLMInterfaceEmbeddings");
  return embed(keyOf(apiKey), text, options, interfaceOptions);
}
