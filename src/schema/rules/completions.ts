// Legacy completions (`POST /v1/openai/completions`) as DeepInfra's model OpenAICompletionsIn states it.
// Dev-only rule table: compiled to ../generated/validators.ts by scripts/compile-validators.mjs.
import { type } from "arktype";
import { jsonObject } from "../predicates.js";
import { extraBody, sampling } from "./shared.js";

/** OpenAICompletionsIn. A top-level null or undefined means "absent" and is dropped before this check. */
export const completionParams = type({
  model: "string",
  // prompt: a string or an array of integer token ids
  prompt: "string | number.integer[]",
  ...sampling,
  // max_tokens: integer, exclusiveMinimum 0, maximum 1,000,000 (0 is refused here, unlike chat)
  "max_tokens?": "0 < number.integer <= 1000000",
  // logprobs: an integer (how many top tokens per position)
  "logprobs?": "number.integer",
  "echo?": "boolean",
  "return_tokens_as_token_ids?": "boolean",
  // data: CompletionMultiModalData, base64 data URIs for the few non-chat vision models
  "data?": type({ "image?": "string[]", "video?": "string[]" }).narrow(jsonObject),
  // service_tier and fail_fast are not in OpenAICompletionsIn's copies; the docs offer tiers on every inference
  // route and the server ignores fields its model lacks, so they are sent when given.
  "service_tier?": "string",
  "fail_fast?": "boolean",
  ...extraBody,
  "+": "reject",
}).narrow(jsonObject);
