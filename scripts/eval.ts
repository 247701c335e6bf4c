// npm run eval [-- --heldout] [--check] [--verbose]
// Extracts every report that has a hand annotation and prints precision, recall and F1 per family and per kind,
// scope accuracy and a confusion list. Default: the shipped reports in prisma/reports against tests/fixtures;
// --heldout: the held-out reports in tests/fixtures/heldout (<name>.txt beside <name>.gold.json), written for
// evaluation only and never used to tune the codebook. --check exits 1 when a compared family's F1 is below
// 0.95 or its precision below 0.97 (held-out) or F1 below 0.95 (shipped); --verbose lists false positives and misses.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { HEADLINE_METRICS, SCORED_METRICS, scoreReport, totalScore, type GoldReport, type ReportScore, type Score } from "../lib/extract/evaluate";
import { extractReport } from "../lib/pipeline";

const TARGET_F1 = 0.95;
const TARGET_PRECISION_HELDOUT = 0.97;
const ROOT = path.resolve(import.meta.dirname, "..");
const args = new Set(process.argv.slice(2));
const heldout = args.has("--heldout");
const REPORTS = heldout ? path.join(ROOT, "tests/fixtures/heldout") : path.join(ROOT, "prisma/reports");
const FIXTURES = heldout ? REPORTS : path.join(ROOT, "tests/fixtures");

const pct = (x: number) => (x * 100).toFixed(1).padStart(6);
const line = (report: string, metric: string, s: Score) =>
  console.log(`${report.padEnd(12)} ${metric.padEnd(26)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}`);

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

const scores = evaluate();
console.log(`${heldout ? "held-out" : "shipped"} reports: ${scores.length}`);
console.log(`${"report".padEnd(12)} ${"family / kind".padEnd(26)} ${"P%".padStart(6)} ${"R%".padStart(6)} ${"F1%".padStart(6)}   tp   fp   fn`);
if (args.has("--verbose")) for (const s of scores) line(s.report, "overall", s.overall);
const total = totalScore(scores);
for (const m of SCORED_METRICS) line("TOTAL", m, total.metrics[m]);
line("TOTAL", "overall", total.overall);
for (const [kind, score] of Object.entries(total.kinds)) line("KIND", kind, score);
console.log(`scope accuracy: ${(total.scope.accuracy * 100).toFixed(1)}% (${total.scope.correct}/${total.scope.total} matched figures)`);
const confusions = scores.flatMap((s) => s.confusions);
console.log(`confusions: ${confusions.length}`);
for (const c of confusions) console.log(`  ${c.report} ${c.figure}: expected ${c.expected}, found ${c.found} — ${c.sentence}`);
if (args.has("--verbose")) {
  for (const s of scores) {
    for (const f of s.falsePositives) console.log(`  ${s.report} false positive: ${f.metric}/${f.kind} ${f.figure} ${f.subject} — ${f.quote.slice(0, 60)}`);
    for (const g of s.misses) console.log(`  ${s.report} missed: ${g.metric}/${g.kind ?? "?"} ${g.figure} ${g.subject} — ${g.sentenceContains}`);
  }
}
if (args.has("--check")) {
  const below = HEADLINE_METRICS.filter((m) => total.metrics[m].f1 < TARGET_F1 || (heldout && total.metrics[m].precision < TARGET_PRECISION_HELDOUT));
  if (below.length > 0) {
    console.error(`eval: below target (F1 ≥ ${TARGET_F1}${heldout ? `, precision ≥ ${TARGET_PRECISION_HELDOUT}` : ""}) for ${below.join(", ")}`);
    process.exitCode = 1;
  } else console.log(`eval: every compared family reaches its target`);
}
