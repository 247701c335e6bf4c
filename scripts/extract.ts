// npm run --silent extract -- <file> [--region 名称]
// Prints one JSON document (ExtractionResult) on stdout. Bad input exits 2, an internal error 1, each with one line
// on stderr and nothing on stdout.
import { extractReport, readReportFile, ReportInputError } from "../lib/pipeline";

const USAGE = "usage: npm run --silent extract -- <file> [--region 名称]";

function parseArgs(argv: string[]): { file: string; region?: string } {
  let file: string | undefined;
  let region: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--region") region = argv[++i];
    else if (arg.startsWith("--region=")) region = arg.slice("--region=".length);
    else if (arg.startsWith("--")) throw new ReportInputError(`unknown option ${arg}; ${USAGE}`);
    else if (file === undefined) file = arg;
    else throw new ReportInputError(`one file at a time; ${USAGE}`);
    if (region !== undefined && !region.trim()) throw new ReportInputError(`--region needs a region name; ${USAGE}`);
  }
  if (!file) throw new ReportInputError(USAGE);
  return { file, region };
}

function main(): number {
  try {
    const { file, region } = parseArgs(process.argv.slice(2));
    const result = extractReport(readReportFile(file), { region, fileName: file.split(/[\\/]/).pop() });
    process.stdout.write(JSON.stringify(result) + "\n");
    return 0;
  } catch (error) {
    const badInput = error instanceof ReportInputError;
    const message = (error instanceof Error ? error.message : String(error)).split("\n")[0];
    process.stderr.write(`extract: ${badInput ? "" : "internal error: "}${message}\n`);
    return badInput ? 2 : 1;
  }
}

process.exitCode = main();
