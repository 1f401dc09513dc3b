import type { UsageEvent } from "../budget.js";
import { resolveModel } from "../models.js";
import { expectEventStream, headersOf, readJSON } from "../response.js";
import type { ByteSource } from "../body-reader.js";
import type { EventStreamOptions } from "../streaming/event-stream.js";
import type { CompletionUsage } from "../types/chat.js";
import type { RequestOptions } from "../types/request.js";
import { wireBody, type ResourceContext } from "./context.js";

/** Which generation endpoint a call goes to. */
export interface GenerateEndpoint {
  path: "/v1/openai/chat/completions" | "/v1/openai/completions";
  /** How the budget labels its usage. */
  label: UsageEvent["endpoint"];
}

/**
 * The one request flow of chat and legacy completions, after validation: resolve the alias, send,
 * then either read the JSON answer or open the stream, counting usage against the budget (outside
 * the transport's read, so a throwing `onUsage` is never taken for a lost body and retried).
 */
export async function generate<Result extends { usage?: CompletionUsage | null }, Stream>(
  context: ResourceContext,
  endpoint: GenerateEndpoint,
  params: { model: string; stream?: boolean | null; extra_body?: Record<string, unknown> | null },
  options: RequestOptions | undefined,
  openStream: (source: ByteSource, options: EventStreamOptions) => Stream,
): Promise<Result | Stream> {
  const resolved = resolveModel(params.model, context.modelAliases);
  const stream = params.stream === true;
  const spec = { method: "POST", path: endpoint.path, body: wireBody(params, { model: resolved.model }), stream, resolved } as const;
  const budget = context.budget;
  if (!stream) {
    const result = await context.transport(spec, options, readJSON<Result>);
    budget?.record(endpoint.label, resolved.model, result.usage);
    return result;
  }
  const open = await context.transport(spec, options);
  await expectEventStream(open);
  return openStream(open.body, {
    headers: headersOf(open),
    maxEventBytes: context.maxEventBytes,
    onUsage: budget && ((usage) => budget.record(endpoint.label, resolved.model, usage)),
  });
}
