/**
 * Types for ./server.mjs, the local DeepInfra upstream used by tests and the offline demo.
 * This file is the single source of truth for the harness types; test/helpers.ts re-exports them.
 */

/**
 * Besides scenarios, the Batch API emulation (./batch-api.mjs) reads markers: a request body containing
 * "[fail]" gets a 400 line in the error file, "[drop]" gets no line at all; batch `metadata.upstream`
 * "expire" ends the batch `expired`, "fail" fails its validation. A batch moves one status per retrieve.
 */

/** Per-request fault injection, sent as JSON in the `x-upstream-scenario` request header. */
export interface Scenario {
  /** Response status (default: the route's, e.g. 200; for `fixture: "errors/NNN.json"` it is NNN). */
  status?: number;
  /** Extra response headers (applied last, so they can override defaults), e.g. `retry-after`. */
  headers?: Record<string, string>;
  /** Serve this file from test/fixtures (byte-exact) instead of the route's default body. */
  fixture?: string;
  /** Literal body instead (object -> JSON). A string may be raw SSE text (content type is sniffed). */
  body?: string | object;
  /** Override the response content-type. */
  contentType?: string;
  /** Body becomes `{"error":{"message":"bad key: <auth>"},"detail":"<same>","echo":{"authorization":"<auth>"}}`; status defaults to 401. */
  echoAuth?: boolean;
  /**
   * Replace every `{{authorization}}` in `body` and in `headers` values with the Authorization header this
   * request carried, as a proxy that echoes it into an answer (an SSE event, a comment, a 200 JSON body) would.
   */
  echoAuthPlaceholders?: boolean;
  /** Wait this long before sending status + headers. */
  headersDelayMs?: number;
  /** Split the body into separately flushed writes at these byte offsets. */
  chunks?: number[];
  /** Or split it into writes of this many bytes. */
  chunkSize?: number;
  /** Delay between writes (default 0 = next event-loop turn; demo streams default to demoDelayMs). */
  chunkDelayMs?: number;
  /** Write this many body bytes, then go silent with the connection open until the client closes. */
  stallAfterBytes?: number;
  /** Write this many body bytes, then destroy the socket (no chunked terminator: the client's body read fails). */
  resetAfterBytes?: number;
  /** Write this many body bytes, then end the response normally (clean EOF, incomplete body). */
  truncateAfterBytes?: number;
  /** Write the whole body, then keep the response open (never end) until the client closes. */
  linger?: boolean;
  /**
   * For retries: the Nth request carrying the same `x-test-id` (and the same scenario header) uses
   * `sequence[N]`, shallow-merged over the other top-level fields; the last step repeats.
   */
  sequence?: Scenario[];
  /**
   * Chat/completions only: answer 405 `{"detail":"Model … does not support <feature>"}` when the request
   * uses one of these features: "chat", "completions", "streaming", "tools", "json_mode",
   * "structured_output", "logprobs", "echo", "reasoning" (the SDK's `ModelFeature` names).
   */
  unsupported?: string[];
  /**
   * Chat only (./quirks.mjs): answer 400 "The `reasoning_content` in the thinking mode must be passed back" when an
   * assistant turn with `tool_calls` lacks `reasoning_content`, as DeepSeek V4 / Kimi-class thinking models do.
   */
  strictReasoning?: boolean;
}

/** One multipart part as the upstream saw it. */
export interface RecordedPart {
  name: string;
  /** File parts only. */
  filename: string | null;
  /** The part's content type (file parts only). */
  type: string | null;
  /** Bytes. */
  size: number;
  /** Text fields verbatim; file parts as base64. */
  value: string;
}

/** One request as the upstream saw it (only requests carrying `x-test-id` are recorded). */
export interface RecordedRequest {
  testId: string;
  /** 0-based arrival index among this test id's requests. */
  seq: number;
  method: string;
  /** Pathname without the query string. */
  path: string;
  /** Request headers, names lowercased. */
  headers: Record<string, string>;
  /** Raw request body as UTF-8. */
  body: string;
  /** Parsed JSON body, or null if empty / not JSON. */
  json: unknown;
  /** Date.now() when the request arrived. */
  receivedAt: number;
  /** The client closed the connection before the response finished (live-updated). */
  clientClosed: boolean;
  /** The server finished writing the response (live-updated). */
  finished: boolean;
  /** The server destroyed the connection on purpose (`resetAfterBytes`). */
  serverReset: boolean;
  /** Status the upstream answered with (null until decided). */
  status: number | null;
  /** The parts of a multipart/form-data body, in order; null for other bodies. */
  parts: RecordedPart[] | null;
}

export interface UpstreamOptions {
  /** Default 0 (a free port). */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  /** "fixtures" (default) serves test/fixtures; "demo" generates chat replies. */
  mode?: "fixtures" | "demo";
  /** Delay between streamed demo chunks, default 40 ms. */
  demoDelayMs?: number;
  /** Require `authorization: Bearer <token>` on API routes (default true). */
  requireAuth?: boolean;
}

export interface Upstream {
  port: number;
  /** e.g. http://127.0.0.1:PORT */
  url: string;
  /** Stops the server, destroying every open (stalled/lingering) socket. Idempotent. */
  close(): Promise<void>;
}

export function startUpstream(opts?: UpstreamOptions): Promise<Upstream>;

/** The deterministic 8-dim embedding the upstream returns for `text`. */
export function embedText(text: string): number[];

/** The reply text demo mode generates for a user message. */
export function demoReplyText(userText: string): string;
