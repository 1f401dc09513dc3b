// src/errors/: the brand lives on the prototype; the guards recognise errors from another copy of the SDK by name.
import { describe, expect, it } from "vitest";
import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  DeepInfraError,
  RateLimitError,
  ValidationError,
  isAPIError,
  isAbortError,
  isAllModelsFailedError,
  isConnectionError,
  isQueueFullError,
  isDeepInfraError,
  isRateLimitError,
  isTimeoutError,
  isValidationError,
} from "../../src/index.js";
import { createAPIError, isQuotaMessage } from "../../src/errors/api-error.js";

/** What an error thrown by a second copy of the SDK (another bundle, an iframe) looks like here: no shared classes. */
function foreign(name: string, extra: object = {}): Error {
  class Other extends Error {
    get deepinfraError(): true {
      return true;
    }
  }
  const error = new Other("from another copy");
  error.name = name;
  return Object.assign(error, extra);
}

describe("errors", () => {
  it("the brand is a prototype getter: not an own field, not in JSON", () => {
    const error = new DeepInfraError("x");
    expect(Object.keys(error)).not.toContain("deepinfraError");
    expect(JSON.stringify(error)).not.toContain("deepinfraError");
    expect(error.deepinfraError).toBe(true);
  });

  it("guards recognise this copy's errors and a foreign copy's, and nothing else", () => {
    const limited = createAPIError({ status: 429, headers: {}, body: undefined, message: "busy" });
    expect(limited).toBeInstanceOf(RateLimitError);
    const cases: Array<[unknown, string[]]> = [
      [limited, ["isAPIError", "isRateLimitError"]],
      [foreign("RateLimitError", { status: 429 }), ["isAPIError", "isRateLimitError"]],
      [foreign("NotFoundError"), ["isAPIError"]],
      [new APITimeoutError("t", "idle", 1), ["isConnectionError", "isTimeoutError"]],
      [foreign("APIConnectionError"), ["isConnectionError"]],
      [new APIUserAbortError(), ["isAbortError"]],
      [new ValidationError("v", []), ["isValidationError"]],
      [foreign("ValidationError"), ["isValidationError"]],
      [foreign("AllModelsFailedError", { attempts: [] }), ["isAllModelsFailedError"]],
      [foreign("QueueFullError"), ["isQueueFullError"]],
      [Object.assign(new Error("plain"), { name: "RateLimitError" }), []],
      [{ name: "RateLimitError", deepinfraError: false }, []],
      [null, []],
    ];
    const guards = { isAPIError, isRateLimitError, isConnectionError, isTimeoutError, isAbortError, isValidationError, isAllModelsFailedError, isQueueFullError };
    for (const [value, expected] of cases) {
      const matched = Object.entries(guards).filter(([, guard]) => guard(value)).map(([name]) => name);
      expect(matched, JSON.stringify((value as Error | null)?.name)).toEqual(expected);
      expect(isDeepInfraError(value)).toBe(expected.length > 0);
    }
    expect(new APIConnectionError("c")).toBeInstanceOf(DeepInfraError);
  });

  it("quota means money or quota, never a busy model's 'insufficient capacity'", () => {
    expect(["You exceeded your current quota", "insufficient balance", "Insufficient funds", "billing hard limit", "add a payment method", "out of credits"].every(isQuotaMessage)).toBe(true);
    expect(["insufficient capacity", "Model busy, retry later", "Rate limited"].some(isQuotaMessage)).toBe(false);
    const busy = createAPIError({ status: 429, headers: {}, body: undefined, message: "429 insufficient capacity (request r) quota hint in decoration", detail: "insufficient capacity" }) as RateLimitError;
    expect(busy.quota).toBe(false);
  });
});
