#!/usr/bin/env node
// `npm run live`: checks every fact this SDK only infers about DeepInfra (docs/api-facts.md) against the
// real API, with one small call per endpoint and per fact, and prints a table: confirmed / contradicted /
// not available. Never part of `npm test`.
//   no DEEPINFRA_API_KEY  → one line saying it was skipped, exit 0 (nothing is sent)
//   key, no --yes         → the plan and the cost estimate, nothing is sent
//   key and --yes         → runs the checks (about $0.002 in total with the default models)
// Options: --only=id,id (a subset), --json (results as JSON), --wait-batch (run the batch to completion,
// up to 30 min). Models can be changed with LIVE_CHAT_MODEL, LIVE_REASONING_MODEL, LIVE_EMBEDDING_MODEL,
// LIVE_IMAGE_MODEL, LIVE_TTS_MODEL, LIVE_STT_MODEL, LIVE_RERANK_MODEL; DEEPINFRA_BASE_URL points elsewhere.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
const YES = argv.includes("--yes");
const JSON_OUT = argv.includes("--json");
const WAIT_BATCH = argv.includes("--wait-batch");
const ONLY = argv.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",").filter(Boolean);
const env = (name, fallback) => process.env[name] || fallback;

const MODELS = {
  chat: env("LIVE_CHAT_MODEL", "meta-llama/Meta-Llama-3.1-8B-Instruct"),
  reasoning: env("LIVE_REASONING_MODEL", "deepseek-ai/DeepSeek-R1-0528"),
  embedding: env("LIVE_EMBEDDING_MODEL", "BAAI/bge-base-en-v1.5"),
  image: env("LIVE_IMAGE_MODEL", "black-forest-labs/FLUX-1-schnell"),
  tts: env("LIVE_TTS_MODEL", "hexgrad/Kokoro-82M"),
  stt: env("LIVE_STT_MODEL", "openai/whisper-large-v3-turbo"),
  rerank: env("LIVE_RERANK_MODEL", "Qwen/Qwen3-Reranker-0.6B"),
};

const CONFIRMED = "confirmed";
const CONTRADICTED = "contradicted";
const UNAVAILABLE = "not available";
const verdict = (status, detail) => ({ status, detail });

const WEATHER_TOOL = { type: "function", function: { name: "get_weather", description: "Current weather for a city", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } } };
const USER = (content) => [{ role: "user", content }];

/**
 * Each check: the fact it tests, a cost estimate in USD (rounded up from DeepInfra's list prices for the
 * default model and the tokens asked for), and a run that returns a verdict. `ctx.exchanges` holds the
 * status and headers of every answer seen so far.
 */
