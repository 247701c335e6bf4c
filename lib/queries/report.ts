// Data for /reports/[id]: the full text as sentences, each with its original characters, and the figures in it.
import { db } from "../db/client";
import { cachedByDataVersion } from "./cache";
import { regionHeaderSelect, toReportSummary, type RegionHeader, type ReportSummary } from "./shared";

export interface SentenceView {
  index: number;
  text: string;
  original: string;
  figures: { id: number; start: number; end: number; metric: string; subject: string }[]; // offsets within the sentence text
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
}

async function loadReportDocument(id: number): Promise<ReportDocument | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const report = await db().report.findUnique({
    where: { id },
    select: {
      id: true, title: true, outlet: true, publishedAt: true, authors: true, sourceFile: true, encoding: true,
      sha256: true, extractorVersion: true, ingestedAt: true,
      region: { select: regionHeaderSelect },
      sentences: {
        select: { index: true, text: true, original: true, start: true, facts: { select: { id: true, start: true, end: true, metric: true, subject: true }, orderBy: { start: "asc" } } },
        orderBy: { index: "asc" },
      },
      repairs: { select: { start: true, end: true, before: true, after: true, kind: true }, orderBy: { start: "asc" } },
    },
  });
  if (!report) return null;
  const { region, sentences, repairs, encoding, sha256, extractorVersion, ingestedAt, ...summary } = report;
  return {
    report: { ...toReportSummary(summary), encoding, sha256, extractorVersion, ingestedAt: ingestedAt.toISOString() },
    region,
    sentences: sentences.map((sentence) => ({
      index: sentence.index,
      text: sentence.text,
      original: sentence.original,
      figures: sentence.facts.map((fact) => ({ ...fact, start: fact.start - sentence.start, end: fact.end - sentence.start })),
    })),
    repairs,
  };
}

export const reportDocument = cachedByDataVersion("reportDocument", loadReportDocument);
