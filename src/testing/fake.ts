// A fake DeepInfra as a plain `fetch` handler (web APIs only): pass `fake.fetch` to the client, to Miniflare as an
// outbound service, or use it in a browser test. Answers are scripted per request; unscripted chat requests echo.
import type { FakeDeepInfra, FakeOptions, FakeReply, FakeRequest } from "./types.js";

const JSON_HEADERS = { "content-type": "application/json" };
const SSE_HEADERS = { "content-type": "text/event-stream", "cache-control": "no-cache" };

/**
 * A DeepInfra stand-in for tests: `{ fetch, requests, reply }`.
 * @example
 * const fake = createFakeDeepInfra();
 * fake.reply({ text: "Hello!" }, { toolCalls: [{ name: "get_weather", arguments: { city: "Paris" } }] });
 * const client = new DeepInfra({ apiKey: "test", fetch: fake.fetch });
 */
export function createFakeDeepInfra(options: FakeOptions = {}): FakeDeepInfra {
  const queue: FakeReply[] = [...(options.replies ?? [])];
  const requests: FakeRequest[] = [];
  let counter = 0;

  async function fakeFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const request = await asRequest(input, init);
    const signal = init?.signal ?? request.signal;
    if (signal?.aborted) throw abortError(signal);
    const url = new URL(request.url);
    const text = request.method === "GET" || request.method === "HEAD" ? "" : await request.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (a multipart upload, plain text): kept as text.
    }
    const recorded: FakeRequest = { method: request.method, path: url.pathname, headers: Object.fromEntries(request.headers), body };
    requests.push(recorded);
    const requestId = `fake-req-${++counter}`;
    const base = { "x-request-id": requestId };

    if (options.apiKey !== undefined ? request.headers.get("authorization") !== `Bearer ${options.apiKey}` : !/^bearer \S/i.test(request.headers.get("authorization") ?? "")) {
      return json(401, { detail: "Not authenticated" }, base);
    }
    const scripted = typeof options.handler === "function" ? options.handler(recorded) : undefined;
    const reply = scripted ?? queue.shift();
    const model = (body as { model?: unknown } | undefined)?.model;
    if (reply?.error) return json(reply.error.status, reply.error.body ?? { error: { message: reply.error.message ?? "fake error", type: reply.error.type ?? null } }, { ...base, ...reply.error.headers });
    if (options.models && typeof model === "string" && !options.models.includes(model)) {
      return json(404, { error: { message: `The model \`${model}\` does not exist` } }, base);
    }
    if (reply?.json !== undefined) return json(reply.status ?? 200, reply.json, { ...base, ...reply.headers });

    switch (`${request.method} ${url.pathname}`) {
      case "GET /v1/openai/models":
        return json(200, { object: "list", data: (options.models ?? ["meta-llama/Meta-Llama-3.1-8B-Instruct"]).map((id) => ({ id, object: "model", created: 0, owned_by: "deepinfra" })) }, base);
      case "POST /v1/openai/embeddings":
        return json(200, embeddings(body as { input?: unknown; model?: string }), base);
      case "POST /v1/openai/chat/completions": {
        const params = (body ?? {}) as ChatBody;
        const answer = reply ?? { text: `You said: ${lastUserText(params.messages)}` };
        return params.stream === true ? streamed(params, answer, requestId, base, signal ?? undefined, options.quirks ?? {}) : json(200, completion(params, answer, requestId, options.quirks ?? {}), base);
      }
      default:
        return json(404, { detail: "Not Found" }, base);
    }
  }

  return {
    fetch: fakeFetch,
    requests,
    reply(...replies: FakeReply[]) {
      queue.push(...replies);
    },
  };
}

/** A `Request` of this realm: Miniflare's outbound service hands over its own (undici) Request class. */
async function asRequest(input: string | URL | Request, init?: RequestInit): Promise<Request> {
  if (typeof input === "string" || input instanceof URL || input instanceof Request) return new Request(input, init);
  const foreign = input as Request;
  const body = foreign.method === "GET" || foreign.method === "HEAD" ? undefined : await foreign.arrayBuffer();
  return new Request(foreign.url, { method: foreign.method, headers: [...foreign.headers], body, ...init });
}

interface ChatBody {
  model?: string;
  messages?: Array<{ role?: string; content?: unknown }>;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
}

function json(status: number, value: unknown, headers: Record<string, string>): Response {
  return new Response(JSON.stringify(value), { status, headers: { ...JSON_HEADERS, ...headers } });
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The operation was aborted.", "AbortError");
}

function lastUserText(messages: ChatBody["messages"]): string {
  const last = [...(messages ?? [])].reverse().find((m) => m?.role === "user");
  if (typeof last?.content === "string") return last.content;
  if (Array.isArray(last?.content)) return last.content.map((p: { text?: unknown }) => (typeof p?.text === "string" ? p.text : "")).join(" ");
  return "";
}

function usageOf(params: ChatBody, reply: FakeReply, completionTokens: number) {
  const prompt = JSON.stringify(params.messages ?? []).split(/\s+/).length;
  return { prompt_tokens: prompt, completion_tokens: completionTokens, total_tokens: prompt + completionTokens, estimated_cost: reply.cost ?? (prompt + completionTokens) * 1e-8 };
}

