// `npm run seed`: ingests the reports shipped in prisma/reports/ that are not stored yet (npm start does this too).
import { createDatabaseClient } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { seedReports } from "../lib/db/seed";
import { withDatabase } from "../lib/db/server";

await withDatabase(async (url) => {
  await applyMigrations(url);
  const database = createDatabaseClient(url);
  try {
    for (const outcome of await seedReports(database)) {
      console.log(`${outcome.status} ${outcome.file}: report ${outcome.reportId}, region ${outcome.regionSlug}, ${outcome.facts} facts`);
    }
  } finally {
    await database.$disconnect();
  }
}).catch((error) => {
  console.error(`seed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
