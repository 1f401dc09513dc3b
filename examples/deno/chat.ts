// Streams one reply to the terminal as it is generated, then prints the token count and cost.
//   DEEPINFRA_API_KEY=… deno run --allow-net --allow-env=DEEPINFRA_API_KEY,DEEPINFRA_BASE_URL chat.ts "Write a haiku"
import { DeepInfra } from "npm:deepinfra-edge";

// The key comes from DEEPINFRA_API_KEY; DEEPINFRA_BASE_URL (tests, stand-ins) defaults to DeepInfra.
const client = new DeepInfra({ baseURL: Deno.env.get("DEEPINFRA_BASE_URL") });
const stream = await client.chat.completions.create({
  model: "meta-llama/Meta-Llama-3.1-8B-Instruct",
  messages: [{ role: "user", content: Deno.args[0] ?? "Write a haiku about the edge." }],
  stream: true,
});
const encoder = new TextEncoder();
for await (const text of stream.textStream()) await Deno.stdout.write(encoder.encode(text));
const { usage } = await stream.finalCompletion();
console.log(`\n[${usage?.total_tokens} tokens, $${usage?.estimated_cost}]`);
