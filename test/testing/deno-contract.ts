// Run by test/node/testing-fake.test.ts under Deno against the built dist/: the fake and the client together.
import { DeepInfra, RateLimitError } from "../../dist/index.js";
import { createFakeDeepInfra } from "../../dist/testing/index.js";

const fake = createFakeDeepInfra({ replies: [{ chunks: ["Hel", "lo"] }, { error: { status: 429, message: "slow down" } }, { text: "a b c", errorFrame: { message: "boom", after: 1 } }] });
const client = new DeepInfra({ apiKey: "deno-key", fetch: fake.fetch, maxRetries: 0 });
const messages = [{ role: "user" as const, content: "hi" }];
const model = "meta-llama/Meta-Llama-3.1-8B-Instruct";
const out: Record<string, unknown> = {};
const stream = await client.chat.completions.create({ model, messages, stream: true });
out.streamed = (await stream.finalCompletion()).choices[0]?.message.content;
out.rateLimited = await client.chat.completions.create({ model, messages }).then(() => false, (e: unknown) => e instanceof RateLimitError);
const broken = await client.chat.completions.create({ model, messages, stream: true });
out.frame = await broken.finalCompletion().then(() => "no error", (e: Error) => e.message);
out.requests = fake.requests.map((r) => r.path);
console.log(JSON.stringify(out));
