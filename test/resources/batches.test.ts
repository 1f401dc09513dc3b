import { describe, expect, expectTypeOf, it } from "vitest";
import {
  APIUserAbortError,
  BadRequestError,
  BatchFailedError,
  BatchLineError,
  ValidationError,
  type Batch,
  type BatchProgress,
  type BatchRunResult,
  type ChatCompletion,
  type CreateEmbeddingResponse,
  type UsageEvent,
} from "../../src/index.js";
import { recordedRequests } from "../helpers.js";
import { rejection, testClient } from "../setup-client.js";

const EMBED = "BAAI/bge-m3";
const CHAT = "meta-llama/Meta-Llama-3.1-8B-Instruct";
const FAST = { pollInterval: 1, maxPollInterval: 4 };

describe("batches (OpenAI shapes)", () => {
  it("create sends completion_window 24h and metadata null by default; retrieve moves one step per poll; list and cancel", async () => {
    const { client, testId } = testClient();
    const file = await client.files.create({ file: `{"custom_id":"a","method":"POST","url":"/v1/embeddings","body":{"model":"${EMBED}","input":"x"}}\n`, purpose: "batch" });
    const batch = await client.batches.create({ input_file_id: file.id, endpoint: "/v1/embeddings" });
    expect(batch).toMatchObject({ object: "batch", status: "validating", input_file_id: file.id, endpoint: "/v1/embeddings", completion_window: "24h", metadata: null });
    expectTypeOf(batch).toEqualTypeOf<Batch>();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await client.batches.retrieve(batch.id)).status);
    expect(statuses).toEqual(["in_progress", "in_progress", "finalizing", "completed"]);
    const page = await client.batches.list({ limit: 100 });
    expect(page.data.find((b) => b.id === batch.id)?.status).toBe("completed");
    const refused = await rejection(client.batches.cancel(batch.id));
    expect(refused).toBeInstanceOf(BadRequestError);
    expect(refused.message).toMatch(/^400 Cannot cancel a batch with status completed\./);
    const requests = await recordedRequests(testId);
    expect(requests[1]?.json).toEqual({ input_file_id: file.id, endpoint: "/v1/embeddings", completion_window: "24h", metadata: null });
    expect(requests.map((r) => `${r.method} ${r.path}`).slice(1)).toEqual([
      "POST /v1/openai/batches",
      ...Array(4).fill(`GET /v1/openai/batches/${batch.id}`),
      "GET /v1/openai/batches",
      `POST /v1/openai/batches/${batch.id}/cancel`,
    ]);
  });

  it("cancel moves a running batch through cancelling to cancelled", async () => {
    const { client } = testClient();
    const file = await client.files.create({ file: `{"custom_id":"a","method":"POST","url":"/v1/embeddings","body":{"model":"${EMBED}","input":"x"}}\n`, purpose: "batch" });
    const batch = await client.batches.create({ input_file_id: file.id, endpoint: "/v1/embeddings", completion_window: "24h", metadata: { job: "t" } });
    expect((await client.batches.cancel(batch.id)).status).toBe("cancelling");
    expect((await client.batches.wait(batch.id, FAST)).status).toBe("cancelled");
  });

  it("refuses bad create parameters before sending", async () => {
    const { client, testId } = testClient();
    const cases: Array<[unknown, string]> = [
      [{ endpoint: "/v1/embeddings" }, "Invalid batches.create params: input_file_id must be a non-empty string (was missing)"],
      [{ input_file_id: "f", endpoint: "embeddings" }, 'Invalid batches.create params: endpoint must be an API path such as "/v1/chat/completions" (was "embeddings")'],
      [{ input_file_id: "f", endpoint: "/v1/embeddings", metadata: { n: 1 } }, "Invalid batches.create params: metadata.n must be a string (was a number)"],
    ];
    for (const [params, message] of cases) {
      const error = await rejection(client.batches.create(params as never));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.message).toBe(message);
    }
    expect((await rejection(client.batches.retrieve(""))).message).toBe('Invalid batches.retrieve params: batchId must be a non-empty string (was "")');
    expect(await recordedRequests(testId)).toHaveLength(0);
  });
});

