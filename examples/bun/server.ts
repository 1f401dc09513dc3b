// A streaming chat proxy for Bun: the browser POSTs { messages } to /api/chat and reads DeepInfra's
// SSE back; the key never leaves this process.
//   DEEPINFRA_API_KEY=… bun server.ts
import { DeepInfra, ValidationError } from "deepinfra-edge";

const MODEL = "meta-llama/Meta-Llama-3.1-8B-Instruct";
// DEEPINFRA_BASE_URL is for tests and local stand-ins; unset, the client calls DeepInfra itself.
const client = new DeepInfra({ apiKey: Bun.env.DEEPINFRA_API_KEY, baseURL: Bun.env.DEEPINFRA_BASE_URL });

async function chat(request: Request): Promise<Response> {
  // Typed here: @types/bun declares request.json() as Promise<{}> (a `bun init` project's tsc rejects `.messages`).
  const body = (await request.json().catch(() => null)) as { messages?: unknown } | null;
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

const server = Bun.serve({
  hostname: "127.0.0.1", // "0.0.0.0" in a container
  port: Number(Bun.env.PORT ?? 3000),
  // Bun closes a connection after 10 s without bytes by default; a model may think longer than that.
  idleTimeout: 120,
  routes: { "/api/chat": { POST: chat } },
  fetch: () => new Response("Not found", { status: 404 }),
});
console.log(`Listening on ${server.url}`);
