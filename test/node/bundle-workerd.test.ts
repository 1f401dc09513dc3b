// Runs the BUILT bundle (dist/index.js + its dependencies, bundled as a user's Worker would be) in
// real workerd through Miniflare, where code generation from strings is disallowed — unlike the
// vitest pool, which allows `new Function` for its module runner.
import { describe, expect, it } from "vitest";
import { built, runBundledWorker } from "./bundled-worker.js";

const KEY = "test-key-never-leaks-bundle-5e6f7a8b";

const worker = () => `
import { DeepInfra, ValidationError, APIError } from ${JSON.stringify(built("index.js"))};
export default {
  async fetch(request, env) {
    let codegen = "allowed";
    try { new Function("return 1")(); } catch (e) { codegen = e.name; }
    const client = new DeepInfra({ apiKey: ${JSON.stringify(KEY)}, baseURL: env.UPSTREAM_URL, maxRetries: 0 });
    const out = { codegen };
    try {
      await client.chat.completions.create({ model: "default", messages: [{ role: "tool", content: "x" }], temperature: 3 });
    } catch (e) {
      out.validation = { isValidationError: e instanceof ValidationError, message: e.message, paths: e.issues.map((i) => i.path.join(".")) };
    }
    const completion = await client.chat.completions.create({ model: "default", messages: [{ role: "user", content: "hi" }] });
    out.content = completion.choices[0].message.content;
    out.cost = completion.usage.estimated_cost;
    const stream = await client.chat.completions.create({ model: "default", messages: [{ role: "user", content: "hi" }], stream: true });
    out.streamed = [];
    for await (const text of stream.textStream()) out.streamed.push(text);
    try {
      await client.chat.completions.create({ model: "default", messages: [{ role: "user", content: "hi" }] }, { headers: { "x-upstream-scenario": JSON.stringify({ echoAuth: true }) } });
    } catch (e) {
      out.apiError = { isAPIError: e instanceof APIError, status: e.status, message: e.message };
    }
    return Response.json(out);
  },
};`;

describe("the built bundle in real workerd (Miniflare)", () => {
  it("validates, completes, streams and maps errors without code generation", async () => {
    const { script, status, text } = await runBundledWorker(worker());
    expect(script).not.toMatch(/from\s*["']node:/);
    expect(status, text).toBe(200);
    const out = JSON.parse(text);
    expect(out.codegen).toBe("EvalError");
    expect(out.validation).toEqual({
      isValidationError: true,
      message:
        "Invalid chat.completions.create params: messages[0].tool_call_id must be a string (was missing); temperature must be at most 2 (was 3)",
      paths: ["messages.0.tool_call_id", "temperature"],
    });
    expect(out.content).toBe("Hello! It's nice to meet you. Is there something I can help you with?");
    expect(out.cost).toBe(0.0000268);
    expect(out.streamed).toEqual(["Hello", " there", "!"]);
    expect(out.apiError.isAPIError).toBe(true);
    expect(out.apiError.status).toBe(401);
    expect(out.apiError.message).toContain("Bearer [redacted]");
    expect(text).not.toContain(KEY);
  });
});