describe("batches.run", () => {
  it("embeds through the Batch API: results in input order from an out-of-order output, a failed line typed, progress reported", async () => {
    const { client, testId } = testClient(undefined, { embeddingAliases: { default: EMBED } });
    const texts = ["alpha beta", "gamma", "[fail] delta", "epsilon zeta eta", "theta"];
    const progress: BatchProgress[] = [];
    const out = await client.batches.run({ endpoint: "/v1/embeddings", requests: texts.map((input) => ({ model: "default", input })) }, { ...FAST, onProgress: (p) => progress.push(p) });
    expectTypeOf(out).toEqualTypeOf<BatchRunResult<CreateEmbeddingResponse>>();
    expect(out.batch.status).toBe("completed");
    expect(out.results.map((r) => [r.index, r.custom_id, r.ok])).toEqual(texts.map((_, i) => [i, `request-${i}`, i !== 2]));
    expect([out.succeeded, out.failed]).toEqual([4, 1]);
    // The same vectors as the real-time endpoint gives for the same texts.
    const live = await client.embeddings.create({ model: "default", input: texts });
    for (const item of out.results) if (item.ok) expect(item.response.data[0]?.embedding).toEqual(live.data[item.index]?.embedding);
    const failed = out.results[2];
    expect(failed?.ok).toBe(false);
    if (failed && !failed.ok) {
      expect(failed.error).toBeInstanceOf(BatchLineError);
      expect(failed.error).toMatchObject({ index: 2, customId: "request-2", code: "http_400", status: 400 });
      expect(failed.error.message).toBe("Request 2 (request-2) failed: 400 Requested input is not acceptable ([fail] marker)");
    }
    expect(out.usage).toMatchObject({ prompt_tokens: 7, total_tokens: 7 });
    expect(progress.map((p) => p.status)).toEqual(["validating", "in_progress", "in_progress", "finalizing", "completed"]);
    expect(progress.map((p) => [p.completed, p.failed, p.total])).toEqual([[0, 0, 0], [0, 0, 5], [2, 0, 5], [2, 0, 5], [4, 1, 5]]);
    const requests = await recordedRequests(testId);
    const id = out.batch.id;
    expect(requests.slice(0, 8).map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /v1/openai/files",
      "POST /v1/openai/batches",
      ...Array(4).fill(`GET /v1/openai/batches/${id}`),
      `GET /v1/openai/files/${out.batch.output_file_id}/content`,
      `GET /v1/openai/files/${out.batch.error_file_id}/content`,
    ]);
    // The JSONL: one line per request, aliases resolved, in input order.
    const upload = atob(requests[0]?.parts?.[0]?.value ?? "");
    expect(upload.trim().split("\n").map((line) => JSON.parse(line))).toEqual(texts.map((input, i) => ({ custom_id: `request-${i}`, method: "POST", url: "/v1/embeddings", body: { model: EMBED, input } })));
    expect(requests[1]?.json).toEqual({ input_file_id: out.batch.input_file_id, endpoint: "/v1/embeddings", completion_window: "24h", metadata: null });
  });

  it("chat requests: a line with no answer at all is missing_result, never a short list; the budget counts the batch", async () => {
    const events: UsageEvent[] = [];
    const { client } = testClient(undefined, { budget: { maxUSD: 1, onUsage: (e) => events.push(e) } });
    const requests = ["one", "[drop] two", "three"].map((content) => ({ model: CHAT, messages: [{ role: "user" as const, content }], max_tokens: 16 }));
    const out = await client.batches.run({ endpoint: "/v1/chat/completions", requests, metadata: { job: "chat" } }, FAST);
    expectTypeOf(out.results[0]).toEqualTypeOf<BatchRunResult<ChatCompletion>["results"][number] | undefined>();
    expect(out.results).toHaveLength(3);
    const [first, dropped, third] = out.results;
    expect(first?.ok && first.response.choices[0]?.message.content).toBe("Batch reply to: one");
    expect(third?.ok && third.response.choices[0]?.message.content).toBe("Batch reply to: three");
    expect(dropped?.ok).toBe(false);
    if (dropped && !dropped.ok) {
      expect(dropped.error.code).toBe("missing_result");
      expect(dropped.error.message).toBe(`Request 1 (request-1) has no line in the output or error file of batch ${out.batch.id} (completed).`);
    }
    expect(out.batch.metadata).toEqual({ job: "chat" });
    expect(out.usage.estimated_cost).toBeCloseTo(2e-7, 12);
    expect(events.map((e) => [e.endpoint, e.model])).toEqual([["batches", CHAT]]);
    expect(events[0]?.costUSD).toBeCloseTo(2e-7, 12);
  });

  it("completions, and an expired batch: answered lines kept, the rest batch_expired", async () => {
    const { client } = testClient();
    const requests = ["a", "b", "c", "d"].map((prompt) => ({ model: CHAT, prompt }));
    const out = await client.batches.run({ endpoint: "/v1/completions", requests, metadata: { upstream: "expire" } }, FAST);
    expect(out.batch.status).toBe("expired");
    expect(out.results.map((r) => (r.ok ? r.response.choices[0]?.text : r.error.code))).toEqual(["Batch reply to: a", "Batch reply to: b", "batch_expired", "batch_expired"]);
  });

  it("a batch that fails validation throws BatchFailedError with the reasons", async () => {
    const { client } = testClient();
    const error = await rejection(client.batches.run({ endpoint: "/v1/embeddings", requests: [{ model: EMBED, input: "x" }], metadata: { upstream: "fail" } }, FAST));
    expect(error).toBeInstanceOf(BatchFailedError);
    expect(error.message).toMatch(/^Batch batch_\d+ ended failed: line 1: Emulated validation failure \(metadata\.upstream = fail\)\.$/);
    expect((error as BatchFailedError).batch.status).toBe("failed");
  });

  it("every call goes through the transport: a 503 on a poll is retried and the run completes", async () => {
    const sequence = [{}, {}, {}, { status: 503, body: { detail: "busy" } }, {}];
    const { client, testId, waits } = testClient({ sequence });
    const out = await client.batches.run({ endpoint: "/v1/embeddings", requests: [{ model: EMBED, input: "x" }] }, FAST);
    expect(out.results.map((r) => r.ok)).toEqual([true]);
    expect((await recordedRequests(testId)).map((r) => r.status).slice(0, 5)).toEqual([200, 200, 200, 503, 200]);
    expect(waits).toHaveLength(1);
  });

  it("abort while polling cancels the batch on DeepInfra and throws APIUserAbortError; cancelOnAbort: false leaves it", async () => {
    for (const cancelOnAbort of [true, false]) {
      const { client, testId } = testClient();
      const controller = new AbortController();
      const statuses: string[] = [];
      const pending = client.batches.run(
        { endpoint: "/v1/embeddings", requests: [{ model: EMBED, input: "x" }] },
        { pollInterval: 60_000, cancelOnAbort, signal: controller.signal, onProgress: (p) => {
          statuses.push(p.status);
          if (p.status === "in_progress") controller.abort();
        } },
      );
      expect(await rejection(pending)).toBeInstanceOf(APIUserAbortError);
      expect(statuses).toEqual(["validating", "in_progress"]);
      const last = (await recordedRequests(testId)).at(-1);
      if (cancelOnAbort) expect(`${last?.method} ${last?.path}`).toMatch(/^POST \/v1\/openai\/batches\/batch_\d+\/cancel$/);
      else expect(last?.method).toBe("GET");
    }
  });

  it("refuses what DeepInfra would refuse before anything is sent, naming the request", async () => {
    const { client, testId } = testClient();
    const cases: Array<[unknown, string]> = [
      [{ endpoint: "/v1/images/generations", requests: [{}] }, 'Invalid batches.run params: endpoint must be "/v1/chat/completions", "/v1/completions" or "/v1/embeddings" (was "/v1/images/generations")'],
      [{ endpoint: "/v1/embeddings", requests: [] }, "Invalid batches.run params: requests must be a non-empty array (was [])"],
      [{ endpoint: "/v1/embeddings", requests: [{ model: EMBED, input: "a" }, { model: "BAAI/bge-large-en-v1.5", input: "b" }] }, 'Invalid batches.run params: requests[1].model must be the model of requests[0] ("BAAI/bge-m3"): a batch runs one model (was "BAAI/bge-large-en-v1.5")'],
      [{ endpoint: "/v1/chat/completions", requests: [{ model: CHAT, messages: [{ role: "user", content: "x" }], stream: true }] }, "Invalid batches.run params: requests[0].stream must be false or absent in a batch (was true)"],
      [{ endpoint: "/v1/chat/completions", requests: [{ model: CHAT, messages: [{ role: "user", content: "x" }] }, { model: CHAT, messages: [{ role: "user", content: "x" }], temperature: 3 }] }, "Invalid batches.run requests[1] params: temperature must be at most 2 (was 3)"],
      [{ endpoint: "/v1/embeddings", requests: Array.from({ length: 50_001 }, () => ({ model: EMBED, input: "x" })) }, "Invalid batches.run params: requests must be at most 50000 items (was 50001 items)"],
    ];
    for (const [params, message] of cases) {
      const error = await rejection(client.batches.run(params as never, FAST));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.message).toBe(message);
    }
    const line = await rejection(client.batches.run({ endpoint: "/v1/chat/completions", requests: [{ model: CHAT, messages: [{ role: "user", content: "x" }], temperature: 3 }] }, FAST));
    expect((line as ValidationError).issues[0]?.path).toEqual(["requests", 0, "temperature"]);
    expect(await recordedRequests(testId)).toHaveLength(0);
  });
});
