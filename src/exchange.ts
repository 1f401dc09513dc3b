import { BodyReader, connectionError } from "./body-reader.js";
import { describeNetworkFailure } from "./errors/connection.js";
import { DeepInfraError } from "./errors/base.js";
import { APITimeoutError, APIUserAbortError } from "./errors/connection.js";
import type { Redactor } from "./redact.js";

/** The limits one attempt runs under. */
export interface ExchangeOptions {
  /** The caller's signal. */
  signal?: AbortSignal | undefined;
  /** Milliseconds to wait for response headers (0 disables). */
  timeoutMs: number;
  /** Longest silence between two body reads, handed to the body reader. */
  idleTimeoutMs: number;
  /** Scrubs the key from every error and from anything built from the body. */
  redactor: Redactor;
  /**
   * True while `send` has not started the fetch yet (a concurrency queue): a header timeout then ends the wait with
   * the queue's own typed error (`QueueTimeoutError`), which the timeout's abort reason (the limit in ms) lets it build.
   */
  queued?: () => boolean;
}

/** A response whose headers arrived, and the reader of its body. */
export interface OpenedExchange {
  response: Response;
  body: BodyReader;
}

/**
 * One HTTP attempt up to its response headers: owns the AbortController passed to `send` (the
 * fetch, and anything it waits for first, such as a concurrency queue), the header timeout and the
 * link to the caller's signal, and turns each way it can fail into the SDK's typed errors with the
 * key scrubbed. The body then belongs to a `BodyReader` that can still abort the same fetch.
 */
export async function openExchange(send: (signal: AbortSignal) => Promise<Response>, options: ExchangeOptions): Promise<OpenedExchange> {
  const { signal, timeoutMs, idleTimeoutMs, redactor, queued } = options;
  if (signal?.aborted) throw new APIUserAbortError();
  const controller = new AbortController();
  let why: "user" | "headers" | undefined;
  const stop = (reason: "user" | "headers") => {
    why ??= reason;
    controller.abort(reason === "headers" ? timeoutMs : undefined);
  };
  const onUserAbort = () => stop("user");
  signal?.addEventListener("abort", onUserAbort, { once: true });
  const timer = timeoutMs > 0 && timeoutMs < Infinity ? setTimeout(() => stop("headers"), timeoutMs) : undefined;
  const failure = (error: unknown): DeepInfraError => {
    controller.abort();
    if (why === "user") return new APIUserAbortError();
    if (why === "headers" && queued?.() && error instanceof DeepInfraError) return error;
    if (why === "headers") return new APITimeoutError(`No response headers within ${timeoutMs} ms (timeout).`, "headers", timeoutMs);
    return error instanceof DeepInfraError ? error : connectionError(describeNetworkFailure(error), redactor);
  };
  let response: Response;
  try {
    response = await send(controller.signal);
  } catch (error) {
    throw failure(error);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    signal?.removeEventListener("abort", onUserAbort);
  }
  // Headers that won a race against the caller's abort or the timeout are not used.
  if (why) {
    response.body?.cancel().catch(() => {});
    throw failure(undefined);
  }
  return { response, body: new BodyReader(response.body, { signal, idleTimeoutMs, redactor, abort: () => controller.abort() }) };
}
