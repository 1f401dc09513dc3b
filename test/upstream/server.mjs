// @ts-check
/**
 * A faithful local stand-in for the DeepInfra HTTP API, with per-request fault injection.
 *
 * Plain Node ESM (Node 20 built-ins only) so it runs without a build step:
 *   - the vitest global setup starts it in "fixtures" mode for the test suites;
 *   - `npm start` can start it in "demo" mode as an offline upstream for the example Worker.
 *
 * Layout of this file:
 *   1. constants + small utilities
 *   2. fixtures (byte-exact, cached)
 *   3. ROUTES: the one table of DeepInfra routes (extend here)
 *   4. CONTROL_ROUTES: /__upstream/* endpoints for tests (no auth)
 *   5. scenario resolution (x-upstream-scenario header)
 *   6. delivery engine (pieces, delays, stall / reset / truncate / linger)
 *   7. request pipeline + recording, startUpstream()
 *   8. CLI: `node test/upstream/server.mjs [--mode demo|fixtures] [--port N]` (demo by default)
 *
 * Precedence per request: auth (401 unless `authorization: Bearer <token>`; a scenario can't turn
 * that into a success) -> route (404 / 405 / 422 / handler) -> scenario content overrides
 * (echoAuth > body > fixture > status; then contentType, headers) -> delivery options.
 *
 * Types live in ./server.d.mts (Scenario, RecordedRequest, UpstreamOptions, Upstream).
 */

import http from "node:http";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createHash } from "node:crypto";
import { setMaxListeners } from "node:events";
import { BATCH_API_ROUTES } from "./batch-api.mjs";
import { quirkReply } from "./quirks.mjs";

/** @typedef {import("./server.mjs").Scenario} Scenario */
/** @typedef {import("./server.mjs").RecordedRequest} RecordedRequest */
/** @typedef {import("./server.mjs").UpstreamOptions} UpstreamOptions */
/** @typedef {import("./server.mjs").Upstream} Upstream */

/**
 * What a route handler returns. `pieces` are byte offsets at which the body is split into
 * separately flushed writes (with `pieceDelayMs` between them); when absent the body is sent whole.
 * @typedef {{
 *   status: number,
 *   body: Buffer | string,
 *   contentType?: string,
 *   headers?: Record<string, string>,
 *   pieces?: number[],
 *   pieceDelayMs?: number,
 * }} Reply
 */

/**
 * Everything a handler may need about the incoming request.
 * @typedef {{
 *   method: string,
 *   path: string,
 *   url: URL,
 *   params: string[],
 *   headers: Record<string, string>,
 *   bodyText: string,
 *   json: any,
 *   mode: "fixtures" | "demo",
 *   demoDelayMs: number,
 *   state: State,
 *   signal: AbortSignal,
 *   form: FormData | null,
 * }} Ctx
 */

/**
 * @typedef {{
 *   method: string,
 *   path: string | RegExp,
 *   jsonBody?: boolean,
 *   handler: (ctx: Ctx) => Reply | Promise<Reply>,
 * }} Route
 */

// ---------------------------------------------------------------------------------------------
// 1. constants + utilities
// ---------------------------------------------------------------------------------------------

const FIXTURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures");

const JSON_TYPE = "application/json";
const SSE_TYPE = "text/event-stream";
const TEXT_TYPE = "text/plain; charset=utf-8";

const AUTH_RE = /^bearer \S+/i;

const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
  "access-control-allow-headers": "authorization, content-type, accept, x-test-id, x-upstream-scenario",
  "access-control-expose-headers": "x-request-id, retry-after",
  "access-control-max-age": "600",
};

/** @param {unknown} value */
const jsonReply = (value, status = 200) => ({ status, body: JSON.stringify(value), contentType: JSON_TYPE });

/** The server-wide "closing" signal: every in-flight request listens to it, so no listener cap (200 at once is normal). */
function closingController() {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return controller;
}

/** @param {string} text */
const countWords = (text) => text.split(/\s+/).filter(Boolean).length;

/**
 * Resolves after `ms` (or on the next check phase when ms <= 0), or early when `signal` aborts.
 * @param {number} ms
 * @param {AbortSignal} signal
 */
function sleep(ms, signal) {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(undefined);
    const done = () => {
      if (ms > 0) clearTimeout(timer);
      else clearImmediate(timer);
      signal.removeEventListener("abort", done);
      resolve(undefined);
    };
    /** @type {any} */
    const timer = ms > 0 ? setTimeout(done, ms) : setImmediate(done);
    signal.addEventListener("abort", done, { once: true });
  });
}

