// Tracing with the real OpenTelemetry SDK, in Node (the same suite runs in workerd: test/features/telemetry.test.ts).
import { telemetrySuite } from "../features/telemetry-suite.js";

telemetrySuite("Node");
