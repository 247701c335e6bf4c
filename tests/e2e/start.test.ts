// `npm start` as a process: seeding, reuse of its data, recovery after kill -9, Ctrl-C, and the DATABASE_URL path.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { seedReportFiles } from "../../lib/db/seed";
import { dropDatabase, ensureDatabase, isAlive, locateEmbeddedData, removeEmbeddedData, withDatabaseName } from "../../lib/db/server";
import { freePort, startApp } from "../../lib/bench/app-process";

const tmp = mkdtempSync(path.join(os.tmpdir(), "atlas-start-"));
afterAll(() => {
  removeEmbeddedData(path.join(tmp, "postgres"));
  rmSync(tmp, { recursive: true, force: true });
});

/** The processes `pid` started (Linux). */
function childrenOf(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
}

/** Whether nothing answers at `url` within a few seconds. */
async function gone(url: string): Promise<boolean> {
  for (let attempt = 0; attempt < 40; attempt++) {
    if (!(await fetch(url, { signal: AbortSignal.timeout(1_000) }).then(() => true, () => false))) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

async function count(url: string, sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query(sql)).rows[0].count);
  } finally {
    await client.end();
  }
}

describe("npm start", () => {
  it("serves the seeded reports, reuses its data, and recovers after kill -9", async () => {
    const dataDir = path.join(tmp, "postgres");
    const pgPort = freePort();
    const env = { ATLAS_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), DATABASE_URL: "" };
    const databaseUrl = `postgresql://postgres:atlas@127.0.0.1:${pgPort}/atlas`;

    const first = await startApp({ ...env, PORT: String(freePort()) });
    expect(first.output()).toContain("Embedded PostgreSQL");
    expect((await fetch(first.baseUrl)).status).toBe(200);
    expect(await count(databaseUrl, 'SELECT count(*) FROM "Report"')).toBe(seedReportFiles().length);
    first.child.kill("SIGKILL");
    await new Promise((resolve) => first.child.once("exit", resolve));
    // Its web server process notices its supervisor is gone and stops: nothing holds the port.
    expect(await gone(first.baseUrl)).toBe(true);

    // The orphaned PostgreSQL still holds the data folder; the next start must take over regardless.
    const second = await startApp({ ...env, PORT: String(freePort()) });
    expect(second.output()).not.toMatch(/Seeded /); // the data was reused, nothing ingested twice
    expect(await count(databaseUrl, 'SELECT count(*) FROM "Report"')).toBe(seedReportFiles().length);
    const page = await fetch(second.baseUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("镇安县");

    const pidFile = path.join(locateEmbeddedData(dataDir), "postmaster.pid");
    expect(existsSync(pidFile)).toBe(true);
    expect(await second.stop("SIGINT")).toBe(0);
    expect(existsSync(pidFile)).toBe(false); // Ctrl-C stopped PostgreSQL cleanly
  }, 300_000); // two starts, a first one with initdb and seeding: minutes on a busy two-core machine

  it("stops PostgreSQL and reports it when the web server process dies", async () => {
    const dataDir = path.join(tmp, "postgres");
    const app = await startApp({ ATLAS_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(freePort()), DATABASE_URL: "", PORT: String(freePort()) });
    const web = childrenOf(app.child.pid!).find((pid) => readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("lib/server/main.ts"))!;
    expect(web).toBeGreaterThan(0);
    const exited = new Promise<number | null>((resolve) => app.child.once("exit", resolve));
    process.kill(web, "SIGKILL"); // as the kernel's out-of-memory killer would
    expect(await exited).toBe(1);
    expect(app.output()).toMatch(new RegExp(`start: the web server \\(process ${web}\\) was killed by SIGKILL .*; stopping PostgreSQL and exiting`));
    expect(app.output()).toContain("PostgreSQL stopped.");
    expect(existsSync(path.join(locateEmbeddedData(dataDir), "postmaster.pid"))).toBe(false);
  }, 180_000);

  it("uses DATABASE_URL when it is set and starts no PostgreSQL of its own", async () => {
    const admin = withDatabaseName(inject("appDatabaseUrl"), "postgres");
    const name = `atlas_start_${Date.now().toString(36)}`;
    await ensureDatabase(admin, name);
    const unusedDataDir = path.join(tmp, "never-created");
    try {
      const app = await startApp({ DATABASE_URL: withDatabaseName(admin, name), ATLAS_DATA_DIR: unusedDataDir, PORT: String(freePort()) });
      try {
        expect(app.output()).not.toContain("Embedded PostgreSQL");
        expect(existsSync(unusedDataDir)).toBe(false);
        const page = await fetch(app.baseUrl);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain("麻城市");
        expect(await count(withDatabaseName(admin, name), 'SELECT count(*) FROM "Report"')).toBe(seedReportFiles().length);
      } finally {
        expect(await app.stop("SIGTERM")).toBe(0);
        expect(isAlive(app.child.pid!)).toBe(false);
      }
    } finally {
      await dropDatabase(admin, name);
    }
  }, 180_000);
});
