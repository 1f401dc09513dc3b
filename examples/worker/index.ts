// The example Worker: a chat page, a streaming chat proxy and an embeddings proxy that keep the
// DeepInfra key server-side, hardened for the public internet. Knobs: wrangler.toml [vars].
import { DeepInfra } from "deepinfra-edge";
import { readConfig, type Config, type Env } from "./config.js";
import { checkOrigin, preflight, readJSONBody, toChatParams, toEmbeddingParams } from "./hardening.js";
import { HttpError, errorResponse } from "./http-error.js";
import { handleMediaRoute, isMediaRoute } from "./media-routes.js";
import { renderPage } from "./page.js";
import { enforceRateLimit } from "./rate-limit.js";

export { RateLimiter } from "./rate-limit.js";

const SECURITY_HEADERS = { "x-content-type-options": "nosniff", "referrer-policy": "no-referrer" };

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const requestId = request.headers.get("cf-ray") ?? crypto.randomUUID();
    let cors: Record<string, string> = {};
    try {
      const config = readConfig(env);
      const { pathname } = new URL(request.url);
      if (pathname === "/" && (request.method === "GET" || request.method === "HEAD")) return renderPage(config, nonce());
      if (pathname === "/healthz" && request.method === "GET") {
        return Response.json({ ok: true, upstream: config.offlineDemo ? "offline-demo" : "deepinfra" }, { headers: { ...SECURITY_HEADERS, "cache-control": "no-store" } });
      }
      if (pathname !== "/api/chat" && pathname !== "/api/embeddings" && !isMediaRoute(pathname)) throw new HttpError(404, "not_found", `No route for ${pathname}.`);
      if (request.method === "OPTIONS") return preflight(request, config);
      if (request.method !== "POST") throw new HttpError(405, "method_not_allowed", `${pathname} accepts POST only.`, { allow: "POST, OPTIONS" });
      cors = checkOrigin(request, config);
      await enforceRateLimit(request, env, config);
      if (isMediaRoute(pathname)) {
        return await handleMediaRoute(pathname, request, env, config, createClient(env, config), { ...SECURITY_HEADERS, ...cors, "cache-control": "no-store", "x-request-id": requestId });
      }
      const body = await readJSONBody(request, config.maxBodyBytes);
      const client = createClient(env, config);
      const headers = { ...SECURITY_HEADERS, ...cors, "cache-control": "no-store", "x-request-id": requestId };
      if (pathname === "/api/chat") {
        // request.signal fires when the runtime sees the browser go away (compat flag
        // enable_request_signal); the SDK then closes the upstream call, streaming or not.
        const stream = await client.chat.completions.create(toChatParams(body, config), { signal: request.signal });
        return new Response(stream.toReadableStream(), { headers: { ...headers, "content-type": "text/event-stream; charset=utf-8" } });
      }
      const embeddings = await client.embeddings.create(toEmbeddingParams(body, config), { signal: request.signal });
      return Response.json(embeddings, { headers });
    } catch (failure) {
      return errorResponse(failure, requestId, env.DEEPINFRA_API_KEY, { ...SECURITY_HEADERS, ...cors });
    }
  },
};

function createClient(env: Env, config: Config): DeepInfra {
  if (!env.DEEPINFRA_API_KEY) throw new HttpError(503, "not_configured", "The Worker has no DEEPINFRA_API_KEY secret; run `wrangler secret put DEEPINFRA_API_KEY`.");
  return new DeepInfra({
    apiKey: env.DEEPINFRA_API_KEY,
    ...(env.DEEPINFRA_BASE_URL ? { baseURL: env.DEEPINFRA_BASE_URL } : {}),
    modelAliases: config.modelAliases,
    // A retry after a browser already waited is worse than a quick, readable error.
    maxRetries: 1,
  });
}

function nonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
