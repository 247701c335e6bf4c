// Reports added in the browser (/reports/new) and by scripts (POST /api/reports): the same pipeline, checks and
// single-transaction ingest as `atlas ingest`. A preview runs the extraction and stores nothing; a save stores the
// report with the editor's region, title and date.
import { toRegionInfo, unnamedRegion } from "../extract/regions";
import { extractReport, MAX_REPORT_BYTES, ReportInputError, type ReportExtraction } from "../pipeline";
import { knownRegions } from "../extract/regions";
import type { RegionInfo } from "../extract/types";
import type { Database } from "./client";
import { ingestReport, sha256, type IngestOutcome } from "./ingest";

export interface UploadFields {
  fileName: string;
  region?: string;
  title?: string;
  publishedAt?: string;
  url?: string;
}

export interface UploadPreview {
  sha256: string;
  /** The stored report with the same bytes, if any: saving would store nothing. */
  duplicate: { id: number; regionSlug: string; title: string | null } | null;
  region: RegionInfo;
  regionCandidates: RegionInfo[];
  title: string | null;
  outlet: string | null;
  publishedAt: string | null;
  authors: string[];
  encoding: string;
  repairs: ReportExtraction["repairs"];
  sentences: { index: number; text: string }[];
  facts: { sentence: number; figure: string; metric: string; kind: string; subject: string; value: number; unit: string; approx: string; scope: { type: string; name: string | null }; partOf: number | null; restates: number | null }[];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function optional(value: FormDataEntryValue | null, name: string, max: number): string | undefined {
  if (value === null) return undefined;
  if (typeof value !== "string") throw new ReportInputError(`${name} must be text`);
  const text = value.trim();
  if (text.length > max) throw new ReportInputError(`${name} is too long (at most ${max} characters)`);
  return text || undefined;
}

/** Checks the optional fields of an upload form: region name, title, date (YYYY-MM-DD), source URL. */
export function uploadFields(form: FormData, fileName: string): UploadFields {
  const publishedAt = optional(form.get("date"), "date", 10);
  if (publishedAt) {
    const match = DATE.exec(publishedAt);
    const date = match && new Date(`${publishedAt}T00:00:00Z`);
    if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== publishedAt) throw new ReportInputError(`date must be YYYY-MM-DD, got "${publishedAt}"`);
  }
  const url = optional(form.get("url"), "url", 2000);
  if (url) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      parsed = null;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol)) throw new ReportInputError(`url must be an http or https address, got "${url}"`);
  }
  return { fileName, region: optional(form.get("region"), "region", 40), title: optional(form.get("title"), "title", 200), publishedAt, url };
}

/** The file of a multipart upload as bytes, with the CLI's checks (present, not empty, within the size limit). */
export async function uploadedFile(form: FormData): Promise<{ bytes: Uint8Array; fileName: string }> {
  const file = form.get("file");
  if (file === null || typeof file === "string") throw new ReportInputError("give a report file (multipart field \"file\")");
  const fileName = (file.name || "upload.txt").split(/[\\/]/).pop()!.slice(0, 200);
  if (file.size === 0) throw new ReportInputError(`${fileName} is empty`);
  if (file.size > MAX_REPORT_BYTES) {
    throw new ReportInputError(`${fileName} is too large (${(file.size / 1024 / 1024).toFixed(1)} MB; a report may be at most ${MAX_REPORT_BYTES / 1024 / 1024} MB)`);
  }
  return { bytes: new Uint8Array(await file.arrayBuffer()), fileName };
}

async function storedDuplicate(database: Database, digest: string) {
  const stored = await database.report.findUnique({ where: { sha256: digest }, select: { id: true, title: true, region: { select: { slug: true } } } });
  return stored ? { id: stored.id, title: stored.title, regionSlug: stored.region.slug } : null;
}

export async function previewUpload(database: Database, bytes: Uint8Array, fields: UploadFields): Promise<UploadPreview> {
  const digest = sha256(bytes);
  const extraction = extractReport(bytes, { region: fields.region, fileName: fields.fileName });
  // Other candidates for the region, when the extractor names them (newer extractors do).
  const candidates = (extraction.regionCandidates ?? []).map((candidate) => candidate.region).filter((region) => region.slug !== extraction.region?.slug);
  return {
    sha256: digest,
    duplicate: await storedDuplicate(database, digest),
    // Undecided: the likeliest candidate is only preselected; the editor confirms or picks another.
    region: extraction.region ?? candidates[0] ?? toRegionInfo(unnamedRegion()),
    regionCandidates: candidates.map(({ name, nameEn, slug, province, level }) => ({ name, nameEn, slug, province, level })),
    title: fields.title ?? extraction.title,
    outlet: extraction.outlet,
    publishedAt: fields.publishedAt ?? extraction.publishedAt,
    authors: extraction.authors,
    encoding: extraction.encoding,
    repairs: extraction.repairs,
    sentences: extraction.sentences.map(({ index, text }) => ({ index, text })),
    facts: extraction.facts.map(({ sentence, figure, metric, kind, subject, value, unit, approx, scope, partOf, restates }) => ({ sentence, figure, metric, kind, subject, value, unit, approx, scope, partOf, restates })),
  };
}

export async function saveUpload(database: Database, bytes: Uint8Array, fields: UploadFields): Promise<IngestOutcome> {
  return ingestReport(database, bytes, { region: fields.region, fileName: fields.fileName, title: fields.title, publishedAt: fields.publishedAt, url: fields.url });
}

/** Regions of the gazetteer whose name, short name, English name, slug or province contains the query. */
export function searchGazetteer(query: string, limit = 20): RegionInfo[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const matches: { region: RegionInfo; rank: number }[] = [];
  for (const region of knownRegions()) {
    const fields = [region.name, region.short, region.nameEn.toLowerCase(), region.slug, region.province];
    const rank = fields.some((field) => field === q) ? 0 : fields.some((field) => field.startsWith(q)) ? 1 : fields.some((field) => field.includes(q)) ? 2 : -1;
    if (rank >= 0) matches.push({ region, rank });
  }
  matches.sort((a, b) => a.rank - b.rank || b.region.name.length - a.region.name.length || a.region.name.localeCompare(b.region.name));
  return matches.slice(0, limit).map(({ region: { name, nameEn, slug, province, level } }) => ({ name, nameEn, slug, province, level }));
}
