// One chat, owned by one Durable Object: it holds the history, runs each turn from before the upstream
// request until the answer is stored and its cost settled, and lets any number of readers attach. A
// browser that leaves only detaches a reader; Stop is an explicit request; a turn found running after a
// restart is marked `interrupted` and never re-sent on its own.
import { DurableObject } from "cloudflare:workers";
import { APIError, DeepInfra, toUIMessageStream, type ChatCreateParams, type ChatMessage } from "deepinfra-edge";
import { ContextOverflowError, createSqliteEventLog, createTurnRecorder, fitContext, resumeResponse, UI_MESSAGE_STREAM_HEADERS, type EventLog, type SqlStorageLike, type TurnRecorder } from "deepinfra-edge/durable";
import { readConfig, type Config } from "../config.js";
import { readJSONBody } from "../hardening.js";
import { HttpError, errorResponse, renderError } from "../http-error.js";
import { WITHHELD, containsSecret, secretOf, type Secret } from "../scrub.js";
import { chatPrice, chatReserveUSD } from "../spend-breaker.js";
import { PREFIX_ID, answerOf, collect, estimateUSD, partsOf, toChatMessages, withPrefix, type Answer, type StoredMessage, type TurnStatus } from "./answer.js";
import { readPostBody, type PostBody, type StoredUserMessage } from "./message-rules.js";
import { readChatSettings, type ChatsEnv } from "./settings.js";
import { reserveTurn, settleTurn, type TurnTickets } from "./spend.js";

/** A finished turn's events stay this long for late resumers; then only the stored message is kept. */
const RETAIN_EVENTS_MS = 5 * 60_000;

/** The turn this object is running now (at most one per chat). */
interface LiveTurn {
  turn: number;
  assistantId: string;
  /** A continued answer's earlier text, sent first so a reader sees the whole answer. */
  prefix?: string;
  recorder: TurnRecorder;
  controller: AbortController;
  answer: Answer;
  finished: Promise<void>;
}

/** The slice of DurableObjectState this class uses beyond runtime.d.ts. */
interface SqlState {
  storage: { sql: SqlStorageLike; setAlarm(at: number): Promise<void> };
}

/** One chat (named `<visitor>:<chat id>` by the Worker): its history in SQLite, its running turn, its readers. */
export class ChatRoom extends DurableObject<ChatsEnv> {
  #sql: SqlStorageLike;
  #log: EventLog;
  #live: LiveTurn | undefined;
  /** True while a turn is being reserved and stored (awaits that let another request in). */
  #starting = false;
  /** The key's pieces, prepared once: errors and stored answers are checked against them. */
  #secret: Secret | undefined;

  constructor(ctx: DurableObjectState, env: ChatsEnv) {
    super(ctx, env);
    this.#secret = secretOf(env.DEEPINFRA_API_KEY);
    this.#sql = (ctx as unknown as SqlState).storage.sql;
    this.#sql.exec("CREATE TABLE IF NOT EXISTS messages (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, role TEXT NOT NULL, parts TEXT NOT NULL, status TEXT, turn INTEGER)");
    this.#sql.exec(
      "CREATE TABLE IF NOT EXISTS turns (turn INTEGER PRIMARY KEY, user_id TEXT NOT NULL, assistant_id TEXT NOT NULL, continued INTEGER NOT NULL, status TEXT NOT NULL, tickets TEXT NOT NULL, prompt_chars INTEGER NOT NULL, cost REAL)",
    );
    this.#sql.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    this.#log = createSqliteEventLog(this.#sql);
    // Nothing is served until a turn cut off by a restart or eviction is closed as `interrupted`.
    void ctx.blockConcurrencyWhile(() => this.#recoverInterrupted());
  }

