// `npm start`: with DATABASE_URL unset, start the embedded PostgreSQL (lib/db/server.ts), migrate, seed the shipped
// reports, build when the build is missing or stale, and serve on PORT (default 3000). With DATABASE_URL set, the
// same steps run against that server and nothing else is started.
//
// This process supervises: the web server runs in a child process (lib/server/main.ts). When that child dies (a
// crash, out of memory), PostgreSQL is stopped cleanly, the exit is reported, and `npm start` exits 1, for a
// process manager to restart it. Ctrl-C or SIGTERM stop the web server, then PostgreSQL, and exit 0. A `kill -9`
// of this process leaves no web server (it notices its parent is gone); only PostgreSQL survives such a kill, and
// the next start stops that orphan.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { buildApp, buildIsCurrent } from "../lib/build";
import { applyMigrations } from "../lib/db/migrate";
import { createDatabaseClient } from "../lib/db/client";
import { seedReports } from "../lib/db/seed";
import { reextractStale } from "../lib/db/reextract";
import { EMBEDDED_DATABASE, ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from "../lib/db/server";
import { projectRoot } from "../lib/db/paths";

const dev = process.argv.includes("--dev");
process.env.NEXT_TELEMETRY_DISABLED = "1";

let embedded: EmbeddedServer | undefined;
let web: ChildProcess | undefined;
let stopping = false;

async function shutdown(code: number): Promise<never> {
  stopping = true;
  if (web && web.exitCode === null && web.signalCode === null) {
    const exited = new Promise((resolve) => web!.once("exit", resolve));
    web.kill("SIGTERM");
    await exited;
  }
  if (embedded) {
    await embedded.stop().catch((error) => console.error(`could not stop PostgreSQL: ${error}`));
    console.log("PostgreSQL stopped.");
  }
  process.exit(code);
}
process.on("SIGINT", () => void (stopping || shutdown(0)));
process.on("SIGTERM", () => void (stopping || shutdown(0)));

function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) return `was killed by ${signal}${signal === "SIGKILL" ? " (out of memory, or killed)" : signal === "SIGABRT" ? " (out of memory?)" : ""}`;
  return `exited with code ${code}${code === 134 ? " (out of memory?)" : ""}`;
}

async function main() {
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({ log: (line) => line.startsWith("the ") && console.log(line) });
    await ensureDatabase(embedded.url("postgres"), EMBEDDED_DATABASE);
    process.env.DATABASE_URL = embedded.url(EMBEDDED_DATABASE);
    const where = embedded.dataDir.startsWith(projectRoot + path.sep) ? path.relative(projectRoot, embedded.dataDir) : embedded.dataDir;
    console.log(`Embedded PostgreSQL on port ${embedded.port} (data in ${where})`);
  }
  const databaseUrl = process.env.DATABASE_URL;

  const applied = await applyMigrations(databaseUrl);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);

  const database = createDatabaseClient(databaseUrl);
  try {
    for (const outcome of await reextractStale(database)) console.log(`Re-extracted report ${outcome.reportId}: ${outcome.facts} facts (${outcome.regionSlug})`);
    for (const outcome of await seedReports(database)) {
      if (outcome.status !== "unchanged") console.log(`Seeded ${outcome.file}: ${outcome.facts} facts (${outcome.regionSlug})`);
    }
  } finally {
    await database.$disconnect();
  }

  if (!dev && !buildIsCurrent(projectRoot, process.env.NEXT_DIST_DIR)) {
    console.log("Building the dashboard…");
    buildApp(projectRoot);
  }

  // The same Node, with the same flags (tsx), and an IPC channel whose closing tells the child we are gone.
  web = spawn(process.execPath, [...process.execArgv, path.join(projectRoot, "lib/server/main.ts"), ...(dev ? ["--dev"] : [])], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: process.env,
  });
  web.once("exit", (code, signal) => {
    if (stopping) return;
    // Ctrl-C reaches the whole process group: a child that stopped on SIGINT/SIGTERM, or with 0, was asked to.
    if (code === 0 || signal === "SIGINT" || signal === "SIGTERM") return void shutdown(0);
    console.error(`start: the web server (process ${web!.pid}) ${describeExit(code, signal)}; stopping PostgreSQL and exiting`);
    void shutdown(1);
  });
}

main().catch(async (error) => {
  console.error(`start: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  await shutdown(1);
});
