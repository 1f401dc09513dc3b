// The /react page: an ordinary `useChat` app (@ai-sdk/react) on the Worker's durable chats (/api/chats/:id/*,
// durable-transport.ts): the answer survives a reload or a dropped connection. `/react?stateless` talks to
// POST /api/ui-chat instead (the whole conversation in every request, nothing kept on the server).
// build.mjs bundles it at `npm start`; the Worker serves the bundle, which the page loads under its CSP nonce.
// First import: it configures zod before `ai` (imported next) builds its schemas.
import { zodConfig } from "./zod-config.js";
import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport, lastAssistantMessageIsCompleteWithApprovalResponses, type UIMessage } from "ai";
import type { UIMessageStreamMetadata } from "deepinfra-edge";
import { StrictMode, useEffect, useState, type FormEvent, type KeyboardEvent } from "react";
import { createRoot } from "react-dom/client";
import { currentChatId, durableTransport, loadHistory, stopChat } from "./durable-transport.js";

/** A chat message whose metadata is what the Worker's `finish` part carries (model, usage, cost), and a stored answer's status. */
type ChatMessage = UIMessage<UIMessageStreamMetadata & { status?: "running" | "done" | "stopped" | "failed" | "interrupted" }>;

/** What the Worker tells the page in `data-config` (react-page.ts). */
interface PageConfig {
  models: string[];
  defaultModel: string;
  maxChars: number;
  offlineDemo: boolean;
}

// Also keeps the import above: the package is marked side-effect free, so an unused import would be dropped.
if (!zodConfig.jitless) throw new Error("zod must be jitless under this page's CSP (see zod-config.ts)");

const mount = document.getElementById("root")!;
const config = JSON.parse(mount.dataset.config ?? "{}") as PageConfig;

const durable = !new URLSearchParams(location.search).has("stateless");

const statelessTransport = new DefaultChatTransport<ChatMessage>({
  api: "/api/ui-chat",
  // The Worker reads text parts only (it drops the model's earlier reasoning), so only they are sent:
  // a long chain of thought would otherwise use up MAX_BODY_BYTES a few turns in. With tools on, the
  // request goes to /api/ui-tools with the tool parts too (their approvals and outputs).
  prepareSendMessagesRequest: ({ id, messages, trigger, messageId, body }) => {
    const { tools, ...rest } = (body ?? {}) as { tools?: boolean };
    const keep = (type: string) => type === "text" || (tools === true && type.startsWith("tool-"));
    return {
      api: tools === true ? "/api/ui-tools" : "/api/ui-chat",
      body: { ...rest, id, trigger, messageId, messages: messages.map(({ id, role, parts }) => ({ id, role, parts: parts.filter((part) => keep(part.type)) })) },
    };
  },
});

type ToolPart = Extract<ChatMessage["parts"][number], { toolCallId: string }>;

/** A tool call as the page shows it: name, input, then its output, error, or the Approve/Deny buttons. */
function Tool({ part, respond }: { part: ToolPart; respond: (id: string, approved: boolean) => void }) {
  const name = part.type === "dynamic-tool" ? part.toolName : part.type.slice(5);
  return (
    <div className="tool" data-tool={name} data-state={part.state}>
      <code>
        {name}({part.input === undefined ? "…" : JSON.stringify(part.input)})
      </code>
      {part.state === "output-available" && <pre className="output">{JSON.stringify(part.output, null, 1)}</pre>}
      {part.state === "output-error" && <p className="output error">{part.errorText}</p>}
      {part.state === "output-denied" && <p className="output">Denied.</p>}
      {part.state === "approval-requested" && (
        <span className="approval">
          <button type="button" className="approve" onClick={() => respond(part.approval.id, true)}>
            Approve
          </button>
          <button type="button" className="deny" onClick={() => respond(part.approval.id, false)}>
            Deny
          </button>
        </span>
      )}
    </div>
  );
}

/** The Worker's JSON error (`{ error: { code, message, request_id } }`) as one line; any other text as it is. */
function describeError(error: Error): string {
  try {
    const { error: body } = JSON.parse(error.message) as { error: { code: string; message: string; request_id?: string } };
    return `${body.code}: ${body.message}${body.request_id ? ` (request ${body.request_id})` : ""}`;
  } catch {
    return error.message;
  }
}

function formatCost(usd: number | undefined): string {
  return usd === undefined ? "–" : `$${usd.toFixed(10).replace(/0+$/, "").replace(/\.$/, ".0")}`;
}

