// `npm test`: unit and integration tests (real PostgreSQL: the embedded server, or DATABASE_URL's), then the
// end-to-end tests in headless Chromium against the app as `npm start` serves it. Without a browser the browser
// tests are skipped with instructions, unless E2E_REQUIRED=1, when that is a failure.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { findChromium, INSTALL_HINT } from "../tests/helpers/browser";

const root = process.cwd();
const resultsDir = path.join(root, "test-results");
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

interface Totals { passed: number; failed: number; skipped: number }
const totals: Totals = { passed: 0, failed: 0, skipped: 0 };

function vitest(label: string, projects: string[], env: Record<string, string> = {}): boolean {
  const output = path.join(resultsDir, `${label}.json`);
  const args = ["--import", "./scripts/node20-polyfills.mjs", "node_modules/vitest/vitest.mjs", "run",
    ...projects.flatMap((project) => ["--project", project]), "--reporter=default", "--reporter=json", `--outputFile.json=${output}`];
  const run = spawnSync(process.execPath, args, { stdio: "inherit", env: { ...process.env, ...env } });
  try {
    const report = JSON.parse(readFileSync(output, "utf8"));
    totals.passed += report.numPassedTests;
    // A file that fails to load, or a failing setup, fails the run without a failed test: count it once.
    totals.failed += report.numFailedTests || (run.status === 0 ? 0 : 1);
    totals.skipped += report.numPendingTests + report.numTodoTests;
  } catch {
    totals.failed += 1; // no report: the run itself failed
  }
  return run.status === 0;
}


const browser = findChromium();
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;
if (only) {
  const ok = vitest(only, [only], { CHROMIUM_PATH: browser ?? "" });
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(ok && totals.failed === 0 ? 0 : 1);
}

let ok = vitest("unit-integration", ["unit", "integration"]);

if (!browser) {
  console.error(`\n${INSTALL_HINT}`);
  if (process.env.E2E_REQUIRED === "1") {
    console.error("E2E_REQUIRED=1: failing because the end-to-end tests cannot run.");
    totals.failed += 1;
    ok = false;
  } else {
    console.error("Skipping the browser tests (the server tests of the e2e project still run).\n");
  }
}
ok = vitest("e2e", ["e2e"], { CHROMIUM_PATH: browser ?? "" }) && ok;

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
