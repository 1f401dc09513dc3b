import { describe, expect, expectTypeOf, it } from "vitest";
import { APIError, APIUserAbortError, UnprocessableEntityError, ValidationError, type RerankResponse, type UsageEvent } from "../../src/index.js";
import { recordedRequests, waitClosed } from "../helpers.js";
import { FAKE_KEY, everythingIn, rejection, testClient } from "../setup-client.js";

const QWEN = "Qwen/Qwen3-Reranker-4B";
const DOCS = ["Berlin is the capital of Germany.", "Paris is the capital of France.", "France is in Europe."];
const QUERY = "capital of France";

describe("rerank", () => {
  it("sends DeepInfra's native body (queries, one per document) to /v1/inference/{model} and returns scores in document order", async () => {
    const { client, testId } = testClient();
    const out = await client.rerank({ model: QWEN, query: QUERY, documents: DOCS, instruction: "Given a question, find passages" });
    const [request] = await recordedRequests(testId);
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe(`/v1/inference/${QWEN}`);
    expect(request?.json).toEqual({ queries: [QUERY, QUERY, QUERY], documents: DOCS, instruction: "Given a question, find passages" });
    // The upstream scores the share of the query's words found in the document.
    expect(out.scores).toEqual([0.6667, 1, 0.3333]);
    expect(out.results).toEqual([
      { index: 1, relevance_score: 1, document: DOCS[1] },
      { index: 0, relevance_score: 0.6667, document: DOCS[0] },
      { index: 2, relevance_score: 0.3333, document: DOCS[2] },
    ]);
    expect(out.usage).toEqual({ prompt_tokens: 25, total_tokens: 25, estimated_cost: 6.25e-7 });
    expect(out.request_id).toMatch(/^RqRerank\d+$/);
    expect(out.inference_status?.status).toBe("succeeded");
    expectTypeOf(out).toEqualTypeOf<RerankResponse>();
  });

  it("accepts queries: [q] (broadcast) and one query per document (pairs), and cuts results to top_n", async () => {
    const { client, testId } = testClient();
    const broadcast = await client.rerank({ model: QWEN, queries: [QUERY], documents: DOCS, top_n: 1 });
    expect(broadcast.scores).toEqual([0.6667, 1, 0.3333]);
    expect(broadcast.results).toEqual([{ index: 1, relevance_score: 1, document: DOCS[1] }]);
    const pairs = await client.rerank({ model: QWEN, queries: ["Germany", "Germany", "Europe"], documents: DOCS });
    expect(pairs.scores).toEqual([1, 0, 1]);
    // Equal scores keep document order.
    expect(pairs.results.map((r) => r.index)).toEqual([0, 2, 1]);
    const bodies = (await recordedRequests(testId)).map((r) => r.json);
    expect(bodies).toEqual([
      { queries: [QUERY, QUERY, QUERY], documents: DOCS },
      { queries: ["Germany", "Germany", "Europe"], documents: DOCS },
    ]);
  });

  it("falls back to { query } once when the model's 422 asks for it, and remembers the model", async () => {
    const { client, testId } = testClient();
    const model = "cross-encoder/ms-marco-MiniLM-L-12-v2";
    const first = await client.rerank({ model, query: QUERY, documents: DOCS });
    expect(first.scores).toEqual([0.6667, 1, 0.3333]);
    await client.rerank({ model, query: "Germany", documents: DOCS });
    const requests = await recordedRequests(testId);
    expect(requests.map((r) => [r.status, r.json])).toEqual([
      [422, { queries: [QUERY, QUERY, QUERY], documents: DOCS }],
      [200, { query: QUERY, documents: DOCS }],
      [200, { query: "Germany", documents: DOCS }],
    ]);
  });

  it("reads a Cohere-style `results` answer (any order) into document order", async () => {
    const body = { results: [{ index: 2, relevance_score: 0.1 }, { index: 0, relevance_score: 0.9 }, { index: 1, score: 0.5 }] };
    const out = await testClient({ body }).client.rerank({ model: QWEN, query: QUERY, documents: DOCS });
    expect(out.scores).toEqual([0.9, 0.5, 0.1]);
    expect(out.usage).toBeUndefined();
    expect("results" in out && out.results.map((r) => r.index)).toEqual([0, 1, 2]);
  });

  it("never returns a short or broken list: wrong count, missing index or NaN is an APIError", async () => {
    for (const body of [{ scores: [0.1, 0.2] }, { scores: [0.1, "x", 0.3] }, { results: [{ index: 0, relevance_score: 1 }, { index: 0, relevance_score: 1 }, { index: 1, relevance_score: 1 }] }, { data: [] }, { nothing: true }]) {
      const error = await rejection(testClient({ body }).client.rerank({ model: QWEN, query: QUERY, documents: DOCS }));
      expect(error, JSON.stringify(body)).toBeInstanceOf(APIError);
      expect(error.message).toMatch(/^rerank: the answer does not hold one finite score for each of the 3 documents\. \(request req-\d+\)$/);
    }
    const failed = await rejection(testClient({ body: { scores: [1, 1, 1], inference_status: { status: "failed" } } }).client.rerank({ model: QWEN, query: QUERY, documents: DOCS }));
    expect(failed.message).toMatch(/^rerank failed: inference_status.status is "failed" for Qwen\/Qwen3-Reranker-4B/);
  });

  it("counts the cost with the budget as `rerank`", async () => {
    const events: UsageEvent[] = [];
    const { client } = testClient(undefined, { budget: { maxUSD: 1, onUsage: (event) => events.push(event) } });
    await client.rerank({ model: QWEN, query: QUERY, documents: DOCS });
    expect(events.map((e) => [e.endpoint, e.model, e.costUSD])).toEqual([["rerank", QWEN, 6.25e-7]]);
  });

  it("refuses bad parameters before sending", async () => {
    const { client, testId } = testClient();
    const cases: Array<[unknown, string]> = [
      [{ model: QWEN, documents: DOCS }, "Invalid rerank params: query or queries must be given, not both (was missing)"],
      [{ model: QWEN, query: "q", queries: ["q"], documents: DOCS }, 'Invalid rerank params: query or queries must be given, not both (was "q")'],
      [{ model: QWEN, query: "q", documents: [] }, "Invalid rerank params: documents must be a non-empty array (was [])"],
      [{ model: QWEN, query: "q", documents: ["a", 2] }, "Invalid rerank params: documents[1] must be a string (was a number)"],
      [{ model: QWEN, queries: ["a", "b"], documents: DOCS }, 'Invalid rerank params: queries must be 1 query or one per document (3) (was 2 queries)'],
      [{ model: "../v1/openai/files", query: "q", documents: DOCS }, 'Invalid rerank params: model must be a model id such as "owner/name" or "owner/name:version" (was "../v1/openai/files")'],
      [{ model: QWEN, query: "q", documents: DOCS, top_n: 0 }, "Invalid rerank params: top_n must be at least 1 (was 0)"],
    ];
    for (const [params, message] of cases) {
      const error = await rejection(client.rerank(params as never));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.message).toBe(message);
    }
    expect(await recordedRequests(testId)).toHaveLength(0);
  });

  it("a 422 that is not about `query` is thrown as is, key scrubbed", async () => {
    const { client, testId } = testClient();
    const error = await rejection(client.rerank({ model: QWEN, queries: ["a", "b"], documents: DOCS }, { validate: false }));
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.message).toMatch(/^422 queries: queries and documents must have the same length/);
    expect(await recordedRequests(testId)).toHaveLength(1);
    expect(everythingIn(await rejection(testClient({ echoAuth: true }).client.rerank({ model: QWEN, query: QUERY, documents: DOCS })))).not.toContain(FAKE_KEY);
  });

  it("a signal aborts the call and the upstream sees the socket close", async () => {
    const { client, testId } = testClient({ headersDelayMs: 5_000 });
    const controller = new AbortController();
    const pending = client.rerank({ model: QWEN, query: QUERY, documents: DOCS }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(await rejection(pending)).toBeInstanceOf(APIUserAbortError);
    expect((await waitClosed(testId)).clientClosed).toBe(true);
  });
});
