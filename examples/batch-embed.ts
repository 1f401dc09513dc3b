// Embeds a file of texts (one per line) through DeepInfra's Batch API: cheaper than real time and outside
// its rate limits, answered within 24 hours. Prints one JSON line per text to stdout, in file order:
// {"line","text","embedding"} or {"line","text","error"}; a progress line goes to stderr. Exit code 1 when a
// line failed. Ctrl-C cancels the batch on DeepInfra.
//   Deno: deno run --allow-net --allow-env=DEEPINFRA_API_KEY,DEEPINFRA_BASE_URL,EMBEDDING_MODEL,BATCH_POLL_MS \
//           --allow-read=texts.txt batch-embed.ts texts.txt > vectors.jsonl
//   Bun:  bun batch-embed.ts texts.txt > vectors.jsonl
// Environment: DEEPINFRA_API_KEY; optional EMBEDDING_MODEL (default BAAI/bge-base-en-v1.5), BATCH_POLL_MS
// (first wait between polls, default 5000), DEEPINFRA_BASE_URL (tests, stand-ins).
// Outside a package.json project, Deno needs "deepinfra-edge": "npm:deepinfra-edge" in deno.json "imports".
import { DeepInfra, type BatchProgress } from "deepinfra-edge";

type DenoLike = {
  args: string[];
  env: { get(name: string): string | undefined };
  readTextFile(path: string): Promise<string>;
  stderr: { writeSync(bytes: Uint8Array): number };
  addSignalListener(signal: "SIGINT", handler: () => void): void;
  exit(code: number): never;
};
type BunLike = { file(path: string): { text(): Promise<string> } };
type ProcessLike = {
  argv: string[];
  env: Record<string, string | undefined>;
  stderr: { write(text: string): void };
  on(signal: "SIGINT", handler: () => void): void;
  exit(code: number): never;
};

// One script for both runtimes: the few host calls it needs, picked once.
const { Deno, Bun, process } = globalThis as unknown as { Deno?: DenoLike; Bun?: BunLike; process?: ProcessLike };
const host = Deno
  ? { args: Deno.args, env: (name: string) => Deno.env.get(name), read: (path: string) => Deno.readTextFile(path), err: (text: string) => void Deno.stderr.writeSync(new TextEncoder().encode(text)), onInterrupt: (stop: () => void) => Deno.addSignalListener("SIGINT", stop), exit: Deno.exit }
  : { args: process!.argv.slice(2), env: (name: string) => process!.env[name], read: (path: string) => Bun!.file(path).text(), err: (text: string) => process!.stderr.write(text), onInterrupt: (stop: () => void) => process!.on("SIGINT", stop), exit: process!.exit };

const [path = ""] = host.args;
if (!path) {
  host.err("usage: batch-embed.ts <file of texts, one per line>\n");
  host.exit(2);
}
const lines = (await host.read(path))
  .split(/\r?\n/)
  .map((text, index) => ({ line: index + 1, text }))
  .filter(({ text }) => text.trim() !== "");

const client = new DeepInfra({ baseURL: host.env("DEEPINFRA_BASE_URL") || undefined });
const model = host.env("EMBEDDING_MODEL") || "BAAI/bge-base-en-v1.5";
const controller = new AbortController();
host.onInterrupt(() => controller.abort());

const progress = ({ batch, status, completed, failed, total, elapsedMs }: BatchProgress) =>
  host.err(`\r${batch.id}: ${status} ${completed}/${total || lines.length} done, ${failed} failed (${Math.round(elapsedMs / 1000)} s)   `);

const { results, succeeded, failed, usage } = await client.batches.run(
  { endpoint: "/v1/embeddings", requests: lines.map(({ text }) => ({ model, input: text })) },
  { onProgress: progress, pollInterval: Number(host.env("BATCH_POLL_MS") || 5_000), signal: controller.signal },
);
host.err("\n");
for (const result of results) {
  const { line, text } = lines[result.index]!;
  console.log(JSON.stringify(result.ok ? { line, text, embedding: result.response.data[0]?.embedding } : { line, text, error: result.error.message }));
}
host.err(`${succeeded} embedded, ${failed} failed, ${usage.total_tokens} tokens${usage.estimated_cost === undefined ? "" : `, $${usage.estimated_cost}`}\n`);
if (failed > 0) host.exit(1);
