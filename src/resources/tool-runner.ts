import { DeepInfraError } from "../errors/base.js";
import { APIUserAbortError } from "../errors/connection.js";

/**
 * A lazily started run that is both awaitable (its final result) and async-iterable (its events as they
 * happen). Nothing runs until one of the two is used; events are produced once.
 * @example
 * for await (const event of runner) if (event.type === "text") write(event.text);
 * const result = await runner; // the same run's result
 */
export class ToolRunner<Event extends { type: string }, Result> implements AsyncIterable<Event>, PromiseLike<Result> {
  readonly #start: () => AsyncGenerator<Event, Result>;
  #started = false;
  #settled = false;
  #resolve!: (value: Result) => void;
  #reject!: (error: unknown) => void;
  readonly #result: Promise<Result>;

  constructor(start: () => AsyncGenerator<Event, Result>) {
    this.#start = start;
    this.#result = new Promise<Result>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    // Read through done()/then(); an iterating caller gets the same error thrown by the loop.
    this.#result.catch(() => {});
  }

  /** Runs the loop, yielding its events as they happen. */
  [Symbol.asyncIterator](): AsyncIterator<Event> {
    return this.#drive()[Symbol.asyncIterator]();
  }

  /** The final result; runs the whole loop when nobody iterates it. */
  done(): Promise<Result> {
    if (!this.#started) {
      void (async () => {
        for await (const _ of this.#drive());
      })().catch(() => {});
    }
    return this.#result;
  }

  then<A = Result, B = never>(onFulfilled?: ((value: Result) => A | PromiseLike<A>) | null, onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    return this.done().then(onFulfilled, onRejected);
  }

  /** The assistant's text as it is written (streamed rounds: each delta; otherwise each round's content). */
  async *textStream(): AsyncIterable<string> {
    for await (const event of this) {
      const text = (event as { type: string; text?: unknown }).type === "text" ? (event as { text?: unknown }).text : undefined;
      if (typeof text === "string") yield text;
    }
  }

  async *#drive(): AsyncGenerator<Event> {
    if (this.#started) throw new DeepInfraError("This run has already been started; iterate it once, or await it.");
    this.#started = true;
    let run: AsyncGenerator<Event, Result> | undefined;
    try {
      run = this.#start();
      for (;;) {
        const step = await run.next();
        if (step.done) {
          this.#settle(() => this.#resolve(step.value));
          return;
        }
        yield step.value;
      }
    } catch (error) {
      this.#settle(() => this.#reject(error));
      throw error;
    } finally {
      if (!this.#settled) {
        // The caller broke out of the loop: close the open stream (if any) and fail the result.
        await run?.return(undefined as Result).catch(() => {});
        this.#settle(() => this.#reject(new APIUserAbortError("The tool run was stopped before it finished.")));
      }
    }
  }

  #settle(action: () => void): void {
    if (this.#settled) return;
    this.#settled = true;
    action();
  }
}
