// Rules shared by chat and legacy completions, in arktype's syntax: the rule table the validators are
// compiled from (`npm run validators`). Dev-only: nothing under src/ imports this folder at run time.
// Every bound cites the field of DeepInfra's request model (its OpenAPI spec, 2026-05) it follows.
import { type } from "arktype";
import { jsonObject } from "../predicates.js";

/** A JSON object of any shape (the models' free-form `object`): never an array. */
export const freeObject = type("object").narrow(jsonObject);

/** `extra_body`: fields sent as given, outside every rule here (only its own shape is checked). */
export const extraBody = { "extra_body?": freeObject } as const;

/**
 * `response_format`: TextResponseFormat | JsonObjectResponseFormat | JsonSchemaResponseFormat | RegexResponseFormat.
 * Each model gives `type` a default, so an object without `type` is accepted (as text) by the server, and so here;
 * `json_schema` and `regex` need their field.
 */
export const responseFormat = type({ type: "'json_schema'", json_schema: type({ name: "string", schema: freeObject }).narrow(jsonObject) })
  .narrow(jsonObject)
  .or(type({ type: "'regex'", regex: "string" }).narrow(jsonObject))
  .or(type({ "type?": "'text' | 'json_object'" }).narrow(jsonObject));

/** StreamOptions: both flags optional booleans. */
export const streamOptions = type({ "include_usage?": "boolean", "continuous_usage_stats?": "boolean" }).narrow(jsonObject);

/** The sampling fields OpenAIChatCompletionsIn and OpenAICompletionsIn share, with the same bounds. */
export const sampling = {
  "stream?": "boolean",
  // temperature: minimum 0, maximum 2
  "temperature?": "0 <= number <= 2",
  // top_p: exclusiveMinimum 0, maximum 1
  "top_p?": "0 < number <= 1",
  // min_p: minimum 0, maximum 1
  "min_p?": "0 <= number <= 1",
  // top_k: integer, minimum 0, exclusiveMaximum 1000
  "top_k?": "0 <= number.integer < 1000",
  // n: integer, minimum 1, maximum 4
  "n?": "1 <= number.integer <= 4",
  // presence_penalty, frequency_penalty: minimum -2, maximum 2
  "presence_penalty?": "-2 <= number <= 2",
  "frequency_penalty?": "-2 <= number <= 2",
  // repetition_penalty: minimum 0.01, maximum 5
  "repetition_penalty?": "0.01 <= number <= 5",
  // stop: string | string[]; the description says "up to 16" but the schema sets no maxItems, so none here.
  "stop?": "string | string[]",
  // stop_token_ids: integer[] ("up to 16" in prose only, as for stop)
  "stop_token_ids?": "number.integer[]",
  // seed: integer, minimum -2^63, exclusiveMaximum 2^64
  "seed?": "-9223372036854775808 <= number.integer < 18446744073709551616",
  "user?": "string",
  "stream_options?": streamOptions,
  "response_format?": responseFormat,
  "prompt_cache_key?": "string",
} as const;
