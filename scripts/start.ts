// `npm start`: with DATABASE_URL unset, start the embedded PostgreSQL (.data/postgres), migrate, seed the shipped
// reports, build when the build is missing or stale, and serve on PORT (default 3000). Ctrl-C stops everything.
// With DATABASE_URL set, the same steps run against that server and nothing else is started.
// Next.js runs inside this process, so a `kill -9` of it leaves no web server holding the port; only PostgreSQL
// survives such a kill, and the next start stops that orphan (lib/db/server.ts).
import { createServer, type Server } from "node:http";
import path from "node:path";
import next from "next";
import { buildApp, buildIsCurrent } from "../lib/build";
import { applyMigrations } from "../lib/db/migrate";
import { createDatabaseClient } from "../lib/db/client";
import { seedReports } from "../lib/db/seed";
import { EMBEDDED_DATABASE, ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from "../lib/db/server";
import { projectRoot } from "../lib/db/paths";
import { dataVersion } from "../lib/queries/cache";
import { createPageCache } from "../lib/server/page-cache";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
process.env.NEXT_TELEMETRY_DISABLED = "1";

let embedded: EmbeddedServer | undefined;
let web: Server | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  web?.close();
  web?.closeAllConnections();
  if (embedded) {
    await embedded.stop().catch((error) => console.error(`could not stop PostgreSQL: ${error}`));
    console.log("PostgreSQL stopped.");
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

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

  const app = next({ dev, dir: projectRoot, port, hostname: "localhost" });
  const handle = app.getRequestHandler();
  await app.prepare();
  const pageCache = createPageCache(dataVersion);
  web = createServer((request, response) => void pageCache(request, response, () => handle(request, response)));
  await new Promise<void>((resolve, reject) => {
    web!.once("error", reject);
    web!.listen(port, () => resolve());
  });
  console.log(`Mobilization Atlas is running at http://localhost:${port}`);
}

main().catch(async (error) => {
  console.error(`start: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
