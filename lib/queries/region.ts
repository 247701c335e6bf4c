// Data for /regions/[slug]: the region, its reports, every fact with its sentence, and the headline per metric.
import { db } from "../db/client";
import { cachedByDataVersion } from "./cache";
import type { Metric, RegionLevel } from "../extract/types";
import { HEADLINE_METRICS, type HeadlineMetric } from "../dashboard/metrics";
import { reportDocument, type ReportDocument } from "./report";
import { factViewSelect, regionHeaderSelect, toRegionHeader, reportSummarySelect, toFactView, toReportSummary, type FactView, type RegionHeader, type ReportSummary } from "./shared";

export interface RegionDashboard {
  region: RegionHeader;
  reports: ReportSummary[];
  facts: FactView[];
  headlines: Record<HeadlineMetric, FactView | null>;
  factsByMetric: Partial<Record<Metric, FactView[]>>;
  documents: ReportDocument[];
}

/** The stored headline of each metric (kept by the ingest, lib/db/ingest.ts), as one of the region's facts. */
export function headlinesOf(stored: readonly { metric: string; factId: number }[], facts: readonly FactView[]): Record<HeadlineMetric, FactView | null> {
  const byId = new Map(facts.map((fact) => [fact.id, fact]));
  const headlines = Object.fromEntries(HEADLINE_METRICS.map((metric) => [metric, null])) as Record<HeadlineMetric, FactView | null>;
  for (const headline of stored) headlines[headline.metric as HeadlineMetric] = byId.get(headline.factId) ?? null;
  return headlines;
}

export function groupByMetric(facts: readonly FactView[]): Partial<Record<Metric, FactView[]>> {
  const groups: Partial<Record<Metric, FactView[]>> = {};
  for (const fact of facts) (groups[fact.metric] ??= []).push(fact);
  return groups;
}

export async function regionFacts(regionId: number): Promise<FactView[]> {
  const rows = await db().fact.findMany({
    where: { regionId },
    select: factViewSelect,
    orderBy: [{ reportId: "asc" }, { start: "asc" }],
  });
  return rows.map(toFactView);
}

async function loadRegionDashboard(slug: string): Promise<RegionDashboard | null> {
  const region = await db().region.findUnique({
    where: { slug },
    select: {
      id: true,
      ...regionHeaderSelect,
      reports: {
        select: reportSummarySelect,
        orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      },
      headlines: { select: { metric: true, factId: true } },
    },
  });
  if (!region) return null;
  const [facts, documents] = await Promise.all([
    regionFacts(region.id),
    Promise.all(region.reports.map((report) => reportDocument(report.id))),
  ]);
  const { id: _id, reports, headlines, ...header } = region;
  return {
    region: toRegionHeader(header),
    reports: reports.map(toReportSummary),
    facts,
    headlines: headlinesOf(headlines, facts),
    factsByMetric: groupByMetric(facts),
    documents: documents.filter((document): document is ReportDocument => document !== null),
  };
}

export const regionDashboard = cachedByDataVersion("regionDashboard", loadRegionDashboard);
