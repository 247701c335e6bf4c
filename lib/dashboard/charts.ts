// Turns cited figures into the rows the chart component draws. Pure: no database, no React.
import type { FactView } from "../queries/shared";
import type { AlignedRow } from "../queries/compare";
import type { ChartBar, ChartRow } from "../../components/charts/FigureChart";
import { formatExact, formatFigure } from "./format";
import { localHref } from "./i18n";
import type { Lang } from "./metrics";

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"];

export function chartBar(fact: FactView, lang: Lang): ChartBar {
  return {
    value: fact.value,
    display: formatFigure(fact.value, fact.unit, fact.approx),
    exact: `${formatExact(fact.value)} ${fact.unit}`,
    href: localHref(fact.href, lang),
    quote: fact.quote,
  };
}

export function subjectLabel(subject: string, scope: string | null): string {
  return scope ? `${scope} · ${subject}` : subject;
}

/** One bar per figure, by subject; restatements of an earlier figure are left out (they are in the table). */
export function regionMetricRows(facts: readonly FactView[], lang: Lang): ChartRow[] {
  return facts
    .filter((fact) => !fact.restates)
    .map((fact) => ({ label: subjectLabel(fact.subject, fact.scope), bars: [chartBar(fact, lang)] }));
}

export function comparisonRows(rows: readonly AlignedRow[], lang: Lang): ChartRow[] {
  return rows.map((row) => ({
    label: subjectLabel(row.subject, row.scope),
    bars: [row.a ? chartBar(row.a, lang) : null, row.b ? chartBar(row.b, lang) : null],
  }));
}

export function sourceFooter(sources: readonly { outlet: string | null; publishedAt: string | null; region?: string }[], lang: Lang): string {
  const parts = sources.map((source) => [source.region, source.outlet, source.publishedAt].filter(Boolean).join(" "));
  return `${lang === "en" ? "Source" : "来源"}: ${parts.join("; ")} · Mobilization Atlas 动员图谱`;
}
