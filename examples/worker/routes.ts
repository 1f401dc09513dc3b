// POST /api/chat and POST /api/embeddings, the heartbeat relay /api/ui-chat shares, and what every API
// route is handed by the router.
import { type ChatCreateParams, type ChatStream, type CreateEmbeddingResponse, type DeepInfra } from "deepinfra-edge";
import type { Config, Env } from "./config.js";
import { scopedCache } from "./embeddings-cache-scope.js";
import { readJSONBody, toChatParams, toEmbeddingParams } from "./hardening.js";
import { HttpError, renderError } from "./http-error.js";
import type { Secret } from "./scrub.js";
import { chatPrice, chatReserveUSD, promptBytes, refundIfRefused, type Price, type Spend } from "./spend-breaker.js";

/** What the router hands an API route once the host, origin and rate-limit checks passed. */
export interface RouteContext {
  request: Request;
  env: Env;
  config: Config;
  requestId: string;
  /** Security, CORS and cache headers for a successful answer. */
  headers: Record<string, string>;
  /** Fires when the runtime reports the client gone (`request.signal`). */
  signal: AbortSignal;
  /** The SDK client for this request; its usage reports settle the spend reservation. */
  client(): DeepInfra;
  /** Who the caller is for the rate limit (client-id.ts); also the embeddings cache's partition. */
  clientKey: string;
  /** The key's pieces, for keeping it out of the log (`renderError`). */
  secret: Secret | undefined;
  /**
   * Reserves this call's worst-case cost with the global breaker (once per request), with the route's
   * per-token price and prompt size for settling an answer without a cost or a stream the browser left.
   */
  reserve(usd: number, price?: Price, promptTokens?: number): Promise<Spend>;
}

const SSE_TYPE = "text/event-stream; charset=utf-8";
const encoder = new TextEncoder();
// An SSE comment: clients ignore it, and writing it is how workerd learns the browser left.
const HEARTBEAT = encoder.encode(": waiting for the model\n\n");

type Outcome = { stream: ChatStream } | { error: unknown };

/** How a streaming route answers: at once when the upstream's headers come in time, or after heartbeats. */
export interface ChatRelay {
  /** The answer when the upstream's headers arrived within HEARTBEAT_MS. */
  respond(stream: ChatStream): Response;
  /** The headers of an answer that starts with heartbeats, before the upstream answered. */
  headers: Record<string, string>;
  /** The stream's bytes once the upstream answered, after the heartbeats. */
  body(stream: ChatStream): ReadableStream<Uint8Array>;
  /** The last bytes sent when the call fails after the heartbeats started (the status is already 200). */
  failure(error: unknown): Uint8Array;
}

/**
 * `{ messages, model?, max_tokens?, temperature?, top_p? }` → DeepInfra's SSE, passed through.
 * When the upstream's headers take longer than HEARTBEAT_MS, the answer starts anyway (200, SSE
 * comments every HEARTBEAT_MS), so a browser that leaves is noticed at the next write and the
 * upstream call is cancelled before it answers; a failure after that arrives as `event: error`.
 */
export async function chat(route: RouteContext): Promise<Response> {
  const body = await readJSONBody(route.request, route.config.maxBodyBytes);
  const params = toChatParams(body, route.config);
  const headers = { ...route.headers, "content-type": SSE_TYPE };
  return relayChat(route, params, {
    respond: (stream) => new Response(stream.toReadableStream(), { headers }),
    headers,
    body: (stream) => stream.toReadableStream(),
    failure: (error) => encoder.encode(`event: error\ndata: ${renderError(error, route.requestId, route.secret).text}\n\n`),
  });
}

/**
 * Reserves the call's worst case, opens the upstream stream with the browser's disconnect wired to it,
 * and answers through `relay`; a failure before any answer started is thrown (the router renders it).
 */
export async function relayChat(route: RouteContext, params: ChatCreateParams & { stream: true }, relay: ChatRelay): Promise<Response> {
  const messages = params.messages as Array<{ content: string }>;
  const price = chatPrice(params.model, route.config);
  const spend = await route.reserve(chatReserveUSD(messages, params.max_tokens ?? route.config.maxTokens, price), price, promptBytes(messages));
  const controller = new AbortController();
  follow(route.signal, controller);
  const pending: Promise<Outcome> = route
    .client()
    .chat.completions.create(params, { signal: controller.signal })
    .then((stream) => ({ stream }), (error: unknown) => ({ error }));
  const early = await Promise.race([pending, delay(route.config.heartbeatMs)]);
  if (early && "error" in early) throw early.error;
  if (early) return relay.respond(early.stream);
  return new Response(heartbeatThen(pending, controller, route, spend, relay), { headers: relay.headers });
}

