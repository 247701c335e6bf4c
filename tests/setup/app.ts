// The end-to-end tests run against the app exactly as `npm start` serves it on a fresh machine: built without a
// database, then started with DATABASE_URL unset, so that it boots its own embedded PostgreSQL (in a throwaway
// data folder), migrates and seeds it.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildApp, buildIsCurrent } from "../../lib/build";
import { freePort, startApp } from "../../lib/bench/app-process";
import { removeEmbeddedData } from "../../lib/db/server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    appDataDir: string;
    appDatabaseUrl: string;
    artifactsDir: string;
  }
}

export default async function setup(project: TestProject) {
  const root = process.cwd();
  if (!buildIsCurrent(root, process.env.NEXT_DIST_DIR)) {
    // No DATABASE_URL and nothing listening: proves `next build` needs no database.
    const env = { ...process.env };
    delete env.DATABASE_URL;
    buildApp(root, env);
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), "atlas-e2e-"));
  const dataDir = path.join(tmp, "postgres");
  const pgPort = freePort();
  const env: Record<string, string> = { PORT: String(freePort()), ATLAS_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort) };
  delete process.env.DATABASE_URL;
  const app = await startApp({ ...env, DATABASE_URL: "" });
  const artifactsDir = path.join(root, "test-results", "screenshots");
  mkdirSync(artifactsDir, { recursive: true });
  project.provide("baseUrl", app.baseUrl);
  project.provide("appDataDir", dataDir);
  project.provide("appDatabaseUrl", `postgresql://postgres:atlas@127.0.0.1:${pgPort}/atlas`);
  project.provide("artifactsDir", artifactsDir);
  return async () => {
    await app.stop("SIGINT");
    removeEmbeddedData(dataDir);
    rmSync(tmp, { recursive: true, force: true });
  };
}
