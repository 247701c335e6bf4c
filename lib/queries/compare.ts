// Data for /compare: two regions side by side, their figures aligned by subject (临时党支部 next to 临时党支部).
// Figures scoped to a sub-region form rows of their own, labelled with the scope and never summed into others.
import { db } from "../db/client";
import { cachedByDataVersion } from "./cache";
import { HEADLINE_METRICS, type HeadlineMetric } from "../dashboard/metrics";
import { headlinesOf, regionFacts } from "./region";
import { regionHeaderSelect, reportSummarySelect, toReportSummary, type FactView, type RegionHeader, type ReportSummary } from "./shared";

export interface ComparisonSide {
  region: RegionHeader;
  reports: ReportSummary[];
  headlines: Record<HeadlineMetric, FactView | null>;
}

export interface AlignedRow {
  key: string;
  subject: string;
  scope: string | null;
  a: FactView | null; // the largest figure for this subject in region a
  b: FactView | null;
  others: FactView[]; // further figures with the same subject (restatements, smaller mentions)
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
  return { side: { region: header, reports: reports.map(toReportSummary), headlines: headlinesOf(headlines, facts) }, facts };
}

function rowKey(fact: FactView): string {
  return `${fact.scope ?? ""}\u0000${fact.subject}`;
}

export function alignBySubject(aFacts: readonly FactView[], bFacts: readonly FactView[]): AlignedRow[] {
  const rows = new Map<string, AlignedRow>();
  const place = (fact: FactView, which: "a" | "b") => {
    const key = rowKey(fact);
    const row = rows.get(key) ?? { key, subject: fact.subject, scope: fact.scope, a: null, b: null, others: [] };
    rows.set(key, row);
    const current = row[which];
    if (!current || (current.restates && !fact.restates) || (current.restates === fact.restates && fact.value > current.value)) {
      if (current) row.others.push(current);
      row[which] = fact;
    } else {
      row.others.push(fact);
    }
  };
  aFacts.forEach((fact) => place(fact, "a"));
  bFacts.forEach((fact) => place(fact, "b"));
  const largest = (row: AlignedRow) => Math.max(row.a?.value ?? 0, row.b?.value ?? 0);
  // Region-wide rows first, then scoped ones; within each, rows both regions report first, then by size.
  return [...rows.values()].sort(
    (x, y) =>
      Number(x.scope !== null) - Number(y.scope !== null) ||
      Number(!(x.a && x.b)) - Number(!(y.a && y.b)) ||
      largest(y) - largest(x),
  );
}

async function loadRegionComparison(aSlug: string, bSlug: string): Promise<RegionComparison | null> {
  const [a, b] = await Promise.all([side(aSlug), side(bSlug)]);
  if (!a || !b) return null;
  const metrics = Object.fromEntries(
    HEADLINE_METRICS.map((metric) => [
      metric,
      alignBySubject(a.facts.filter((fact) => fact.metric === metric), b.facts.filter((fact) => fact.metric === metric)),
    ]),
  ) as Record<HeadlineMetric, AlignedRow[]>;
  return { a: a.side, b: b.side, metrics };
}

/** Regions for the pickers, by name; `synthetic` regions (bench:scale) only exist in their own database. */
async function loadRegionOptions(): Promise<RegionOption[]> {
  return db().region.findMany({ select: { slug: true, name: true, nameEn: true }, orderBy: { slug: "asc" } });
}

export const regionComparison = cachedByDataVersion("regionComparison", loadRegionComparison);

export const regionOptions = cachedByDataVersion("regionOptions", loadRegionOptions);
