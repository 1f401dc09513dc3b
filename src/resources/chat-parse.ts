import type { StandardSchemaV1 } from "@standard-schema/spec";
import { APIError } from "../errors/api-error.js";
import { isAllModelsFailedError } from "../errors/guards.js";
import { StructuredOutputError } from "../errors/structured-output.js";
import { splitThink } from "../streaming/think-split.js";
import { parseJSONReply, summarizeIssues, toJSONSchema, validateStandard, type JSONSchemaObject } from "../schema/standard.js";
import { parseParams } from "../schema/generated/validators.js";
import { check as checkParams } from "../schema/runtime.js";
import type { ChatCompletion, ChatCreateParams, ChatMessage, ChatResponseFormat } from "../types/chat.js";
import type { ChatSettings, CreateChatCompletion } from "../types/chat-create.js";
import type { RequestOptions } from "../types/request.js";

export type { ChatSettings } from "../types/chat-create.js";

/** Parameters of `chat.completions.parse`: chat parameters plus the schema the reply must satisfy. */
export type ChatParseParams<S extends StandardSchemaV1> = Omit<ChatSettings, "stream"> & {
  /** Any Standard Schema (arktype, zod, valibot, or a hand-written `~standard` object). */
  schema: S;
  /** `json_schema.name` sent to DeepInfra (default `"response"`). */
  schemaName?: string;
  /** On a reply that is not JSON or fails the schema, make one follow-up request quoting the issues. */
  repair?: boolean;
  /** `parse` never streams. */
  stream?: false | null;
  [extra: string]: unknown;
};

/** What `parse` resolves to. */
export interface ParsedChatCompletion<T> {
  /** The completion whose reply was parsed (the repaired one after a repair). */
  completion: ChatCompletion;
  /** The reply, validated and typed by the schema. */
  parsed: T;
  /** 1, or 2 when a repair request was needed. */
  attempts: number;
}

/**
 * Asks for JSON (a JSON Schema when the schema can produce one, else JSON mode), validates the reply
 * and returns it typed.
 * @throws StructuredOutputError (raw text + issues) when the reply is not JSON or fails the schema.
 */
export async function parseChatCompletion<S extends StandardSchemaV1>(
  create: CreateChatCompletion,
  params: ChatParseParams<S>,
  options?: RequestOptions,
): Promise<ParsedChatCompletion<StandardSchemaV1.InferOutput<S>>> {
  const { schema, schemaName, repair, ...rest } = params ?? ({} as ChatParseParams<S>);
  checkParams("chat.completions.parse", parseParams, { schema, stream: (rest as { stream?: unknown }).stream });
  const jsonSchema = toJSONSchema(schema);
  const explicit = rest.response_format ?? undefined;
  let format: ChatResponseFormat = explicit ?? (jsonSchema ? { type: "json_schema", json_schema: { name: schemaName ?? "response", schema: jsonSchema } } : { type: "json_object" });
  let messages = rest.messages;
  const send = (conversation: ChatMessage[]) =>
    create({ ...(rest as ChatCreateParams), messages: conversation, response_format: format, stream: false }, options);

  let completion: ChatCompletion;
  try {
    completion = await send(messages);
  } catch (error) {
    if (explicit || format.type !== "json_schema" || !rejectsJSONSchema(error)) throw error;
    // The model (or DeepInfra for it) does not take json_schema: JSON mode, with the schema in the prompt instead.
    format = { type: "json_object" };
    messages = withSchemaHint(messages, jsonSchema as JSONSchemaObject);
    completion = await send(messages);
  }

  const check = async (reply: ChatCompletion): Promise<StandardSchemaV1.InferOutput<S>> => {
    const content = reply.choices?.[0]?.message?.content ?? "";
    // R1 on DeepInfra writes its <think> block inline even in JSON mode: the JSON is what follows it.
    const text = typeof content === "string" ? splitThink(content).content : content;
    const value = parseJSONReply(typeof text === "string" ? text : JSON.stringify(text), reply);
    const result = await validateStandard(schema, value);
    if (result.issues) {
      throw new StructuredOutputError(`Structured output failed the schema: ${summarizeIssues(result.issues, "; ")}`, "schema", String(text), result.issues, reply);
    }
    return result.value;
  };

  try {
    return { completion, parsed: await check(completion), attempts: 1 };
  } catch (error) {
    if (!repair || !(error instanceof StructuredOutputError)) throw error;
    const followUp: ChatMessage[] = [
      ...messages,
      { role: "assistant", content: error.text },
      {
        role: "user",
        content: `Your reply could not be used: ${error.reason === "json" ? "it is not valid JSON" : "it does not match the required schema"}.\nIssues:\n${summarizeIssues(error.issues)}\nReply again with only the corrected JSON.`,
      },
    ];
    const repaired = await send(followUp);
    return { completion: repaired, parsed: await check(repaired), attempts: 2 };
  }
}

/**
 * DeepInfra's answer when a model lacks a feature is 405; a 400/422 naming the format says the same; with a
 * fallback chain, every model saying so.
 */
function rejectsJSONSchema(error: unknown): boolean {
  const attempts = (error as { attempts?: ReadonlyArray<{ error: unknown }> } | null)?.attempts;
  if (isAllModelsFailedError(error) && attempts?.length) return attempts.every((attempt) => rejectsJSONSchema(attempt.error));
  if (!(error instanceof APIError)) return false;
  if (error.status === 405) return true;
  return (error.status === 400 || error.status === 422) && /json_schema|response_format|structured|schema/i.test(error.message);
}

function withSchemaHint(messages: ChatMessage[], schema: JSONSchemaObject): ChatMessage[] {
  const hint = `Reply with a single JSON value that matches this JSON Schema:\n${JSON.stringify(schema)}`;
  const [first, ...others] = messages;
  // DeepInfra's reference allows one system message: extend it rather than add a second.
  if (first?.role === "system" && typeof first.content === "string") return [{ ...first, content: `${first.content}\n\n${hint}` }, ...others];
  return [{ role: "system", content: hint }, ...messages];
}
