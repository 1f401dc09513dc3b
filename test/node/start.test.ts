// scripts/start.mjs (`npm start`): a busy or malformed port is refused before wrangler starts, never "ready" (F4).
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

function start(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, "scripts/start.mjs"), ...args], { cwd: ROOT, env: { ...process.env, ...env, DEEPINFRA_API_KEY: "" } });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => child.kill("SIGTERM"), 20_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

async function busyPort(): Promise<{ port: number; close: () => Promise<void> }> {
  // A server that would even answer /healthz like the example Worker: start.mjs must not take it for its own.
  const server = net.createServer((socket) => socket.end('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 36\r\n\r\n{"ok":true,"upstream":"deepinfra"}  '));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as net.AddressInfo).port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe("npm start's port", () => {
  it.each([
    ["PORT", (port: number) => [[], { PORT: String(port) }] as const],
    ["--port", (port: number) => [["--port", String(port)], {}] as const],
  ])("a busy port given by %s is an error naming both ways to choose, before anything starts", async (_, how) => {
    const busy = await busyPort();
    try {
      const [args, env] = how(busy.port);
      const { code, output } = await start([...args], env);
      expect(code).toBe(1);
      expect(output).toContain(`npm start: port ${busy.port} is already in use on 127.0.0.1. Pick another (npm start -- --port N, or PORT=N)`);
      expect(output).not.toContain("Example Worker ready");
      expect(output).not.toContain("offline demo upstream on");
    } finally {
      await busy.close();
    }
  }, 30_000);

  it("a port that is not a number is refused", async () => {
    const { code, output } = await start(["--port", "eighty"]);
    expect(code).toBe(1);
    expect(output).toContain('npm start: the port must be a number (was "eighty").');
  }, 30_000);
});
