// Turns the pages' cited figures into the plain input of the chart specification (lib/charts/spec.ts). Pure: no
// database, no React.
import type { FactView } from "../queries/shared";
import type { AlignedRow } from "../queries/compare";
import type { ChartFigureInput, ChartRowInput } from "../charts/spec";
import type { FactScope } from "../extract/types";
import { kindLabel, type Lang } from "./metrics";
import { CODEBOOK } from "../extract/lexicon";

export { PALETTE } from "../charts/spec";

export function chartFigure(fact: FactView): ChartFigureInput {
  return { factId: fact.id, reportId: fact.reportId, value: fact.value, unit: fact.unit, approx: fact.approx, quote: fact.quote };
}

/** 临时党支部 · 市医院: the scope's name follows what is counted when the figure is not region-wide. */
export function subjectLabel(subject: string, scope: FactScope): string {
  return scope.name ? `${subject} · ${scope.name}` : subject;
}

/**
 * The figures a page shows, each once: restatements of an earlier figure are left out (the table keeps them).
 * The region page and /compare both show exactly these.
 */
export function shownFacts<F extends FactView>(facts: readonly F[]): F[] {
  return facts.filter((fact) => fact.restates === null);
}

/** One bar per figure, labelled by kind and scope; the caller passes one unit's figures (no chart mixes units). */
export function regionMetricRows(facts: readonly FactView[], lang: Lang = "zh"): ChartRowInput[] {
  return shownFacts(facts).map((fact) => ({
    label: subjectLabel(`${kindLabel(fact.metric, fact.kind, lang)}：${fact.subject}`, fact.scope),
    figures: [chartFigure(fact)],
  }));
}

export function comparisonRows(rows: readonly AlignedRow[], lang: Lang = "zh"): ChartRowInput[] {
  return rows.map((row) => ({
    label: subjectLabel(kindLabel(row.metric, row.kind, lang), row.scope),
    figures: [row.a ? chartFigure(row.a) : null, row.b ? chartFigure(row.b) : null],
  }));
}

/** People counted with 名, 人 or 位 share an axis; any other unit is its own (亩 never beside 袋). */
export function axisUnit(unit: string): string {
  return PERSON_UNITS.has(unit) ? "人" : unit;
}
const PERSON_UNITS = new Set(CODEBOOK.units.person.filter((u) => u !== "户"));

/**
 * A region page's charts for one family: its region-wide figures, each once, one chart per unit. Sub-region, unit
 * and per-unit figures are not drawn beside region-wide ones (scopedFacts lists them apart).
 */
export function unitGroups(facts: readonly FactView[]): { unit: string; facts: FactView[] }[] {
  const groups = new Map<string, FactView[]>();
  for (const fact of shownFacts(facts)) {
    if (fact.scope.type !== "region") continue;
    const key = axisUnit(fact.unit);
    groups.set(key, [...(groups.get(key) ?? []), fact]);
  }
  return [...groups].map(([unit, list]) => ({ unit, facts: list }));
}

/** Figures of a sub-region, a single unit or per unit, each once: listed apart with their names. */
export function scopedFacts(facts: readonly FactView[]): FactView[] {
  return shownFacts(facts).filter((fact) => fact.scope.type !== "region");
}
