// The embedded server's life cycle, on throwaway data folders and ports of their own. The folders come from
// mkdtemp (mode 700): as root, PostgreSQL's own user cannot enter them, which is the case lib/db/server.ts must
// handle by itself.
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { EmbeddedServerError, isAlive, relocatedDataDir, removeEmbeddedData, SHARED_DIR, startEmbeddedPostgres } from "../../lib/db/server";

const root = mkdtempSync(path.join(os.tmpdir(), "atlas-embedded-"));
const dataDir = path.join(root, "postgres");
const port = 50000 + Math.floor(Math.random() * 4000);
const asRoot = process.getuid?.() === 0;

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

/** Runs a module snippet in a child Node process (tsx), returning its exit code and output. */
function runChild(script: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...script.split(" ")], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

function occupy(busyPort: number): Promise<net.Server> {
  return new Promise((resolve) => {
    const blocker = net.createServer();
    blocker.listen(busyPort, "127.0.0.1", () => resolve(blocker));
  });
}

afterAll(() => {
  removeEmbeddedData(dataDir);
  rmSync(root, { recursive: true, force: true });
});

describe("embedded PostgreSQL", () => {
  it("starts, stops cleanly, and reuses its data on the next start", async () => {
    const first = await startEmbeddedPostgres({ dataDir, port });
    const client = new pg.Client({ connectionString: first.url("postgres") });
    await client.connect();
    await client.query("CREATE TABLE kept (value text)");
    await client.query("INSERT INTO kept VALUES ('still here')");
    expect((await client.query("SHOW server_encoding")).rows[0].server_encoding).toBe("UTF8");
    await client.end();
    await first.stop();
    expect(existsSync(path.join(first.dataDir, "postmaster.pid"))).toBe(false);

    const second = await startEmbeddedPostgres({ dataDir, port });
    expect(second.dataDir).toBe(first.dataDir);
    const again = new pg.Client({ connectionString: second.url("postgres") });
    await again.connect();
    expect((await again.query("SELECT value FROM kept")).rows).toEqual([{ value: "still here" }]);
    await again.end();
    await second.stop();
  });

  it.skipIf(!asRoot)("as root, runs from a checkout inside a mode-700 folder, binaries and data placed where postgres can reach them", async () => {
    // A checkout in a closed folder: its node_modules is a link to ours, reached only through the closed folder.
    const closed = mkdtempSync(path.join(os.tmpdir(), "atlas-closed-"));
    const checkout = path.join(closed, "checkout");
    mkdirSync(checkout);
    symlinkSync(path.resolve("node_modules"), path.join(checkout, "node_modules"));
    const requested = path.join(checkout, ".data", "postgres");
    const logs: string[] = [];
    const server = await startEmbeddedPostgres({ root: checkout, dataDir: requested, port: port + 2, log: (line) => logs.push(line) });
    try {
      expect(server.dataDir).toBe(relocatedDataDir(requested));
      expect(logs.join("\n")).toContain(`the data lives in ${server.dataDir}`);
      expect(await canQuery(server.url("postgres"))).toBe(true);
      const pid = Number(readFileSync(path.join(server.dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
      expect(readlinkSync(`/proc/${pid}/exe`).startsWith(SHARED_DIR)).toBe(true); // the copied binaries run
    } finally {
      await server.stop();
      removeEmbeddedData(requested);
      rmSync(closed, { recursive: true, force: true });
    }
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
    const directory = asRoot ? relocatedDataDir(dataDir) : dataDir;
    const orphanPid = Number(readFileSync(path.join(directory, "postmaster.pid"), "utf8").split("\n")[0]);
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
      expect(output).toMatch(/REFUSED .*in use by another npm start or atlas command \(process \d+\)/);
      expect(await canQuery(server.url("postgres"))).toBe(true);
    } finally {
      await server.stop();
    }
  });

  it("says in one line that its port is taken by another program", async () => {
    const busy = port + 3;
    const blocker = await occupy(busy);
    try {
      const error = await startEmbeddedPostgres({ dataDir: path.join(root, "busy"), port: busy }).catch((caught) => caught);
      expect(error).toBeInstanceOf(EmbeddedServerError);
      expect(error.message).toBe(`port ${busy} is already in use by another program; set EMBEDDED_PG_PORT to a free port, or stop that program`);
    } finally {
      blocker.close();
      removeEmbeddedData(path.join(root, "busy"));
    }
  });

  it("npm start reports a taken port as one line on stderr, exit 1, no stack trace", async () => {
    const busy = port + 4;
    const blocker = await occupy(busy);
    try {
      const result = await runChild("scripts/start.ts", { EMBEDDED_PG_PORT: String(busy), ATLAS_DATA_DIR: path.join(root, "start-busy"), DATABASE_URL: "", PORT: String(busy + 1) });
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split("\n")).toEqual([`start: port ${busy} is already in use by another program; set EMBEDDED_PG_PORT to a free port, or stop that program`]);
    } finally {
      blocker.close();
      removeEmbeddedData(path.join(root, "start-busy"));
    }
  });

  it("refuses a data folder made by another PostgreSQL major version, without touching it", async () => {
    const old = path.join(root, "pg15");
    mkdirSync(old);
    writeFileSync(path.join(old, "PG_VERSION"), "15\n");
    const error = await startEmbeddedPostgres({ dataDir: old, port: port + 5 }).catch((caught) => caught);
    expect(error).toBeInstanceOf(EmbeddedServerError);
    expect(error.message).toMatch(/holds data of PostgreSQL 15, but the embedded server is PostgreSQL \d+; move that folder aside/);
    expect(readFileSync(path.join(old, "PG_VERSION"), "utf8")).toBe("15\n");
  });

  it("checks for free disk space before initdb", async () => {
    const error = await startEmbeddedPostgres({ dataDir: path.join(root, "full"), port: port + 6, minFreeBytes: 2 ** 60 }).catch((caught) => caught);
    expect(error).toBeInstanceOf(EmbeddedServerError);
    expect(error.message).toMatch(/^the disk holding .*full\/?.* is full; free some space, or set ATLAS_DATA_DIR to a folder on another disk \(\d+ MB free/);
    expect(error.message).not.toContain("\n");
  });

  it("never empties a folder that is not a PostgreSQL data folder", async () => {
    const open = path.join(root, "open");
    mkdirSync(path.join(open, "notes"), { recursive: true });
    chmodSync(root, 0o755); // reachable, so that the folder itself is used and not a stand-in
    try {
      writeFileSync(path.join(open, "notes", "keep.txt"), "mine");
      const error = await startEmbeddedPostgres({ dataDir: path.join(open, "notes"), port: port + 7 }).catch((caught) => caught);
      expect(error).toBeInstanceOf(EmbeddedServerError);
      expect(error.message).toMatch(/is not empty and is not a PostgreSQL data folder/);
      expect(readFileSync(path.join(open, "notes", "keep.txt"), "utf8")).toBe("mine");
    } finally {
      chmodSync(root, 0o700);
    }
  });
});
