// The contract suite inside workerd (the vitest pool), against the built package in dist/.
import { describe, it } from "vitest";
import * as lib from "../../dist/index.js";
import { upstreamURL } from "../helpers.js";
import { contractCases } from "./suite.js";

type Lib = typeof import("../../src/index.js");

describe("contract (workerd)", () => {
  for (const c of contractCases(lib as unknown as Lib, upstreamURL())) it(c.name, c.run);
});
