import { isAbortError } from "../errors/guards.js";
import { isDeepInfraError } from "../errors/base.js";
import { resolveModel } from "../models.js";
import type { CallStep } from "../call-context.js";
import type { OpenResponse, RequestOptions, RetryDelayInfo } from "../types/request.js";

// OpenTelemetry's shapes, typed structurally: an OpenTelemetry `Tracer` and `Meter` fit them, and the SDK
// needs no runtime dependency on `@opentelemetry/api` (nor does any bundle that leaves tracing off).

/** A span attribute value, as OpenTelemetry defines it. */
export type TelemetryAttributeValue = string | number | boolean | string[] | number[] | boolean[];
/** Span or metric attributes. */
export type TelemetryAttributes = Record<string, TelemetryAttributeValue | undefined>;

/** The part of an OpenTelemetry `Span` the SDK uses. */
export interface SpanLike {
  /** Sets one attribute. */
  setAttribute(key: string, value: TelemetryAttributeValue): unknown;
  /** Records a timed event (a retry, a fallback, the first chunk). */
  addEvent(name: string, attributes?: TelemetryAttributes): unknown;
  /** Marks the span failed (`code` 2, OpenTelemetry's ERROR). */
  setStatus(status: { code: number; message?: string }): unknown;
  /** Ends the span. */
  end(): unknown;
}

/** Anything shaped like OpenTelemetry's `Tracer` (e.g. `trace.getTracer("my-app")`). */
export interface TracerLike {
  /** Starts a span (the SDK starts CLIENT spans). */
  startSpan(name: string, options?: { kind?: number; attributes?: TelemetryAttributes }): SpanLike;
}

/** The part of an OpenTelemetry `Histogram` the SDK uses. */
export interface HistogramLike {
  /** Records one value. */
  record(value: number, attributes?: TelemetryAttributes): void;
}

/** Anything shaped like OpenTelemetry's `Meter` (e.g. `metrics.getMeter("my-app")`). */
export interface MeterLike {
  /** Creates a histogram (the SDK asks for the GenAI conventions' buckets). */
  createHistogram(name: string, options?: { description?: string; unit?: string; advice?: { explicitBucketBoundaries?: number[] } }): HistogramLike;
}

/** What the telemetry needs from the client. */
export interface TelemetryOptions {
  tracer?: TracerLike | undefined;
  meter?: MeterLike | undefined;
  /** Record prompts and answers on spans (`gen_ai.input.messages`, `gen_ai.output.messages`); off by default. */
  recordContent?: boolean | undefined;
  baseURL: string;
  modelAliases: Readonly<Record<string, string>>;
  embeddingAliases: Readonly<Record<string, string>>;
  /** The client's `retryDelay`, which a call's own overrides. */
  retryDelay?: ((info: RetryDelayInfo) => number | undefined) | undefined;
}

/** One traced call: what the fallback chain and the stream report into. */
export interface CallTrace {
  /** The call's options, with retries reported as span events. */
  readonly options: RequestOptions;
  /** Watches a streamed answer's body: times the first chunk and ends the span when the stream ends. */
  watch(open: OpenResponse): OpenResponse;
  /** A fallback from one model to the next. */
  fallback(from: string, to: string, error: unknown): void;
  /** The call answered: a result ends the span; a stream ends it later, at its own end. */
  succeed(result: unknown, stream: boolean): void;
  /** The call failed before answering. */
  fail(error: unknown): void;
}

/** The tracing of a client's calls. */
export interface Telemetry {
  /** Opens the span of one chat, completions or embeddings call. */
  start(path: string, params: { model: string }, options: RequestOptions | undefined): CallTrace;
  /** The call step: one span around the call (its fallbacks inside), watching a streamed answer through the call. */
  step: CallStep;
}

// Semantic-convention values. SpanKind.CLIENT and SpanStatusCode.ERROR from @opentelemetry/api.
const SPAN_KIND_CLIENT = 2;
const STATUS_ERROR = 2;
const OPERATIONS: Record<string, string> = {
  "/v1/openai/chat/completions": "chat",
  "/v1/openai/completions": "text_completion",
  "/v1/openai/embeddings": "embeddings",
};
// The bucket boundaries the GenAI conventions advise for each histogram.
const TOKEN_BUCKETS = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864];
const SECONDS_BUCKETS = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];
// Request parameters and the attribute each becomes.
const REQUEST_ATTRIBUTES: Array<[string, string]> = [
  ["temperature", "gen_ai.request.temperature"],
  ["max_tokens", "gen_ai.request.max_tokens"],
  ["top_p", "gen_ai.request.top_p"],
  ["top_k", "gen_ai.request.top_k"],
  ["frequency_penalty", "gen_ai.request.frequency_penalty"],
  ["presence_penalty", "gen_ai.request.presence_penalty"],
  ["seed", "gen_ai.request.seed"],
];

