// llm-interface's flushCache() on a shared store (KV, the Cache API): the flush is kept in the store itself, so
// another isolate (or this one after a restart) stops reading the flushed answers too. Two module instances of
// the entry stand for two isolates sharing one store.
import { describe, expect, it } from "vitest";
import { LLMInterface as IsolateA } from "../../src/compat/llm-interface.js";
import { newTestId, recordedRequests, scenarioHeaders, upstreamURL } from "../helpers.js";
import { FAKE_KEY } from "../setup-client.js";

describe("flushCache() across isolates", () => {
  it("a second isolate sharing the store never answers from what the first flushed", async () => {
    // @ts-expect-error the query names a second module instance, a file TypeScript does not know
    const { LLMInterface: IsolateB } = (await import("../../src/compat/llm-interface-global.js?isolate-b")) as typeof import("../../src/compat/llm-interface-global.js");
    expect(IsolateB).not.toBe(IsolateA);
    const shared = new Map<string, Uint8Array>();
    const kv = { get: (key: string) => shared.get(key) ?? null, put: (key: string, value: Uint8Array) => void shared.set(key, value) };
    const testId = newTestId();
    for (const api of [IsolateA, IsolateB]) {
      api.setApiKey({ deepinfra: FAKE_KEY });
      api.configureClient({ baseURL: upstreamURL(), headers: scenarioHeaders(testId) });
      api.configureCache({ cache: kv });
    }
    const ask = (api: typeof IsolateA) => api.sendMessage("deepinfra", "hello across isolates", { model: "meta-llama/Meta-Llama-3.1-8B-Instruct" }, { cacheTimeoutSeconds: 3600 });
    expect((await ask(IsolateA)).cacheType).toBeUndefined();
    expect((await ask(IsolateB)).cacheType).toBe("custom");
    await IsolateA.flushCache();
    expect((await ask(IsolateB)).cacheType).toBeUndefined();
    expect((await ask(IsolateA)).cacheType).toBe("custom");
    expect(await recordedRequests(testId)).toHaveLength(2);
  });
});
