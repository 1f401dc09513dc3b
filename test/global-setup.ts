import type { TestProject } from "vitest/node";
import { startUpstream } from "./upstream/server.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    upstreamPort: number;
  }
}

/** Starts one local DeepInfra upstream (fixtures mode) per project; tests reach it via inject("upstreamPort"). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const upstream = await startUpstream({ mode: "fixtures" });
  project.provide("upstreamPort", upstream.port);
  return () => upstream.close();
}
