import type { UsageEvent } from "../budget.js";
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
 * before it left (the call's `charge`); it settles here to the answer's usage (outside the transport's
 * read, so a throwing `onUsage` is never taken for a lost body), or follows the stream to settle once,
 * whichever way it ends.
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
  if (!stream) {
    let call: CallContext | undefined;
    const result = await context.transport(spec, options, (open) => {
      call = open.call;
      return readJSON<Result>(open);
    });
    call?.charge?.answered(result.usage);
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
    onUsage: charge && ((usage) => charge.settle(usage)),
  });
  markAnswer(opened, open.response);
  charge?.follow(open.body, opened);
  return opened;
}
