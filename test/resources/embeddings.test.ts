import { describe, expect, it } from "vitest";
import { DeepInfra, InternalServerError, ValidationError, decodeFloat32 } from "../../src/index.js";
import { newTestId, recordedRequests, scenarioHeaders, upstreamURL, type Scenario } from "../helpers.js";
import { FAKE_KEY, rejection, testClient } from "../setup-client.js";

/** The upstream's deterministic vector for a text: sha256 read as 8 little-endian int16 / 32768. */
async function expectedVector(text: string): Promise<number[]> {
  const digest = new DataView(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return Array.from({ length: 8 }, (_, i) => digest.getInt16(i * 2, true) / 32768);
}

/** A client whose fetch records each request body, each raw response text, and the order requests start and finish. */
function tracingClient(scenario?: Scenario) {
  const testId = newTestId();
  const trace = { inFlight: 0, maxInFlight: 0, started: [] as string[], finished: [] as string[], wire: [] as string[] };
  const client = new DeepInfra({
    apiKey: FAKE_KEY,
    baseURL: upstreamURL(),
    maxRetries: 0,
    headers: scenarioHeaders(testId, scenario),
    fetch: async (input, init) => {
      const first = (JSON.parse(String(init?.body)) as { input: string | string[] }).input;
      const label = Array.isArray(first) ? String(first[0]) : first;
      trace.started.push(label);
      trace.maxInFlight = Math.max(trace.maxInFlight, ++trace.inFlight);
      try {
        const response = await fetch(input, init);
        trace.wire.push(await response.clone().text());
        trace.finished.push(label);
        return response;
      } finally {
        trace.inFlight--;
      }
    },
  });
  return { client, testId, trace };
}

describe("embeddings.create", () => {
  it("returns float vectors in input order, resolves the alias on the wire and types usage", async () => {
    const { client, testId } = testClient();
    const res = await client.embeddings.create({ model: "default", input: ["alpha", "beta gamma"] });
    expect(res.object).toBe("list");
    expect(res.data.map((d) => d.index)).toEqual([0, 1]);
    expect(res.data[0]?.embedding).toEqual(await expectedVector("alpha"));
    expect(res.data[1]?.embedding).toEqual(await expectedVector("beta gamma"));
    expect(res.usage).toEqual({ prompt_tokens: 3, total_tokens: 3 });
    const [sent] = await recordedRequests(testId);
    expect(sent?.path).toBe("/v1/openai/embeddings");
    expect(sent?.json).toEqual({ model: "BAAI/bge-base-en-v1.5", input: ["alpha", "beta gamma"] });
  });

  it("sends a single string as a string; large and small aliases map to the spec's models; dimensions pass through", async () => {
    const { client, testId } = testClient();
    const one = await client.embeddings.create({ model: "large", input: "hello world", dimensions: 64 });
    await client.embeddings.create({ model: "small", input: "x" });
    expect(one.data).toHaveLength(1);
    expect(one.data[0]?.embedding).toEqual(await expectedVector("hello world"));
    const sent = await recordedRequests(testId);
    expect(sent.map((r) => r.json)).toEqual([
      { model: "BAAI/bge-large-en-v1.5", input: "hello world", dimensions: 64 },
      { model: "BAAI/bge-base-en-v1.5", input: "x" },
    ]);
  });

  it("decodes base64 to Float32Array byte for byte, without Buffer", async () => {
    const { client, trace } = tracingClient();
    const res = await client.embeddings.create({ model: "default", input: ["héllo wörld", "second"], encoding_format: "base64" });
    const wire = JSON.parse(trace.wire[0] as string) as { data: Array<{ embedding: string }> };
    for (const [i, text] of ["héllo wörld", "second"].entries()) {
      const vector = res.data[i]?.embedding as Float32Array;
      expect(vector).toBeInstanceOf(Float32Array);
      expect(Array.from(vector)).toEqual(await expectedVector(text));
      const wireBytes = Uint8Array.from(atob(wire.data[i]?.embedding as string), (c) => c.charCodeAt(0));
      expect(new Uint8Array(vector.buffer)).toEqual(wireBytes);
    }
  });

  it("decodeFloat32 reads little-endian whatever the host order", () => {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setFloat32(0, 1.5, true);
    new DataView(bytes.buffer).setFloat32(4, -0.25, true);
    expect(Array.from(decodeFloat32(btoa(String.fromCharCode(...bytes))))).toEqual([1.5, -0.25]);
    expect(() => decodeFloat32(btoa("abc"))).toThrow(/not a multiple of 4/);
  });

  it("batches with bounded concurrency and keeps input order under shuffled upstream latency", async () => {
    const inputs = Array.from({ length: 10 }, (_, i) => `text-${i}`);
    // Batch 0 answers last, so later batches finish first.
    const { client, testId, trace } = tracingClient({ sequence: [{ headersDelayMs: 400 }, { headersDelayMs: 0 }, { headersDelayMs: 150 }, { headersDelayMs: 0 }] });
    const res = await client.embeddings.create({ model: "default", input: inputs }, { batchSize: 3, concurrency: 2 });
    expect(res.data.map((d) => d.index)).toEqual(inputs.map((_, i) => i));
    for (const [i, text] of inputs.entries()) expect(res.data[i]?.embedding).toEqual(await expectedVector(text));
    expect(res.usage).toEqual({ prompt_tokens: 10, total_tokens: 10 });
    const sent = await recordedRequests(testId);
    expect(sent.map((r) => (r.json as { input: string[] }).input)).toEqual(expect.arrayContaining([inputs.slice(0, 3), inputs.slice(3, 6), inputs.slice(6, 9), inputs.slice(9)]));
    expect(sent).toHaveLength(4);
    expect(trace.maxInFlight).toBe(2);
    // The latency really was shuffled: completion order differs from start order.
    expect(trace.finished).not.toEqual(trace.started);
  });

  it("sums estimated_cost over batches and places vectors by their index", async () => {
    const body = {
      object: "list",
      model: "BAAI/bge-base-en-v1.5",
      data: [
        { object: "embedding", index: 1, embedding: [2, 2] },
        { object: "embedding", index: 0, embedding: [1, 1] },
      ],
      usage: { prompt_tokens: 4, total_tokens: 4, estimated_cost: 0.00000004 },
    };
    const { client } = testClient({ body });
    const res = await client.embeddings.create({ model: "default", input: ["a", "b", "c", "d"] }, { batchSize: 2 });
    expect(res.data.map((d) => d.embedding)).toEqual([[1, 1], [2, 2], [1, 1], [2, 2]]);
    expect(res.usage.prompt_tokens).toBe(8);
    expect(res.usage.estimated_cost).toBeCloseTo(0.00000008, 15);
  });

  it("throws the first failing batch's error and returns nothing", async () => {
    const { client } = testClient({ sequence: [{}, { fixture: "errors/500.json" }] }, { maxRetries: 0 });
    const error = await rejection(client.embeddings.create({ model: "default", input: ["a", "b", "c"] }, { batchSize: 1, concurrency: 1 }));
    expect(error).toBeInstanceOf(InternalServerError);
  });

  it.each([
    [{ input: 5 }, {}, ["input"], "input must be a string or an array (was a number)"],
    [{ input: "x", dimensions: 16 }, {}, ["dimensions"], "dimensions must be at least 32"],
    [{ input: "x", encoding_format: "binary" }, {}, ["encoding_format"], "encoding_format must be"],
    [{ input: "x" }, { batchSize: 0 }, ["options", "batchSize"], "options.batchSize must be"],
    [{ input: "x" }, { batchSize: 1025 }, ["options", "batchSize"], "options.batchSize must be at most 1024 (was 1025)"],
    [{ input: "x" }, { concurrency: 1.5 }, ["options", "concurrency"], "options.concurrency must be"],
  ])("rejects %j %j before any request", async (params, options, path, text) => {
    const { client, testId } = testClient();
    const error = await rejection(client.embeddings.create({ model: "default", ...params } as never, options));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain(text);
    expect((error as ValidationError).issues.map((i) => i.path)).toContainEqual(path);
    expect(await recordedRequests(testId)).toEqual([]);
  });

  it.each([[""], [[]], [["ok", ""]]])("sends %j as is: DeepInfra's model does not refuse empty input", async (input) => {
    const { client, testId } = testClient({ body: { object: "list", data: (Array.isArray(input) ? input : [input]).map((_, index) => ({ object: "embedding", index, embedding: [0.5] })), model: "m", usage: { prompt_tokens: 0, total_tokens: 0 } } });
    const result = await client.embeddings.create({ model: "default", input });
    expect(result.data).toHaveLength(Array.isArray(input) ? input.length : 1);
    expect((await recordedRequests(testId)).map((r) => (r.json as { input: unknown }).input)).toEqual([input]);
  });
});