// ---------------------------------------------------------------------------------------------
// 2. fixtures: read once as Buffers, served byte-exact
// ---------------------------------------------------------------------------------------------

/** @type {Map<string, Buffer>} */
const fixtureCache = new Map();

/** @param {string} name path relative to test/fixtures, e.g. "errors/429.json" */
function readFixture(name) {
  const file = path.resolve(FIXTURES_DIR, name);
  if (!file.startsWith(FIXTURES_DIR + path.sep)) throw new HarnessError(`fixture outside test/fixtures: ${name}`);
  let buf = fixtureCache.get(file);
  if (!buf) {
    try {
      buf = readFileSync(file);
    } catch {
      throw new HarnessError(`unknown fixture: ${name}`);
    }
    fixtureCache.set(file, buf);
  }
  return buf;
}

/** @param {string} name */
function contentTypeFor(name) {
  if (name.endsWith(".json")) return JSON_TYPE;
  if (name.endsWith(".sse")) return SSE_TYPE;
  if (name.endsWith(".mp3")) return "audio/mpeg";
  return TEXT_TYPE;
}

/**
 * Serve a fixture file. Status defaults to 200, or to NNN for "errors/NNN*.json".
 * @param {string} name
 * @param {number} [status]
 * @returns {Reply}
 */
function fixture(name, status) {
  const inferred = /^errors\/(\d{3})/.exec(name);
  return {
    status: status ?? (inferred ? Number(inferred[1]) : 200),
    body: readFixture(name),
    contentType: contentTypeFor(name),
  };
}

/** A mistake in how a test drove the harness (bad scenario, unknown fixture). Answered with 599. */
class HarnessError extends Error {}

// ---------------------------------------------------------------------------------------------
// 3. ROUTES: DeepInfra's API surface. Auth is checked before routing (see handleRequest).
// ---------------------------------------------------------------------------------------------

/** @type {Route[]} */
const ROUTES = [
  // Tokenize, rerankers (before the generic native route below), Files and Batch API: ./batch-api.mjs.
  ...BATCH_API_ROUTES,
  { method: "POST", path: "/v1/openai/chat/completions", jsonBody: true, handler: chatCompletions },
  { method: "POST", path: "/v1/openai/completions", jsonBody: true, handler: completions },
  { method: "POST", path: "/v1/openai/embeddings", jsonBody: true, handler: embeddings },
  { method: "GET", path: "/v1/openai/models", handler: () => fixture("models.json") },
  // Native inference API: the model id contains slashes, e.g. /v1/inference/BAAI/bge-base-en-v1.5
  { method: "POST", path: /^\/v1\/inference\/(.+)$/, handler: nativeInference },
  // OpenAI-shaped media routes under /v1/openai: unconfirmed for DeepInfra (see fixtures' provenance).
  { method: "POST", path: "/v1/openai/images/generations", jsonBody: true, handler: imageGenerations },
  { method: "POST", path: "/v1/openai/audio/transcriptions", handler: audioTranscriptions },
  { method: "POST", path: "/v1/openai/audio/speech", jsonBody: true, handler: speech },
];

// --- completions streaming, media, native inference, 405 per feature --------------------------

/** @param {Ctx} ctx @returns {Reply} */
function completions(ctx) {
  if (ctx.json.stream !== true) return fixture("completion-echo.json");
  return fixture(typeof ctx.json.logprobs === "number" && ctx.json.logprobs > 0 ? "completion-stream-logprobs.sse" : "completion-stream.sse");
}

/** FastAPI's 422 body for one field (pydantic wording). @param {string} field @param {string} msg @param {string} type */
const fieldError = (field, msg, type) => jsonReply({ detail: [{ loc: ["body", field], msg, type }] }, 422);

/** @param {Ctx} ctx @returns {Reply} */
function imageGenerations(ctx) {
  if (typeof ctx.json.prompt !== "string" || ctx.json.prompt === "") return fieldError("prompt", "field required", "value_error.missing");
  return fixture(ctx.json.response_format === "url" ? "image-generation-url.json" : "image-generation.json");
}

/** @param {number} t @param {string} sep */
const timestamp = (t, sep) => {
  const ms = Math.round(t * 1000);
  const pad = (/** @type {number} */ n, w = 2) => String(n).padStart(w, "0");
  return `${pad(Math.floor(ms / 3600000))}:${pad(Math.floor(ms / 60000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}${sep}${pad(ms % 1000, 3)}`;
};

