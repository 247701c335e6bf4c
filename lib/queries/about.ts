// Data for /about: the dataset's version — what extracted it, how many reports and figures, when it last changed.
import { db } from "../db/client";
import { cachedByDataVersion } from "./cache";

export interface DatasetVersion {
  extractorVersions: string[];
  reportCount: number;
  regionCount: number;
  factCount: number;
  lastIngest: string | null; // ISO timestamp
  firstReport: string | null; // YYYY-MM-DD: the span of the reports' dates
  lastReport: string | null;
}

async function loadDatasetVersion(): Promise<DatasetVersion> {
  const [reports, regionCount, factCount, versions] = await Promise.all([
    db().report.aggregate({ _count: { _all: true }, _max: { ingestedAt: true, publishedAt: true }, _min: { publishedAt: true } }),
    db().region.count({ where: { reports: { some: {} } } }),
    db().fact.count(),
    db().report.findMany({ distinct: ["extractorVersion"], select: { extractorVersion: true }, orderBy: { extractorVersion: "asc" } }),
  ]);
  const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
  return {
    extractorVersions: versions.map((row) => row.extractorVersion),
    reportCount: reports._count._all,
    regionCount,
    factCount,
    lastIngest: reports._max.ingestedAt?.toISOString() ?? null,
    firstReport: day(reports._min.publishedAt),
    lastReport: day(reports._max.publishedAt),
  };
}

export const datasetVersion = cachedByDataVersion("datasetVersion", loadDatasetVersion);
