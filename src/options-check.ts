// Client options, per-call request options and the API key, checked where they enter: a misspelt option
// (`baseUrl`, `singal`) would otherwise be ignored silently (production called, an abort lost), and a key a
// header cannot carry would fail in fetch as a retried "connection error".
import { DeepInfraError } from "./errors/base.js";
import { closest, refuseOption } from "./schema/runtime.js";

/** Options every client takes (`ClientOptions` in client-base.ts). */
const CLIENT = "apiKey baseURL fetch timeout idleTimeout maxRetries retryInFlight headers modelAliases embeddingAliases validate maxEventBytes onRetry retryDelay sleep budget capabilities";
/** Options only the full client of "deepinfra-edge" takes (`FeatureOptions`). */
const FULL = "fallback onFallback concurrency tracer meter recordContent cache";
/** The second argument of every call (`RequestOptions` in types/request.ts). */
const REQUEST = "signal timeout idleTimeout maxRetries retryInFlight headers validate retryDelay fallback thinkTags";

/**
 * Throws a `ValidationError` naming the first option the client does not know, and the closest one it does.
 * `full` is false for the chat-only client, whose users get told which entry has the option.
 */
export function checkClientOptions(options: object, full: boolean): void {
  for (const name of Object.keys(options)) {
    if (words(CLIENT).includes(name) || (full && words(FULL).includes(name))) continue;
    const hint = words(FULL).includes(name)
      ? `${name} is an option of the full client (import { DeepInfra } from "deepinfra-edge"), not of "deepinfra-edge/chat"`
      : unknown("client option", name, full ? `${CLIENT} ${FULL}` : CLIENT);
    refuseOption("client options", [name], hint);
  }
}

/** Throws a `ValidationError` naming the first request option (a call's second argument) that does not exist. */
export function checkRequestOptions(options: object | undefined): void {
  for (const name of Object.keys(options ?? {})) {
    if (words(REQUEST).includes(name)) continue;
    const hint = unknown("request option", name, REQUEST, "; request fields go in the first argument, unknown ones in its extra_body");
    refuseOption("request options", [name], hint);
  }
}

/**
 * Throws a `DeepInfraError` when the key holds what an Authorization header cannot carry (fetch would fail with
 * a "ByteString" TypeError that looks like a network error) or what no DeepInfra key has: whitespace inside,
 * quotes around. The message says where and what, never the key.
 */
export function checkApiKey(key: string): void {
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    const what =
      code === 0x201c || code === 0x201d || code === 0x2018 || code === 0x2019 ? "a curly quote"
      : code === 10 || code === 13 ? "a line break"
      : code <= 32 || code === 0x7f || code === 0xa0 ? "a space or control character"
      : code > 0xff ? "a character outside Latin-1"
      : (code === 34 || code === 39) && (i === 0 || i === key.length - 1) ? "a quote around the key"
      : "";
    if (what) {
      throw new DeepInfraError(
        `apiKey has ${what} (U+${code.toString(16).toUpperCase().padStart(4, "0")}) at position ${i + 1} of ${key.length}, which cannot be sent in an Authorization header. ` +
          "Copy the key again from https://deepinfra.com/dash/api_keys without quotes or spaces.",
      );
    }
  }
}

const words = (list: string): string[] => list.split(" ");

function unknown(kind: string, name: string, known: string, advice = ""): string {
  const close = closest(name, words(known));
  return `unknown ${kind} ${name}${close ? ` (did you mean ${close}?)` : ""}${advice}; known: ${words(known).join(", ")}`;
}
