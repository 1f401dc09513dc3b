import { defineConfig } from "vitest/config";
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";

// Two projects: the SDK's suite runs inside workerd (the pool), and a Node project drives
// real processes (Miniflare on the built bundle, wrangler dev, Chromium, other runtimes).
export default defineConfig({
  test: {
    projects: [
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
          exclude: ["test/node/**"],
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
