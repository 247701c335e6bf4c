// Integration tests run against real PostgreSQL: DATABASE_URL's server when set, otherwise a throwaway embedded
// server started here. Tests create their own fresh databases through the admin URL provided below, so runs never
// see each other's data.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { removeEmbeddedData, startEmbeddedPostgres, withDatabaseName } from "../../lib/db/server";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    databaseServer: "embedded" | "external";
  }
}

export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide("adminDatabaseUrl", process.env.DATABASE_URL);
    project.provide("databaseServer", "external");
    return;
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "atlas-test-pg-"));
  const port = 55000 + Math.floor(Math.random() * 5000);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "data"), port });
  project.provide("adminDatabaseUrl", withDatabaseName(server.url("postgres"), "postgres"));
  project.provide("databaseServer", "embedded");
  return async () => {
    await server.stop();
    removeEmbeddedData(path.join(dataDir, "data")); // also its stand-in, when postgres could not reach the temp folder
    rmSync(dataDir, { recursive: true, force: true });
  };
}
