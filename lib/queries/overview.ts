// Data for /: one page of region cards (searchable, paginated so thousands of regions stay fast) and, per
// headline metric, the regions ranked by their headline figure (read from the Headline table through its index).
import { db } from "../db/client";
import { formatStoredDate, type PeriodBasis } from "../extract/dates";
import { cachedByDataVersion } from "./cache";
import { HEADLINE_METRICS, type HeadlineMetric } from "../dashboard/metrics";
import { factViewSelect, regionHeaderSelect, toFactView, toRegionHeader, type FactView, type RegionHeader } from "./shared";
import { REGION_LEVELS, type RegionLevel } from "../extract/types";

export const OVERVIEW_PAGE_SIZE = 24;
export const CHART_REGION_LIMIT = 20;

export interface RegionCard extends RegionHeader {
  latestReport: { id: number; publishedAt: string | null; outlet: string | null; period: string | null; periodBasis: PeriodBasis | null } | null;
  reportCount: number;
  headlines: Record<HeadlineMetric, FactView | null>;
}

export interface RankedHeadline {
  region: RegionHeader;
  fact: FactView;
  source: { outlet: string | null; publishedAt: string | null }; // the report the figure comes from
}

/** The overview's filters (?province=湖北省&level=county_city); values that name nothing are dropped. */
export interface OverviewFilters {
  province?: string;
  level?: RegionLevel;
}

export function parseOverviewFilters(province: string | undefined, level: string | undefined): OverviewFilters {
  const filters: OverviewFilters = {};
  if (province && province.trim() && province.length <= 20) filters.province = province.trim();
  if (level && (REGION_LEVELS as readonly string[]).includes(level)) filters.level = level as RegionLevel;
  return filters;
}

export interface Overview {
  query: string;
  filters: OverviewFilters;
  /** Provinces that have regions with reports, for the filter's choices. */
  provinces: string[];
  page: number;
  pageCount: number;
  regionCount: number;
  cards: RegionCard[];
  rankings: Record<HeadlineMetric, RankedHeadline[]>;
  metricRegionCounts: Record<HeadlineMetric, number>;
}

function searchFilter(query: string) {
  if (!query) return {};
  return {
    OR: [
      { name: { contains: query } },
      { nameEn: { contains: query, mode: "insensitive" as const } },
      { slug: { contains: query.toLowerCase() } },
      { province: { contains: query } },
    ],
  };
}

async function loadOverview(query: string, requestedPage: number, filters: OverviewFilters = {}): Promise<Overview> {
  // Regions with reports only: ingest also stores each region's province and prefecture, which have none of their own.
  const where = {
    ...searchFilter(query.trim()),
    reports: { some: {} },
    ...(filters.province ? { province: filters.province } : {}),
    ...(filters.level ? { level: filters.level } : {}),
  };
  const regionCount = await db().region.count({ where });
  const pageCount = Math.max(1, Math.ceil(regionCount / OVERVIEW_PAGE_SIZE));
  const page = Math.min(Math.max(1, requestedPage), pageCount);
  const regions = await db().region.findMany({
    where,
    select: {
      id: true,
      ...regionHeaderSelect,
      reports: { select: { id: true, publishedAt: true, datePrecision: true, outlet: true, period: true, periodBasis: true }, orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }], take: 1 },
      _count: { select: { reports: true } },
      headlines: { select: { metric: true, fact: { select: factViewSelect } } },
    },
    orderBy: [{ province: "asc" }, { slug: "asc" }],
    skip: (page - 1) * OVERVIEW_PAGE_SIZE,
    take: OVERVIEW_PAGE_SIZE,
  });
  const provinces = await db().region.findMany({ where: { reports: { some: {} } }, select: { province: true }, distinct: ["province"], orderBy: { province: "asc" } });
  const cards: RegionCard[] = regions.map(({ id: _id, reports, _count, headlines, ...header }) => {
    const byMetric = Object.fromEntries(HEADLINE_METRICS.map((metric) => [metric, null])) as Record<HeadlineMetric, FactView | null>;
    for (const headline of headlines) byMetric[headline.metric as HeadlineMetric] = toFactView(headline.fact);
    const latest = reports[0];
    return {
      ...toRegionHeader(header),
      reportCount: _count.reports,
      latestReport: latest
        ? { id: latest.id, outlet: latest.outlet, publishedAt: formatStoredDate(latest.publishedAt, latest.datePrecision), period: latest.period, periodBasis: latest.periodBasis }
        : null,
      headlines: byMetric,
    };
  });

  const rankingsAndCounts = await Promise.all(
    HEADLINE_METRICS.map(async (metric) => {
      const [ranked, count] = await Promise.all([headlineRanking(metric, CHART_REGION_LIMIT), db().headline.count({ where: { metric } })]);
      return { metric, ranked, count };
    }),
  );
  return {
    query,
    filters,
    provinces: provinces.map((row) => row.province),
    page,
    pageCount,
    regionCount,
    cards,
    rankings: Object.fromEntries(rankingsAndCounts.map((entry) => [entry.metric, entry.ranked])) as Overview["rankings"],
    metricRegionCounts: Object.fromEntries(rankingsAndCounts.map((entry) => [entry.metric, entry.count])) as Overview["metricRegionCounts"],
  };
}

