// The benchmark upstream: node:http on loopback serving prebuilt bodies. Not test/upstream/server.mjs
// on purpose: that one re-reads scenarios and records every request, and here the server's work must
// be minimal and identical for every client.
// The scenario is the first path segment, so any client with a configurable base URL can pick it:
//   /stream/…   20,000-chunk SSE (/tiny/…: 5 chunks)          /ttft/…   SSE whose first content event is delayed
//   /huge/…     ~100 MB SSE               /small/…  small JSON completion (native shape under /v1/inference)
//   /embed/…    1,000 embeddings, float or base64 as the request asks (native shape under /v1/inference)
import http from "node:http";
import { buildCompletion, buildDelayedStream, buildEmbeddings, buildHugeStream, buildNativeCompletion, buildStream, inputOffset } from "./bodies.mjs";

const SSE = { "content-type": "text/event-stream", "cache-control": "no-cache" };
const JSON_TYPE = { "content-type": "application/json" };

/** Starts the server; `ttftDelayMs` is how long the first content event of /ttft waits. */
export async function startBenchServer({ ttftDelayMs = 20 } = {}) {
  const bodies = {
    stream: buildStream(),
    tiny: buildStream(5),
    ttft: buildDelayedStream(),
    huge: buildHugeStream(),
    small: buildCompletion(),
    native: buildNativeCompletion(),
    embed: buildEmbeddings(),
  };

  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const url = req.url ?? "/";
      const scenario = url.split("/")[1];
      const native = url.includes("/v1/inference/");
      res.on("error", () => {});
      switch (scenario) {
        case "stream":
          res.writeHead(200, SSE).end(bodies.stream.body);
          return;
        case "tiny":
          res.writeHead(200, SSE).end(bodies.tiny.body);
          return;
        case "ttft": {
          res.writeHead(200, SSE);
          res.write(bodies.ttft.head);
          const timer = setTimeout(() => {
            res.write(bodies.ttft.first);
            res.end(bodies.ttft.rest);
          }, ttftDelayMs);
          res.on("close", () => clearTimeout(timer));
          return;
        }
        case "huge":
          writeHuge(res, bodies.huge);
          return;
        case "small":
          res.writeHead(200, JSON_TYPE).end(native ? bodies.native : bodies.small);
          return;
        case "embed": {
          const request = JSON.parse(Buffer.concat(chunks).toString("utf8"));
          const inputs = native ? request.inputs : typeof request.input === "string" ? [request.input] : request.input;
          const format = native ? "native" : request.encoding_format === "base64" ? "base64" : "float";
          res.writeHead(200, JSON_TYPE).end(bodies.embed.body(format, inputOffset(inputs[0]), inputs.length));
          return;
        }
        default:
          res.writeHead(404, JSON_TYPE).end('{"detail":"Not Found"}');
      }
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    bodies,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

/** Writes the ~100 MB stream block by block, honouring backpressure so the server never buffers it all. */
function writeHuge(res, huge) {
  res.writeHead(200, SSE);
  res.write(huge.head);
  let left = huge.repeat;
  const pump = () => {
    while (left > 0) {
      left--;
      if (!res.write(huge.block)) return void res.once("drain", pump);
    }
    res.end(huge.tail);
  };
  res.on("close", () => (left = 0));
  pump();
}
