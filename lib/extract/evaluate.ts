// Scores extracted facts against hand annotations (tests/fixtures/*.gold.json, tests/fixtures/heldout/*.gold.json):
// a fact matches a gold entry with the same family (metric) and value whose sentence it quotes. Optional gold entries
// are borderline figures: extracting them is neither rewarded nor punished. Matched pairs are then checked for kind
// and scope; a fact of the wrong family at a gold figure's place is a confusion.
import type { ExtractedFact, Metric, ScopeType } from "./types";

/** The families scored: the four compared ones and posts, the family most often confused with checkpoints. */
export const HEADLINE_METRICS = ["branches", "volunteers", "funds", "checkpoints"] as const satisfies readonly Metric[];
export const SCORED_METRICS = [...HEADLINE_METRICS, "posts"] as const satisfies readonly Metric[];
export type HeadlineMetric = (typeof HEADLINE_METRICS)[number];
export type ScoredMetric = (typeof SCORED_METRICS)[number];

export interface GoldFact {
  metric: ScoredMetric;
  kind?: string;
  value: number;
  figure: string;
  subject: string;
  sentenceContains: string;
  optional?: boolean;
  scope?: { type: ScopeType; name?: string };
  restates?: boolean;
  partOf?: string; // the total's figure as written
}

export interface GoldReport {
  report: string;
  metadata: {
    region: { name: string; slug: string; nameEn: string; province: string; level: string };
    title?: string | null;
    publishedAt: string | null;
    period?: string | null;
    periodBasis?: "published" | "inferred" | null;
    outlet: string | null;
    authors: string[];
  };
  facts: GoldFact[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Score extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface Confusion {
  report: string;
  figure: string;
  expected: string; // metric/kind
  found: string;
  sentence: string;
}

export interface ReportScore {
  report: string;
  metrics: Record<ScoredMetric, Score>;
  kinds: Record<string, Counts>; // "metric/kind" → counts (a matched fact of the wrong kind is a miss and a false positive)
  overall: Score;
  scope: { correct: number; total: number };
  falsePositives: ExtractedFact[];
  misses: GoldFact[];
  confusions: Confusion[];
}

/** Width and punctuation variants (（ vs (, ： vs :) must not decide a match. */
const normalize = (text: string) => text.normalize("NFKC");

export function toScore({ tp, fp, fn }: Counts): Score {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

function sum(counts: Counts[]): Counts {
  return counts.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
}

const inSentence = (fact: ExtractedFact, gold: GoldFact) => normalize(fact.quote).includes(normalize(gold.sentenceContains));

function matches(fact: ExtractedFact, gold: GoldFact): boolean {
  return fact.metric === gold.metric && fact.value === gold.value && inSentence(fact, gold);
}

const isScored = (metric: string): metric is ScoredMetric => (SCORED_METRICS as readonly string[]).includes(metric);

/** Pairs facts with gold entries one to one, required entries first so that an optional one never takes their match. */
export function scoreReport(report: string, facts: ExtractedFact[], gold: GoldFact[]): ReportScore {
  const scored = facts.filter((f) => isScored(f.metric));
  const used = new Set<ExtractedFact>();
  const misses: GoldFact[] = [];
  const confusions: Confusion[] = [];
  const counts = Object.fromEntries(SCORED_METRICS.map((m) => [m, { tp: 0, fp: 0, fn: 0 }])) as Record<ScoredMetric, Counts>;
  const kinds: Record<string, Counts> = {};
  const kindCounts = (key: string) => (kinds[key] ??= { tp: 0, fp: 0, fn: 0 });
  const scope = { correct: 0, total: 0 };
  const ordered = [...gold.filter((g) => !g.optional), ...gold.filter((g) => g.optional)];
  for (const entry of ordered) {
    const match = scored.find((f) => !used.has(f) && matches(f, entry));
    if (match) {
      used.add(match);
      if (entry.optional) continue;
      counts[entry.metric].tp++;
      if (entry.kind) {
        if (match.kind === entry.kind) kindCounts(`${entry.metric}/${entry.kind}`).tp++;
        else {
          kindCounts(`${entry.metric}/${entry.kind}`).fn++;
          kindCounts(`${match.metric}/${match.kind}`).fp++;
          confusions.push({ report, figure: entry.figure, expected: `${entry.metric}/${entry.kind}`, found: `${match.metric}/${match.kind}`, sentence: entry.sentenceContains });
        }
      }
      if (entry.scope) {
        scope.total++;
        if (entry.scope.type === match.scope.type && (entry.scope.name ?? null) === match.scope.name) scope.correct++;
        else confusions.push({ report, figure: entry.figure, expected: `scope ${entry.scope.type}${entry.scope.name ? `:${entry.scope.name}` : ""}`, found: `scope ${match.scope.type}${match.scope.name ? `:${match.scope.name}` : ""}`, sentence: entry.sentenceContains });
      }
    } else if (!entry.optional) {
      counts[entry.metric].fn++;
      if (entry.kind) kindCounts(`${entry.metric}/${entry.kind}`).fn++;
      misses.push(entry);
      const other = facts.find((f) => f.value === entry.value && inSentence(f, entry));
      if (other) confusions.push({ report, figure: entry.figure, expected: `${entry.metric}/${entry.kind ?? "?"}`, found: `${other.metric}/${other.kind}`, sentence: entry.sentenceContains });
    }
  }
  const falsePositives = scored.filter((f) => !used.has(f));
  for (const fact of falsePositives) {
    counts[fact.metric as ScoredMetric].fp++;
    kindCounts(`${fact.metric}/${fact.kind}`).fp++;
  }
  const metrics = Object.fromEntries(SCORED_METRICS.map((m) => [m, toScore(counts[m])])) as Record<ScoredMetric, Score>;
  return { report, metrics, kinds, overall: toScore(sum(Object.values(counts))), scope, falsePositives, misses, confusions };
}

/** Per-family, per-kind and overall scores over several reports, from summed counts (micro-averaged). */
export function totalScore(reports: ReportScore[]): { metrics: Record<ScoredMetric, Score>; kinds: Record<string, Score>; overall: Score; scope: { correct: number; total: number; accuracy: number } } {
  const metrics = Object.fromEntries(SCORED_METRICS.map((m) => [m, toScore(sum(reports.map((r) => r.metrics[m])))])) as Record<ScoredMetric, Score>;
  const keys = [...new Set(reports.flatMap((r) => Object.keys(r.kinds)))].sort();
  const kinds = Object.fromEntries(keys.map((k) => [k, toScore(sum(reports.map((r) => r.kinds[k] ?? { tp: 0, fp: 0, fn: 0 })))]));
  const correct = reports.reduce((a, r) => a + r.scope.correct, 0);
  const total = reports.reduce((a, r) => a + r.scope.total, 0);
  return { metrics, kinds, overall: toScore(sum(reports.map((r) => r.overall))), scope: { correct, total, accuracy: total === 0 ? 1 : correct / total } };
}
