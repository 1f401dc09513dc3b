import type { CapabilityMemory, ModelFeature } from "../capabilities.js";
import { APIPromise } from "../api-promise.js";
import { resolveModel } from "../models.js";
import { apiErrorFor, readJSON } from "../response.js";
import type { Model, ModelList } from "../types/model-list.js";
import type { OpenResponse, RequestOptions } from "../types/request.js";
import type { ResourceContext } from "./context.js";

/** `client.models`: the model catalogue and what this client has learned about each model. */
export class Models {
  constructor(
    protected readonly context: ResourceContext,
    /** The 405 memory this client feeds. */
    readonly capabilities: CapabilityMemory,
  ) {}

  /**
   * Lists the models DeepInfra serves (`GET /v1/openai/models`), with DeepInfra's `metadata`
   * (context length, pricing, tags) where it sends one.
   * Awaited it is the whole list; iterated with `for await` (as in openai-node) it yields each model.
   * @throws APIError subclasses for refusals, or when the body has no `data` array.
   * @example
   * const { data } = await client.models.list();
   * const vision = data.filter((m) => m.metadata?.tags?.includes("vision"));
   * for await (const model of client.models.list()) console.log(model.id);
   */
  list(options?: RequestOptions): APIPromise<ModelList> & AsyncIterable<Model> {
    const list = new APIPromise(
      (async () => {
        return this.context.transport({ method: "GET", path: "/v1/openai/models" }, options, async (open: OpenResponse) => {
          const list = await readJSON<ModelList>(open);
          if (!Array.isArray(list?.data)) throw apiErrorFor(open, list, "models.list: the response has no `data` array.");
          return list;
        });
      })(),
    );
    // One request serves both uses: DeepInfra sends the catalogue in one page.
    return Object.assign(list, {
      async *[Symbol.asyncIterator](): AsyncGenerator<Model> {
        yield* (await list).data;
      },
    });
  }

  /**
   * Whether `model` (an alias or id) may be used with `feature`: false once DeepInfra answered 405 to
   * a request using it (and no later success proved otherwise), true when nothing says it fails.
   * Makes no request.
   * @example
   * const stream = client.models.supports("default", "streaming");
   * const reply = await client.chat.completions.create({ model: "default", messages, stream });
   */
  supports(model: string, feature: ModelFeature): boolean {
    return this.capabilities.supports(resolveModel(model, this.context.modelAliases).model, feature);
  }

  /** The features `supports()` reports false for `model` (an alias or id). */
  unsupported(model: string): ModelFeature[] {
    return this.capabilities.unsupported(resolveModel(model, this.context.modelAliases).model);
  }
}
