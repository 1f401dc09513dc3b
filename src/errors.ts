// Transitional re-export while the schema module moves to src/errors/validation.ts; removed once nothing imports it.
export * from "./errors/index.js";
