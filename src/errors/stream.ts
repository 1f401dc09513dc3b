import { DeepInfraError } from "./base.js";

/** The stream ended before `[DONE]` and before every choice had a `finish_reason`: the answer is incomplete. */
export class IncompleteStreamError extends DeepInfraError {
  override name = "IncompleteStreamError";
}

/**
 * One SSE line or event grew past `maxEventBytes` (default 8 MiB) without ending: a broken upstream or
 * proxy would otherwise fill the isolate's memory. `type` is a literal, for `switch`es and logs.
 */
export class EventTooLargeError extends DeepInfraError {
  override name = "EventTooLargeError";
  readonly type = "max-event-size-exceeded" as const;
  constructor(
    /** The cap in bytes. */
    readonly limitBytes: number,
  ) {
    super(`An event in the stream grew past ${limitBytes} bytes without ending (maxEventBytes); the stream was closed.`);
  }
}

/** An event in the stream was not a JSON object (nor an error the server sent): the answer can't be read on. */
export class MalformedEventError extends DeepInfraError {
  override name = "MalformedEventError";
}

/**
 * The upstream sent the API key, or a piece of it (escaped or not), in the stream: the event was dropped whole and
 * the stream stopped, so no byte of it reached the reader.
 */
export class KeyInStreamError extends DeepInfraError {
  override name = "KeyInStreamError";
  constructor() {
    super("The API key was in the stream: it was stopped.");
  }
}
