import type { CompletionCreateParams } from "../types/completions.js";
import { arrayOf, bool, type Definition, integer, lazyCheck, nonEmpty, object, positive, range, text, units, validateWith } from "./define.js";

// Ranges from DeepInfra's completions reference (docs.deepinfra.com/api-reference/openai-completions-1).
const completionCheck = lazyCheck(() => {
  return object(
    // DeepInfra takes a single prompt string, not OpenAI's array forms.
    { model: nonEmpty, prompt: text },
    {
      echo: bool,
      max_tokens: integer(1),
      stop: [text, arrayOf(text, { maxLength: 4 })],
      stream: bool,
      logprobs: integer(0),
      temperature: range(0, 2),
      top_p: range(0, 1),
      top_k: integer(0),
      min_p: range(0, 1),
      n: integer(1),
      presence_penalty: range(-2, 2),
      frequency_penalty: range(-2, 2),
      repetition_penalty: positive,
      response_format: object({ type: units("text", "json_object") }),
      seed: integer(),
      stop_token_ids: arrayOf({ domain: "number", divisor: 1 }),
      user: text,
      stream_options: object({}, { include_usage: units(true, false), continuous_usage_stats: units(true, false) }),
    },
  );
});

/**
 * Checks completion parameters before anything is sent.
 * @throws ValidationError naming the field path and the rule.
 */
export function validateCompletionParams(params: CompletionCreateParams): Promise<void> {
  return validateWith(params, "completions.create", completionCheck);
}
