// POST /api/ui-tools: /api/ui-chat with two server-side tools, run by the SDK's runTools and streamed to `useChat`
// as tool parts. `search_docs` is read-only (embeddings, cached in KV when bound, then a reranker); `send_email`
// is a stub that needs the user's approval: the turn ends with an approval request, and the page's Approve/Deny
// answer comes back in the next request, where runTools runs it (or tells the model it was denied).
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { DeepInfra, defineTool, fromUIMessages, kvCache, toolApprovals, toUIMessageStreamResponse, type RunnableTool, type UIMessageLike } from "deepinfra-edge";
import { readJSONBody } from "./hardening.js";
import { HttpError, renderError } from "./http-error.js";
import type { RouteContext } from "./routes.js";
import { chatPrice, chatReserveUSD, usageTokens } from "./spend-breaker.js";
import { toUIChatParams } from "./ui-chat.js";

const MAX_ROUNDS = 3;
const EMBEDDING_MODEL = "BAAI/bge-base-en-v1.5";
const RERANK_MODEL = "Qwen/Qwen3-Reranker-0.6B";
const TOOL_PARTS = new Set(["tool-search_docs", "tool-send_email"]);
const MAX_TOOL_PART_CHARS = 4_000;

/** What search_docs searches: a few lines about this SDK. */
const DOCS = [
  "runTools runs a tool loop: it validates each call's arguments, runs the tools and sends the results back until the model answers.",
  "toUIMessageStreamResponse turns a chat stream, or a runTools runner, into the AI SDK's UI message stream for useChat.",
  "The chat-only client deepinfra-edge/chat carries create() only, so a Worker that streams one chat stays small.",
  "parse() asks for JSON matching a Standard Schema, validates the reply and returns it typed.",
  "A leading <think> block in content is moved to reasoning_content, so textStream() holds only the answer.",
  "The budget option stops calls once maxUSD is spent, counting DeepInfra's estimated_cost.",
];

/** A Standard Schema without a library: an object of string fields, each at most `max` characters. */
function strings<const K extends string>(keys: readonly K[], max: number): StandardSchemaV1<Record<K, string>> & { jsonSchema: object } {
  return {
    "~standard": {
      version: 1,
      vendor: "example",
      validate: (value) => {
        const bad = keys.find((k) => typeof (value as Record<string, unknown> | null)?.[k] !== "string" || ((value as Record<K, string>)[k]?.length ?? 0) > max);
        return bad ? { issues: [{ message: `${bad} must be a string of at most ${max} characters`, path: [bad] }] } : { value: value as Record<K, string> };
      },
    },
    jsonSchema: { type: "object", properties: Object.fromEntries(keys.map((k) => [k, { type: "string", maxLength: max }])), required: keys },
  };
}

function tools(client: DeepInfra, route: RouteContext): Array<RunnableTool<any, unknown>> {
  const cache = route.env.EMBEDDINGS_CACHE ? kvCache(route.env.EMBEDDINGS_CACHE) : undefined;
  const query = strings(["query"], 200);
  const mail = strings(["to", "subject"], 200);
  return [
    defineTool({
      name: "search_docs",
      description: "Search the deepinfra-edge documentation. Returns the two most relevant passages.",
      parameters: query,
      jsonSchema: query.jsonSchema as never,
      run: async ({ query: text }, { signal }) => {
        // The documents' vectors come from the KV cache after the first search; only the query is new.
        const { data } = await client.embeddings.create({ model: EMBEDDING_MODEL, input: [text, ...DOCS] }, { signal, ...(cache ? { cache } : {}) });
        const [q, ...docs] = data.map((d) => d.embedding as number[]);
        const near = docs.map((v, i) => ({ i, score: cosine(q ?? [], v) })).sort((a, b) => b.score - a.score).slice(0, 4);
        const { results } = await client.rerank({ model: RERANK_MODEL, query: text, documents: near.map(({ i }) => DOCS[i] ?? "") }, { signal });
        return results.slice(0, 2).map((r) => ({ passage: DOCS[near[r.index]?.i ?? 0], score: Number(r.relevance_score.toFixed(4)) }));
      },
    }),
    defineTool({
      name: "send_email",
      description: "Send an email. Needs the user's approval; this demo only pretends.",
      parameters: mail,
      jsonSchema: mail.jsonSchema as never,
      needsApproval: true,
      run: ({ to, subject }) => ({ sent: false, note: `Stub: an email to ${to} about "${subject}" would be sent here.` }),
    }),
  ];
}

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += (a[i] ?? 0) * (b[i] ?? 0);
    na += (a[i] ?? 0) ** 2;
    nb += (b[i] ?? 0) ** 2;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/**
 * `useChat`'s body, as /api/ui-chat takes it, plus the two tools' parts on assistant messages. The text rules (model
 * and field allowlists, sizes, max_tokens clamp) are /api/ui-chat's; the run reserves MAX_ROUNDS chats, embeddings and
 * a rerank up front, and settles the sum of every call's cost when the stream ends.
 */
