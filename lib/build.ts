// Decides whether the production build is missing or stale: a hash of every input of `next build` is written
// next to the build, and compared with the sources at start.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const BUILD_INPUTS = ["app", "components", "lib", "public", "next.config.ts", "package.json", "postcss.config.mjs", "tsconfig.json"];
const SKIP = new Set(["node_modules", ".next", ".data", "generated"]);

function listFiles(entry: string): string[] {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry)
    .filter((name) => !SKIP.has(name))
    .sort()
    .flatMap((name) => listFiles(path.join(entry, name)));
}

export function sourceHash(root: string): string {
  const hash = createHash("sha256");
  for (const file of BUILD_INPUTS.flatMap((entry) => listFiles(path.join(root, entry)))) {
    hash.update(path.relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

export const BUILD_STAMP = "atlas-source-hash";

export function buildIsCurrent(root: string, distDir = ".next"): boolean {
  const stamp = path.join(root, distDir, BUILD_STAMP);
  return existsSync(path.join(root, distDir, "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === sourceHash(root);
}