const CHECKS = [
  {
    id: "chat-cost",
    fact: "chat answers carry usage.estimated_cost (USD); the tier is echoed",
    usd: 0.00002,
    async run({ client }) {
      const reply = await client.chat.completions.create({ model: MODELS.chat, messages: USER("Say OK."), max_tokens: 4, service_tier: "default" });
      const cost = reply.usage?.estimated_cost;
      return verdict(typeof cost === "number" ? CONFIRMED : CONTRADICTED, `estimated_cost=${cost}; service_tier echo=${JSON.stringify(reply.service_tier)}`);
    },
  },
  {
    id: "request-id",
    fact: "the request id comes in the x-request-id header",
    usd: 0,
    async run({ exchanges }) {
      const seen = exchanges.find((e) => e.status < 400);
      if (!seen) return verdict(UNAVAILABLE, "no successful answer seen yet (run with chat-cost)");
      if (seen.headers["x-request-id"]) return verdict(CONFIRMED, `x-request-id: ${seen.headers["x-request-id"]}`);
      const candidates = Object.keys(seen.headers).filter((name) => /request|trace|id$/i.test(name));
      return verdict(CONTRADICTED, `no x-request-id; id-like headers: ${candidates.join(", ") || "none"}`);
    },
  },
  {
    id: "stream-usage",
    fact: "a stream carries usage (with estimated_cost) on its finish chunk, then [DONE]",
    usd: 0.00002,
    async run({ client }) {
      const stream = await client.chat.completions.create({ model: MODELS.chat, messages: USER("Count to 3."), max_tokens: 12, stream: true });
      let finishUsage;
      let separateUsage;
      for await (const chunk of stream) {
        if (chunk.choices?.[0]?.finish_reason && chunk.usage) finishUsage = chunk.usage;
        if ((!chunk.choices || chunk.choices.length === 0) && chunk.usage) separateUsage = chunk.usage;
      }
      if (finishUsage) return verdict(typeof finishUsage.estimated_cost === "number" ? CONFIRMED : CONTRADICTED, `finish-chunk usage ${JSON.stringify(finishUsage)}`);
      return verdict(CONTRADICTED, separateUsage ? `usage came in a separate chunk: ${JSON.stringify(separateUsage)}` : "no usage in the stream");
    },
  },
  {
    id: "stream-tool-fragments",
    fact: "streamed tool calls arrive as OpenAI delta fragments (index, id, name, pieces of arguments)",
    usd: 0.00005,
    async run({ client }) {
      const stream = await client.chat.completions.create({ model: MODELS.chat, messages: USER("What is the weather in Paris? Use the tool."), tools: [WEATHER_TOOL], tool_choice: "auto", max_tokens: 64, stream: true });
      let fragments = 0;
      let indexed = true;
      for await (const chunk of stream) {
        for (const call of chunk.choices?.[0]?.delta?.tool_calls ?? []) {
          fragments++;
          if (typeof call.index !== "number") indexed = false;
        }
      }
      const call = (await stream.finalCompletion()).choices[0]?.message.tool_calls?.[0];
      if (!fragments) return verdict(UNAVAILABLE, `the model answered without streaming a tool call (${call ? "a whole call at the end" : "no call"})`);
      return verdict(indexed ? CONFIRMED : CONTRADICTED, `${fragments} fragment(s)${indexed ? "" : " without index"}; assembled ${call?.function.name}(${call?.function.arguments})`);
    },
  },
  {
    id: "reasoning-content",
    fact: "reasoning models return their thinking in message.reasoning_content, apart from content",
    usd: 0.0003,
    async run({ client }) {
      const reply = await client.chat.completions.create({ model: MODELS.reasoning, messages: USER("Is 17 prime? One word."), max_tokens: 96, reasoning_effort: "low" });
      const message = reply.choices[0]?.message ?? {};
      if (typeof message.reasoning_content === "string" && message.reasoning_content) return verdict(CONFIRMED, `${message.reasoning_content.length} characters of reasoning_content`);
      if (/<think>/.test(message.content ?? "")) return verdict(CONTRADICTED, "the thinking is inline in content (<think>…</think>)");
      return verdict(UNAVAILABLE, `no reasoning_content and no <think> (fields: ${Object.keys(message).join(", ")})`);
    },
  },
  {
    id: "reasoning-tool-turn",
    fact: "a thinking model refuses (400) a tool turn sent back without its reasoning_content (the SDK sends it by default)",
    usd: 0.0004,
    async run({ client }) {
      const model = env("LIVE_THINKING_TOOLS_MODEL", "deepseek-ai/DeepSeek-V3.2");
      const first = await client.chat.completions.create({ model, messages: USER("What is the weather in Paris? Use the tool."), tools: [WEATHER_TOOL], tool_choice: "required", max_tokens: 256 });
      const message = first.choices[0]?.message;
      const call = message?.tool_calls?.[0];
      if (!call) return verdict(UNAVAILABLE, `${model} answered without a tool call`);
      if (typeof message.reasoning_content !== "string" || !message.reasoning_content) return verdict(UNAVAILABLE, `${model} sent no reasoning_content on its tool turn; set LIVE_THINKING_TOOLS_MODEL to a thinking model`);
      // The same tool turn sent back without its reasoning_content: DeepSeek's own API answers 400 here.
      const messages = [...USER("What is the weather in Paris? Use the tool."), { role: "assistant", content: message.content ?? null, tool_calls: [call] }, { role: "tool", tool_call_id: call.id, content: '{"celsius": 21}' }];
      try {
        await client.chat.completions.create({ model, messages, tools: [WEATHER_TOOL], max_tokens: 64 });
        return verdict(CONTRADICTED, `${model} accepted a tool turn without reasoning_content (DeepInfra does not enforce it for this model)`);
      } catch (error) {
        const enforced = error.status === 400 && /reasoning_content/.test(error.message);
        return verdict(enforced ? CONFIRMED : CONTRADICTED, `${error.name} ${error.status}: ${error.message.slice(0, 120)}`);
      }
    },
  },
  {
    id: "json-schema",
    fact: "a model without structured output refuses json_schema with 405/400/422 (parse() then falls back to JSON mode)",
    usd: 0.00003,
    async run({ client }) {
      const response_format = { type: "json_schema", json_schema: { name: "answer", schema: { type: "object", properties: { ok: { type: "boolean" } }, required: ["ok"] } } };
      try {
        const reply = await client.chat.completions.create({ model: env("LIVE_JSON_SCHEMA_MODEL", MODELS.chat), messages: USER("Answer with ok true."), max_tokens: 24, response_format });
        const text = reply.choices[0]?.message.content ?? "";
        return verdict(UNAVAILABLE, `accepted by this model (answer ${JSON.stringify(text.slice(0, 60))}); set LIVE_JSON_SCHEMA_MODEL to a model that refuses`);
      } catch (error) {
        return verdict([400, 405, 422].includes(error.status) ? CONFIRMED : CONTRADICTED, `${error.name} ${error.status}: ${error.message.slice(0, 120)}`);
      }
    },
  },
  {
    id: "retry-after",
    fact: "a 429 carries Retry-After (or retry-after-ms)",
    usd: 0,
    async run({ exchanges }) {
      const limited = exchanges.find((e) => e.status === 429);
      if (!limited) return verdict(UNAVAILABLE, "no 429 was answered during this run (none is provoked on purpose)");
      const value = limited.headers["retry-after"] ?? limited.headers["retry-after-ms"];
      return verdict(value ? CONFIRMED : CONTRADICTED, value ? `retry-after: ${value}` : "a 429 without Retry-After");
    },
  },
  {
    id: "completions-cost",
    fact: "legacy completions carry usage.estimated_cost",
    usd: 0.00002,
    async run({ client }) {
      const reply = await client.completions.create({ model: MODELS.chat, prompt: "Once upon a time", max_tokens: 4 });
      const cost = reply.usage?.estimated_cost;
      return verdict(typeof cost === "number" ? CONFIRMED : CONTRADICTED, `estimated_cost=${cost}`);
    },
  },
  {
    id: "embeddings-cost",
    fact: "embeddings answers carry usage.estimated_cost",
    usd: 0.00001,
    async run({ client }) {
      const reply = await client.embeddings.create({ model: MODELS.embedding, input: ["hello", "world"] });
      const cost = reply.usage?.estimated_cost;
      return verdict(typeof cost === "number" ? CONFIRMED : CONTRADICTED, `${reply.data.length} vectors of ${reply.data[0]?.embedding.length}; estimated_cost=${cost}`);
    },
  },
  {
    id: "models-metadata",
    fact: "GET /v1/openai/models lists metadata (context_length, pricing) per model",
    usd: 0,
    async run({ client }) {
      const { data } = await client.models.list();
      const withPricing = data.filter((m) => m.metadata?.pricing).length;
      return verdict(withPricing ? CONFIRMED : CONTRADICTED, `${data.length} models, ${withPricing} with metadata.pricing`);
    },
  },
  {
    id: "images",
    fact: "images.generations answers OpenAI's { data: [{ b64_json }] } at /v1/openai/images/generations",
    usd: 0.001,
    async run({ client }) {
      const { data } = await client.images.generate({ model: MODELS.image, prompt: "a red dot", n: 1, size: "256x256" });
      const image = data[0];
      return verdict(image?.bytes?.length || image?.url ? CONFIRMED : CONTRADICTED, image?.bytes ? `${image.bytes.length} bytes, ${image.mimeType}` : `url ${image?.url}`);
    },
  },
  {
    id: "tts",
    fact: "audio/speech answers the audio bytes (not JSON) at /v1/openai/audio/speech",
    usd: 0.0001,
    async run(ctx) {
      const response = await ctx.client.audio.speech.create({ model: MODELS.tts, input: "Hello there.", response_format: "mp3" });
      const bytes = new Uint8Array(await response.arrayBuffer());
      ctx.audio = bytes;
      const raw = ctx.exchanges.findLast((e) => e.url.endsWith("/audio/speech"));
      const type = raw?.headers["content-type"] ?? "";
      return verdict(bytes.length && !/json/i.test(type) ? CONFIRMED : CONTRADICTED, `${bytes.length} bytes; upstream content-type ${type || "none"}`);
    },
  },
  {
    id: "transcription",
    fact: "audio/transcriptions takes OpenAI's multipart and answers { text }",
    usd: 0.0002,
    async run(ctx) {
      if (!ctx.audio?.length) return verdict(UNAVAILABLE, "needs the tts check's audio");
      const { text } = await ctx.client.audio.transcriptions.create({ model: MODELS.stt, file: new Blob([ctx.audio], { type: "audio/mpeg" }), filename: "hello.mp3" });
      return verdict(typeof text === "string" ? CONFIRMED : CONTRADICTED, `text ${JSON.stringify(text)}`);
    },
  },
  {
    id: "tokenize",
    fact: "/v1/tokenize answers { count, max_model_len, tokens }; /v1/detokenize answers the text (field name unconfirmed)",
    usd: 0,
    async run({ client, exchanges }) {
      const out = await client.tokenize({ model: MODELS.chat, prompt: "Hello world" });
      const shaped = typeof out.count === "number" && typeof out.max_model_len === "number" && Array.isArray(out.tokens);
      let detail = `count=${out.count}, max_model_len=${out.max_model_len}`;
      try {
        const back = await client.detokenize({ model: MODELS.chat, tokens: out.tokens });
        const raw = exchanges.findLast((e) => e.url.endsWith("/v1/detokenize"));
        detail += `; detokenize → ${JSON.stringify(back.prompt)} (field: ${raw?.body && "prompt" in raw.body ? "prompt" : "text"})`;
      } catch (error) {
        detail += `; detokenize failed: ${error.message.slice(0, 80)}`;
      }
      return verdict(shaped ? CONFIRMED : CONTRADICTED, detail);
    },
  },
  {
    id: "rerank",
    fact: "rerankers on /v1/inference/{model} take { queries (one per document), documents } and answer scores in document order",
    usd: 0.00001,
    async run({ client, exchanges }) {
      const documents = ["Paris is the capital of France.", "Bananas are yellow."];
      const out = await client.rerank({ model: MODELS.rerank, query: "capital of France", documents });
      const sent = exchanges.filter((e) => e.url.includes("/v1/inference/")).map((e) => e.status);
      const shape = sent.length > 1 ? "query (after a 422 for queries)" : "queries";
      const ordered = out.scores[0] > out.scores[1];
      return verdict(shape === "queries" && ordered ? CONFIRMED : CONTRADICTED, `sent ${shape}; scores ${JSON.stringify(out.scores)}; usage ${JSON.stringify(out.usage)}`);
    },
  },
  {
    id: "batch",
    fact: "Files + Batch API under /v1/openai with OpenAI's shapes; metadata may be null; cancel works; list needs no `after`",
    usd: 0.00001,
    async run({ client }) {
      const lines = ["hello", "world"].map((input, i) => JSON.stringify({ custom_id: `live-${i}`, method: "POST", url: "/v1/embeddings", body: { model: MODELS.embedding, input } }));
      const file = await client.files.create({ file: `${lines.join("\n")}\n`, purpose: "batch" });
      const notes = [`file ${file.id} (${file.bytes} bytes, purpose ${file.purpose})`];
      let batch = await client.batches.create({ input_file_id: file.id, endpoint: "/v1/embeddings" });
      notes.push(`batch ${batch.id} ${batch.status}`);
      try {
        const page = await client.batches.list({ limit: 5 });
        notes.push(`list without after: ${page.data.length} batch(es)`);
      } catch (error) {
        notes.push(`list without after refused: ${error.status}`);
      }
      if (WAIT_BATCH) {
        const done = await client.batches.wait(batch.id, { pollInterval: 5_000, maxPollInterval: 30_000, signal: AbortSignal.timeout(30 * 60_000) });
        const output = done.output_file_id ? await client.files.text(done.output_file_id) : "";
        notes.push(`ended ${done.status}; output line: ${output.split("\n")[0]?.slice(0, 160)}`);
      } else {
        batch = await client.batches.cancel(batch.id);
        notes.push(`cancel → ${batch.status}`);
      }
      await client.files.delete(file.id).then(
        (deleted) => notes.push(`delete → ${deleted.deleted}`),
        (error) => notes.push(`delete refused: ${error.status}`),
      );
      return verdict(batch.object === "batch" && typeof batch.status === "string" ? CONFIRMED : CONTRADICTED, notes.join("; "));
    },
  },
];