/** What a `ChatStream` or `CompletionStream` offers for its span's end. */
type WatchedStream = { finalCompletion?: () => Promise<Answer>; currentCompletion?: () => Answer };
type Usage = { prompt_tokens?: unknown; completion_tokens?: unknown; estimated_cost?: unknown };
type Answer = { id?: unknown; model?: unknown; usage?: Usage | null; choices?: Array<{ finish_reason?: unknown; message?: unknown; text?: unknown }>; data?: Array<{ embedding?: { length: number } }> };

/**
 * Creates the tracer of a client's calls: one CLIENT span per chat, completions or embeddings call
 * named `{operation} {model}` with the GenAI semantic conventions' attributes, retries and fallbacks as
 * events, and the `gen_ai.client.token.usage` / `gen_ai.client.operation.duration` histograms.
 * Never records the API key: attributes come from parameters and answers only, errors are scrubbed.
 */
export function createTelemetry(config: TelemetryOptions): Telemetry {
  const { tracer, meter, recordContent } = config;
  const url = new URL(config.baseURL);
  const server: TelemetryAttributes = { "server.address": url.hostname, "server.port": url.port ? Number(url.port) : undefined };
  const histograms = meter && {
    tokens: meter.createHistogram("gen_ai.client.token.usage", { description: "Number of input and output tokens used.", unit: "{token}", advice: { explicitBucketBoundaries: TOKEN_BUCKETS } }),
    duration: meter.createHistogram("gen_ai.client.operation.duration", { description: "GenAI operation duration.", unit: "s", advice: { explicitBucketBoundaries: SECONDS_BUCKETS } }),
    firstChunk: meter.createHistogram("gen_ai.client.operation.time_to_first_chunk", { description: "Time to receive the first chunk of a streamed answer.", unit: "s", advice: { explicitBucketBoundaries: SECONDS_BUCKETS } }),
  };

  const start: Telemetry["start"] = (path, call, options) => {
    const params = call as Record<string, unknown> & { model: string };
    const operation = OPERATIONS[path] ?? path;
    const embeddings = operation === "embeddings";
    const model = resolveModel(params.model, embeddings ? config.embeddingAliases : config.modelAliases).model;
    const base: TelemetryAttributes = { "gen_ai.operation.name": operation, "gen_ai.provider.name": "deepinfra", "gen_ai.request.model": model, ...server };
    const attributes: TelemetryAttributes = { ...base };
    for (const [field, name] of REQUEST_ATTRIBUTES) if (typeof params[field] === "number") attributes[name] = params[field] as number;
    if (typeof params.max_completion_tokens === "number") attributes["gen_ai.request.max_tokens"] ??= params.max_completion_tokens;
    if (typeof params.n === "number" && params.n !== 1) attributes["gen_ai.request.choice.count"] = params.n;
    const stop = typeof params.stop === "string" ? [params.stop] : params.stop;
    if (Array.isArray(stop)) attributes["gen_ai.request.stop_sequences"] = stop.filter((s): s is string => typeof s === "string");
    if (params.stream === true) attributes["gen_ai.request.stream"] = true;
    if (embeddings) {
      attributes["gen_ai.request.encoding_formats"] = [typeof params.encoding_format === "string" ? params.encoding_format : "float"];
      if (typeof params.dimensions === "number") attributes["gen_ai.embeddings.dimension.count"] = params.dimensions;
    }
    if (recordContent) attributes["gen_ai.input.messages"] = JSON.stringify(inputMessages(params));
    const span = tracer?.startSpan(`${operation} ${model}`, { kind: SPAN_KIND_CLIENT, attributes: defined(attributes) });
    const started = performance.now();
    let servedModel: string | undefined;
    let stream: WatchedStream | undefined;
    let ended = false;

    const end = (answer: Answer | undefined, failure: unknown) => {
      if (ended) return;
      ended = true;
      // A stream the consumer left (break, Stop, abort) is not a failure: the span ends OK, with an event.
      const cancelled = stream !== undefined && isAbortError(failure);
      const error = cancelled ? undefined : failure;
      if (cancelled) span?.addEvent("deepinfra.cancelled", {});
      const seconds = (performance.now() - started) / 1000;
      const responseModel = typeof answer?.model === "string" ? answer.model : servedModel;
      const usage = answer?.usage ?? undefined;
      const input = numberOr(usage?.prompt_tokens);
      const output = embeddings ? undefined : numberOr(usage?.completion_tokens);
      const errorType = error === undefined ? undefined : errorTypeOf(error);
      if (span) {
        const set = (key: string, value: TelemetryAttributeValue | undefined) => value !== undefined && span.setAttribute(key, value);
        set("gen_ai.response.model", responseModel);
        set("gen_ai.response.id", typeof answer?.id === "string" ? answer.id : undefined);
        const reasons = answer?.choices?.map((choice) => choice.finish_reason).filter((r): r is string => typeof r === "string");
        if (reasons?.length) set("gen_ai.response.finish_reasons", reasons);
        set("gen_ai.usage.input_tokens", input);
        set("gen_ai.usage.output_tokens", output);
        set("deepinfra.usage.estimated_cost", numberOr(usage?.estimated_cost));
        if (embeddings && typeof params.dimensions !== "number") set("gen_ai.embeddings.dimension.count", answer?.data?.[0]?.embedding?.length);
        if (recordContent && answer?.choices) set("gen_ai.output.messages", JSON.stringify(answer.choices.map(outputMessage)));
        if (errorType !== undefined) {
          set("error.type", errorType);
          span.setStatus({ code: STATUS_ERROR, message: error instanceof Error ? error.message : String(error) });
        }
        span.end();
      }
      if (histograms) {
        const metric = { ...base, "gen_ai.response.model": responseModel };
        histograms.duration.record(seconds, defined({ ...metric, "error.type": errorType }));
        if (input !== undefined) histograms.tokens.record(input, defined({ ...metric, "gen_ai.token.type": "input" }));
        if (output !== undefined) histograms.tokens.record(output, defined({ ...metric, "gen_ai.token.type": "output" }));
      }
    };

    const userDelay = options?.retryDelay ?? config.retryDelay;
    const traced: RequestOptions = {
      ...options,
      // The transport asks this before each retry it would make: the one place a retry is known per call.
      retryDelay: (info) => {
        const delayMs = userDelay ? userDelay(info) : info.suggestedMs;
        if (delayMs !== undefined && delayMs >= 0) span?.addEvent("deepinfra.retry", { "deepinfra.retry.attempt": info.attempt, "deepinfra.retry.delay_ms": delayMs, "error.type": errorTypeOf(info.error) });
        return delayMs;
      },
    };

    const trace: CallTrace = {
      options: traced,
      watch: (open) => {
        const body = open.body;
        let first = true;
        const read = async () => {
          const result = await body.read();
          if (first && !result.done) {
            first = false;
            const seconds = (performance.now() - started) / 1000;
            span?.setAttribute("gen_ai.response.time_to_first_chunk", seconds);
            span?.addEvent("deepinfra.first_chunk", { "gen_ai.response.time_to_first_chunk": seconds });
            histograms?.firstChunk.record(seconds, defined({ ...base, "gen_ai.response.model": servedModel }));
          }
          return result;
        };
        // Every way a stream ends (its end, a failure, an abort, leaving a loop) closes its body; by the next
        // microtask the stream has settled, or is about to, and `finalCompletion()` says how. A body that
        // closes before a stream was handed out belongs to a failed call, which `fail` reports.
        body.onClose(() =>
          queueMicrotask(() => {
            const watched = stream;
            watched?.finalCompletion?.().then(
              (answer) => end(answer, undefined),
              (error: unknown) => end(watched.currentCompletion?.(), error),
            );
          }),
        );
        // The stream reads through this view; every other member is the body's own, bound (it keeps private fields).
        const timed = new Proxy(body, { get: (target, key) => (key === "read" ? read : bindMethod(target, Reflect.get(target, key))) });
        return { ...open, body: timed };
      },
      fallback: (from, to, error) => {
        servedModel = to;
        span?.addEvent("deepinfra.fallback", { "deepinfra.fallback.from": from, "deepinfra.fallback.to": to, "error.type": errorTypeOf(error) });
      },
      succeed: (result, streamed) => {
        if (streamed) stream = result as WatchedStream;
        else end(result as Answer, undefined);
      },
      fail: (error) => end(undefined, error),
    };
    return trace;
  };
  return {
    start,
    step: async (call, next) => {
      const trace = start(call.endpoint, call.params, call.options);
      call.options = trace.options;
      call.watch = trace.watch;
      call.onFallback = trace.fallback;
      try {
        const result = await next();
        trace.succeed(result, call.params.stream === true);
        return result;
      } catch (error) {
        trace.fail(error);
        throw error;
      }
    },
  };
}

