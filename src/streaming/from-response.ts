import { BodyReader } from "../body-reader.js";
import { errorFromResponse, expectEventStream, headersOf } from "../response.js";
import type { OpenResponse } from "../types/request.js";
import type { EventStreamOptions } from "./event-stream.js";

/** Options for reading an SSE response you fetched yourself. */
export interface StreamFromResponseOptions {
  /** Aborts reading. */
  signal?: AbortSignal;
  /** Longest silence between reads in milliseconds (default 30,000; 0 disables). */
  idleTimeout?: number;
  /** Largest single SSE line or event in bytes (default 8 MiB). */
  maxEventBytes?: number;
  /** Resume after a dropped connection: `reconnectingBody({ retry })` from `deepinfra-edge/durable` (off by default). */
  reconnect?: (body: ReadableStream<Uint8Array>) => ReadableStream<Uint8Array>;
}

/**
 * The byte source and stream options behind `ChatStream.fromResponse` and its siblings.
 * @throws APIError when the status is not 2xx, or the body is not an event stream (an HTML page, JSON).
 */
export async function responseSource(response: Response, options: StreamFromResponseOptions = {}): Promise<[BodyReader, EventStreamOptions]> {
  if (!response.body) throw new TypeError("The response has no body to stream.");
  const body = new BodyReader(options.reconnect && response.ok ? options.reconnect(response.body) : response.body, { signal: options.signal, idleTimeoutMs: options.idleTimeout ?? 30_000 });
  const open: OpenResponse = { response, body, request: { method: "", url: response.url } };
  if (!response.ok) throw await errorFromResponse(open);
  await expectEventStream(open);
  return [body, { headers: headersOf(open), maxEventBytes: options.maxEventBytes }];
}
