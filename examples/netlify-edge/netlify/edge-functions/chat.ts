// A Netlify Edge Function (Deno on Netlify's edge): POST { messages } to /api/chat, get DeepInfra's
// SSE back. The key is a Netlify environment variable and never reaches the browser.
import type { Config, Context } from "@netlify/edge-functions";
import { DeepInfra, ValidationError } from "deepinfra-edge";

const MODEL = "meta-llama/Meta-Llama-3.1-8B-Instruct";

export default async (request: Request, _context: Context): Promise<Response> => {
  if (request.method !== "POST") return new Response("Use POST", { status: 405, headers: { allow: "POST" } });
  const body = await request.json().catch(() => null);
  if (!Array.isArray(body?.messages)) return Response.json({ error: "Send JSON { messages: [...] }." }, { status: 400 });
  try {
    // DEEPINFRA_BASE_URL is for tests and local stand-ins; unset, the client calls DeepInfra itself.
    const client = new DeepInfra({ apiKey: Netlify.env.get("DEEPINFRA_API_KEY"), baseURL: Netlify.env.get("DEEPINFRA_BASE_URL") });
    // The model and the token cap are chosen here, not by the browser; request.signal closes the
    // upstream call when the browser goes away.
    const stream = await client.chat.completions.create({ model: MODEL, messages: body.messages, max_tokens: 512, stream: true }, { signal: request.signal });
    return new Response(stream.toReadableStream(), { headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof ValidationError) return Response.json({ error: error.message }, { status: 400 });
    console.error(error); // SDK errors never carry the key, so they are safe to log
    return Response.json({ error: "The model is unavailable, try again later." }, { status: 502 });
  }
};

export const config: Config = { path: "/api/chat" };
