// Turns the pages' cited figures into the plain input of the chart specification (lib/charts/spec.ts). Pure: no
// database, no React.
import type { FactView } from "../queries/shared";
import type { AlignedRow } from "../queries/compare";
import type { ChartFigureInput, ChartRowInput } from "../charts/spec";

export { PALETTE } from "../charts/spec";

export function chartFigure(fact: FactView): ChartFigureInput {
  return { factId: fact.id, reportId: fact.reportId, value: fact.value, unit: fact.unit, approx: fact.approx, quote: fact.quote };
}

export function subjectLabel(subject: string, scope: string | null): string {
  return scope ? `${scope} · ${subject}` : subject;
}

/** One bar per figure, by subject; restatements of an earlier figure are left out (they are in the table). */
export function regionMetricRows(facts: readonly FactView[]): ChartRowInput[] {
  return facts
    .filter((fact) => !fact.restates)
    .map((fact) => ({ label: subjectLabel(fact.subject, fact.scope), figures: [chartFigure(fact)] }));
}

export function comparisonRows(rows: readonly AlignedRow[]): ChartRowInput[] {
  return rows.map((row) => ({
    label: subjectLabel(row.subject, row.scope),
    figures: [row.a ? chartFigure(row.a) : null, row.b ? chartFigure(row.b) : null],
  }));
}
