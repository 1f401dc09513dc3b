// @ts-nocheck: generated from src/schema/rules by scripts/compile-validators.mjs (`npm run validators`).
// Do not edit: `npm test` fails when this file differs from a fresh compile.
// arktype's JIT validators as plain functions; `ctx` is src/schema/runtime.ts's Context.
import { printable } from "../runtime.js";
const $array10 = ["url"];
const $array11 = ["image_url"];
const $array13 = ["data"];
const $array14 = ["input_audio"];
const $array16 = ["video_url"];
const $array17 = ["id"];
const $array18 = ["type"];
const $array19 = ["arguments"];
const $array2 = ["name"];
const $array20 = ["function"];
const $array22 = ["content"];
const $array27 = ["tool_call_id"];
const $array29 = ["model"];
const $array3 = ["schema"];
const $array30 = ["messages"];
const $array31 = ["prompt"];
const $array32 = ["input"];
const $array34 = ["file"];
const $array4 = ["json_schema"];
const $array6 = ["regex"];
const $array8 = ["text"];
const $declaredToolChoice = function declaredToolChoice(params, ctx) {
  const choice = params.tool_choice;
  if (typeof choice !== "object" || choice === null) return true;
  const name = choice.function.name;
  const tools = Array.isArray(params.tools) ? params.tools : [];
  for (const declared of tools) if (declared.function.name === name) return true;
  const names = tools.map((declared) => JSON.stringify(declared.function.name)).join(", ");
  return ctx.reject({
    expected: `the name of a declared tool (${names || "none declared"})`,
    actual: JSON.stringify(name),
    relativePath: ["tool_choice", "function", "name"]
  });
};
const $object = { "boolean": "boolean", "null": "null", "undefined": "undefined", "bigint": "a bigint", "number": "a number", "object": "an object", "string": "a string", "symbol": "a symbol", "function": "a function" };
function boolean1Apply(data, ctx) {
  const errors = [];
  ctx.pushBranch();
  unit9Apply(data, ctx);
  if (!ctx.hasError()) {
    return ctx.popBranch();
  }
  errors.push(ctx.popBranch().error);
  ctx.pushBranch();
  unit10Apply(data, ctx);
  if (!ctx.hasError()) {
    return ctx.popBranch();
  }
  errors.push(ctx.popBranch().error);
  ctx.errorFromNodeContext({ code: "union", errors });
}
function divisor3Apply(data, ctx) {
  if (data % 1 !== 0) {
    ctx.errorFromNodeContext({ code: "divisor", description: "an integer" });
  }
}
function domain2Apply(data, ctx) {
  if (typeof data !== "number" || Number.isNaN(data)) {
    ctx.errorFromNodeContext({ code: "domain", description: "a number" });
  }
}
function domain80Apply(data, ctx) {
  if ((typeof data !== "object" || data === null) && typeof data !== "function") {
    ctx.errorFromNodeContext({ code: "domain", description: "an object" });
  }
}
function intersection43Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain2Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  divisor3Apply(data, ctx);
}
function intersection214Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure13Apply(data, ctx);
}
function intersection226Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  structure17Apply(data, ctx);
}
function intersection232Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  structure19Apply(data, ctx);
}
function intersection235Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure20Apply(data, ctx);
}
function intersection250Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure25Apply(data, ctx);
}
function intersection253Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure26Apply(data, ctx);
}
function intersection256Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure27Apply(data, ctx);
}
function intersection265Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  structure30Apply(data, ctx);
}
function intersection271Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  structure32Apply(data, ctx);
}
function intersection274Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure33Apply(data, ctx);
}
function intersection289Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  structure38Apply(data, ctx);
}
function intersection298Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure41Apply(data, ctx);
}
function intersection325Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  structure50Apply(data, ctx);
}
function intersection327Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  proto38Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure51Apply(data, ctx);
}
function intersection332Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure53Apply(data, ctx);
}
function intersection335Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure54Apply(data, ctx);
}
function intersection340Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  proto38Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure56Apply(data, ctx);
}
function intersection352Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  structure61Apply(data, ctx);
}
function intersection358Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  structure63Apply(data, ctx);
}
function intersection363Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  proto38Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure65Apply(data, ctx);
}
function intersection386Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  structure73Apply(data, ctx);
}
function intersection407Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  structure80Apply(data, ctx);
}
function intersection416Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure83Apply(data, ctx);
}
function intersection419Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure84Apply(data, ctx);
}
function intersection421Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  proto38Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure85Apply(data, ctx);
}
function intersection422Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  proto38Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure86Apply(data, ctx);
}
function intersection424Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  structure84Apply(data, ctx);
}
function intersection433Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain2Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  max4Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  min3Apply(data, ctx);
}
function intersection441Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain2Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  max5Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  min4Apply(data, ctx);
}
function intersection448Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain2Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  max5Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  min3Apply(data, ctx);
}
function intersection456Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain2Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  divisor3Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  max7Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  min3Apply(data, ctx);
}
function intersection464Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain2Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  divisor3Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  max8Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  min7Apply(data, ctx);
}
function intersection471Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain2Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  max4Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  min8Apply(data, ctx);
}
function intersection479Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain2Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  max10Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  min9Apply(data, ctx);
}
function intersection480Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  proto38Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure88Apply(data, ctx);
}
function intersection484Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  proto38Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure90Apply(data, ctx);
}
function intersection492Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain2Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  divisor3Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  max11Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  min10Apply(data, ctx);
}
function intersection500Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain2Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  divisor3Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  max12Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  min3Apply(data, ctx);
}
function intersection502Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure91Apply(data, ctx);
}
function intersection508Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  proto38Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  maxLength1Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure88Apply(data, ctx);
}
function intersection515Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure93Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  predicate11Apply(data, ctx);
}
function intersection526Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain2Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  divisor3Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  max12Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  min4Apply(data, ctx);
}
function intersection529Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure97Apply(data, ctx);
}
function intersection532Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure98Apply(data, ctx);
}
function intersection537Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain2Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  divisor3Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  min13Apply(data, ctx);
}
function intersection539Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure99Apply(data, ctx);
}
function intersection548Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain2Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  divisor3Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  max14Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  min7Apply(data, ctx);
}
function intersection552Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain2Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  divisor3Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  min7Apply(data, ctx);
}
function intersection554Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure100Apply(data, ctx);
}
function intersection557Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure101Apply(data, ctx);
}
function intersection559Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  proto38Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure102Apply(data, ctx);
}
function intersection561Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure103Apply(data, ctx);
}
function intersection570Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain2Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  max8Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  min16Apply(data, ctx);
}
function intersection572Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure104Apply(data, ctx);
}
function max4Apply(data, ctx) {
  if (data > 2) {
    ctx.errorFromNodeContext({ code: "max", description: "at most 2" });
  }
}
function max5Apply(data, ctx) {
  if (data > 1) {
    ctx.errorFromNodeContext({ code: "max", description: "at most 1" });
  }
}
function max7Apply(data, ctx) {
  if (data >= 1e3) {
    ctx.errorFromNodeContext({ code: "max", description: "less than 1000" });
  }
}
function max8Apply(data, ctx) {
  if (data > 4) {
    ctx.errorFromNodeContext({ code: "max", description: "at most 4" });
  }
}
function max10Apply(data, ctx) {
  if (data > 5) {
    ctx.errorFromNodeContext({ code: "max", description: "at most 5" });
  }
}
function max11Apply(data, ctx) {
  if (data >= 18446744073709552e3) {
    ctx.errorFromNodeContext({ code: "max", description: "less than 18446744073709552000" });
  }
}
function max12Apply(data, ctx) {
  if (data > 1e6) {
    ctx.errorFromNodeContext({ code: "max", description: "at most 1000000" });
  }
}
function max14Apply(data, ctx) {
  if (data > 1024) {
    ctx.errorFromNodeContext({ code: "max", description: "at most 1024" });
  }
}
function maxLength1Apply(data, ctx) {
  if (data.length > 4) {
    ctx.errorFromNodeContext({ code: "maxLength", description: "at most length 4" });
  }
}
function min3Apply(data, ctx) {
  if (data < 0) {
    ctx.errorFromNodeContext({ code: "min", description: "non-negative" });
  }
}
function min4Apply(data, ctx) {
  if (data <= 0) {
    ctx.errorFromNodeContext({ code: "min", description: "positive" });
  }
}
function min7Apply(data, ctx) {
  if (data < 1) {
    ctx.errorFromNodeContext({ code: "min", description: "at least 1" });
  }
}
function min8Apply(data, ctx) {
  if (data < -2) {
    ctx.errorFromNodeContext({ code: "min", description: "at least -2" });
  }
}
function min9Apply(data, ctx) {
  if (data < 0.01) {
    ctx.errorFromNodeContext({ code: "min", description: "at least 0.01" });
  }
}
function min10Apply(data, ctx) {
  if (data < -9223372036854776e3) {
    ctx.errorFromNodeContext({ code: "min", description: "at least -9223372036854776000" });
  }
}
function min13Apply(data, ctx) {
  if (data < 32) {
    ctx.errorFromNodeContext({ code: "min", description: "at least 32" });
  }
}
function min16Apply(data, ctx) {
  if (data < 0.25) {
    ctx.errorFromNodeContext({ code: "min", description: "at least 0.25" });
  }
}
function null1Apply(data, ctx) {
  if (data !== null) {
    ctx.errorFromNodeContext({ code: "unit", description: "null" });
  }
}
function optional1Apply(data, ctx) {
  if (data.type !== void 0) {
    ctx.path.push("type");
    union35Apply(data.type, ctx);
    ctx.path.pop();
  }
}
function optional2Apply(data, ctx) {
  if (data.include_usage !== void 0) {
    ctx.path.push("include_usage");
    boolean1Apply(data.include_usage, ctx);
    ctx.path.pop();
  }
}
function optional3Apply(data, ctx) {
  if (data.continuous_usage_stats !== void 0) {
    ctx.path.push("continuous_usage_stats");
    boolean1Apply(data.continuous_usage_stats, ctx);
    ctx.path.pop();
  }
}
function optional4Apply(data, ctx) {
  if (data.detail !== void 0) {
    ctx.path.push("detail");
    union38Apply(data.detail, ctx);
    ctx.path.pop();
  }
}
function optional5Apply(data, ctx) {
  if (data.format !== void 0) {
    ctx.path.push("format");
    union40Apply(data.format, ctx);
    ctx.path.pop();
  }
}
function optional6Apply(data, ctx) {
  if (data.name !== void 0) {
    ctx.path.push("name");
    union44Apply(data.name, ctx);
    ctx.path.pop();
  }
}
function optional7Apply(data, ctx) {
  if (data.cache_control !== void 0) {
    ctx.path.push("cache_control");
    union45Apply(data.cache_control, ctx);
    ctx.path.pop();
  }
}
function optional10Apply(data, ctx) {
  if (data.content !== void 0) {
    ctx.path.push("content");
    union49Apply(data.content, ctx);
    ctx.path.pop();
  }
}
function optional11Apply(data, ctx) {
  if (data.reasoning_content !== void 0) {
    ctx.path.push("reasoning_content");
    union44Apply(data.reasoning_content, ctx);
    ctx.path.pop();
  }
}
function optional13Apply(data, ctx) {
  if (data.tool_calls !== void 0) {
    ctx.path.push("tool_calls");
    union50Apply(data.tool_calls, ctx);
    ctx.path.pop();
  }
}
function optional16Apply(data, ctx) {
  if (data.type !== void 0) {
    ctx.path.push("type");
    string1Apply(data.type, ctx);
    ctx.path.pop();
  }
}
function optional17Apply(data, ctx) {
  if (data.description !== void 0) {
    ctx.path.push("description");
    union44Apply(data.description, ctx);
    ctx.path.pop();
  }
}
function optional18Apply(data, ctx) {
  if (data.parameters !== void 0) {
    ctx.path.push("parameters");
    union45Apply(data.parameters, ctx);
    ctx.path.pop();
  }
}
function optional20Apply(data, ctx) {
  if (data.stream !== void 0) {
    ctx.path.push("stream");
    boolean1Apply(data.stream, ctx);
    ctx.path.pop();
  }
}
function optional21Apply(data, ctx) {
  if (data.temperature !== void 0) {
    ctx.path.push("temperature");
    intersection433Apply(data.temperature, ctx);
    ctx.path.pop();
  }
}
function optional22Apply(data, ctx) {
  if (data.top_p !== void 0) {
    ctx.path.push("top_p");
    intersection441Apply(data.top_p, ctx);
    ctx.path.pop();
  }
}
function optional23Apply(data, ctx) {
  if (data.min_p !== void 0) {
    ctx.path.push("min_p");
    intersection448Apply(data.min_p, ctx);
    ctx.path.pop();
  }
}
function optional24Apply(data, ctx) {
  if (data.top_k !== void 0) {
    ctx.path.push("top_k");
    intersection456Apply(data.top_k, ctx);
    ctx.path.pop();
  }
}
function optional25Apply(data, ctx) {
  if (data.n !== void 0) {
    ctx.path.push("n");
    intersection464Apply(data.n, ctx);
    ctx.path.pop();
  }
}
function optional26Apply(data, ctx) {
  if (data.presence_penalty !== void 0) {
    ctx.path.push("presence_penalty");
    intersection471Apply(data.presence_penalty, ctx);
    ctx.path.pop();
  }
}
function optional27Apply(data, ctx) {
  if (data.frequency_penalty !== void 0) {
    ctx.path.push("frequency_penalty");
    intersection471Apply(data.frequency_penalty, ctx);
    ctx.path.pop();
  }
}
function optional28Apply(data, ctx) {
  if (data.repetition_penalty !== void 0) {
    ctx.path.push("repetition_penalty");
    intersection479Apply(data.repetition_penalty, ctx);
    ctx.path.pop();
  }
}
function optional29Apply(data, ctx) {
  if (data.stop !== void 0) {
    ctx.path.push("stop");
    union54Apply(data.stop, ctx);
    ctx.path.pop();
  }
}
function optional30Apply(data, ctx) {
  if (data.stop_token_ids !== void 0) {
    ctx.path.push("stop_token_ids");
    intersection484Apply(data.stop_token_ids, ctx);
    ctx.path.pop();
  }
}
function optional31Apply(data, ctx) {
  if (data.seed !== void 0) {
    ctx.path.push("seed");
    intersection492Apply(data.seed, ctx);
    ctx.path.pop();
  }
}
function optional32Apply(data, ctx) {
  if (data.user !== void 0) {
    ctx.path.push("user");
    string1Apply(data.user, ctx);
    ctx.path.pop();
  }
}
function optional33Apply(data, ctx) {
  if (data.stream_options !== void 0) {
    ctx.path.push("stream_options");
    intersection250Apply(data.stream_options, ctx);
    ctx.path.pop();
  }
}
function optional34Apply(data, ctx) {
  if (data.response_format !== void 0) {
    ctx.path.push("response_format");
    union36Apply(data.response_format, ctx);
    ctx.path.pop();
  }
}
function optional35Apply(data, ctx) {
  if (data.prompt_cache_key !== void 0) {
    ctx.path.push("prompt_cache_key");
    string1Apply(data.prompt_cache_key, ctx);
    ctx.path.pop();
  }
}
function optional36Apply(data, ctx) {
  if (data.max_tokens !== void 0) {
    ctx.path.push("max_tokens");
    intersection500Apply(data.max_tokens, ctx);
    ctx.path.pop();
  }
}
function optional37Apply(data, ctx) {
  if (data.logprobs !== void 0) {
    ctx.path.push("logprobs");
    boolean1Apply(data.logprobs, ctx);
    ctx.path.pop();
  }
}
function optional38Apply(data, ctx) {
  if (data.tools !== void 0) {
    ctx.path.push("tools");
    intersection422Apply(data.tools, ctx);
    ctx.path.pop();
  }
}
function optional39Apply(data, ctx) {
  if (data.tool_choice !== void 0) {
    ctx.path.push("tool_choice");
    union53Apply(data.tool_choice, ctx);
    ctx.path.pop();
  }
}
function optional40Apply(data, ctx) {
  if (data.reasoning_effort !== void 0) {
    ctx.path.push("reasoning_effort");
    string1Apply(data.reasoning_effort, ctx);
    ctx.path.pop();
  }
}
function optional41Apply(data, ctx) {
  if (data.effort !== void 0) {
    ctx.path.push("effort");
    union44Apply(data.effort, ctx);
    ctx.path.pop();
  }
}
function optional42Apply(data, ctx) {
  if (data.enabled !== void 0) {
    ctx.path.push("enabled");
    union55Apply(data.enabled, ctx);
    ctx.path.pop();
  }
}
function optional43Apply(data, ctx) {
  if (data.reasoning !== void 0) {
    ctx.path.push("reasoning");
    intersection502Apply(data.reasoning, ctx);
    ctx.path.pop();
  }
}
function optional44Apply(data, ctx) {
  if (data.service_tier !== void 0) {
    ctx.path.push("service_tier");
    string1Apply(data.service_tier, ctx);
    ctx.path.pop();
  }
}
function optional45Apply(data, ctx) {
  if (data.fail_fast !== void 0) {
    ctx.path.push("fail_fast");
    boolean1Apply(data.fail_fast, ctx);
    ctx.path.pop();
  }
}
function optional46Apply(data, ctx) {
  if (data.models !== void 0) {
    ctx.path.push("models");
    intersection508Apply(data.models, ctx);
    ctx.path.pop();
  }
}
function optional47Apply(data, ctx) {
  if (data.chat_template_kwargs !== void 0) {
    ctx.path.push("chat_template_kwargs");
    domain80Apply(data.chat_template_kwargs, ctx);
    ctx.path.pop();
  }
}
function optional48Apply(data, ctx) {
  if (data.continue_final_message !== void 0) {
    ctx.path.push("continue_final_message");
    boolean1Apply(data.continue_final_message, ctx);
    ctx.path.pop();
  }
}
function optional65Apply(data, ctx) {
  if (data.max_tokens !== void 0) {
    ctx.path.push("max_tokens");
    intersection526Apply(data.max_tokens, ctx);
    ctx.path.pop();
  }
}
function optional66Apply(data, ctx) {
  if (data.logprobs !== void 0) {
    ctx.path.push("logprobs");
    intersection43Apply(data.logprobs, ctx);
    ctx.path.pop();
  }
}
function optional67Apply(data, ctx) {
  if (data.echo !== void 0) {
    ctx.path.push("echo");
    boolean1Apply(data.echo, ctx);
    ctx.path.pop();
  }
}
function optional68Apply(data, ctx) {
  if (data.return_tokens_as_token_ids !== void 0) {
    ctx.path.push("return_tokens_as_token_ids");
    boolean1Apply(data.return_tokens_as_token_ids, ctx);
    ctx.path.pop();
  }
}
function optional69Apply(data, ctx) {
  if (data.image !== void 0) {
    ctx.path.push("image");
    intersection480Apply(data.image, ctx);
    ctx.path.pop();
  }
}
function optional70Apply(data, ctx) {
  if (data.video !== void 0) {
    ctx.path.push("video");
    intersection480Apply(data.video, ctx);
    ctx.path.pop();
  }
}
function optional71Apply(data, ctx) {
  if (data.data !== void 0) {
    ctx.path.push("data");
    intersection529Apply(data.data, ctx);
    ctx.path.pop();
  }
}
function optional74Apply(data, ctx) {
  if (data.encoding_format !== void 0) {
    ctx.path.push("encoding_format");
    union57Apply(data.encoding_format, ctx);
    ctx.path.pop();
  }
}
function optional75Apply(data, ctx) {
  if (data.dimensions !== void 0) {
    ctx.path.push("dimensions");
    intersection537Apply(data.dimensions, ctx);
    ctx.path.pop();
  }
}
function optional78Apply(data, ctx) {
  if (data.batchSize !== void 0) {
    ctx.path.push("batchSize");
    intersection548Apply(data.batchSize, ctx);
    ctx.path.pop();
  }
}
function optional79Apply(data, ctx) {
  if (data.concurrency !== void 0) {
    ctx.path.push("concurrency");
    intersection552Apply(data.concurrency, ctx);
    ctx.path.pop();
  }
}
function optional81Apply(data, ctx) {
  if (data.size !== void 0) {
    ctx.path.push("size");
    string1Apply(data.size, ctx);
    ctx.path.pop();
  }
}
function optional82Apply(data, ctx) {
  if (data.response_format !== void 0) {
    ctx.path.push("response_format");
    union58Apply(data.response_format, ctx);
    ctx.path.pop();
  }
}
function optional83Apply(data, ctx) {
  if (data.quality !== void 0) {
    ctx.path.push("quality");
    string1Apply(data.quality, ctx);
    ctx.path.pop();
  }
}
function optional84Apply(data, ctx) {
  if (data.style !== void 0) {
    ctx.path.push("style");
    string1Apply(data.style, ctx);
    ctx.path.pop();
  }
}
function optional86Apply(data, ctx) {
  if (data.filename !== void 0) {
    ctx.path.push("filename");
    string1Apply(data.filename, ctx);
    ctx.path.pop();
  }
}
function optional87Apply(data, ctx) {
  if (data.language !== void 0) {
    ctx.path.push("language");
    string1Apply(data.language, ctx);
    ctx.path.pop();
  }
}
function optional88Apply(data, ctx) {
  if (data.prompt !== void 0) {
    ctx.path.push("prompt");
    string1Apply(data.prompt, ctx);
    ctx.path.pop();
  }
}
function optional89Apply(data, ctx) {
  if (data.response_format !== void 0) {
    ctx.path.push("response_format");
    union65Apply(data.response_format, ctx);
    ctx.path.pop();
  }
}
function optional90Apply(data, ctx) {
  if (data.temperature !== void 0) {
    ctx.path.push("temperature");
    domain2Apply(data.temperature, ctx);
    ctx.path.pop();
  }
}
function optional91Apply(data, ctx) {
  if (data.timestamp_granularities !== void 0) {
    ctx.path.push("timestamp_granularities");
    intersection559Apply(data.timestamp_granularities, ctx);
    ctx.path.pop();
  }
}
function optional92Apply(data, ctx) {
  if (data.voice !== void 0) {
    ctx.path.push("voice");
    string1Apply(data.voice, ctx);
    ctx.path.pop();
  }
}
function optional93Apply(data, ctx) {
  if (data.response_format !== void 0) {
    ctx.path.push("response_format");
    union70Apply(data.response_format, ctx);
    ctx.path.pop();
  }
}
function optional94Apply(data, ctx) {
  if (data.speed !== void 0) {
    ctx.path.push("speed");
    intersection570Apply(data.speed, ctx);
    ctx.path.pop();
  }
}
function predicate11Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  if (!$declaredToolChoice(data, ctx) && ctx.currentErrorCount === errorCount) {
    ctx.errorFromNodeContext({ code: "predicate", description: "valid according to declaredToolChoice" });
  }
}
function proto38Apply(data, ctx) {
  if (!Array.isArray(data)) {
    ctx.errorFromNodeContext({ code: "proto", description: "an array" });
  }
}
function proto49Apply(data, ctx) {
  if (!(data instanceof Blob)) {
    ctx.errorFromNodeContext({ code: "proto", description: "a Blob instance" });
  }
}
function proto50Apply(data, ctx) {
  if (!(data instanceof Uint8Array)) {
    ctx.errorFromNodeContext({ code: "proto", description: "a Uint8Array" });
  }
}
function proto51Apply(data, ctx) {
  if (!(data instanceof ArrayBuffer)) {
    ctx.errorFromNodeContext({ code: "proto", description: "an ArrayBuffer instance" });
  }
}
function proto52Apply(data, ctx) {
  if (!(data instanceof ReadableStream)) {
    ctx.errorFromNodeContext({ code: "proto", description: "an instance of ReadableStream" });
  }
}
function required3Apply(data, ctx) {
  if (data.name !== void 0) {
    ctx.path.push("name");
    string1Apply(data.name, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string", relativePath: $array2 });
  }
}
function required4Apply(data, ctx) {
  if (data.schema !== void 0) {
    ctx.path.push("schema");
    domain80Apply(data.schema, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "an object", relativePath: $array3 });
  }
}
function required5Apply(data, ctx) {
  if (data.json_schema !== void 0) {
    ctx.path.push("json_schema");
    intersection214Apply(data.json_schema, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "an object", relativePath: $array4 });
  }
}
function required7Apply(data, ctx) {
  if (data.regex !== void 0) {
    ctx.path.push("regex");
    string1Apply(data.regex, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string", relativePath: $array6 });
  }
}
function required12Apply(data, ctx) {
  if (data.type !== void 0) {
    ctx.path.push("type");
    unit31Apply(data.type, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: '"text"', relativePath: $array18 });
  }
}
function required13Apply(data, ctx) {
  if (data.text !== void 0) {
    ctx.path.push("text");
    string1Apply(data.text, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string", relativePath: $array8 });
  }
}
function required15Apply(data, ctx) {
  if (data.url !== void 0) {
    ctx.path.push("url");
    string1Apply(data.url, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string", relativePath: $array10 });
  }
}
function required16Apply(data, ctx) {
  if (data.image_url !== void 0) {
    ctx.path.push("image_url");
    intersection256Apply(data.image_url, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "an object", relativePath: $array11 });
  }
}
function required20Apply(data, ctx) {
  if (data.data !== void 0) {
    ctx.path.push("data");
    string1Apply(data.data, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string", relativePath: $array13 });
  }
}
function required21Apply(data, ctx) {
  if (data.input_audio !== void 0) {
    ctx.path.push("input_audio");
    intersection274Apply(data.input_audio, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "an object", relativePath: $array14 });
  }
}
function required27Apply(data, ctx) {
  if (data.video_url !== void 0) {
    ctx.path.push("video_url");
    intersection298Apply(data.video_url, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "an object", relativePath: $array16 });
  }
}
function required32Apply(data, ctx) {
  if (data.id !== void 0) {
    ctx.path.push("id");
    string1Apply(data.id, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string", relativePath: $array17 });
  }
}
function required33Apply(data, ctx) {
  if (data.type !== void 0) {
    ctx.path.push("type");
    string1Apply(data.type, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string", relativePath: $array18 });
  }
}
function required35Apply(data, ctx) {
  if (data.arguments !== void 0) {
    ctx.path.push("arguments");
    string1Apply(data.arguments, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string", relativePath: $array19 });
  }
}
function required36Apply(data, ctx) {
  if (data.function !== void 0) {
    ctx.path.push("function");
    intersection332Apply(data.function, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "an object", relativePath: $array20 });
  }
}
function required38Apply(data, ctx) {
  if (data.content !== void 0) {
    ctx.path.push("content");
    union43Apply(data.content, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string or an array", relativePath: $array22 });
  }
}
function required40Apply(data, ctx) {
  if (data.content !== void 0) {
    ctx.path.push("content");
    union46Apply(data.content, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string or an array", relativePath: $array22 });
  }
}
function required50Apply(data, ctx) {
  if (data.tool_call_id !== void 0) {
    ctx.path.push("tool_call_id");
    string1Apply(data.tool_call_id, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string", relativePath: $array27 });
  }
}
function required56Apply(data, ctx) {
  if (data.function !== void 0) {
    ctx.path.push("function");
    intersection416Apply(data.function, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "an object", relativePath: $array20 });
  }
}
function required57Apply(data, ctx) {
  if (data.model !== void 0) {
    ctx.path.push("model");
    string1Apply(data.model, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string", relativePath: $array29 });
  }
}
function required58Apply(data, ctx) {
  if (data.messages !== void 0) {
    ctx.path.push("messages");
    intersection421Apply(data.messages, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "an array", relativePath: $array30 });
  }
}
function required60Apply(data, ctx) {
  if (data.prompt !== void 0) {
    ctx.path.push("prompt");
    union56Apply(data.prompt, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string or an array", relativePath: $array31 });
  }
}
function required62Apply(data, ctx) {
  if (data.input !== void 0) {
    ctx.path.push("input");
    union54Apply(data.input, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string or an array", relativePath: $array32 });
  }
}
function required64Apply(data, ctx) {
  if (data.prompt !== void 0) {
    ctx.path.push("prompt");
    string1Apply(data.prompt, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string", relativePath: $array31 });
  }
}
function required66Apply(data, ctx) {
  if (data.file !== void 0) {
    ctx.path.push("file");
    union61Apply(data.file, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "an instance of ReadableStream, an ArrayBuffer instance, a Blob instance or a Uint8Array", relativePath: $array34 });
  }
}
function required68Apply(data, ctx) {
  if (data.input !== void 0) {
    ctx.path.push("input");
    string1Apply(data.input, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string", relativePath: $array32 });
  }
}
function sequence8Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  for (let i = 0; i < data.length; i++) {
    ctx.path.push(i);
    intersection253Apply(data[i], ctx);
    ctx.path.pop();
    if (ctx.failFast && ctx.currentErrorCount > errorCount) {
      return;
    }
  }
}
function sequence11Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  for (let i = 0; i < data.length; i++) {
    ctx.path.push(i);
    union42Apply(data[i], ctx);
    ctx.path.pop();
    if (ctx.failFast && ctx.currentErrorCount > errorCount) {
      return;
    }
  }
}
function sequence17Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  for (let i = 0; i < data.length; i++) {
    ctx.path.push(i);
    intersection335Apply(data[i], ctx);
    ctx.path.pop();
    if (ctx.failFast && ctx.currentErrorCount > errorCount) {
      return;
    }
  }
}
function sequence20Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  for (let i = 0; i < data.length; i++) {
    ctx.path.push(i);
    union52Apply(data[i], ctx);
    ctx.path.pop();
    if (ctx.failFast && ctx.currentErrorCount > errorCount) {
      return;
    }
  }
}
function sequence23Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  for (let i = 0; i < data.length; i++) {
    ctx.path.push(i);
    intersection419Apply(data[i], ctx);
    ctx.path.pop();
    if (ctx.failFast && ctx.currentErrorCount > errorCount) {
      return;
    }
  }
}
function sequence26Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  for (let i = 0; i < data.length; i++) {
    ctx.path.push(i);
    string1Apply(data[i], ctx);
    ctx.path.pop();
    if (ctx.failFast && ctx.currentErrorCount > errorCount) {
      return;
    }
  }
}
function sequence29Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  for (let i = 0; i < data.length; i++) {
    ctx.path.push(i);
    intersection43Apply(data[i], ctx);
    ctx.path.pop();
    if (ctx.failFast && ctx.currentErrorCount > errorCount) {
      return;
    }
  }
}
function sequence41Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  for (let i = 0; i < data.length; i++) {
    ctx.path.push(i);
    union66Apply(data[i], ctx);
    ctx.path.pop();
    if (ctx.failFast && ctx.currentErrorCount > errorCount) {
      return;
    }
  }
}
function string1Apply(data, ctx) {
  if (typeof data !== "string") {
    ctx.errorFromNodeContext({ code: "domain", description: "a string" });
  }
}
function structure13Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required3Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  required4Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure17Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required5Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure19Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required7Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure20Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  optional1Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure25Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  optional3Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional2Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure26Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required13Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  required12Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure27Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required15Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional4Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure30Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required16Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure32Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required13Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure33Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required20Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional5Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure38Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required21Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure41Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required15Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure50Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required27Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure51Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  sequence8Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure53Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required35Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  required3Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure54Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required36Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  required32Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  required33Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure56Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  sequence11Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure61Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required40Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional7Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional6Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure63Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required38Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional7Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional6Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure65Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  sequence17Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure73Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  optional7Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional10Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional6Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional11Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional13Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure80Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required38Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  required50Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional7Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure83Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required3Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional17Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional18Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure84Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required56Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional7Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional16Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure85Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  sequence20Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure86Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  sequence23Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure88Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  sequence26Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure90Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  sequence29Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure91Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  optional41Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional42Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure93Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required58Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  required57Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional47Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional48Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional45Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional27Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional37Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional36Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional23Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional46Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional25Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional26Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional35Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional43Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional40Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional28Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional34Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional31Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional44Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional29Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional30Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional20Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional33Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional21Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional39Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional38Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional24Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional22Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional32Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure97Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  optional69Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional70Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure98Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required57Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  required60Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional71Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional67Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional45Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional27Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional66Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional65Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional23Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional25Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional26Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional35Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional28Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional34Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional68Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional31Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional44Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional29Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional30Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional20Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional33Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional21Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional24Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional22Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional32Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure99Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required62Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  required57Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional75Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional74Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional45Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional44Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure100Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  optional78Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional79Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure101Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required57Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  required64Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional25Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional83Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional82Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional81Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional84Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional32Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure102Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  sequence41Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure103Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required66Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  required57Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional86Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional87Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional88Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional89Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional90Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional91Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure104Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required68Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  required57Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional45Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional93Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional44Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional94Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional92Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function union35Apply(data, ctx) {
  switch (data) {
    case "json_object":
      return true;
    case "text":
      return true;
    case void 0:
      return true;
  }
  ctx.errorFromNodeContext({
    code: "predicate",
    expected: '"json_object", "text" or undefined',
    actual: printable(data),
    relativePath: []
  });
}
function union36Apply(data, ctx) {
  switch (data?.type) {
    case "json_schema":
      return intersection226Apply(data, ctx);
    case "regex":
      return intersection232Apply(data, ctx);
    default:
      return intersection235Apply(data, ctx);
  }
  ctx.errorFromNodeContext({
    code: "predicate",
    expected: '"json_schema", "regex" or default',
    actual: printable(data?.type),
    relativePath: ["type"]
  });
}
function union38Apply(data, ctx) {
  switch (data) {
    case "auto":
      return true;
    case "high":
      return true;
    case "low":
      return true;
  }
  ctx.errorFromNodeContext({
    code: "predicate",
    expected: '"auto", "high" or "low"',
    actual: printable(data),
    relativePath: []
  });
}
function union40Apply(data, ctx) {
  const errors = [];
  ctx.pushBranch();
  unit40Apply(data, ctx);
  if (!ctx.hasError()) {
    return ctx.popBranch();
  }
  errors.push(ctx.popBranch().error);
  ctx.pushBranch();
  unit39Apply(data, ctx);
  if (!ctx.hasError()) {
    return ctx.popBranch();
  }
  errors.push(ctx.popBranch().error);
  ctx.errorFromNodeContext({ code: "union", errors });
}
function union42Apply(data, ctx) {
  switch (data?.type) {
    case "image_url":
      return intersection265Apply(data, ctx);
    case "input_audio":
      return intersection289Apply(data, ctx);
    case "text":
      return intersection271Apply(data, ctx);
    case "video_url":
      return intersection325Apply(data, ctx);
  }
  ctx.errorFromNodeContext({
    code: "predicate",
    expected: '"image_url", "input_audio", "text" or "video_url"',
    actual: printable(data?.type),
    relativePath: ["type"]
  });
}
function union43Apply(data, ctx) {
  switch (typeof data === "object" ? data === null ? "null" : "object" : typeof data === "function" ? "object" : typeof data) {
    case "string":
      return true;
    case "object":
      return intersection327Apply(data, ctx);
  }
  ctx.errorFromNodeContext({
    code: "predicate",
    expected: "a string or an object",
    actual: $object[typeof data === "object" ? data === null ? "null" : "object" : typeof data === "function" ? "object" : typeof data],
    relativePath: []
  });
}
function union44Apply(data, ctx) {
  switch (typeof data === "object" ? data === null ? "null" : "object" : typeof data === "function" ? "object" : typeof data) {
    case "string":
      return true;
    case "null":
      return null1Apply(data, ctx);
  }
  ctx.errorFromNodeContext({
    code: "predicate",
    expected: "a string or null",
    actual: $object[typeof data === "object" ? data === null ? "null" : "object" : typeof data === "function" ? "object" : typeof data],
    relativePath: []
  });
}
function union45Apply(data, ctx) {
  switch (typeof data === "object" ? data === null ? "null" : "object" : typeof data === "function" ? "object" : typeof data) {
    case "object":
      return true;
    case "null":
      return null1Apply(data, ctx);
  }
  ctx.errorFromNodeContext({
    code: "predicate",
    expected: "an object or null",
    actual: $object[typeof data === "object" ? data === null ? "null" : "object" : typeof data === "function" ? "object" : typeof data],
    relativePath: []
  });
}
function union46Apply(data, ctx) {
  switch (typeof data === "object" ? data === null ? "null" : "object" : typeof data === "function" ? "object" : typeof data) {
    case "string":
      return true;
    case "object":
      return intersection340Apply(data, ctx);
  }
  ctx.errorFromNodeContext({
    code: "predicate",
    expected: "a string or an object",
    actual: $object[typeof data === "object" ? data === null ? "null" : "object" : typeof data === "function" ? "object" : typeof data],
    relativePath: []
  });
}
function union49Apply(data, ctx) {
  switch (typeof data === "object" ? data === null ? "null" : "object" : typeof data === "function" ? "object" : typeof data) {
    case "string":
      return true;
    case "object":
      return intersection327Apply(data, ctx);
    case "null":
      return null1Apply(data, ctx);
  }
  ctx.errorFromNodeContext({
    code: "predicate",
    expected: "a string, an object or null",
    actual: $object[typeof data === "object" ? data === null ? "null" : "object" : typeof data === "function" ? "object" : typeof data],
    relativePath: []
  });
}
function union50Apply(data, ctx) {
  switch (typeof data === "object" ? data === null ? "null" : "object" : typeof data === "function" ? "object" : typeof data) {
    case "object":
      return intersection363Apply(data, ctx);
    case "null":
      return null1Apply(data, ctx);
  }
  ctx.errorFromNodeContext({
    code: "predicate",
    expected: "an object or null",
    actual: $object[typeof data === "object" ? data === null ? "null" : "object" : typeof data === "function" ? "object" : typeof data],
    relativePath: []
  });
}
function union52Apply(data, ctx) {
  switch (data?.role) {
    case "user":
      return intersection352Apply(data, ctx);
    case "system":
      return intersection358Apply(data, ctx);
    case "tool":
      return intersection407Apply(data, ctx);
    case "assistant":
      return intersection386Apply(data, ctx);
  }
  ctx.errorFromNodeContext({
    code: "predicate",
    expected: '"user", "system", "tool" or "assistant"',
    actual: printable(data?.role),
    relativePath: ["role"]
  });
}
function union53Apply(data, ctx) {
  switch (typeof data === "object" ? data === null ? "null" : "object" : typeof data === "function" ? "object" : typeof data) {
    case "string":
      return true;
    case "object":
      return intersection424Apply(data, ctx);
  }
  ctx.errorFromNodeContext({
    code: "predicate",
    expected: "a string or an object",
    actual: $object[typeof data === "object" ? data === null ? "null" : "object" : typeof data === "function" ? "object" : typeof data],
    relativePath: []
  });
}
function union54Apply(data, ctx) {
  switch (typeof data === "object" ? data === null ? "null" : "object" : typeof data === "function" ? "object" : typeof data) {
    case "string":
      return true;
    case "object":
      return intersection480Apply(data, ctx);
  }
  ctx.errorFromNodeContext({
    code: "predicate",
    expected: "a string or an object",
    actual: $object[typeof data === "object" ? data === null ? "null" : "object" : typeof data === "function" ? "object" : typeof data],
    relativePath: []
  });
}
function union55Apply(data, ctx) {
  switch (data) {
    case false:
      return true;
    case null:
      return true;
    case true:
      return true;
  }
  ctx.errorFromNodeContext({
    code: "predicate",
    expected: "false, null or true",
    actual: printable(data),
    relativePath: []
  });
}
function union56Apply(data, ctx) {
  switch (typeof data === "object" ? data === null ? "null" : "object" : typeof data === "function" ? "object" : typeof data) {
    case "string":
      return true;
    case "object":
      return intersection484Apply(data, ctx);
  }
  ctx.errorFromNodeContext({
    code: "predicate",
    expected: "a string or an object",
    actual: $object[typeof data === "object" ? data === null ? "null" : "object" : typeof data === "function" ? "object" : typeof data],
    relativePath: []
  });
}
function union57Apply(data, ctx) {
  const errors = [];
  ctx.pushBranch();
  unit72Apply(data, ctx);
  if (!ctx.hasError()) {
    return ctx.popBranch();
  }
  errors.push(ctx.popBranch().error);
  ctx.pushBranch();
  unit71Apply(data, ctx);
  if (!ctx.hasError()) {
    return ctx.popBranch();
  }
  errors.push(ctx.popBranch().error);
  ctx.errorFromNodeContext({ code: "union", errors });
}
function union58Apply(data, ctx) {
  const errors = [];
  ctx.pushBranch();
  unit77Apply(data, ctx);
  if (!ctx.hasError()) {
    return ctx.popBranch();
  }
  errors.push(ctx.popBranch().error);
  ctx.pushBranch();
  unit78Apply(data, ctx);
  if (!ctx.hasError()) {
    return ctx.popBranch();
  }
  errors.push(ctx.popBranch().error);
  ctx.errorFromNodeContext({ code: "union", errors });
}
function union61Apply(data, ctx) {
  const errors = [];
  ctx.pushBranch();
  proto52Apply(data, ctx);
  if (!ctx.hasError()) {
    return ctx.popBranch();
  }
  errors.push(ctx.popBranch().error);
  ctx.pushBranch();
  proto51Apply(data, ctx);
  if (!ctx.hasError()) {
    return ctx.popBranch();
  }
  errors.push(ctx.popBranch().error);
  ctx.pushBranch();
  proto49Apply(data, ctx);
  if (!ctx.hasError()) {
    return ctx.popBranch();
  }
  errors.push(ctx.popBranch().error);
  ctx.pushBranch();
  proto50Apply(data, ctx);
  if (!ctx.hasError()) {
    return ctx.popBranch();
  }
  errors.push(ctx.popBranch().error);
  ctx.errorFromNodeContext({ code: "union", errors });
}
function union65Apply(data, ctx) {
  switch (data) {
    case "json":
      return true;
    case "srt":
      return true;
    case "text":
      return true;
    case "verbose_json":
      return true;
    case "vtt":
      return true;
  }
  ctx.errorFromNodeContext({
    code: "predicate",
    expected: '"json", "srt", "text", "verbose_json" or "vtt"',
    actual: printable(data),
    relativePath: []
  });
}
function union66Apply(data, ctx) {
  const errors = [];
  ctx.pushBranch();
  unit84Apply(data, ctx);
  if (!ctx.hasError()) {
    return ctx.popBranch();
  }
  errors.push(ctx.popBranch().error);
  ctx.pushBranch();
  unit85Apply(data, ctx);
  if (!ctx.hasError()) {
    return ctx.popBranch();
  }
  errors.push(ctx.popBranch().error);
  ctx.errorFromNodeContext({ code: "union", errors });
}
function union70Apply(data, ctx) {
  switch (data) {
    case "flac":
      return true;
    case "mp3":
      return true;
    case "opus":
      return true;
    case "pcm":
      return true;
    case "wav":
      return true;
  }
  ctx.errorFromNodeContext({
    code: "predicate",
    expected: '"flac", "mp3", "opus", "pcm" or "wav"',
    actual: printable(data),
    relativePath: []
  });
}
function unit9Apply(data, ctx) {
  if (data !== false) {
    ctx.errorFromNodeContext({ code: "unit", description: "false" });
  }
}
function unit10Apply(data, ctx) {
  if (data !== true) {
    ctx.errorFromNodeContext({ code: "unit", description: "true" });
  }
}
function unit31Apply(data, ctx) {
  if (data !== "text") {
    ctx.errorFromNodeContext({ code: "unit", description: '"text"' });
  }
}
function unit39Apply(data, ctx) {
  if (data !== "wav") {
    ctx.errorFromNodeContext({ code: "unit", description: '"wav"' });
  }
}
function unit40Apply(data, ctx) {
  if (data !== "mp3") {
    ctx.errorFromNodeContext({ code: "unit", description: '"mp3"' });
  }
}
function unit71Apply(data, ctx) {
  if (data !== "float") {
    ctx.errorFromNodeContext({ code: "unit", description: '"float"' });
  }
}
function unit72Apply(data, ctx) {
  if (data !== "base64") {
    ctx.errorFromNodeContext({ code: "unit", description: '"base64"' });
  }
}
function unit77Apply(data, ctx) {
  if (data !== "b64_json") {
    ctx.errorFromNodeContext({ code: "unit", description: '"b64_json"' });
  }
}
function unit78Apply(data, ctx) {
  if (data !== "url") {
    ctx.errorFromNodeContext({ code: "unit", description: '"url"' });
  }
}
function unit84Apply(data, ctx) {
  if (data !== "segment") {
    ctx.errorFromNodeContext({ code: "unit", description: '"segment"' });
  }
}
function unit85Apply(data, ctx) {
  if (data !== "word") {
    ctx.errorFromNodeContext({ code: "unit", description: '"word"' });
  }
}
export {
  intersection515Apply as chatParams,
  intersection532Apply as completionParams,
  intersection554Apply as embeddingOptions,
  intersection539Apply as embeddingParams,
  intersection557Apply as imageParams,
  intersection572Apply as speechParams,
  intersection561Apply as transcriptionParams
};