  /** The Worker's forwarded request: `/<op>` with the visitor and request ids as headers. */
  async fetch(request: Request): Promise<Response> {
    const requestId = request.headers.get("x-request-id") ?? crypto.randomUUID();
    const op = new URL(request.url).pathname.slice(1);
    try {
      if (op === "messages" && request.method === "POST") return await this.#post(request, request.headers.get("x-visitor") ?? "", requestId);
      if (op === "messages") return this.#messages();
      if (op === "stream") return await resumeResponse({ turn: this.#latestTurn(), recorder: this.#live?.recorder, log: this.#log }, request.headers.get("last-event-id"));
      if (op === "stop") return await this.#stop();
      throw new HttpError(404, "not_found", "No such route.", {}, `chat room op ${op}`);
    } catch (failure) {
      return errorResponse(failure, requestId, {}, this.#secret);
    }
  }

  /** Drops the events of finished turns once late resumers had their chance. */
  async alarm(): Promise<void> {
    for (const row of this.#sql.exec("SELECT turn FROM turns WHERE status != 'running'").toArray()) await this.#log.remove(String(row.turn));
  }

  async #post(request: Request, visitorId: string, requestId: string): Promise<Response> {
    const config = readConfig(this.env);
    const body = readPostBody(await readJSONBody(request, config.maxBodyBytes), config);
    if (body.message) {
      // The same message posted again (a retry after a dropped connection) starts nothing.
      const seen = this.#sql.exec("SELECT turn FROM messages WHERE id = ?", body.message.id).toArray()[0];
      if (seen) {
        if (seen.turn === this.#latestTurnNumber()) {
          const replay = await resumeResponse({ turn: String(seen.turn), recorder: this.#live?.recorder, log: this.#log }, null);
          if (replay.status === 200) return replay;
        }
        throw new HttpError(409, "duplicate_message", `Message ${body.message.id} was already answered; nothing new was started.`);
      }
    }
    if (this.#live || this.#starting) throw new HttpError(409, "turn_running", "An answer is still being written in this chat; stop it or wait for it to finish.");
    this.#starting = true;
    try {
      return await this.#dispatch(body, config, visitorId, requestId);
    } finally {
      this.#starting = false;
    }
  }

  async #dispatch(body: PostBody, config: Config, visitorId: string, requestId: string): Promise<Response> {
    const history = this.#history();
    if (body.trigger === "submit-message") return this.#startTurn({ config, visitorId, requestId, history: [...history, body.message!], userMessage: body.message! });
    const last = history.at(-1);
    if (body.trigger === "continue-message") {
      if (last?.role !== "assistant") throw new HttpError(409, "nothing_to_continue", "The chat does not end with an answer to continue.");
      return this.#startTurn({ config, visitorId, requestId, history, continueMessage: last });
    }
    // regenerate-message: the last answer is replaced by a new one to the same question.
    if (last?.role === "assistant") this.#sql.exec("DELETE FROM messages WHERE id = ?", last.id);
    const question = this.#history().at(-1);
    if (question?.role !== "user") throw new HttpError(409, "nothing_to_regenerate", "The chat has no question to answer again.");
    return this.#startTurn({ config, visitorId, requestId, history: this.#history() });
  }

  async #startTurn(start: { config: Config; visitorId: string; requestId: string; history: StoredMessage[]; userMessage?: StoredUserMessage; continueMessage?: StoredMessage }): Promise<Response> {
    const { config, history, userMessage, continueMessage } = start;
    const settings = readChatSettings(this.env);
    if (!this.env.DEEPINFRA_API_KEY) throw new HttpError(503, "not_configured", "The Worker has no DEEPINFRA_API_KEY secret; run `wrangler secret put DEEPINFRA_API_KEY`.");
    const client = this.#client(config);
    const model = config.defaultModel;
    const maxTokens = config.maxTokens;
    const flat = toChatMessages(history);
    let fitted: ChatMessage[];
    try {
      fitted = (
        await fitContext(flat, {
          contextTokens: settings.contextTokens,
          reserveTokens: maxTokens,
          tokenize: async (messages) => (await client.tokenize({ model, messages })).count,
        })
      ).messages;
    } catch (error) {
      if (error instanceof ContextOverflowError) throw new HttpError(400, "context_too_long", error.message);
      throw error;
    }
    const prompt = fitted as Array<{ content: string }>;
    const tickets = await reserveTurn(this.env, config, settings, start.visitorId, chatReserveUSD(prompt, maxTokens, chatPrice(model, config)));
    const turn = (this.#latestTurnNumber() ?? 0) + 1;
    const assistantId = continueMessage?.id ?? crypto.randomUUID();
    const promptChars = prompt.reduce((n, m) => n + m.content.length, 0);
    // Stored before the request leaves: a restart from here on finds the turn and never re-sends it.
    this.#sql.exec(
      "INSERT INTO turns (turn, user_id, assistant_id, continued, status, tickets, prompt_chars) VALUES (?, ?, ?, ?, 'running', ?, ?)",
      turn,
      userMessage?.id ?? [...history].reverse().find((m) => m.role === "user")?.id ?? "",
      assistantId,
      continueMessage ? 1 : 0,
      JSON.stringify(tickets),
      promptChars,
    );
    if (userMessage) this.#sql.exec("INSERT INTO messages (id, role, parts, turn) VALUES (?, 'user', ?, ?)", userMessage.id, JSON.stringify(userMessage.parts), turn);
    // Only the latest turn is resumable; earlier ones were dropped at the turn after them or by the alarm.
    if (turn > 1) await this.#log.remove(String(turn - 1));
    const previous = continueMessage ? answerOf(continueMessage) : { text: "", reasoning: "" };
    const live: LiveTurn = {
      turn,
      assistantId,
      recorder: createTurnRecorder({ log: this.#log, turn: String(turn), secrets: this.env.DEEPINFRA_API_KEY ? [this.env.DEEPINFRA_API_KEY] : [] }),
      controller: new AbortController(),
      answer: { ...previous },
      finished: Promise.resolve(),
      ...(previous.text ? { prefix: previous.text } : {}),
    };
    this.#live = live;
    const params: ChatCreateParams & { stream: true } = {
      model,
      messages: fitted,
      max_tokens: maxTokens,
      stream: true,
      prompt_cache_key: this.#cacheKey(),
      ...(continueMessage ? { continue_final_message: true } : {}),
    };
    live.finished = this.#run(live, client, params, tickets, promptChars, start.requestId).catch((error: unknown) =>
      console.warn(JSON.stringify({ code: "turn_store_failed", message: error instanceof Error ? error.message : String(error) })),
    );
    return new Response(live.recorder.attach(0), { headers: UI_MESSAGE_STREAM_HEADERS });
  }

  /** Runs the turn to its end whoever is reading, then stores the answer and settles its cost. */
  async #run(live: LiveTurn, client: DeepInfra, params: ChatCreateParams & { stream: true }, tickets: TurnTickets, promptChars: number, requestId: string): Promise<void> {
    const { recorder, controller, answer } = live;
    let failure: unknown;
    const onError = (error: unknown) => {
      const { code, message } = renderError(error, requestId, this.#secret).body.error;
      return (answer.error = `${code}: ${message} (request ${requestId})`);
    };
    try {
      const stream = await client.chat.completions.create(params, { signal: controller.signal });
      controller.signal.addEventListener("abort", () => stream.abort(), { once: true });
      const parts = toUIMessageStream(stream, { messageId: live.assistantId, onError }).pipeThrough(collect(answer));
      failure = await recorder.record(live.prefix ? parts.pipeThrough(withPrefix(live.prefix)) : parts);
    } catch (error) {
      failure = error;
      recorder.write({ type: "start", messageId: live.assistantId });
      recorder.write(controller.signal.aborted ? { type: "abort" } : { type: "error", errorText: onError(error) });
      // A log that failed to write is reported below; the turn still ends and its cost is still settled.
      await recorder.close().catch((logFailure: unknown) => console.warn(JSON.stringify({ code: "event_log_failed", message: logFailure instanceof Error ? logFailure.message : String(logFailure) })));
    }
    const status: TurnStatus = controller.signal.aborted ? "stopped" : failure || answer.error ? "failed" : "done";
    const config = readConfig(this.env);
    // DeepInfra bills no refused call (4xx); otherwise its own estimate, else tokens, else what was streamed.
    const refused = failure instanceof APIError && failure.status !== undefined && failure.status < 500;
    const cost = refused ? 0 : (answer.costUSD ?? (answer.tokens ? answer.tokens * config.spend.usdPerToken : estimateUSD(promptChars, answer, config)));
    try {
      this.#finish(live.turn, live.assistantId, answer, status, cost);
    } finally {
      // Whatever happened, the chat takes new messages again.
      this.#live = undefined;
    }
    await settleTurn(this.env, tickets, cost).catch((error: unknown) => console.warn(JSON.stringify({ code: "spend_settle_failed", message: error instanceof Error ? error.message : String(error) })));
    await (this.ctx as unknown as SqlState).storage.setAlarm(Date.now() + RETAIN_EVENTS_MS);
  }

  async #stop(): Promise<Response> {
    const live = this.#live;
    if (!live) return Response.json({ stopped: false });
    live.controller.abort();
    await live.finished;
    return Response.json({ stopped: true, messageId: live.assistantId });
  }

  #messages(): Response {
    const messages: StoredMessage[] = this.#history();
    const live = this.#live;
    if (live && !messages.some((m) => m.id === live.assistantId)) messages.push({ id: live.assistantId, role: "assistant", parts: partsOf(live.answer), metadata: { status: "running" } });
    if (!messages.length) throw new HttpError(404, "not_found", "No such chat.");
    return Response.json({ messages });
  }

  /** Stores the answer (or extends the continued one) and the turn's outcome. */
  #finish(turn: number, assistantId: string, answer: Answer, status: TurnStatus, cost: number): void {
    // The answer is built from the upstream's deltas: one that holds the key is withheld whole before it is stored.
    const json = JSON.stringify(partsOf(answer));
    const parts = containsSecret(json, this.#secret) ? JSON.stringify([{ type: "text", text: `[${WITHHELD}]` }]) : json;
    this.#sql.exec("INSERT INTO messages (id, role, parts, status, turn) VALUES (?, 'assistant', ?, ?, ?) ON CONFLICT(id) DO UPDATE SET parts = excluded.parts, status = excluded.status, turn = excluded.turn", assistantId, parts, status, turn);
    this.#sql.exec("UPDATE turns SET status = ?, cost = ? WHERE turn = ?", status, cost, turn);
  }

  /** Turns left `running` by a restart or eviction: keep the partial answer, end the stream, settle; never re-send. */
  async #recoverInterrupted(): Promise<void> {
    const config = readConfig(this.env);
    for (const row of this.#sql.exec("SELECT turn, assistant_id, continued, tickets, prompt_chars FROM turns WHERE status = 'running'").toArray()) {
      const turn = Number(row.turn);
      const events = await this.#log.read(String(turn));
      const stored = this.#history().find((m) => m.id === row.assistant_id);
      const answer: Answer = row.continued && stored ? answerOf(stored) : { text: "", reasoning: "" };
      for (const event of events) {
        if (event.data === "[DONE]") continue;
        const part = JSON.parse(event.data) as { type: string; id?: string; delta?: string };
        if (part.id === PREFIX_ID) continue;
        if (part.type === "text-delta") answer.text += part.delta ?? "";
        if (part.type === "reasoning-delta") answer.reasoning += part.delta ?? "";
      }
      const last = events.at(-1);
      if (last?.data !== "[DONE]") {
        const seq = last?.seq ?? 0;
        await this.#log.append(String(turn), [
          ...(seq ? [] : [{ seq: seq + 1, data: JSON.stringify({ type: "start", messageId: row.assistant_id }) }]),
          { seq: seq + (seq ? 1 : 2), data: JSON.stringify({ type: "abort" }) },
          { seq: seq + (seq ? 2 : 3), data: "[DONE]" },
        ]);
      }
      const cost = estimateUSD(Number(row.prompt_chars), answer, config);
      this.#finish(turn, String(row.assistant_id), answer, "interrupted", cost);
      await settleTurn(this.env, JSON.parse(String(row.tickets)) as TurnTickets, cost).catch(() => undefined);
      await (this.ctx as unknown as SqlState).storage.setAlarm(Date.now() + RETAIN_EVENTS_MS);
    }
  }

