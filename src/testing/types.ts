/** One request the fake received, in arrival order. `body` is parsed JSON, or the text when it is not JSON. */
export interface FakeRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * One scripted answer. Chat requests take `text`, `chunks`, `toolCalls`, and on a stream the faults
 * `errorFrame`, `cutAfter` or `stallAfter`; every route takes `error` or a raw `json` body.
 */
export interface FakeReply {
  /** The assistant's text; streamed word by word when the request has `stream: true`. */
  text?: string;
  /** The streamed content deltas, exactly (joined for a non-streamed answer). */
  chunks?: string[];
  /** Tool calls; `arguments` as an object is JSON-encoded. On a stream each call's arguments arrive in two fragments. */
  toolCalls?: Array<{ name: string; arguments?: string | Record<string, unknown>; id?: string }>;
  /** `finish_reason`; default "stop", or "tool_calls" with `toolCalls`. */
  finishReason?: string;
  /** `usage.estimated_cost` in USD. */
  cost?: number;
  /** An HTTP error answer: OpenAI-style `{ error: { message, type } }` unless `body` is given. */
  error?: { status: number; message?: string; type?: string; body?: unknown; headers?: Record<string, string> };
  /** DeepInfra's mid-stream `{error_type, error_message}` frame after `after` content events; the stream then ends. */
  errorFrame?: { message: string; type?: string; after?: number };
  /** The connection breaks after this many content events (the reader gets a network error). */
  cutAfter?: number;
  /** The stream stops sending after this many content events and stays open until the reader aborts. */
  stallAfter?: number;
  /** Milliseconds before each streamed event. */
  delayMs?: number;
  /** A raw JSON body (any route), with `status` (default 200) and `headers`. */
  json?: unknown;
  status?: number;
  headers?: Record<string, string>;
}

export interface FakeOptions {
  /** Answers used in order, one per request (a chat request with none left echoes the last user message). */
  replies?: FakeReply[];
  /** Chooses the answer per request; return undefined to fall back to the queue. */
  handler?: (request: FakeRequest) => FakeReply | undefined;
  /** The only key accepted (401 otherwise); by default any `Bearer` key is. */
  apiKey?: string;
  /** The models served: `GET /v1/openai/models` lists them, any other model id gets DeepInfra's 404. */
  models?: string[];
  /** Model habits seen on DeepInfra: `reasoning_content`, usage in a separate choice-less chunk, no `[DONE]`. */
  quirks?: { reasoning?: string; usageChunk?: "last" | "separate"; noDone?: boolean };
}

export interface FakeDeepInfra {
  /** A `fetch` that answers as DeepInfra: give it to the client (`fetch: fake.fetch`) or to Miniflare's `outboundService`. */
  fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  /** Every request received, in order. */
  requests: FakeRequest[];
  /** Queues more answers. */
  reply(...replies: FakeReply[]): void;
}
