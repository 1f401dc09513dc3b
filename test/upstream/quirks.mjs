/**
 * Open-model quirks the local upstream can act out (issue 20). The recorded answers themselves are plain
 * fixtures in test/fixtures/quirks/*.sse, played with a scenario `{ fixture: "quirks/<name>.sse" }` (or a
 * `sequence` of them for a tool loop); this module holds the quirks that depend on the request.
 *
 * - `strictReasoning`: answer 400 the way DeepSeek V4 / Kimi-class thinking models do (danny-avila/LibreChat#13366,
 *   anomalyco/opencode#24124, crewAIInc/crewAI#5878) when an assistant turn with `tool_calls` comes back without
 *   its `reasoning_content`. Whether DeepInfra itself enforces this is unconfirmed (docs/api-facts.md).
 */

const REASONING_MESSAGE = "The `reasoning_content` in the thinking mode must be passed back to the API.";

/**
 * The reply a request-dependent quirk gives instead of the route's, or undefined.
 * @param {{ path: string, json: any }} ctx @param {{ strictReasoning?: boolean }} scenario
 * @returns {{ status: number, body: string, contentType: string } | undefined}
 */
export function quirkReply(ctx, scenario) {
  if (!scenario.strictReasoning || !/\/chat\/completions$/.test(ctx.path)) return undefined;
  const messages = Array.isArray(ctx.json?.messages) ? ctx.json.messages : [];
  const bare = messages.findIndex(
    (/** @type {any} */ m) => m?.role === "assistant" && Array.isArray(m.tool_calls) && m.tool_calls.length > 0 && !(typeof m.reasoning_content === "string" && m.reasoning_content !== ""),
  );
  if (bare < 0) return undefined;
  const body = { error: { message: `${REASONING_MESSAGE} (messages[${bare}])`, type: "invalid_request_error", param: null, code: "invalid_request_error" } };
  return { status: 400, body: JSON.stringify(body), contentType: "application/json" };
}