/** @param {Ctx} ctx @returns {Reply} */
function audioTranscriptions(ctx) {
  const form = ctx.form;
  const file = form?.get("file");
  if (!form || !file || typeof file === "string") return fieldError("file", "field required", "value_error.missing");
  if (!form.get("model")) return fieldError("model", "field required", "value_error.missing");
  const verbose = JSON.parse(readFixture("transcription-verbose.json").toString("utf8"));
  /** @type {{ start: number, end: number, text: string }[]} */
  const segments = verbose.segments;
  switch (form.get("response_format") ?? "json") {
    case "verbose_json":
      return fixture("transcription-verbose.json");
    case "text":
      return { status: 200, body: `${verbose.text}\n`, contentType: TEXT_TYPE };
    case "srt":
      return { status: 200, body: segments.map((s, i) => `${i + 1}\n${timestamp(s.start, ",")} --> ${timestamp(s.end, ",")}\n${s.text.trim()}\n`).join("\n"), contentType: TEXT_TYPE };
    case "vtt":
      return { status: 200, body: `WEBVTT\n\n${segments.map((s) => `${timestamp(s.start, ".")} --> ${timestamp(s.end, ".")}\n${s.text.trim()}\n`).join("\n")}`, contentType: "text/vtt; charset=utf-8" };
    default:
      return fixture("transcription.json");
  }
}

/** @param {Ctx} ctx @returns {Reply} */
function speech(ctx) {
  if (typeof ctx.json.input !== "string" || ctx.json.input === "") return fieldError("input", "field required", "value_error.missing");
  return fixture("speech.mp3");
}

/** Native `/v1/inference/{model}`: FastAPI validation bodies; text generation for `input`, embeddings otherwise. @param {Ctx} ctx @returns {Reply} */
function nativeInference(ctx) {
  if (ctx.form) return jsonReply({ request_id: "RqForm1", text: "multipart received", fields: [...ctx.form.keys()], inference_status: { status: "succeeded", runtime_ms: 5, cost: 0.000001 } });
  if (ctx.json === null || typeof ctx.json !== "object" || Array.isArray(ctx.json)) {
    return jsonReply({ detail: [{ loc: ["body"], msg: "value is not a valid dict", type: "type_error.dict" }] }, 422);
  }
  if ("input" in ctx.json) {
    if (typeof ctx.json.input !== "string") return fieldError("input", "str type expected", "type_error.str");
    return fixture("inference-text.json");
  }
  return fixture("embeddings-native.json");
}

/** The features a chat/completions request uses, named as the SDK names them. @param {Ctx} ctx */
function requestFeatures(ctx) {
  const req = ctx.json ?? {};
  const out = [ctx.path.endsWith("/chat/completions") ? "chat" : "completions"];
  if (req.stream === true) out.push("streaming");
  if (Array.isArray(req.tools) && req.tools.length > 0) out.push("tools");
  if (req.response_format?.type === "json_object") out.push("json_mode");
  if (req.response_format?.type === "json_schema") out.push("structured_output");
  if (req.logprobs === true || (typeof req.logprobs === "number" && req.logprobs > 0)) out.push("logprobs");
  if (req.echo === true) out.push("echo");
  if (req.reasoning_effort != null && req.reasoning_effort !== "none") out.push("reasoning");
  return out;
}

/**
 * `scenario.unsupported`: answer 405 when the request uses one of these features, as DeepInfra is
 * said to do for a model lacking a feature (the body wording is constructed).
 * @param {Ctx} ctx @param {Scenario} scenario @returns {Reply | undefined}
 */
function unsupportedReply(ctx, scenario) {
  if (!Array.isArray(scenario.unsupported) || !/\/v1\/openai\/(chat\/)?completions$/.test(ctx.path)) return undefined;
  const feature = requestFeatures(ctx).find((f) => scenario.unsupported?.includes(f));
  return feature ? jsonReply({ detail: `Model ${ctx.json?.model} does not support ${feature}` }, 405) : undefined;
}

/** @param {Ctx} ctx @returns {Reply} */
function chatCompletions(ctx) {
  const req = ctx.json;
  const hasTools = Array.isArray(req.tools) ? req.tools.length > 0 : req.tools != null;
  if (ctx.mode === "demo") return demoChat(ctx);
  if (req.stream === true) {
    if (hasTools) return fixture("chat-stream-tools.sse");
    if (req.reasoning_effort != null) return fixture("chat-stream-reasoning.sse");
    if (req.response_format?.type === "json_object") return fixture("chat-stream-json-mode.sse");
    return fixture("chat-stream.sse");
  }
  if (hasTools) return fixture("chat-tools.json");
  if (req.response_format?.type === "json_object") return fixture("chat-json-mode.json");
  return fixture("chat-completion.json");
}

