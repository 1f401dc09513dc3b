// src/options-check.ts: misspelt client and request options, and keys a header cannot carry, are refused before
// anything is sent (issue 22 items 2 and 4; newcomer trial 3 F2 and F7).
import { describe, expect, it } from "vitest";
import { DeepInfra, DeepInfraError, ValidationError } from "../src/index.js";
import { DeepInfra as ChatOnly } from "../src/chat.js";
import { newTestId, recordedRequests, scenarioHeaders, upstreamURL } from "./helpers.js";
import { FAKE_KEY, HELLO, rejection } from "./setup-client.js";

const params = { model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages: HELLO };
const build = (options: object) => () => new DeepInfra({ apiKey: FAKE_KEY, ...options } as never);

describe("client options", () => {
  it.each([
    ["baseUrl", "baseURL"],
    ["max_retries", "maxRetries"],
    ["timeOut", "timeout"],
    ["maxRetry", "maxRetries"],
    ["idle_timeout", "idleTimeout"],
    ["modelAlias", "modelAliases"],
    ["apikey", "apiKey"],
  ])("%s is refused, naming %s", (typo, meant) => {
    expect(build({ [typo]: "x" })).toThrow(ValidationError);
    expect(build({ [typo]: "x" })).toThrow(`Invalid client options: unknown client option ${typo} (did you mean ${meant}?)`);
  });

  it("a name close to nothing is refused with the list of known options", () => {
    let error: unknown;
    try {
      build({ region: "eu" })();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(/^Invalid client options: unknown client option region; known: apiKey, baseURL, fetch, .*cache\.$/);
    expect((error as ValidationError).issues).toEqual([{ message: expect.any(String), path: ["region"] }]);
  });

  it("every documented option of the full client is accepted", () => {
    const client = new DeepInfra({
      apiKey: FAKE_KEY, baseURL: upstreamURL(), fetch, timeout: 1, idleTimeout: 1, maxRetries: 0, headers: {}, modelAliases: {}, embeddingAliases: {},
      validate: true, maxEventBytes: 1000, onRetry: () => {}, retryDelay: () => 0, sleep: async () => {}, fallback: ["a"], onFallback: () => {},
      recordContent: false,
    });
    expect(client.baseURL).toBe(upstreamURL());
  });

  it("the chat-only client says which entry has a full-client option", () => {
    expect(() => new ChatOnly({ apiKey: FAKE_KEY, fallback: ["x"] } as never)).toThrow(
      'Invalid client options: fallback is an option of the full client (import { DeepInfra } from "deepinfra-edge"), not of "deepinfra-edge/chat".',
    );
    expect(() => new ChatOnly({ apiKey: FAKE_KEY, baseUrl: "http://x" } as never)).toThrow("(did you mean baseURL?)");
  });
});

describe("request options (the second argument of a call)", () => {
  it.each([
    ["singal", "signal"],
    ["timout", "timeout"],
    ["header", "headers"],
    ["max_retries", "maxRetries"],
  ])("%s is refused naming %s, and nothing is sent", async (typo, meant) => {
    const testId = newTestId();
    const client = new DeepInfra({ apiKey: FAKE_KEY, baseURL: upstreamURL(), headers: scenarioHeaders(testId) });
    const error = await rejection(client.chat.completions.create(params, { [typo]: 1 } as never));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain(`Invalid request options: unknown request option ${typo} (did you mean ${meant}?)`);
    expect(error.message).toContain("unknown ones in its extra_body");
    expect(await recordedRequests(testId)).toEqual([]);
  });

  it("a request field put in the options is refused (streaming too)", async () => {
    const testId = newTestId();
    const client = new DeepInfra({ apiKey: FAKE_KEY, baseURL: upstreamURL(), headers: scenarioHeaders(testId) });
    const error = await rejection(client.chat.completions.create({ ...params, stream: true }, { temperature: 0.2 } as never));
    expect(error.message).toMatch(/^Invalid request options: unknown request option temperature; request fields go in the first argument, unknown ones in its extra_body; known: signal, /);
    expect(await recordedRequests(testId)).toEqual([]);
  });

  it("the known options still work", async () => {
    const testId = newTestId();
    const client = new DeepInfra({ apiKey: FAKE_KEY, baseURL: upstreamURL() });
    const answer = await client.chat.completions.create(params, { signal: new AbortController().signal, timeout: 10_000, idleTimeout: 10_000, maxRetries: 0, headers: scenarioHeaders(testId), validate: true });
    expect(answer.choices[0]?.message.role).toBe("assistant");
    expect(await recordedRequests(testId)).toHaveLength(1);
  });
});

describe("an API key a header cannot carry", () => {
  it.each([
    [`${FAKE_KEY}\u201d`, "a curly quote (U+201D)", FAKE_KEY.length + 1],
    [`\u201c${FAKE_KEY}`, "a curly quote (U+201C)", 1],
    [`${FAKE_KEY.slice(0, 5)} ${FAKE_KEY.slice(5)}`, "a space or control character (U+0020)", 6],
    [`${FAKE_KEY.slice(0, 5)}\n${FAKE_KEY.slice(5)}`, "a line break (U+000A)", 6],
    [`${FAKE_KEY}\u00e9\u4e2d`, "a character outside Latin-1 (U+4E2D)", FAKE_KEY.length + 2],
    [`"${FAKE_KEY}"`, "a quote around the key (U+0022)", 1],
  ])("%j is a DeepInfraError at construction, naming the problem without the key", (key, what, position) => {
    let error: unknown;
    try {
      new DeepInfra({ apiKey: key, baseURL: upstreamURL() });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DeepInfraError);
    const message = (error as Error).message;
    expect(message).toContain(`apiKey has ${what} at position ${position} of ${key.length}, which cannot be sent in an Authorization header.`);
    expect(message).not.toContain(FAKE_KEY.slice(0, 8));
    expect(message).not.toContain(FAKE_KEY.slice(-8));
  });

  it("the chat-only client checks the same way", () => {
    expect(() => new ChatOnly({ apiKey: `${FAKE_KEY}\u2019` })).toThrow("apiKey has a curly quote (U+2019)");
  });

  it("a trailing newline and a Bearer prefix are still forgiven", async () => {
    const testId = newTestId();
    const client = new DeepInfra({ apiKey: `Bearer ${FAKE_KEY}\n`, baseURL: upstreamURL(), headers: scenarioHeaders(testId) });
    await client.chat.completions.create(params);
    expect((await recordedRequests(testId))[0]?.headers.authorization).toBe(`Bearer ${FAKE_KEY}`);
  });
});
