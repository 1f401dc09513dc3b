/** What `files.create` uploads: JSONL text, bytes, a `Blob`/`File`, or a byte stream (buffered before sending). */
export type FileInput = string | Blob | Uint8Array | ArrayBuffer | ReadableStream<Uint8Array>;

/** What a file is for: DeepInfra takes `batch` uploads; its batch results come back as `batch_output` (or `batch-output`). */
export type FilePurpose = "batch" | "batch_output" | "batch-output" | "fine-tune" | (string & {});

/** Parameters of `files.create`, in OpenAI's shape. */
export interface FileCreateParams {
  /** The file: JSONL text or bytes (one request per line for the Batch API; at most 200 MB). */
  file: FileInput;
  /** `batch` for Batch API input. */
  purpose: FilePurpose;
  /** Name sent with the upload (default: the `File`'s own name, else `batch.jsonl`). */
  filename?: string | null;
  /** How long the file is kept: `{ anchor: "created_at", seconds }` with 3,600…2,592,000 seconds. */
  expires_after?: { anchor?: "created_at"; seconds?: number } | null;
}

/** An uploaded file, as DeepInfra (and OpenAI) describe it. */
export interface FileObject {
  id: string;
  object: "file" | (string & {});
  /** Size in bytes. */
  bytes: number;
  /** Unix time in seconds. */
  created_at: number;
  /** Unix time in seconds when the file is deleted. */
  expires_at?: number | null;
  filename: string;
  purpose: FilePurpose;
  [extra: string]: unknown;
}

/** Parameters of `files.list`. */
export interface FileListParams {
  /** Only files with this purpose. */
  purpose?: string | null;
  /** Page size (DeepInfra's default is 100). */
  limit?: number | null;
  /** Cursor: the id of the last file of the previous page. */
  after?: string | null;
  /** `asc` or `desc` by `created_at`. */
  order?: "asc" | "desc" | null;
}

/** A page of files. */
export interface FileList {
  object: "list";
  data: FileObject[];
  has_more?: boolean;
  first_id?: string | null;
  last_id?: string | null;
  [extra: string]: unknown;
}

/** The answer of `files.delete`. */
export interface FileDeleted {
  id: string;
  object: "file" | (string & {});
  deleted: boolean;
  [extra: string]: unknown;
}