/** @param {Ctx} ctx @returns {Reply} */
function embeddings(ctx) {
  const { input, model, encoding_format: encoding } = ctx.json;
  const inputs = typeof input === "string" ? [input] : input;
  if (!Array.isArray(inputs) || inputs.length === 0 || !inputs.every((s) => typeof s === "string")) {
    return fixture("errors/422.json");
  }
  // `dimensions` shortens the vector, as Matryoshka models do.
  const dims = Number.isInteger(ctx.json.dimensions) && ctx.json.dimensions > 0 ? ctx.json.dimensions : undefined;
  const data = inputs.map((text, index) => {
    const vector = embedText(text).slice(0, dims);
    const embedding =
      encoding === "base64" ? Buffer.from(new Float32Array(vector).buffer).toString("base64") : vector;
    return { object: "embedding", index, embedding };
  });
  const words = inputs.reduce((n, text) => n + countWords(text), 0);
  return jsonReply({ object: "list", data, model, usage: { prompt_tokens: words, total_tokens: words } });
}

/**
 * Deterministic 8-dim vector from sha256(text). Each value is k/32768 with k in [-32768, 32767]:
 * exactly representable as float32, so the base64 (little-endian float32) form decodes to the very
 * same numbers as the JSON float form.
 * @param {string} text
 */
export function embedText(text) {
  const digest = createHash("sha256").update(text, "utf8").digest();
  return Array.from({ length: 8 }, (_, i) => digest.readInt16LE(i * 2) / 32768);
}

// --- demo mode: generated chat replies ---------------------------------------------------------

/** @param {any} messages */
function lastUserText(messages) {
  if (!Array.isArray(messages)) return "";
  const last = [...messages].reverse().find((m) => m && m.role === "user");
  if (!last) return "";
  if (typeof last.content === "string") return last.content;
  if (Array.isArray(last.content)) {
    return last.content
      .filter((/** @type {any} */ p) => p && p.type === "text" && typeof p.text === "string")
      .map((/** @type {any} */ p) => p.text)
      .join(" ");
  }
  return "";
}

/** @param {string} userText */
export function demoReplyText(userText) {
  return `Offline demo upstream: you said "${userText.slice(0, 200)}". This reply is generated locally, no DeepInfra key is set.`;
}

/** @param {Ctx} ctx @returns {Reply} */
function demoChat(ctx) {
  const req = ctx.json;
  const model = typeof req.model === "string" ? req.model : "offline-demo";
  const text = demoReplyText(lastUserText(req.messages));
  const words = text.match(/\S+\s*/g) ?? [];
  const promptTokens = Array.isArray(req.messages)
    ? req.messages.reduce((/** @type {number} */ n, /** @type {any} */ m) => n + countWords(typeof m?.content === "string" ? m.content : JSON.stringify(m?.content ?? "")), 0)
    : 0;
  const usage = {
    prompt_tokens: promptTokens,
    completion_tokens: words.length,
    total_tokens: promptTokens + words.length,
    estimated_cost: Number(((promptTokens + words.length) * 2e-8).toPrecision(6)),
  };
  const id = `chatcmpl-demo${ctx.state.requestCounter}`;
  const created = Math.floor(Date.now() / 1000);

  if (req.stream !== true) {
    return jsonReply({
      id,
      object: "chat.completion",
      created,
      model,
      choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }],
      usage,
    });
  }

  /** @param {object} delta @param {string | null} finish @param {object} [extra] */
  const chunk = (delta, finish, extra = {}) =>
    `data: ${JSON.stringify({
      id,
      object: "chat.completion.chunk",
      created,
      model,
      choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
      ...extra,
    })}\n\n`;
  const events = [
    chunk({ role: "assistant", content: "" }, null),
    ...words.map((w) => chunk({ content: w }, null)),
    chunk({}, "stop", { usage }),
    "data: [DONE]\n\n",
  ];
  // One event per write, demoDelayMs apart.
  const pieces = [];
  let offset = 0;
  for (const e of events.slice(0, -1)) pieces.push((offset += Buffer.byteLength(e)));
  return { status: 200, body: events.join(""), contentType: SSE_TYPE, pieces, pieceDelayMs: ctx.demoDelayMs };
}

// ---------------------------------------------------------------------------------------------
// 4. CONTROL_ROUTES: /__upstream/* (no auth, never recorded, scenarios ignored)
// ---------------------------------------------------------------------------------------------