function toolCalls(reply: FakeReply) {
  return reply.toolCalls?.map((call, index) => ({
    id: call.id ?? `call_fake_${index}`,
    type: "function" as const,
    function: { name: call.name, arguments: typeof call.arguments === "string" ? call.arguments : JSON.stringify(call.arguments ?? {}) },
  }));
}

function completion(params: ChatBody, reply: FakeReply, id: string, quirks: NonNullable<FakeOptions["quirks"]>) {
  const text = reply.text ?? (reply.chunks ? reply.chunks.join("") : reply.toolCalls ? null : "");
  const calls = toolCalls(reply);
  const message: Record<string, unknown> = { role: "assistant", content: text };
  if (calls) message.tool_calls = calls;
  if (quirks.reasoning !== undefined) message.reasoning_content = quirks.reasoning;
  return {
    id: `chatcmpl-${id}`,
    object: "chat.completion",
    created: 0,
    model: params.model ?? "fake",
    choices: [{ index: 0, message, finish_reason: reply.finishReason ?? (calls ? "tool_calls" : "stop"), logprobs: null }],
    usage: usageOf(params, reply, (text ?? "").split(/\s+/).filter(Boolean).length),
  };
}

function streamed(params: ChatBody, reply: FakeReply, id: string, headers: Record<string, string>, signal: AbortSignal | undefined, quirks: NonNullable<FakeOptions["quirks"]>): Response {
  const model = params.model ?? "fake";
  const frame = (delta: Record<string, unknown>, finish: string | null, extra: Record<string, unknown> = {}) =>
    `data: ${JSON.stringify({ id: `chatcmpl-${id}`, object: "chat.completion.chunk", created: 0, model, choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }], ...extra })}\n\n`;
  const pieces = reply.chunks ?? (reply.text ?? (reply.toolCalls ? "" : "")).match(/\S+\s*/g) ?? [];
  const events: string[] = [frame({ role: "assistant", content: "" }, null)];
  if (quirks.reasoning !== undefined) events.push(frame({ reasoning_content: quirks.reasoning }, null));
  for (const piece of pieces) events.push(frame({ content: piece }, null));
  (toolCalls(reply) ?? []).forEach((call, index) => {
    const half = Math.ceil(call.function.arguments.length / 2);
    events.push(frame({ tool_calls: [{ index, id: call.id, type: "function", function: { name: call.function.name, arguments: call.function.arguments.slice(0, half) } }] }, null));
    events.push(frame({ tool_calls: [{ index, function: { arguments: call.function.arguments.slice(half) } }] }, null));
  });
  const usage = usageOf(params, reply, pieces.length);
  const finish = reply.finishReason ?? (reply.toolCalls ? "tool_calls" : "stop");
  if (quirks.usageChunk === "separate") events.push(frame({}, finish), `data: ${JSON.stringify({ id: `chatcmpl-${id}`, object: "chat.completion.chunk", created: 0, model, choices: [], usage })}\n\n`);
  else events.push(frame({}, finish, { usage }));
  if (!quirks.noDone) events.push("data: [DONE]\n\n");

  // Where the stream deviates: an error frame, a cut connection or a stall, after `after` content events.
  const fault = reply.errorFrame ? "frame" : reply.cutAfter !== undefined ? "cut" : reply.stallAfter !== undefined ? "stall" : undefined;
  const after = 1 + (reply.errorFrame?.after ?? reply.cutAfter ?? reply.stallAfter ?? 0);
  const encoder = new TextEncoder();
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      signal?.addEventListener("abort", () => controller.error(abortError(signal)), { once: true });
    },
    async pull(controller) {
      if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
      if (fault && index === after) {
        if (fault === "frame") {
          controller.enqueue(encoder.encode(`data: ${JSON.stringify({ error_type: reply.errorFrame!.type ?? "internal_error", error_message: reply.errorFrame!.message })}\n\n`));
          index = Infinity;
          return controller.close();
        }
        if (fault === "cut") return controller.error(new TypeError("fake: the connection was cut"));
        return new Promise<void>(() => {}); // stalled: nothing more until the reader cancels or the signal aborts
      }
      if (index >= events.length) return controller.close();
      controller.enqueue(encoder.encode(events[index++]!));
    },
  });
  return new Response(body, { status: 200, headers: { ...SSE_HEADERS, ...headers } });
}

function embeddings(body: { input?: unknown; model?: string } | undefined) {
  const inputs = typeof body?.input === "string" ? [body.input] : Array.isArray(body?.input) ? (body.input as unknown[]) : [];
  const data = inputs.map((text, index) => ({ object: "embedding", index, embedding: vector(String(text)) }));
  const tokens = inputs.reduce<number>((n, text) => n + String(text).split(/\s+/).filter(Boolean).length, 0);
  return { object: "list", data, model: body?.model ?? "fake", usage: { prompt_tokens: tokens, total_tokens: tokens } };
}

/** A deterministic 8-dimensional vector per text (FNV-1a seeded per dimension), so equal texts embed equally. */
function vector(text: string): number[] {
  return Array.from({ length: 8 }, (_, dim) => {
    let hash = 0x811c9dc5 ^ dim;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    return ((hash >>> 0) % 65536) / 32768 - 1;
  });
}
