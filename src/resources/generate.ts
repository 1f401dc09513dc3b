import type { UsageEvent, UsageRecord } from "../budget.js";
import type { ApiCall, CallContext } from "../call-context.js";
import { markAnswer } from "../api-promise.js";
import { resolveModel } from "../models.js";
import { expectEventStream, headersOf, readJSON } from "../response.js";
import type { ByteSource } from "../body-reader.js";
import type { EventStreamOptions } from "../streaming/event-stream.js";
import type { CompletionUsage } from "../types/chat.js";
import { wireBody, type ResourceContext } from "./context.js";

/** Which generation endpoint a call goes to. */
export interface GenerateEndpoint {
  path: "/v1/openai/chat/completions" | "/v1/openai/completions";
  /** How the budget labels its usage. */
  label: UsageEvent["endpoint"];
}

/**
 * The one request flow of chat and legacy completions, after validation: resolve the alias, send,
 * then either read the JSON answer or open the stream. The budget step reserved the call's worst case
 * before it left; it settles here to the answer's usage (outside the transport's read, so a throwing
 * `onUsage` is never taken for a lost body), or, for a stream that ends without usage, from what was
 * streamed: once, whichever way the stream ends.
 */
export async function generate<Result extends { usage?: CompletionUsage | null }, Stream extends { currentCompletion(): unknown }>(
  context: ResourceContext,
  endpoint: GenerateEndpoint,
  params: { model: string; stream?: boolean | null; extra_body?: Record<string, unknown> | null },
  call: Pick<ApiCall, "options" | "watch">,
  openStream: (source: ByteSource, options: EventStreamOptions) => Stream,
): Promise<Result | Stream> {
  const options = call.options;
  const resolved = resolveModel(params.model, context.modelAliases);
  const stream = params.stream === true;
  const spec = { method: "POST", path: endpoint.path, body: wireBody(params, { model: resolved.model }), stream, resolved } as const;
  const budget = context.budget;
  if (!stream) {
    let call: CallContext | undefined;
    const result = await context.transport(spec, options, (open) => {
      call = open.call;
      return readJSON<Result>(open);
    });
    const charge = call?.charge;
    if (charge) result.usage ? charge.settle(result.usage) : charge.settleEstimate({ estimated_cost: charge.reservedUSD });
    else budget?.record(endpoint.label, resolved.model, result.usage);
    return result;
  }
  const opened0 = await context.transport(spec, options);
  const open = call.watch ? call.watch(opened0) : opened0;
  const charge = open.call?.charge;
  try {
    await expectEventStream(open);
  } catch (error) {
    charge?.release();
    throw error;
  }
  const opened = openStream(open.body, {
    headers: headersOf(open),
    maxEventBytes: context.maxEventBytes,
    onUsage: charge ? (usage) => charge.settle(usage) : budget && ((usage) => budget.record(endpoint.label, resolved.model, usage)),
  });
  markAnswer(opened, open.response);
  // A stream left before its usage (the caller's break, an abort, a cut, a cancelled relay) still reached DeepInfra.
  if (charge) open.body.onClose(() => charge.done || charge.settleEstimate(streamedUsage(opened.currentCompletion())));
  return opened;
}

/** Usage as far as a stream got: what it reported, else the choices received at four characters a token (their JSON: an upper bound). */
function streamedUsage(completion: unknown): UsageRecord {
  const { usage, choices } = completion as { usage?: UsageRecord | null; choices?: unknown };
  return usage && typeof usage.completion_tokens === "number" ? { ...usage, estimated_cost: undefined } : { completion_tokens: Math.ceil(JSON.stringify(choices ?? []).length / 4) };
}
