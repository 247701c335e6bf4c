// Data for /reports/[id]: the full text as sentences, each with its original characters, and the figures in it.
import { db } from "../db/client";
import { cachedByDataVersion } from "./cache";
import { regionHeaderSelect, toRegionHeader, reportSummarySelect, toCorrectionMark, toReportSummary, type CorrectionMark, type FactStatus, type RegionHeader, type ReportSummary } from "./shared";

export interface SentenceView {
  index: number;
  text: string;
  original: string;
  figures: FigureView[];
}

export interface FigureView {
  id: number;
  start: number; // offsets within the sentence text
  end: number;
  metric: string;
  subject: string;
  value: number;
  unit: string;
  approx: string;
  kind: string; // the family's kind in the codebook
  scopeType: string; // region, subregion, unit or per-unit
  scope: string | null; // the scope's name (what an editor corrects)
  figure: string;
  status: FactStatus;
  correction: CorrectionMark | null;
  /** The number of changes editors made to this figure: a correction is saved against it (409 when stale). */
  revision: number;
}

export interface RepairView {
  start: number;
  end: number;
  before: string;
  after: string;
  kind: string;
}

export interface ReportDocument {
  report: ReportSummary & { encoding: string; sha256: string; extractorVersion: string; ingestedAt: string };
  region: RegionHeader;
  sentences: SentenceView[];
  repairs: RepairView[];
  /** Editors' changes to this report's figures that no longer match its text after a re-extraction. */
  needsReview: number;
}

async function loadReportDocument(id: number): Promise<ReportDocument | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const report = await db().report.findUnique({
    where: { id },
    select: {
      ...reportSummarySelect, encoding: true,
      sha256: true, extractorVersion: true, ingestedAt: true,
      region: { select: regionHeaderSelect },
      sentences: {
        select: { index: true, text: true, original: true, start: true, facts: {
          select: {
            id: true, start: true, end: true, metric: true, subject: true, value: true, unit: true, approx: true, kind: true, scopeType: true, scopeName: true, figure: true, status: true,
            correction: { select: { editorEmail: true, createdAt: true, reason: true } },
          },
          orderBy: { start: "asc" },
        } },
        orderBy: { index: "asc" },
      },
      repairs: { select: { start: true, end: true, before: true, after: true, kind: true }, orderBy: { start: "asc" } },
    },
  });
  if (!report) return null;
  const { region, sentences, repairs, encoding, sha256, extractorVersion, ingestedAt, ...summary } = report;
  const changes = await db().correction.groupBy({
    by: ["sentenceIndex", "figureStart", "figureEnd"],
    where: { reportSha: sha256 },
    _max: { revision: true },
  });
  const revisions = new Map(changes.map((change) => [`${change.sentenceIndex}:${change.figureStart}:${change.figureEnd}`, change._max.revision ?? 0]));
  const needsReview = await db().correction.count({ where: { reportSha: sha256, needsReview: true, revertedAt: null } });
  return {
    report: { ...toReportSummary(summary), encoding, sha256, extractorVersion, ingestedAt: ingestedAt.toISOString() },
    region: toRegionHeader(region),
    sentences: sentences.map((sentence) => ({
      index: sentence.index,
      text: sentence.text,
      original: sentence.original,
      figures: sentence.facts.map(({ scopeName, ...fact }) => {
        const start = fact.start - sentence.start;
        const end = fact.end - sentence.start;
        return { ...fact, scope: scopeName, start, end, correction: toCorrectionMark(fact.correction), revision: revisions.get(`${sentence.index}:${start}:${end}`) ?? 0 };
      }),
    })),
    repairs,
    needsReview,
  };
}

export const reportDocument = cachedByDataVersion("reportDocument", loadReportDocument);
