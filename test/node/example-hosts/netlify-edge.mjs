// Serves one Netlify Edge Function under Deno the way Netlify calls it: `default(request, context)`
// for requests matching its inline `config.path`, with `Netlify.env` reading the environment.
// Hand-written because `netlify dev` downloads its edge bootstrap at run time, and tests stay offline.
//   deno run --allow-net --allow-env --allow-read netlify-edge.mjs <function file>
const [file] = Deno.args;
if (!file) throw new Error("usage: netlify-edge.mjs <function file>");

// The documented surface of Netlify's global: env.get/has/toObject, read-only here.
globalThis.Netlify = {
  env: { get: (name) => Deno.env.get(name), has: (name) => Deno.env.has(name), toObject: () => Deno.env.toObject() },
};

const fn = await import(new URL(file, `file://${Deno.cwd()}/`).href);
if (typeof fn.default !== "function") throw new Error(`${file}: the default export must be the handler function`);
if (typeof fn.config?.path !== "string") throw new Error(`${file}: export const config = { path: "/…" } is missing`);
const route = new URLPattern({ pathname: fn.config.path });

Deno.serve({
  hostname: "127.0.0.1",
  port: 0,
  onListen: ({ hostname, port }) => console.log(`Listening on http://${hostname}:${port}/`),
}, (request, info) => {
  if (!route.test(request.url)) return new Response("No edge function on this path", { status: 404 });
  const context = {
    requestId: crypto.randomUUID(),
    ip: info.remoteAddr.hostname,
    geo: {},
    params: route.exec(request.url)?.pathname.groups ?? {},
    waitUntil: () => {},
    next: () => new Response("Not found", { status: 404 }),
  };
  return fn.default(request, context);
});
