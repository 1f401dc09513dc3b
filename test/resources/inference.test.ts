import { describe, expect, expectTypeOf, it } from "vitest";
import {
  APIError,
  APIUserAbortError,
  NotFoundError,
  PermissionDeniedError,
  UnprocessableEntityError,
  ValidationError,
  type InferenceResponse,
  type InferenceStatus,
} from "../../src/index.js";
import { recordedRequests, waitClosed } from "../helpers.js";
import { FAKE_KEY, everythingIn, rejection, testClient } from "../setup-client.js";

describe("inference.run", () => {
  it("posts the body to /v1/inference/{model} keeping the slash, and types inference_status", async () => {
    const { client, testId } = testClient();
    const out = await client.inference.run<{ results: Array<{ generated_text: string }> }>("meta-llama/Meta-Llama-3-8B-Instruct", { input: "Once upon a time", max_new_tokens: 8 });
    const [request] = await recordedRequests(testId);
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/v1/inference/meta-llama/Meta-Llama-3-8B-Instruct");
    expect(request?.headers.authorization).toBe(`Bearer ${FAKE_KEY}`);
    expect(request?.json).toEqual({ input: "Once upon a time", max_new_tokens: 8 });
    expect(out.results[0]?.generated_text).toBe("Once upon a time, there was a small robot");
    expect(out.request_id).toBe("Rq7bT2mXc4Lp9Vd1");
    expect(out.inference_status).toEqual({ status: "succeeded", runtime_ms: 231, cost: 0.0000012, tokens_generated: 8, tokens_input: 4 });
    expectTypeOf(out.inference_status).toEqualTypeOf<InferenceStatus | undefined>();
    expectTypeOf(out).toMatchTypeOf<InferenceResponse<{ results: Array<{ generated_text: string }> }>>();
  });

  it("keeps a version suffix in the path and decodes the native embeddings shape", async () => {
    const { client, testId } = testClient();
    const out = await client.inference.run<{ embeddings: number[][]; input_tokens: number }>("BAAI/bge-base-en-v1.5:v2", { inputs: ["a", "b"] });
    expect((await recordedRequests(testId))[0]?.path).toBe("/v1/inference/BAAI/bge-base-en-v1.5:v2");
    expect(out.embeddings).toHaveLength(2);
    expect(out.input_tokens).toBe(9);
    expect(out.inference_status?.cost).toBe(0.00000009);
  });

  it("sends a FormData body as multipart", async () => {
    const { client, testId } = testClient();
    const form = new FormData();
    form.append("audio", new Blob([new Uint8Array([1, 2, 250])], { type: "audio/wav" }), "clip.wav");
    form.append("task", "transcribe");
    const out = await client.inference.run<{ fields: string[] }>("openai/whisper-large-v3", form);
    expect(out.fields).toEqual(["audio", "task"]);
    const [request] = await recordedRequests(testId);
    expect(request?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(request?.parts).toEqual([
      { name: "audio", filename: "clip.wav", type: "audio/wav", size: 3, value: "AQL6" },
      { name: "task", filename: null, type: null, size: 10, value: "transcribe" },
    ]);
  });

  it("maps the upstream's FastAPI validation detail (array) to UnprocessableEntityError", async () => {
    const { client } = testClient();
    const error = await rejection(client.inference.run("meta-llama/Meta-Llama-3-8B-Instruct", { input: 42 }));
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.message).toBe(`422 input: str type expected (request ${(error as APIError).requestId})`);
    expect((error as APIError).body).toEqual({ detail: [{ loc: ["body", "input"], msg: "str type expected", type: "type_error.str" }] });
  });

  it("reads detail as a string or an {error} object, mapped by status", async () => {
    const notFound = await rejection(testClient({ status: 404, body: { detail: "Model is not available" } }).client.inference.run("acme/gone", { input: "x" }));
    expect(notFound).toBeInstanceOf(NotFoundError);
    expect(notFound.message).toMatch(/^404 Model is not available/);
    const denied = await rejection(testClient({ status: 403, body: { detail: { error: "Not authenticated" } } }).client.inference.run("acme/m", { input: "x" }));
    expect(denied).toBeInstanceOf(PermissionDeniedError);
    expect(denied.message).toMatch(/^403 Not authenticated/);
  });

  it("throws when a 200 body reports inference_status failed", async () => {
    const { client } = testClient({ body: { request_id: "r1", inference_status: { status: "failed" }, error: "CUDA out of memory" } });
    const error = await rejection(client.inference.run("acme/m", { input: "x" }));
    // An error envelope in a 2xx body is already an APIError from readJSON.
    expect(error).toBeInstanceOf(APIError);
    expect(error.message).toContain("CUDA out of memory");
    const quiet = await rejection(testClient({ body: { request_id: "r2", inference_status: { status: "failed" } } }).client.inference.run("acme/m", { input: "x" }));
    expect(quiet).toBeInstanceOf(APIError);
    expect(quiet.message).toMatch(/^Inference failed: inference_status.status is "failed" for acme\/m \(request req-\d+\)$/);
    expect((quiet as APIError).requestId).toMatch(/^req-\d+$/);
  });

  it("rejects malformed model ids and bodies before any request", async () => {
    const { client, testId } = testClient();
    for (const model of ["", "../v1/openai/models", "a b", "owner/name?x=1", "owner//name", "/lead"]) {
      const error = await rejection(client.inference.run(model, { input: "x" }));
      expect(error, model).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]?.path, model).toEqual(["model"]);
    }
    const array = await rejection(client.inference.run("acme/m", [] as never));
    expect((array as ValidationError).issues[0]?.path).toEqual(["body"]);
    const streaming = await rejection(client.inference.run("acme/m", { input: "x", stream: true }));
    expect(streaming.message).toContain("body.stream must be false or absent");
    expect(await recordedRequests(testId)).toHaveLength(0);
  });

  it("a signal aborts the call and the upstream sees the socket close", async () => {
    const { client, testId } = testClient({ headersDelayMs: 5_000 });
    const controller = new AbortController();
    const pending = client.inference.run("acme/m", { input: "x" }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(await rejection(pending)).toBeInstanceOf(APIUserAbortError);
    expect((await waitClosed(testId)).clientClosed).toBe(true);
  });

  it("never puts the key in an error, even when the server echoes it", async () => {
    const error = await rejection(testClient({ echoAuth: true }).client.inference.run("acme/m", { input: "x" }));
    expect(everythingIn(error)).not.toContain(FAKE_KEY);
  });
});
