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
function boolean1Allows(data, ctx) {
  if (unit9Allows(data)) {
    return true;
  }
  if (unit10Allows(data)) {
    return true;
  }
  return false;
}
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
function divisor3Allows(data, ctx) {
  return data % 1 === 0;
}
function divisor3Apply(data, ctx) {
  if (data % 1 !== 0) {
    ctx.errorFromNodeContext({ code: "divisor", description: "an integer" });
  }
}
function domain2Allows(data, ctx) {
  return typeof data === "number" && !Number.isNaN(data);
}
function domain2Apply(data, ctx) {
  if (typeof data !== "number" || Number.isNaN(data)) {
    ctx.errorFromNodeContext({ code: "domain", description: "a number" });
  }
}
function domain80Allows(data, ctx) {
  return typeof data === "object" && data !== null || typeof data === "function";
}
function domain80Apply(data, ctx) {
  if ((typeof data !== "object" || data === null) && typeof data !== "function") {
    ctx.errorFromNodeContext({ code: "domain", description: "an object" });
  }
}
function intersection43Allows(data, ctx) {
  if (!domain2Allows(data)) {
    return false;
  }
  if (!divisor3Allows(data)) {
    return false;
  }
  return true;
}
function intersection43Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain2Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  divisor3Apply(data, ctx);
}
function intersection214Allows(data, ctx) {
  if (!domain80Allows(data)) {
    return false;
  }
  if (!structure13Allows(data)) {
    return false;
  }
  return true;
}
function intersection214Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure13Apply(data, ctx);
}
function intersection226Allows(data, ctx) {
  if (!structure17Allows(data)) {
    return false;
  }
  return true;
}
function intersection226Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  structure17Apply(data, ctx);
}
function intersection232Allows(data, ctx) {
  if (!structure19Allows(data)) {
    return false;
  }
  return true;
}
function intersection232Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  structure19Apply(data, ctx);
}
function intersection235Allows(data, ctx) {
  if (!domain80Allows(data)) {
    return false;
  }
  if (!structure20Allows(data)) {
    return false;
  }
  return true;
}
function intersection235Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure20Apply(data, ctx);
}
function intersection250Allows(data, ctx) {
  if (!domain80Allows(data)) {
    return false;
  }
  if (!structure25Allows(data)) {
    return false;
  }
  return true;
}
function intersection250Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure25Apply(data, ctx);
}
function intersection253Allows(data, ctx) {
  if (!domain80Allows(data)) {
    return false;
  }
  if (!structure26Allows(data)) {
    return false;
  }
  return true;
}
function intersection253Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure26Apply(data, ctx);
}
function intersection256Allows(data, ctx) {
  if (!domain80Allows(data)) {
    return false;
  }
  if (!structure27Allows(data)) {
    return false;
  }
  return true;
}
function intersection256Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure27Apply(data, ctx);
}
function intersection265Allows(data, ctx) {
  if (!structure30Allows(data)) {
    return false;
  }
  return true;
}
function intersection265Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  structure30Apply(data, ctx);
}
function intersection271Allows(data, ctx) {
  if (!structure32Allows(data)) {
    return false;
  }
  return true;
}
function intersection271Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  structure32Apply(data, ctx);
}
function intersection274Allows(data, ctx) {
  if (!domain80Allows(data)) {
    return false;
  }
  if (!structure33Allows(data)) {
    return false;
  }
  return true;
}
function intersection274Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure33Apply(data, ctx);
}
function intersection289Allows(data, ctx) {
  if (!structure38Allows(data)) {
    return false;
  }
  return true;
}
function intersection289Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  structure38Apply(data, ctx);
}
function intersection298Allows(data, ctx) {
  if (!domain80Allows(data)) {
    return false;
  }
  if (!structure41Allows(data)) {
    return false;
  }
  return true;
}
function intersection298Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure41Apply(data, ctx);
}
function intersection325Allows(data, ctx) {
  if (!structure50Allows(data)) {
    return false;
  }
  return true;
}
function intersection325Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  structure50Apply(data, ctx);
}
function intersection327Allows(data, ctx) {
  if (!proto38Allows(data)) {
    return false;
  }
  if (!structure51Allows(data)) {
    return false;
  }
  return true;
}
function intersection327Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  proto38Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure51Apply(data, ctx);
}
function intersection332Allows(data, ctx) {
  if (!domain80Allows(data)) {
    return false;
  }
  if (!structure53Allows(data)) {
    return false;
  }
  return true;
}
function intersection332Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure53Apply(data, ctx);
}
function intersection335Allows(data, ctx) {
  if (!domain80Allows(data)) {
    return false;
  }
  if (!structure54Allows(data)) {
    return false;
  }
  return true;
}
function intersection335Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure54Apply(data, ctx);
}
function intersection340Allows(data, ctx) {
  if (!proto38Allows(data)) {
    return false;
  }
  if (!structure56Allows(data)) {
    return false;
  }
  return true;
}
function intersection340Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  proto38Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure56Apply(data, ctx);
}
function intersection352Allows(data, ctx) {
  if (!structure61Allows(data)) {
    return false;
  }
  return true;
}
function intersection352Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  structure61Apply(data, ctx);
}
function intersection358Allows(data, ctx) {
  if (!structure63Allows(data)) {
    return false;
  }
  return true;
}
function intersection358Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  structure63Apply(data, ctx);
}
function intersection363Allows(data, ctx) {
  if (!proto38Allows(data)) {
    return false;
  }
  if (!structure65Allows(data)) {
    return false;
  }
  return true;
}
function intersection363Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  proto38Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure65Apply(data, ctx);
}
function intersection386Allows(data, ctx) {
  if (!structure73Allows(data)) {
    return false;
  }
  return true;
}
function intersection386Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  structure73Apply(data, ctx);
}
function intersection407Allows(data, ctx) {
  if (!structure80Allows(data)) {
    return false;
  }
  return true;
}
function intersection407Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  structure80Apply(data, ctx);
}
function intersection416Allows(data, ctx) {
  if (!domain80Allows(data)) {
    return false;
  }
  if (!structure83Allows(data)) {
    return false;
  }
  return true;
}
function intersection416Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure83Apply(data, ctx);
}
function intersection419Allows(data, ctx) {
  if (!domain80Allows(data)) {
    return false;
  }
  if (!structure84Allows(data)) {
    return false;
  }
  return true;
}
function intersection419Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure84Apply(data, ctx);
}
function intersection421Allows(data, ctx) {
  if (!proto38Allows(data)) {
    return false;
  }
  if (!structure85Allows(data)) {
    return false;
  }
  return true;
}
function intersection421Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  proto38Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure85Apply(data, ctx);
}
function intersection422Allows(data, ctx) {
  if (!proto38Allows(data)) {
    return false;
  }
  if (!structure86Allows(data)) {
    return false;
  }
  return true;
}
function intersection422Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  proto38Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure86Apply(data, ctx);
}
function intersection424Allows(data, ctx) {
  if (!structure84Allows(data)) {
    return false;
  }
  return true;
}
function intersection424Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  structure84Apply(data, ctx);
}
function intersection433Allows(data, ctx) {
  if (!domain2Allows(data)) {
    return false;
  }
  if (!max4Allows(data)) {
    return false;
  }
  if (!min3Allows(data)) {
    return false;
  }
  return true;
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
function intersection441Allows(data, ctx) {
  if (!domain2Allows(data)) {
    return false;
  }
  if (!max5Allows(data)) {
    return false;
  }
  if (!min4Allows(data)) {
    return false;
  }
  return true;
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
function intersection448Allows(data, ctx) {
  if (!domain2Allows(data)) {
    return false;
  }
  if (!max5Allows(data)) {
    return false;
  }
  if (!min3Allows(data)) {
    return false;
  }
  return true;
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
function intersection456Allows(data, ctx) {
  if (!domain2Allows(data)) {
    return false;
  }
  if (!divisor3Allows(data)) {
    return false;
  }
  if (!max7Allows(data)) {
    return false;
  }
  if (!min3Allows(data)) {
    return false;
  }
  return true;
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
function intersection464Allows(data, ctx) {
  if (!domain2Allows(data)) {
    return false;
  }
  if (!divisor3Allows(data)) {
    return false;
  }
  if (!max8Allows(data)) {
    return false;
  }
  if (!min7Allows(data)) {
    return false;
  }
  return true;
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
function intersection471Allows(data, ctx) {
  if (!domain2Allows(data)) {
    return false;
  }
  if (!max4Allows(data)) {
    return false;
  }
  if (!min8Allows(data)) {
    return false;
  }
  return true;
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
function intersection479Allows(data, ctx) {
  if (!domain2Allows(data)) {
    return false;
  }
  if (!max10Allows(data)) {
    return false;
  }
  if (!min9Allows(data)) {
    return false;
  }
  return true;
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
function intersection480Allows(data, ctx) {
  if (!proto38Allows(data)) {
    return false;
  }
  if (!structure88Allows(data)) {
    return false;
  }
  return true;
}
function intersection480Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  proto38Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure88Apply(data, ctx);
}
function intersection484Allows(data, ctx) {
  if (!proto38Allows(data)) {
    return false;
  }
  if (!structure90Allows(data)) {
    return false;
  }
  return true;
}
function intersection484Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  proto38Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure90Apply(data, ctx);
}
function intersection492Allows(data, ctx) {
  if (!domain2Allows(data)) {
    return false;
  }
  if (!divisor3Allows(data)) {
    return false;
  }
  if (!max11Allows(data)) {
    return false;
  }
  if (!min10Allows(data)) {
    return false;
  }
  return true;
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
function intersection500Allows(data, ctx) {
  if (!domain2Allows(data)) {
    return false;
  }
  if (!divisor3Allows(data)) {
    return false;
  }
  if (!max12Allows(data)) {
    return false;
  }
  if (!min3Allows(data)) {
    return false;
  }
  return true;
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
function intersection502Allows(data, ctx) {
  if (!domain80Allows(data)) {
    return false;
  }
  if (!structure91Allows(data)) {
    return false;
  }
  return true;
}
function intersection502Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure91Apply(data, ctx);
}
function intersection508Allows(data, ctx) {
  if (!proto38Allows(data)) {
    return false;
  }
  if (!maxLength1Allows(data)) {
    return false;
  }
  if (!structure88Allows(data)) {
    return false;
  }
  return true;
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
function intersection515Allows(data, ctx) {
  if (!domain80Allows(data)) {
    return false;
  }
  if (!structure93Allows(data)) {
    return false;
  }
  if (!predicate11Allows(data, ctx)) {
    return false;
  }
  return true;
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
function intersection526Allows(data, ctx) {
  if (!domain2Allows(data)) {
    return false;
  }
  if (!divisor3Allows(data)) {
    return false;
  }
  if (!max12Allows(data)) {
    return false;
  }
  if (!min4Allows(data)) {
    return false;
  }
  return true;
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
function intersection529Allows(data, ctx) {
  if (!domain80Allows(data)) {
    return false;
  }
  if (!structure97Allows(data)) {
    return false;
  }
  return true;
}
function intersection529Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure97Apply(data, ctx);
}
function intersection532Allows(data, ctx) {
  if (!domain80Allows(data)) {
    return false;
  }
  if (!structure98Allows(data)) {
    return false;
  }
  return true;
}
function intersection532Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure98Apply(data, ctx);
}
function intersection537Allows(data, ctx) {
  if (!domain2Allows(data)) {
    return false;
  }
  if (!divisor3Allows(data)) {
    return false;
  }
  if (!min13Allows(data)) {
    return false;
  }
  return true;
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
function intersection539Allows(data, ctx) {
  if (!domain80Allows(data)) {
    return false;
  }
  if (!structure99Allows(data)) {
    return false;
  }
  return true;
}
function intersection539Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure99Apply(data, ctx);
}
function intersection548Allows(data, ctx) {
  if (!domain2Allows(data)) {
    return false;
  }
  if (!divisor3Allows(data)) {
    return false;
  }
  if (!max14Allows(data)) {
    return false;
  }
  if (!min7Allows(data)) {
    return false;
  }
  return true;
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
function intersection552Allows(data, ctx) {
  if (!domain2Allows(data)) {
    return false;
  }
  if (!divisor3Allows(data)) {
    return false;
  }
  if (!min7Allows(data)) {
    return false;
  }
  return true;
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
function intersection554Allows(data, ctx) {
  if (!domain80Allows(data)) {
    return false;
  }
  if (!structure100Allows(data)) {
    return false;
  }
  return true;
}
function intersection554Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure100Apply(data, ctx);
}
function intersection557Allows(data, ctx) {
  if (!domain80Allows(data)) {
    return false;
  }
  if (!structure101Allows(data)) {
    return false;
  }
  return true;
}
function intersection557Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure101Apply(data, ctx);
}
function intersection559Allows(data, ctx) {
  if (!proto38Allows(data)) {
    return false;
  }
  if (!structure102Allows(data)) {
    return false;
  }
  return true;
}
function intersection559Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  proto38Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure102Apply(data, ctx);
}
function intersection561Allows(data, ctx) {
  if (!domain80Allows(data)) {
    return false;
  }
  if (!structure103Allows(data)) {
    return false;
  }
  return true;
}
function intersection561Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure103Apply(data, ctx);
}
function intersection570Allows(data, ctx) {
  if (!domain2Allows(data)) {
    return false;
  }
  if (!max8Allows(data)) {
    return false;
  }
  if (!min16Allows(data)) {
    return false;
  }
  return true;
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
function intersection572Allows(data, ctx) {
  if (!domain80Allows(data)) {
    return false;
  }
  if (!structure104Allows(data)) {
    return false;
  }
  return true;
}
function intersection572Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  domain80Apply(data, ctx);
  if (ctx.currentErrorCount > errorCount) {
    return;
  }
  structure104Apply(data, ctx);
}
function max4Allows(data, ctx) {
  return data <= 2;
}
function max4Apply(data, ctx) {
  if (data > 2) {
    ctx.errorFromNodeContext({ code: "max", description: "at most 2" });
  }
}
function max5Allows(data, ctx) {
  return data <= 1;
}
function max5Apply(data, ctx) {
  if (data > 1) {
    ctx.errorFromNodeContext({ code: "max", description: "at most 1" });
  }
}
function max7Allows(data, ctx) {
  return data < 1e3;
}
function max7Apply(data, ctx) {
  if (data >= 1e3) {
    ctx.errorFromNodeContext({ code: "max", description: "less than 1000" });
  }
}
function max8Allows(data, ctx) {
  return data <= 4;
}
function max8Apply(data, ctx) {
  if (data > 4) {
    ctx.errorFromNodeContext({ code: "max", description: "at most 4" });
  }
}
function max10Allows(data, ctx) {
  return data <= 5;
}
function max10Apply(data, ctx) {
  if (data > 5) {
    ctx.errorFromNodeContext({ code: "max", description: "at most 5" });
  }
}
function max11Allows(data, ctx) {
  return data < 18446744073709552e3;
}
function max11Apply(data, ctx) {
  if (data >= 18446744073709552e3) {
    ctx.errorFromNodeContext({ code: "max", description: "less than 18446744073709552000" });
  }
}
function max12Allows(data, ctx) {
  return data <= 1e6;
}
function max12Apply(data, ctx) {
  if (data > 1e6) {
    ctx.errorFromNodeContext({ code: "max", description: "at most 1000000" });
  }
}
function max14Allows(data, ctx) {
  return data <= 1024;
}
function max14Apply(data, ctx) {
  if (data > 1024) {
    ctx.errorFromNodeContext({ code: "max", description: "at most 1024" });
  }
}
function maxLength1Allows(data, ctx) {
  return data.length <= 4;
}
function maxLength1Apply(data, ctx) {
  if (data.length > 4) {
    ctx.errorFromNodeContext({ code: "maxLength", description: "at most length 4" });
  }
}
function min3Allows(data, ctx) {
  return data >= 0;
}
function min3Apply(data, ctx) {
  if (data < 0) {
    ctx.errorFromNodeContext({ code: "min", description: "non-negative" });
  }
}
function min4Allows(data, ctx) {
  return data > 0;
}
function min4Apply(data, ctx) {
  if (data <= 0) {
    ctx.errorFromNodeContext({ code: "min", description: "positive" });
  }
}
function min7Allows(data, ctx) {
  return data >= 1;
}
function min7Apply(data, ctx) {
  if (data < 1) {
    ctx.errorFromNodeContext({ code: "min", description: "at least 1" });
  }
}
function min8Allows(data, ctx) {
  return data >= -2;
}
function min8Apply(data, ctx) {
  if (data < -2) {
    ctx.errorFromNodeContext({ code: "min", description: "at least -2" });
  }
}
function min9Allows(data, ctx) {
  return data >= 0.01;
}
function min9Apply(data, ctx) {
  if (data < 0.01) {
    ctx.errorFromNodeContext({ code: "min", description: "at least 0.01" });
  }
}
function min10Allows(data, ctx) {
  return data >= -9223372036854776e3;
}
function min10Apply(data, ctx) {
  if (data < -9223372036854776e3) {
    ctx.errorFromNodeContext({ code: "min", description: "at least -9223372036854776000" });
  }
}
function min13Allows(data, ctx) {
  return data >= 32;
}
function min13Apply(data, ctx) {
  if (data < 32) {
    ctx.errorFromNodeContext({ code: "min", description: "at least 32" });
  }
}
function min16Allows(data, ctx) {
  return data >= 0.25;
}
function min16Apply(data, ctx) {
  if (data < 0.25) {
    ctx.errorFromNodeContext({ code: "min", description: "at least 0.25" });
  }
}
function null1Allows(data, ctx) {
  return data === null;
}
function null1Apply(data, ctx) {
  if (data !== null) {
    ctx.errorFromNodeContext({ code: "unit", description: "null" });
  }
}
function optional1Allows(data, ctx) {
  if ("type" in data) {
    if (!union35Allows(data.type)) {
      return false;
    }
  }
  return true;
}
function optional1Apply(data, ctx) {
  if ("type" in data) {
    ctx.path.push("type");
    union35Apply(data.type, ctx);
    ctx.path.pop();
  }
}
function optional2Allows(data, ctx) {
  if ("include_usage" in data) {
    if (!boolean1Allows(data.include_usage)) {
      return false;
    }
  }
  return true;
}
function optional2Apply(data, ctx) {
  if ("include_usage" in data) {
    ctx.path.push("include_usage");
    boolean1Apply(data.include_usage, ctx);
    ctx.path.pop();
  }
}
function optional3Allows(data, ctx) {
  if ("continuous_usage_stats" in data) {
    if (!boolean1Allows(data.continuous_usage_stats)) {
      return false;
    }
  }
  return true;
}
function optional3Apply(data, ctx) {
  if ("continuous_usage_stats" in data) {
    ctx.path.push("continuous_usage_stats");
    boolean1Apply(data.continuous_usage_stats, ctx);
    ctx.path.pop();
  }
}
function optional4Allows(data, ctx) {
  if ("detail" in data) {
    if (!union38Allows(data.detail)) {
      return false;
    }
  }
  return true;
}
function optional4Apply(data, ctx) {
  if ("detail" in data) {
    ctx.path.push("detail");
    union38Apply(data.detail, ctx);
    ctx.path.pop();
  }
}
function optional5Allows(data, ctx) {
  if ("format" in data) {
    if (!union40Allows(data.format)) {
      return false;
    }
  }
  return true;
}
function optional5Apply(data, ctx) {
  if ("format" in data) {
    ctx.path.push("format");
    union40Apply(data.format, ctx);
    ctx.path.pop();
  }
}
function optional6Allows(data, ctx) {
  if ("name" in data) {
    if (!union44Allows(data.name)) {
      return false;
    }
  }
  return true;
}
function optional6Apply(data, ctx) {
  if ("name" in data) {
    ctx.path.push("name");
    union44Apply(data.name, ctx);
    ctx.path.pop();
  }
}
function optional7Allows(data, ctx) {
  if ("cache_control" in data) {
    if (!union45Allows(data.cache_control)) {
      return false;
    }
  }
  return true;
}
function optional7Apply(data, ctx) {
  if ("cache_control" in data) {
    ctx.path.push("cache_control");
    union45Apply(data.cache_control, ctx);
    ctx.path.pop();
  }
}
function optional10Allows(data, ctx) {
  if ("content" in data) {
    if (!union49Allows(data.content)) {
      return false;
    }
  }
  return true;
}
function optional10Apply(data, ctx) {
  if ("content" in data) {
    ctx.path.push("content");
    union49Apply(data.content, ctx);
    ctx.path.pop();
  }
}
function optional11Allows(data, ctx) {
  if ("reasoning_content" in data) {
    if (!union44Allows(data.reasoning_content)) {
      return false;
    }
  }
  return true;
}
function optional11Apply(data, ctx) {
  if ("reasoning_content" in data) {
    ctx.path.push("reasoning_content");
    union44Apply(data.reasoning_content, ctx);
    ctx.path.pop();
  }
}
function optional13Allows(data, ctx) {
  if ("tool_calls" in data) {
    if (!union50Allows(data.tool_calls)) {
      return false;
    }
  }
  return true;
}
function optional13Apply(data, ctx) {
  if ("tool_calls" in data) {
    ctx.path.push("tool_calls");
    union50Apply(data.tool_calls, ctx);
    ctx.path.pop();
  }
}
function optional16Allows(data, ctx) {
  if ("type" in data) {
    if (!string1Allows(data.type)) {
      return false;
    }
  }
  return true;
}
function optional16Apply(data, ctx) {
  if ("type" in data) {
    ctx.path.push("type");
    string1Apply(data.type, ctx);
    ctx.path.pop();
  }
}
function optional17Allows(data, ctx) {
  if ("description" in data) {
    if (!union44Allows(data.description)) {
      return false;
    }
  }
  return true;
}
function optional17Apply(data, ctx) {
  if ("description" in data) {
    ctx.path.push("description");
    union44Apply(data.description, ctx);
    ctx.path.pop();
  }
}
function optional18Allows(data, ctx) {
  if ("parameters" in data) {
    if (!union45Allows(data.parameters)) {
      return false;
    }
  }
  return true;
}
function optional18Apply(data, ctx) {
  if ("parameters" in data) {
    ctx.path.push("parameters");
    union45Apply(data.parameters, ctx);
    ctx.path.pop();
  }
}
function optional20Allows(data, ctx) {
  if ("stream" in data) {
    if (!boolean1Allows(data.stream)) {
      return false;
    }
  }
  return true;
}
function optional20Apply(data, ctx) {
  if ("stream" in data) {
    ctx.path.push("stream");
    boolean1Apply(data.stream, ctx);
    ctx.path.pop();
  }
}
function optional21Allows(data, ctx) {
  if ("temperature" in data) {
    if (!intersection433Allows(data.temperature)) {
      return false;
    }
  }
  return true;
}
function optional21Apply(data, ctx) {
  if ("temperature" in data) {
    ctx.path.push("temperature");
    intersection433Apply(data.temperature, ctx);
    ctx.path.pop();
  }
}
function optional22Allows(data, ctx) {
  if ("top_p" in data) {
    if (!intersection441Allows(data.top_p)) {
      return false;
    }
  }
  return true;
}
function optional22Apply(data, ctx) {
  if ("top_p" in data) {
    ctx.path.push("top_p");
    intersection441Apply(data.top_p, ctx);
    ctx.path.pop();
  }
}
function optional23Allows(data, ctx) {
  if ("min_p" in data) {
    if (!intersection448Allows(data.min_p)) {
      return false;
    }
  }
  return true;
}
function optional23Apply(data, ctx) {
  if ("min_p" in data) {
    ctx.path.push("min_p");
    intersection448Apply(data.min_p, ctx);
    ctx.path.pop();
  }
}
function optional24Allows(data, ctx) {
  if ("top_k" in data) {
    if (!intersection456Allows(data.top_k)) {
      return false;
    }
  }
  return true;
}
function optional24Apply(data, ctx) {
  if ("top_k" in data) {
    ctx.path.push("top_k");
    intersection456Apply(data.top_k, ctx);
    ctx.path.pop();
  }
}
function optional25Allows(data, ctx) {
  if ("n" in data) {
    if (!intersection464Allows(data.n)) {
      return false;
    }
  }
  return true;
}
function optional25Apply(data, ctx) {
  if ("n" in data) {
    ctx.path.push("n");
    intersection464Apply(data.n, ctx);
    ctx.path.pop();
  }
}
function optional26Allows(data, ctx) {
  if ("presence_penalty" in data) {
    if (!intersection471Allows(data.presence_penalty)) {
      return false;
    }
  }
  return true;
}
function optional26Apply(data, ctx) {
  if ("presence_penalty" in data) {
    ctx.path.push("presence_penalty");
    intersection471Apply(data.presence_penalty, ctx);
    ctx.path.pop();
  }
}
function optional27Allows(data, ctx) {
  if ("frequency_penalty" in data) {
    if (!intersection471Allows(data.frequency_penalty)) {
      return false;
    }
  }
  return true;
}
function optional27Apply(data, ctx) {
  if ("frequency_penalty" in data) {
    ctx.path.push("frequency_penalty");
    intersection471Apply(data.frequency_penalty, ctx);
    ctx.path.pop();
  }
}
function optional28Allows(data, ctx) {
  if ("repetition_penalty" in data) {
    if (!intersection479Allows(data.repetition_penalty)) {
      return false;
    }
  }
  return true;
}
function optional28Apply(data, ctx) {
  if ("repetition_penalty" in data) {
    ctx.path.push("repetition_penalty");
    intersection479Apply(data.repetition_penalty, ctx);
    ctx.path.pop();
  }
}
function optional29Allows(data, ctx) {
  if ("stop" in data) {
    if (!union54Allows(data.stop)) {
      return false;
    }
  }
  return true;
}
function optional29Apply(data, ctx) {
  if ("stop" in data) {
    ctx.path.push("stop");
    union54Apply(data.stop, ctx);
    ctx.path.pop();
  }
}
function optional30Allows(data, ctx) {
  if ("stop_token_ids" in data) {
    if (!intersection484Allows(data.stop_token_ids)) {
      return false;
    }
  }
  return true;
}
function optional30Apply(data, ctx) {
  if ("stop_token_ids" in data) {
    ctx.path.push("stop_token_ids");
    intersection484Apply(data.stop_token_ids, ctx);
    ctx.path.pop();
  }
}
function optional31Allows(data, ctx) {
  if ("seed" in data) {
    if (!intersection492Allows(data.seed)) {
      return false;
    }
  }
  return true;
}
function optional31Apply(data, ctx) {
  if ("seed" in data) {
    ctx.path.push("seed");
    intersection492Apply(data.seed, ctx);
    ctx.path.pop();
  }
}
function optional32Allows(data, ctx) {
  if ("user" in data) {
    if (!string1Allows(data.user)) {
      return false;
    }
  }
  return true;
}
function optional32Apply(data, ctx) {
  if ("user" in data) {
    ctx.path.push("user");
    string1Apply(data.user, ctx);
    ctx.path.pop();
  }
}
function optional33Allows(data, ctx) {
  if ("stream_options" in data) {
    if (!intersection250Allows(data.stream_options)) {
      return false;
    }
  }
  return true;
}
function optional33Apply(data, ctx) {
  if ("stream_options" in data) {
    ctx.path.push("stream_options");
    intersection250Apply(data.stream_options, ctx);
    ctx.path.pop();
  }
}
function optional34Allows(data, ctx) {
  if ("response_format" in data) {
    if (!union36Allows(data.response_format)) {
      return false;
    }
  }
  return true;
}
function optional34Apply(data, ctx) {
  if ("response_format" in data) {
    ctx.path.push("response_format");
    union36Apply(data.response_format, ctx);
    ctx.path.pop();
  }
}
function optional35Allows(data, ctx) {
  if ("prompt_cache_key" in data) {
    if (!string1Allows(data.prompt_cache_key)) {
      return false;
    }
  }
  return true;
}
function optional35Apply(data, ctx) {
  if ("prompt_cache_key" in data) {
    ctx.path.push("prompt_cache_key");
    string1Apply(data.prompt_cache_key, ctx);
    ctx.path.pop();
  }
}
function optional36Allows(data, ctx) {
  if ("max_tokens" in data) {
    if (!intersection500Allows(data.max_tokens)) {
      return false;
    }
  }
  return true;
}
function optional36Apply(data, ctx) {
  if ("max_tokens" in data) {
    ctx.path.push("max_tokens");
    intersection500Apply(data.max_tokens, ctx);
    ctx.path.pop();
  }
}
function optional37Allows(data, ctx) {
  if ("logprobs" in data) {
    if (!boolean1Allows(data.logprobs)) {
      return false;
    }
  }
  return true;
}
function optional37Apply(data, ctx) {
  if ("logprobs" in data) {
    ctx.path.push("logprobs");
    boolean1Apply(data.logprobs, ctx);
    ctx.path.pop();
  }
}
function optional38Allows(data, ctx) {
  if ("tools" in data) {
    if (!intersection422Allows(data.tools)) {
      return false;
    }
  }
  return true;
}
function optional38Apply(data, ctx) {
  if ("tools" in data) {
    ctx.path.push("tools");
    intersection422Apply(data.tools, ctx);
    ctx.path.pop();
  }
}
function optional39Allows(data, ctx) {
  if ("tool_choice" in data) {
    if (!union53Allows(data.tool_choice)) {
      return false;
    }
  }
  return true;
}
function optional39Apply(data, ctx) {
  if ("tool_choice" in data) {
    ctx.path.push("tool_choice");
    union53Apply(data.tool_choice, ctx);
    ctx.path.pop();
  }
}
function optional40Allows(data, ctx) {
  if ("reasoning_effort" in data) {
    if (!string1Allows(data.reasoning_effort)) {
      return false;
    }
  }
  return true;
}
function optional40Apply(data, ctx) {
  if ("reasoning_effort" in data) {
    ctx.path.push("reasoning_effort");
    string1Apply(data.reasoning_effort, ctx);
    ctx.path.pop();
  }
}
function optional41Allows(data, ctx) {
  if ("effort" in data) {
    if (!union44Allows(data.effort)) {
      return false;
    }
  }
  return true;
}
function optional41Apply(data, ctx) {
  if ("effort" in data) {
    ctx.path.push("effort");
    union44Apply(data.effort, ctx);
    ctx.path.pop();
  }
}
function optional42Allows(data, ctx) {
  if ("enabled" in data) {
    if (!union55Allows(data.enabled)) {
      return false;
    }
  }
  return true;
}
function optional42Apply(data, ctx) {
  if ("enabled" in data) {
    ctx.path.push("enabled");
    union55Apply(data.enabled, ctx);
    ctx.path.pop();
  }
}
function optional43Allows(data, ctx) {
  if ("reasoning" in data) {
    if (!intersection502Allows(data.reasoning)) {
      return false;
    }
  }
  return true;
}
function optional43Apply(data, ctx) {
  if ("reasoning" in data) {
    ctx.path.push("reasoning");
    intersection502Apply(data.reasoning, ctx);
    ctx.path.pop();
  }
}
function optional44Allows(data, ctx) {
  if ("service_tier" in data) {
    if (!string1Allows(data.service_tier)) {
      return false;
    }
  }
  return true;
}
function optional44Apply(data, ctx) {
  if ("service_tier" in data) {
    ctx.path.push("service_tier");
    string1Apply(data.service_tier, ctx);
    ctx.path.pop();
  }
}
function optional45Allows(data, ctx) {
  if ("fail_fast" in data) {
    if (!boolean1Allows(data.fail_fast)) {
      return false;
    }
  }
  return true;
}
function optional45Apply(data, ctx) {
  if ("fail_fast" in data) {
    ctx.path.push("fail_fast");
    boolean1Apply(data.fail_fast, ctx);
    ctx.path.pop();
  }
}
function optional46Allows(data, ctx) {
  if ("models" in data) {
    if (!intersection508Allows(data.models)) {
      return false;
    }
  }
  return true;
}
function optional46Apply(data, ctx) {
  if ("models" in data) {
    ctx.path.push("models");
    intersection508Apply(data.models, ctx);
    ctx.path.pop();
  }
}
function optional47Allows(data, ctx) {
  if ("chat_template_kwargs" in data) {
    if (!domain80Allows(data.chat_template_kwargs)) {
      return false;
    }
  }
  return true;
}
function optional47Apply(data, ctx) {
  if ("chat_template_kwargs" in data) {
    ctx.path.push("chat_template_kwargs");
    domain80Apply(data.chat_template_kwargs, ctx);
    ctx.path.pop();
  }
}
function optional48Allows(data, ctx) {
  if ("continue_final_message" in data) {
    if (!boolean1Allows(data.continue_final_message)) {
      return false;
    }
  }
  return true;
}
function optional48Apply(data, ctx) {
  if ("continue_final_message" in data) {
    ctx.path.push("continue_final_message");
    boolean1Apply(data.continue_final_message, ctx);
    ctx.path.pop();
  }
}
function optional65Allows(data, ctx) {
  if ("max_tokens" in data) {
    if (!intersection526Allows(data.max_tokens)) {
      return false;
    }
  }
  return true;
}
function optional65Apply(data, ctx) {
  if ("max_tokens" in data) {
    ctx.path.push("max_tokens");
    intersection526Apply(data.max_tokens, ctx);
    ctx.path.pop();
  }
}
function optional66Allows(data, ctx) {
  if ("logprobs" in data) {
    if (!intersection43Allows(data.logprobs)) {
      return false;
    }
  }
  return true;
}
function optional66Apply(data, ctx) {
  if ("logprobs" in data) {
    ctx.path.push("logprobs");
    intersection43Apply(data.logprobs, ctx);
    ctx.path.pop();
  }
}
function optional67Allows(data, ctx) {
  if ("echo" in data) {
    if (!boolean1Allows(data.echo)) {
      return false;
    }
  }
  return true;
}
function optional67Apply(data, ctx) {
  if ("echo" in data) {
    ctx.path.push("echo");
    boolean1Apply(data.echo, ctx);
    ctx.path.pop();
  }
}
function optional68Allows(data, ctx) {
  if ("return_tokens_as_token_ids" in data) {
    if (!boolean1Allows(data.return_tokens_as_token_ids)) {
      return false;
    }
  }
  return true;
}
function optional68Apply(data, ctx) {
  if ("return_tokens_as_token_ids" in data) {
    ctx.path.push("return_tokens_as_token_ids");
    boolean1Apply(data.return_tokens_as_token_ids, ctx);
    ctx.path.pop();
  }
}
function optional69Allows(data, ctx) {
  if ("image" in data) {
    if (!intersection480Allows(data.image)) {
      return false;
    }
  }
  return true;
}
function optional69Apply(data, ctx) {
  if ("image" in data) {
    ctx.path.push("image");
    intersection480Apply(data.image, ctx);
    ctx.path.pop();
  }
}
function optional70Allows(data, ctx) {
  if ("video" in data) {
    if (!intersection480Allows(data.video)) {
      return false;
    }
  }
  return true;
}
function optional70Apply(data, ctx) {
  if ("video" in data) {
    ctx.path.push("video");
    intersection480Apply(data.video, ctx);
    ctx.path.pop();
  }
}
function optional71Allows(data, ctx) {
  if ("data" in data) {
    if (!intersection529Allows(data.data)) {
      return false;
    }
  }
  return true;
}
function optional71Apply(data, ctx) {
  if ("data" in data) {
    ctx.path.push("data");
    intersection529Apply(data.data, ctx);
    ctx.path.pop();
  }
}
function optional72Allows(data, ctx) {
  if ("encoding_format" in data) {
    if (!union57Allows(data.encoding_format)) {
      return false;
    }
  }
  return true;
}
function optional72Apply(data, ctx) {
  if ("encoding_format" in data) {
    ctx.path.push("encoding_format");
    union57Apply(data.encoding_format, ctx);
    ctx.path.pop();
  }
}
function optional73Allows(data, ctx) {
  if ("dimensions" in data) {
    if (!intersection537Allows(data.dimensions)) {
      return false;
    }
  }
  return true;
}
function optional73Apply(data, ctx) {
  if ("dimensions" in data) {
    ctx.path.push("dimensions");
    intersection537Apply(data.dimensions, ctx);
    ctx.path.pop();
  }
}
function optional75Allows(data, ctx) {
  if ("batchSize" in data) {
    if (!intersection548Allows(data.batchSize)) {
      return false;
    }
  }
  return true;
}
function optional75Apply(data, ctx) {
  if ("batchSize" in data) {
    ctx.path.push("batchSize");
    intersection548Apply(data.batchSize, ctx);
    ctx.path.pop();
  }
}
function optional76Allows(data, ctx) {
  if ("concurrency" in data) {
    if (!intersection552Allows(data.concurrency)) {
      return false;
    }
  }
  return true;
}
function optional76Apply(data, ctx) {
  if ("concurrency" in data) {
    ctx.path.push("concurrency");
    intersection552Apply(data.concurrency, ctx);
    ctx.path.pop();
  }
}
function optional78Allows(data, ctx) {
  if ("size" in data) {
    if (!string1Allows(data.size)) {
      return false;
    }
  }
  return true;
}
function optional78Apply(data, ctx) {
  if ("size" in data) {
    ctx.path.push("size");
    string1Apply(data.size, ctx);
    ctx.path.pop();
  }
}
function optional79Allows(data, ctx) {
  if ("response_format" in data) {
    if (!union58Allows(data.response_format)) {
      return false;
    }
  }
  return true;
}
function optional79Apply(data, ctx) {
  if ("response_format" in data) {
    ctx.path.push("response_format");
    union58Apply(data.response_format, ctx);
    ctx.path.pop();
  }
}
function optional80Allows(data, ctx) {
  if ("quality" in data) {
    if (!string1Allows(data.quality)) {
      return false;
    }
  }
  return true;
}
function optional80Apply(data, ctx) {
  if ("quality" in data) {
    ctx.path.push("quality");
    string1Apply(data.quality, ctx);
    ctx.path.pop();
  }
}
function optional81Allows(data, ctx) {
  if ("style" in data) {
    if (!string1Allows(data.style)) {
      return false;
    }
  }
  return true;
}
function optional81Apply(data, ctx) {
  if ("style" in data) {
    ctx.path.push("style");
    string1Apply(data.style, ctx);
    ctx.path.pop();
  }
}
function optional83Allows(data, ctx) {
  if ("filename" in data) {
    if (!string1Allows(data.filename)) {
      return false;
    }
  }
  return true;
}
function optional83Apply(data, ctx) {
  if ("filename" in data) {
    ctx.path.push("filename");
    string1Apply(data.filename, ctx);
    ctx.path.pop();
  }
}
function optional84Allows(data, ctx) {
  if ("language" in data) {
    if (!string1Allows(data.language)) {
      return false;
    }
  }
  return true;
}
function optional84Apply(data, ctx) {
  if ("language" in data) {
    ctx.path.push("language");
    string1Apply(data.language, ctx);
    ctx.path.pop();
  }
}
function optional85Allows(data, ctx) {
  if ("prompt" in data) {
    if (!string1Allows(data.prompt)) {
      return false;
    }
  }
  return true;
}
function optional85Apply(data, ctx) {
  if ("prompt" in data) {
    ctx.path.push("prompt");
    string1Apply(data.prompt, ctx);
    ctx.path.pop();
  }
}
function optional86Allows(data, ctx) {
  if ("response_format" in data) {
    if (!union65Allows(data.response_format)) {
      return false;
    }
  }
  return true;
}
function optional86Apply(data, ctx) {
  if ("response_format" in data) {
    ctx.path.push("response_format");
    union65Apply(data.response_format, ctx);
    ctx.path.pop();
  }
}
function optional87Allows(data, ctx) {
  if ("temperature" in data) {
    if (!domain2Allows(data.temperature)) {
      return false;
    }
  }
  return true;
}
function optional87Apply(data, ctx) {
  if ("temperature" in data) {
    ctx.path.push("temperature");
    domain2Apply(data.temperature, ctx);
    ctx.path.pop();
  }
}
function optional88Allows(data, ctx) {
  if ("timestamp_granularities" in data) {
    if (!intersection559Allows(data.timestamp_granularities)) {
      return false;
    }
  }
  return true;
}
function optional88Apply(data, ctx) {
  if ("timestamp_granularities" in data) {
    ctx.path.push("timestamp_granularities");
    intersection559Apply(data.timestamp_granularities, ctx);
    ctx.path.pop();
  }
}
function optional89Allows(data, ctx) {
  if ("voice" in data) {
    if (!string1Allows(data.voice)) {
      return false;
    }
  }
  return true;
}
function optional89Apply(data, ctx) {
  if ("voice" in data) {
    ctx.path.push("voice");
    string1Apply(data.voice, ctx);
    ctx.path.pop();
  }
}
function optional90Allows(data, ctx) {
  if ("response_format" in data) {
    if (!union70Allows(data.response_format)) {
      return false;
    }
  }
  return true;
}
function optional90Apply(data, ctx) {
  if ("response_format" in data) {
    ctx.path.push("response_format");
    union70Apply(data.response_format, ctx);
    ctx.path.pop();
  }
}
function optional91Allows(data, ctx) {
  if ("speed" in data) {
    if (!intersection570Allows(data.speed)) {
      return false;
    }
  }
  return true;
}
function optional91Apply(data, ctx) {
  if ("speed" in data) {
    ctx.path.push("speed");
    intersection570Apply(data.speed, ctx);
    ctx.path.pop();
  }
}
function predicate11Allows(data, ctx) {
  return $declaredToolChoice(data, ctx);
}
function predicate11Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  if (!$declaredToolChoice(data, ctx) && ctx.currentErrorCount === errorCount) {
    ctx.errorFromNodeContext({ code: "predicate", description: "valid according to declaredToolChoice" });
  }
}
function proto38Allows(data, ctx) {
  return Array.isArray(data);
}
function proto38Apply(data, ctx) {
  if (!Array.isArray(data)) {
    ctx.errorFromNodeContext({ code: "proto", description: "an array" });
  }
}
function proto49Allows(data, ctx) {
  return data instanceof Blob;
}
function proto49Apply(data, ctx) {
  if (!(data instanceof Blob)) {
    ctx.errorFromNodeContext({ code: "proto", description: "a Blob instance" });
  }
}
function proto50Allows(data, ctx) {
  return data instanceof Uint8Array;
}
function proto50Apply(data, ctx) {
  if (!(data instanceof Uint8Array)) {
    ctx.errorFromNodeContext({ code: "proto", description: "a Uint8Array" });
  }
}
function proto51Allows(data, ctx) {
  return data instanceof ArrayBuffer;
}
function proto51Apply(data, ctx) {
  if (!(data instanceof ArrayBuffer)) {
    ctx.errorFromNodeContext({ code: "proto", description: "an ArrayBuffer instance" });
  }
}
function proto52Allows(data, ctx) {
  return data instanceof ReadableStream;
}
function proto52Apply(data, ctx) {
  if (!(data instanceof ReadableStream)) {
    ctx.errorFromNodeContext({ code: "proto", description: "an instance of ReadableStream" });
  }
}
function required3Allows(data, ctx) {
  if ("name" in data) {
    if (!string1Allows(data.name)) {
      return false;
    }
  } else {
    return false;
  }
  return true;
}
function required3Apply(data, ctx) {
  if ("name" in data) {
    ctx.path.push("name");
    string1Apply(data.name, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string", relativePath: $array2 });
  }
}
function required4Allows(data, ctx) {
  if ("schema" in data) {
    if (!domain80Allows(data.schema)) {
      return false;
    }
  } else {
    return false;
  }
  return true;
}
function required4Apply(data, ctx) {
  if ("schema" in data) {
    ctx.path.push("schema");
    domain80Apply(data.schema, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "an object", relativePath: $array3 });
  }
}
function required5Allows(data, ctx) {
  if ("json_schema" in data) {
    if (!intersection214Allows(data.json_schema)) {
      return false;
    }
  } else {
    return false;
  }
  return true;
}
function required5Apply(data, ctx) {
  if ("json_schema" in data) {
    ctx.path.push("json_schema");
    intersection214Apply(data.json_schema, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "an object", relativePath: $array4 });
  }
}
function required7Allows(data, ctx) {
  if ("regex" in data) {
    if (!string1Allows(data.regex)) {
      return false;
    }
  } else {
    return false;
  }
  return true;
}
function required7Apply(data, ctx) {
  if ("regex" in data) {
    ctx.path.push("regex");
    string1Apply(data.regex, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string", relativePath: $array6 });
  }
}
function required12Allows(data, ctx) {
  if ("type" in data) {
    if (!unit31Allows(data.type)) {
      return false;
    }
  } else {
    return false;
  }
  return true;
}
function required12Apply(data, ctx) {
  if ("type" in data) {
    ctx.path.push("type");
    unit31Apply(data.type, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: '"text"', relativePath: $array18 });
  }
}
function required13Allows(data, ctx) {
  if ("text" in data) {
    if (!string1Allows(data.text)) {
      return false;
    }
  } else {
    return false;
  }
  return true;
}
function required13Apply(data, ctx) {
  if ("text" in data) {
    ctx.path.push("text");
    string1Apply(data.text, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string", relativePath: $array8 });
  }
}
function required15Allows(data, ctx) {
  if ("url" in data) {
    if (!string1Allows(data.url)) {
      return false;
    }
  } else {
    return false;
  }
  return true;
}
function required15Apply(data, ctx) {
  if ("url" in data) {
    ctx.path.push("url");
    string1Apply(data.url, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string", relativePath: $array10 });
  }
}
function required16Allows(data, ctx) {
  if ("image_url" in data) {
    if (!intersection256Allows(data.image_url)) {
      return false;
    }
  } else {
    return false;
  }
  return true;
}
function required16Apply(data, ctx) {
  if ("image_url" in data) {
    ctx.path.push("image_url");
    intersection256Apply(data.image_url, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "an object", relativePath: $array11 });
  }
}
function required20Allows(data, ctx) {
  if ("data" in data) {
    if (!string1Allows(data.data)) {
      return false;
    }
  } else {
    return false;
  }
  return true;
}
function required20Apply(data, ctx) {
  if ("data" in data) {
    ctx.path.push("data");
    string1Apply(data.data, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string", relativePath: $array13 });
  }
}
function required21Allows(data, ctx) {
  if ("input_audio" in data) {
    if (!intersection274Allows(data.input_audio)) {
      return false;
    }
  } else {
    return false;
  }
  return true;
}
function required21Apply(data, ctx) {
  if ("input_audio" in data) {
    ctx.path.push("input_audio");
    intersection274Apply(data.input_audio, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "an object", relativePath: $array14 });
  }
}
function required27Allows(data, ctx) {
  if ("video_url" in data) {
    if (!intersection298Allows(data.video_url)) {
      return false;
    }
  } else {
    return false;
  }
  return true;
}
function required27Apply(data, ctx) {
  if ("video_url" in data) {
    ctx.path.push("video_url");
    intersection298Apply(data.video_url, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "an object", relativePath: $array16 });
  }
}
function required32Allows(data, ctx) {
  if ("id" in data) {
    if (!string1Allows(data.id)) {
      return false;
    }
  } else {
    return false;
  }
  return true;
}
function required32Apply(data, ctx) {
  if ("id" in data) {
    ctx.path.push("id");
    string1Apply(data.id, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string", relativePath: $array17 });
  }
}
function required33Allows(data, ctx) {
  if ("type" in data) {
    if (!string1Allows(data.type)) {
      return false;
    }
  } else {
    return false;
  }
  return true;
}
function required33Apply(data, ctx) {
  if ("type" in data) {
    ctx.path.push("type");
    string1Apply(data.type, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string", relativePath: $array18 });
  }
}
function required35Allows(data, ctx) {
  if ("arguments" in data) {
    if (!string1Allows(data.arguments)) {
      return false;
    }
  } else {
    return false;
  }
  return true;
}
function required35Apply(data, ctx) {
  if ("arguments" in data) {
    ctx.path.push("arguments");
    string1Apply(data.arguments, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string", relativePath: $array19 });
  }
}
function required36Allows(data, ctx) {
  if ("function" in data) {
    if (!intersection332Allows(data.function)) {
      return false;
    }
  } else {
    return false;
  }
  return true;
}
function required36Apply(data, ctx) {
  if ("function" in data) {
    ctx.path.push("function");
    intersection332Apply(data.function, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "an object", relativePath: $array20 });
  }
}
function required38Allows(data, ctx) {
  if ("content" in data) {
    if (!union43Allows(data.content)) {
      return false;
    }
  } else {
    return false;
  }
  return true;
}
function required38Apply(data, ctx) {
  if ("content" in data) {
    ctx.path.push("content");
    union43Apply(data.content, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string or an array", relativePath: $array22 });
  }
}
function required40Allows(data, ctx) {
  if ("content" in data) {
    if (!union46Allows(data.content)) {
      return false;
    }
  } else {
    return false;
  }
  return true;
}
function required40Apply(data, ctx) {
  if ("content" in data) {
    ctx.path.push("content");
    union46Apply(data.content, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string or an array", relativePath: $array22 });
  }
}
function required50Allows(data, ctx) {
  if ("tool_call_id" in data) {
    if (!string1Allows(data.tool_call_id)) {
      return false;
    }
  } else {
    return false;
  }
  return true;
}
function required50Apply(data, ctx) {
  if ("tool_call_id" in data) {
    ctx.path.push("tool_call_id");
    string1Apply(data.tool_call_id, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string", relativePath: $array27 });
  }
}
function required56Allows(data, ctx) {
  if ("function" in data) {
    if (!intersection416Allows(data.function)) {
      return false;
    }
  } else {
    return false;
  }
  return true;
}
function required56Apply(data, ctx) {
  if ("function" in data) {
    ctx.path.push("function");
    intersection416Apply(data.function, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "an object", relativePath: $array20 });
  }
}
function required57Allows(data, ctx) {
  if ("model" in data) {
    if (!string1Allows(data.model)) {
      return false;
    }
  } else {
    return false;
  }
  return true;
}
function required57Apply(data, ctx) {
  if ("model" in data) {
    ctx.path.push("model");
    string1Apply(data.model, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string", relativePath: $array29 });
  }
}
function required58Allows(data, ctx) {
  if ("messages" in data) {
    if (!intersection421Allows(data.messages)) {
      return false;
    }
  } else {
    return false;
  }
  return true;
}
function required58Apply(data, ctx) {
  if ("messages" in data) {
    ctx.path.push("messages");
    intersection421Apply(data.messages, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "an array", relativePath: $array30 });
  }
}
function required60Allows(data, ctx) {
  if ("prompt" in data) {
    if (!union56Allows(data.prompt)) {
      return false;
    }
  } else {
    return false;
  }
  return true;
}
function required60Apply(data, ctx) {
  if ("prompt" in data) {
    ctx.path.push("prompt");
    union56Apply(data.prompt, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string or an array", relativePath: $array31 });
  }
}
function required62Allows(data, ctx) {
  if ("input" in data) {
    if (!union54Allows(data.input)) {
      return false;
    }
  } else {
    return false;
  }
  return true;
}
function required62Apply(data, ctx) {
  if ("input" in data) {
    ctx.path.push("input");
    union54Apply(data.input, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string or an array", relativePath: $array32 });
  }
}
function required64Allows(data, ctx) {
  if ("prompt" in data) {
    if (!string1Allows(data.prompt)) {
      return false;
    }
  } else {
    return false;
  }
  return true;
}
function required64Apply(data, ctx) {
  if ("prompt" in data) {
    ctx.path.push("prompt");
    string1Apply(data.prompt, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string", relativePath: $array31 });
  }
}
function required66Allows(data, ctx) {
  if ("file" in data) {
    if (!union61Allows(data.file)) {
      return false;
    }
  } else {
    return false;
  }
  return true;
}
function required66Apply(data, ctx) {
  if ("file" in data) {
    ctx.path.push("file");
    union61Apply(data.file, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "an instance of ReadableStream, an ArrayBuffer instance, a Blob instance or a Uint8Array", relativePath: $array34 });
  }
}
function required68Allows(data, ctx) {
  if ("input" in data) {
    if (!string1Allows(data.input)) {
      return false;
    }
  } else {
    return false;
  }
  return true;
}
function required68Apply(data, ctx) {
  if ("input" in data) {
    ctx.path.push("input");
    string1Apply(data.input, ctx);
    ctx.path.pop();
  } else {
    ctx.errorFromNodeContext({ code: "required", missingValueDescription: "a string", relativePath: $array32 });
  }
}
function sequence8Allows(data, ctx) {
  for (let i = 0; i < data.length; i++) {
    if (!intersection253Allows(data[i])) {
      return false;
    }
  }
  return true;
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
function sequence11Allows(data, ctx) {
  for (let i = 0; i < data.length; i++) {
    if (!union42Allows(data[i])) {
      return false;
    }
  }
  return true;
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
function sequence17Allows(data, ctx) {
  for (let i = 0; i < data.length; i++) {
    if (!intersection335Allows(data[i])) {
      return false;
    }
  }
  return true;
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
function sequence20Allows(data, ctx) {
  for (let i = 0; i < data.length; i++) {
    if (!union52Allows(data[i])) {
      return false;
    }
  }
  return true;
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
function sequence23Allows(data, ctx) {
  for (let i = 0; i < data.length; i++) {
    if (!intersection419Allows(data[i])) {
      return false;
    }
  }
  return true;
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
function sequence26Allows(data, ctx) {
  for (let i = 0; i < data.length; i++) {
    if (!string1Allows(data[i])) {
      return false;
    }
  }
  return true;
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
function sequence29Allows(data, ctx) {
  for (let i = 0; i < data.length; i++) {
    if (!intersection43Allows(data[i])) {
      return false;
    }
  }
  return true;
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
function sequence41Allows(data, ctx) {
  for (let i = 0; i < data.length; i++) {
    if (!union66Allows(data[i])) {
      return false;
    }
  }
  return true;
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
function string1Allows(data, ctx) {
  return typeof data === "string";
}
function string1Apply(data, ctx) {
  if (typeof data !== "string") {
    ctx.errorFromNodeContext({ code: "domain", description: "a string" });
  }
}
function structure13Allows(data, ctx) {
  if (!required3Allows(data)) {
    return false;
  }
  if (!required4Allows(data)) {
    return false;
  }
  return true;
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
function structure17Allows(data, ctx) {
  if (!required5Allows(data)) {
    return false;
  }
  return true;
}
function structure17Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required5Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure19Allows(data, ctx) {
  if (!required7Allows(data)) {
    return false;
  }
  return true;
}
function structure19Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required7Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure20Allows(data, ctx) {
  if (!optional1Allows(data)) {
    return false;
  }
  return true;
}
function structure20Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  optional1Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure25Allows(data, ctx) {
  if (!optional3Allows(data)) {
    return false;
  }
  if (!optional2Allows(data)) {
    return false;
  }
  return true;
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
function structure26Allows(data, ctx) {
  if (!required13Allows(data)) {
    return false;
  }
  if (!required12Allows(data)) {
    return false;
  }
  return true;
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
function structure27Allows(data, ctx) {
  if (!required15Allows(data)) {
    return false;
  }
  if (!optional4Allows(data)) {
    return false;
  }
  return true;
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
function structure30Allows(data, ctx) {
  if (!required16Allows(data)) {
    return false;
  }
  return true;
}
function structure30Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required16Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure32Allows(data, ctx) {
  if (!required13Allows(data)) {
    return false;
  }
  return true;
}
function structure32Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required13Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure33Allows(data, ctx) {
  if (!required20Allows(data)) {
    return false;
  }
  if (!optional5Allows(data)) {
    return false;
  }
  return true;
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
function structure38Allows(data, ctx) {
  if (!required21Allows(data)) {
    return false;
  }
  return true;
}
function structure38Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required21Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure41Allows(data, ctx) {
  if (!required15Allows(data)) {
    return false;
  }
  return true;
}
function structure41Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required15Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure50Allows(data, ctx) {
  if (!required27Allows(data)) {
    return false;
  }
  return true;
}
function structure50Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  required27Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure51Allows(data, ctx) {
  if (!sequence8Allows(data)) {
    return false;
  }
  return true;
}
function structure51Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  sequence8Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure53Allows(data, ctx) {
  if (!required35Allows(data)) {
    return false;
  }
  if (!required3Allows(data)) {
    return false;
  }
  return true;
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
function structure54Allows(data, ctx) {
  if (!required36Allows(data)) {
    return false;
  }
  if (!required32Allows(data)) {
    return false;
  }
  if (!required33Allows(data)) {
    return false;
  }
  return true;
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
function structure56Allows(data, ctx) {
  if (!sequence11Allows(data)) {
    return false;
  }
  return true;
}
function structure56Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  sequence11Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure61Allows(data, ctx) {
  if (!required40Allows(data)) {
    return false;
  }
  if (!optional7Allows(data)) {
    return false;
  }
  if (!optional6Allows(data)) {
    return false;
  }
  return true;
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
function structure63Allows(data, ctx) {
  if (!required38Allows(data)) {
    return false;
  }
  if (!optional7Allows(data)) {
    return false;
  }
  if (!optional6Allows(data)) {
    return false;
  }
  return true;
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
function structure65Allows(data, ctx) {
  if (!sequence17Allows(data)) {
    return false;
  }
  return true;
}
function structure65Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  sequence17Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure73Allows(data, ctx) {
  if (!optional7Allows(data)) {
    return false;
  }
  if (!optional10Allows(data)) {
    return false;
  }
  if (!optional6Allows(data)) {
    return false;
  }
  if (!optional11Allows(data)) {
    return false;
  }
  if (!optional13Allows(data)) {
    return false;
  }
  return true;
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
function structure80Allows(data, ctx) {
  if (!required38Allows(data)) {
    return false;
  }
  if (!required50Allows(data)) {
    return false;
  }
  if (!optional7Allows(data)) {
    return false;
  }
  return true;
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
function structure83Allows(data, ctx) {
  if (!required3Allows(data)) {
    return false;
  }
  if (!optional17Allows(data)) {
    return false;
  }
  if (!optional18Allows(data)) {
    return false;
  }
  return true;
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
function structure84Allows(data, ctx) {
  if (!required56Allows(data)) {
    return false;
  }
  if (!optional7Allows(data)) {
    return false;
  }
  if (!optional16Allows(data)) {
    return false;
  }
  return true;
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
function structure85Allows(data, ctx) {
  if (!sequence20Allows(data)) {
    return false;
  }
  return true;
}
function structure85Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  sequence20Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure86Allows(data, ctx) {
  if (!sequence23Allows(data)) {
    return false;
  }
  return true;
}
function structure86Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  sequence23Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure88Allows(data, ctx) {
  if (!sequence26Allows(data)) {
    return false;
  }
  return true;
}
function structure88Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  sequence26Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure90Allows(data, ctx) {
  if (!sequence29Allows(data)) {
    return false;
  }
  return true;
}
function structure90Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  sequence29Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure91Allows(data, ctx) {
  if (!optional41Allows(data)) {
    return false;
  }
  if (!optional42Allows(data)) {
    return false;
  }
  return true;
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
function structure93Allows(data, ctx) {
  if (!required58Allows(data)) {
    return false;
  }
  if (!required57Allows(data)) {
    return false;
  }
  if (!optional47Allows(data)) {
    return false;
  }
  if (!optional48Allows(data)) {
    return false;
  }
  if (!optional45Allows(data)) {
    return false;
  }
  if (!optional27Allows(data)) {
    return false;
  }
  if (!optional37Allows(data)) {
    return false;
  }
  if (!optional36Allows(data)) {
    return false;
  }
  if (!optional23Allows(data)) {
    return false;
  }
  if (!optional46Allows(data)) {
    return false;
  }
  if (!optional25Allows(data)) {
    return false;
  }
  if (!optional26Allows(data)) {
    return false;
  }
  if (!optional35Allows(data)) {
    return false;
  }
  if (!optional43Allows(data)) {
    return false;
  }
  if (!optional40Allows(data)) {
    return false;
  }
  if (!optional28Allows(data)) {
    return false;
  }
  if (!optional34Allows(data)) {
    return false;
  }
  if (!optional31Allows(data)) {
    return false;
  }
  if (!optional44Allows(data)) {
    return false;
  }
  if (!optional29Allows(data)) {
    return false;
  }
  if (!optional30Allows(data)) {
    return false;
  }
  if (!optional20Allows(data)) {
    return false;
  }
  if (!optional33Allows(data)) {
    return false;
  }
  if (!optional21Allows(data)) {
    return false;
  }
  if (!optional39Allows(data)) {
    return false;
  }
  if (!optional38Allows(data)) {
    return false;
  }
  if (!optional24Allows(data)) {
    return false;
  }
  if (!optional22Allows(data)) {
    return false;
  }
  if (!optional32Allows(data)) {
    return false;
  }
  return true;
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
function structure97Allows(data, ctx) {
  if (!optional69Allows(data)) {
    return false;
  }
  if (!optional70Allows(data)) {
    return false;
  }
  return true;
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
function structure98Allows(data, ctx) {
  if (!required57Allows(data)) {
    return false;
  }
  if (!required60Allows(data)) {
    return false;
  }
  if (!optional71Allows(data)) {
    return false;
  }
  if (!optional67Allows(data)) {
    return false;
  }
  if (!optional27Allows(data)) {
    return false;
  }
  if (!optional66Allows(data)) {
    return false;
  }
  if (!optional65Allows(data)) {
    return false;
  }
  if (!optional23Allows(data)) {
    return false;
  }
  if (!optional25Allows(data)) {
    return false;
  }
  if (!optional26Allows(data)) {
    return false;
  }
  if (!optional35Allows(data)) {
    return false;
  }
  if (!optional28Allows(data)) {
    return false;
  }
  if (!optional34Allows(data)) {
    return false;
  }
  if (!optional68Allows(data)) {
    return false;
  }
  if (!optional31Allows(data)) {
    return false;
  }
  if (!optional29Allows(data)) {
    return false;
  }
  if (!optional30Allows(data)) {
    return false;
  }
  if (!optional20Allows(data)) {
    return false;
  }
  if (!optional33Allows(data)) {
    return false;
  }
  if (!optional21Allows(data)) {
    return false;
  }
  if (!optional24Allows(data)) {
    return false;
  }
  if (!optional22Allows(data)) {
    return false;
  }
  if (!optional32Allows(data)) {
    return false;
  }
  return true;
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
function structure99Allows(data, ctx) {
  if (!required62Allows(data)) {
    return false;
  }
  if (!required57Allows(data)) {
    return false;
  }
  if (!optional73Allows(data)) {
    return false;
  }
  if (!optional72Allows(data)) {
    return false;
  }
  if (!optional44Allows(data)) {
    return false;
  }
  return true;
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
  optional73Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional72Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional44Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure100Allows(data, ctx) {
  if (!optional75Allows(data)) {
    return false;
  }
  if (!optional76Allows(data)) {
    return false;
  }
  return true;
}
function structure100Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  optional75Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional76Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure101Allows(data, ctx) {
  if (!required57Allows(data)) {
    return false;
  }
  if (!required64Allows(data)) {
    return false;
  }
  if (!optional25Allows(data)) {
    return false;
  }
  if (!optional80Allows(data)) {
    return false;
  }
  if (!optional79Allows(data)) {
    return false;
  }
  if (!optional78Allows(data)) {
    return false;
  }
  if (!optional81Allows(data)) {
    return false;
  }
  if (!optional32Allows(data)) {
    return false;
  }
  return true;
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
  optional80Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional79Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional78Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional81Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional32Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure102Allows(data, ctx) {
  if (!sequence41Allows(data)) {
    return false;
  }
  return true;
}
function structure102Apply(data, ctx) {
  const errorCount = ctx.currentErrorCount;
  sequence41Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function structure103Allows(data, ctx) {
  if (!required66Allows(data)) {
    return false;
  }
  if (!required57Allows(data)) {
    return false;
  }
  if (!optional83Allows(data)) {
    return false;
  }
  if (!optional84Allows(data)) {
    return false;
  }
  if (!optional85Allows(data)) {
    return false;
  }
  if (!optional86Allows(data)) {
    return false;
  }
  if (!optional87Allows(data)) {
    return false;
  }
  if (!optional88Allows(data)) {
    return false;
  }
  return true;
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
  optional83Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional84Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional85Apply(data, ctx);
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
}
function structure104Allows(data, ctx) {
  if (!required68Allows(data)) {
    return false;
  }
  if (!required57Allows(data)) {
    return false;
  }
  if (!optional90Allows(data)) {
    return false;
  }
  if (!optional44Allows(data)) {
    return false;
  }
  if (!optional91Allows(data)) {
    return false;
  }
  if (!optional89Allows(data)) {
    return false;
  }
  return true;
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
  optional90Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional44Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional91Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
  optional89Apply(data, ctx);
  if (ctx.failFast && ctx.currentErrorCount > errorCount) {
    return;
  }
}
function union35Allows(data, ctx) {
  switch (data) {
    case "json_object":
      return true;
    case "text":
      return true;
    case void 0:
      return true;
  }
  return false;
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
function union36Allows(data, ctx) {
  switch (data?.type) {
    case "json_schema":
      return intersection226Allows(data);
    case "regex":
      return intersection232Allows(data);
    default:
      return intersection235Allows(data);
  }
  return false;
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
function union38Allows(data, ctx) {
  switch (data) {
    case "auto":
      return true;
    case "high":
      return true;
    case "low":
      return true;
  }
  return false;
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
function union40Allows(data, ctx) {
  if (unit40Allows(data)) {
    return true;
  }
  if (unit39Allows(data)) {
    return true;
  }
  return false;
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
function union42Allows(data, ctx) {
  switch (data?.type) {
    case "image_url":
      return intersection265Allows(data);
    case "input_audio":
      return intersection289Allows(data);
    case "text":
      return intersection271Allows(data);
    case "video_url":
      return intersection325Allows(data);
  }
  return false;
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
function union43Allows(data, ctx) {
  switch (typeof data === "object" ? data === null ? "null" : "object" : typeof data === "function" ? "object" : typeof data) {
    case "string":
      return true;
    case "object":
      return intersection327Allows(data);
  }
  return false;
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
function union44Allows(data, ctx) {
  switch (typeof data === "object" ? data === null ? "null" : "object" : typeof data === "function" ? "object" : typeof data) {
    case "string":
      return true;
    case "null":
      return null1Allows(data);
  }
  return false;
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
function union45Allows(data, ctx) {
  switch (typeof data === "object" ? data === null ? "null" : "object" : typeof data === "function" ? "object" : typeof data) {
    case "object":
      return true;
    case "null":
      return null1Allows(data);
  }
  return false;
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
function union46Allows(data, ctx) {
  switch (typeof data === "object" ? data === null ? "null" : "object" : typeof data === "function" ? "object" : typeof data) {
    case "string":
      return true;
    case "object":
      return intersection340Allows(data);
  }
  return false;
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
function union49Allows(data, ctx) {
  switch (typeof data === "object" ? data === null ? "null" : "object" : typeof data === "function" ? "object" : typeof data) {
    case "string":
      return true;
    case "object":
      return intersection327Allows(data);
    case "null":
      return null1Allows(data);
  }
  return false;
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
function union50Allows(data, ctx) {
  switch (typeof data === "object" ? data === null ? "null" : "object" : typeof data === "function" ? "object" : typeof data) {
    case "object":
      return intersection363Allows(data);
    case "null":
      return null1Allows(data);
  }
  return false;
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
function union52Allows(data, ctx) {
  switch (data?.role) {
    case "user":
      return intersection352Allows(data);
    case "system":
      return intersection358Allows(data);
    case "tool":
      return intersection407Allows(data);
    case "assistant":
      return intersection386Allows(data);
  }
  return false;
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
function union53Allows(data, ctx) {
  switch (typeof data === "object" ? data === null ? "null" : "object" : typeof data === "function" ? "object" : typeof data) {
    case "string":
      return true;
    case "object":
      return intersection424Allows(data);
  }
  return false;
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
function union54Allows(data, ctx) {
  switch (typeof data === "object" ? data === null ? "null" : "object" : typeof data === "function" ? "object" : typeof data) {
    case "string":
      return true;
    case "object":
      return intersection480Allows(data);
  }
  return false;
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
function union55Allows(data, ctx) {
  switch (data) {
    case false:
      return true;
    case null:
      return true;
    case true:
      return true;
  }
  return false;
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
function union56Allows(data, ctx) {
  switch (typeof data === "object" ? data === null ? "null" : "object" : typeof data === "function" ? "object" : typeof data) {
    case "string":
      return true;
    case "object":
      return intersection484Allows(data);
  }
  return false;
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
function union57Allows(data, ctx) {
  if (unit72Allows(data)) {
    return true;
  }
  if (unit71Allows(data)) {
    return true;
  }
  return false;
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
function union58Allows(data, ctx) {
  if (unit77Allows(data)) {
    return true;
  }
  if (unit78Allows(data)) {
    return true;
  }
  return false;
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
function union61Allows(data, ctx) {
  if (proto52Allows(data)) {
    return true;
  }
  if (proto51Allows(data)) {
    return true;
  }
  if (proto49Allows(data)) {
    return true;
  }
  if (proto50Allows(data)) {
    return true;
  }
  return false;
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
function union65Allows(data, ctx) {
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
  return false;
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
function union66Allows(data, ctx) {
  if (unit84Allows(data)) {
    return true;
  }
  if (unit85Allows(data)) {
    return true;
  }
  return false;
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
function union70Allows(data, ctx) {
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
  return false;
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
function unit9Allows(data, ctx) {
  return data === false;
}
function unit9Apply(data, ctx) {
  if (data !== false) {
    ctx.errorFromNodeContext({ code: "unit", description: "false" });
  }
}
function unit10Allows(data, ctx) {
  return data === true;
}
function unit10Apply(data, ctx) {
  if (data !== true) {
    ctx.errorFromNodeContext({ code: "unit", description: "true" });
  }
}
function unit31Allows(data, ctx) {
  return data === "text";
}
function unit31Apply(data, ctx) {
  if (data !== "text") {
    ctx.errorFromNodeContext({ code: "unit", description: '"text"' });
  }
}
function unit39Allows(data, ctx) {
  return data === "wav";
}
function unit39Apply(data, ctx) {
  if (data !== "wav") {
    ctx.errorFromNodeContext({ code: "unit", description: '"wav"' });
  }
}
function unit40Allows(data, ctx) {
  return data === "mp3";
}
function unit40Apply(data, ctx) {
  if (data !== "mp3") {
    ctx.errorFromNodeContext({ code: "unit", description: '"mp3"' });
  }
}
function unit71Allows(data, ctx) {
  return data === "float";
}
function unit71Apply(data, ctx) {
  if (data !== "float") {
    ctx.errorFromNodeContext({ code: "unit", description: '"float"' });
  }
}
function unit72Allows(data, ctx) {
  return data === "base64";
}
function unit72Apply(data, ctx) {
  if (data !== "base64") {
    ctx.errorFromNodeContext({ code: "unit", description: '"base64"' });
  }
}
function unit77Allows(data, ctx) {
  return data === "b64_json";
}
function unit77Apply(data, ctx) {
  if (data !== "b64_json") {
    ctx.errorFromNodeContext({ code: "unit", description: '"b64_json"' });
  }
}
function unit78Allows(data, ctx) {
  return data === "url";
}
function unit78Apply(data, ctx) {
  if (data !== "url") {
    ctx.errorFromNodeContext({ code: "unit", description: '"url"' });
  }
}
function unit84Allows(data, ctx) {
  return data === "segment";
}
function unit84Apply(data, ctx) {
  if (data !== "segment") {
    ctx.errorFromNodeContext({ code: "unit", description: '"segment"' });
  }
}
function unit85Allows(data, ctx) {
  return data === "word";
}
function unit85Apply(data, ctx) {
  if (data !== "word") {
    ctx.errorFromNodeContext({ code: "unit", description: '"word"' });
  }
}
export {
  intersection515Allows as chatParamsAllows,
  intersection515Apply as chatParamsApply,
  intersection532Allows as completionParamsAllows,
  intersection532Apply as completionParamsApply,
  intersection554Allows as embeddingOptionsAllows,
  intersection554Apply as embeddingOptionsApply,
  intersection539Allows as embeddingParamsAllows,
  intersection539Apply as embeddingParamsApply,
  intersection557Allows as imageParamsAllows,
  intersection557Apply as imageParamsApply,
  intersection572Allows as speechParamsAllows,
  intersection572Apply as speechParamsApply,
  intersection561Allows as transcriptionParamsAllows,
  intersection561Apply as transcriptionParamsApply
};