/** A method read off `target`, bound to it; other values as they are. */
function bindMethod(target: object, value: unknown): unknown {
  return typeof value === "function" ? value.bind(target) : value;
}

/** Attributes without the absent ones: an exporter shows `undefined` values as keys with nothing in them. */
function defined(attributes: TelemetryAttributes): TelemetryAttributes {
  const out: TelemetryAttributes = {};
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) out[key] = value;
  return out;
}

function numberOr(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** `error.type`: the SDK's error class name (low cardinality), else the constructor's. */
function errorTypeOf(error: unknown): string {
  if (isDeepInfraError(error)) return error.name;
  return error instanceof Error ? error.name || "Error" : "_OTHER";
}

type Part = Record<string, unknown>;

/** The prompt in the conventions' input-message form: `[{ role, parts: [{ type: "text", content }] }]`. */
function inputMessages(params: Record<string, unknown>): Array<{ role: string; parts: Part[] }> {
  if (typeof params.prompt === "string") return [{ role: "user", parts: [{ type: "text", content: params.prompt }] }];
  if (typeof params.input === "string" || Array.isArray(params.input)) {
    const inputs = typeof params.input === "string" ? [params.input] : (params.input as unknown[]);
    return [{ role: "user", parts: inputs.map((content) => ({ type: "text", content })) }];
  }
  const messages = Array.isArray(params.messages) ? (params.messages as Array<Record<string, unknown>>) : [];
  return messages.map((message) => {
    const parts: Part[] = contentParts(message.content);
    for (const call of (message.tool_calls as Array<{ id?: string; function?: { name?: string; arguments?: string } }> | undefined) ?? []) {
      parts.push({ type: "tool_call", id: call.id, name: call.function?.name, arguments: call.function?.arguments });
    }
    if (message.role === "tool") return { role: "tool", parts: [{ type: "tool_call_response", id: message.tool_call_id, result: textOf(message.content) }] };
    return { role: String(message.role), parts };
  });
}

function contentParts(content: unknown): Part[] {
  if (typeof content === "string") return [{ type: "text", content }];
  if (!Array.isArray(content)) return [];
  return content.map((part: Record<string, unknown>) => {
    if (part.type === "text") return { type: "text", content: part.text };
    if (part.type === "image_url") return { type: "uri", modality: "image", uri: (part.image_url as { url?: string } | undefined)?.url };
    return { type: String(part.type) };
  });
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  return Array.isArray(content) ? content.map((part: { text?: unknown }) => (typeof part.text === "string" ? part.text : "")).join("") : "";
}

/** One choice in the conventions' output-message form. */
function outputMessage(choice: { finish_reason?: unknown; message?: unknown; text?: unknown }): { role: string; parts: Part[]; finish_reason: unknown } {
  if (typeof choice.text === "string") return { role: "assistant", parts: [{ type: "text", content: choice.text }], finish_reason: choice.finish_reason ?? null };
  const message = (choice.message ?? {}) as Record<string, unknown>;
  const parts: Part[] = [];
  if (typeof message.reasoning_content === "string" && message.reasoning_content) parts.push({ type: "reasoning", content: message.reasoning_content });
  parts.push(...contentParts(message.content));
  for (const call of (message.tool_calls as Array<{ id?: string; function?: { name?: string; arguments?: string } }> | undefined) ?? []) {
    parts.push({ type: "tool_call", id: call.id, name: call.function?.name, arguments: call.function?.arguments });
  }
  return { role: "assistant", parts, finish_reason: choice.finish_reason ?? null };
}
