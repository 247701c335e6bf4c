// Stores extracted reports. Extraction (pure, in lib/pipeline) runs before the first write, and each report is
// written in one transaction, so a failed ingest writes nothing; the SHA-256 of the raw bytes is unique, so a
// re-ingest of the same file (even two processes at once) stores it once.
import { createHash } from "node:crypto";
import { extractReport, EXTRACTOR_VERSION, ReportInputError, type ReportExtraction } from "../pipeline";
import { storedDate } from "../extract/dates";
import type { ExtractedFact, ExtractionResult, RegionInfo } from "../extract/types";
import type { Database } from "./client";
import { headlinePreferenceRows } from "../dashboard/headline";
import { applyCorrections } from "./corrections";

type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];

/**
 * Recomputes a region's stored headline figures from all its facts (after its reports changed). The rule is
 * lib/dashboard/headline.ts's (pickHeadline): per headline family, among region-wide facts that are neither a part
 * nor a restatement, the most preferred kind of the codebook present, its largest figure, ties going to the
 * earliest; never a sum.
 */
export async function refreshHeadlines(tx: Transaction, regionId: number): Promise<void> {
  const preference = headlinePreferenceRows();
  await tx.$executeRaw`DELETE FROM "Headline" WHERE "regionId" = ${regionId}`;
  await tx.$executeRaw`
    INSERT INTO "Headline" ("regionId", "metric", "kind", "factId", "value")
    SELECT DISTINCT ON (f."metric") f."regionId", f."metric", f."kind", f."id", f."value"
    FROM "Fact" f
    JOIN unnest(${preference.metrics}::text[], ${preference.kinds}::text[], ${preference.ranks}::int[]) AS p("metric", "kind", "rank")
      ON p."metric" = f."metric"::text AND p."kind" = f."kind"
    WHERE f."regionId" = ${regionId} AND f."scopeType" = 'region' AND f."partOfId" IS NULL AND f."restatesId" IS NULL
    ORDER BY f."metric", p."rank" ASC, f."value" DESC, f."id" ASC`;
}

export type IngestStatus = "created" | "unchanged" | "replaced";

export interface IngestOutcome {
  status: IngestStatus;
  reportId: number;
  regionSlug: string;
  facts: number;
}

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

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta, message } = error as { code?: string; meta?: unknown; message?: string };
  // P2002 from the ORM; a raw statement reports PostgreSQL's own code (23505) inside P2010.
  return code === "P2002" || (code === "P2010" && /23505|unique/i.test(`${JSON.stringify(meta)} ${message}`));
}

export async function ingestReport(database: Database, bytes: Uint8Array, options: IngestOptions = {}): Promise<IngestOutcome> {
  const digest = sha256(bytes);
  const existing = await database.report.findUnique({
    where: { sha256: digest },
    select: { id: true, region: { select: { slug: true } }, _count: { select: { facts: true } } },
  });
  if (existing && !options.replace) {
    return { status: "unchanged", reportId: existing.id, regionSlug: existing.region.slug, facts: existing._count.facts };
  }
  const extracted = extractReport(bytes, {
    region: options.region, fileName: options.fileName, title: options.title, date: options.date ?? options.publishedAt, url: options.url,
  });
  const region = options.regionOverride ?? extracted.region;
  if (!region) throw new ReportInputError(undecidedRegionMessage(extracted, options.fileName));
  const extraction = { ...extracted, region };
  try {
    const reportId = await storeExtraction(database, extraction, digest, options.fileName ?? null, Boolean(existing));
    return { status: existing ? "replaced" : "created", reportId, regionSlug: extraction.region.slug, facts: extraction.facts.length };
  } catch (error) {
    // Another process stored the same bytes between our check and our insert: that is the same report.
    if (!options.replace && isUniqueViolation(error)) {
      const stored = await database.report.findUnique({
        where: { sha256: digest },
        select: { id: true, region: { select: { slug: true } }, _count: { select: { facts: true } } },
      });
      if (stored) return { status: "unchanged", reportId: stored.id, regionSlug: stored.region.slug, facts: stored._count.facts };
    }
    throw error;
  }
}

