/** Token counts that add up across calls (chat rounds, embedding batches). */
interface Summable {
  prompt_tokens: number;
  total_tokens: number;
  completion_tokens?: number;
  estimated_cost?: number;
}

/** Adds `usage` into `total`: token counts, and `estimated_cost` only when a call reported one. */
export function addUsage<T extends Summable>(total: T, usage: Partial<Summable> | null | undefined): void {
  if (!usage) return;
  total.prompt_tokens += finite(usage.prompt_tokens);
  total.total_tokens += finite(usage.total_tokens);
  if (total.completion_tokens !== undefined) total.completion_tokens += finite(usage.completion_tokens);
  if (typeof usage.estimated_cost === "number") total.estimated_cost = (total.estimated_cost ?? 0) + usage.estimated_cost;
}

function finite(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}