/** Heartbeats until the upstream answers, then its stream; cancelling the body cancels the call. */
function heartbeatThen(pending: Promise<Outcome>, controller: AbortController, route: RouteContext, spend: Spend, relay: ChatRelay): ReadableStream<Uint8Array> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  return new ReadableStream<Uint8Array>({
    start(out) {
      out.enqueue(HEARTBEAT);
    },
    async pull(out) {
      if (!reader) {
        const next = await Promise.race([pending, delay(route.config.heartbeatMs)]);
        if (!next) return out.enqueue(HEARTBEAT);
        if ("error" in next) {
          refundIfRefused(spend, next.error);
          out.enqueue(relay.failure(next.error));
          return out.close();
        }
        reader = relay.body(next.stream).getReader();
      }
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return out.close();
        if (value.byteLength) return out.enqueue(value);
      }
    },
    cancel(reason) {
      controller.abort();
      void reader?.cancel(reason);
      void pending.then((outcome) => ("stream" in outcome ? outcome.stream.abort() : undefined));
    },
  });
}

/**
 * `{ input, model? }` → `{ object, data: [{ object, index, embedding }], model, usage }`, rebuilt
 * field by field: nothing else an upstream adds reaches the browser.
 */
export async function embeddings(route: RouteContext): Promise<Response> {
  const body = await readJSONBody(route.request, route.config.maxBodyBytes);
  const params = toEmbeddingParams(body, route.config);
  const inputs = typeof params.input === "string" ? [params.input] : params.input;
  const perToken = route.config.spend.embeddingUSDPerToken;
  const tokens = promptBytes(inputs.map((content) => ({ content })));
  const spend = await route.reserve(tokens * perToken, { input: perToken, output: perToken }, tokens);
  // With a KV namespace bound (wrangler.toml [[kv_namespaces]]), texts embedded before are answered from it
  // and only the others are sent; without one, every input is sent.
  const cache = route.env.EMBEDDINGS_CACHE
    ? await scopedCache(route.env.EMBEDDINGS_CACHE, {
        baseURL: route.env.DEEPINFRA_BASE_URL || "deepinfra",
        client: route.clientKey,
        shared: route.env.EMBEDDINGS_CACHE_SHARED === "true",
        maxWrites: Number(route.env.EMBEDDINGS_CACHE_MAX_WRITES || 4),
      })
    : undefined;
  const result = await route.client().embeddings.create(params, { signal: route.signal, ...(cache ? { cache } : {}) });
  const answer = embeddingAnswer(result as CreateEmbeddingResponse<unknown>, inputs.length);
  // Whatever was sent reported its cost above (the first settlement wins); an answer served wholly from
  // the cache sent nothing and reported none, and costs nothing.
  spend.record(0);
  // The cost is stored before the answer goes out, so the next caller sees it.
  await spend.done();
  return Response.json(answer, { headers: route.headers });
}

function embeddingAnswer(result: CreateEmbeddingResponse<unknown>, count: number) {
  const invalid = () => new HttpError(502, "upstream_invalid_output", "DeepInfra's embeddings answer is not a list of number vectors.");
  if (!Array.isArray(result.data) || result.data.length !== count) throw invalid();
  const data = result.data.map((item, i) => {
    const vector: unknown = item?.embedding;
    if (!Array.isArray(vector) || !vector.every((x) => typeof x === "number" && Number.isFinite(x))) throw invalid();
    return { object: "embedding" as const, index: Number.isInteger(item.index) ? item.index : i, embedding: vector as number[] };
  });
  const usage: Record<string, number> = {};
  for (const key of ["prompt_tokens", "total_tokens", "estimated_cost"] as const) {
    const value = result.usage?.[key];
    if (typeof value === "number" && Number.isFinite(value)) usage[key] = value;
  }
  const model = typeof result.model === "string" && /^[\w.:/-]{1,200}$/.test(result.model) ? result.model : undefined;
  return { object: "list" as const, data, ...(model ? { model } : {}), usage };
}

/** Aborts `controller` when `signal` does (already, or later). */
function follow(signal: AbortSignal, controller: AbortController): void {
  if (signal.aborted) controller.abort();
  else signal.addEventListener("abort", () => controller.abort(), { once: true });
}

function delay(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms));
}
