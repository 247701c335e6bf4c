// The headline figure of a family for a region. Figures overlap (一万余名 volunteers are among 近4万名 party
// members; 208多万元 is part of 261.75万元) and kinds differ (党费 vs 捐款), so a sum or a plain maximum would compare
// unlike things. The rule, from the codebook (lib/extract/data/codebook.json): among region-wide figures that are
// neither a part nor a restatement, the family's most preferred kind present, its largest figure, ties going to the
// earlier one. pickHeadline applies it to facts in memory; the ingest applies the same rule in SQL
// (refreshHeadlines in lib/db/ingest.ts, built from HEADLINE_PREFERENCE); a test checks that they agree.
import { CODEBOOK } from "../extract/lexicon";
import type { FactScope } from "../extract/types";
import { HEADLINE_METRICS, type HeadlineMetric } from "./metrics";

export const HEADLINE_RULE = {
  zh: `${CODEBOOK.headlineRule.zh} ≥ 表示“余/多/以上”，≈ 表示“约/左右”，< 表示“近/将近”。`,
  en: `${CODEBOOK.headlineRule.en} ≥ marks 余/多/以上 (at least), ≈ marks 约/左右 (about), < marks 近/将近 (nearly).`,
};

/** Each headline family's kinds in order of preference; kinds not listed never make a headline. */
export const HEADLINE_PREFERENCE: Record<HeadlineMetric, readonly string[]> = Object.fromEntries(
  HEADLINE_METRICS.map((metric) => [metric, CODEBOOK.families.find((f) => f.id === metric)!.headline]),
) as unknown as Record<HeadlineMetric, readonly string[]>;

/** The (metric, kind, rank) rows of the preference, as the SQL rule reads them. */
export function headlinePreferenceRows(): { metrics: string[]; kinds: string[]; ranks: number[] } {
  const rows = HEADLINE_METRICS.flatMap((metric) => HEADLINE_PREFERENCE[metric].map((kind, rank) => ({ metric, kind, rank })));
  return { metrics: rows.map((r) => r.metric), kinds: rows.map((r) => r.kind), ranks: rows.map((r) => r.rank) };
}

export interface HeadlineCandidate {
  id: number;
  metric: string;
  kind: string;
  value: number;
  scope: FactScope;
  partOf: number | null;
  restates: number | null;
}

/** A figure that may be a headline: region-wide, not a part of another, not a restatement. */
export function mayHeadline(fact: HeadlineCandidate): boolean {
  return fact.scope.type === "region" && fact.partOf === null && fact.restates === null;
}

/** The headline of `metric` among a region's facts, or null. */
export function pickHeadline<F extends HeadlineCandidate>(facts: readonly F[], metric: HeadlineMetric): F | null {
  const preference = HEADLINE_PREFERENCE[metric];
  let best: F | null = null;
  let bestRank = Infinity;
  for (const fact of facts) {
    if (fact.metric !== metric || !mayHeadline(fact)) continue;
    const rank = preference.indexOf(fact.kind);
    if (rank < 0) continue;
    if (rank < bestRank || (rank === bestRank && best && (fact.value > best.value || (fact.value === best.value && fact.id < best.id)))) {
      best = fact;
      bestRank = rank;
    }
  }
  return best;
}