/** @type {Route[]} */
const CONTROL_ROUTES = [
  {
    method: "GET",
    path: "/__upstream/requests",
    handler: (ctx) => jsonReply(ctx.state.records.get(ctx.url.searchParams.get("testId") ?? "") ?? []),
  },
  {
    method: "GET",
    path: "/__upstream/wait-closed",
    handler: async (ctx) => {
      const testId = ctx.url.searchParams.get("testId") ?? "";
      const timeoutMs = Number(ctx.url.searchParams.get("timeoutMs") || 5000);
      const record = await waitForDone(ctx.state, testId, timeoutMs, ctx.signal);
      return jsonReply(record ?? null, record && isDone(record) ? 200 : 408);
    },
  },
];

/** @param {RecordedRequest} r */
const isDone = (r) => r.clientClosed || r.finished || r.serverReset;

/**
 * Wait until the latest record for `testId` is done (client closed, response finished, or the
 * server reset it). Returns the latest record (or null) either way.
 * @param {State} state @param {string} testId @param {number} timeoutMs @param {AbortSignal} signal
 */
function waitForDone(state, testId, timeoutMs, signal) {
  const latest = () => state.records.get(testId)?.at(-1) ?? null;
  return new Promise((resolve) => {
    const check = () => {
      const r = latest();
      if (r && isDone(r)) finish();
    };
    const finish = () => {
      clearTimeout(timer);
      state.listeners.delete(check);
      signal.removeEventListener("abort", finish);
      resolve(latest());
    };
    const timer = setTimeout(finish, timeoutMs);
    state.listeners.add(check);
    signal.addEventListener("abort", finish, { once: true });
    check();
  });
}

// ---------------------------------------------------------------------------------------------
// 5. scenarios (x-upstream-scenario)
// ---------------------------------------------------------------------------------------------

/**
 * Parse the header and pick the sequence step. Steps are counted per (x-test-id, header text);
 * a step is shallow-merged over the top-level fields; the last step repeats. Without x-test-id the
 * first step is always used.
 * @param {State} state @param {string | undefined} raw @param {string | undefined} testId
 * @returns {Scenario}
 */
function resolveScenario(state, raw, testId) {
  if (!raw) return {};
  /** @type {Scenario} */
  let scenario;
  try {
    scenario = JSON.parse(raw);
  } catch (e) {
    throw new HarnessError(`x-upstream-scenario is not valid JSON: ${/** @type {Error} */ (e).message}`);
  }
  if (!scenario || typeof scenario !== "object" || Array.isArray(scenario)) {
    throw new HarnessError("x-upstream-scenario must be a JSON object");
  }
  const { sequence, ...base } = scenario;
  if (!Array.isArray(sequence) || sequence.length === 0) return base;
  let step = 0;
  if (testId) {
    const key = `${testId}\u0000${raw}`;
    step = state.sequenceCounters.get(key) ?? 0;
    state.sequenceCounters.set(key, step + 1);
  }
  return { ...base, ...sequence[Math.min(step, sequence.length - 1)] };
}

/**
 * Apply the content part of a scenario (echoAuth / fixture / body / status / contentType / headers)
 * on top of the route's reply.
 * @param {Reply} reply @param {Scenario} s @param {Ctx} ctx @returns {Reply}
 */
function applyScenarioContent(reply, s, ctx) {
  let out = { ...reply };
  if (s.echoAuth) {
    const auth = ctx.headers.authorization ?? "";
    const message = `bad key: ${auth}`;
    out = jsonReply({ error: { message }, detail: message, echo: { authorization: auth } }, s.status ?? 401);
  } else if (s.body !== undefined) {
    let text = typeof s.body === "string" ? s.body : JSON.stringify(s.body);
    if (s.echoAuthPlaceholders) text = text.replaceAll("{{authorization}}", ctx.headers.authorization ?? "");
    out = { status: s.status ?? 200, body: text, contentType: typeof s.body === "string" ? sniffType(text) : JSON_TYPE };
  } else if (s.fixture !== undefined) {
    out = fixture(s.fixture, s.status);
  } else if (s.status !== undefined) {
    out.status = s.status;
  }
  if (s.contentType !== undefined) out.contentType = s.contentType;
  if (s.headers) out.headers = { ...out.headers, ...s.headers };
  if (s.echoAuthPlaceholders && out.headers) {
    const auth = ctx.headers.authorization ?? "";
    out.headers = Object.fromEntries(Object.entries(out.headers).map(([k, v]) => [k, v.replaceAll("{{authorization}}", auth)]));
  }
  return out;
}

/** @param {string} text */
function sniffType(text) {
  if (/^(data|event|id|retry):|^:/.test(text)) return SSE_TYPE;
  try {
    JSON.parse(text);
    return JSON_TYPE;
  } catch {
    return TEXT_TYPE;
  }
}

// ---------------------------------------------------------------------------------------------
// 6. delivery: status + headers, then the body in pieces, with the requested fault
// ---------------------------------------------------------------------------------------------

