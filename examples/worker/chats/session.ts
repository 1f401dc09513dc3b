// Who is asking: a signed session cookie. The one place an app with real users plugs in its own identity
// (return its user id from `identify`); chats are addressed by this id and the chat id.
import { HttpError } from "../http-error.js";
import type { ChatsEnv } from "./settings.js";

/** A visitor: a stable id, and the cookie to set when the id was just issued. */
export interface Visitor {
  id: string;
  setCookie?: string;
}

const COOKIE = "chat_session";
const MAX_AGE_SECONDS = 30 * 24 * 3600;
const encoder = new TextEncoder();

/**
 * The visitor behind `request`: the session cookie when its HMAC checks out; else, with `issue`, a new
 * session (its `setCookie` must go on the answer, `Secure` when the site is https); else undefined (the routes answer 404).
 * Replace the body with your own auth (e.g. a verified JWT's `sub`) to give chats to real users.
 */
export async function identify(request: Request, env: ChatsEnv, options: { issue: boolean; secure: boolean }): Promise<Visitor | undefined> {
  const key = await signingKey(env);
  const value = cookieValue(request.headers.get("cookie"), COOKIE);
  const [id, signature] = value?.split(".") ?? [];
  if (id && signature && /^[\w-]{22}$/.test(id)) {
    const mac = fromBase64url(signature);
    if (mac && (await crypto.subtle.verify("HMAC", key, mac, encoder.encode(id)))) return { id };
  }
  if (!options.issue) return undefined;
  const fresh = base64url(crypto.getRandomValues(new Uint8Array(16)));
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(fresh)));
  // On Cloudflare request.url is https; behind a local proxy the configured origin says so.
  const secure = options.secure || new URL(request.url).protocol === "https:" ? "; Secure" : "";
  return { id: fresh, setCookie: `${COOKIE}=${fresh}.${base64url(mac)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${MAX_AGE_SECONDS}${secure}` };
}

/** SESSION_SECRET, or (so `npm start` needs no second secret) a one-way derivation of the API key. */
async function signingKey(env: ChatsEnv): Promise<CryptoKey> {
  let material: ArrayBuffer | Uint8Array<ArrayBuffer>;
  if (env.SESSION_SECRET) material = encoder.encode(env.SESSION_SECRET);
  else if (env.DEEPINFRA_API_KEY) material = await crypto.subtle.digest("SHA-256", encoder.encode(`deepinfra-edge chat sessions\0${env.DEEPINFRA_API_KEY}`));
  else throw new HttpError(503, "not_configured", "The Worker has no SESSION_SECRET (or DEEPINFRA_API_KEY) secret to sign sessions with.");
  return crypto.subtle.importKey("raw", material, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
}

function cookieValue(header: string | null, name: string): string | undefined {
  for (const pair of header?.split(";") ?? []) {
    const at = pair.indexOf("=");
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[\w-]{43}$/.test(text)) return undefined;
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "=");
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
