import { markAnswer, responseOf, type APIPromise } from "../api-promise.js";
import { paramsOf } from "../call-context.js";
import { decodeFloat32 } from "../binary.js";
import { DeepInfraError } from "../errors/base.js";
import { cachedEmbeddings, type EmbeddedTexts } from "../features/embeddings-cache.js";
import { mapBounded } from "../map-bounded.js";
import { resolveModel } from "../models.js";
import { apiErrorFor, readJSON } from "../response.js";
import { validateEmbeddingParams } from "../schema/embeddings.js";
import type { CreateEmbeddingResponse, EmbeddingCreateParams, EmbeddingRequestOptions, EmbeddingUsage } from "../types/embeddings.js";
import type { OpenResponse } from "../types/request.js";
import { addUsage } from "../usage.js";
import { wireBody, type ResourceContext } from "./context.js";

const DEFAULT_BATCH_SIZE = 256;
const DEFAULT_CONCURRENCY = 4;
const PATH = "/v1/openai/embeddings";

type Vector = number[] | Float32Array;

type RawEmbedding = { index?: number; embedding?: unknown };
type RawResponse = { data?: RawEmbedding[]; model?: string; usage?: Partial<EmbeddingUsage>; [extra: string]: unknown };

/** `client.embeddings`: OpenAI-compatible embeddings at `/v1/openai/embeddings`. */
export class Embeddings {
  constructor(protected readonly context: ResourceContext) {}

  /**
   * Embeds one string or many. Large inputs are split into batches of `options.batchSize`, sent at most
   * `options.concurrency` at a time; vectors come back in input order with usage summed. With a `cache`
   * (the client's, or `options.cache`), inputs embedded before are answered from it and only the others are sent.
   * @throws ValidationError for an empty string or array (before any request); APIError subclasses for refusals.
   * @example
   * const { data } = await client.embeddings.create({ model: "BAAI/bge-base-en-v1.5", input: ["a", "b"] });
   */
  create(params: EmbeddingCreateParams & { encoding_format: "base64" }, options?: EmbeddingRequestOptions): APIPromise<CreateEmbeddingResponse<Float32Array>>;
  create(params: EmbeddingCreateParams & { encoding_format?: "float" | null }, options?: EmbeddingRequestOptions): APIPromise<CreateEmbeddingResponse<number[]>>;
  create(params: EmbeddingCreateParams, options?: EmbeddingRequestOptions): APIPromise<CreateEmbeddingResponse<number[] | Float32Array>>;
  create(params: EmbeddingCreateParams, options?: EmbeddingRequestOptions): APIPromise<CreateEmbeddingResponse<Vector>> {
    return this.context.call(PATH, params, options, (call) => this.#create(paramsOf(call, params), (call.options ?? {}) as EmbeddingRequestOptions));
  }

  async #create(params: EmbeddingCreateParams, options: EmbeddingRequestOptions): Promise<CreateEmbeddingResponse<Vector>> {
    if (options.validate ?? this.context.validate) validateEmbeddingParams(params, options);
    const { batchSize, concurrency = DEFAULT_CONCURRENCY, cache, ...requestOptions } = options;
    const size = batchSize ?? DEFAULT_BATCH_SIZE;
    const store = cache === false ? undefined : (cache ?? this.context.cache);
    const resolved = resolveModel(params.model, this.context.embeddingAliases, "embeddingAliases");
    const single = typeof params.input === "string";
    const inputs = single ? [params.input as string] : (params.input as string[]);
    const base64 = params.encoding_format === "base64";

    const sendBatch = async (batch: string[], index: number, signal: AbortSignal): Promise<RawResponse> => {
      const body = wireBody(params, { model: resolved.model, input: single ? batch[0] : batch });
      const reply = await this.context.transport({ method: "POST", path: PATH, body, resolved }, { ...requestOptions, signal }, async (open: OpenResponse) => {
        const raw = await readJSON<RawResponse>(open);
        if (!Array.isArray(raw?.data) || raw.data.length !== batch.length) {
          throw apiErrorFor(open, raw, `Embeddings batch ${index} answered ${Array.isArray(raw?.data) ? raw.data.length : "no"} vectors for ${batch.length} inputs.`);
        }
        return raw;
      });
      this.context.budget?.record("embeddings", resolved.model, reply.usage as EmbeddingUsage | undefined);
      return reply;
    };
    const embed = async (texts: string[]): Promise<EmbeddedTexts<Vector>> => {
      const batches: string[][] = [];
      for (let at = 0; at < texts.length; at += size) batches.push(texts.slice(at, at + size));
      // An empty array is sent as it is: the server decides what it means.
      if (batches.length === 0) batches.push([]);
      const replies = await mapBounded(batches, concurrency, requestOptions.signal, sendBatch);
      const vectors: Vector[] = [];
      const usage: EmbeddingUsage = { prompt_tokens: 0, total_tokens: 0 };
      for (const reply of replies) {
        // DeepInfra's order within a batch is unconfirmed: place each vector by its own index.
        const sorted = [...(reply.data as RawEmbedding[])].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
        for (const item of sorted) vectors.push(toVector(item.embedding, base64));
        addUsage(usage, reply.usage);
      }
      const { data: _data, usage: _usage, ...first } = replies[0] as RawResponse;
      const response = responseOf(replies[0]);
      if (response) markAnswer(first, response);
      return { vectors, usage, first };
    };

    const { input: _input, ...request } = wireBody(params, { model: resolved.model });
    const parts = { baseURL: this.context.baseURL, request };
    const { vectors, usage, first } = store ? await cachedEmbeddings(store, parts, inputs, base64, embed) : await embed(inputs);
    const data = vectors.map((embedding, index) => ({ object: "embedding" as const, index, embedding }));
    const answer = { ...first, object: "list" as const, data, model: typeof first.model === "string" ? first.model : resolved.model, usage };
    const response = responseOf(first);
    return response ? markAnswer(answer, response) : answer;
  }
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
