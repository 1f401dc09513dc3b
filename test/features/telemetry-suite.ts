// OpenTelemetry GenAI traces and metrics (issue 12), with the real OpenTelemetry SDK and in-memory exporters.
// One suite, run in Node (test/node/telemetry.test.ts) and in workerd (test/features/telemetry.test.ts).
import { type Attributes, SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { MeterProvider, MetricReader, type HistogramMetricData } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import {
  ATTR_ERROR_TYPE,
  ATTR_GEN_AI_EMBEDDINGS_DIMENSION_COUNT,
  ATTR_GEN_AI_INPUT_MESSAGES,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_OUTPUT_MESSAGES,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_ENCODING_FORMATS,
  ATTR_GEN_AI_REQUEST_MAX_TOKENS,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_REQUEST_STREAM,
  ATTR_GEN_AI_REQUEST_TEMPERATURE,
  ATTR_GEN_AI_REQUEST_TOP_P,
  ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
  ATTR_GEN_AI_RESPONSE_ID,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK,
  ATTR_GEN_AI_TOKEN_TYPE,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  GEN_AI_OPERATION_NAME_VALUE_CHAT,
  GEN_AI_OPERATION_NAME_VALUE_EMBEDDINGS,
  GEN_AI_OPERATION_NAME_VALUE_TEXT_COMPLETION,
  GEN_AI_TOKEN_TYPE_VALUE_INPUT,
  GEN_AI_TOKEN_TYPE_VALUE_OUTPUT,
  METRIC_GEN_AI_CLIENT_OPERATION_DURATION,
  METRIC_GEN_AI_CLIENT_TOKEN_USAGE,
} from "@opentelemetry/semantic-conventions/incubating";
import { describe, expect, it } from "vitest";
import type { ClientOptions } from "../../src/index.js";
import { upstreamURL, type Scenario } from "../helpers.js";
import { FAKE_KEY, HELLO, rejection, testClient } from "../setup-client.js";

/** Collects on demand: the test reads the histograms when it wants them. */
class CollectingReader extends MetricReader {
  protected async onForceFlush(): Promise<void> {}
  protected async onShutdown(): Promise<void> {}
}

/** A client traced into fresh in-memory exporters. */
function traced(scenario?: Scenario, options: ClientOptions = {}) {
  const exporter = new InMemorySpanExporter();
  const tracer = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).getTracer("telemetry-test");
  const reader = new CollectingReader();
  const meter = new MeterProvider({ readers: [reader] }).getMeter("telemetry-test");
  const made = testClient(scenario, { tracer, meter, ...options });
  const spans = () => exporter.getFinishedSpans();
  const histograms = async () => {
    const { resourceMetrics } = await reader.collect();
    const out = new Map<string, HistogramMetricData>();
    for (const scope of resourceMetrics.scopeMetrics) for (const metric of scope.metrics) out.set(metric.descriptor.name, metric as HistogramMetricData);
    return out;
  };
  return { ...made, spans, histograms };
}

const only = (spans: ReadableSpan[]): ReadableSpan => {
  expect(spans).toHaveLength(1);
  return spans[0] as ReadableSpan;
};

const port = () => Number(new URL(upstreamURL()).port);

/** Everything a span holds, as text: name, attributes, events and their attributes, status. */
const spanText = (span: ReadableSpan) => JSON.stringify({ name: span.name, attributes: span.attributes, events: span.events.map((e) => [e.name, e.attributes]), status: span.status });

