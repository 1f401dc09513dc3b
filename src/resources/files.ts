import { toBlob } from "../binary.js";
import { APIPromise } from "../api-promise.js";
import { bodyStream } from "../body-reader.js";
import { apiErrorFor, readJSON } from "../response.js";
import { validateFileCreateParams, validateFileListParams, validateId } from "../schema/newer-api.js";
import type { FileCreateParams, FileDeleted, FileInput, FileList, FileListParams, FileObject } from "../types/files.js";
import type { OpenResponse, RequestOptions, RequestSpec } from "../types/request.js";
import { withAccept, type ResourceContext } from "./context.js";
import { PageList } from "./page-list.js";

const ROOT = "/v1/openai/files";

/**
 * `client.files`: DeepInfra's OpenAI-compatible Files API (`/v1/openai/files`), with openai-node's method
 * names and shapes, so ported code runs. Its one use today is Batch API input and output.
 */
export class Files {
  constructor(protected readonly context: ResourceContext) {}

  /**
   * Uploads a file (multipart). JSONL text, bytes, a `Blob`/`File` or a `ReadableStream` (buffered first:
   * a multipart part needs its size, and a retry needs the bytes again).
   * @throws ValidationError for a missing file or purpose; APIError subclasses for refusals.
   * @example
   * const file = await client.files.create({ file: lines.join("\n"), purpose: "batch" });
   */
  create(params: FileCreateParams, options?: RequestOptions): APIPromise<FileObject> {
    return new APIPromise(
      (async () => {
        if (options?.validate ?? this.context.validate) validateFileCreateParams(params);
        const form = new FormData();
        const blob = await toBlob(params.file, "application/jsonl");
        form.append("file", blob, params.filename ?? nameOf(params.file) ?? "batch.jsonl");
        form.append("purpose", params.purpose);
        // openai-node's multipart spelling of a nested object.
        for (const [key, value] of Object.entries(params.expires_after ?? {})) if (value != null) form.append(`expires_after[${key}]`, String(value));
        return this.#json("files.create", { method: "POST", path: ROOT, body: form, kind: "creation" }, options, isFileObject);
      })(),
    );
  }

  /**
   * Lists uploaded files: await it for one page (pass `after` for the next), or iterate it for every file across pages.
   * @example
   * const { data } = await client.files.list({ purpose: "batch" });
   * for await (const file of client.files.list()) console.log(file.id, file.filename);
   */
  list(params?: FileListParams, options?: RequestOptions): PageList<FileObject, FileList> {
    // Checked when the first page is asked for, so a bad parameter rejects like every other call.
    const page = async (after: string | undefined) => {
      if (options?.validate ?? this.context.validate) validateFileListParams(params);
      return this.#json<FileList>("files.list", { method: "GET", path: ROOT + query({ ...params, after }) }, options, (value) => Array.isArray((value as FileList).data));
    };
    return new PageList(page, params?.after ?? undefined);
  }

  /** Describes one file. @example const file = await client.files.retrieve("file_abc123"); */
  retrieve(fileId: string, options?: RequestOptions): APIPromise<FileObject> {
    return new APIPromise(
      (async () => {
        this.#checkId("files.retrieve", fileId, options);
        return this.#json("files.retrieve", { method: "GET", path: `${ROOT}/${encodeURIComponent(fileId)}` }, options, isFileObject);
      })(),
    );
  }

  /** Deletes one file. @example await client.files.delete("file_abc123"); */
  delete(fileId: string, options?: RequestOptions): APIPromise<FileDeleted> {
    return new APIPromise(
      (async () => {
        this.#checkId("files.delete", fileId, options);
        return this.#json("files.delete", { method: "DELETE", path: `${ROOT}/${encodeURIComponent(fileId)}`, kind: "creation" }, options, (value) => typeof (value as FileDeleted).deleted === "boolean");
      })(),
    );
  }

  /**
   * The file's bytes as a `Response` (as openai-node's `files.content`), resolved once the headers arrive;
   * its body streams, with the idle timeout and `signal` still in force. Read it with `.text()` or pipe it.
   * @example
   * const jsonl = await (await client.files.content(batch.output_file_id)).text();
   */
  async content(fileId: string, options?: RequestOptions): Promise<Response> {
    this.#checkId("files.content", fileId, options);
    const open = await this.context.transport({ method: "GET", path: `${ROOT}/${encodeURIComponent(fileId)}/content` }, withAccept(options, CONTENT_ACCEPT));
    const type = open.response.headers.get("content-type") ?? "application/octet-stream";
    return new Response(bodyStream(open.body), { status: 200, headers: { "content-type": type } });
  }

  /**
   * The file's content as text, read inside the transport: a body lost on the way is fetched again.
   * @example
   * const lines = (await client.files.text(batch.output_file_id)).split("\n");
   */
  async text(fileId: string, options?: RequestOptions): Promise<string> {
    this.#checkId("files.text", fileId, options);
    return this.context.transport({ method: "GET", path: `${ROOT}/${encodeURIComponent(fileId)}/content` }, withAccept(options, CONTENT_ACCEPT), (open: OpenResponse) => open.body.text());
  }

  #checkId(where: string, fileId: string, options: RequestOptions | undefined): void {
    if (options?.validate ?? this.context.validate) validateId(where, "fileId", fileId);
  }

  #json<T>(where: string, spec: RequestSpec, options: RequestOptions | undefined, valid: (value: unknown) => boolean): Promise<T> {
    return this.context.transport(spec, options, async (open: OpenResponse) => {
      const answer = await readJSON<T>(open);
      if (!valid(answer)) throw apiErrorFor(open, answer, `${where}: the response is not the expected object.`);
      return answer;
    });
  }
}

function isFileObject(value: unknown): boolean {
  return typeof (value as FileObject | undefined)?.id === "string";
}

/** `?key=value` for the fields that are set. */
export function query(params: object | undefined): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) if (value !== undefined && value !== null) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}

const CONTENT_ACCEPT = "application/jsonl, application/octet-stream, */*";

function nameOf(file: FileInput): string | undefined {
  const name = (file as { name?: unknown }).name;
  return typeof name === "string" && name !== "" ? name : undefined;
}