async function main() {
  const key = process.env.DEEPINFRA_API_KEY;
  if (!key) {
    console.log("live: skipped (DEEPINFRA_API_KEY is not set; nothing was sent).");
    return;
  }
  const checks = ONLY ? CHECKS.filter((c) => ONLY.includes(c.id)) : CHECKS;
  const total = checks.reduce((sum, c) => sum + c.usd, 0);
  if (!JSON_OUT) {
    console.log(`live: ${checks.length} checks against ${process.env.DEEPINFRA_BASE_URL || "https://api.deepinfra.com"}, estimated cost at most $${total.toFixed(4)}.`);
    for (const c of checks) console.log(`  ${c.id.padEnd(22)} ~$${c.usd.toFixed(5)}  ${c.fact}`);
  }
  if (!YES) {
    if (!JSON_OUT) console.log("Nothing sent. Run `npm run live -- --yes` to spend it.");
    return;
  }
  if (!existsSync(path.join(ROOT, "dist", "index.js"))) spawnSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "inherit" });
  const { DeepInfra } = await import(pathToFileURL(path.join(ROOT, "dist", "index.js")).href);
  const exchanges = [];
  // Every answer's status and headers (and small JSON bodies), for the header facts.
  const recordingFetch = async (input, init) => {
    const response = await fetch(input, init);
    const url = typeof input === "string" ? input : input.url;
    const entry = { url: url.split("?")[0], status: response.status, headers: Object.fromEntries(response.headers), body: undefined };
    if (/json/i.test(response.headers.get("content-type") ?? "")) entry.body = await response.clone().json().catch(() => undefined);
    exchanges.push(entry);
    return response;
  };
  const client = new DeepInfra({ apiKey: key, baseURL: process.env.DEEPINFRA_BASE_URL || undefined, fetch: recordingFetch, maxRetries: 1, timeout: 60_000 });
  const ctx = { client, exchanges };
  const results = [];
  for (const check of checks) {
    try {
      results.push({ id: check.id, fact: check.fact, ...(await check.run(ctx)) });
    } catch (error) {
      results.push({ id: check.id, fact: check.fact, status: "error", detail: `${error?.name ?? "Error"}${error?.status ? ` ${error.status}` : ""}: ${String(error?.message ?? error).slice(0, 160)}` });
    }
  }
  if (JSON_OUT) {
    console.log(JSON.stringify(results));
    return;
  }
  console.log("");
  console.log(`${"check".padEnd(22)} ${"result".padEnd(13)} detail`);
  for (const r of results) console.log(`${r.id.padEnd(22)} ${r.status.padEnd(13)} ${r.detail}`);
  console.log("\nUpdate docs/api-facts.md with what changed (check id, date, result).");
}

await main();
