// `deepinfra-edge/durable`: the pieces of a chat whose answer outlives the browser. Runtime-agnostic (no
// Cloudflare import): an event log (SQLite or memory), recording with ids and fan-out, resume responses and
// context fitting. A Durable Object composes them (examples/worker/chats/); so can a Node, Deno or Bun server.
export { createMemoryEventLog, type EventLog, type LoggedEvent } from "./event-log.js";
export { createSqliteEventLog, type SqlCursorLike, type SqlStorageLike, type SqliteEventLogOptions } from "./sqlite-event-log.js";
export { encodeEvent, formatEventId, parseEventId, type EventPosition } from "./event-id.js";
export { createTurnRecorder, type TurnRecorder, type TurnRecorderOptions } from "./turn-recorder.js";
export { resumeResponse, UI_MESSAGE_STREAM_HEADERS, type ResumeSource } from "./resume.js";
export { fitContext, type FitContextOptions, type FittedContext } from "./fit-context.js";
export { ContextOverflowError } from "./context-overflow-error.js";
export { reconnectingBody, type ReconnectOptions } from "./reconnect.js";
