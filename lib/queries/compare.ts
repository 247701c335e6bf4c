// Data for /compare: two regions side by side, their figures aligned by family, kind and scope (临时火线党支部 next
// to 临时党支部). Figures of a sub-region, a unit or per unit form rows of their own, never summed into others.
import { db } from "../db/client";
import { cachedByDataVersion } from "./cache";
import { HEADLINE_METRICS, kindsOf, type HeadlineMetric } from "../dashboard/metrics";
import { shownFacts } from "../dashboard/charts";
import type { FactScope, Metric, RegionLevel } from "../extract/types";
import { headlinesOf, regionFacts } from "./region";
import { regionHeaderSelect, toRegionHeader, reportSummarySelect, toReportSummary, type FactView, type RegionHeader, type ReportSummary } from "./shared";

export interface ComparisonSide {
  region: RegionHeader;
  reports: ReportSummary[];
  headlines: Record<HeadlineMetric, FactView | null>;
}

export interface AlignedRow {
  key: string;
  metric: string;
  kind: string; // rows align by family, kind and scope, never by label text
  scope: FactScope;
  a: FactView | null; // the largest figure of this kind and scope in region a
  b: FactView | null;
  others: FactView[]; // further figures of the same kind and scope (smaller mentions, parts), of either region
  othersOf: { a: FactView[]; b: FactView[] }; // the same, by region
}

export interface RegionComparison {
  a: ComparisonSide;
  b: ComparisonSide;
  metrics: Record<HeadlineMetric, AlignedRow[]>;
}

export interface RegionOption {
  slug: string;
  name: string;
  nameEn: string;
  level: RegionLevel;
}

async function side(slug: string): Promise<{ side: ComparisonSide; facts: FactView[] } | null> {
  const region = await db().region.findUnique({
    where: { slug },
    select: {
      id: true,
      ...regionHeaderSelect,
      reports: { select: reportSummarySelect, orderBy: { id: "asc" } },
      headlines: { select: { metric: true, factId: true } },
    },
  });
  if (!region) return null;
  const facts = await regionFacts(region.id);
  const { id: _id, reports, headlines, ...header } = region;
  return { side: { region: toRegionHeader(header), reports: reports.map(toReportSummary), headlines: headlinesOf(headlines, facts) }, facts };
}

function rowKey(fact: FactView): string {
  return `${fact.metric}\u0000${fact.kind}\u0000${fact.scope.type}\u0000${fact.scope.name ?? ""}`;
}

/**
 * Two regions' figures aligned by family, kind and scope (临时火线党支部 beside 临时党支部; a hospital's figure
 * never beside a county's). Each figure appears once, as on the region page (shownFacts: restatements left out).
 */
export function alignByKind(aFacts: readonly FactView[], bFacts: readonly FactView[]): AlignedRow[] {
  const rows = new Map<string, AlignedRow>();
  const place = (fact: FactView, which: "a" | "b") => {
    const key = rowKey(fact);
    const row = rows.get(key) ?? { key, metric: fact.metric, kind: fact.kind, scope: fact.scope, a: null, b: null, others: [], othersOf: { a: [], b: [] } };
    rows.set(key, row);
    const current = row[which];
    // A part (其中…) is never preferred to a total.
    const better = !current || (current.partOf !== null && fact.partOf === null) || ((current.partOf === null) === (fact.partOf === null) && fact.value > current.value);
    const other = better ? current : fact;
    if (better) row[which] = fact;
    if (other) {
      row.others.push(other);
      row.othersOf[which].push(other);
    }
  };
  shownFacts(aFacts).forEach((fact) => place(fact, "a"));
  shownFacts(bFacts).forEach((fact) => place(fact, "b"));
  const largest = (row: AlignedRow) => Math.max(row.a?.value ?? 0, row.b?.value ?? 0);
  const kindRank = (row: AlignedRow) => kindsOf(row.metric as Metric).findIndex((k) => k.id === row.kind);
  // Region-wide rows first, then scoped ones; within each, rows both regions report first, then by kind and size.
  return [...rows.values()].sort(
    (x, y) =>
      Number(x.scope.type !== "region") - Number(y.scope.type !== "region") ||
      Number(!(x.a && x.b)) - Number(!(y.a && y.b)) ||
      kindRank(x) - kindRank(y) ||
      largest(y) - largest(x),
  );
}

async function loadRegionComparison(aSlug: string, bSlug: string): Promise<RegionComparison | null> {
  const [a, b] = await Promise.all([side(aSlug), side(bSlug)]);
  if (!a || !b) return null;
  const metrics = Object.fromEntries(
    HEADLINE_METRICS.map((metric) => [
      metric,
      alignByKind(a.facts.filter((fact) => fact.metric === metric), b.facts.filter((fact) => fact.metric === metric)),
    ]),
  ) as Record<HeadlineMetric, AlignedRow[]>;
  return { a: a.side, b: b.side, metrics };
}

/** Regions for the pickers, by name; `synthetic` regions (bench:scale) only exist in their own database. */
async function loadRegionOptions(): Promise<RegionOption[]> {
  return db().region.findMany({ select: { slug: true, name: true, nameEn: true, level: true }, orderBy: { slug: "asc" } });
}

export const regionComparison = cachedByDataVersion("regionComparison", loadRegionComparison);

export const regionOptions = cachedByDataVersion("regionOptions", loadRegionOptions);
