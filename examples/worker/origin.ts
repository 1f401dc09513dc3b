// Who may call the Worker. Everything here compares the request against configuration
// (PUBLIC_ORIGINS, ALLOWED_HOSTS, DEV_PORT, ALLOWED_ORIGINS); nothing is derived from the request,
// so a DNS-rebinding page (Host: attacker.example) is not "same origin" with anything.
import type { Config } from "./config.js";
import { HttpError } from "./http-error.js";

/** Where a request arrived: its host and the Worker's own origin there. */
export interface Arrival {
  host: string;
  ownOrigin: string;
  /** True on a loopback host on the dev port (`wrangler dev`): no platform-set client address there. */
  loopback: boolean;
}

/**
 * Checks `Host` against the configured site; every route, the page included, goes through it.
 * @throws HttpError 421 for any other host.
 */
export function checkHost(request: Request, config: Config): Arrival {
  const host = new URL(request.url).host.toLowerCase();
  const ownOrigin = config.site.ownOrigin.get(host);
  if (!config.site.hosts.has(host) || ownOrigin === undefined) {
    const hint = config.site.hosts.size === 0 ? "set PUBLIC_ORIGINS (or ALLOWED_HOSTS) in wrangler.toml" : "add it to PUBLIC_ORIGINS or ALLOWED_HOSTS";
    throw new HttpError(421, "misdirected_request", `This Worker does not serve this host; ${hint}.`, {}, `host ${host}`);
  }
  return { host, ownOrigin, loopback: config.site.loopback.has(host) };
}

/**
 * The origin check for `/api/*`: the Worker's own origin for this host, another of its configured
 * origins, or one listed in ALLOWED_ORIGINS (`*` allows any but `null`, answered with a literal `*`).
 * Browsers always send `Origin` on POST, so a missing one means a script. `Sec-Fetch-Site`, where a
 * browser sent it, must agree with `Origin`. Returns the CORS headers to add (none for same-origin).
 * @throws HttpError 403 for a missing, `null`, foreign or contradicted origin.
 */
export function checkOrigin(request: Request, arrival: Arrival, config: Config): Record<string, string> {
  const origin = request.headers.get("origin");
  if (origin === null) throw new HttpError(403, "origin_required", "Requests to /api/* must carry an Origin header (browsers send it).");
  // Sandboxed frames, file: pages and cross-origin redirects send "null": no one to grant anything to.
  if (origin === "null") throw new HttpError(403, "origin_not_allowed", "Origin null is never allowed.");
  const site = request.headers.get("sec-fetch-site");
  const same = origin === arrival.ownOrigin;
  if (site !== null && (site === "none" || (site === "same-origin") !== same)) {
    throw new HttpError(403, "fetch_site_mismatch", "Sec-Fetch-Site does not match Origin.", {}, `Sec-Fetch-Site ${site}, Origin ${origin}`);
  }
  if (same) return {};
  const listed = [...config.site.ownOrigin.values()].includes(origin) || config.allowedOrigins.includes(origin);
  if (listed) return corsHeaders(origin);
  if (config.allowedOrigins.includes("*")) return corsHeaders("*");
  throw new HttpError(403, "origin_not_allowed", "This Origin is not allowed; add it to ALLOWED_ORIGINS.", {}, `Origin ${origin}`);
}

/** Answers a CORS preflight for an allowed origin (204), refusing others with 403. */
export function preflight(request: Request, arrival: Arrival, config: Config): Response {
  const cors = checkOrigin(request, arrival, config);
  return new Response(null, {
    status: 204,
    headers: { ...cors, "access-control-allow-methods": "POST, OPTIONS", "access-control-allow-headers": "content-type", "access-control-max-age": "600" },
  });
}

// `origin` is a configured value or `*`, never the request's header echoed back unchecked.
function corsHeaders(origin: string): Record<string, string> {
  return { "access-control-allow-origin": origin, "access-control-expose-headers": "x-request-id, retry-after", ...(origin === "*" ? {} : { vary: "Origin" }) };
}
