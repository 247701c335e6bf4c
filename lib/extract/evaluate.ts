// Scores extracted facts against hand annotations (tests/fixtures/*.gold.json): a fact matches a gold entry with the
// same metric and value whose sentence it quotes. Optional gold entries are borderline figures: extracting them is
// neither rewarded nor punished.
import type { ExtractedFact, Metric } from "./types";

export const HEADLINE_METRICS = ["branches", "volunteers", "funds", "checkpoints"] as const satisfies readonly Metric[];
export type HeadlineMetric = (typeof HEADLINE_METRICS)[number];

export interface GoldFact {
  metric: HeadlineMetric;
  value: number;
  figure: string;
  subject: string;
  sentenceContains: string;
  optional?: boolean;
  scope?: string;
  restates?: boolean;
}

export interface GoldReport {
  report: string;
  metadata: {
    region: { name: string; slug: string; nameEn: string; province: string; level: string };
    publishedAt: string | null;
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

export interface ReportScore {
  report: string;
  metrics: Record<HeadlineMetric, Score>;
  overall: Score;
  falsePositives: ExtractedFact[];
  misses: GoldFact[];
}

/** Width and punctuation variants (（ vs (, ： vs :) must not decide a match. */
const normalize = (text: string) => text.normalize("NFKC");

function toScore({ tp, fp, fn }: Counts): Score {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

function sum(counts: Counts[]): Counts {
  return counts.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
}

function matches(fact: ExtractedFact, gold: GoldFact): boolean {
  return fact.metric === gold.metric && fact.value === gold.value && normalize(fact.quote).includes(normalize(gold.sentenceContains));
}

/** Pairs facts with gold entries one to one, required entries first so that an optional one never takes their match. */
export function scoreReport(report: string, facts: ExtractedFact[], gold: GoldFact[]): ReportScore {
  const headline = facts.filter((f) => (HEADLINE_METRICS as readonly string[]).includes(f.metric));
  const used = new Set<ExtractedFact>();
  const misses: GoldFact[] = [];
  const counts = Object.fromEntries(HEADLINE_METRICS.map((m) => [m, { tp: 0, fp: 0, fn: 0 }])) as Record<HeadlineMetric, Counts>;
  const ordered = [...gold.filter((g) => !g.optional), ...gold.filter((g) => g.optional)];
  for (const entry of ordered) {
    const match = headline.find((f) => !used.has(f) && matches(f, entry));
    if (match) {
      used.add(match);
      if (!entry.optional) counts[entry.metric].tp++;
    } else if (!entry.optional) {
      counts[entry.metric].fn++;
      misses.push(entry);
    }
  }
  const falsePositives = headline.filter((f) => !used.has(f));
  for (const fact of falsePositives) counts[fact.metric as HeadlineMetric].fp++;
  const metrics = Object.fromEntries(HEADLINE_METRICS.map((m) => [m, toScore(counts[m])])) as Record<HeadlineMetric, Score>;
  return { report, metrics, overall: toScore(sum(Object.values(counts))), falsePositives, misses };
}

/** Per-metric and overall scores over several reports, from summed counts (micro-averaged). */
export function totalScore(reports: ReportScore[]): { metrics: Record<HeadlineMetric, Score>; overall: Score } {
  const metrics = Object.fromEntries(HEADLINE_METRICS.map((m) => [m, toScore(sum(reports.map((r) => r.metrics[m])))])) as Record<HeadlineMetric, Score>;
  return { metrics, overall: toScore(sum(reports.map((r) => r.overall))) };
}