/**
 * Byte offsets where the body is split into separate writes.
 * @param {number} length @param {Reply} reply @param {Scenario} s
 */
function pieceOffsets(length, reply, s) {
  if (Array.isArray(s.chunks)) return s.chunks;
  if (s.chunkSize && s.chunkSize > 0) {
    const out = [];
    for (let at = s.chunkSize; at < length; at += s.chunkSize) out.push(at);
    return out;
  }
  return reply.pieces ?? [];
}

/**
 * @param {http.ServerResponse} res @param {Reply} reply @param {Scenario} s
 * @param {Record<string, string>} baseHeaders @param {AbortSignal} signal
 * @param {(why: "reset") => void} markServerReset
 */
async function deliver(res, reply, s, baseHeaders, signal, markServerReset) {
  const body = Buffer.isBuffer(reply.body) ? reply.body : Buffer.from(reply.body, "utf8");
  const noBody = reply.status === 204 || reply.status === 304 || res.req.method === "HEAD";

  // Where the body stops and what happens then.
  /** @type {"end" | "stall" | "reset" | "truncate" | "linger"} */
  let ending = "end";
  let limit = body.length;
  for (const [key, kind] of /** @type {const} */ ([
    ["stallAfterBytes", "stall"],
    ["resetAfterBytes", "reset"],
    ["truncateAfterBytes", "truncate"],
  ])) {
    const n = s[key];
    if (typeof n === "number") {
      ending = kind;
      limit = Math.max(0, Math.min(n, body.length));
      break;
    }
  }
  if (ending === "end" && s.linger) ending = "linger";

  const offsets = [...new Set(pieceOffsets(body.length, reply, s))]
    .filter((o) => o > 0 && o < limit)
    .sort((a, b) => a - b);
  const inPieces = offsets.length > 0 || ending !== "end";
  const delayMs = s.chunkDelayMs ?? reply.pieceDelayMs ?? 0;

  /** @type {Record<string, string>} */
  const headers = { ...baseHeaders, "content-type": reply.contentType ?? TEXT_TYPE };
  if (reply.contentType === SSE_TYPE) headers["cache-control"] = "no-cache";
  if (!inPieces && !noBody) headers["content-length"] = String(body.length);
  Object.assign(headers, reply.headers);

  if (s.headersDelayMs) await sleep(s.headersDelayMs, signal);
  if (signal.aborted) return;
  res.writeHead(reply.status, headers);

  if (noBody) return void res.end();
  if (!inPieces) return void res.end(body);

  res.flushHeaders();
  let start = 0;
  for (const end of [...offsets, limit]) {
    if (end > start) await write(res, body.subarray(start, end), signal);
    start = end;
    if (signal.aborted) return;
    if (end < limit) await sleep(delayMs, signal);
    if (signal.aborted) return;
  }

  switch (ending) {
    case "end":
    case "truncate":
      res.end();
      return;
    case "reset": {
      // Data already handed to the kernel; destroy the socket without the chunked terminator.
      markServerReset("reset");
      const socket = res.socket;
      if (socket) socket.destroy();
      else res.destroy();
      return;
    }
    case "stall":
    case "linger":
      // Keep the connection open until the client (or close()) ends it.
      await new Promise((resolve) => {
        if (signal.aborted) return resolve(undefined);
        signal.addEventListener("abort", () => resolve(undefined), { once: true });
      });
      return;
  }
}

