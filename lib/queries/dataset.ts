// Data for /api/dataset: every region, report and figure as flat rows (the download's three CSV files).
import { db } from "../db/client";
import { cachedByDataVersion } from "./cache";
import { datasetVersion, type DatasetVersion } from "./about";

export interface DatasetRows {
  version: DatasetVersion;
  regions: { id: number; slug: string; name: string; nameEn: string; province: string; level: string }[];
  reports: { id: number; regionId: number; title: string | null; outlet: string | null; publishedAt: string | null; authors: string[]; sha256: string; encoding: string; extractorVersion: string; ingestedAt: string }[];
  facts: {
    id: number; reportId: number; regionId: number; sentenceIndex: number; metric: string; subject: string; scope: string | null;
    value: number; unit: string; approx: string; restates: boolean; figure: string; start: number; end: number; quote: string;
  }[];
}

async function loadDataset(): Promise<DatasetRows> {
  const [version, regions, reports, facts] = await Promise.all([
    datasetVersion(),
    db().region.findMany({ where: { reports: { some: {} } }, select: { id: true, slug: true, name: true, nameEn: true, province: true, level: true }, orderBy: { id: "asc" } }),
    db().report.findMany({
      select: { id: true, regionId: true, title: true, outlet: true, publishedAt: true, authors: true, sha256: true, encoding: true, extractorVersion: true, ingestedAt: true },
      orderBy: { id: "asc" },
    }),
    db().fact.findMany({
      select: {
        id: true, reportId: true, regionId: true, metric: true, subject: true, scopeName: true, value: true, unit: true, approx: true,
        restatesId: true, figure: true, start: true, end: true, sentence: { select: { index: true, text: true } },
      },
      orderBy: { id: "asc" },
    }),
  ]);
  return {
    version,
    regions,
    reports: reports.map((report) => ({ ...report, publishedAt: report.publishedAt?.toISOString().slice(0, 10) ?? null, ingestedAt: report.ingestedAt.toISOString() })),
    facts: facts.map(({ sentence, scopeName, restatesId, ...fact }) => ({ ...fact, scope: scopeName, restates: restatesId !== null, sentenceIndex: sentence.index, quote: sentence.text })),
  };
}

export const dataset = cachedByDataVersion("dataset", loadDataset);
