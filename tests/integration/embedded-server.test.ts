// The embedded server's life cycle, on a throwaway data folder and port of its own.
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { isAlive, startEmbeddedPostgres } from "../../lib/db/server";

const root = mkdtempSync(path.join(os.tmpdir(), "atlas-embedded-"));
chmodSync(root, 0o755);
const dataDir = path.join(root, "postgres");
const port = 50000 + Math.floor(Math.random() * 4000);

async function canQuery(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("embedded PostgreSQL", () => {
  it("starts, stops cleanly, and reuses its data on the next start", async () => {
    const first = await startEmbeddedPostgres({ dataDir, port });
    const client = new pg.Client({ connectionString: first.url("postgres") });
    await client.connect();
    await client.query("CREATE TABLE kept (value text)");
    await client.query("INSERT INTO kept VALUES ('still here')");
    await client.end();
    await first.stop();
    expect(existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false);

    const second = await startEmbeddedPostgres({ dataDir, port });
    const again = new pg.Client({ connectionString: second.url("postgres") });
    await again.connect();
    expect((await again.query("SELECT value FROM kept")).rows).toEqual([{ value: "still here" }]);
    await again.end();
    await second.stop();
  });

  it("recovers after the process that started it is killed with SIGKILL", async () => {
    // A child process starts the server and is killed -9 once it is up, orphaning the postgres process.
    const script = `import { startEmbeddedPostgres } from ${JSON.stringify(path.resolve("lib/db/server.ts"))};
      await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port} });
      console.log("READY"); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("READY") && resolve());
      child.on("exit", (code) => reject(new Error(`child exited early with ${code}`)));
    });
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    const orphanPid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    expect(isAlive(orphanPid)).toBe(true); // the orphan is still running
    expect(await canQuery(`postgresql://postgres:atlas@127.0.0.1:${port}/postgres`)).toBe(true);

    const server = await startEmbeddedPostgres({ dataDir, port });
    expect(await canQuery(server.url("postgres"))).toBe(true);
    expect(isAlive(orphanPid)).toBe(false); // the orphan was stopped, a new server took over
    await server.stop();
  });

  it("refuses a data folder that a live process is using", async () => {
    const server = await startEmbeddedPostgres({ dataDir, port });
    try {
      const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e",
        `import { startEmbeddedPostgres } from ${JSON.stringify(path.resolve("lib/db/server.ts"))};
         try { await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port + 1} }); console.log("STARTED"); }
         catch (error) { console.log("REFUSED " + error.message); }`], { stdio: ["ignore", "pipe", "inherit"] });
      let output = "";
      child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      await new Promise((resolve) => child.once("exit", resolve));
      expect(output).toMatch(/REFUSED .*in use by process/);
      expect(await canQuery(server.url("postgres"))).toBe(true);
    } finally {
      await server.stop();
    }
  });
});
