// `deepinfra-edge/testing`: a fake DeepInfra for your tests. Not imported by any other entry, so it costs nothing
// in an app bundle.
export { createFakeDeepInfra } from "./fake.js";
export type { FakeDeepInfra, FakeOptions, FakeReply, FakeRequest } from "./types.js";