/** @param {http.ServerResponse} res @param {Buffer} chunk @param {AbortSignal} signal */
function write(res, chunk, signal) {
  return new Promise((resolve) => {
    if (signal.aborted || res.destroyed) return resolve(undefined);
    const onAbort = () => resolve(undefined);
    signal.addEventListener("abort", onAbort, { once: true });
    res.write(chunk, () => {
      signal.removeEventListener("abort", onAbort);
      resolve(undefined);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// 7. request pipeline, recording, server lifecycle
// ---------------------------------------------------------------------------------------------

/**
 * @typedef {{
 *   mode: "fixtures" | "demo",
 *   demoDelayMs: number,
 *   requireAuth: boolean,
 *   requestCounter: number,
 *   records: Map<string, RecordedRequest[]>,
 *   sequenceCounters: Map<string, number>,
 *   listeners: Set<() => void>,
 *   closing: AbortController,
 * }} State
 */

/** Tell wait-closed waiters that some record changed. @param {State} state */
function notify(state) {
  for (const listener of [...state.listeners]) listener();
}

/** @param {http.IncomingMessage} req */
function readBody(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const parts = [];
    req.on("data", (c) => parts.push(c));
    req.on("end", () => resolve(Buffer.concat(parts)));
    req.on("error", reject);
  });
}

/** @param {http.IncomingHttpHeaders} raw */
function flattenHeaders(raw) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const [k, v] of Object.entries(raw)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

/** @param {Route[]} table @param {string} method @param {string} pathname */
function matchRoute(table, method, pathname) {
  let pathMatched = false;
  for (const route of table) {
    const m = typeof route.path === "string" ? (route.path === pathname ? [pathname] : null) : route.path.exec(pathname);
    if (!m) continue;
    pathMatched = true;
    if (route.method === method) return { route, params: m.slice(1) };
  }
  return pathMatched ? "method-not-allowed" : null;
}

/**
 * @param {State} state @param {http.IncomingMessage} req @param {http.ServerResponse} res
 */
async function handleRequest(state, req, res) {
  const receivedAt = Date.now();
  const requestId = `req-${++state.requestCounter}`;
  const url = new URL(req.url ?? "/", "http://upstream.local");
  const method = (req.method ?? "GET").toUpperCase();
  const baseHeaders = { ...CORS_HEADERS, "x-request-id": requestId };

  // Abort everything this response waits on once its connection closes or the server shuts down.
  const done = new AbortController();
  const onClosing = () => done.abort();
  state.closing.signal.addEventListener("abort", onClosing, { once: true });
  res.on("close", () => {
    done.abort();
    state.closing.signal.removeEventListener("abort", onClosing);
  });
  res.on("error", () => {});
  req.on("error", () => {});

  const headers = flattenHeaders(req.headers);

  if (method === "OPTIONS") {
    const allow = headers["access-control-request-headers"];
    res.writeHead(204, allow ? { ...baseHeaders, "access-control-allow-headers": `${CORS_HEADERS["access-control-allow-headers"]}, ${allow}` } : baseHeaders);
    return void res.end();
  }

  let bodyBuf;
  try {
    bodyBuf = await readBody(req);
  } catch {
    return; // client went away while uploading
  }
  const bodyText = bodyBuf.toString("utf8");
  let json = null;
  try {
    json = bodyText ? JSON.parse(bodyText) : null;
  } catch {}
  /** @type {FormData | null} */
  let form = null;
  if (/^multipart\/form-data/i.test(headers["content-type"] ?? "")) {
    try {
      form = await new Request("http://upstream.local/", { method: "POST", headers: { "content-type": headers["content-type"] ?? "" }, body: new Uint8Array(bodyBuf) }).formData();
    } catch {}
  }

  /** @type {Ctx} */
  const ctx = {
    method,
    path: url.pathname,
    url,
    params: [],
    headers,
    bodyText,
    json,
    mode: state.mode,
    demoDelayMs: state.demoDelayMs,
    state,
    signal: done.signal,
    form,
  };

  // Control endpoints: no auth, no recording, no scenarios.
  if (url.pathname.startsWith("/__upstream/")) {
    const hit = matchRoute(CONTROL_ROUTES, method, url.pathname);
    const reply = hit === null ? jsonReply({ detail: "Not Found" }, 404) : hit === "method-not-allowed" ? fixture("errors/405.json") : await hit.route.handler(ctx);
    if (res.destroyed) return;
    return deliver(res, reply, {}, baseHeaders, done.signal, () => {});
  }

  // Recording.
  const testId = headers["x-test-id"];
  /** @type {RecordedRequest | undefined} */
  let record;
  if (testId) {
    const list = state.records.get(testId) ?? [];
    state.records.set(testId, list);
    record = {
      testId,
      seq: list.length,
      method,
      path: url.pathname,
      headers,
      body: bodyText,
      json,
      receivedAt,
      clientClosed: false,
      finished: false,
      serverReset: false,
      status: null,
      parts: form ? await describeParts(form) : null,
    };
    list.push(record);
    const r = record;
    res.on("finish", () => {
      r.finished = true;
      notify(state);
    });
    res.on("close", () => {
      if (!res.writableFinished && !r.serverReset && !state.closing.signal.aborted) r.clientClosed = true;
      notify(state);
    });
    notify(state);
  }

  /** @type {Scenario} */
  let scenario = {};
  /** @type {Reply} */
  let reply;
  try {
    scenario = resolveScenario(state, headers["x-upstream-scenario"], testId);
    reply = await routeReply(state, ctx, scenario);
  } catch (e) {
    if (!(e instanceof HarnessError)) throw e;
    // 599: unmistakably a harness/test mistake, not a DeepInfra status.
    reply = jsonReply({ detail: `upstream harness: ${e.message}` }, 599);
    scenario = {};
  }
  if (record) record.status = reply.status;
  if (res.destroyed) return;
  await deliver(res, reply, scenario, baseHeaders, done.signal, () => {
    if (record) record.serverReset = true;
  });
}

/**
 * Auth first (like DeepInfra), then routing, then the scenario's content overrides.
 * An unauthenticated request always gets the 401 (only `echoAuth`, `headers` and the delivery
 * options of a scenario still apply) so a client that forgets its key can't pass by accident.
 * @param {State} state @param {Ctx} ctx @param {Scenario} scenario @returns {Promise<Reply>}
 */
async function routeReply(state, ctx, scenario) {
  const authorized = !state.requireAuth || AUTH_RE.test(ctx.headers.authorization ?? "");
  if (!authorized) {
    const { echoAuth, headers } = scenario;
    return applyScenarioContent(fixture("errors/401.json"), { echoAuth, headers, status: echoAuth ? scenario.status : undefined }, ctx);
  }
  const hit = matchRoute(ROUTES, ctx.method, ctx.path);
  /** @type {Reply} */
  let reply;
  if (hit === null) reply = fixture("errors/404-path.json");
  else if (hit === "method-not-allowed") reply = fixture("errors/405.json");
  else if (hit.route.jsonBody && (ctx.json === null || typeof ctx.json !== "object" || Array.isArray(ctx.json))) {
    reply = fixture("errors/422.json");
  } else {
    ctx.params = hit.params;
    // A scenario that replaces the whole body doesn't need the route (and its validation) at all.
    const replaced = scenario.echoAuth || scenario.body !== undefined || scenario.fixture !== undefined;
    // Request-dependent quirks (./quirks.mjs) answer before any scenario content: a strict model refuses first.
    const quirk = quirkReply(ctx, scenario);
    if (quirk) return quirk;
    reply = replaced ? { status: 200, body: "" } : (unsupportedReply(ctx, scenario) ?? (await hit.route.handler(ctx)));
  }
  return applyScenarioContent(reply, scenario, ctx);
}

/** Multipart parts as recorded: text fields verbatim, files as base64. @param {FormData} form */
async function describeParts(form) {
  const parts = [];
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") parts.push({ name, filename: null, type: null, size: Buffer.byteLength(value), value });
    else parts.push({ name, filename: value.name, type: value.type || null, size: value.size, value: Buffer.from(await value.arrayBuffer()).toString("base64") });
  }
  return parts;
}

/**
 * Start the upstream on 127.0.0.1 (port 0 = pick a free one).
 * @param {UpstreamOptions} [opts]
 * @returns {Promise<Upstream>}
 */
export async function startUpstream(opts = {}) {
  const host = opts.host ?? "127.0.0.1";
  const mode = opts.mode ?? "fixtures";
  /** @type {State} */
  const state = {
    mode,
    demoDelayMs: opts.demoDelayMs ?? 40,
    requireAuth: opts.requireAuth ?? true,
    requestCounter: 0,
    records: new Map(),
    sequenceCounters: new Map(),
    listeners: new Set(),
    closing: closingController(),
  };

  /** @type {Set<import("node:net").Socket>} */
  const sockets = new Set();
  const server = http.createServer((req, res) => {
    handleRequest(state, req, res).catch((err) => {
      console.error("[upstream] handler crashed:", err);
      if (!res.headersSent) {
        res.writeHead(500, { ...CORS_HEADERS, "content-type": JSON_TYPE });
        res.end(JSON.stringify({ detail: `upstream harness crashed: ${err?.message ?? err}` }));
      } else res.destroy();
    });
  });
  server.on("connection", (socket) => {
    socket.setNoDelay(true);
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", reject);
      resolve(undefined);
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : Number(opts.port);
  const urlHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;

  /** @type {Promise<void> | undefined} */
  let closed;
  return {
    port,
    url: `http://${urlHost}:${port}`,
    close() {
      closed ??= new Promise((resolve) => {
        state.closing.abort();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections?.();
      });
      return closed;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// 8. CLI: node test/upstream/server.mjs [--mode demo|fixtures] [--port 8787] [--host 127.0.0.1] [--demo-delay-ms 40]
// ---------------------------------------------------------------------------------------------

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  /** @param {string} name */
  const arg = (name) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const mode = arg("mode") === "fixtures" ? "fixtures" : "demo";
  const upstream = await startUpstream({
    mode,
    port: Number(arg("port") ?? 0),
    host: arg("host") ?? "127.0.0.1",
    demoDelayMs: arg("demo-delay-ms") === undefined ? undefined : Number(arg("demo-delay-ms")),
  });
  console.log(`[upstream] ${mode} mode listening on ${upstream.url}`);
  const stop = () => void upstream.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
