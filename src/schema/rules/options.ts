// The SDK's own options (the client's, a call's, the compat layers'): no DeepInfra model states these, so each
// rule cites the option's doc comment in src/types and the reason for its bound. Compiled with the request rules.
import { type } from "arktype";
import { countFromOne, countFromZero, finiteAmount, jsonObject, modelNames, notStreaming, standardSchema, uniqueToolNames } from "../predicates.js";
import { modelPath } from "./newer-api.js";

/** Milliseconds, retries, bytes: 0 turns a limit off, a negative value has no meaning. */
const nonNegative = type("number >= 0").describe("a number >= 0");

/** ClientOptions: the transport's numbers. */
export const transportOptions = type({
  "timeout?": nonNegative,
  "idleTimeout?": nonNegative,
  "maxRetries?": nonNegative,
  "maxEventBytes?": nonNegative,
});

/** BudgetOptions: `maxUSD`, a finite amount (Infinity would never stop anything). */
export const budgetOptions = type({ maxUSD: type("number >= 0").narrow(finiteAmount).describe("a finite number >= 0") });

/** ConcurrencyOptions: limits are whole requests; Infinity means none. */
export const concurrencyOptions = type({
  "perModel?": type("number").narrow(countFromOne).describe("an integer >= 1"),
  "total?": type("number").narrow(countFromOne).describe("an integer >= 1"),
  "maxQueue?": type("number").narrow(countFromZero).describe("an integer >= 0"),
});

/** `fallback` (client and per call): model ids tried in order. */
export const fallbackChain = type("unknown").narrow(modelNames);

/** FeatureOptions: the hooks the features call, by the methods they call. */
export const featureOptions = type({
  "onFallback?": type("Function").describe("a function"),
  "tracer?": type({ startSpan: "Function" }).describe("an OpenTelemetry Tracer (with startSpan())"),
  "meter?": type({ createHistogram: "Function" }).describe("an OpenTelemetry Meter (with createHistogram())"),
  "cache?": type({ get: "Function", put: "Function" }).describe("a cache with get() and put()"),
});

/** `chat.completions.runTools`: rounds are whole model calls; tool names follow OpenAI's function-name rule. */
export const runToolsParams = type({
  maxRounds: type("number.integer >= 1").describe("an integer >= 1"),
  tools: type({
    name: type(/^[a-zA-Z0-9_-]{1,64}$/).describe("1 to 64 letters, digits, _ or -"),
    run: type("Function").describe("a function"),
    parameters: type("unknown").narrow(standardSchema),
    "description?": "string",
    "jsonSchema?": "object",
  })
    .array()
    .atLeastLength(1)
    .describe("a non-empty array of { name, parameters, run }"),
}).narrow(uniqueToolNames);

/** `chat.completions.parse`: a schema to validate the reply with, and a whole reply to read. */
export const parseParams = type({ schema: type("unknown").narrow(standardSchema), "stream?": type("unknown").narrow(notStreaming) });

/** `inference.run`: a native model path, and the model's input fields as an object or a FormData. */
export const inferenceRunParams = type({
  model: modelPath,
  body: type({ "stream?": type("unknown").narrow(notStreaming) })
    .narrow(jsonObject)
    .or(type.instanceOf(FormData))
    .describe("an object of the model's input fields or a FormData"),
});

/** llm-interface `sendMessage(provider, message)`: the text, or a request `{ model, messages }`. */
export const llmMessage = type("string > 0 | object").describe("a non-empty string or { model, messages }");
