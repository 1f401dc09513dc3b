// Names that doc snippets use without defining them: a snippet shows the call, not the app around it.
import type { ChatCreateParams, ChatMessage, DeepInfra, KVNamespaceLike } from "deepinfra-edge";

declare global {
  /** A Worker's bindings. */
  const env: { DEEPINFRA_API_KEY: string; [binding: string]: any };
  /** A client, `new DeepInfra({ apiKey })`. */
  const client: DeepInfra;
  /** The incoming request of a handler. */
  const request: Request;
  /** A conversation. */
  const messages: ChatMessage[];
  /** Chat parameters for a non-streaming call. */
  const params: ChatCreateParams & { stream?: false | null };
  /** Some prompts. */
  const prompts: string[];
  /** A Workers KV namespace binding (the type @cloudflare/workers-types calls KVNamespace). */
  type KVNamespace = KVNamespaceLike;
  /** A model id. */
  const model: string;
  /** An API key. */
  const apiKey: string;
  /** Where a page writes text. */
  const output: { textContent: string };
  /** Some texts to embed. */
  const manyTexts: string[];
  /** An audio recording. */
  const recordedBlob: Blob;
  /** Writes text somewhere (a terminal, a page). */
  function write(text: string): void;
  /** Logs. */
  function log(...values: unknown[]): void;
  /** A lookup a tool runs. */
  function lookup(city: string): Promise<number>;
  const process: { stdout: { write(text: string): void }; env: Record<string, string | undefined> };
  const Deno: { env: { get(name: string): string | undefined }; serve(handler: (request: Request) => Response | Promise<Response>): unknown };
  const Bun: { serve(options: { port?: number; fetch(request: Request): Response | Promise<Response> }): unknown };
}
export {};
