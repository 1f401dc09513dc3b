// Pins src/resources/tool-runner.ts over a hand-written generator (no upstream): lazy start, await vs
// iterate, once-only, a break failing the result, errors through both paths, and textStream().
import { describe, expect, it } from "vitest";
import { DeepInfraError } from "../../src/errors/base.js";
import { APIUserAbortError } from "../../src/errors/connection.js";
import { ToolRunner } from "../../src/resources/tool-runner.js";

type Event = { type: "text"; text: string } | { type: "round"; n: number } | { type: "text"; text?: undefined };

/** A scripted run: yields `events`, then returns `result` or throws `failure`; logs what happened. */
function scripted(events: Event[], outcome: { result: string } | { failure: Error } = { result: "done" }) {
  const log: string[] = [];
  let starts = 0;
  const runner = new ToolRunner<Event, string>(async function* () {
    starts++;
    log.push("start");
    try {
      for (const event of events) {
        log.push(`yield ${event.type}`);
        yield event;
      }
      if ("failure" in outcome) throw outcome.failure;
      log.push("return");
      return outcome.result;
    } finally {
      log.push("finally");
    }
  });
  return { runner, log, starts: () => starts };
}

const EVENTS: Event[] = [
  { type: "round", n: 1 },
  { type: "text", text: "Hel" },
  { type: "text", text: "lo" },
  { type: "round", n: 2 },
];

async function rejectionOf(promise: PromiseLike<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("ToolRunner", () => {
  it("starts nothing until awaited or iterated", async () => {
    const { runner, log, starts } = scripted(EVENTS);
    await Promise.resolve();
    expect(starts()).toBe(0);
    expect(log).toEqual([]);
    expect(await runner).toBe("done");
    expect(starts()).toBe(1);
  });

  it("await runs the whole loop once and gives the result; done() and then() share it", async () => {
    const { runner, log, starts } = scripted(EVENTS, { result: "final" });
    const first = runner.done();
    expect(runner.done()).toBe(first);
    expect(await first).toBe("final");
    expect(await runner).toBe("final");
    expect(await runner.then((r) => r.toUpperCase())).toBe("FINAL");
    expect(starts()).toBe(1);
    expect(log).toEqual(["start", "yield round", "yield text", "yield text", "yield round", "return", "finally"]);
  });

  it("iterating yields every event in order, and the same run's result is then awaitable", async () => {
    const { runner, starts } = scripted(EVENTS, { result: "r" });
    const seen: Event[] = [];
    for await (const event of runner) seen.push(event);
    expect(seen).toEqual(EVENTS);
    expect(await runner).toBe("r");
    expect(starts()).toBe(1);
  });

  it("done() while iterating does not start a second run", async () => {
    const { runner, starts } = scripted(EVENTS, { result: "r" });
    const seen: string[] = [];
    let result: Promise<string> | undefined;
    for await (const event of runner) {
      seen.push(event.type);
      result ??= runner.done();
    }
    expect(seen).toEqual(["round", "text", "text", "round"]);
    expect(await result).toBe("r");
    expect(starts()).toBe(1);
  });

  it("is iterable once: a second iteration (or one after await) throws a DeepInfraError", async () => {
    const iterated = scripted(EVENTS);
    for await (const _ of iterated.runner);
    const again = await rejectionOf((async () => {
      for await (const _ of iterated.runner);
    })());
    expect(again).toBeInstanceOf(DeepInfraError);
    expect((again as Error).message).toBe("This run has already been started; iterate it once, or await it.");

    const awaited = scripted(EVENTS);
    await awaited.runner;
    expect(await rejectionOf((async () => {
      for await (const _ of awaited.runner);
    })())).toBeInstanceOf(DeepInfraError);
    expect(iterated.starts() + awaited.starts()).toBe(2);
    // The first run's result is untouched by the refused second iteration.
    expect(await iterated.runner).toBe("done");
  });

  it("breaking out closes the run (its finally runs) and rejects the result with APIUserAbortError", async () => {
    const { runner, log } = scripted(EVENTS);
    for await (const event of runner) {
      if (event.type === "text") break;
    }
    expect(log).toEqual(["start", "yield round", "yield text", "finally"]);
    const error = await rejectionOf(runner);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as Error).message).toBe("The tool run was stopped before it finished.");
  });

  it("a failing run throws its own error to the iterating caller and rejects the result with it", async () => {
    const failure = new Error("tool exploded");
    const { runner, log } = scripted(EVENTS.slice(0, 2), { failure });
    const seen: string[] = [];
    const thrown = await rejectionOf((async () => {
      for await (const event of runner) seen.push(event.type);
    })());
    expect(thrown).toBe(failure);
    expect(seen).toEqual(["round", "text"]);
    expect(await rejectionOf(runner)).toBe(failure);
    expect(log.at(-1)).toBe("finally");
  });

  it("a failing run rejects await with its own error (not relabelled)", async () => {
    const failure = new TypeError("bad arguments");
    const { runner } = scripted(EVENTS, { failure });
    expect(await rejectionOf(runner)).toBe(failure);
    expect(await rejectionOf(runner.done())).toBe(failure);
  });

  it("a run failing before its first event reaches both paths too", async () => {
    const failure = new Error("no first round");
    const { runner } = scripted([], { failure });
    const thrown = await rejectionOf((async () => {
      for await (const _ of runner);
    })());
    expect(thrown).toBe(failure);
    expect(await rejectionOf(runner)).toBe(failure);
  });

  it("textStream() yields only the text of text events, then the result is awaitable", async () => {
    const { runner } = scripted([...EVENTS, { type: "text" }, { type: "text", text: "" }, { type: "text", text: "!" }], { result: "r" });
    const texts: string[] = [];
    for await (const text of runner.textStream()) texts.push(text);
    expect(texts).toEqual(["Hel", "lo", "", "!"]);
    expect(await runner).toBe("r");
  });

  it("textStream() passes a failure through and a break through", async () => {
    const failure = new Error("mid-stream");
    const failing = scripted(EVENTS.slice(0, 3), { failure });
    const texts: string[] = [];
    const thrown = await rejectionOf((async () => {
      for await (const text of failing.runner.textStream()) texts.push(text);
    })());
    expect(thrown).toBe(failure);
    expect(texts).toEqual(["Hel", "lo"]);

    const stopped = scripted(EVENTS);
    for await (const _ of stopped.runner.textStream()) break;
    expect(stopped.log).toEqual(["start", "yield round", "yield text", "finally"]);
    expect(await rejectionOf(stopped.runner)).toBeInstanceOf(APIUserAbortError);
  });
});

describe("ToolRunner whose start throws at once", () => {
  it("rejects the result instead of hanging", async () => {
    const runner = new ToolRunner<{ type: "x" }, number>(() => {
      throw new RangeError("bad start");
    });
    await expect(runner.done()).rejects.toThrow("bad start");
  });
});
