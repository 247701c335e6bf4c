// Shapes shared by the page queries: a cited figure (the number, what it counts, where it was said), a region
// header and a report summary.
import { formatStoredDate, type DatePrecision, type PeriodBasis } from "../extract/dates";
import type { Approximation, FactScope, Metric, RegionLevel, ScopeType } from "../extract/types";

export interface FactView {
  id: number;
  metric: Metric;
  subject: string;
  value: number;
  unit: string;
  approx: Approximation;
  kind: string; // the family's kind in the codebook
  scope: FactScope;
  partOf: number | null; // id of the total this figure is part of
  restates: number | null; // id of the earlier fact it repeats
  figure: string;
  start: number; // offsets of the figure in the report's clean text
  end: number;
  quote: string; // the clean text of the source sentence
  reportId: number;
  report: ReportSource; // the report it comes from: title, URL, date and period (CSV and JSON carry them)
  sentenceIndex: number;
  href: string; // /reports/<id>#s-<n>
  /** machine, or an editor's confirmed / corrected / added figure, with who, when and why (lib/db/corrections.ts). */
  status: FactStatus;
  correction: CorrectionMark | null;
  source: FactSource; // what a citation of the figure names
}

export type FactStatus = "machine" | "confirmed" | "corrected" | "added";

export interface CorrectionMark {
  editor: string;
  at: string; // ISO time
  reason: string;
}

/** Who published a figure's report and for which region: with FactView.report, what a citation names. */
export interface FactSource {
  outlet: string | null;
  region: { slug: string; name: string; nameEn: string; level: RegionLevel };
}

/** The Prisma selection that yields a FactView (with the sentence it came from). */
export const factViewSelect = {
  id: true,
  metric: true,
  subject: true,
  value: true,
  unit: true,
  approx: true,
  kind: true,
  scopeType: true,
  scopeName: true,
  partOfId: true,
  restatesId: true,
  figure: true,
  start: true,
  end: true,
  reportId: true,
  report: { select: { title: true, sourceUrl: true, publishedAt: true, datePrecision: true, period: true, periodBasis: true, outlet: true, region: { select: { slug: true, name: true, nameEn: true, level: true } } } },
  sentence: { select: { index: true, text: true } },
  status: true,
  correction: { select: { editorEmail: true, createdAt: true, reason: true } },
} as const;

/** What a figure's report is: its headline (or none), where it was published, when, and its period. */
export interface ReportSource {
  title: string | null;
  url: string | null;
  date: string | null; // 2020-02-16, 2020-02 or 2020
  datePrecision: DatePrecision | null;
  period: string | null;
  periodBasis: PeriodBasis | null;
}

/** A fact as selected with factViewSelect. */
export type FactRow = Omit<FactView, "quote" | "sentenceIndex" | "href" | "correction" | "scope" | "partOf" | "restates" | "report" | "source"> & {
  scopeType: string;
  scopeName: string | null;
  partOfId: number | null;
  restatesId: number | null;
  sentence: { index: number; text: string };
  correction: { editorEmail: string; createdAt: Date; reason: string } | null;
  report: { title: string | null; sourceUrl: string | null; publishedAt: Date | null; datePrecision: DatePrecision | null; period: string | null; periodBasis: PeriodBasis | null; outlet: string | null; region: FactSource["region"] };
};

export function toCorrectionMark(correction: FactRow["correction"]): CorrectionMark | null {
  return correction ? { editor: correction.editorEmail, at: correction.createdAt.toISOString(), reason: correction.reason } : null;
}

export function sourceHref(reportId: number, sentenceIndex: number): string {
  return `/reports/${reportId}#s-${sentenceIndex}`;
}

export function toFactView(row: FactRow): FactView {
  return {
    id: row.id,
    metric: row.metric,
    subject: row.subject,
    value: row.value,
    unit: row.unit,
    approx: row.approx,
    kind: row.kind,
    scope: { type: row.scopeType as ScopeType, name: row.scopeName },
    partOf: row.partOfId,
    restates: row.restatesId,
    figure: row.figure,
    start: row.start,
    end: row.end,
    quote: row.sentence.text,
    reportId: row.reportId,
    report: {
      title: row.report.title,
      url: row.report.sourceUrl,
      date: formatStoredDate(row.report.publishedAt, row.report.datePrecision),
      datePrecision: row.report.datePrecision,
      period: row.report.period,
      periodBasis: row.report.periodBasis,
    },
    sentenceIndex: row.sentence.index,
    href: sourceHref(row.reportId, row.sentence.index),
    status: row.status,
    correction: toCorrectionMark(row.correction),
    source: {
      outlet: row.report.outlet,
      region: row.report.region,
    },
  };
}

export interface RegionLink {
  slug: string;
  name: string;
  nameEn: string;
}

export interface RegionHeader extends RegionLink {
  province: string;
  level: RegionLevel;
  code: string | null;
  /** The regions above, province first: 湖北省, 黄冈市 for 麻城市. */
  chain: RegionLink[];
}

export interface ReportSummary {
  id: number;
  title: string | null; // null: the report has no headline of its own
  sourceUrl: string | null;
  outlet: string | null;
  publishedAt: string | null; // 2020-02-16, 2020-02 or 2020, as precise as datePrecision
  datePrecision: DatePrecision | null;
  period: string | null; // 2020-Q1, 2022
  periodBasis: PeriodBasis | null;
  authors: string[];
  sourceFile: string | null;
}

const regionLinkSelect = { slug: true, name: true, nameEn: true } as const;
/** A region with up to three levels above it (a township's county, prefecture and province). */
export const regionHeaderSelect = {
  ...regionLinkSelect, province: true, level: true, code: true,
  parent: { select: { ...regionLinkSelect, parent: { select: { ...regionLinkSelect, parent: { select: regionLinkSelect } } } } },
} as const;

type ParentRow = RegionLink & { parent?: ParentRow | null };

export function toRegionHeader(row: RegionLink & { province: string; level: RegionLevel; code: string | null; parent: ParentRow | null }): RegionHeader {
  const chain: RegionLink[] = [];
  for (let parent = row.parent; parent; parent = parent.parent ?? null) chain.unshift({ slug: parent.slug, name: parent.name, nameEn: parent.nameEn });
  return { slug: row.slug, name: row.name, nameEn: row.nameEn, province: row.province, level: row.level, code: row.code, chain };
}
export const reportSummarySelect = {
  id: true, title: true, sourceUrl: true, outlet: true, publishedAt: true, datePrecision: true, period: true, periodBasis: true, authors: true, sourceFile: true,
} as const;

type StoredReportSummary = Omit<ReportSummary, "publishedAt"> & { publishedAt: Date | null };

export function toReportSummary(report: StoredReportSummary): ReportSummary {
  return { ...report, publishedAt: formatStoredDate(report.publishedAt, report.datePrecision) };
}
