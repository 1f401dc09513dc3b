import type { Config } from "./config.js";

/**
 * The chat page: plain HTML and a little JS, inlined so the example is one Worker with no asset
 * pipeline. It talks only to this Worker's `/api/chat`; nothing about the key is in it.
 * The script is allowed by a per-response CSP nonce, so an injected `<script>` would not run.
 */
export function renderPage(config: Config, nonce: string): Response {
  const options = config.allowedModels
    .map((m) => `<option value="${escapeHTML(m)}"${m === config.defaultModel ? " selected" : ""}>${escapeHTML(m)}</option>`)
    .join("");
  const banner = config.offlineDemo
    ? `<p id="banner" role="status">Offline demo upstream: replies are generated locally because no DEEPINFRA_API_KEY is set.</p>`
    : "";
  // Function replacements: a "$&" in a configured model name must not be read as a pattern.
  const html = TEMPLATE.replaceAll("{{nonce}}", () => nonce)
    .replace("{{banner}}", () => banner)
    .replace("{{options}}", () => options)
    .replace("{{maxChars}}", () => String(config.maxMessageChars))
    .replace("{{style}}", () => BASE_STYLE);
  return new Response(html, { headers: pageHeaders(nonce) });
}

/** The headers of both pages: only scripts and styles carrying this response's nonce run, and only this origin is fetched. */
export function pageHeaders(nonce: string): Record<string, string> {
  return {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "content-security-policy": `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
  };
}

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHTML(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The look both pages share (the /react page adds its own rules after it). */
export const BASE_STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f6f7f9; color: #1b1f24; }
  main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem; }
  h1 { font-size: 1.25rem; margin: 0 0 1rem; }
  #banner { background: #fff4ce; border: 1px solid #e3c45c; border-radius: 6px; padding: .5rem .75rem; margin: 0 0 1rem; }
  #log { display: flex; flex-direction: column; gap: .5rem; min-height: 8rem; margin-bottom: 1rem; }
  .msg { padding: .5rem .75rem; border-radius: 8px; white-space: pre-wrap; word-break: break-word; }
  .user { background: #dbe9ff; align-self: flex-end; max-width: 85%; }
  .assistant { background: #fff; border: 1px solid #d8dde3; max-width: 95%; }
  form { display: grid; grid-template-columns: 1fr auto auto auto; gap: .5rem; align-items: end; }
  textarea { grid-column: 1 / -1; font: inherit; padding: .5rem; min-height: 4rem; resize: vertical; }
  button, select { font: inherit; padding: .4rem .9rem; }
  #error { color: #a40e26; background: #ffebe9; border-radius: 6px; padding: .5rem .75rem; margin: .75rem 0 0; }
  #error:empty { display: none; }
  #meta { color: #57606a; font-size: .875rem; margin-top: .5rem; }
`;

const TEMPLATE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>deepinfra-edge chat</title>
<style nonce="{{nonce}}">{{style}}</style>
</head>
<body>
<main id="app" data-state="idle">
  <h1>deepinfra-edge chat</h1>
  {{banner}}
  <section id="log" aria-live="polite"></section>
  <form id="form">
    <textarea id="input" maxlength="{{maxChars}}" placeholder="Ask something…" required></textarea>
    <label>Model <select id="model">{{options}}</select></label>
    <span></span>
    <button id="send" type="submit">Send</button>
    <button id="stop" type="button" disabled>Stop</button>
  </form>
  <p id="error" role="alert"></p>
  <p id="meta">Cost of the last answer: <span id="cost">–</span></p>
</main>
<script nonce="{{nonce}}">
const $ = (id) => document.getElementById(id);
const history = [];
let controller = null;

function bubble(role, text) {
  const el = document.createElement("div");
  el.className = "msg " + role;
  el.textContent = text;
  $("log").append(el);
  return el;
}

function setState(state) {
  $("app").dataset.state = state;
  $("send").disabled = state === "streaming";
  $("stop").disabled = state !== "streaming";
}

function formatCost(usd) {
  return "$" + usd.toFixed(10).replace(/0+$/, "").replace(/\\.$/, ".0");
}

async function readError(res) {
  try {
    const { error } = await res.json();
    return new Error(error.code + ": " + error.message + (error.request_id ? " (request " + error.request_id + ")" : ""));
  } catch {
    return new Error("HTTP " + res.status);
  }
}

// A small SSE reader: events are separated by a blank line; "data:" lines join with newlines.
async function* sseEvents(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += value.replace(/\\r\\n?/g, "\\n");
    let end;
    while ((end = buffer.indexOf("\\n\\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = { event: "message", data: [] };
      for (const line of block.split("\\n")) {
        if (line.startsWith("event:")) event.event = line.slice(6).trim();
        else if (line.startsWith("data:")) event.data.push(line.slice(5).replace(/^ /, ""));
      }
      if (event.data.length) yield { event: event.event, data: event.data.join("\\n") };
    }
  }
}

async function send(text) {
  history.push({ role: "user", content: text });
  bubble("user", text);
  const out = bubble("assistant", "");
  $("error").textContent = "";
  setState("streaming");
  controller = new AbortController();
  let answer = "";
  let finished = false;
  try {
    const res = await fetch("/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: $("model").value, messages: history }),
      signal: controller.signal,
    });
    if (!res.ok) throw await readError(res);
    for await (const { event, data } of sseEvents(res.body)) {
      if (data === "[DONE]") { finished = true; break; }
      const chunk = JSON.parse(data);
      if (event === "error" || chunk.error) throw new Error("The stream failed: " + (chunk.error?.message ?? data));
      const choice = chunk.choices?.[0];
      if (choice?.delta?.content) {
        answer += choice.delta.content;
        out.textContent = answer;
      }
      if (choice?.finish_reason) finished = true;
      if (typeof chunk.usage?.estimated_cost === "number") $("cost").textContent = formatCost(chunk.usage.estimated_cost);
    }
    if (!finished) throw new Error("The answer was cut off before it finished.");
    history.push({ role: "assistant", content: answer });
    setState("done");
  } catch (err) {
    if (err.name === "AbortError") {
      out.textContent = answer + " [stopped]";
      if (answer) history.push({ role: "assistant", content: answer });
      else history.pop();
      setState("stopped");
    } else {
      if (!answer) { out.remove(); history.pop(); }
      $("error").textContent = err.message;
      setState("error");
    }
  } finally {
    controller = null;
  }
}

$("form").addEventListener("submit", (e) => {
  e.preventDefault();
  const text = $("input").value.trim();
  if (!text || controller) return;
  $("input").value = "";
  send(text);
});
$("input").addEventListener("keydown", (e) => {
  if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); $("form").requestSubmit(); }
});
$("stop").addEventListener("click", () => controller?.abort());
</script>
</body>
</html>
`;