/** One line: the candidates with their chains and strongest evidence, and how to decide. */
export function undecidedRegionMessage(extraction: ReportExtraction, fileName?: string): string {
  const candidates = (extraction.regionCandidates ?? []).slice(0, 3).map((c) => {
    const chain = [...(c.region.ancestors ?? []).map((a) => a.name), c.region.name].join(" › ");
    return `${chain} [--region ${c.region.slug}] (${c.evidence.slice(0, 2).join("; ")})`;
  });
  const what = fileName ?? "the report";
  return candidates.length
    ? `cannot tell which region ${what} reports on; candidates: ${candidates.join(", ")}; name it with --region`
    : `${what} names no region of the gazetteer; name it with --region`;
}

/**
 * Stores a region and the chain above it (province › prefecture › county), each found by its code or slug and
 * refiled with the gazetteer's level, code and parent; returns the ids, top first.
 */
export async function storeRegionChain(tx: Transaction, region: RegionInfo & { synthetic?: boolean }): Promise<number> {
  let parentId: number | null = null;
  for (const entry of [...(region.ancestors ?? []), region]) {
    const synthetic = entry === region ? (region.synthetic ?? false) : false;
    const code = entry.code ?? null;
    const shortName = entry.shortName ?? "";
    const byCode: { id: number }[] = code ? await tx.$queryRaw<{ id: number }[]>`
      UPDATE "Region" SET "level" = ${entry.level}::"RegionLevel", "parentId" = ${parentId}, "shortName" = ${shortName}, "province" = ${entry.province}
      WHERE "code" = ${code} RETURNING id` : [];
    if (byCode.length) {
      parentId = byCode[0].id;
      continue;
    }
    const [stored]: { id: number }[] = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO "Region" ("slug", "code", "name", "shortName", "nameEn", "province", "level", "parentId", "synthetic")
      VALUES (${entry.slug}, ${code}, ${entry.name}, ${shortName}, ${entry.nameEn}, ${entry.province}, ${entry.level}::"RegionLevel", ${parentId}, ${synthetic})
      ON CONFLICT ("slug") DO UPDATE SET "code" = COALESCE(EXCLUDED."code", "Region"."code"), "level" = EXCLUDED."level",
        "parentId" = COALESCE(EXCLUDED."parentId", "Region"."parentId"), "shortName" = EXCLUDED."shortName", "province" = EXCLUDED."province"
      RETURNING id`;
    parentId = stored.id;
  }
  return parentId!;
}

async function storeExtraction(database: Database, extraction: ExtractionResult & { region: RegionInfo & { synthetic?: boolean } }, digest: string, fileName: string | null, replacing: boolean) {
  const { region } = extraction;
  return database.$transaction(async (tx) => {
    // Reports of one region are stored one at a time: creating the region and recomputing its headlines
    // would otherwise race between concurrent ingests (a unique violation, or a stale headline).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${region.slug}))`;
    const storedRegion = { id: await storeRegionChain(tx, region) };
    if (replacing) await tx.$executeRaw`DELETE FROM "Report" WHERE "sha256" = ${digest}`; // cascades to sentences, repairs, facts
    const publishedAt = storedDate(extraction.publishedAt && extraction.datePrecision ? { date: extraction.publishedAt, precision: extraction.datePrecision } : null);
    const [report] = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO "Report" ("regionId", "title", "sourceUrl", "outlet", "publishedAt", "datePrecision", "period", "periodBasis", "authors", "sourceFile", "encoding", "rawText", "cleanText", "sha256", "extractorVersion")
      VALUES (${storedRegion.id}, ${extraction.title}, ${extraction.sourceUrl}, ${extraction.outlet}, ${publishedAt}::date, ${extraction.datePrecision}::"DatePrecision",
              ${extraction.period}, ${extraction.periodBasis}::"PeriodBasis", ${extraction.authors}::text[], ${fileName},
              ${extraction.encoding}, ${extraction.raw}, ${extraction.text}, ${digest}, ${EXTRACTOR_VERSION})
      RETURNING id`;
    await insertContent(tx, report.id, storedRegion.id, extraction);
    await applyCorrections(tx, report.id, { afterExtraction: true }); // editors' corrections outlive re-extraction
    await refreshHeadlines(tx, storedRegion.id);
    return report.id;
  }, { timeout: 30_000 });
}

/** Inserts a report's sentences, repairs and facts (a new report, or one being re-extracted). */
export async function insertContent(tx: Transaction, reportId: number, regionId: number, extraction: ExtractionResult): Promise<void> {
  // The bulk rows go in as one parameterized INSERT … SELECT FROM unnest(…) per table: the ORM's per-row
  // work dominated ingest time (bench:scale), and these statements still take every value as a parameter.
  const sentences = extraction.sentences;
  const sentenceRows = await tx.$queryRaw<{ id: number; index: number }[]>`
    INSERT INTO "Sentence" ("reportId", "index", "text", "original", "start", "end", "rawStart", "rawEnd")
    SELECT ${reportId}, * FROM unnest(
      ${sentences.map((s) => s.index)}::int[], ${sentences.map((s) => s.text)}::text[], ${sentences.map((s) => s.original)}::text[],
      ${sentences.map((s) => s.start)}::int[], ${sentences.map((s) => s.end)}::int[],
      ${sentences.map((s) => s.rawStart)}::int[], ${sentences.map((s) => s.rawEnd)}::int[])
    RETURNING id, "index"`;
  const sentenceIds = new Map(sentenceRows.map((row) => [row.index, row.id]));
  const repairs = extraction.repairs;
  await tx.$executeRaw`
    INSERT INTO "Repair" ("reportId", "start", "end", "before", "after", "kind")
    SELECT ${reportId}, * FROM unnest(
      ${repairs.map((r) => r.start)}::int[], ${repairs.map((r) => r.end)}::int[], ${repairs.map((r) => r.before)}::text[],
      ${repairs.map((r) => r.after)}::text[], ${repairs.map((r) => r.kind)}::text[])`;
  await insertFacts(tx, reportId, regionId, extraction.facts, sentenceIds);
}

/**
 * Inserts a report's facts in one statement; partOf and restates (indexes into `facts`) become the ids of the facts
 * they point at, set by one update.
 */
export async function insertFacts(tx: Transaction, reportId: number, regionId: number, facts: readonly ExtractedFact[], sentenceIds: Map<number, number>): Promise<void> {
  if (facts.length === 0) return;
  const rows = await tx.$queryRaw<{ id: number; start: number }[]>`
    INSERT INTO "Fact" ("reportId", "regionId", "sentenceId", "metric", "kind", "subject", "value", "unit", "approx", "scopeType", "scopeName", "figure", "start", "end")
    SELECT ${reportId}, ${regionId}, * FROM unnest(
      ${facts.map((f) => sentenceIds.get(f.sentence)!)}::int[], ${facts.map((f) => f.metric)}::"Metric"[], ${facts.map((f) => f.kind)}::text[],
      ${facts.map((f) => f.subject)}::text[], ${facts.map((f) => f.value)}::float8[], ${facts.map((f) => f.unit)}::text[],
      ${facts.map((f) => f.approx)}::"Approximation"[], ${facts.map((f) => f.scope.type)}::text[], ${facts.map((f) => f.scope.name)}::text[],
      ${facts.map((f) => f.figure)}::text[], ${facts.map((f) => f.start)}::int[], ${facts.map((f) => f.end)}::int[])
    RETURNING id, "start"`;
  // Every figure of a report starts at its own offset: the offset finds each fact's new id.
  const idByStart = new Map(rows.map((row) => [row.start, row.id]));
  const ids = facts.map((f) => idByStart.get(f.start)!);
  const linked = facts.map((f, i) => ({ id: ids[i], partOf: f.partOf === null ? null : ids[f.partOf], restates: f.restates === null ? null : ids[f.restates] }))
    .filter((row) => row.partOf !== null || row.restates !== null);
  if (linked.length === 0) return;
  await tx.$executeRaw`
    UPDATE "Fact" SET "partOfId" = u."partOf", "restatesId" = u."restates"
    FROM unnest(${linked.map((r) => r.id)}::int[], ${linked.map((r) => r.partOf)}::int[], ${linked.map((r) => r.restates)}::int[]) AS u("id", "partOf", "restates")
    WHERE "Fact"."id" = u."id"`;
}
