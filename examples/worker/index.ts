// The example Worker: two chat pages (plain JS, and React with `useChat`), a streaming chat proxy in two
// wire formats, an embeddings proxy (cached in KV when bound) and two media routes that keep the DeepInfra
// key server-side, hardened for the public internet (examples/worker/README.md).
// Knobs: wrangler.toml [vars].
import { DeepInfra } from "deepinfra-edge";
import { clientKey } from "./client-id.js";
import { readConfig, type Config, type Env } from "./config.js";
import { HttpError, errorResponse } from "./http-error.js";
import { handleMediaRoute, isMediaRoute } from "./media-routes.js";
import { checkHost, checkOrigin, preflight } from "./origin.js";
import { renderPage } from "./page.js";
import { isReactScript, reactScript, renderReactPage } from "./react-page.js";
import { enforceRateLimit } from "./rate-limit.js";
import { chat, embeddings, type RouteContext } from "./routes.js";
import { scrubResponse, secretOf, type Secret } from "./scrub.js";
import { uiChat } from "./ui-chat.js";
import { uiTools } from "./tools.js";
import { refundIfRefused, reserveSpend, usageTokens, type Price, type Spend } from "./spend-breaker.js";
import { chatsRoute, matchChatsRoute } from "./chats/routes.js";
import type { ChatsEnv } from "./chats/settings.js";

export { RateLimiter } from "./rate-limit.js";
export { SpendBreaker } from "./spend-breaker.js";
export { ChatRoom } from "./chats/chat-room.js";

const SECURITY_HEADERS = { "x-content-type-options": "nosniff", "referrer-policy": "no-referrer" };
const API_ROUTES = new Set(["/api/chat", "/api/ui-chat", "/api/ui-tools", "/api/embeddings"]);

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const secret = secretOf(env.DEEPINFRA_API_KEY);
    const response = await handle(request, env, ctx, secret);
    // The /react script is a file built into the Worker, the same bytes for everyone: no upstream data to scrub.
    if (response.ok && request.method === "GET" && isReactScript(new URL(request.url).pathname)) return response;
    // Every other byte that leaves, whatever produced it, passes the key scrubber.
    return scrubResponse(response, secret);
  },
};

async function handle(request: Request, env: Env, ctx: ExecutionContext, secret: Secret | undefined): Promise<Response> {
  // Cloudflare's ray id where its edge set one; a client-sent header (locally) is not echoed back.
  const ray = request.headers.get("cf-ray");
  const requestId = ray && /^[0-9a-f]{16}(-[A-Z]{3})?$/.test(ray) ? ray : crypto.randomUUID();
  let cors: Record<string, string> = {};
  let spend: Spend | undefined;
  // The route's price and prompt size, for settling an answer without a cost and a stream the browser left.
  let price: Price | undefined;
  let promptTokens = 0;
  try {
    const config = readConfig(env);
    const arrival = checkHost(request, config);
    const { pathname } = new URL(request.url);
    const read = request.method === "GET" || request.method === "HEAD";
    if (pathname === "/" && read) return renderPage(config, nonce());
    if (pathname === "/react" && read) return renderReactPage(config, nonce());
    if (isReactScript(pathname) && read) return reactScript();
    if (pathname === "/healthz" && request.method === "GET") {
      return Response.json({ ok: true, upstream: config.offlineDemo ? "offline-demo" : "deepinfra" }, { headers: { ...SECURITY_HEADERS, "cache-control": "no-store" } });
    }
    const chats = matchChatsRoute(pathname);
    if (chats) {
      if (request.method === "OPTIONS") return preflight(request, arrival, config);
      // Browsers send no Origin on a same-origin GET; one that is sent must be allowed (the cookie is SameSite=Strict).
      if (!read || request.headers.has("origin")) cors = checkOrigin(request, arrival, config);
      const headers = { ...SECURITY_HEADERS, ...cors, "cache-control": "no-store", "x-request-id": requestId };
      const secure = arrival.ownOrigin.startsWith("https:");
      return await chatsRoute(request, env as ChatsEnv, chats, { config, requestId, headers, secure, rateLimit: () => enforceRateLimit(clientKey(request, arrival, config), env, config) });
    }
    // Anything else costs a rate-limit token before it is told apart, and no answer names the path.
    if (!API_ROUTES.has(pathname) && !isMediaRoute(pathname)) {
      await enforceRateLimit(clientKey(request, arrival, config), env, config);
      throw new HttpError(404, "not_found", "No such route.", {}, `path ${pathname}`);
    }
    if (request.method === "OPTIONS") return preflight(request, arrival, config);
    if (request.method !== "POST") throw new HttpError(405, "method_not_allowed", "This route accepts POST only.", { allow: "POST, OPTIONS" });
    cors = checkOrigin(request, arrival, config);
    const client_ = clientKey(request, arrival, config);
    await enforceRateLimit(client_, env, config);
    if (!env.DEEPINFRA_API_KEY) throw new HttpError(503, "not_configured", "The Worker has no DEEPINFRA_API_KEY secret; run `wrangler secret put DEEPINFRA_API_KEY`.");
    let client: DeepInfra | undefined;
    const route: RouteContext = {
      request,
      env,
      config,
      requestId,
      secret,
      clientKey: client_,
      headers: { ...SECURITY_HEADERS, ...cors, "cache-control": "no-store", "x-request-id": requestId },
      // request.signal fires when the runtime reports the browser gone (compat flag
      // enable_request_signal): Cloudflare does; local workerd does not before the response starts.
      signal: request.signal,
      client: () => (client ??= createClient(env, config, () => price, (cost) => spend?.record(cost))),
      reserve: async (usd, routePrice, prompt = 0) => {
        price = routePrice;
        promptTokens = prompt;
        return (spend ??= await reserveSpend(env, config, usd, client_, (p) => ctx.waitUntil(p)));
      },
    };
    const response = isMediaRoute(pathname)
      ? await handleMediaRoute(pathname, route)
      : pathname === "/api/chat"
        ? await chat(route)
        : pathname === "/api/ui-chat"
          ? await uiChat(route)
          : pathname === "/api/ui-tools"
            ? await uiTools(route)
            : await embeddings(route);
    const abandoned = (events: number) => (price ? promptTokens * price.input + events * price.output : (spend?.reservedUSD ?? 0));
    return spend ? settledBeforeEnd(response, spend, abandoned, request.signal) : response;
  } catch (failure) {
    if (spend) {
      refundIfRefused(spend, failure);
      await spend.done();
    }
    return errorResponse(failure, requestId, { ...SECURITY_HEADERS, ...cors }, secret);
  }
}

