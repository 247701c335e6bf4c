// atlas reextract: re-extract every stored report with the current extractor, keeping editors' corrections.
import { createDatabaseClient } from "../../../lib/db/client";
import { reextractAll } from "../../../lib/db/maintenance";
import { applyMigrations } from "../../../lib/db/migrate";
import { withDatabase } from "../../../lib/db/server";
import { EXIT, parseArgs, UsageError, type Command } from "../command";

const command: Command = {
  help: `usage: atlas reextract

Re-extracts every stored report from its stored raw text with the current extractor, one transaction per report:
sentences, repairs and facts are replaced, editors' corrections are applied again (a correction whose figure no
longer matches the text is flagged for review, never dropped) and headlines recomputed. Prints one line per report.
exit codes: 0 done; 1 failure (database unavailable); 2 bad input (an argument was given)`,

  async run(args) {
    if (parseArgs(args).positionals.length) throw new UsageError("atlas reextract takes no arguments");
    await withDatabase(async (url) => {
      await applyMigrations(url);
      const database = createDatabaseClient(url);
      try {
        const outcomes = await reextractAll(database);
        for (const outcome of outcomes) console.log(`re-extracted report ${outcome.reportId}, region ${outcome.regionSlug}, ${outcome.facts} facts`);
        const review = await database.correction.count({ where: { needsReview: true, revertedAt: null } });
        console.log(`${outcomes.length} reports re-extracted${review ? `; ${review} corrections need review (see /history)` : ""}`);
      } finally {
        await database.$disconnect();
      }
    });
    return EXIT.ok;
  },
};

export default command;
