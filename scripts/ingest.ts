// `npm run ingest -- <files…> [--region 名称] [--replace]`: extracts each report and stores it in one transaction.
// A report whose SHA-256 is already stored is reported as unchanged; --replace re-extracts it with the current
// extractor. Exit code: 0 when every file was stored or unchanged, 2 when any file was bad input, 1 otherwise.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { createDatabaseClient } from "../lib/db/client";
import { ingestReport } from "../lib/db/ingest";
import { withDatabase } from "../lib/db/server";
import { readReportFile, ReportInputError } from "../lib/pipeline";

function parseArgs(argv: string[]) {
  const files: string[] = [];
  let region: string | undefined;
  let replace = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === "--region") region = argv[++index];
    else if (arg.startsWith("--region=")) region = arg.slice("--region=".length);
    else if (arg === "--replace") replace = true;
    else if (arg.startsWith("--")) throw new ReportInputError(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length === 0) throw new ReportInputError("usage: npm run ingest -- <files…> [--region 名称] [--replace]");
  if (region !== undefined && !region.trim()) throw new ReportInputError("--region needs a region name");
  return { files, region, replace };
}

async function main(): Promise<number> {
  const { files, region, replace } = parseArgs(process.argv.slice(2));
  let exitCode = 0;
  await withDatabase(async (url) => {
    const database = createDatabaseClient(url);
    try {
      for (const file of files) {
        const name = path.basename(file);
        try {
          const bytes = readReportFile(file);
          const outcome = await ingestReport(database, bytes, { region, fileName: name, replace });
          console.log(`${outcome.status} ${name}: report ${outcome.reportId}, region ${outcome.regionSlug}, ${outcome.facts} facts`);
        } catch (error) {
          const badInput = error instanceof ReportInputError;
          if (badInput) exitCode = 2;
          else if (exitCode !== 2) exitCode = 1;
          console.error(`failed ${name}: ${describe(error)}`);
        }
      }
    } finally {
      await database.$disconnect();
    }
  });
  return exitCode;
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/ECONNREFUSED|ENOTFOUND|Can't reach database|connect|terminat/i.test(message) && !(error instanceof ReportInputError)) {
    return `database unavailable (${message.split("\n")[0]}); nothing was stored`;
  }
  return message.split("\n")[0];
}

main()
  .then((code) => process.exit(code))
  .catch((error) => {
    console.error(`ingest: ${describe(error)}`);
    process.exit(error instanceof ReportInputError ? 2 : 1);
  });
