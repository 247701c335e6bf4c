// Decides whether the production build is missing or stale: a hash of every input of `next build` is written
// next to the build, and compared with the sources at start.
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
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

/** Runs `next build` and stamps the result with the source hash; no database is needed or contacted. */
export function buildApp(root: string, env: Record<string, string | undefined> = process.env): void {
  const hash = sourceHash(root);
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } as unknown as NodeJS.ProcessEnv, cwd: root });
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`);
  writeFileSync(path.join(root, env.NEXT_DIST_DIR ?? ".next", BUILD_STAMP), hash);
}
