// The whole extraction of one report: bytes → prepared text (lib/text) → metadata and facts (lib/extract).
import { readFileSync, statSync } from "node:fs";
import { extractFacts } from "./extract/index";
import { CODEBOOK } from "./extract/lexicon";
import { parseDateInput, periodOfDate } from "./extract/dates";
import { extractMetadata } from "./extract/metadata";
import { parseSourceUrl } from "./extract/source-url";
import { toRegionInfo } from "./extract/regions";
import { RegionNameError } from "./extract/region-detection";
import type { ExtractionResult, RegionCandidate } from "./extract/types";
import { prepareText, TextInputError } from "./text/index";
import type { PreparedText } from "./text/types";

/** Bumped (in the codebook) whenever extraction output can change for the same input, so stored reports can be re-extracted. */
export const EXTRACTOR_VERSION: string = CODEBOOK.extractorVersion;

/** Input that is not a report we can read: a missing or empty file, binary data, text that is not Chinese. */
export class ReportInputError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ReportInputError";
  }
}

export interface ExtractOptions {
  region?: string; // overrides region detection (a name; unknown names are used as given)
  fileName?: string;
  title?: string; // the headline, when the text lacks it or carries it wrongly
  date?: string; // the publication date in any form parseDateInput reads (2020-02-16, 2020-02, 2020)
  url?: string; // where the report was published (http or https)
}

/** The given title, date and URL as they replace detected metadata; ReportInputError when one is malformed. */
function metadataOverrides(options: ExtractOptions) {
  const overrides: Partial<Pick<ExtractionResult, "title" | "publishedAt" | "datePrecision" | "period" | "periodBasis" | "sourceUrl">> = {};
  if (options.title !== undefined) {
    const title = options.title.replace(/\s+/g, " ").trim();
    if (!title) throw new ReportInputError("--title is empty");
    overrides.title = title;
  }
  if (options.date !== undefined) {
    const date = parseDateInput(options.date);
    if (!date) throw new ReportInputError(`--date "${options.date}" is not a date (write 2020-02-16, 2020-02 or 2020)`);
    Object.assign(overrides, { publishedAt: date.date, datePrecision: date.precision, period: periodOfDate(date), periodBasis: "published" as const });
  }
  if (options.url !== undefined) {
    const url = parseSourceUrl(options.url);
    if (!url) throw new ReportInputError(`--url "${options.url}" is not an http or https address`);
    overrides.sourceUrl = url;
  }
  return overrides;
}

export interface ReportExtraction extends ExtractionResult {
  /** Set when the text does not decide its region (region is then null): the candidates with their evidence. */
  regionCandidates?: RegionCandidate[];
  editor: string | null;
  extractorVersion: string;
  fileName: string | null;
}

/**
 * The largest report accepted. News reports run to tens of kilobytes; the limit keeps time and memory bounded
 * for whatever else gets fed in (a database dump, a log file) and is checked before the file is read.
 */
export const MAX_REPORT_BYTES = 4 * 1024 * 1024;

function assertReportSize(size: number, what: string): void {
  if (size > MAX_REPORT_BYTES) {
    throw new ReportInputError(`${what} is too large (${(size / 1024 / 1024).toFixed(1)} MB; a report may be at most ${MAX_REPORT_BYTES / 1024 / 1024} MB)`);
  }
}

/** The bytes of a report file; ReportInputError when it is missing, not a file, empty or too large. */
export function readReportFile(file: string): Uint8Array {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new ReportInputError(`${file} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof ReportInputError) throw error;
    throw new ReportInputError(`cannot read ${file}: no such file`, { cause: error });
  }
  if (size === 0) throw new ReportInputError(`${file} is empty`);
  assertReportSize(size, file);
  return readFileSync(file);
}

/** Metadata and facts of text the text stage has already prepared. */
export function extractPrepared(prepared: PreparedText, options: ExtractOptions = {}): ReportExtraction {
  const overrides = metadataOverrides(options);
  let metadata: ReturnType<typeof extractMetadata>;
  try {
    metadata = extractMetadata(prepared, { region: options.region });
  } catch (error) {
    // --region naming several regions (朝阳区): the caller must choose one.
    if (error instanceof RegionNameError) throw new ReportInputError(error.message, { cause: error });
    throw error;
  }
  return {
    region: metadata.regionCandidates ? null : toRegionInfo(metadata.region),
    ...(metadata.regionCandidates ? { regionCandidates: metadata.regionCandidates } : {}),
    title: metadata.title,
    publishedAt: metadata.publishedAt,
    datePrecision: metadata.datePrecision,
    period: metadata.period,
    periodBasis: metadata.periodBasis,
    sourceUrl: null,
    ...overrides,
    outlet: metadata.outlet,
    authors: metadata.authors,
    editor: metadata.editor,
    encoding: prepared.encoding,
    raw: prepared.raw,
    text: prepared.clean,
    repairs: prepared.repairs,
    sentences: prepared.sentences.map(({ index, text, original, start, end, rawStart, rawEnd }) => ({ index, text, original, start, end, rawStart, rawEnd })),
    facts: extractFacts(prepared, metadata.region),
    extractorVersion: EXTRACTOR_VERSION,
    fileName: options.fileName ?? null,
  };
}

/** Extracts a report from its raw bytes. Throws ReportInputError for input that is not Chinese text. */
export function extractReport(bytes: Uint8Array, options: ExtractOptions = {}): ReportExtraction {
  assertReportSize(bytes.length, options.fileName ?? "the report");
  let prepared: PreparedText;
  try {
    prepared = prepareText(bytes);
  } catch (error) {
    if (error instanceof TextInputError) throw new ReportInputError(error.message, { cause: error });
    throw error;
  }
  return extractPrepared(prepared, options);
}
