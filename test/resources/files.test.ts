import { describe, expect, expectTypeOf, it } from "vitest";
import { APIUserAbortError, NotFoundError, ValidationError, type FileObject } from "../../src/index.js";
import { recordedRequests, waitClosed } from "../helpers.js";
import { FAKE_KEY, everythingIn, rejection, testClient } from "../setup-client.js";

const JSONL = '{"custom_id":"a","method":"POST","url":"/v1/embeddings","body":{"model":"BAAI/bge-m3","input":"x"}}\n';
const utf8 = (text: string) => new TextEncoder().encode(text);
const base64 = (text: string) => btoa(String.fromCharCode(...utf8(text)));

describe("files", () => {
  it("create uploads multipart { file, purpose } to /v1/openai/files and returns the FileObject", async () => {
    const { client, testId } = testClient();
    const file = await client.files.create({ file: JSONL, purpose: "batch", expires_after: { anchor: "created_at", seconds: 3600 } });
    expect(file).toMatchObject({ object: "file", bytes: utf8(JSONL).length, filename: "batch.jsonl", purpose: "batch" });
    expect(file.id).toMatch(/^file-\d+$/);
    expect(file.expires_at).toBe(file.created_at + 3600);
    expectTypeOf(file).toEqualTypeOf<FileObject>();
    const [request] = await recordedRequests(testId);
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/v1/openai/files");
    expect(request?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(request?.parts).toEqual([
      { name: "file", filename: "batch.jsonl", type: "application/jsonl", size: utf8(JSONL).length, value: base64(JSONL) },
      { name: "purpose", filename: null, type: null, size: 5, value: "batch" },
      { name: "expires_after[anchor]", filename: null, type: null, size: 10, value: "created_at" },
      { name: "expires_after[seconds]", filename: null, type: null, size: 4, value: "3600" },
    ]);
  });

  it("takes a File (its name), a Uint8Array, an ArrayBuffer and a ReadableStream, all with the same bytes", async () => {
    const { client, testId } = testClient();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(utf8(JSONL.slice(0, 10)));
        controller.enqueue(utf8(JSONL.slice(10)));
        controller.close();
      },
    });
    const inputs = [new File([JSONL], "mine.jsonl", { type: "application/jsonl" }), utf8(JSONL), utf8(JSONL).buffer, stream];
    for (const file of inputs) await client.files.create({ file, purpose: "batch" });
    const parts = (await recordedRequests(testId)).map((r) => r.parts?.[0]);
    expect(parts.map((p) => p?.filename)).toEqual(["mine.jsonl", "batch.jsonl", "batch.jsonl", "batch.jsonl"]);
    for (const part of parts) expect(part?.value).toBe(base64(JSONL));
  });

  it("retrieve, list, content (a Response), text and delete, with OpenAI's paths and shapes", async () => {
    const { client, testId } = testClient();
    const file = await client.files.create({ file: JSONL, purpose: "batch", filename: "in.jsonl" });
    expect(await client.files.retrieve(file.id)).toEqual(file);
    const page = await client.files.list({ purpose: "batch", limit: 1000 });
    expect(page.object).toBe("list");
    expect(page.data.find((f) => f.id === file.id)).toEqual(file);
    const content = await client.files.content(file.id);
    expect(content).toBeInstanceOf(Response);
    expect(content.headers.get("content-type")).toBe("application/jsonl");
    expect(new TextDecoder().decode(await content.arrayBuffer())).toBe(JSONL);
    expect(await client.files.text(file.id)).toBe(JSONL);
    expect(await client.files.delete(file.id)).toEqual({ id: file.id, object: "file", deleted: true });
    const gone = await rejection(client.files.retrieve(file.id));
    expect(gone).toBeInstanceOf(NotFoundError);
    expect(gone.message).toContain(`File ${file.id} not found`);
    const requests = (await recordedRequests(testId)).map((r) => `${r.method} ${r.path}`);
    expect(requests).toEqual([
      "POST /v1/openai/files",
      `GET /v1/openai/files/${file.id}`,
      "GET /v1/openai/files",
      `GET /v1/openai/files/${file.id}/content`,
      `GET /v1/openai/files/${file.id}/content`,
      `DELETE /v1/openai/files/${file.id}`,
      `GET /v1/openai/files/${file.id}`,
    ]);
  });

  it("sends list filters as the query string (purpose, limit, after, order) and encodes ids in paths", async () => {
    const { client } = testClient();
    const purpose = `test-${crypto.randomUUID()}`;
    const ids: string[] = [];
    for (const name of ["a", "b", "c"]) ids.push((await client.files.create({ file: JSONL, purpose, filename: `${name}.jsonl` })).id);
    const newest = await client.files.list({ purpose, limit: 2 });
    expect(newest.data.map((f) => f.id)).toEqual([ids[2], ids[1]]);
    expect(newest.has_more).toBe(true);
    const rest = await client.files.list({ purpose, limit: 2, after: newest.last_id });
    expect(rest.data.map((f) => f.id)).toEqual([ids[0]]);
    const oldest = await client.files.list({ purpose, order: "asc", limit: 1 });
    expect(oldest.data.map((f) => f.filename)).toEqual(["a.jsonl"]);
    // The 404 names the URL that was tried: the id is encoded as one path segment.
    const error = await rejection(client.files.retrieve("file a/b"));
    expect(error.message).toContain("/v1/openai/files/file%20a%2Fb");
  });

  it("refuses a missing file or purpose and empty ids before sending", async () => {
    const { client, testId } = testClient();
    const cases: Array<[Promise<unknown>, string]> = [
      [client.files.create({ file: 42, purpose: "batch" } as never), "Invalid files.create params: file must be a string, a ReadableStream, an ArrayBuffer, a Blob or a Uint8Array (was a number)"],
      [client.files.create({ file: JSONL } as never), 'Invalid files.create params: purpose must be a non-empty string such as "batch" (was missing)'],
      [client.files.retrieve(""), 'Invalid files.retrieve params: fileId must be a non-empty string (was "")'],
      [Promise.resolve(client.files.list({ order: "newest" as never })), 'Invalid files.list params: order must be "asc" or "desc" (was "newest")'],
    ];
    for (const [pending, message] of cases) {
      const error = await rejection(pending);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.message).toBe(message);
    }
    expect(await recordedRequests(testId)).toHaveLength(0);
  });

  it("a refused upload is a typed error without the key, and an answer that is not a file is an APIError", async () => {
    expect(everythingIn(await rejection(testClient({ echoAuth: true }).client.files.create({ file: JSONL, purpose: "batch" })))).not.toContain(FAKE_KEY);
    const odd = await rejection(testClient({ body: { ok: true } }).client.files.create({ file: JSONL, purpose: "batch" }));
    expect(odd.message).toMatch(/^files.create: the response is not the expected object\./);
  });

  it("a signal aborts content() while its body streams", async () => {
    const { client, testId } = testClient({ body: "x".repeat(100), stallAfterBytes: 10 });
    const controller = new AbortController();
    const response = await client.files.content("file-1", { signal: controller.signal });
    const reading = response.arrayBuffer();
    setTimeout(() => controller.abort(), 50);
    expect(await rejection(reading)).toBeInstanceOf(APIUserAbortError);
    expect((await waitClosed(testId)).clientClosed).toBe(true);
  });
});
