// What ingest extracts from a report, apart from the storing (lib/db/ingest.ts): pure, no database, so that the
// extraction workers of `atlas ingest` load only the pipeline.
import { extractReport, type ReportExtraction } from "../pipeline";
import type { RegionInfo } from "../extract/types";

export interface IngestOptions {
  region?: string;
  fileName?: string;
  title?: string; // replaces the detected headline
  date?: string; // the publication date (2020-02-16, 2020-02, 2020)
  url?: string; // the source URL (http or https)
  replace?: boolean;
  /** Stores the report under this region whatever the text says (bench:scale's synthetic regions). */
  regionOverride?: RegionInfo & { synthetic?: boolean };
  /** An editor's correction of the detected date (YYYY-MM-DD) from the upload preview; as `date`. */
  publishedAt?: string;
}

/** Extracts one report for ingest: in this thread by default; `atlas ingest` and bench:scale run it in workers. */
export type Extractor = (bytes: Uint8Array, options: IngestOptions) => ReportExtraction | Promise<ReportExtraction>;

export function extractForIngest(bytes: Uint8Array, options: IngestOptions): ReportExtraction {
  return extractReport(bytes, { region: options.region, fileName: options.fileName, title: options.title, date: options.date ?? options.publishedAt, url: options.url });
}

