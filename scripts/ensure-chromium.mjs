#!/usr/bin/env node
// Makes sure Debian's Chromium is at /usr/bin/chromium for the browser test (test/node/browser.test.ts).
// Installs it with apt when running as root (CI, containers); otherwise fails with the command to
// run. It never lets the browser test be skipped.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

const CHROMIUM = "/usr/bin/chromium";

function hasAptGet() {
  return spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;
}

if (existsSync(CHROMIUM)) {
  console.log(`chromium: found ${CHROMIUM}`);
  process.exit(0);
}
if (process.getuid?.() === 0 && hasAptGet()) {
  console.log("chromium: not found; installing Debian's chromium with apt-get (about 35 s)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update"], ["install", "-y", "chromium"]]) {
    const result = spawnSync("apt-get", args, { stdio: "inherit", env });
    if (result.status !== 0) break;
  }
}
if (existsSync(CHROMIUM)) {
  console.log(`chromium: installed ${CHROMIUM}`);
  process.exit(0);
}
console.error(
  `chromium: ${CHROMIUM} is missing and could not be installed here. The browser test needs Debian's chromium:\n` +
    `  sudo apt-get update && sudo apt-get install -y chromium\n` +
    `then run npm test again.`,
);
process.exit(1);
