import { describe, expect, it } from "vitest";
import { EMBEDDING_ALIASES, MODEL_ALIASES, NotFoundError, BadRequestError, resolveModel } from "../src/index.js";
import { recordedRequests } from "./helpers.js";
import { HELLO, rejection, testClient } from "./setup-client.js";

describe("model aliases", () => {
  it("exports the provider spec's tables as data", () => {
    expect(MODEL_ALIASES).toEqual({
      default: "openchat/openchat-3.6-8b",
      large: "nvidia/Nemotron-4-340B-Instruct",
      small: "microsoft/WizardLM-2-7B",
      agent: "Qwen/Qwen2-7B-Instruct",
    });
    expect(EMBEDDING_ALIASES).toEqual({ default: "BAAI/bge-base-en-v1.5", large: "BAAI/bge-large-en-v1.5", small: "BAAI/bge-base-en-v1.5" });
    expect(Object.isFrozen(MODEL_ALIASES)).toBe(true);
  });

  it.each(Object.entries(MODEL_ALIASES))("sends alias %s as %s on the wire", async (alias, model) => {
    const { client, testId } = testClient();
    await client.chat.completions.create({ model: alias, messages: HELLO });
    const [request] = await recordedRequests(testId);
    expect((request?.json as { model: string }).model).toBe(model);
  });

  it("passes any other model id through unchanged, extra fields too", async () => {
    const { client, testId } = testClient();
    await client.chat.completions.create({ model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages: HELLO, chat_template_kwargs: { x: 1 }, service_tier: "priority" });
    const [request] = await recordedRequests(testId);
    expect(request?.json).toEqual({ model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages: HELLO, chat_template_kwargs: { x: 1 }, service_tier: "priority" });
  });

  it("lets the client override and add aliases", async () => {
    const { client, testId } = testClient(undefined, { modelAliases: { default: "meta-llama/Meta-Llama-3.1-8B-Instruct", fast: "Qwen/Qwen2.5-7B-Instruct" } });
    await client.chat.completions.create({ model: "default", messages: HELLO });
    await client.chat.completions.create({ model: "fast", messages: HELLO });
    await client.chat.completions.create({ model: "large", messages: HELLO });
    const models = (await recordedRequests(testId)).map((r) => (r.json as { model: string }).model);
    expect(models).toEqual(["meta-llama/Meta-Llama-3.1-8B-Instruct", "Qwen/Qwen2.5-7B-Instruct", "nvidia/Nemotron-4-340B-Instruct"]);
    expect(client.modelAliases.default).toBe("meta-llama/Meta-Llama-3.1-8B-Instruct");
  });

  it("resolveModel does not resolve inherited keys", () => {
    expect(resolveModel("toString", MODEL_ALIASES)).toEqual({ model: "toString", table: "modelAliases" });
    expect(resolveModel("small", MODEL_ALIASES)).toEqual({ model: "microsoft/WizardLM-2-7B", alias: "small", table: "modelAliases" });
  });

  it("names the alias, the model and the override when an aliased model is gone (404)", async () => {
    const { client } = testClient({ status: 404, body: { detail: "Model not found" } });
    const error = await rejection(client.chat.completions.create({ model: "default", messages: HELLO }));
    expect(error).toBeInstanceOf(NotFoundError);
    const e = error as NotFoundError;
    expect(e.alias).toBe("default");
    expect(e.model).toBe("openchat/openchat-3.6-8b");
    expect(e.message).toContain('alias "default"');
    expect(e.message).toContain("openchat/openchat-3.6-8b");
    expect(e.message).toContain('new DeepInfra({ modelAliases: { "default": ');
  });

  it("recognises a 400 that says the model does not exist", async () => {
    const { client } = testClient({ status: 400, body: { error: { message: "The model `nvidia/Nemotron-4-340B-Instruct` does not exist" } } });
    const error = await rejection(client.chat.completions.create({ model: "large", messages: HELLO }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toContain('alias "large"');
    expect(error.message).toContain("modelAliases");
  });

  it("adds no alias hint to an unrelated 400 or to a plain model id", async () => {
    const a = testClient({ fixture: "errors/400.json" });
    const contextError = await rejection(a.client.chat.completions.create({ model: "default", messages: HELLO }));
    expect(contextError.message).not.toContain("alias");
    const b = testClient({ status: 404, body: { detail: "Model not found" } });
    const plain = await rejection(b.client.chat.completions.create({ model: "x/y", messages: HELLO }));
    expect(plain.message).not.toContain("alias");
    expect((plain as NotFoundError).alias).toBeUndefined();
  });
});
