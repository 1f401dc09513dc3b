import { APIError } from "../errors/api-error.js";
import { apiErrorFor } from "../response.js";
import { validateRerankParams } from "../schema/newer-api.js";
import type { InferenceStatus } from "../types/inference.js";
import type { RerankParams, RerankResponse, RerankResult, RerankUsage } from "../types/rerank.js";
import type { OpenResponse, RequestOptions } from "../types/request.js";
import { wireBody, type ResourceContext } from "./context.js";
import { readNativeAnswer } from "./inference.js";

type RawAnswer = {
  scores?: unknown;
  results?: unknown;
  data?: unknown;
  input_tokens?: unknown;
  request_id?: string;
  inference_status?: InferenceStatus;
  [extra: string]: unknown;
};

/** Which query field a reranker takes: `queries` (one per document, Qwen3 and most) or a single `query` (docs' cross-encoder example). */
type QueryShape = "queries" | "query";

/** `client.rerank`: reranker models on DeepInfra's native endpoint `POST /v1/inference/{model}`. */
export class Rerank {
  /** Models that refused `queries` and took `query`, so later calls send the right shape at once. */
  readonly #shapes = new Map<string, QueryShape>();

  constructor(protected readonly context: ResourceContext) {}

  /**
   * Scores each document against the query. DeepInfra's native body is sent (`queries`, one copy per
   * document); a model that answers 422 asking for `query` gets that shape once, and is remembered.
   * Answers with `scores` in document order or Cohere-style `results` (`index`, `relevance_score`) are
   * both read. `usage` carries `input_tokens` and `inference_status.cost` when sent; with a `budget`, the
   * cost is counted as `rerank`.
   * @throws ValidationError for bad parameters (before sending); APIError subclasses for refusals, and an
   * `APIError` when the answer does not hold exactly one finite score per document.
   * @example
   * const { results } = await client.rerank({ model: "Qwen/Qwen3-Reranker-4B", query: "capital of France?", documents: ["Paris…", "Berlin…"] });
   * console.log(results[0].document, results[0].relevance_score);
   */
  async rerank(params: RerankParams, options?: RequestOptions): Promise<RerankResponse> {
    if (options?.validate ?? this.context.validate) validateRerankParams(params);
    const { model, documents, top_n } = params;
    const single = typeof params.query === "string" ? params.query : params.queries?.length === 1 ? params.queries[0] : undefined;
    let shape: QueryShape = single !== undefined ? (this.#shapes.get(model) ?? "queries") : "queries";
    let reply: { answer: RawAnswer; scores: number[] };
    for (;;) {
      try {
        reply = await this.#send(params, shape, single, options);
        break;
      } catch (error) {
        if (shape === "queries" && single !== undefined && asksFor(error, "query")) {
          shape = "query";
          this.#shapes.set(model, shape);
          continue;
        }
        throw error;
      }
    }
    const { answer, scores } = reply;
    const { scores: _scores, results: _results, data: _data, ...rest } = answer;
    const results: RerankResult[] = scores
      .map((relevance_score, index) => ({ index, relevance_score, document: documents[index] as string }))
      // Array.prototype.sort is stable: equal scores keep document order.
      .sort((a, b) => b.relevance_score - a.relevance_score)
      .slice(0, top_n ?? undefined);
    const usage = usageOf(answer);
    if (usage) this.context.budget?.record("rerank", model, usage);
    return { ...rest, scores, results, ...(usage ? { usage } : {}) };
  }

  /** One request in the given query shape; resolves with the answer and its scores in document order. */
  #send(params: RerankParams, shape: QueryShape, single: string | undefined, options: RequestOptions | undefined): Promise<{ answer: RawAnswer; scores: number[] }> {
    const { model, documents, query: _query, queries, top_n: _topN, ...fields } = params;
    const overrides: Record<string, unknown> =
      shape === "query" ? { query: single, documents } : { queries: single !== undefined ? documents.map(() => single) : queries, documents };
    const body = wireBody(fields, overrides);
    return this.context.transport({ method: "POST", path: `/v1/inference/${model}`, body }, options, async (open: OpenResponse) => {
      const answer = await readNativeAnswer<RawAnswer>(open, model, "rerank failed");
      const scores = scoresOf(answer, documents.length);
      if (!scores) throw apiErrorFor(open, answer, `rerank: the answer does not hold one finite score for each of the ${documents.length} documents.`);
      return { answer, scores };
    });
  }
}

/** Scores in document order from `scores: number[]`, or from `results`/`data` items carrying `index` and a score. */
function scoresOf(answer: RawAnswer, count: number): number[] | undefined {
  if (Array.isArray(answer?.scores)) {
    const scores = answer.scores as unknown[];
    return scores.length === count && scores.every(isFinite) ? (scores as number[]) : undefined;
  }
  const items = Array.isArray(answer?.results) ? answer.results : Array.isArray(answer?.data) ? answer.data : undefined;
  if (!items || items.length !== count) return undefined;
  const scores = new Array<number>(count);
  for (const item of items as Array<{ index?: unknown; relevance_score?: unknown; score?: unknown }>) {
    const score = item?.relevance_score ?? item?.score;
    const index = item?.index;
    if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= count || scores[index] !== undefined || !isFinite(score)) return undefined;
    scores[index] = score;
  }
  return scores;
}

function isFinite(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function usageOf(answer: RawAnswer): RerankUsage | undefined {
  const tokens = isFinite(answer.input_tokens) ? answer.input_tokens : answer.inference_status?.tokens_input;
  const cost = answer.inference_status?.cost;
  if (!isFinite(tokens) && !isFinite(cost)) return undefined;
  const count = isFinite(tokens) ? tokens : 0;
  return { prompt_tokens: count, total_tokens: count, ...(isFinite(cost) ? { estimated_cost: cost } : {}) };
}

/** A FastAPI 422 whose `detail` names `field` as missing: the model wants the other query shape. */
function asksFor(error: unknown, field: string): boolean {
  if (!(error instanceof APIError) || error.status !== 422) return false;
  const detail = (error.body as { detail?: unknown } | undefined)?.detail;
  return Array.isArray(detail) && detail.some((item) => Array.isArray(item?.loc) && item.loc[item.loc.length - 1] === field);
}
