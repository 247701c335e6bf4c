// `npm start`: with DATABASE_URL unset, start the embedded PostgreSQL (.data/postgres), migrate, seed the shipped
// reports, build when the build is missing or stale, and serve on PORT (default 3000). Ctrl-C stops everything.
// With DATABASE_URL set, the same steps run against that server and nothing else is started.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { BUILD_STAMP, buildIsCurrent, sourceHash } from "../lib/build";
import { applyMigrations } from "../lib/db/migrate";
import { createDatabaseClient } from "../lib/db/client";
import { seedReports } from "../lib/db/seed";
import { EMBEDDED_DATABASE, ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from "../lib/db/server";
import { projectRoot } from "../lib/db/paths";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const nextBin = path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

let embedded: EmbeddedServer | undefined;
let web: ChildProcess | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  web?.kill("SIGTERM");
  if (embedded) {
    await embedded.stop().catch((error) => console.error(`could not stop PostgreSQL: ${error}`));
    console.log("PostgreSQL stopped.");
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

async function main() {
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres();
    await ensureDatabase(embedded.url("postgres"), EMBEDDED_DATABASE);
    databaseUrl = embedded.url(EMBEDDED_DATABASE);
    console.log(`Embedded PostgreSQL on port ${embedded.port} (data in ${path.relative(projectRoot, embedded.dataDir)})`);
  }
  env.DATABASE_URL = databaseUrl;

  const applied = await applyMigrations(databaseUrl);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);

  const database = createDatabaseClient(databaseUrl);
  try {
    for (const outcome of await seedReports(database)) {
      if (outcome.status !== "unchanged") console.log(`Seeded ${outcome.file}: ${outcome.facts} facts (${outcome.regionSlug})`);
    }
  } finally {
    await database.$disconnect();
  }

  if (!dev && !buildIsCurrent(projectRoot)) {
    console.log("Building the dashboard…");
    const hash = sourceHash(projectRoot);
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env, cwd: projectRoot });
    if (build.status !== 0) throw new Error("next build failed");
    writeFileSync(path.join(projectRoot, ".next", BUILD_STAMP), hash);
  }

  web = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-p", String(port)], { stdio: ["ignore", "pipe", "inherit"], env, cwd: projectRoot });
  web.stdout!.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    process.stdout.write(text);
    if (/Ready|started server/i.test(text)) console.log(`\nMobilization Atlas is running at http://localhost:${port}\n`);
  });
  web.on("exit", (code) => void shutdown(code ?? 0));
}

main().catch(async (error) => {
  console.error(`start: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
