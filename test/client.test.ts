import { describe, expect, it, vi } from "vitest";
import { DEFAULT_BASE_URL, DeepInfra, DeepInfraError, ValidationError, isDeepInfraError } from "../src/index.js";
import { newTestId, recordedRequests, scenarioHeaders, upstreamURL } from "./helpers.js";
import { FAKE_KEY, HELLO, rejection, testClient } from "./setup-client.js";

describe("new DeepInfra()", () => {
  it("without a key explains how to pass one in each runtime", () => {
    let error: unknown;
    try {
      new DeepInfra();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DeepInfraError);
    const message = (error as Error).message;
    expect(message).toContain("new DeepInfra({ apiKey })");
    expect(message).toContain("env.DEEPINFRA_API_KEY");
    expect(message).toContain("wrangler secret put DEEPINFRA_API_KEY");
    expect(message).toContain("Deno, Bun or Node");
  });

  it("treats a blank key as missing", () => {
    expect(() => new DeepInfra({ apiKey: "   " })).toThrow(/No DeepInfra API key/);
  });

  it("reads DEEPINFRA_API_KEY from process.env only when constructed, never at import", async () => {
    const g = globalThis as { process?: unknown };
    const previous = g.process;
    // An environment that logs every variable read, with DEEPINFRA_API_KEY unset.
    const env: Record<string, string | undefined> = {};
    const reads: string[] = [];
    g.process = { env: new Proxy(env, { get: (target, name) => (typeof name === "string" && reads.push(name), Reflect.get(target, name)) }) };
    try {
      // A fresh copy of the whole SDK module graph, evaluated with the key unset: importing must not throw or read.
      vi.resetModules();
      const sdk = await import("../src/index.js");
      expect(sdk.DeepInfra).not.toBe(DeepInfra);
      expect(reads).toEqual([]);
      // Constructing without a key reads the variable, and the missing key is the constructor's error.
      expect(() => new sdk.DeepInfra({ baseURL: upstreamURL() })).toThrow(/No DeepInfra API key/);
      expect(reads).toEqual(["DEEPINFRA_API_KEY"]);
      // Set after import: the value at construction is the one sent.
      env.DEEPINFRA_API_KEY = "env-key-set-after-import";
      const testId = newTestId();
      const client = new sdk.DeepInfra({ baseURL: upstreamURL(), headers: scenarioHeaders(testId) });
      env.DEEPINFRA_API_KEY = "env-key-changed-later";
      await client.models.list();
      expect((await recordedRequests(testId)).map((r) => r.headers.authorization)).toEqual(["Bearer env-key-set-after-import"]);
      expect(reads).toEqual(["DEEPINFRA_API_KEY", "DEEPINFRA_API_KEY"]);
    } finally {
      g.process = previous;
    }
  });

  it("defaults baseURL to the API root and rejects a relative one", () => {
    expect(new DeepInfra({ apiKey: FAKE_KEY }).baseURL).toBe(DEFAULT_BASE_URL);
    expect(DEFAULT_BASE_URL).toBe("https://api.deepinfra.com");
    expect(() => new DeepInfra({ apiKey: FAKE_KEY, baseURL: "/v1" })).toThrow(/baseURL must be an absolute URL/);
  });

  it("rejects negative timeouts and retries with a ValidationError naming the option", () => {
    for (const name of ["timeout", "idleTimeout", "maxRetries"] as const) {
      let error: unknown;
      try {
        new DeepInfra({ apiKey: FAKE_KEY, [name]: -1 });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toContain(`${name} must be a number >= 0 (was -1)`);
      expect((error as ValidationError).issues[0]?.path).toEqual([name]);
    }
  });

  it("keeps the key out of the client object", () => {
    const client = new DeepInfra({ apiKey: FAKE_KEY });
    expect(JSON.stringify(client)).not.toContain(FAKE_KEY);
    expect(Object.values(client).map(String).join()).not.toContain(FAKE_KEY);
  });

  it("calls a user-supplied fetch unbound (Workers throw Illegal invocation otherwise)", async () => {
    const seen: unknown[] = [];
    const binding = {
      fetch(this: unknown, input: string | URL | Request, init?: RequestInit) {
        seen.push(this);
        if (this !== undefined && this !== globalThis) throw new TypeError("Illegal invocation");
        return fetch(input, init);
      },
    };
    const { client } = testClient(undefined, { fetch: binding.fetch });
    const completion = await client.chat.completions.create({ model: "default", messages: HELLO });
    expect(completion.choices[0]?.message.content).toBe("Hello! It's nice to meet you. Is there something I can help you with?");
    expect(seen).toHaveLength(1);
    expect(seen[0] === undefined || seen[0] === globalThis).toBe(true);
  });

  it("sends the key as a bearer token, JSON, and the client and per-call headers", async () => {
    const { client, testId } = testClient(undefined, { headers: { "X-Client": "a" } });
    await client.chat.completions.create({ model: "m/x", messages: HELLO }, { headers: { "x-call": "b" } });
    const [request] = await recordedRequests(testId);
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/v1/openai/chat/completions");
    expect(request?.headers.authorization).toBe(`Bearer ${FAKE_KEY}`);
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers.accept).toBe("application/json");
    expect(request?.headers["x-client"]).toBe("a");
    expect(request?.headers["x-call"]).toBe("b");
  });

  it("isDeepInfraError recognises errors from another copy of the SDK", () => {
    const foreign = Object.assign(new Error("x"), { deepinfraError: true });
    expect(isDeepInfraError(foreign)).toBe(true);
    expect(isDeepInfraError(new Error("x"))).toBe(false);
    expect(isDeepInfraError(new DeepInfraError("x"))).toBe(true);
  });

  it("strips a trailing slash from baseURL", async () => {
    const { client, testId } = testClient();
    const slashed = new DeepInfra({ apiKey: FAKE_KEY, baseURL: `${client.baseURL}/`, headers: { "x-test-id": testId } });
    await slashed.chat.completions.create({ model: "m/x", messages: HELLO });
    expect((await recordedRequests(testId))[0]?.path).toBe("/v1/openai/chat/completions");
  });

  it("rejects a params value that is not an object", async () => {
    const { client } = testClient();
    const error = await rejection(client.chat.completions.create(null as never));
    expect(error).toBeInstanceOf(ValidationError);
  });
});

