// Tracing with the real OpenTelemetry SDK, inside workerd (the same suite runs in Node: test/node/telemetry.test.ts).
import { telemetrySuite } from "./telemetry-suite.js";

telemetrySuite("workerd");
