import { ClientBase, type ClientOptions } from "./client-base.js";
import { Audio } from "./resources/audio.js";
import { Chat } from "./resources/chat.js";
import { Completions } from "./resources/completions.js";
import { Embeddings } from "./resources/embeddings.js";
import { Images } from "./resources/images.js";
import { Inference } from "./resources/inference.js";
import { Models } from "./resources/model-list.js";

export { DEFAULT_BASE_URL, type ClientOptions } from "./client-base.js";

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

  constructor(options: ClientOptions = {}) {
    super(options);
    this.chat = new Chat(this.context);
    this.embeddings = new Embeddings(this.context);
    this.completions = new Completions(this.context);
    this.inference = new Inference(this.context);
    this.images = new Images(this.context);
    this.audio = new Audio(this.context);
    this.models = new Models(this.context, this.capabilities);
  }
}