function createClient(env: Env, config: Config, price: () => Price | undefined, onCost: (usd: number) => void): DeepInfra {
  return new DeepInfra({
    apiKey: env.DEEPINFRA_API_KEY!,
    ...(env.DEEPINFRA_BASE_URL ? { baseURL: env.DEEPINFRA_BASE_URL } : {}),
    modelAliases: config.modelAliases,
    // A retry after a browser already waited is worse than a quick, readable error.
    maxRetries: 1,
    // Not a limit (the global breaker is): the SDK's usage hook reports each answer's cost.
    budget: {
      maxUSD: Number.MAX_SAFE_INTEGER,
      estimateCost: ({ usage }) => {
        const p = price();
        if (!p) return usageTokens(usage) * config.spend.usdPerToken;
        const input = usage.prompt_tokens ?? usageTokens(usage);
        return input * p.input + (usage.completion_tokens ?? 0) * p.output;
      },
      onUsage: (event) => onCost(event.costUSD),
    },
  });
}

/**
 * Holds the last byte of a body until the call's cost is stored (a stream's usage comes at its end). A body
 * the browser cancels never sees that usage: it settles to `abandoned(events)`, the prompt plus one token per
 * SSE event relayed, instead of keeping the worst case.
 */
function settledBeforeEnd(response: Response, spend: Spend, abandoned: (events: number) => number, left: AbortSignal): Response {
  if (!response.body) return response;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let events = 0;
  // Once the runtime reports the browser gone, no more of this body's code may run: settle from the signal.
  left.addEventListener("abort", () => spend.record(abandoned(events)), { once: true });
  const body = new ReadableStream<Uint8Array>({
    async pull(out) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        // The body tore down under us: the browser left (request.signal aborted the upstream call).
        spend.record(abandoned(events));
        throw error;
      }
      const { done, value } = chunk;
      if (done) {
        // An answer that reported its usage settled already (the first settlement wins); one cut short
        // (the browser left and the call was aborted) ends without usage and settles to the estimate.
        spend.record(abandoned(events));
        await spend.done();
        return out.close();
      }
      events += decoder.decode(value, { stream: true }).split("data:").length - 1;
      out.enqueue(value);
    },
    async cancel(reason) {
      spend.record(abandoned(events));
      await reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

function nonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