function Message({ message, respond }: { message: ChatMessage; respond: (id: string, approved: boolean) => void }) {
  return (
    <div className={`msg ${message.role}`}>
      {message.parts.map((part, i) =>
        "toolCallId" in part ? (
          <Tool key={i} part={part} respond={respond} />
        ) : part.type === "reasoning" ? (
          <details key={i} className="reasoning">
            <summary>Reasoning</summary>
            {part.text}
          </details>
        ) : part.type === "text" ? (
          <span key={i} className="text">
            {part.text}
          </span>
        ) : null,
      )}
    </div>
  );
}

/** Durable mode: the stored history first, then `useChat` resuming any running answer. */
function DurableApp() {
  const [chatId] = useState(() => currentChatId(localStorage));
  const [initial, setInitial] = useState<ChatMessage[] | undefined>();
  useEffect(() => {
    loadHistory<ChatMessage>(chatId).then(setInitial, () => setInitial([]));
  }, [chatId]);
  if (!initial) return <main id="app" data-status="loading" />;
  return <App chatId={chatId} initial={initial} />;
}

function App({ chatId, initial = [] }: { chatId?: string; initial?: ChatMessage[] }) {
  const [input, setInput] = useState("");
  const [model, setModel] = useState(config.defaultModel);
  const [tools, setTools] = useState(false);
  const [transport] = useState(() => (chatId ? durableTransport<ChatMessage>(chatId) : statelessTransport));
  // An Approve/Deny answer is sent as soon as every pending approval of the last message has one.
  const { messages, setMessages, sendMessage, regenerate, stop, status, error, addToolApprovalResponse } = useChat<ChatMessage>({
    ...(chatId ? { id: chatId } : {}),
    transport,
    messages: initial,
    resume: Boolean(chatId),
    sendAutomaticallyWhen: lastAssistantMessageIsCompleteWithApprovalResponses,
  });
  const respond = (id: string, approved: boolean) => void addToolApprovalResponse({ id, approved, options: { body: { model, tools: true } } });
  const busy = status === "submitted" || status === "streaming";
  const lastAnswer = messages.findLast((m) => m.role === "assistant");
  const cutShort = chatId && !busy && messages.at(-1)?.role === "assistant" && (lastAnswer?.metadata?.status === "interrupted" || lastAnswer?.metadata?.status === "stopped");
  const halt = async () => {
    void stop();
    if (!chatId) return;
    // The server keeps the partial answer; reloading it shows its status (and "Continue").
    await stopChat(chatId);
    setMessages(await loadHistory<ChatMessage>(chatId));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = input.trim();
    if (!text || busy) return;
    setInput("");
    void sendMessage({ text }, { body: { model, tools } });
  };
  const enterSends = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  };

  return (
    <main id="app" data-status={status}>
      <h1>deepinfra-edge · useChat</h1>
      {config.offlineDemo && (
        <p id="banner" role="status">
          Offline demo upstream: replies are generated locally because no DEEPINFRA_API_KEY is set.
        </p>
      )}
      <section id="log" aria-live="polite">
        {messages.map((message) => (
          <Message key={message.id} message={message} respond={respond} />
        ))}
      </section>
      <form onSubmit={submit}>
        <textarea id="input" value={input} maxLength={config.maxChars} placeholder="Ask something…" required onChange={(e) => setInput(e.target.value)} onKeyDown={enterSends} />
        <label hidden={Boolean(chatId)}>
          Model{" "}
          <select id="model" value={model} onChange={(e) => setModel(e.target.value)}>
            {config.models.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        {/* Tool runs are stateless (/api/ui-tools): offered on /react?stateless. */}
        {!chatId && (
          <label>
            <input id="tools" type="checkbox" checked={tools} onChange={(e) => setTools(e.target.checked)} /> Tools (docs search, email)
          </label>
        )}
        <button id="send" type="submit" disabled={busy}>
          Send
        </button>
        <button id="stop" type="button" disabled={!busy} onClick={() => void halt()}>
          Stop
        </button>
        {cutShort && (
          <button id="continue" type="button" onClick={() => void regenerate({ body: { continue: true } })}>
            Continue
          </button>
        )}
      </form>
      <p id="error" role="alert">
        {error ? describeError(error) : ""}
      </p>
      <p id="meta">
        Cost of the last answer: <span id="cost">{formatCost(lastAnswer?.metadata?.estimated_cost)}</span>
      </p>
    </main>
  );
}

createRoot(mount).render(<StrictMode>{durable ? <DurableApp /> : <App />}</StrictMode>);
