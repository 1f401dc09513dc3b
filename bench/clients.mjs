// One adapter per client, all doing the same work the way each library's docs say to do it.
// Every method returns the value the runner checks (characters, text, checksum) so a client that
// drops, duplicates or mis-decodes data is marked wrong instead of looking fast.
import { createDeepInfra } from "@ai-sdk/deepinfra";
import { embedMany, generateText, streamText } from "ai";
import * as deepinfraPkg from "deepinfra";
import OpenAI from "openai";
import { DeepInfra } from "../dist/index.js";
import { EMBED_INPUTS, EMBED_MODEL, MODEL } from "./bodies.mjs";

const KEY = "bench-key-not-secret";
const MESSAGES = [{ role: "user", content: "Say hello." }];
globalThis.AI_SDK_LOG_WARNINGS = false;

/** Calls `onText` for each content delta of an SSE chat stream: fetch + TextDecoder + JSON.parse, nothing else. */
async function floorStream(url, onText) {
  const res = await fetch(url, {
    method: "POST",
    headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify({ model: MODEL, messages: MESSAGES, stream: true }),
  });
  if (!res.ok) throw new Error(`floor: ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buf = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) throw new Error("floor: stream ended before [DONE]");
    buf += decoder.decode(value, { stream: true });
    let pos = 0;
    for (let end = buf.indexOf("\n\n"); end !== -1; end = buf.indexOf("\n\n", pos)) {
      const event = buf.slice(pos, end);
      pos = end + 2;
      if (!event.startsWith("data: ")) continue;
      const data = event.slice(6);
      if (data === "[DONE]") return void reader.cancel();
      const text = JSON.parse(data).choices[0]?.delta?.content;
      if (text) onText(text);
    }
    buf = buf.slice(pos);
  }
}

async function floorJSON(url, body) {
  const res = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`floor: ${res.status}`);
  return JSON.parse(await res.text());
}

/** base64 → float32 with web APIs only (what an edge SDK can use; Buffer is Node-only). */
function decodeBase64Floats(b64) {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Float32Array(bytes.buffer);
}

export function sumVectors(vectors) {
  let sum = 0;
  for (const v of vectors) for (let i = 0; i < v.length; i++) sum += v[i];
  return sum;
}

const INPUTS = EMBED_INPUTS;

/**
 * Each client: `make(root)` builds whatever it needs for one scenario root URL (outside timing),
 * then `stream(onText)`, `small()`, `embed(format)` run the timed work. A missing method = not supported.
 */
export const CLIENTS = [
  {
    name: "floor (fetch + JSON.parse)",
    key: "floor",
    make: (root) => ({
      stream: (onText) => floorStream(`${root}/v1/openai/chat/completions`, onText),
      small: async () => (await floorJSON(`${root}/v1/openai/chat/completions`, { model: MODEL, messages: MESSAGES })).choices[0].message.content,
      embed: async (format) => {
        const body = await floorJSON(`${root}/v1/openai/embeddings`, { model: EMBED_MODEL, input: INPUTS, encoding_format: format });
        return sumVectors(body.data.map((d) => (format === "base64" ? decodeBase64Floats(d.embedding) : d.embedding)));
      },
    }),
  },
  {
    name: "deepinfra-edge (this)",
    key: "ours",
    make: (root) => {
      const client = new DeepInfra({ apiKey: KEY, baseURL: root });
      const adapter = {
        stream: async (onText) => {
          const stream = await client.chat.completions.create({ model: MODEL, messages: MESSAGES, stream: true });
          for await (const text of stream.textStream()) onText(text);
        },
        small: async () => (await client.chat.completions.create({ model: MODEL, messages: MESSAGES })).choices[0].message.content,
      };
      // Embeddings are another issue's work: benchmarked as soon as the client has them.
      if (typeof client.embeddings?.create === "function") {
        adapter.embed = async (format) => {
          const res = await client.embeddings.create({ model: EMBED_MODEL, input: INPUTS, encoding_format: format });
          return sumVectors(res.data.map((d) => d.embedding));
        };
      }
      return adapter;
    },
  },
  {
    name: "openai 6",
    key: "openai",
    make: (root) => {
      const client = new OpenAI({ apiKey: KEY, baseURL: `${root}/v1/openai` });
      return {
        stream: async (onText) => {
          const stream = await client.chat.completions.create({ model: MODEL, messages: MESSAGES, stream: true });
          for await (const chunk of stream) {
            const text = chunk.choices[0]?.delta?.content;
            if (text) onText(text);
          }
        },
        small: async () => (await client.chat.completions.create({ model: MODEL, messages: MESSAGES })).choices[0].message.content,
        // openai-node asks for base64 and decodes it itself unless a format is given: that is its base64 path.
        embed: async (format) => {
          const res = await client.embeddings.create(format === "base64" ? { model: EMBED_MODEL, input: INPUTS } : { model: EMBED_MODEL, input: INPUTS, encoding_format: "float" });
          return sumVectors(res.data.map((d) => d.embedding));
        },
      };
    },
  },
  {
    name: "ai 6 + @ai-sdk/deepinfra",
    key: "ai",
    make: (root) => {
      const provider = createDeepInfra({ apiKey: KEY, baseURL: `${root}/v1` });
      const model = provider(MODEL);
      return {
        stream: async (onText) => {
          let failure;
          const result = streamText({ model, messages: MESSAGES, onError: ({ error }) => (failure = error) });
          for await (const text of result.textStream) onText(text);
          if (failure) throw failure;
        },
        small: async () => (await generateText({ model, messages: MESSAGES })).text,
        embed: async (format) => {
          if (format === "base64") return undefined; // the AI SDK always asks for floats
          const { embeddings } = await embedMany({ model: provider.embeddingModel(EMBED_MODEL), values: INPUTS });
          return sumVectors(embeddings);
        },
      };
    },
  },
  {
    name: "deepinfra 2 (native API)",
    key: "deepinfra",
    make: (root) => {
      // No streaming and no OpenAI-compatible routes: it calls /v1/inference/{model} with axios.
      const text = new deepinfraPkg.TextGeneration(`${root}/v1/inference/${MODEL}`, KEY, { maxRetries: 0 });
      const embeddings = new deepinfraPkg.Embeddings(`${root}/v1/inference/${EMBED_MODEL}`, KEY, { maxRetries: 0 });
      return {
        small: async () => (await text.generate({ input: "Say hello." })).results[0].generated_text,
        embed: async (format) => (format === "base64" ? undefined : sumVectors((await embeddings.generate({ inputs: INPUTS })).embeddings)),
      };
    },
  },
];
