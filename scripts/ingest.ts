// `npm run ingest` runs `atlas ingest` from the built command line (bin/atlas); this file runs the same command from
// source with tsx (tests, and anyone editing scripts/cli/).
import { main } from "./cli/main";

process.exitCode = await main(["ingest", ...process.argv.slice(2)]);
