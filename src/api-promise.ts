/** Where an answer keeps the raw `Response` it was read from (a symbol: the answer's JSON is unchanged). */
const RESPONSE = /* @__PURE__ */ Symbol.for("deepinfra-edge.response");

/**
 * Records on an answer the raw `Response` it came from and its `_request_id` (the `x-request-id` header), both
 * non-enumerable as openai-node's, so `JSON.stringify(answer)` is what the server sent.
 */
export function markAnswer<T>(answer: T, response: Response): T {
  if (typeof answer === "object" && answer !== null) {
    Object.defineProperty(answer, RESPONSE, { value: response, configurable: true });
    Object.defineProperty(answer, "_request_id", { value: response.headers.get("x-request-id") ?? undefined, configurable: true });
  }
  return answer;
}

/** The raw `Response` an answer was read from, when it was read from one. */
export function responseOf(answer: unknown): Response | undefined {
  return typeof answer === "object" && answer !== null ? (answer as { [RESPONSE]?: Response })[RESPONSE] : undefined;
}

/**
 * What `create`, `retrieve`, `list`… return: a `Promise` of the answer, awaited exactly as before, plus
 * `withResponse()` for the raw `Response` beside it (as openai-node's `APIPromise`).
 * @example
 * const { data, response } = await client.chat.completions.create(params).withResponse();
 * console.log(response.headers.get("x-request-id"), data._request_id);
 */
export class APIPromise<T> extends Promise<T> {
  readonly #answer: Promise<T>;

  constructor(answer: Promise<T>) {
    super((resolve) => resolve(undefined as T));
    this.#answer = answer;
  }

  // `catch` and `finally` (Promise.prototype's, which call `then`) build plain Promises, not APIPromises from an executor.
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  /** The answer and the raw `Response` it was read from (its body already read; absent for an embeddings cache hit). */
  withResponse(): Promise<{ data: T; response: Response | undefined }> {
    return this.#answer.then((data) => ({ data, response: responseOf(data) }));
  }

  override then<A = T, B = never>(onFulfilled?: ((value: T) => A | PromiseLike<A>) | null, onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    return this.#answer.then(onFulfilled, onRejected);
  }
}
