import { DeepInfraError } from "./base.js";

/** Thrown before a request leaves when the client's budget is spent; nothing was sent. */
export class BudgetExceededError extends DeepInfraError {
  override name = "BudgetExceededError";
  constructor(
    /** The limit in USD. */
    readonly maxUSD: number,
    /** What was counted so far in USD. */
    readonly spentUSD: number,
  ) {
    super(`Budget exhausted: spent $${formatUSD(spentUSD)} of $${formatUSD(maxUSD)} (budget.maxUSD); no further requests are sent.`);
  }
}

function formatUSD(value: number): string {
  return value < 0.01 ? value.toPrecision(3) : value.toFixed(2);
}
