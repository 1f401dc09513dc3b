// llm-interface users get advice in llm-interface's terms (issue 22 item 5, F6), not `new DeepInfra({ … })`.
import { describe, expect, it } from "vitest";
import { createInterface } from "../../src/compat/llm-interface.js";
import { DeepInfraError, NotFoundError } from "../../src/index.js";
import { newTestId, scenarioHeaders, upstreamURL } from "../helpers.js";
import { FAKE_KEY, rejection } from "../setup-client.js";

describe("llm-interface advice", () => {
  it("a missing key names LLMInterface.setApiKey and createInterface({ apiKey })", () => {
    let error: unknown;
    try {
      createInterface({ apiKey: "" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DeepInfraError);
    expect((error as Error).message).toMatch(/^No DeepInfra API key\. Call LLMInterface\.setApiKey\(\{ deepinfra: key \}\) .*createInterface\(\{ apiKey \}\)/);
    expect((error as Error).message).not.toContain("new DeepInfra");
  });

  it("a retired default alias names LLMInterface.setModelAlias", async () => {
    const llm = createInterface({ apiKey: FAKE_KEY, baseURL: upstreamURL(), maxRetries: 0, headers: scenarioHeaders(newTestId(), { status: 404, body: { error: { message: "The model `x` does not exist" } } }) });
    const error = await rejection(llm.sendMessage("hi", { max_tokens: 5 }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toContain('came from the alias "default"');
    expect(error.message).toMatch(/override the alias: LLMInterface\.setModelAlias\("deepinfra", "default", "[^"]+"\), or createInterface\(\{ modelAliases: \{ "default": "[^"]+" \} \}\)\. \(request req-\d+\)$/);
    expect(error.message).not.toContain("new DeepInfra");
  });

  it("embeddings through a retired alias name setEmbeddingsModelAlias", async () => {
    const llm = createInterface({ apiKey: FAKE_KEY, baseURL: upstreamURL(), maxRetries: 0, headers: scenarioHeaders(newTestId(), { status: 404, body: { error: { message: "The model `x` does not exist" } } }) });
    const error = await rejection(llm.embeddings("hi"));
    expect(error.message).toContain('LLMInterface.setEmbeddingsModelAlias("deepinfra", "default"');
  });
});
