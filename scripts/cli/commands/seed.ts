// atlas seed: migrate, then store the reports shipped in prisma/reports/ that are not stored yet (npm start does both).
import { createDatabaseClient } from "../../../lib/db/client";
import { applyMigrations } from "../../../lib/db/migrate";
import { seedReports } from "../../../lib/db/seed";
import { withDatabase } from "../../../lib/db/server";
import { EXIT, parseArgs, UsageError, type Command } from "../command";

const command: Command = {
  help: `usage: atlas seed

Applies pending migrations, then ingests every report in prisma/reports/ whose SHA-256 is not stored yet; prints
one line per report: created | unchanged, its report id, region and number of facts.
exit codes: 0 done; 1 failure (database unavailable, a report failed); 2 bad input (an argument was given)`,

  async run(args) {
    if (parseArgs(args).positionals.length) throw new UsageError("atlas seed takes no arguments");
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
    });
    return EXIT.ok;
  },
};

export default command;
