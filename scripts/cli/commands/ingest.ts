// atlas ingest <files…> [--region 名称] [--title …] [--date …] [--url …] [--replace]: extract each report and store it, each report all or nothing.
// Each file is extracted in a worker thread with a memory limit and a time limit (scripts/cli/extraction-pool.ts):
// a file that crashes the worker, exhausts its memory or runs too long is reported as failed, the worker is replaced,
// and the batch goes on. The main thread stores the extracted reports in batches (lib/db/ingest.ts ingestMany), each
// report still all or nothing.
import path from "node:path";
import { createDatabaseClient } from "../../../lib/db/client";
import { ingestMany, type IngestResult } from "../../../lib/db/ingest";
import { withDatabase } from "../../../lib/db/server";
import { readReportFile, ReportInputError } from "../../../lib/pipeline";
import { describeFailure, EXIT, firstLine, metadataOptions, parseArgs, UsageError, type Command } from "../command";
import { ExtractionPool, WorkerFailure } from "../extraction-pool";

const command: Command = {
  help: `usage: atlas ingest <files…> [--region 名称] [--title 标题] [--date 2020-02-16] [--url https://…] [--replace]

Extracts each report and stores it with its sentences, repairs and facts, each report all or nothing; prints one
line per file, in order: created | unchanged | replaced, its report id, region and number of facts, or "failed
NAME: reason" on stderr. A report whose SHA-256 is already stored is unchanged. Reports are extracted in worker
threads (ATLAS_INGEST_WORKERS, default: the cores but one) and stored in batches: one file's failure, even a crash
or running out of memory (ATLAS_INGEST_MEMORY_MB, default 1024) or time (ATLAS_INGEST_TIMEOUT_S, default 300),
never loses the others.

options:
  --region 名称   the reports' region, when their text does not name it
  --title 标题    the headline, when the text has none or the detected one is wrong
  --date DATE     the publication date: 2020-02-16 (day), 2020-02 (month) or 2020 (year); it sets the period
  --url URL       where the report was published (http or https); the report page links to it
  --replace       re-extract reports that are already stored, with the current extractor
A report already stored is unchanged whatever the options say; --replace stores it again with them.

exit codes: 0 every file stored or unchanged; 1 a failure (the database unavailable, a crash, an internal
error); 2 some file was bad input (missing, empty, binary, too large, not Chinese), or an option was`,

  async run(args) {
    const { positionals: files, values, flags } = parseArgs(args, { values: ["region", "title", "date", "url"], flags: ["replace"] });
    if (files.length === 0) throw new UsageError("give one or more report files");
    const metadata = metadataOptions(values);
    let exitCode: number = EXIT.ok;
    await withDatabase(async (url) => {
      const database = createDatabaseClient(url);
      const pool = new ExtractionPool();
      // Results are printed in the order the files were given, whichever batch finishes first.
      const done: (IngestResult | undefined)[] = new Array(files.length);
      let printed = 0;
      const print = () => {
        for (; printed < files.length && done[printed]; printed++) {
          const result = done[printed]!;
          const name = path.basename(files[printed]);
          if (result.ok) {
            const { outcome } = result;
            console.log(`${outcome.status} ${name}: report ${outcome.reportId}, region ${outcome.regionSlug}, ${outcome.facts} facts`);
            continue;
          }
          const badInput = result.error instanceof ReportInputError;
          exitCode = badInput ? EXIT.badInput : exitCode === EXIT.badInput ? exitCode : EXIT.failure;
          console.error(`failed ${name}: ${badInput ? firstLine((result.error as Error).message) : describe(result.error)}`);
        }
      };
      try {
        const inputs = files.map((file) => () => ({
          bytes: readReportFile(file),
          options: { region: values.region, fileName: path.basename(file), replace: flags.has("replace"), ...metadata },
        }));
        await ingestMany(database, inputs, { extract: pool.extract, onResult: (result, index) => ((done[index] = result), print()) });
      } finally {
        await pool.close();
        await database.$disconnect();
      }
    });
    return exitCode;
  },
};

function describe(error: unknown): string {
  if (error instanceof WorkerFailure) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  const failure = describeFailure(error, firstLine(message));
  return failure.startsWith("database unavailable") ? `${failure}; nothing was stored` : failure;
}

export default command;
