// The runtime contract: what must hold for the built package in every runtime it claims (workerd,
// Node, Deno, Bun, Chromium), against the local upstream (test/upstream/server.mjs) over real HTTP.
// The package is passed in (`lib`), so each runtime loads it its own way.
import { check, rejects, same, upstreamControl, type ContractCase } from "./harness.js";

type Lib = typeof import("../../src/index.js");

const KEY = "test-key-never-leaks-contract-5d1e";
const MESSAGES = [{ role: "user" as const, content: "Hi" }];
const STREAM_PARTS = ["Hello", " there", "!"];

/** The contract cases, bound to one package instance and one upstream. */
export function contractCases(lib: Lib, baseURL: string): ContractCase[] {
  const control = upstreamControl(baseURL);
  const session = () => {
    const testId = crypto.randomUUID();
    const client = (scenario?: object, options: Partial<ConstructorParameters<Lib["DeepInfra"]>[0]> = {}) =>
      new lib.DeepInfra({
        apiKey: KEY,
        baseURL,
        maxRetries: 0,
        ...options,
        headers: { "x-test-id": testId, ...(scenario ? { "x-upstream-scenario": JSON.stringify(scenario) } : {}) },
      });
    return { testId, client };
  };
  const noKey = (value: unknown, what: string) => {
    const text = JSON.stringify(value, Object.getOwnPropertyNames(value ?? {})) + String(value) + String((value as Error)?.stack ?? "");
    check(!text.includes(KEY), `${what} contains the API key`);
  };

  return [
    {
      name: "chat: alias resolved on the wire, typed completion back",
      run: async () => {
        const { testId, client } = session();
        const completion = await client().chat.completions.create({ model: "default", messages: MESSAGES });
        check(completion.choices[0]?.message.content?.startsWith("Hello!"), `content was ${completion.choices[0]?.message.content}`);
        check(typeof completion.usage?.estimated_cost === "number", "usage.estimated_cost missing");
        const [request] = await control.requests(testId);
        same(request?.path, "/v1/openai/chat/completions", "path");
        same((request?.json as { model?: string })?.model, "openchat/openchat-3.6-8b", "model sent");
        same(request?.headers.authorization, `Bearer ${KEY}`, "authorization header");
      },
    },
    {
      name: "chat: a bad parameter throws ValidationError before any request",
      run: async () => {
        const { testId, client } = session();
        const error = await rejects(() => client().chat.completions.create({ model: "default", messages: MESSAGES, temperature: 3 }), lib.ValidationError, "temperature 3");
        check(error.message.includes("temperature"), `message does not name the field: ${error.message}`);
        same(error.issues[0]?.path, ["temperature"], "issue path");
        same((await control.requests(testId)).length, 0, "requests sent");
      },
    },
    {
      name: "stream: text deltas, final completion with usage, [DONE]",
      run: async () => {
        const { client } = session();
        const stream = await client().chat.completions.create({ model: "default", messages: MESSAGES, stream: true });
        const parts: string[] = [];
        for await (const text of stream.textStream()) parts.push(text);
        same(parts, STREAM_PARTS, "text parts");
        const final = await stream.finalCompletion();
        same(final.choices[0]?.message.content, STREAM_PARTS.join(""), "final content");
        check(final.usage?.total_tokens, "final usage missing");
      },
    },
    {
      name: "stream: one byte per read decodes the same",
      run: async () => {
        const { client } = session();
        const stream = await client({ chunkSize: 1 }).chat.completions.create({ model: "default", messages: MESSAGES, stream: true });
        const parts: string[] = [];
        for await (const text of stream.textStream()) parts.push(text);
        same(parts, STREAM_PARTS, "text parts");
      },
    },
    {
      name: "stream: toReadableStream passes the SSE bytes through",
      run: async () => {
        const { client } = session();
        const stream = await client().chat.completions.create({ model: "default", messages: MESSAGES, stream: true });
        const text = await new Response(stream.toReadableStream()).text();
        check(text.startsWith("data: {"), `starts with ${JSON.stringify(text.slice(0, 20))}`);
        check(text.trimEnd().endsWith("data: [DONE]"), `ends with ${JSON.stringify(text.slice(-20))}`);
      },
    },
    {
      name: "stream: a body cut short throws IncompleteStreamError",
      run: async () => {
        const { client } = session();
        const stream = await client({ truncateAfterBytes: 600 }).chat.completions.create({ model: "default", messages: MESSAGES, stream: true });
        await rejects(async () => {
          for await (const _ of stream);
        }, lib.IncompleteStreamError, "truncated stream");
      },
    },
    {
      name: "errors: 401 maps to AuthenticationError and never carries the key, even when echoed",
      run: async () => {
        const { client } = session();
        const error = await rejects(() => client({ echoAuth: true }).chat.completions.create({ model: "default", messages: MESSAGES }), lib.AuthenticationError, "echoAuth");
        same(error.status, 401, "status");
        noKey(error, "error");
        noKey(error.body, "error.body");
        noKey(error.headers, "error.headers");
      },
    },
    {
      name: "errors: status → class for 404, 405, 429 and 500",
      run: async () => {
        const cases: Array<[object, abstract new (...args: never[]) => Error]> = [
          [{ fixture: "errors/404-path.json" }, lib.NotFoundError],
          [{ fixture: "errors/405.json" }, lib.UnsupportedFeatureError],
          [{ fixture: "errors/429.json" }, lib.RateLimitError],
          [{ fixture: "errors/500.json" }, lib.InternalServerError],
        ];
        for (const [scenario, type] of cases) {
          const { client } = session();
          await rejects(() => client(scenario).chat.completions.create({ model: "default", messages: MESSAGES }), type, JSON.stringify(scenario));
        }
      },
    },
    {
      name: "errors: a busy 429 is retried after retry-after-ms, then succeeds",
      run: async () => {
        const { testId, client } = session();
        const scenario = { sequence: [{ fixture: "errors/429.json", headers: { "retry-after-ms": "10" } }, {}] };
        const completion = await client(scenario, { maxRetries: 2 }).chat.completions.create({ model: "default", messages: MESSAGES });
        check(completion.choices[0]?.message.content, "no content after retry");
        same((await control.requests(testId)).length, 2, "requests sent");
      },
    },
    {
      name: "errors: an error event mid-stream throws APIError",
      run: async () => {
        const { client } = session();
        const body = 'data: {"choices":[{"index":0,"delta":{"content":"Hel"},"finish_reason":null}]}\n\ndata: {"error":{"message":"Model busy, retry later"}}\n\n';
        const stream = await client({ body, contentType: "text/event-stream" }).chat.completions.create({ model: "default", messages: MESSAGES, stream: true });
        const error = await rejects(async () => {
          for await (const _ of stream);
        }, lib.APIError, "error event");
        check(error.message.includes("Model busy"), `message: ${error.message}`);
      },
    },
    {
      name: "abort: the signal stops a stalled stream and the upstream sees the connection close",
      run: async () => {
        const { testId, client } = session();
        const controller = new AbortController();
        const stream = await client({ stallAfterBytes: 600 }).chat.completions.create({ model: "default", messages: MESSAGES, stream: true }, { signal: controller.signal });
        const parts: string[] = [];
        await rejects(async () => {
          for await (const text of stream.textStream()) {
            parts.push(text);
            controller.abort();
          }
        }, lib.APIUserAbortError, "aborted stream");
        same(parts, ["Hello"], "parts before abort");
        same((await control.closed(testId)).clientClosed, true, "upstream saw the client close");
      },
    },
    {
      name: "abort: breaking out of for-await closes a lingering connection",
      run: async () => {
        const { testId, client } = session();
        const stream = await client({ linger: true, body: 'data: {"choices":[{"index":0,"delta":{"content":"Hello"},"finish_reason":null}]}\n\n', contentType: "text/event-stream" }).chat.completions.create({ model: "default", messages: MESSAGES, stream: true });
        for await (const _ of stream) break;
        same((await control.closed(testId)).clientClosed, true, "upstream saw the client close");
      },
    },
    {
      name: "abort: a stalled stream hits idleTimeout with APITimeoutError",
      run: async () => {
        const { client } = session();
        const stream = await client({ stallAfterBytes: 600 }, { idleTimeout: 300 }).chat.completions.create({ model: "default", messages: MESSAGES, stream: true });
        await rejects(async () => {
          for await (const _ of stream);
        }, lib.APITimeoutError, "idle stream");
      },
    },
    {
      name: "embeddings: float and base64 give the same vectors, in input order",
      run: async () => {
        const { testId, client } = session();
        const input = ["first text", "second text", "third text"];
        const float = await client().embeddings.create({ model: "default", input });
        const packed = await client().embeddings.create({ model: "default", input, encoding_format: "base64" });
        same(float.data.map((d) => d.index), [0, 1, 2], "indexes");
        same(float.data[0]?.embedding.length, 8, "dimensions");
        same(packed.data.map((d) => Array.from(d.embedding)), float.data.map((d) => d.embedding), "base64 vectors");
        const [request] = await control.requests(testId);
        same((request?.json as { model?: string })?.model, "BAAI/bge-base-en-v1.5", "embedding alias sent");
      },
    },
  ];
}
