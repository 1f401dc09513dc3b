import { createBudget } from "./budget.js";
import { ClientBase, type ClientOptions as SharedOptions } from "./client-base.js";
import { createLimiter, type ConcurrencyLimiter } from "./features/concurrency.js";
import { checkFeatureOptions, featureSteps, type FeatureOptions } from "./features/install.js";
import { checkClientOptions } from "./options-check.js";
import { Audio } from "./resources/audio.js";
import { Batches } from "./resources/batches.js";
import { Chat } from "./resources/chat.js";
import { Completions } from "./resources/completions.js";
import { Embeddings } from "./resources/embeddings.js";
import { Files } from "./resources/files.js";
import { Images } from "./resources/images.js";
import { Inference } from "./resources/inference.js";
import { Models } from "./resources/model-list.js";
import { Rerank } from "./resources/rerank.js";
import { Tokenizer } from "./resources/tokenize.js";

export { DEFAULT_BASE_URL } from "./client-base.js";

/** Options of the full `new DeepInfra(…)`: the shared ones, plus fallback, concurrency, tracing and the embeddings cache. */
export interface ClientOptions extends SharedOptions, FeatureOptions {}

/**
 * The DeepInfra client with every resource. Holds configuration and wires the resources; nothing is
 * sent at construction. A Worker that only chats can import the lighter client of `deepinfra-edge/chat`.
 * @throws DeepInfraError when no API key is given or found.
 * @example
 * const client = new DeepInfra({ apiKey: env.DEEPINFRA_API_KEY });
 * const reply = await client.chat.completions.create({ model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages: [{ role: "user", content: "Hi" }] });
 */
export class DeepInfra extends ClientBase {
  /** Chat completions: `create`, `parse`, `runTools`. */
  readonly chat: Chat;
  /** Embeddings, batched and in input order. */
  readonly embeddings: Embeddings;
  /** Legacy text completions. */
  readonly completions: Completions;
  /** DeepInfra's native `/v1/inference/{model}` endpoint. */
  readonly inference: Inference;
  /** Text-to-image. */
  readonly images: Images;
  /** Transcription and speech. */
  readonly audio: Audio;
  /** The model catalogue and the 405 memory. */
  readonly models: Models;
  /** Counts a prompt's (or a conversation's) tokens with the model's tokenizer: `{ count, max_model_len, tokens }`. */
  readonly tokenize: Tokenizer["tokenize"];
  /** Turns token ids back into text with the model's tokenizer. */
  readonly detokenize: Tokenizer["detokenize"];
  /** Scores documents against a query with a reranker model (native inference), in document order and best first. */
  readonly rerank: Rerank["rerank"];
  /** OpenAI-compatible Files API (Batch API input and output). */
  readonly files: Files;
  /** OpenAI-compatible Batch API, with `run` (requests in, answers out in input order) and `wait`. */
  readonly batches: Batches;
  /** The concurrency limiter in force, when the `concurrency` option is set. */
  readonly concurrency: ConcurrencyLimiter | undefined;

  constructor(options: ClientOptions = {}) {
    checkClientOptions(options, true);
    checkFeatureOptions(options);
    const limiter = options.concurrency === undefined ? undefined : createLimiter(options.concurrency);
    // Steps around each call (tracing, the fallback chain) for chat, completions and embeddings; the chat-only client has none.
    super(options, limiter ? [limiter] : [], { createBudget, steps: (client) => featureSteps(options, client), cache: options.cache });
    this.concurrency = limiter;
    this.chat = new Chat(this.context);
    this.embeddings = new Embeddings(this.context);
    this.completions = new Completions(this.context);
    this.inference = new Inference(this.context);
    this.images = new Images(this.context);
    this.audio = new Audio(this.context);
    this.models = new Models(this.context, this.capabilities);
    const tokenizer = new Tokenizer(this.context);
    this.tokenize = (params, options) => tokenizer.tokenize(params, options);
    this.detokenize = (params, options) => tokenizer.detokenize(params, options);
    const rerank = new Rerank(this.context);
    this.rerank = (params, options) => rerank.rerank(params, options);
    this.files = new Files(this.context);
    this.batches = new Batches(this.context, this.files);
  }
}
