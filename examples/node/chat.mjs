// Streams one reply to the terminal as it is generated, then prints the token count and cost.
//   DEEPINFRA_API_KEY=… node chat.mjs "Write a haiku"        (Node 20+, ESM)
import { DeepInfra } from "deepinfra-edge";

// The key comes from DEEPINFRA_API_KEY; DEEPINFRA_BASE_URL (tests, stand-ins) defaults to DeepInfra.
const client = new DeepInfra({ baseURL: process.env.DEEPINFRA_BASE_URL });
const stream = await client.chat.completions.create({
  model: "meta-llama/Meta-Llama-3.1-8B-Instruct",
  messages: [{ role: "user", content: process.argv[2] ?? "Write a haiku about the edge." }],
  stream: true,
});
for await (const text of stream.textStream()) process.stdout.write(text);
const { usage } = await stream.finalCompletion();
console.log(`\n[${usage?.total_tokens} tokens, $${usage?.estimated_cost}]`);