describe("options a call cannot honour are refused, never ignored (issue 18)", () => {
  it("`fallback` on the chat-only client is a type error and a ValidationError, nothing sent", async () => {
    const { DeepInfra: ChatOnly } = await import("../src/chat.js");
    const testId = newTestId();
    const client = new ChatOnly({ apiKey: FAKE_KEY, baseURL: upstreamURL(), headers: scenarioHeaders(testId) });
    // @ts-expect-error the chat-only client has no fallback chain
    const error = (await rejection(client.chat.completions.create({ model: "a/a", messages: HELLO }, { fallback: ["b/b"] }))) as ValidationError;
    expect(error.name).toBe("ValidationError");
    expect(error.message).toContain("fallback works only on chat, completions and embeddings");
    expect(await recordedRequests(testId)).toHaveLength(0);
  });

  it("`fallback` on a call of the full client that no chain serves (images, files) is refused; chat honours it", async () => {
    const { client, testId } = testClient();
    // @ts-expect-error images.generate takes no fallback
    expect(await rejection(client.images.generate({ model: "stabilityai/sdxl-turbo", prompt: "a cat" }, { fallback: ["x/y"] }))).toBeInstanceOf(ValidationError);
    // @ts-expect-error files.list takes no fallback
    expect(await rejection(client.files.list({}, { fallback: ["x/y"] }))).toBeInstanceOf(ValidationError);
    expect(await recordedRequests(testId)).toHaveLength(0);
    const reply = await client.chat.completions.create({ model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages: HELLO }, { fallback: ["small"] });
    expect(reply.object).toBe("chat.completion");
  });

  it("inference.run honours validate: false (sent as given, for when DeepInfra moves faster than a release)", async () => {
    const { client, testId } = testClient({ status: 404, body: { detail: "no such model" } }, { validate: false, maxRetries: 0 });
    const error = await rejection(client.inference.run("owner/model with space", { inputs: ["x"] }));
    expect(error).not.toBeInstanceOf(ValidationError);
    expect(await recordedRequests(testId)).toHaveLength(1);
    expect((await rejection(client.inference.run("owner/model with space", { inputs: ["x"] }, { validate: true })))).toBeInstanceOf(ValidationError);
  });
});

describe("withResponse() and _request_id (issue 22)", () => {
  it("create() is awaited as before, and withResponse() gives the answer with the raw Response; _request_id is on the answer, not in its JSON", async () => {
    const { client } = testClient({ headers: { "x-request-id": "req-with-response" } });
    const params = { model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages: HELLO };
    const plain = await client.chat.completions.create(params);
    expect(plain.object).toBe("chat.completion");
    expect((plain as { _request_id?: string })._request_id).toBe("req-with-response");
    expect(JSON.stringify(plain)).not.toContain("_request_id");
    const promise = client.chat.completions.create(params);
    expect(promise).toBeInstanceOf(Promise);
    const { data, response } = await promise.withResponse();
    expect(data.object).toBe("chat.completion");
    expect(response?.status).toBe(200);
    expect(response?.headers.get("x-request-id")).toBe("req-with-response");
  });

  it("a stream, models.list and batches.retrieve offer it too; a rejection stays a rejection", async () => {
    const { client } = testClient({ headers: { "x-request-id": "req-many" } });
    const { data: stream, response } = await client.chat.completions.create({ model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages: HELLO, stream: true }).withResponse();
    expect(response?.headers.get("content-type")).toContain("text/event-stream");
    expect((stream as unknown as { _request_id?: string })._request_id).toBe("req-many");
    await stream.finalCompletion();
    const models = await client.models.list().withResponse();
    expect(models.data.data.length).toBeGreaterThan(0);
    expect(models.response?.status).toBe(200);
    expect(await rejection(client.batches.retrieve("").withResponse())).toBeInstanceOf(ValidationError);
    expect(await client.batches.retrieve("").catch((error: unknown) => error)).toBeInstanceOf(ValidationError);
    let settled = false;
    const listed = await client.models.list().finally(() => void (settled = true));
    expect([settled, listed.data.length > 0]).toEqual([true, true]);
  });
});

describe("the chat-only client's budget (issue 18)", () => {
  it("takes a Budget instance (its code is bundled only when imported) and refuses plain options clearly", async () => {
    const { DeepInfra: ChatOnly, Budget: ChatBudget } = await import("../src/chat.js");
    const budget = new ChatBudget({ maxUSD: 1 });
    const testId = newTestId();
    const client = new ChatOnly({ apiKey: FAKE_KEY, baseURL: upstreamURL(), headers: scenarioHeaders(testId), budget });
    expect(client.budget).toBe(budget);
    const stream = await client.chat.completions.create({ model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages: HELLO, stream: true });
    await stream.finalCompletion();
    expect(budget.spentUSD).toBe(2.8e-7);
    // @ts-expect-error plain options are the full client's
    expect(() => new ChatOnly({ apiKey: FAKE_KEY, budget: { maxUSD: 1 } })).toThrow(/budget must be a Budget here: new Budget\(\{ maxUSD \}\)/);
  });
});