export function telemetrySuite(runtime: string) {
  describe(`OpenTelemetry GenAI traces (${runtime})`, () => {
    it("a chat call: one CLIENT span `chat {model}` with the conventions' request, response and usage attributes", async () => {
      const { client, spans } = traced();
      await client.chat.completions.create({ model: "default", messages: HELLO, temperature: 0.5, max_tokens: 20, top_p: 0.9 });
      const span = only(spans());
      expect(span.name).toBe("chat openchat/openchat-3.6-8b");
      expect(span.kind).toBe(SpanKind.CLIENT);
      expect(span.status.code).toBe(SpanStatusCode.UNSET);
      expect(span.attributes).toEqual({
        [ATTR_GEN_AI_OPERATION_NAME]: GEN_AI_OPERATION_NAME_VALUE_CHAT,
        [ATTR_GEN_AI_PROVIDER_NAME]: "deepinfra",
        [ATTR_GEN_AI_REQUEST_MODEL]: "openchat/openchat-3.6-8b",
        [ATTR_GEN_AI_REQUEST_TEMPERATURE]: 0.5,
        [ATTR_GEN_AI_REQUEST_MAX_TOKENS]: 20,
        [ATTR_GEN_AI_REQUEST_TOP_P]: 0.9,
        [ATTR_SERVER_ADDRESS]: "127.0.0.1",
        [ATTR_SERVER_PORT]: port(),
        [ATTR_GEN_AI_RESPONSE_MODEL]: "meta-llama/Meta-Llama-3.1-8B-Instruct",
        [ATTR_GEN_AI_RESPONSE_ID]: "chatcmpl-guMTxWgpFf",
        [ATTR_GEN_AI_RESPONSE_FINISH_REASONS]: ["stop"],
        [ATTR_GEN_AI_USAGE_INPUT_TOKENS]: 15,
        [ATTR_GEN_AI_USAGE_OUTPUT_TOKENS]: 16,
        "deepinfra.usage.estimated_cost": 0.0000268,
      });
      expect(span.events).toEqual([]);
    });

    it("the histograms: gen_ai.client.token.usage (input and output) and gen_ai.client.operation.duration, with their units", async () => {
      const { client, histograms } = traced();
      await client.chat.completions.create({ model: "default", messages: HELLO });
      await client.chat.completions.create({ model: "default", messages: HELLO });
      const metrics = await histograms();
      const tokens = metrics.get(METRIC_GEN_AI_CLIENT_TOKEN_USAGE) as HistogramMetricData;
      expect(tokens.descriptor.unit).toBe("{token}");
      const byType = Object.fromEntries(tokens.dataPoints.map((p) => [p.attributes[ATTR_GEN_AI_TOKEN_TYPE] as string, [p.value.count, p.value.sum]]));
      expect(byType).toEqual({ [GEN_AI_TOKEN_TYPE_VALUE_INPUT]: [2, 30], [GEN_AI_TOKEN_TYPE_VALUE_OUTPUT]: [2, 32] });
      expect(tokens.dataPoints[0]?.attributes).toMatchObject({ [ATTR_GEN_AI_OPERATION_NAME]: "chat", [ATTR_GEN_AI_PROVIDER_NAME]: "deepinfra", [ATTR_GEN_AI_REQUEST_MODEL]: "openchat/openchat-3.6-8b", [ATTR_GEN_AI_RESPONSE_MODEL]: "meta-llama/Meta-Llama-3.1-8B-Instruct", [ATTR_SERVER_ADDRESS]: "127.0.0.1" });
      const duration = metrics.get(METRIC_GEN_AI_CLIENT_OPERATION_DURATION) as HistogramMetricData;
      expect(duration.descriptor.unit).toBe("s");
      expect(duration.dataPoints).toHaveLength(1);
      expect(duration.dataPoints[0]?.value.count).toBe(2);
      expect(duration.dataPoints[0]?.attributes[ATTR_ERROR_TYPE]).toBeUndefined();
    });

    it("a failure: status ERROR, error.type the error's class, a duration with error.type, no token counts", async () => {
      const { client, spans, histograms } = traced({ fixture: "errors/401.json" });
      expect((await rejection(client.chat.completions.create({ model: "default", messages: HELLO }))).name).toBe("AuthenticationError");
      const span = only(spans());
      expect(span.status.code).toBe(SpanStatusCode.ERROR);
      expect(span.status.message).toContain("401");
      expect(span.attributes[ATTR_ERROR_TYPE]).toBe("AuthenticationError");
      expect(span.attributes[ATTR_GEN_AI_RESPONSE_MODEL]).toBeUndefined();
      const metrics = await histograms();
      expect(metrics.get(METRIC_GEN_AI_CLIENT_OPERATION_DURATION)?.dataPoints[0]?.attributes[ATTR_ERROR_TYPE]).toBe("AuthenticationError");
      expect(metrics.get(METRIC_GEN_AI_CLIENT_TOKEN_USAGE)?.dataPoints ?? []).toEqual([]);
    });

    it("retries are span events (attempt, wait, error.type); the client's retryDelay still decides", async () => {
      const waits: number[] = [];
      const { client, spans } = traced({ sequence: [{ fixture: "errors/500.json" }, { fixture: "errors/429.json" }, {}] }, { retryDelay: ({ attempt }) => (waits.push(attempt), attempt * 7) });
      await client.chat.completions.create({ model: "default", messages: HELLO });
      const span = only(spans());
      expect(span.events.map((e) => [e.name, e.attributes])).toEqual([
        ["deepinfra.retry", { "deepinfra.retry.attempt": 1, "deepinfra.retry.delay_ms": 7, [ATTR_ERROR_TYPE]: "InternalServerError" }],
        ["deepinfra.retry", { "deepinfra.retry.attempt": 2, "deepinfra.retry.delay_ms": 14, [ATTR_ERROR_TYPE]: "RateLimitError" }],
      ]);
      expect(waits).toEqual([1, 2]);
      expect(span.status.code).toBe(SpanStatusCode.UNSET);
    });

    it("a fallback is a span event; the span names the requested model, gen_ai.response.model the one that served", async () => {
      const { client, spans } = traced({ fixture: "errors/404-path.json" }, { fallback: ["small"], maxRetries: 0 });
      // The scenario answers 404 to every request: both models fail, and the span says so once.
      await rejection(client.chat.completions.create({ model: "default", messages: HELLO }));
      const span = only(spans());
      expect(span.name).toBe("chat openchat/openchat-3.6-8b");
      expect(span.events.map((e) => [e.name, e.attributes])).toEqual([["deepinfra.fallback", { "deepinfra.fallback.from": "openchat/openchat-3.6-8b", "deepinfra.fallback.to": "microsoft/WizardLM-2-7B", [ATTR_ERROR_TYPE]: "NotFoundError" }]]);
      expect(span.attributes[ATTR_ERROR_TYPE]).toBe("AllModelsFailedError");

      const served = traced({ sequence: [{ fixture: "errors/404-path.json" }, {}] }, { fallback: ["small"], maxRetries: 0 });
      const reply = await served.client.chat.completions.create({ model: "default", messages: HELLO });
      expect(reply.model).toBe("microsoft/WizardLM-2-7B");
      expect(only(served.spans()).attributes[ATTR_GEN_AI_RESPONSE_MODEL]).toBe("microsoft/WizardLM-2-7B");
    });

    it("a stream: the span ends when the stream ends, with time to first chunk as attribute and event, and the finished answer's attributes", async () => {
      const { client, spans, histograms } = traced({ chunkSize: 200, chunkDelayMs: 5 });
      const stream = await client.chat.completions.create({ model: "default", messages: HELLO, stream: true });
      expect(spans()).toEqual([]);
      let text = "";
      for await (const piece of stream.textStream()) text += piece;
      expect(text).toBe("Hello there!");
      await new Promise((resolve) => setTimeout(resolve, 0));
      const span = only(spans());
      expect(span.status.code).toBe(SpanStatusCode.UNSET);
      expect(span.attributes).toMatchObject({
        [ATTR_GEN_AI_REQUEST_STREAM]: true,
        [ATTR_GEN_AI_RESPONSE_ID]: "chatcmpl-7b2f1c9e4a",
        [ATTR_GEN_AI_RESPONSE_MODEL]: "meta-llama/Meta-Llama-3.1-8B-Instruct",
        [ATTR_GEN_AI_RESPONSE_FINISH_REASONS]: ["stop"],
        [ATTR_GEN_AI_USAGE_INPUT_TOKENS]: 10,
        [ATTR_GEN_AI_USAGE_OUTPUT_TOKENS]: 4,
      });
      const ttfc = span.attributes[ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK] as number;
      expect(ttfc).toBeGreaterThanOrEqual(0);
      expect(span.events.map((e) => [e.name, e.attributes])).toEqual([["deepinfra.first_chunk", { [ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK]: ttfc }]]);
      expect((await histograms()).get("gen_ai.client.operation.time_to_first_chunk")?.dataPoints[0]?.value.count).toBe(1);
    });

    it("a stream left early (break) is not a failure: the span ends without error status, with a cancelled event and what had arrived", async () => {
      const { client, spans } = traced({ chunkSize: 200, chunkDelayMs: 20 });
      const stream = await client.chat.completions.create({ model: "default", messages: HELLO, stream: true });
      for await (const _ of stream) break;
      await new Promise((resolve) => setTimeout(resolve, 0));
      const span = only(spans());
      expect(span.status.code).not.toBe(SpanStatusCode.ERROR);
      expect(span.attributes[ATTR_ERROR_TYPE]).toBeUndefined();
      expect(span.events.map((e) => e.name)).toContain("deepinfra.cancelled");
      expect(span.attributes[ATTR_GEN_AI_RESPONSE_ID]).toBe("chatcmpl-7b2f1c9e4a");
    });

    it("a stream aborted before anyone read it still ends its span, as cancelled", async () => {
      const { client, spans } = traced({ linger: true });
      const stream = await client.chat.completions.create({ model: "default", messages: HELLO, stream: true });
      stream.abort();
      await new Promise((resolve) => setTimeout(resolve, 20));
      const span = only(spans());
      expect(span.attributes[ATTR_ERROR_TYPE]).toBeUndefined();
      expect(span.events.map((e) => e.name)).toContain("deepinfra.cancelled");
    });

    it("a stream that fails midway: the span ends with the failure's error.type", async () => {
      const { client, spans } = traced({ resetAfterBytes: 500 }, { maxRetries: 0 });
      const stream = await client.chat.completions.create({ model: "default", messages: HELLO, stream: true });
      expect((await rejection(stream.finalCompletion())).name).toBe("APIConnectionError");
      await new Promise((resolve) => setTimeout(resolve, 0));
      const span = only(spans());
      expect(span.status.code).toBe(SpanStatusCode.ERROR);
      expect(span.attributes[ATTR_ERROR_TYPE]).toBe("APIConnectionError");
    });

    it("completions and embeddings: `text_completion {model}` and `embeddings {model}`", async () => {
      const { client, spans } = traced();
      await client.completions.create({ model: "default", prompt: "Once upon a time", max_tokens: 12 });
      await client.embeddings.create({ model: "default", input: ["alpha", "beta"] });
      const [completion, embedding] = spans() as [ReadableSpan, ReadableSpan];
      expect(completion.name).toBe("text_completion openchat/openchat-3.6-8b");
      expect(completion.attributes[ATTR_GEN_AI_OPERATION_NAME]).toBe(GEN_AI_OPERATION_NAME_VALUE_TEXT_COMPLETION);
      expect(completion.attributes[ATTR_GEN_AI_REQUEST_MAX_TOKENS]).toBe(12);
      expect(embedding.name).toBe("embeddings BAAI/bge-base-en-v1.5");
      expect(embedding.attributes).toMatchObject({
        [ATTR_GEN_AI_OPERATION_NAME]: GEN_AI_OPERATION_NAME_VALUE_EMBEDDINGS,
        [ATTR_GEN_AI_REQUEST_ENCODING_FORMATS]: ["float"],
        [ATTR_GEN_AI_EMBEDDINGS_DIMENSION_COUNT]: 8,
        [ATTR_GEN_AI_USAGE_INPUT_TOKENS]: 2,
        [ATTR_GEN_AI_RESPONSE_MODEL]: "BAAI/bge-base-en-v1.5",
      });
      expect(embedding.attributes[ATTR_GEN_AI_USAGE_OUTPUT_TOKENS]).toBeUndefined();
    });

    it("prompts and answers only with recordContent: true, in the conventions' message form", async () => {
      const off = traced();
      await off.client.chat.completions.create({ model: "default", messages: [{ role: "system", content: "Be brief." }, ...HELLO] });
      expect(Object.keys(only(off.spans()).attributes).filter((k) => k.includes("messages"))).toEqual([]);

      const on = traced(undefined, { recordContent: true });
      await on.client.chat.completions.create({ model: "default", messages: [{ role: "system", content: "Be brief." }, ...HELLO] });
      const attributes: Attributes = only(on.spans()).attributes;
      expect(JSON.parse(attributes[ATTR_GEN_AI_INPUT_MESSAGES] as string)).toEqual([
        { role: "system", parts: [{ type: "text", content: "Be brief." }] },
        { role: "user", parts: [{ type: "text", content: "Hello" }] },
      ]);
      expect(JSON.parse(attributes[ATTR_GEN_AI_OUTPUT_MESSAGES] as string)).toEqual([
        { role: "assistant", parts: [{ type: "text", content: "Hello! It's nice to meet you. Is there something I can help you with?" }], finish_reason: "stop" },
      ]);
    });

    it("the key is in no span: name, attributes, events or status, content recorded, an error that echoed it", async () => {
      const all: ReadableSpan[] = [];
      const ok = traced(undefined, { recordContent: true, fallback: ["small"] });
      await ok.client.chat.completions.create({ model: "default", messages: HELLO });
      const stream = await ok.client.chat.completions.create({ model: "default", messages: HELLO, stream: true });
      await stream.finalCompletion();
      await ok.client.embeddings.create({ model: "default", input: "x" });
      const echo = traced({ echoAuth: true }, { recordContent: true, fallback: ["small"], maxRetries: 1 });
      await rejection(echo.client.chat.completions.create({ model: "default", messages: HELLO }));
      const retried = traced({ sequence: [{ status: 500, echoAuth: true }, {}] }, { recordContent: true });
      await retried.client.chat.completions.create({ model: "default", messages: HELLO });
      await new Promise((resolve) => setTimeout(resolve, 0));
      all.push(...ok.spans(), ...echo.spans(), ...retried.spans());
      expect(all).toHaveLength(5);
      for (const span of all) expect(spanText(span)).not.toContain(FAKE_KEY);
      // The echoed key really was in the answer, and was scrubbed from what the span kept.
      expect(spanText(echo.spans()[0] as ReadableSpan)).toContain("bad key");
    });
  });
}
