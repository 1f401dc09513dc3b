// deepinfra-edge/testing inside workerd.
import { APIError, AuthenticationError, DeepInfra, NotFoundError, RateLimitError } from "../../src/index.js";
import { createFakeDeepInfra } from "../../src/testing/index.js";
import { fakeContract } from "./contract.js";

fakeContract(DeepInfra, createFakeDeepInfra, { APIError, AuthenticationError, NotFoundError, RateLimitError });
