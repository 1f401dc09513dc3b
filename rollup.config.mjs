import { nodeResolve } from "@rollup/plugin-node-resolve";
import esbuild from "rollup-plugin-esbuild";

// The library build: one ESM file per public entry; runtime dependencies stay external so the
// user's bundler dedupes them (and keeps arktype's dynamic import lazy).
const external = [/^ofetch/, /^arktype/, /^@ark\//, /^@standard-schema\//];

export default {
  input: { index: "src/index.ts", chat: "src/chat.ts", "llm-interface": "src/compat/llm-interface.ts", durable: "src/durable/index.ts", "testing/index": "src/testing/index.ts" },
  output: { dir: "dist", format: "esm", entryFileNames: "[name].js", chunkFileNames: "chunks/[name]-[hash].js", sourcemap: false },
  external,
  plugins: [nodeResolve({ exportConditions: ["workerd", "worker", "browser", "import"] }), esbuild({ target: "es2022", minify: false })],
};
