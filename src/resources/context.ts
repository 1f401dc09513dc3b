import type { Budget } from "../budget.js";
import type { CallRunner } from "../call-context.js";
import type { CacheStore } from "../features/cache-store.js";
import type { Transport } from "../http.js";
import { withoutAbsent } from "../schema/runtime.js";
import type { RequestOptions } from "../types/request.js";

/**
 * What a resource needs from the client: the call steps and the transport (both built once per client),
 * the alias tables and the per-client settings. Nothing in it changes after the client is built.
 */
export interface ResourceContext {
  /** Runs one chat, completions or embeddings call under the client's steps (tracing, fallback); the chat-only client has none. */
  readonly call: CallRunner;
  readonly transport: Transport;
  /** The API root requests go to (a cache scope). */
  baseURL: string;
  modelAliases: Readonly<Record<string, string>>;
  embeddingAliases: Readonly<Record<string, string>>;
  /** The client's spending limit, when set: resources report each call's usage to it. */
  budget?: Budget | undefined;
  /** Check parameters before sending (the client's `validate`; a call's `validate` overrides it). */
  validate: boolean;
  /** Largest single SSE line or event in bytes, for every stream the client opens. */
  maxEventBytes: number;
  /** The client's embeddings cache (`cache` option); a call's `cache` overrides it. */
  readonly cache?: CacheStore | undefined;
}

/** `options` with an `accept` header, unless the caller set one. */
export function withAccept(options: RequestOptions | undefined, accept: string): RequestOptions {
  return { ...options, headers: { accept, ...options?.headers } };
}

/**
 * `params` as sent: `extra_body` merged in (its fields win, sent as given). A top-level `null` is left out: it means
 * "the server's default" here, and DeepInfra's models refuse `null` for most fields (docs/validation.md).
 */
export function wireBody(params: object, overrides: Record<string, unknown>): Record<string, unknown> {
  const { extra_body, ...fields } = withoutAbsent(params) as { extra_body?: Record<string, unknown> | null };
  return { ...fields, ...overrides, ...extra_body };
}
