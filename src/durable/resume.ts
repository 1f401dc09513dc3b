import { encodeEvent, parseEventId } from "./event-id.js";
import type { EventLog } from "./event-log.js";
import type { TurnRecorder } from "./turn-recorder.js";

/** The AI SDK UI message stream's response headers (what `useChat` checks), uncached. */
export const UI_MESSAGE_STREAM_HEADERS: Readonly<Record<string, string>> = {
  "content-type": "text/event-stream",
  "cache-control": "no-cache",
  "x-vercel-ai-ui-message-stream": "v1",
  "x-accel-buffering": "no",
};

/** What `resumeResponse` resumes: the latest turn's id, its recorder while it runs here, and the log. */
export interface ResumeSource {
  /** The latest turn (running or just finished); undefined when there is none. */
  turn: string | undefined;
  /** The live recorder of that turn, when this instance is recording it. */
  recorder?: TurnRecorder | undefined;
  log: EventLog;
}

/**
 * The answer to a resume request (`GET …/stream`): without `Last-Event-ID` (or with one from another turn)
 * the whole latest turn, with one only the events after it; live events follow while the turn runs.
 * 204 when there is no turn, or nothing after the given id of a finished turn.
 * @example
 * return resumeResponse({ turn: latest, recorder, log }, request.headers.get("last-event-id"));
 */
export async function resumeResponse(source: ResumeSource, lastEventId: string | null | undefined, init: { headers?: Record<string, string> } = {}): Promise<Response> {
  const { turn, recorder, log } = source;
  const headers = { ...UI_MESSAGE_STREAM_HEADERS, ...init.headers };
  if (turn === undefined) return new Response(null, { status: 204, headers: init.headers });
  const position = parseEventId(lastEventId);
  const after = position?.turn === turn ? position.seq : 0;
  // The recorder holds every event of its turn (the log may still be writing the last batch).
  if (recorder && recorder.turn === turn) {
    if (recorder.closed && after >= recorder.seq) return new Response(null, { status: 204, headers: init.headers });
    return new Response(recorder.attach(after), { headers });
  }
  const events = await log.read(turn, after);
  if (!events.length) return new Response(null, { status: 204, headers: init.headers });
  return new Response(events.map((event) => encodeEvent(turn, event.seq, event.data)).join(""), { headers });
}
