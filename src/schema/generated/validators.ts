// @ts-nocheck: generated from src/schema/rules by scripts/compile-validators.mjs (`npm run validators`).
// Do not edit: `npm test` fails when this file differs from a fresh compile.
// Each function checks one node of a rule's JSON view; `c` is src/schema/runtime.ts's Context.
import { kind } from "../runtime.js";
import { atMost1024Characters, atMost16Pairs, countFromOne, countFromZero, declaredToolChoice, finiteAmount, jsonObject, modelNames, notStreaming, oneQuerySpelling, promptOrMessages, standardSchema, uniqueToolNames } from "../predicates.js";
const k0 = ["messages", "model", "chat_template_kwargs", "continue_final_message", "extra_body", "fail_fast", "frequency_penalty", "logprobs", "max_tokens", "min_p", "models", "n", "presence_penalty", "prompt_cache_key", "reasoning", "reasoning_effort", "repetition_penalty", "response_format", "seed", "service_tier", "stop", "stop_token_ids", "stream", "stream_options", "temperature", "tool_choice", "tools", "top_k", "top_p", "user"];
const k1 = /* @__PURE__ */ new Set(k0);
const k2 = ["model", "prompt", "data", "echo", "extra_body", "fail_fast", "frequency_penalty", "logprobs", "max_tokens", "min_p", "n", "presence_penalty", "prompt_cache_key", "repetition_penalty", "response_format", "return_tokens_as_token_ids", "seed", "service_tier", "stop", "stop_token_ids", "stream", "stream_options", "temperature", "top_k", "top_p", "user"];
const k3 = /* @__PURE__ */ new Set(k2);
const k4 = ["input", "model", "dimensions", "encoding_format", "extra_body", "fail_fast", "service_tier"];
const k5 = /* @__PURE__ */ new Set(k4);
const k6 = ["model", "prompt", "extra_body", "n", "quality", "response_format", "size", "style", "user"];
const k7 = /* @__PURE__ */ new Set(k6);
const k8 = ["file", "model", "extra_body", "filename", "language", "prompt", "response_format", "temperature", "timestamp_granularities"];
const k9 = /* @__PURE__ */ new Set(k8);
const k10 = ["input", "model", "extra_body", "fail_fast", "response_format", "service_tier", "speed", "voice"];
const k11 = /* @__PURE__ */ new Set(k10);
const k12 = /\S/;
const k13 = ["model", "extra_body", "messages", "prompt", "return_token_strs"];
const k14 = /* @__PURE__ */ new Set(k13);
const k15 = ["model", "tokens", "extra_body"];
const k16 = /* @__PURE__ */ new Set(k15);
const k17 = /^(?!(?:.*\/)?\.\.?(?:\/|$))[\w.:@+-]+(?:\/[\w.:@+-]+)*$/;
const k18 = ["documents", "model", "extra_body", "instruction", "queries", "query", "top_n"];
const k19 = /* @__PURE__ */ new Set(k18);
const k20 = /^\/v1\//;
const k21 = ["endpoint", "input_file_id", "completion_window", "extra_body", "metadata", "output_expires_after"];
const k22 = /* @__PURE__ */ new Set(k21);
const k23 = /^[a-zA-Z0-9_-]{1,64}$/;
function v0(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("messages");
  if (d.messages === void 0) c.fail("an array", void 0, "missing");
  else v1(d.messages, c);
  c.path.pop();
  c.path.push("model");
  if (d.model === void 0) c.fail("a string", void 0, "missing");
  else v5(d.model, c);
  c.path.pop();
  if (d.chat_template_kwargs !== void 0) {
    c.path.push("chat_template_kwargs");
    v23(d.chat_template_kwargs, c);
    c.path.pop();
  }
  if (d.continue_final_message !== void 0) {
    c.path.push("continue_final_message");
    v39(d.continue_final_message, c);
    c.path.pop();
  }
  if (d.extra_body !== void 0) {
    c.path.push("extra_body");
    v23(d.extra_body, c);
    c.path.pop();
  }
  if (d.fail_fast !== void 0) {
    c.path.push("fail_fast");
    v39(d.fail_fast, c);
    c.path.pop();
  }
  if (d.frequency_penalty !== void 0) {
    c.path.push("frequency_penalty");
    v40(d.frequency_penalty, c);
    c.path.pop();
  }
  if (d.logprobs !== void 0) {
    c.path.push("logprobs");
    v39(d.logprobs, c);
    c.path.pop();
  }
  if (d.max_tokens !== void 0) {
    c.path.push("max_tokens");
    v41(d.max_tokens, c);
    c.path.pop();
  }
  if (d.min_p !== void 0) {
    c.path.push("min_p");
    v42(d.min_p, c);
    c.path.pop();
  }
  if (d.models !== void 0) {
    c.path.push("models");
    v43(d.models, c);
    c.path.pop();
  }
  if (d.n !== void 0) {
    c.path.push("n");
    v44(d.n, c);
    c.path.pop();
  }
  if (d.presence_penalty !== void 0) {
    c.path.push("presence_penalty");
    v40(d.presence_penalty, c);
    c.path.pop();
  }
  if (d.prompt_cache_key !== void 0) {
    c.path.push("prompt_cache_key");
    v5(d.prompt_cache_key, c);
    c.path.pop();
  }
  if (d.reasoning !== void 0) {
    c.path.push("reasoning");
    v45(d.reasoning, c);
    c.path.pop();
  }
  if (d.reasoning_effort !== void 0) {
    c.path.push("reasoning_effort");
    v5(d.reasoning_effort, c);
    c.path.pop();
  }
  if (d.repetition_penalty !== void 0) {
    c.path.push("repetition_penalty");
    v47(d.repetition_penalty, c);
    c.path.pop();
  }
  if (d.response_format !== void 0) {
    c.path.push("response_format");
    v48(d.response_format, c);
    c.path.pop();
  }
  if (d.seed !== void 0) {
    c.path.push("seed");
    v56(d.seed, c);
    c.path.pop();
  }
  if (d.service_tier !== void 0) {
    c.path.push("service_tier");
    v5(d.service_tier, c);
    c.path.pop();
  }
  if (d.stop !== void 0) {
    c.path.push("stop");
    v57(d.stop, c);
    c.path.pop();
  }
  if (d.stop_token_ids !== void 0) {
    c.path.push("stop_token_ids");
    v59(d.stop_token_ids, c);
    c.path.pop();
  }
  if (d.stream !== void 0) {
    c.path.push("stream");
    v39(d.stream, c);
    c.path.pop();
  }
  if (d.stream_options !== void 0) {
    c.path.push("stream_options");
    v61(d.stream_options, c);
    c.path.pop();
  }
  if (d.temperature !== void 0) {
    c.path.push("temperature");
    v62(d.temperature, c);
    c.path.pop();
  }
  if (d.tool_choice !== void 0) {
    c.path.push("tool_choice");
    v63(d.tool_choice, c);
    c.path.pop();
  }
  if (d.tools !== void 0) {
    c.path.push("tools");
    v66(d.tools, c);
    c.path.pop();
  }
  if (d.top_k !== void 0) {
    c.path.push("top_k");
    v67(d.top_k, c);
    c.path.pop();
  }
  if (d.top_p !== void 0) {
    c.path.push("top_p");
    v68(d.top_p, c);
    c.path.pop();
  }
  if (d.user !== void 0) {
    c.path.push("user");
    v5(d.user, c);
    c.path.pop();
  }
  for (const k of Object.keys(d)) if (!k1.has(k) && d[k] !== void 0) c.unknown(k, k0);
  if (c.issues.length === n) jsonObject(d, c) && declaredToolChoice(d, c);
}
function v1(d, c) {
  if (!Array.isArray(d)) return c.fail("an array", d, kind(d));
  for (let i = 0; i < d.length; i++) {
    c.path.push(i);
    v2(d[i], c);
    c.path.pop();
  }
}
function v2(d, c) {
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  const t = d.role;
  if (t === "user") return v3(d, c);
  if (t === "system") return v26(d, c);
  if (t === "tool") return v30(d, c);
  if (t === "assistant") return v32(d, c);
  c.path.push("role");
  c.fail('"user", "system", "tool" or "assistant"', t, t === void 0 ? "missing" : void 0);
  c.path.pop();
}
function v3(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("content");
  if (d.content === void 0) c.fail("a string or an array", void 0, "missing");
  else v4(d.content, c);
  c.path.pop();
  c.path.push("role");
  if (d.role === void 0) c.fail('"user"', void 0, "missing");
  else v21(d.role, c);
  c.path.pop();
  if (d.cache_control !== void 0) {
    c.path.push("cache_control");
    v22(d.cache_control, c);
    c.path.pop();
  }
  if (d.name !== void 0) {
    c.path.push("name");
    v25(d.name, c);
    c.path.pop();
  }
  if (c.issues.length === n) jsonObject(d, c);
}
function v4(d, c) {
  let hit = -1, hits = 0;
  if (typeof d === "string") {
    hit = 0;
    hits++;
  }
  if (Array.isArray(d)) {
    hit = 1;
    hits++;
  }
  if (hits === 0) return c.fail("a string or an array", d, kind(d));
  if (hits === 1) {
    if (hit === 0) return v5(d, c);
    if (hit === 1) return v6(d, c);
  }
  const saved = c.issues;
  if (typeof d === "string") {
    c.issues = [];
    v5(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  if (Array.isArray(d)) {
    c.issues = [];
    v6(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  c.issues = saved;
  c.fail("a string or an array", d);
}
function v5(d, c) {
  if (!(typeof d === "string")) return c.fail("a string", d, kind(d));
}
function v6(d, c) {
  if (!Array.isArray(d)) return c.fail("an array", d, kind(d));
  for (let i = 0; i < d.length; i++) {
    c.path.push(i);
    v7(d[i], c);
    c.path.pop();
  }
}
function v7(d, c) {
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  const t = d.type;
  if (t === "image_url") return v8(d, c);
  if (t === "input_audio") return v12(d, c);
  if (t === "text") return v16(d, c);
  if (t === "video_url") return v18(d, c);
  c.path.push("type");
  c.fail('"image_url", "input_audio", "text" or "video_url"', t, t === void 0 ? "missing" : void 0);
  c.path.pop();
}
function v8(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("image_url");
  if (d.image_url === void 0) c.fail("an object", void 0, "missing");
  else v9(d.image_url, c);
  c.path.pop();
  c.path.push("type");
  if (d.type === void 0) c.fail('"image_url"', void 0, "missing");
  else v11(d.type, c);
  c.path.pop();
  if (c.issues.length === n) jsonObject(d, c);
}
function v9(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("url");
  if (d.url === void 0) c.fail("a string", void 0, "missing");
  else v5(d.url, c);
  c.path.pop();
  if (d.detail !== void 0) {
    c.path.push("detail");
    v10(d.detail, c);
    c.path.pop();
  }
  if (c.issues.length === n) jsonObject(d, c);
}
function v10(d, c) {
  if (d !== "auto" && d !== "high" && d !== "low") c.fail('"auto", "high" or "low"', d);
}
function v11(d, c) {
  if (d !== "image_url") c.fail('"image_url"', d);
}
function v12(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("input_audio");
  if (d.input_audio === void 0) c.fail("an object", void 0, "missing");
  else v13(d.input_audio, c);
  c.path.pop();
  c.path.push("type");
  if (d.type === void 0) c.fail('"input_audio"', void 0, "missing");
  else v15(d.type, c);
  c.path.pop();
  if (c.issues.length === n) jsonObject(d, c);
}
function v13(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("data");
  if (d.data === void 0) c.fail("a string", void 0, "missing");
  else v5(d.data, c);
  c.path.pop();
  if (d.format !== void 0) {
    c.path.push("format");
    v14(d.format, c);
    c.path.pop();
  }
  if (c.issues.length === n) jsonObject(d, c);
}
function v14(d, c) {
  if (d !== "mp3" && d !== "wav") c.fail('"mp3" or "wav"', d);
}
function v15(d, c) {
  if (d !== "input_audio") c.fail('"input_audio"', d);
}
function v16(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("text");
  if (d.text === void 0) c.fail("a string", void 0, "missing");
  else v5(d.text, c);
  c.path.pop();
  c.path.push("type");
  if (d.type === void 0) c.fail('"text"', void 0, "missing");
  else v17(d.type, c);
  c.path.pop();
  if (c.issues.length === n) jsonObject(d, c);
}
function v17(d, c) {
  if (d !== "text") c.fail('"text"', d);
}
function v18(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("type");
  if (d.type === void 0) c.fail('"video_url"', void 0, "missing");
  else v19(d.type, c);
  c.path.pop();
  c.path.push("video_url");
  if (d.video_url === void 0) c.fail("an object", void 0, "missing");
  else v20(d.video_url, c);
  c.path.pop();
  if (c.issues.length === n) jsonObject(d, c);
}
function v19(d, c) {
  if (d !== "video_url") c.fail('"video_url"', d);
}
function v20(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("url");
  if (d.url === void 0) c.fail("a string", void 0, "missing");
  else v5(d.url, c);
  c.path.pop();
  if (c.issues.length === n) jsonObject(d, c);
}
function v21(d, c) {
  if (d !== "user") c.fail('"user"', d);
}
function v22(d, c) {
  let hit = -1, hits = 0;
  if (typeof d === "object" && d !== null || typeof d === "function") {
    hit = 0;
    hits++;
  }
  if (d === null) {
    hit = 1;
    hits++;
  }
  if (hits === 0) return c.fail("an object or null", d, kind(d));
  if (hits === 1) {
    if (hit === 0) return v23(d, c);
    if (hit === 1) return v24(d, c);
  }
  const saved = c.issues;
  if (typeof d === "object" && d !== null || typeof d === "function") {
    c.issues = [];
    v23(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  if (d === null) {
    c.issues = [];
    v24(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  c.issues = saved;
  c.fail("an object or null", d);
}
function v23(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  if (c.issues.length === n) jsonObject(d, c);
}
function v24(d, c) {
  if (d !== null) c.fail("null", d);
}
function v25(d, c) {
  let hit = -1, hits = 0;
  if (typeof d === "string") {
    hit = 0;
    hits++;
  }
  if (d === null) {
    hit = 1;
    hits++;
  }
  if (hits === 0) return c.fail("a string or null", d, kind(d));
  if (hits === 1) {
    if (hit === 0) return v5(d, c);
    if (hit === 1) return v24(d, c);
  }
  const saved = c.issues;
  if (typeof d === "string") {
    c.issues = [];
    v5(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  if (d === null) {
    c.issues = [];
    v24(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  c.issues = saved;
  c.fail("a string or null", d);
}
function v26(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("content");
  if (d.content === void 0) c.fail("a string or an array", void 0, "missing");
  else v27(d.content, c);
  c.path.pop();
  c.path.push("role");
  if (d.role === void 0) c.fail('"system"', void 0, "missing");
  else v29(d.role, c);
  c.path.pop();
  if (d.cache_control !== void 0) {
    c.path.push("cache_control");
    v22(d.cache_control, c);
    c.path.pop();
  }
  if (d.name !== void 0) {
    c.path.push("name");
    v25(d.name, c);
    c.path.pop();
  }
  if (c.issues.length === n) jsonObject(d, c);
}
function v27(d, c) {
  let hit = -1, hits = 0;
  if (typeof d === "string") {
    hit = 0;
    hits++;
  }
  if (Array.isArray(d)) {
    hit = 1;
    hits++;
  }
  if (hits === 0) return c.fail("a string or an array", d, kind(d));
  if (hits === 1) {
    if (hit === 0) return v5(d, c);
    if (hit === 1) return v28(d, c);
  }
  const saved = c.issues;
  if (typeof d === "string") {
    c.issues = [];
    v5(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  if (Array.isArray(d)) {
    c.issues = [];
    v28(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  c.issues = saved;
  c.fail("a string or an array", d);
}
function v28(d, c) {
  if (!Array.isArray(d)) return c.fail("an array", d, kind(d));
  for (let i = 0; i < d.length; i++) {
    c.path.push(i);
    v16(d[i], c);
    c.path.pop();
  }
}
function v29(d, c) {
  if (d !== "system") c.fail('"system"', d);
}
function v30(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("content");
  if (d.content === void 0) c.fail("a string or an array", void 0, "missing");
  else v27(d.content, c);
  c.path.pop();
  c.path.push("role");
  if (d.role === void 0) c.fail('"tool"', void 0, "missing");
  else v31(d.role, c);
  c.path.pop();
  c.path.push("tool_call_id");
  if (d.tool_call_id === void 0) c.fail("a string", void 0, "missing");
  else v5(d.tool_call_id, c);
  c.path.pop();
  if (d.cache_control !== void 0) {
    c.path.push("cache_control");
    v22(d.cache_control, c);
    c.path.pop();
  }
  if (c.issues.length === n) jsonObject(d, c);
}
function v31(d, c) {
  if (d !== "tool") c.fail('"tool"', d);
}
function v32(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("role");
  if (d.role === void 0) c.fail('"assistant"', void 0, "missing");
  else v33(d.role, c);
  c.path.pop();
  if (d.cache_control !== void 0) {
    c.path.push("cache_control");
    v22(d.cache_control, c);
    c.path.pop();
  }
  if (d.content !== void 0) {
    c.path.push("content");
    v34(d.content, c);
    c.path.pop();
  }
  if (d.name !== void 0) {
    c.path.push("name");
    v25(d.name, c);
    c.path.pop();
  }
  if (d.reasoning_content !== void 0) {
    c.path.push("reasoning_content");
    v25(d.reasoning_content, c);
    c.path.pop();
  }
  if (d.tool_calls !== void 0) {
    c.path.push("tool_calls");
    v35(d.tool_calls, c);
    c.path.pop();
  }
  if (c.issues.length === n) jsonObject(d, c);
}
function v33(d, c) {
  if (d !== "assistant") c.fail('"assistant"', d);
}
function v34(d, c) {
  let hit = -1, hits = 0;
  if (typeof d === "string") {
    hit = 0;
    hits++;
  }
  if (Array.isArray(d)) {
    hit = 1;
    hits++;
  }
  if (d === null) {
    hit = 2;
    hits++;
  }
  if (hits === 0) return c.fail("a string, an array or null", d, kind(d));
  if (hits === 1) {
    if (hit === 0) return v5(d, c);
    if (hit === 1) return v28(d, c);
    if (hit === 2) return v24(d, c);
  }
  const saved = c.issues;
  if (typeof d === "string") {
    c.issues = [];
    v5(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  if (Array.isArray(d)) {
    c.issues = [];
    v28(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  if (d === null) {
    c.issues = [];
    v24(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  c.issues = saved;
  c.fail("a string, an array or null", d);
}
function v35(d, c) {
  let hit = -1, hits = 0;
  if (Array.isArray(d)) {
    hit = 0;
    hits++;
  }
  if (d === null) {
    hit = 1;
    hits++;
  }
  if (hits === 0) return c.fail("an array or null", d, kind(d));
  if (hits === 1) {
    if (hit === 0) return v36(d, c);
    if (hit === 1) return v24(d, c);
  }
  const saved = c.issues;
  if (Array.isArray(d)) {
    c.issues = [];
    v36(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  if (d === null) {
    c.issues = [];
    v24(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  c.issues = saved;
  c.fail("an array or null", d);
}
function v36(d, c) {
  if (!Array.isArray(d)) return c.fail("an array", d, kind(d));
  for (let i = 0; i < d.length; i++) {
    c.path.push(i);
    v37(d[i], c);
    c.path.pop();
  }
}
function v37(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("function");
  if (d.function === void 0) c.fail("an object", void 0, "missing");
  else v38(d.function, c);
  c.path.pop();
  c.path.push("id");
  if (d.id === void 0) c.fail("a string", void 0, "missing");
  else v5(d.id, c);
  c.path.pop();
  c.path.push("type");
  if (d.type === void 0) c.fail("a string", void 0, "missing");
  else v5(d.type, c);
  c.path.pop();
  if (c.issues.length === n) jsonObject(d, c);
}
function v38(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("arguments");
  if (d.arguments === void 0) c.fail("a string", void 0, "missing");
  else v5(d.arguments, c);
  c.path.pop();
  c.path.push("name");
  if (d.name === void 0) c.fail("a string", void 0, "missing");
  else v5(d.name, c);
  c.path.pop();
  if (c.issues.length === n) jsonObject(d, c);
}
function v39(d, c) {
  if (d !== false && d !== true) c.fail("boolean", d);
}
function v40(d, c) {
  if (!(typeof d === "number" && !Number.isNaN(d))) return c.fail("a number", d, kind(d));
  if (d < -2) c.fail("at least -2", d);
  if (d > 2) c.fail("at most 2", d);
}
function v41(d, c) {
  if (!(typeof d === "number" && !Number.isNaN(d))) return c.fail("a number", d, kind(d));
  if (d % 1 !== 0) return c.fail("an integer", d);
  if (d < 0) c.fail("at least 0", d);
  if (d > 1e6) c.fail("at most 1000000", d);
}
function v42(d, c) {
  if (!(typeof d === "number" && !Number.isNaN(d))) return c.fail("a number", d, kind(d));
  if (d < 0) c.fail("at least 0", d);
  if (d > 1) c.fail("at most 1", d);
}
function v43(d, c) {
  if (!Array.isArray(d)) return c.fail("an array", d, kind(d));
  if (d.length > 4) c.fail("at most 4 items", d, `${d.length} items`);
  for (let i = 0; i < d.length; i++) {
    c.path.push(i);
    v5(d[i], c);
    c.path.pop();
  }
}
function v44(d, c) {
  if (!(typeof d === "number" && !Number.isNaN(d))) return c.fail("a number", d, kind(d));
  if (d % 1 !== 0) return c.fail("an integer", d);
  if (d < 1) c.fail("at least 1", d);
  if (d > 4) c.fail("at most 4", d);
}
function v45(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  if (d.effort !== void 0) {
    c.path.push("effort");
    v25(d.effort, c);
    c.path.pop();
  }
  if (d.enabled !== void 0) {
    c.path.push("enabled");
    v46(d.enabled, c);
    c.path.pop();
  }
  if (c.issues.length === n) jsonObject(d, c);
}
function v46(d, c) {
  if (d !== false && d !== null && d !== true) c.fail("boolean or null", d);
}
function v47(d, c) {
  if (!(typeof d === "number" && !Number.isNaN(d))) return c.fail("a number", d, kind(d));
  if (d < 0.01) c.fail("at least 0.01", d);
  if (d > 5) c.fail("at most 5", d);
}
function v48(d, c) {
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  const t = d.type;
  if (t === "json_object" || t === "text" || t === void 0) return v49(d, c);
  if (t === "json_schema") return v51(d, c);
  if (t === "regex") return v54(d, c);
  c.path.push("type");
  c.fail('"json_object", "text", "json_schema" or "regex"', t, t === void 0 ? "missing" : void 0);
  c.path.pop();
}
function v49(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  if (d.type !== void 0) {
    c.path.push("type");
    v50(d.type, c);
    c.path.pop();
  }
  if (c.issues.length === n) jsonObject(d, c);
}
function v50(d, c) {
  if (d !== "json_object" && d !== "text") c.fail('"json_object" or "text"', d);
}
function v51(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("json_schema");
  if (d.json_schema === void 0) c.fail("an object", void 0, "missing");
  else v52(d.json_schema, c);
  c.path.pop();
  c.path.push("type");
  if (d.type === void 0) c.fail('"json_schema"', void 0, "missing");
  else v53(d.type, c);
  c.path.pop();
  if (c.issues.length === n) jsonObject(d, c);
}
function v52(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("name");
  if (d.name === void 0) c.fail("a string", void 0, "missing");
  else v5(d.name, c);
  c.path.pop();
  c.path.push("schema");
  if (d.schema === void 0) c.fail("an object", void 0, "missing");
  else v23(d.schema, c);
  c.path.pop();
  if (c.issues.length === n) jsonObject(d, c);
}
function v53(d, c) {
  if (d !== "json_schema") c.fail('"json_schema"', d);
}
function v54(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("regex");
  if (d.regex === void 0) c.fail("a string", void 0, "missing");
  else v5(d.regex, c);
  c.path.pop();
  c.path.push("type");
  if (d.type === void 0) c.fail('"regex"', void 0, "missing");
  else v55(d.type, c);
  c.path.pop();
  if (c.issues.length === n) jsonObject(d, c);
}
function v55(d, c) {
  if (d !== "regex") c.fail('"regex"', d);
}
function v56(d, c) {
  if (!(typeof d === "number" && !Number.isNaN(d))) return c.fail("a number", d, kind(d));
  if (d % 1 !== 0) return c.fail("an integer", d);
  if (d < -9223372036854776e3) c.fail("at least -2^63", d);
  if (d >= 18446744073709552e3) c.fail("less than 2^64", d);
}
function v57(d, c) {
  let hit = -1, hits = 0;
  if (typeof d === "string") {
    hit = 0;
    hits++;
  }
  if (Array.isArray(d)) {
    hit = 1;
    hits++;
  }
  if (hits === 0) return c.fail("a string or an array", d, kind(d));
  if (hits === 1) {
    if (hit === 0) return v5(d, c);
    if (hit === 1) return v58(d, c);
  }
  const saved = c.issues;
  if (typeof d === "string") {
    c.issues = [];
    v5(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  if (Array.isArray(d)) {
    c.issues = [];
    v58(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  c.issues = saved;
  c.fail("a string or an array", d);
}
function v58(d, c) {
  if (!Array.isArray(d)) return c.fail("an array", d, kind(d));
  for (let i = 0; i < d.length; i++) {
    c.path.push(i);
    v5(d[i], c);
    c.path.pop();
  }
}
function v59(d, c) {
  if (!Array.isArray(d)) return c.fail("an array", d, kind(d));
  for (let i = 0; i < d.length; i++) {
    c.path.push(i);
    v60(d[i], c);
    c.path.pop();
  }
}
function v60(d, c) {
  if (!(typeof d === "number" && !Number.isNaN(d))) return c.fail("a number", d, kind(d));
  if (d % 1 !== 0) return c.fail("an integer", d);
}
function v61(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  if (d.continuous_usage_stats !== void 0) {
    c.path.push("continuous_usage_stats");
    v39(d.continuous_usage_stats, c);
    c.path.pop();
  }
  if (d.include_usage !== void 0) {
    c.path.push("include_usage");
    v39(d.include_usage, c);
    c.path.pop();
  }
  if (c.issues.length === n) jsonObject(d, c);
}
function v62(d, c) {
  if (!(typeof d === "number" && !Number.isNaN(d))) return c.fail("a number", d, kind(d));
  if (d < 0) c.fail("at least 0", d);
  if (d > 2) c.fail("at most 2", d);
}
function v63(d, c) {
  let hit = -1, hits = 0;
  if (typeof d === "string") {
    hit = 0;
    hits++;
  }
  if (typeof d === "object" && d !== null || typeof d === "function") {
    hit = 1;
    hits++;
  }
  if (hits === 0) return c.fail("a string or an object", d, kind(d));
  if (hits === 1) {
    if (hit === 0) return v5(d, c);
    if (hit === 1) return v64(d, c);
  }
  const saved = c.issues;
  if (typeof d === "string") {
    c.issues = [];
    v5(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  if (typeof d === "object" && d !== null || typeof d === "function") {
    c.issues = [];
    v64(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  c.issues = saved;
  c.fail("a string or an object", d);
}
function v64(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("function");
  if (d.function === void 0) c.fail("an object", void 0, "missing");
  else v65(d.function, c);
  c.path.pop();
  if (d.cache_control !== void 0) {
    c.path.push("cache_control");
    v22(d.cache_control, c);
    c.path.pop();
  }
  if (d.type !== void 0) {
    c.path.push("type");
    v5(d.type, c);
    c.path.pop();
  }
  if (c.issues.length === n) jsonObject(d, c);
}
function v65(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("name");
  if (d.name === void 0) c.fail("a string", void 0, "missing");
  else v5(d.name, c);
  c.path.pop();
  if (d.description !== void 0) {
    c.path.push("description");
    v25(d.description, c);
    c.path.pop();
  }
  if (d.parameters !== void 0) {
    c.path.push("parameters");
    v22(d.parameters, c);
    c.path.pop();
  }
  if (c.issues.length === n) jsonObject(d, c);
}
function v66(d, c) {
  if (!Array.isArray(d)) return c.fail("an array", d, kind(d));
  for (let i = 0; i < d.length; i++) {
    c.path.push(i);
    v64(d[i], c);
    c.path.pop();
  }
}
function v67(d, c) {
  if (!(typeof d === "number" && !Number.isNaN(d))) return c.fail("a number", d, kind(d));
  if (d % 1 !== 0) return c.fail("an integer", d);
  if (d < 0) c.fail("at least 0", d);
  if (d >= 1e3) c.fail("less than 1000", d);
}
function v68(d, c) {
  if (!(typeof d === "number" && !Number.isNaN(d))) return c.fail("a number", d, kind(d));
  if (d <= 0) c.fail("more than 0", d);
  if (d > 1) c.fail("at most 1", d);
}
function v69(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("model");
  if (d.model === void 0) c.fail("a string", void 0, "missing");
  else v5(d.model, c);
  c.path.pop();
  c.path.push("prompt");
  if (d.prompt === void 0) c.fail("a string or an array", void 0, "missing");
  else v70(d.prompt, c);
  c.path.pop();
  if (d.data !== void 0) {
    c.path.push("data");
    v71(d.data, c);
    c.path.pop();
  }
  if (d.echo !== void 0) {
    c.path.push("echo");
    v39(d.echo, c);
    c.path.pop();
  }
  if (d.extra_body !== void 0) {
    c.path.push("extra_body");
    v23(d.extra_body, c);
    c.path.pop();
  }
  if (d.fail_fast !== void 0) {
    c.path.push("fail_fast");
    v39(d.fail_fast, c);
    c.path.pop();
  }
  if (d.frequency_penalty !== void 0) {
    c.path.push("frequency_penalty");
    v40(d.frequency_penalty, c);
    c.path.pop();
  }
  if (d.logprobs !== void 0) {
    c.path.push("logprobs");
    v60(d.logprobs, c);
    c.path.pop();
  }
  if (d.max_tokens !== void 0) {
    c.path.push("max_tokens");
    v72(d.max_tokens, c);
    c.path.pop();
  }
  if (d.min_p !== void 0) {
    c.path.push("min_p");
    v42(d.min_p, c);
    c.path.pop();
  }
  if (d.n !== void 0) {
    c.path.push("n");
    v44(d.n, c);
    c.path.pop();
  }
  if (d.presence_penalty !== void 0) {
    c.path.push("presence_penalty");
    v40(d.presence_penalty, c);
    c.path.pop();
  }
  if (d.prompt_cache_key !== void 0) {
    c.path.push("prompt_cache_key");
    v5(d.prompt_cache_key, c);
    c.path.pop();
  }
  if (d.repetition_penalty !== void 0) {
    c.path.push("repetition_penalty");
    v47(d.repetition_penalty, c);
    c.path.pop();
  }
  if (d.response_format !== void 0) {
    c.path.push("response_format");
    v48(d.response_format, c);
    c.path.pop();
  }
  if (d.return_tokens_as_token_ids !== void 0) {
    c.path.push("return_tokens_as_token_ids");
    v39(d.return_tokens_as_token_ids, c);
    c.path.pop();
  }
  if (d.seed !== void 0) {
    c.path.push("seed");
    v56(d.seed, c);
    c.path.pop();
  }
  if (d.service_tier !== void 0) {
    c.path.push("service_tier");
    v5(d.service_tier, c);
    c.path.pop();
  }
  if (d.stop !== void 0) {
    c.path.push("stop");
    v57(d.stop, c);
    c.path.pop();
  }
  if (d.stop_token_ids !== void 0) {
    c.path.push("stop_token_ids");
    v59(d.stop_token_ids, c);
    c.path.pop();
  }
  if (d.stream !== void 0) {
    c.path.push("stream");
    v39(d.stream, c);
    c.path.pop();
  }
  if (d.stream_options !== void 0) {
    c.path.push("stream_options");
    v61(d.stream_options, c);
    c.path.pop();
  }
  if (d.temperature !== void 0) {
    c.path.push("temperature");
    v62(d.temperature, c);
    c.path.pop();
  }
  if (d.top_k !== void 0) {
    c.path.push("top_k");
    v67(d.top_k, c);
    c.path.pop();
  }
  if (d.top_p !== void 0) {
    c.path.push("top_p");
    v68(d.top_p, c);
    c.path.pop();
  }
  if (d.user !== void 0) {
    c.path.push("user");
    v5(d.user, c);
    c.path.pop();
  }
  for (const k of Object.keys(d)) if (!k3.has(k) && d[k] !== void 0) c.unknown(k, k2);
  if (c.issues.length === n) jsonObject(d, c);
}
function v70(d, c) {
  let hit = -1, hits = 0;
  if (typeof d === "string") {
    hit = 0;
    hits++;
  }
  if (Array.isArray(d)) {
    hit = 1;
    hits++;
  }
  if (hits === 0) return c.fail("a string or an array", d, kind(d));
  if (hits === 1) {
    if (hit === 0) return v5(d, c);
    if (hit === 1) return v59(d, c);
  }
  const saved = c.issues;
  if (typeof d === "string") {
    c.issues = [];
    v5(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  if (Array.isArray(d)) {
    c.issues = [];
    v59(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  c.issues = saved;
  c.fail("a string or an array", d);
}
function v71(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  if (d.image !== void 0) {
    c.path.push("image");
    v58(d.image, c);
    c.path.pop();
  }
  if (d.video !== void 0) {
    c.path.push("video");
    v58(d.video, c);
    c.path.pop();
  }
  if (c.issues.length === n) jsonObject(d, c);
}
function v72(d, c) {
  if (!(typeof d === "number" && !Number.isNaN(d))) return c.fail("a number", d, kind(d));
  if (d % 1 !== 0) return c.fail("an integer", d);
  if (d <= 0) c.fail("more than 0", d);
  if (d > 1e6) c.fail("at most 1000000", d);
}
function v73(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("input");
  if (d.input === void 0) c.fail("a string or an array", void 0, "missing");
  else v74(d.input, c);
  c.path.pop();
  c.path.push("model");
  if (d.model === void 0) c.fail("a string", void 0, "missing");
  else v5(d.model, c);
  c.path.pop();
  if (d.dimensions !== void 0) {
    c.path.push("dimensions");
    v76(d.dimensions, c);
    c.path.pop();
  }
  if (d.encoding_format !== void 0) {
    c.path.push("encoding_format");
    v77(d.encoding_format, c);
    c.path.pop();
  }
  if (d.extra_body !== void 0) {
    c.path.push("extra_body");
    v23(d.extra_body, c);
    c.path.pop();
  }
  if (d.fail_fast !== void 0) {
    c.path.push("fail_fast");
    v39(d.fail_fast, c);
    c.path.pop();
  }
  if (d.service_tier !== void 0) {
    c.path.push("service_tier");
    v5(d.service_tier, c);
    c.path.pop();
  }
  for (const k of Object.keys(d)) if (!k5.has(k) && d[k] !== void 0) c.unknown(k, k4);
  if (c.issues.length === n) jsonObject(d, c);
}
function v74(d, c) {
  let hit = -1, hits = 0;
  if (typeof d === "string") {
    hit = 0;
    hits++;
  }
  if (Array.isArray(d)) {
    hit = 1;
    hits++;
  }
  if (hits === 0) return c.fail("a string or an array", d, kind(d));
  if (hits === 1) {
    if (hit === 0) return v75(d, c);
    if (hit === 1) return v58(d, c);
  }
  const saved = c.issues;
  if (typeof d === "string") {
    c.issues = [];
    v75(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  if (Array.isArray(d)) {
    c.issues = [];
    v58(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  c.issues = saved;
  c.fail("a string or an array", d);
}
function v75(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "string")) return c.fail("a string", d, kind(d));
  if (c.issues.length === n) atMost1024Characters(d, c);
}
function v76(d, c) {
  if (!(typeof d === "number" && !Number.isNaN(d))) return c.fail("a number", d, kind(d));
  if (d % 1 !== 0) return c.fail("an integer", d);
  if (d < 32) c.fail("at least 32", d);
}
function v77(d, c) {
  if (d !== "base64" && d !== "float") c.fail('"base64" or "float"', d);
}
function v78(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  if (d.batchSize !== void 0) {
    c.path.push("batchSize");
    v79(d.batchSize, c);
    c.path.pop();
  }
  if (d.concurrency !== void 0) {
    c.path.push("concurrency");
    v80(d.concurrency, c);
    c.path.pop();
  }
  if (c.issues.length === n) jsonObject(d, c);
}
function v79(d, c) {
  if (!(typeof d === "number" && !Number.isNaN(d))) return c.fail("a number", d, kind(d));
  if (d % 1 !== 0) return c.fail("an integer", d);
  if (d < 1) c.fail("at least 1", d);
  if (d > 1024) c.fail("at most 1024", d);
}
function v80(d, c) {
  if (!(typeof d === "number" && !Number.isNaN(d))) return c.fail("a number", d, kind(d));
  if (d % 1 !== 0) return c.fail("an integer", d);
  if (d < 1) c.fail("at least 1", d);
}
function v81(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("model");
  if (d.model === void 0) c.fail("a string", void 0, "missing");
  else v5(d.model, c);
  c.path.pop();
  c.path.push("prompt");
  if (d.prompt === void 0) c.fail("a string", void 0, "missing");
  else v5(d.prompt, c);
  c.path.pop();
  if (d.extra_body !== void 0) {
    c.path.push("extra_body");
    v23(d.extra_body, c);
    c.path.pop();
  }
  if (d.n !== void 0) {
    c.path.push("n");
    v44(d.n, c);
    c.path.pop();
  }
  if (d.quality !== void 0) {
    c.path.push("quality");
    v5(d.quality, c);
    c.path.pop();
  }
  if (d.response_format !== void 0) {
    c.path.push("response_format");
    v82(d.response_format, c);
    c.path.pop();
  }
  if (d.size !== void 0) {
    c.path.push("size");
    v5(d.size, c);
    c.path.pop();
  }
  if (d.style !== void 0) {
    c.path.push("style");
    v5(d.style, c);
    c.path.pop();
  }
  if (d.user !== void 0) {
    c.path.push("user");
    v5(d.user, c);
    c.path.pop();
  }
  for (const k of Object.keys(d)) if (!k7.has(k) && d[k] !== void 0) c.unknown(k, k6);
  if (c.issues.length === n) jsonObject(d, c);
}
function v82(d, c) {
  if (d !== "b64_json" && d !== "url") c.fail('"b64_json" or "url"', d);
}
function v83(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("file");
  if (d.file === void 0) c.fail("a ReadableStream, an ArrayBuffer, a Blob or a Uint8Array", void 0, "missing");
  else v84(d.file, c);
  c.path.pop();
  c.path.push("model");
  if (d.model === void 0) c.fail("a string", void 0, "missing");
  else v5(d.model, c);
  c.path.pop();
  if (d.extra_body !== void 0) {
    c.path.push("extra_body");
    v23(d.extra_body, c);
    c.path.pop();
  }
  if (d.filename !== void 0) {
    c.path.push("filename");
    v5(d.filename, c);
    c.path.pop();
  }
  if (d.language !== void 0) {
    c.path.push("language");
    v5(d.language, c);
    c.path.pop();
  }
  if (d.prompt !== void 0) {
    c.path.push("prompt");
    v5(d.prompt, c);
    c.path.pop();
  }
  if (d.response_format !== void 0) {
    c.path.push("response_format");
    v89(d.response_format, c);
    c.path.pop();
  }
  if (d.temperature !== void 0) {
    c.path.push("temperature");
    v90(d.temperature, c);
    c.path.pop();
  }
  if (d.timestamp_granularities !== void 0) {
    c.path.push("timestamp_granularities");
    v91(d.timestamp_granularities, c);
    c.path.pop();
  }
  for (const k of Object.keys(d)) if (!k9.has(k) && d[k] !== void 0) c.unknown(k, k8);
  if (c.issues.length === n) jsonObject(d, c);
}
function v84(d, c) {
  let hit = -1, hits = 0;
  if (typeof ReadableStream !== "undefined" && d instanceof ReadableStream) {
    hit = 0;
    hits++;
  }
  if (typeof ArrayBuffer !== "undefined" && d instanceof ArrayBuffer) {
    hit = 1;
    hits++;
  }
  if (typeof Blob !== "undefined" && d instanceof Blob) {
    hit = 2;
    hits++;
  }
  if (typeof Uint8Array !== "undefined" && d instanceof Uint8Array) {
    hit = 3;
    hits++;
  }
  if (hits === 0) return c.fail("a ReadableStream, an ArrayBuffer, a Blob or a Uint8Array", d, kind(d));
  if (hits === 1) {
    if (hit === 0) return v85(d, c);
    if (hit === 1) return v86(d, c);
    if (hit === 2) return v87(d, c);
    if (hit === 3) return v88(d, c);
  }
  const saved = c.issues;
  if (typeof ReadableStream !== "undefined" && d instanceof ReadableStream) {
    c.issues = [];
    v85(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  if (typeof ArrayBuffer !== "undefined" && d instanceof ArrayBuffer) {
    c.issues = [];
    v86(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  if (typeof Blob !== "undefined" && d instanceof Blob) {
    c.issues = [];
    v87(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  if (typeof Uint8Array !== "undefined" && d instanceof Uint8Array) {
    c.issues = [];
    v88(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  c.issues = saved;
  c.fail("a ReadableStream, an ArrayBuffer, a Blob or a Uint8Array", d);
}
function v85(d, c) {
  if (!(typeof ReadableStream !== "undefined" && d instanceof ReadableStream)) return c.fail("a ReadableStream", d, kind(d));
}
function v86(d, c) {
  if (!(typeof ArrayBuffer !== "undefined" && d instanceof ArrayBuffer)) return c.fail("an ArrayBuffer", d, kind(d));
}
function v87(d, c) {
  if (!(typeof Blob !== "undefined" && d instanceof Blob)) return c.fail("a Blob", d, kind(d));
}
function v88(d, c) {
  if (!(typeof Uint8Array !== "undefined" && d instanceof Uint8Array)) return c.fail("a Uint8Array", d, kind(d));
}
function v89(d, c) {
  if (d !== "json" && d !== "srt" && d !== "text" && d !== "verbose_json" && d !== "vtt") c.fail('"json", "srt", "text", "verbose_json" or "vtt"', d);
}
function v90(d, c) {
  if (!(typeof d === "number" && !Number.isNaN(d))) return c.fail("a number", d, kind(d));
}
function v91(d, c) {
  if (!Array.isArray(d)) return c.fail("an array", d, kind(d));
  for (let i = 0; i < d.length; i++) {
    c.path.push(i);
    v92(d[i], c);
    c.path.pop();
  }
}
function v92(d, c) {
  if (d !== "segment" && d !== "word") c.fail('"segment" or "word"', d);
}
function v93(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("input");
  if (d.input === void 0) c.fail("a string", void 0, "missing");
  else v5(d.input, c);
  c.path.pop();
  c.path.push("model");
  if (d.model === void 0) c.fail("a string", void 0, "missing");
  else v5(d.model, c);
  c.path.pop();
  if (d.extra_body !== void 0) {
    c.path.push("extra_body");
    v23(d.extra_body, c);
    c.path.pop();
  }
  if (d.fail_fast !== void 0) {
    c.path.push("fail_fast");
    v39(d.fail_fast, c);
    c.path.pop();
  }
  if (d.response_format !== void 0) {
    c.path.push("response_format");
    v94(d.response_format, c);
    c.path.pop();
  }
  if (d.service_tier !== void 0) {
    c.path.push("service_tier");
    v5(d.service_tier, c);
    c.path.pop();
  }
  if (d.speed !== void 0) {
    c.path.push("speed");
    v95(d.speed, c);
    c.path.pop();
  }
  if (d.voice !== void 0) {
    c.path.push("voice");
    v5(d.voice, c);
    c.path.pop();
  }
  for (const k of Object.keys(d)) if (!k11.has(k) && d[k] !== void 0) c.unknown(k, k10);
  if (c.issues.length === n) jsonObject(d, c);
}
function v94(d, c) {
  if (d !== "flac" && d !== "mp3" && d !== "opus" && d !== "pcm" && d !== "wav") c.fail('"flac", "mp3", "opus", "pcm" or "wav"', d);
}
function v95(d, c) {
  if (!(typeof d === "number" && !Number.isNaN(d))) return c.fail("a number", d, kind(d));
  if (d < 0.25) c.fail("at least 0.25", d);
  if (d > 4) c.fail("at most 4", d);
}
function v96(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("model");
  if (d.model === void 0) c.fail("a non-empty string", void 0, "missing");
  else v97(d.model, c);
  c.path.pop();
  if (d.extra_body !== void 0) {
    c.path.push("extra_body");
    v23(d.extra_body, c);
    c.path.pop();
  }
  if (d.messages !== void 0) {
    c.path.push("messages");
    v98(d.messages, c);
    c.path.pop();
  }
  if (d.prompt !== void 0) {
    c.path.push("prompt");
    v5(d.prompt, c);
    c.path.pop();
  }
  if (d.return_token_strs !== void 0) {
    c.path.push("return_token_strs");
    v39(d.return_token_strs, c);
    c.path.pop();
  }
  for (const k of Object.keys(d)) if (!k14.has(k) && d[k] !== void 0) c.unknown(k, k13);
  if (c.issues.length === n) jsonObject(d, c) && promptOrMessages(d, c);
}
function v97(d, c) {
  if (!(typeof d === "string")) return c.fail("a non-empty string", d, kind(d));
  if (!k12.test(d)) c.fail("a non-empty string", d);
}
function v98(d, c) {
  if (!Array.isArray(d)) return c.fail("a non-empty array of messages", d, kind(d));
  if (d.length < 1) c.fail("a non-empty array of messages", d);
  for (let i = 0; i < d.length; i++) {
    c.path.push(i);
    v99(d[i], c);
    c.path.pop();
  }
}
function v99(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("role");
  if (d.role === void 0) c.fail("a string", void 0, "missing");
  else v5(d.role, c);
  c.path.pop();
  if (c.issues.length === n) jsonObject(d, c);
}
function v100(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("model");
  if (d.model === void 0) c.fail("a non-empty string", void 0, "missing");
  else v97(d.model, c);
  c.path.pop();
  c.path.push("tokens");
  if (d.tokens === void 0) c.fail("an array", void 0, "missing");
  else v101(d.tokens, c);
  c.path.pop();
  if (d.extra_body !== void 0) {
    c.path.push("extra_body");
    v23(d.extra_body, c);
    c.path.pop();
  }
  for (const k of Object.keys(d)) if (!k16.has(k) && d[k] !== void 0) c.unknown(k, k15);
  if (c.issues.length === n) jsonObject(d, c);
}
function v101(d, c) {
  if (!Array.isArray(d)) return c.fail("an array", d, kind(d));
  for (let i = 0; i < d.length; i++) {
    c.path.push(i);
    v102(d[i], c);
    c.path.pop();
  }
}
function v102(d, c) {
  if (!(typeof d === "number" && !Number.isNaN(d))) return c.fail("a number", d, kind(d));
  if (d % 1 !== 0) return c.fail("an integer", d);
  if (d < 0) c.fail("at least 0", d);
}
function v103(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("documents");
  if (d.documents === void 0) c.fail("an array", void 0, "missing");
  else v104(d.documents, c);
  c.path.pop();
  c.path.push("model");
  if (d.model === void 0) c.fail('a model id such as "owner/name" or "owner/name:version"', void 0, "missing");
  else v105(d.model, c);
  c.path.pop();
  if (d.extra_body !== void 0) {
    c.path.push("extra_body");
    v23(d.extra_body, c);
    c.path.pop();
  }
  if (d.instruction !== void 0) {
    c.path.push("instruction");
    v5(d.instruction, c);
    c.path.pop();
  }
  if (d.queries !== void 0) {
    c.path.push("queries");
    v104(d.queries, c);
    c.path.pop();
  }
  if (d.query !== void 0) {
    c.path.push("query");
    v5(d.query, c);
    c.path.pop();
  }
  if (d.top_n !== void 0) {
    c.path.push("top_n");
    v80(d.top_n, c);
    c.path.pop();
  }
  for (const k of Object.keys(d)) if (!k19.has(k) && d[k] !== void 0) c.unknown(k, k18);
  if (c.issues.length === n) jsonObject(d, c) && oneQuerySpelling(d, c);
}
function v104(d, c) {
  if (!Array.isArray(d)) return c.fail("an array", d, kind(d));
  if (d.length < 1) c.fail("a non-empty array", d);
  for (let i = 0; i < d.length; i++) {
    c.path.push(i);
    v5(d[i], c);
    c.path.pop();
  }
}
function v105(d, c) {
  if (!(typeof d === "string")) return c.fail('a model id such as "owner/name" or "owner/name:version"', d, kind(d));
  if (!k17.test(d)) c.fail('a model id such as "owner/name" or "owner/name:version"', d);
}
function v106(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("file");
  if (d.file === void 0) c.fail("a string, a ReadableStream, an ArrayBuffer, a Blob or a Uint8Array", void 0, "missing");
  else v107(d.file, c);
  c.path.pop();
  c.path.push("purpose");
  if (d.purpose === void 0) c.fail('a non-empty string such as "batch"', void 0, "missing");
  else v108(d.purpose, c);
  c.path.pop();
  if (d.expires_after !== void 0) {
    c.path.push("expires_after");
    v109(d.expires_after, c);
    c.path.pop();
  }
  if (d.filename !== void 0) {
    c.path.push("filename");
    v5(d.filename, c);
    c.path.pop();
  }
  if (c.issues.length === n) jsonObject(d, c);
}
function v107(d, c) {
  let hit = -1, hits = 0;
  if (typeof d === "string") {
    hit = 0;
    hits++;
  }
  if (typeof ReadableStream !== "undefined" && d instanceof ReadableStream) {
    hit = 1;
    hits++;
  }
  if (typeof ArrayBuffer !== "undefined" && d instanceof ArrayBuffer) {
    hit = 2;
    hits++;
  }
  if (typeof Blob !== "undefined" && d instanceof Blob) {
    hit = 3;
    hits++;
  }
  if (typeof Uint8Array !== "undefined" && d instanceof Uint8Array) {
    hit = 4;
    hits++;
  }
  if (hits === 0) return c.fail("a string, a ReadableStream, an ArrayBuffer, a Blob or a Uint8Array", d, kind(d));
  if (hits === 1) {
    if (hit === 0) return v5(d, c);
    if (hit === 1) return v85(d, c);
    if (hit === 2) return v86(d, c);
    if (hit === 3) return v87(d, c);
    if (hit === 4) return v88(d, c);
  }
  const saved = c.issues;
  if (typeof d === "string") {
    c.issues = [];
    v5(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  if (typeof ReadableStream !== "undefined" && d instanceof ReadableStream) {
    c.issues = [];
    v85(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  if (typeof ArrayBuffer !== "undefined" && d instanceof ArrayBuffer) {
    c.issues = [];
    v86(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  if (typeof Blob !== "undefined" && d instanceof Blob) {
    c.issues = [];
    v87(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  if (typeof Uint8Array !== "undefined" && d instanceof Uint8Array) {
    c.issues = [];
    v88(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  c.issues = saved;
  c.fail("a string, a ReadableStream, an ArrayBuffer, a Blob or a Uint8Array", d);
}
function v108(d, c) {
  if (!(typeof d === "string")) return c.fail('a non-empty string such as "batch"', d, kind(d));
  if (d.length < 1) c.fail('a non-empty string such as "batch"', d);
}
function v109(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  if (d.anchor !== void 0) {
    c.path.push("anchor");
    v5(d.anchor, c);
    c.path.pop();
  }
  if (d.seconds !== void 0) {
    c.path.push("seconds");
    v90(d.seconds, c);
    c.path.pop();
  }
  if (c.issues.length === n) jsonObject(d, c);
}
function v110(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  if (d.after !== void 0) {
    c.path.push("after");
    v5(d.after, c);
    c.path.pop();
  }
  if (d.limit !== void 0) {
    c.path.push("limit");
    v80(d.limit, c);
    c.path.pop();
  }
  if (d.order !== void 0) {
    c.path.push("order");
    v111(d.order, c);
    c.path.pop();
  }
  if (d.purpose !== void 0) {
    c.path.push("purpose");
    v5(d.purpose, c);
    c.path.pop();
  }
  if (c.issues.length === n) jsonObject(d, c);
}
function v111(d, c) {
  if (d !== "asc" && d !== "desc") c.fail('"asc" or "desc"', d);
}
function v112(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("endpoint");
  if (d.endpoint === void 0) c.fail('an API path such as "/v1/chat/completions"', void 0, "missing");
  else v113(d.endpoint, c);
  c.path.pop();
  c.path.push("input_file_id");
  if (d.input_file_id === void 0) c.fail("a non-empty string", void 0, "missing");
  else v97(d.input_file_id, c);
  c.path.pop();
  if (d.completion_window !== void 0) {
    c.path.push("completion_window");
    v5(d.completion_window, c);
    c.path.pop();
  }
  if (d.extra_body !== void 0) {
    c.path.push("extra_body");
    v23(d.extra_body, c);
    c.path.pop();
  }
  if (d.metadata !== void 0) {
    c.path.push("metadata");
    v114(d.metadata, c);
    c.path.pop();
  }
  if (d.output_expires_after !== void 0) {
    c.path.push("output_expires_after");
    v109(d.output_expires_after, c);
    c.path.pop();
  }
  for (const k of Object.keys(d)) if (!k22.has(k) && d[k] !== void 0) c.unknown(k, k21);
  if (c.issues.length === n) jsonObject(d, c);
}
function v113(d, c) {
  if (!(typeof d === "string")) return c.fail('an API path such as "/v1/chat/completions"', d, kind(d));
  if (!k20.test(d)) c.fail('an API path such as "/v1/chat/completions"', d);
}
function v114(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  for (const k of Object.keys(d)) {
    c.path.push(k);
    v5(d[k], c);
    c.path.pop();
  }
  if (c.issues.length === n) jsonObject(d, c) && atMost16Pairs(d, c);
}
function v115(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  if (d.after !== void 0) {
    c.path.push("after");
    v5(d.after, c);
    c.path.pop();
  }
  if (d.limit !== void 0) {
    c.path.push("limit");
    v80(d.limit, c);
    c.path.pop();
  }
  if (c.issues.length === n) jsonObject(d, c);
}
function v116(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("endpoint");
  if (d.endpoint === void 0) c.fail('"/v1/chat/completions", "/v1/completions" or "/v1/embeddings"', void 0, "missing");
  else v117(d.endpoint, c);
  c.path.pop();
  c.path.push("requests");
  if (d.requests === void 0) c.fail("an array", void 0, "missing");
  else v118(d.requests, c);
  c.path.pop();
  if (d.completion_window !== void 0) {
    c.path.push("completion_window");
    v5(d.completion_window, c);
    c.path.pop();
  }
  if (d.metadata !== void 0) {
    c.path.push("metadata");
    v114(d.metadata, c);
    c.path.pop();
  }
  if (c.issues.length === n) jsonObject(d, c);
}
function v117(d, c) {
  if (d !== "/v1/chat/completions" && d !== "/v1/completions" && d !== "/v1/embeddings") c.fail('"/v1/chat/completions", "/v1/completions" or "/v1/embeddings"', d);
}
function v118(d, c) {
  if (!Array.isArray(d)) return c.fail("an array", d, kind(d));
  if (d.length < 1) c.fail("a non-empty array", d);
  if (d.length > 5e4) c.fail("at most 50000 items", d, `${d.length} items`);
  for (let i = 0; i < d.length; i++) {
    c.path.push(i);
    v119(d[i], c);
    c.path.pop();
  }
}
function v119(d, c) {
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
}
function v120(d, c) {
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  if (d.idleTimeout !== void 0) {
    c.path.push("idleTimeout");
    v121(d.idleTimeout, c);
    c.path.pop();
  }
  if (d.maxEventBytes !== void 0) {
    c.path.push("maxEventBytes");
    v121(d.maxEventBytes, c);
    c.path.pop();
  }
  if (d.maxRetries !== void 0) {
    c.path.push("maxRetries");
    v121(d.maxRetries, c);
    c.path.pop();
  }
  if (d.timeout !== void 0) {
    c.path.push("timeout");
    v121(d.timeout, c);
    c.path.pop();
  }
}
function v121(d, c) {
  if (!(typeof d === "number" && !Number.isNaN(d))) return c.fail("a number >= 0", d, kind(d));
  if (d < 0) c.fail("a number >= 0", d);
}
function v122(d, c) {
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("maxUSD");
  if (d.maxUSD === void 0) c.fail("a finite number >= 0", void 0, "missing");
  else v123(d.maxUSD, c);
  c.path.pop();
}
function v123(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "number" && !Number.isNaN(d))) return c.fail("a finite number >= 0", d, kind(d));
  if (d < 0) c.fail("a finite number >= 0", d);
  if (c.issues.length === n) finiteAmount(d, c);
}
function v124(d, c) {
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  if (d.maxQueue !== void 0) {
    c.path.push("maxQueue");
    v125(d.maxQueue, c);
    c.path.pop();
  }
  if (d.perModel !== void 0) {
    c.path.push("perModel");
    v126(d.perModel, c);
    c.path.pop();
  }
  if (d.total !== void 0) {
    c.path.push("total");
    v126(d.total, c);
    c.path.pop();
  }
}
function v125(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "number" && !Number.isNaN(d))) return c.fail("an integer >= 0", d, kind(d));
  if (c.issues.length === n) countFromZero(d, c);
}
function v126(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "number" && !Number.isNaN(d))) return c.fail("an integer >= 1", d, kind(d));
  if (c.issues.length === n) countFromOne(d, c);
}
function v127(d, c) {
  const n = c.issues.length;
  if (c.issues.length === n) modelNames(d, c);
}
function v128(d, c) {
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  if (d.cache !== void 0) {
    c.path.push("cache");
    v129(d.cache, c);
    c.path.pop();
  }
  if (d.meter !== void 0) {
    c.path.push("meter");
    v131(d.meter, c);
    c.path.pop();
  }
  if (d.onFallback !== void 0) {
    c.path.push("onFallback");
    v132(d.onFallback, c);
    c.path.pop();
  }
  if (d.tracer !== void 0) {
    c.path.push("tracer");
    v133(d.tracer, c);
    c.path.pop();
  }
}
function v129(d, c) {
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("a cache with get() and put()", d, kind(d));
  c.path.push("get");
  if (d.get === void 0) c.fail("a function", void 0, "missing");
  else v130(d.get, c);
  c.path.pop();
  c.path.push("put");
  if (d.put === void 0) c.fail("a function", void 0, "missing");
  else v130(d.put, c);
  c.path.pop();
}
function v130(d, c) {
  if (!(typeof Function !== "undefined" && d instanceof Function)) return c.fail("a function", d, kind(d));
}
function v131(d, c) {
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an OpenTelemetry Meter (with createHistogram())", d, kind(d));
  c.path.push("createHistogram");
  if (d.createHistogram === void 0) c.fail("a function", void 0, "missing");
  else v130(d.createHistogram, c);
  c.path.pop();
}
function v132(d, c) {
  if (!(typeof Function !== "undefined" && d instanceof Function)) return c.fail("a function", d, kind(d));
}
function v133(d, c) {
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an OpenTelemetry Tracer (with startSpan())", d, kind(d));
  c.path.push("startSpan");
  if (d.startSpan === void 0) c.fail("a function", void 0, "missing");
  else v130(d.startSpan, c);
  c.path.pop();
}
function v134(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("maxRounds");
  if (d.maxRounds === void 0) c.fail("an integer >= 1", void 0, "missing");
  else v135(d.maxRounds, c);
  c.path.pop();
  c.path.push("tools");
  if (d.tools === void 0) c.fail("a non-empty array of { name, parameters, run }", void 0, "missing");
  else v136(d.tools, c);
  c.path.pop();
  if (c.issues.length === n) uniqueToolNames(d, c);
}
function v135(d, c) {
  if (!(typeof d === "number" && !Number.isNaN(d))) return c.fail("an integer >= 1", d, kind(d));
  if (d % 1 !== 0) return c.fail("an integer >= 1", d);
  if (d < 1) c.fail("an integer >= 1", d);
}
function v136(d, c) {
  if (!Array.isArray(d)) return c.fail("a non-empty array of { name, parameters, run }", d, kind(d));
  if (d.length < 1) c.fail("a non-empty array of { name, parameters, run }", d);
  for (let i = 0; i < d.length; i++) {
    c.path.push(i);
    v137(d[i], c);
    c.path.pop();
  }
}
function v137(d, c) {
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("name");
  if (d.name === void 0) c.fail("1 to 64 letters, digits, _ or -", void 0, "missing");
  else v138(d.name, c);
  c.path.pop();
  c.path.push("parameters");
  if (d.parameters === void 0) c.fail("undefined", void 0, "missing");
  else v139(d.parameters, c);
  c.path.pop();
  c.path.push("run");
  if (d.run === void 0) c.fail("a function", void 0, "missing");
  else v132(d.run, c);
  c.path.pop();
  if (d.description !== void 0) {
    c.path.push("description");
    v5(d.description, c);
    c.path.pop();
  }
  if (d.jsonSchema !== void 0) {
    c.path.push("jsonSchema");
    v119(d.jsonSchema, c);
    c.path.pop();
  }
}
function v138(d, c) {
  if (!(typeof d === "string")) return c.fail("1 to 64 letters, digits, _ or -", d, kind(d));
  if (!k23.test(d)) c.fail("1 to 64 letters, digits, _ or -", d);
}
function v139(d, c) {
  const n = c.issues.length;
  if (c.issues.length === n) standardSchema(d, c);
}
function v140(d, c) {
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("schema");
  if (d.schema === void 0) c.fail("undefined", void 0, "missing");
  else v139(d.schema, c);
  c.path.pop();
  if (d.stream !== void 0) {
    c.path.push("stream");
    v141(d.stream, c);
    c.path.pop();
  }
}
function v141(d, c) {
  const n = c.issues.length;
  if (c.issues.length === n) notStreaming(d, c);
}
function v142(d, c) {
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object", d, kind(d));
  c.path.push("body");
  if (d.body === void 0) c.fail("an object of the model's input fields or a FormData", void 0, "missing");
  else v143(d.body, c);
  c.path.pop();
  c.path.push("model");
  if (d.model === void 0) c.fail('a model id such as "owner/name" or "owner/name:version"', void 0, "missing");
  else v105(d.model, c);
  c.path.pop();
}
function v143(d, c) {
  let hit = -1, hits = 0;
  if (typeof d === "object" && d !== null || typeof d === "function") {
    hit = 0;
    hits++;
  }
  if (typeof FormData !== "undefined" && d instanceof FormData) {
    hit = 1;
    hits++;
  }
  if (hits === 0) return c.fail("an object of the model's input fields or a FormData", d, kind(d));
  if (hits === 1) {
    if (hit === 0) return v144(d, c);
    if (hit === 1) return v145(d, c);
  }
  const saved = c.issues;
  if (typeof d === "object" && d !== null || typeof d === "function") {
    c.issues = [];
    v144(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  if (typeof FormData !== "undefined" && d instanceof FormData) {
    c.issues = [];
    v145(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  c.issues = saved;
  c.fail("an object of the model's input fields or a FormData", d);
}
function v144(d, c) {
  const n = c.issues.length;
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("an object of the model's input fields or a FormData", d, kind(d));
  if (d.stream !== void 0) {
    c.path.push("stream");
    v141(d.stream, c);
    c.path.pop();
  }
  if (c.issues.length === n) jsonObject(d, c);
}
function v145(d, c) {
  if (!(typeof FormData !== "undefined" && d instanceof FormData)) return c.fail("an object of the model's input fields or a FormData", d, kind(d));
}
function v146(d, c) {
  let hit = -1, hits = 0;
  if (typeof d === "object" && d !== null || typeof d === "function") {
    hit = 0;
    hits++;
  }
  if (typeof d === "string") {
    hit = 1;
    hits++;
  }
  if (hits === 0) return c.fail("a non-empty string or { model, messages }", d, kind(d));
  if (hits === 1) {
    if (hit === 0) return v147(d, c);
    if (hit === 1) return v148(d, c);
  }
  const saved = c.issues;
  if (typeof d === "object" && d !== null || typeof d === "function") {
    c.issues = [];
    v147(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  if (typeof d === "string") {
    c.issues = [];
    v148(d, c);
    if (c.issues.length === 0) {
      c.issues = saved;
      return;
    }
  }
  c.issues = saved;
  c.fail("a non-empty string or { model, messages }", d);
}
function v147(d, c) {
  if (!(typeof d === "object" && d !== null || typeof d === "function")) return c.fail("a non-empty string or { model, messages }", d, kind(d));
}
function v148(d, c) {
  if (!(typeof d === "string")) return c.fail("a non-empty string or { model, messages }", d, kind(d));
  if (d.length < 1) c.fail("a non-empty string or { model, messages }", d);
}
export {
  v112 as batchCreateParams,
  k21 as batchCreateParamsKeys,
  v115 as batchListParams,
  v114 as batchMetadata,
  v116 as batchRunParams,
  v122 as budgetOptions,
  v0 as chatParams,
  k0 as chatParamsKeys,
  v69 as completionParams,
  k2 as completionParamsKeys,
  v124 as concurrencyOptions,
  v100 as detokenizeParams,
  k15 as detokenizeParamsKeys,
  v78 as embeddingOptions,
  v73 as embeddingParams,
  k4 as embeddingParamsKeys,
  v127 as fallbackChain,
  v128 as featureOptions,
  v106 as fileCreateParams,
  v110 as fileListParams,
  v81 as imageParams,
  k6 as imageParamsKeys,
  v142 as inferenceRunParams,
  v146 as llmMessage,
  v97 as nonEmpty,
  v140 as parseParams,
  v103 as rerankParams,
  k18 as rerankParamsKeys,
  v134 as runToolsParams,
  v93 as speechParams,
  k10 as speechParamsKeys,
  v96 as tokenizeParams,
  k13 as tokenizeParamsKeys,
  v83 as transcriptionParams,
  k8 as transcriptionParamsKeys,
  v120 as transportOptions
};