  #history(): StoredMessage[] {
    return this.#sql.exec("SELECT id, role, parts, status FROM messages ORDER BY seq").toArray().map((row) => ({
      id: String(row.id),
      role: row.role as "user" | "assistant",
      parts: JSON.parse(String(row.parts)) as StoredMessage["parts"],
      ...(row.status ? { metadata: { status: row.status as TurnStatus } } : {}),
    }));
  }

  #latestTurnNumber(): number | undefined {
    const row = this.#sql.exec("SELECT MAX(turn) AS turn FROM turns").toArray()[0];
    return row?.turn == null ? undefined : Number(row.turn);
  }

  #latestTurn(): string | undefined {
    const turn = this.#latestTurnNumber();
    return turn === undefined ? undefined : String(turn);
  }

  /** One prompt-cache key per chat, so every turn reuses the cached history prefix. */
  #cacheKey(): string {
    const row = this.#sql.exec("SELECT value FROM meta WHERE key = 'prompt_cache_key'").toArray()[0];
    if (row) return String(row.value);
    const key = crypto.randomUUID();
    this.#sql.exec("INSERT INTO meta (key, value) VALUES ('prompt_cache_key', ?)", key);
    return key;
  }

  #client(config: Config): DeepInfra {
    return new DeepInfra({
      apiKey: this.env.DEEPINFRA_API_KEY!,
      ...(this.env.DEEPINFRA_BASE_URL ? { baseURL: this.env.DEEPINFRA_BASE_URL } : {}),
      modelAliases: config.modelAliases,
      // Billed once: a turn that may have reached DeepInfra is never sent again on its own.
      maxRetries: 0,
    });
  }
}
