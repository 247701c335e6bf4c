// atlas ingest <files…> [--region 名称] [--replace]: extract each report and store it, one transaction per report.
import path from "node:path";
import { createDatabaseClient } from "../../../lib/db/client";
import { ingestReport } from "../../../lib/db/ingest";
import { withDatabase } from "../../../lib/db/server";
import { readReportFile } from "../../../lib/pipeline";
import { describeFailure, EXIT, parseArgs, UsageError, type Command } from "../command";

const command: Command = {
  help: `usage: atlas ingest <files…> [--region 名称] [--replace]

Extracts each report and stores it with its sentences, repairs and facts, one transaction per report; prints one
line per file: created | unchanged | replaced, its report id, region and number of facts, or "failed NAME: reason"
on stderr. A report whose SHA-256 is already stored is unchanged; one file's failure does not stop the others.

options:
  --region 名称   the reports' region, when their text does not name it
  --replace       re-extract reports that are already stored, with the current extractor

exit codes: 0 every file stored or unchanged; 1 a failure (the database unavailable, an internal error); 2 some
file was bad input (missing, empty, binary, too large, not Chinese), or an option was`,

  async run(args) {
    const { positionals: files, values, flags } = parseArgs(args, { values: ["region"], flags: ["replace"] });
    if (files.length === 0) throw new UsageError("give one or more report files");
    let exitCode: number = EXIT.ok;
    await withDatabase(async (url) => {
      const database = createDatabaseClient(url);
      try {
        for (const file of files) {
          const name = path.basename(file);
          try {
            const outcome = await ingestReport(database, readReportFile(file), { region: values.region, fileName: name, replace: flags.has("replace") });
            console.log(`${outcome.status} ${name}: report ${outcome.reportId}, region ${outcome.regionSlug}, ${outcome.facts} facts`);
          } catch (error) {
            const badInput = error instanceof Error && error.name === "ReportInputError";
            exitCode = badInput ? EXIT.badInput : exitCode === EXIT.badInput ? exitCode : EXIT.failure;
            console.error(`failed ${name}: ${describe(error, badInput)}`);
          }
        }
      } finally {
        await database.$disconnect();
      }
    });
    return exitCode;
  },
};

function describe(error: unknown, badInput: boolean): string {
  const message = (error instanceof Error ? error.message : String(error)).split("\n")[0];
  if (badInput) return message;
  const failure = describeFailure(error, message);
  return failure.startsWith("database unavailable") ? `${failure}; nothing was stored` : failure;
}

export default command;
