import type { Exchange } from "../exchange.js";
import { expectEventStream, readJSON, type RequestOptions } from "../http.js";
import { resolveModel } from "../models.js";
import type { CompletionUsage } from "../types/chat.js";
import type { ResourceContext } from "./chat.js";

type UsageSink = ((usage: CompletionUsage) => void) | undefined;

/**
 * The one request flow of chat and legacy completions, after validation: resolve the alias, send,
 * then either read the JSON answer or open the stream, counting usage against the budget.
 */
export async function generate<Result extends { usage?: CompletionUsage | null }, Stream>(
  context: ResourceContext,
  endpoint: "chat.completions" | "completions",
  params: { model: string; stream?: boolean | null },
  options: RequestOptions | undefined,
  openStream: (exchange: Exchange, onUsage: UsageSink) => Stream,
): Promise<Result | Stream> {
  const resolved = resolveModel(params.model, context.modelAliases);
  const stream = params.stream === true;
  const spec = { method: "POST", path: `/v1/openai/${endpoint.replace(".", "/")}`, body: { ...params, model: resolved.model }, stream, resolved } as const;
  const budget = context.budget;
  if (!stream) {
    const result = await context.transport(spec, options, readJSON<Result>);
    budget?.record(endpoint, resolved.model, result.usage);
    return result;
  }
  const open = await context.transport(spec, options);
  await expectEventStream(open);
  return openStream(open.exchange, budget && ((usage) => budget.record(endpoint, resolved.model, usage)));
}
