import { APIUserAbortError, DeepInfraError } from "../errors.js";
import { decodeBase64 } from "../binary.js";
import { readJSON } from "../http.js";
import { resolveModel } from "../models.js";
import { validateEmbeddingParams } from "../schema/embeddings.js";
import type { CreateEmbeddingResponse, Embedding, EmbeddingCreateParams, EmbeddingRequestOptions, EmbeddingUsage } from "../types/embeddings.js";
import type { ResourceContext } from "./chat.js";

const DEFAULT_BATCH_SIZE = 256;
const DEFAULT_CONCURRENCY = 4;

type RawEmbedding = { index?: number; embedding?: unknown };
type RawResponse = { data?: RawEmbedding[]; model?: string; usage?: Partial<EmbeddingUsage>; [extra: string]: unknown };

/** `client.embeddings`: OpenAI-compatible embeddings at `/v1/openai/embeddings`. */
export class Embeddings {
  constructor(protected readonly context: ResourceContext) {}

  /**
   * Embeds one string or many. Large inputs are split into batches of `options.batchSize`, sent at most
   * `options.concurrency` at a time; vectors come back in input order with usage summed.
   * @throws ValidationError for an empty string or array (before any request); APIError subclasses for refusals.
   * @example
   * const { data } = await client.embeddings.create({ model: "default", input: ["a", "b"] });
   */
  create(params: EmbeddingCreateParams & { encoding_format: "base64" }, options?: EmbeddingRequestOptions): Promise<CreateEmbeddingResponse<Float32Array>>;
  create(params: EmbeddingCreateParams & { encoding_format?: "float" }, options?: EmbeddingRequestOptions): Promise<CreateEmbeddingResponse<number[]>>;
  create(params: EmbeddingCreateParams, options?: EmbeddingRequestOptions): Promise<CreateEmbeddingResponse<number[] | Float32Array>>;
  async create(params: EmbeddingCreateParams, options: EmbeddingRequestOptions = {}): Promise<CreateEmbeddingResponse<number[] | Float32Array>> {
    await validateEmbeddingParams(params, options);
    const { batchSize = DEFAULT_BATCH_SIZE, concurrency = DEFAULT_CONCURRENCY, ...requestOptions } = options;
    const resolved = resolveModel(params.model, this.context.embeddingAliases, "embeddingAliases");
    const single = typeof params.input === "string";
    const inputs = single ? [params.input as string] : (params.input as string[]);
    const batches: string[][] = [];
    for (let at = 0; at < inputs.length; at += batchSize) batches.push(inputs.slice(at, at + batchSize));
    const base64 = params.encoding_format === "base64";

    const sendBatch = async (batch: string[], index: number, signal: AbortSignal): Promise<RawResponse> => {
      const body = { ...params, model: resolved.model, input: single ? batch[0] : batch };
      const reply = await this.context.transport({ method: "POST", path: "/v1/openai/embeddings", body, resolved }, { ...requestOptions, signal }, readJSON<RawResponse>);
      if (!Array.isArray(reply?.data) || reply.data.length !== batch.length) {
        throw new DeepInfraError(`Embeddings batch ${index} answered ${Array.isArray(reply?.data) ? reply.data.length : "no"} vectors for ${batch.length} inputs.`);
      }
      this.context.budget?.record("embeddings", resolved.model, reply.usage as EmbeddingUsage | undefined);
      return reply;
    };
    const replies = await mapBounded(batches, concurrency, requestOptions.signal, sendBatch);

    const data: Array<Embedding<number[] | Float32Array>> = [];
    const usage: EmbeddingUsage = { prompt_tokens: 0, total_tokens: 0 };
    for (const [batchIndex, reply] of replies.entries()) {
      const offset = batchIndex * batchSize;
      // DeepInfra's order within a batch is unconfirmed: place each vector by its own index.
      const sorted = [...(reply.data as RawEmbedding[])].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
      for (const [position, item] of sorted.entries()) {
        data.push({ object: "embedding", index: offset + position, embedding: toVector(item.embedding, base64) });
      }
      addUsage(usage, reply.usage);
    }
    const { data: _data, usage: _usage, ...first } = replies[0] as RawResponse;
    return { ...first, object: "list", data, model: replies[0]?.model ?? resolved.model, usage };
  }
}

/**
 * Runs `run` over `items` with at most `limit` in flight, results in item order. The first failure
 * aborts the others and is the one thrown; the caller's `signal` aborts everything.
 */
async function mapBounded<T, R>(items: T[], limit: number, outer: AbortSignal | undefined, run: (item: T, index: number, signal: AbortSignal) => Promise<R>): Promise<R[]> {
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  if (outer?.aborted) throw new APIUserAbortError();
  outer?.addEventListener("abort", onAbort, { once: true });
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      const index = next++;
      try {
        results[index] = await run(items[index] as T, index, controller.signal);
      } catch (error) {
        failure ??= { error: outer?.aborted ? new APIUserAbortError() : error };
        controller.abort();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  } finally {
    outer?.removeEventListener("abort", onAbort);
  }
  if (failure) throw failure.error;
  return results;
}

function addUsage(total: EmbeddingUsage, usage: Partial<EmbeddingUsage> | undefined): void {
  if (!usage) return;
  total.prompt_tokens += numberOr0(usage.prompt_tokens);
  total.total_tokens += numberOr0(usage.total_tokens);
  if (typeof usage.estimated_cost === "number") total.estimated_cost = (total.estimated_cost ?? 0) + usage.estimated_cost;
}

function numberOr0(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

/** Accepts either wire form whatever was asked: a server may ignore `encoding_format`. */
function toVector(raw: unknown, asFloat32: boolean): number[] | Float32Array {
  if (typeof raw === "string") {
    const vector = decodeFloat32(raw);
    return asFloat32 ? vector : Array.from(vector);
  }
  if (Array.isArray(raw)) return asFloat32 ? Float32Array.from(raw as number[]) : (raw as number[]);
  throw new DeepInfraError(`Embedding is neither a number array nor a base64 string (was ${typeof raw}).`);
}

/** Decodes base64 little-endian float32 bytes; DataView reads little-endian whatever the host's byte order. */
export function decodeFloat32(base64: string): Float32Array {
  const { bytes } = decodeBase64(base64);
  if (bytes.length % 4 !== 0) throw new DeepInfraError(`A base64 embedding decoded to ${bytes.length} bytes, not a multiple of 4.`);
  const view = new DataView(bytes.buffer);
  const out = new Float32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}
