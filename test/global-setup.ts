import type { TestProject } from "vitest/node";
import { ensureBun } from "./node/runtime-binaries.js";
import { startUpstream } from "./upstream/server.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    upstreamPort: number;
  }
}

/** Starts one local DeepInfra upstream (fixtures mode) per project; tests reach it via inject("upstreamPort"). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (project.name === "node") await ensureBun();
  const restoreOutput = muteExpectedWorkerdNoise();
  const upstream = await startUpstream({ mode: "fixtures" });
  project.provide("upstreamPort", upstream.port);
  return async () => {
    await upstream.close();
    restoreOutput();
  };
}

// workerd logs every connection the upstream resets on purpose (resetAfterBytes, streams cut mid-body) as this
// line plus a `stack:` line of addresses. vitest-pool-workers mutes only its own list ("disconnected: operation
// canceled", …), so these pairs buried real failures. Exactly these lines are dropped; a test that meets an
// unexpected disconnect still fails on its own assertion, and every other workerd line still prints.
const DISCONNECTED = /^exception = kj\/async-io\.c\+\+:\d+: disconnected: stream disconnected prematurely$/;
const ADDRESSES = /^stack:( \S+@[0-9a-f]+)+$/;
const MUTED = Symbol.for("deepinfra-edge.test.mutedWorkerdNoise");

type Write = (chunk: unknown, ...rest: unknown[]) => boolean;

/** Filters this process's output (the pool runs workerd here and copies its log lines to it); returns the undo. */
function muteExpectedWorkerdNoise(): () => void {
  const streams = [process.stdout, process.stderr].filter((stream) => !(MUTED in stream));
  const originals = streams.map((stream) => stream.write as Write);
  streams.forEach((stream, i) => {
    const write = originals[i] as Write;
    let afterNoise = false; // a `stack:` line is dropped only right after a dropped disconnect line
    const keep = (line: string): boolean => {
      const bare = line.replace(/\r?\n$/, "");
      const drop = DISCONNECTED.test(bare) || (afterNoise && ADDRESSES.test(bare));
      afterNoise = DISCONNECTED.test(bare);
      return !drop;
    };
    const filtered: Write = function (this: unknown, chunk, ...rest) {
      const text = typeof chunk === "string" ? chunk : chunk instanceof Uint8Array ? new TextDecoder().decode(chunk) : undefined;
      if (text === undefined || (!afterNoise && !text.includes("disconnected prematurely"))) return write.call(this, chunk, ...rest);
      const kept = text.split(/(?<=\n)/).filter(keep).join("");
      const callback = rest.find((arg) => typeof arg === "function");
      if (kept !== "") return write.call(this, kept, ...(callback ? [callback] : []));
      (callback as (() => void) | undefined)?.();
      return true;
    };
    stream.write = filtered as typeof stream.write;
    Object.defineProperty(stream, MUTED, { value: true, configurable: true });
  });
  return () => {
    streams.forEach((stream, i) => {
      stream.write = originals[i] as typeof stream.write;
      delete (stream as unknown as Record<symbol, unknown>)[MUTED];
    });
  };
}
