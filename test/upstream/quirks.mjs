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
  if (!/\/chat\/completions$/.test(ctx.path)) return undefined;
  if (!scenario.strictReasoning) return demoToolsReply(ctx);
  const messages = Array.isArray(ctx.json?.messages) ? ctx.json.messages : [];
  const bare = messages.findIndex(
    (/** @type {any} */ m) => m?.role === "assistant" && Array.isArray(m.tool_calls) && m.tool_calls.length > 0 && !(typeof m.reasoning_content === "string" && m.reasoning_content !== ""),
  );
  if (bare < 0) return undefined;
  const body = { error: { message: `${REASONING_MESSAGE} (messages[${bare}])`, type: "invalid_request_error", param: null, code: "invalid_request_error" } };
  return { status: 400, body: JSON.stringify(body), contentType: "application/json" };
}

/**
 * The example Worker's tools (examples/worker/tools.ts) against the local upstream, in any mode: a model that calls
 * `send_email` when the user mentions an email, `search_docs` otherwise, and answers once a tool result came back.
 * @param {{ json: any }} ctx
 * @returns {{ status: number, body: string, contentType: string } | undefined}
 */
function demoToolsReply(ctx) {
  const req = ctx.json ?? {};
  const names = Array.isArray(req.tools) ? req.tools.map((/** @type {any} */ t) => t?.function?.name) : [];
  if (!names.includes("search_docs")) return undefined;
  const messages = Array.isArray(req.messages) ? req.messages : [];
  const last = messages[messages.length - 1];
  const userText = [...messages].reverse().find((/** @type {any} */ m) => m?.role === "user")?.content;
  const text = typeof userText === "string" ? userText : "";
  const id = `chatcmpl-demotools${messages.length}`;
  /** @type {any} */
  let delta;
  let finish;
  if (last?.role === "tool") {
    const said = typeof last.content === "string" ? last.content : JSON.stringify(last.content);
    delta = { role: "assistant", content: `Offline demo upstream: the tool answered ${said.slice(0, 160)}` };
    finish = "stop";
  } else {
    const email = /e-?mail/i.test(text);
    const args = email ? { to: "someone@example.com", subject: text.slice(0, 60) } : { query: text.slice(0, 120) };
    delta = { role: "assistant", content: null, tool_calls: [{ index: 0, id: `call_demo${messages.length}`, type: "function", function: { name: email ? "send_email" : "search_docs", arguments: JSON.stringify(args) } }] };
    finish = "tool_calls";
  }
  const usage = { prompt_tokens: 40, completion_tokens: 12, total_tokens: 52, estimated_cost: 1.04e-6 };
  const base = { id, created: 1765000000, model: typeof req.model === "string" ? req.model : "offline-demo" };
  if (req.stream !== true) {
    const message = { role: "assistant", content: delta.content, ...(delta.tool_calls ? { tool_calls: delta.tool_calls.map((/** @type {any} */ { index: _, ...c }) => c) } : {}) };
    return { status: 200, body: JSON.stringify({ ...base, object: "chat.completion", choices: [{ index: 0, message, finish_reason: finish }], usage }), contentType: "application/json" };
  }
  const chunk = (/** @type {any} */ d, /** @type {string | null} */ f, extra = {}) =>
    `data: ${JSON.stringify({ ...base, object: "chat.completion.chunk", choices: [{ index: 0, delta: d, finish_reason: f, logprobs: null }], ...extra })}\n\n`;
  return { status: 200, body: chunk(delta, null) + chunk({}, finish, { usage }) + "data: [DONE]\n\n", contentType: "text/event-stream" };
}
