// Prebuilt response bodies for the benchmarks, with the answers every client must reproduce.
// Built once before any timing so the server's cost is one Buffer write, the same for every client.

export const MODEL = "meta-llama/Meta-Llama-3.1-8B-Instruct";
export const EMBED_MODEL = "BAAI/bge-base-en-v1.5";
export const EMBED_DIMS = 768;

// Mixed widths on purpose: 1-, 2-, 3- and 4-byte UTF-8 (the emoji is 2 UTF-16 units), quotes, newline.
const TOKENS = [" the", " quick", " café", " —", " 😀", " naïve", "\n", ' "quoted"', " 東京", " fox", " jumps", " over"];

const enc = new TextEncoder();

/** One `data:` event line pair for a content delta. */
function contentEvent(content, i) {
  return `data: ${JSON.stringify({
    id: "chatcmpl-bench",
    object: "chat.completion.chunk",
    created: 1718000000,
    model: MODEL,
    choices: [{ index: 0, delta: { content }, finish_reason: null, logprobs: null }],
    system_fingerprint: `fp-${i % 10}`,
  })}\n\n`;
}

const ROLE_EVENT = `data: ${JSON.stringify({ id: "chatcmpl-bench", object: "chat.completion.chunk", created: 1718000000, model: MODEL, choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] })}\n\n`;

function finishEvent(completionTokens) {
  return `data: ${JSON.stringify({
    id: "chatcmpl-bench",
    object: "chat.completion.chunk",
    created: 1718000000,
    model: MODEL,
    choices: [{ index: 0, delta: {}, finish_reason: "stop", logprobs: null }],
    usage: { prompt_tokens: 12, completion_tokens: completionTokens, total_tokens: 12 + completionTokens, estimated_cost: 1.2e-5 },
  })}\n\n`;
}

/** `count` content events; `chars` is the UTF-16 length of all content together. */
function contentEvents(count, offset = 0) {
  let text = "";
  let chars = 0;
  for (let i = 0; i < count; i++) {
    const token = TOKENS[(i + offset) % TOKENS.length];
    chars += token.length;
    text += contentEvent(token, i + offset);
  }
  return { text, chars };
}

/** The 20,000-chunk chat stream (~4 MB). */
export function buildStream(chunks = 20_000) {
  const { text, chars } = contentEvents(chunks);
  const body = enc.encode(ROLE_EVENT + text + finishEvent(chunks) + "data: [DONE]\n\n");
  return { body, chars, chunks };
}

/** A stream split in two: the first content event, sent after a delay, and the rest. */
export function buildDelayedStream(chunks = 200) {
  const first = contentEvents(1);
  const rest = contentEvents(chunks - 1, 1);
  return {
    head: enc.encode(ROLE_EVENT),
    first: enc.encode(first.text),
    rest: enc.encode(rest.text + finishEvent(chunks) + "data: [DONE]\n\n"),
    firstToken: TOKENS[0],
    chars: first.chars + rest.chars,
  };
}

/** The ~100 MB stream, as one ~1 MB block written `repeat` times, then the finish. */
export function buildHugeStream(totalBytes = 100e6) {
  const block = contentEvents(TOKENS.length * 420); // whole cycles, so every block has the same text
  const repeat = Math.round(totalBytes / enc.encode(block.text).byteLength);
  return {
    head: enc.encode(ROLE_EVENT),
    block: enc.encode(block.text),
    tail: enc.encode(finishEvent(1) + "data: [DONE]\n\n"),
    repeat,
    chars: block.chars * repeat,
  };
}

export const SMALL_CONTENT = "Hello! How can I help you today?";

/** A small non-streaming completion, OpenAI shape plus DeepInfra's usage.estimated_cost. */
export function buildCompletion() {
  return enc.encode(
    JSON.stringify({
      id: "chatcmpl-small",
      object: "chat.completion",
      created: 1718000000,
      model: MODEL,
      choices: [{ index: 0, message: { role: "assistant", content: SMALL_CONTENT }, finish_reason: "stop", logprobs: null }],
      usage: { prompt_tokens: 12, completion_tokens: 9, total_tokens: 21, estimated_cost: 1.1e-6 },
    }),
  );
}

/** The same answer through DeepInfra's native /v1/inference API (the `deepinfra` package speaks only that). */
export function buildNativeCompletion() {
  return enc.encode(
    JSON.stringify({
      request_id: "req-small",
      inference_status: { status: "succeeded", runtime_ms: 120, cost: 1.1e-6, tokens_generated: 9, tokens_input: 12 },
      results: [{ generated_text: SMALL_CONTENT }],
      num_tokens: 9,
      num_input_tokens: 12,
    }),
  );
}

/**
 * 1,000 × 768-dim vectors: values k/256 are exact in float32, so float and base64 decode to the same
 * numbers. `body(format, start, count)` serves a batch (a client may split the 1,000 inputs); each
 * batch body is built once and cached, so from the warm-up round on it is a prebuilt write.
 */
export function buildEmbeddings(inputs = 1000, dims = EMBED_DIMS) {
  const vectors = [];
  let sum = 0;
  let seed = 12345;
  for (let i = 0; i < inputs; i++) {
    const v = new Float32Array(dims);
    for (let d = 0; d < dims; d++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      v[d] = ((seed >>> 16) % 512 - 256) / 256;
      sum += v[d];
    }
    vectors.push(v);
  }
  const cache = new Map();
  const build = (format, start, count) => {
    const slice = vectors.slice(start, start + count);
    const usage = { prompt_tokens: count * 4, total_tokens: count * 4 };
    if (format === "native") return { embeddings: slice.map((v) => Array.from(v)), input_tokens: count * 4, inference_status: { status: "succeeded", cost: 4e-5 } };
    const encode = format === "base64" ? (v) => Buffer.from(v.buffer).toString("base64") : (v) => Array.from(v);
    return { object: "list", data: slice.map((v, index) => ({ object: "embedding", index, embedding: encode(v) })), model: EMBED_MODEL, usage };
  };
  return {
    sum,
    inputs,
    dims,
    body(format, start, count) {
      const key = `${format}:${start}:${count}`;
      let body = cache.get(key);
      if (!body) cache.set(key, (body = enc.encode(JSON.stringify(build(format, start, count)))));
      return body;
    },
  };
}

/** The inputs every client embeds; the server finds a batch's offset from its first input. */
export const EMBED_INPUTS = Array.from({ length: 1000 }, (_, i) => `input number ${i}: the quick brown fox`);
export const inputOffset = (input) => Number(/^input number (\d+):/.exec(input)?.[1] ?? 0);
