import { defineConfig } from "vitest/config";
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";

// Pure modules: no upstream, no workerd API. They run in Node (milliseconds a file) instead of an isolate
// (about a second a file), in the `unit` lane.
const UNIT = [
  "test/binary.test.ts",
  "test/usage.test.ts",
  "test/map-bounded.test.ts",
  "test/redact.test.ts",
  "test/errors/guards.test.ts",
  "test/streaming/sse.test.ts",
  "test/compat/json-repair.test.ts",
  "test/schema/*.test.ts",
];

// Three projects (lanes): `unit` runs the pure modules in Node, `workerd` runs the SDK's suite inside workerd
// against the loopback upstream, and `node` (end to end) drives real processes (Miniflare on the built bundle,
// wrangler dev, Chromium, other runtimes, packaging). `npm test` runs all three.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          environment: "node",
          include: UNIT,
        },
      },
      {
        plugins: [
          cloudflareTest(({ inject }) => ({
            miniflare: {
              compatibilityDate: "2026-04-01",
              bindings: { UPSTREAM_URL: `http://127.0.0.1:${inject("upstreamPort")}` },
              // A real (local) Workers KV namespace for the embeddings cache tests.
              kvNamespaces: ["EMBEDDINGS_KV"],
            },
          })),
        ],
        test: {
          name: "workerd",
          include: ["test/**/*.test.ts"],
          exclude: ["test/node/**", ...UNIT],
          globalSetup: ["./test/global-setup.ts"],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: "node",
          environment: "node",
          include: ["test/node/**/*.test.ts"],
          globalSetup: ["./test/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