/** Regions ranked by their headline figure for `metric`, largest first. */
async function loadHeadlineRanking(metric: HeadlineMetric, limit?: number): Promise<RankedHeadline[]> {
  const rows = await db().headline.findMany({
    where: { metric },
    select: {
      region: { select: regionHeaderSelect },
      fact: { select: { ...factViewSelect, report: { select: { ...factViewSelect.report.select, outlet: true } } } },
    },
    orderBy: [{ value: "desc" }, { regionId: "asc" }],
    take: limit,
  });
  return rows.map(({ region, fact }) => ({
    region: toRegionHeader(region),
    fact: toFactView(fact),
    source: { outlet: fact.report.outlet, publishedAt: formatStoredDate(fact.report.publishedAt, fact.report.datePrecision) },
  }));
}

export const overview = cachedByDataVersion("overview", loadOverview);

export const headlineRanking = cachedByDataVersion("headlineRanking", loadHeadlineRanking);

export interface KindRanking {
  metric: HeadlineMetric;
  kind: string;
  ranked: RankedHeadline[]; // regions with a region-wide figure of this kind, largest first
  reportedCount: number;
  notReported: { slug: string; name: string; nameEn: string }[]; // some regions without one (at most `limit`)
  notReportedCount: number;
}

/**
 * Regions ranked by their figure of one kind (临时党支部 only, never a figure of another kind): per region the largest
 * region-wide figure of the kind that is neither a part nor a restatement, the headline rule within one kind.
 */
async function loadKindRanking(metric: HeadlineMetric, kind: string, limit: number): Promise<KindRanking> {
  const best = await db().$queryRaw<{ id: number; value: number }[]>`
    SELECT id, value FROM (
      SELECT DISTINCT ON ("regionId") id, value FROM "Fact"
      WHERE "metric" = ${metric}::"Metric" AND "kind" = ${kind} AND "scopeType" = 'region' AND "partOfId" IS NULL AND "restatesId" IS NULL
      ORDER BY "regionId", value DESC, id ASC
    ) AS per_region ORDER BY value DESC, id ASC`;
  const ids = best.slice(0, limit).map((row) => row.id);
  const rows = await db().fact.findMany({
    where: { id: { in: ids } },
    select: { ...factViewSelect, region: { select: regionHeaderSelect }, report: { select: { ...factViewSelect.report.select, outlet: true } } },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const ranked = ids.map((id) => byId.get(id)!).filter(Boolean).map(({ region, ...fact }) => ({
    region: toRegionHeader(region),
    fact: toFactView(fact),
    source: { outlet: fact.report.outlet, publishedAt: formatStoredDate(fact.report.publishedAt, fact.report.datePrecision) },
  }));
  // Regions with reports: the provinces and prefectures stored above them report nothing of their own.
  const regionCount = await db().region.count({ where: { reports: { some: {} } } });
  const notReported = await db().$queryRaw<{ slug: string; name: string; nameEn: string }[]>`
    SELECT r.slug, r.name, r."nameEn" FROM "Region" r
    WHERE EXISTS (SELECT 1 FROM "Report" p WHERE p."regionId" = r.id) AND NOT EXISTS (
      SELECT 1 FROM "Fact" f WHERE f."regionId" = r.id AND f."metric" = ${metric}::"Metric" AND f."kind" = ${kind}
        AND f."scopeType" = 'region' AND f."partOfId" IS NULL AND f."restatesId" IS NULL)
    ORDER BY r.slug LIMIT ${limit}`;
  return { metric, kind, ranked, reportedCount: best.length, notReported, notReportedCount: regionCount - best.length };
}

export const kindRanking = cachedByDataVersion("kindRanking", loadKindRanking);
