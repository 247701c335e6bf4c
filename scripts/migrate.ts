// `npm run migrate` runs `atlas migrate` from the built command line (bin/atlas); this file runs the same command from
// source with tsx (tests, and anyone editing scripts/cli/).
import { main } from "./cli/main";

process.exitCode = await main(["migrate", ...process.argv.slice(2)]);
