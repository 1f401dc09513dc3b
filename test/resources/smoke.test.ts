import { describe, expect, it } from "vitest";
import { DeepInfra } from "../../src/index.js";
import { newTestId, recordedRequests, scenarioHeaders, upstreamURL } from "../helpers.js";

describe("smoke", () => {
  it("non-stream + stream", async () => {
    const id = newTestId();
    const client = new DeepInfra({ apiKey: "test-key-never-leaks-1234", baseURL: upstreamURL(), headers: scenarioHeaders(id) });
    const c = await client.chat.completions.create({ model: "default", messages: [{ role: "user", content: "hi" }] });
    expect(c.choices[0]?.message.content).toContain("Hello");
    const s = await client.chat.completions.create({ model: "default", messages: [{ role: "user", content: "hi" }], stream: true });
    const parts: string[] = [];
    for await (const t of s.textStream()) parts.push(t);
    expect(parts).toEqual(["Hello", " there", "!"]);
    const reqs = await recordedRequests(id);
    expect(reqs[0]?.json).toMatchObject({ model: "openchat/openchat-3.6-8b" });
  });
});
