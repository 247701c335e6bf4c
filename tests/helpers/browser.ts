// Finds a Chromium for the end-to-end tests. Playwright's own browser download does not work offline, so the
// tests drive an installed Chromium through playwright-core.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";

function onPath(command: string): string | null {
  try {
    return execFileSync("which", [command], { stdio: ["ignore", "pipe", "ignore"] }).toString().trim() || null;
  } catch {
    return null;
  }
}

function playwrightCacheChromium(): string | null {
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH ?? path.join(os.homedir(), ".cache", "ms-playwright");
  if (!existsSync(cache)) return null;
  for (const folder of readdirSync(cache).filter((name) => name.startsWith("chromium")).sort().reverse()) {
    for (const binary of ["chrome-linux/chrome", "chrome-linux64/chrome", "chrome-headless-shell-linux64/chrome-headless-shell"]) {
      const candidate = path.join(cache, folder, binary);
      if (existsSync(candidate)) return candidate;
    }
  }
  return null;
}

export function findChromium(): string | null {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : null;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  return onPath("chromium") ?? onPath("chromium-browser") ?? onPath("google-chrome") ?? onPath("google-chrome-stable") ?? playwrightCacheChromium();
}

export const INSTALL_HINT =
  "No Chromium found for the end-to-end tests. Install one with `sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk` " +
  "(Debian/Ubuntu), or set CHROMIUM_PATH to a Chrome/Chromium binary.";

export const CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
  "--no-first-run", "--disable-component-update", "--disable-sync"];
