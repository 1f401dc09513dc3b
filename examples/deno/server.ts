// A streaming chat proxy for Deno (and Deno Deploy): the browser POSTs { messages } to /api/chat and
// reads DeepInfra's SSE back; the key never leaves this process.
//   DEEPINFRA_API_KEY=… deno run --allow-net --allow-env=DEEPINFRA_API_KEY,DEEPINFRA_BASE_URL,PORT server.ts
import { DeepInfra, ValidationError } from "npm:deepinfra-edge";

const MODEL = "meta-llama/Meta-Llama-3.1-8B-Instruct";
// DEEPINFRA_BASE_URL is for tests and local stand-ins; unset, the client calls DeepInfra itself.
const client = new DeepInfra({ apiKey: Deno.env.get("DEEPINFRA_API_KEY"), baseURL: Deno.env.get("DEEPINFRA_BASE_URL") });

async function chat(request: Request): Promise<Response> {
  const body = await request.json().catch(() => null);
  if (!Array.isArray(body?.messages)) return Response.json({ error: "Send JSON { messages: [...] }." }, { status: 400 });
  try {
    // The model and the token cap are chosen here, not by the browser; request.signal closes the
    // upstream call when the browser goes away.
    const stream = await client.chat.completions.create({ model: MODEL, messages: body.messages, max_tokens: 512, stream: true }, { signal: request.signal });
    return new Response(stream.toReadableStream(), { headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof ValidationError) return Response.json({ error: error.message }, { status: 400 });
    console.error(error); // SDK errors never carry the key, so they are safe to log
    return Response.json({ error: "The model is unavailable, try again later." }, { status: 502 });
  }
}

Deno.serve({
  hostname: "127.0.0.1", // "0.0.0.0" in a container; Deno Deploy ignores both settings
  port: Number(Deno.env.get("PORT") ?? 8000),
  onListen: ({ hostname, port }) => console.log(`Listening on http://${hostname}:${port}/`),
}, (request) => {
  const { pathname } = new URL(request.url);
  if (pathname === "/api/chat" && request.method === "POST") return chat(request);
  return new Response("Not found", { status: 404 });
});
