// npm run eval [-- --check] [--verbose]
// Extracts every report in prisma/reports that has a hand annotation in tests/fixtures/<name>.gold.json and prints
// precision, recall and F1 of the headline metrics per report and in total. --check exits 1 when a metric's total F1
// is below the target; --verbose lists false positives and misses.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { HEADLINE_METRICS, scoreReport, totalScore, type GoldReport, type ReportScore, type Score } from "../lib/extract/evaluate";
import { extractReport } from "../lib/pipeline";

const TARGET_F1 = 0.95;
const ROOT = path.resolve(import.meta.dirname, "..");
const REPORTS = path.join(ROOT, "prisma/reports");
const FIXTURES = path.join(ROOT, "tests/fixtures");

const args = new Set(process.argv.slice(2));
const pct = (x: number) => (x * 100).toFixed(1).padStart(6);
const line = (report: string, metric: string, s: Score) =>
  console.log(`${report.padEnd(9)} ${metric.padEnd(12)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}`);

function evaluate(): ReportScore[] {
  return readdirSync(REPORTS)
    .filter((f) => f.endsWith(".txt") && existsSync(path.join(FIXTURES, f.replace(/\.txt$/, ".gold.json"))))
    .sort()
    .map((file) => {
      const name = file.replace(/\.txt$/, "");
      const gold: GoldReport = JSON.parse(readFileSync(path.join(FIXTURES, `${name}.gold.json`), "utf8"));
      const result = extractReport(readFileSync(path.join(REPORTS, file)), { fileName: file });
      return scoreReport(name, result.facts, gold.facts);
    });
}

function print(scores: ReportScore[]): Record<string, Score> {
  console.log(`${"report".padEnd(9)} ${"metric".padEnd(12)} ${"P%".padStart(6)} ${"R%".padStart(6)} ${"F1%".padStart(6)}   tp   fp   fn`);
  for (const s of scores) {
    for (const m of HEADLINE_METRICS) line(s.report, m, s.metrics[m]);
    line(s.report, "overall", s.overall);
  }
  const total = totalScore(scores);
  for (const m of HEADLINE_METRICS) line("TOTAL", m, total.metrics[m]);
  line("TOTAL", "overall", total.overall);
  if (args.has("--verbose")) {
    for (const s of scores) {
      for (const f of s.falsePositives) console.log(`  ${s.report} false positive: ${f.metric} ${f.figure} ${f.subject} — ${f.quote.slice(0, 60)}`);
      for (const g of s.misses) console.log(`  ${s.report} missed: ${g.metric} ${g.figure} ${g.subject} — ${g.sentenceContains}`);
    }
  }
  return { ...total.metrics, overall: total.overall };
}

const totals = print(evaluate());
if (args.has("--check")) {
  const below = HEADLINE_METRICS.filter((m) => totals[m].f1 < TARGET_F1);
  if (below.length > 0) {
    console.error(`eval: F1 below ${TARGET_F1} for ${below.join(", ")}`);
    process.exitCode = 1;
  } else console.log(`eval: every headline metric reaches F1 ≥ ${TARGET_F1}`);
}