export async function uiTools(route: RouteContext): Promise<Response> {
  const body = await readJSONBody(route.request, route.config.maxBodyBytes);
  const messages = Array.isArray(body.messages) ? (body.messages as UIMessageLike[]) : [];
  // The text rules, on the messages without their tool parts.
  const textOnly = messages.map((m) => (typeof m === "object" && m !== null && Array.isArray(m.parts) ? { ...m, parts: m.parts.filter((p) => !TOOL_PARTS.has(p?.type)) } : m));
  const params = toUIChatParams({ ...body, messages: textOnly }, route.config);
  messages.forEach((m, i) =>
    m.parts?.forEach((part, at) => {
      if (!TOOL_PARTS.has(part?.type)) return;
      if (m.role !== "assistant") throw new HttpError(400, "part_not_allowed", `messages[${i}].parts[${at}]: only assistant messages hold tool parts.`);
      if (JSON.stringify(part).length > MAX_TOOL_PART_CHARS) throw new HttpError(400, "message_too_long", `messages[${i}].parts[${at}] is larger than ${MAX_TOOL_PART_CHARS} characters.`);
    }),
  );
  const perChat = chatReserveUSD(params.messages as Array<{ content: string }>, params.max_tokens ?? route.config.maxTokens, chatPrice(params.model, route.config));
  const spend = await route.reserve(MAX_ROUNDS * (perChat + 2 * route.config.maxMessageChars * route.config.spend.usdPerToken));
  let spent = 0;
  // Its own client: the router's settles on the first answer, and a tool run makes several.
  const client = new DeepInfra({
    apiKey: route.env.DEEPINFRA_API_KEY!,
    ...(route.env.DEEPINFRA_BASE_URL ? { baseURL: route.env.DEEPINFRA_BASE_URL } : {}),
    modelAliases: route.config.modelAliases,
    maxRetries: 1,
    budget: { maxUSD: Number.MAX_SAFE_INTEGER, estimateCost: ({ usage }) => usageTokens(usage) * route.config.spend.usdPerToken, onUsage: (event) => void (spent += event.costUSD) },
  });
  const runner = client.chat.completions.runTools(
    { model: params.model, max_tokens: params.max_tokens, messages: fromUIMessages(messages), approvals: toolApprovals(messages), tools: tools(client, route), maxRounds: MAX_ROUNDS, stream: true },
    { signal: route.signal },
  );
  const onError = (error: unknown) => {
    const { code, message } = renderError(error, route.requestId, route.secret).body.error;
    return `${code}: ${message} (request ${route.requestId})`;
  };
  const response = toUIMessageStreamResponse(runner, { headers: route.headers, onError });
  const settle = () => spend.record(spent);
  const body$ = response.body!.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({ flush: settle }));
  const reader = body$.getReader();
  // A browser that leaves cancels the run (and its open stream); what was spent until then is settled.
  const out = new ReadableStream<Uint8Array>({
    pull: async (c) => {
      const { done, value } = await reader.read();
      if (done) c.close();
      else c.enqueue(value);
    },
    cancel: async (reason) => {
      await reader.cancel(reason);
      settle();
    },
  });
  return new Response(out, { status: response.status, headers: response.headers });
}
