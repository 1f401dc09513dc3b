// A connection error in Node says why (F14): the socket's code from fetch's hidden `cause`, never the key.
import net from "node:net";
import { describe, expect, it } from "vitest";
import { APIConnectionError, DeepInfra } from "../../src/index.js";

const KEY = "test-key-connection-cause-5b8e1f";

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("APIConnectionError in Node", () => {
  it("a refused connection says ECONNREFUSED and the address, without the key", async () => {
    const port = await closedPort();
    const client = new DeepInfra({ apiKey: KEY, baseURL: `http://127.0.0.1:${port}`, maxRetries: 0 });
    const error = await client.chat.completions.create({ model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages: [{ role: "user", content: "hi" }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toMatch(new RegExp(`\\(connect ECONNREFUSED 127\\.0\\.0\\.1:${port}\\)`));
    expect((error as Error).message).not.toContain(KEY);
  });
});
