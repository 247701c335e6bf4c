// Stores extracted reports. Extraction (pure, in lib/pipeline) runs before the first write, and each report is
// written in one transaction, so a failed ingest writes nothing; the SHA-256 of the raw bytes is unique, so a
// re-ingest of the same file (even two processes at once) stores it once.
//
// A batch of reports (ingestReports) is written in one transaction of a dozen set-based statements, whatever its
// size: per-report transactions spent most of their time on round trips and statement overhead (bench:scale). If
// that transaction fails, each report of the batch is stored again in a transaction of its own, so one bad report
// never costs the others and each report is still all or nothing.
import { createHash } from "node:crypto";
import { EXTRACTOR_VERSION, ReportInputError, type ReportExtraction } from "../pipeline";
import { extractForIngest, type Extractor, type IngestOptions } from "./ingest-extract";
import { storedDate } from "../extract/dates";
import type { ExtractedFact, ExtractionResult, RegionInfo } from "../extract/types";
import type { Database } from "./client";
import { isDatabaseUnavailable } from "./errors";
import { headlinePreferenceRows } from "../dashboard/headline";
import { applyCorrections } from "./corrections";

export type { Extractor, IngestOptions };

type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];

/**
 * Recomputes the stored headline figures of regions whose reports changed. The rule is lib/dashboard/headline.ts's
 * (pickHeadline): per headline family, among region-wide facts that are neither a part nor a restatement, the most
 * preferred kind of the codebook present, its largest figure, ties going to the earliest; never a sum.
 */
export async function refreshHeadlines(tx: Transaction, ...regionIds: number[]): Promise<void> {
  if (regionIds.length === 0) return;
  const preference = headlinePreferenceRows();
  await tx.$executeRaw`DELETE FROM "Headline" WHERE "regionId" = ANY(${regionIds}::int[])`;
  await tx.$executeRaw`
    INSERT INTO "Headline" ("regionId", "metric", "kind", "factId", "value")
    SELECT DISTINCT ON (f."regionId", f."metric") f."regionId", f."metric", f."kind", f."id", f."value"
    FROM "Fact" f
    JOIN unnest(${preference.metrics}::text[], ${preference.kinds}::text[], ${preference.ranks}::int[]) AS p("metric", "kind", "rank")
      ON p."metric" = f."metric"::text AND p."kind" = f."kind"
    WHERE f."regionId" = ANY(${regionIds}::int[]) AND f."scopeType" = 'region' AND f."partOfId" IS NULL AND f."restatesId" IS NULL
    ORDER BY f."regionId", f."metric", p."rank" ASC, f."value" DESC, f."id" ASC`;
}

export type IngestStatus = "created" | "unchanged" | "replaced";

export interface IngestOutcome {
  status: IngestStatus;
  reportId: number;
  regionSlug: string;
  facts: number;
}

export interface IngestInput {
  bytes: Uint8Array;
  options?: IngestOptions;
}

/** What became of one report of a batch: its outcome, or the error that stopped it (nothing of it was stored). */
export type IngestResult = { ok: true; outcome: IngestOutcome } | { ok: false; error: unknown };

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta, message } = error as { code?: string; meta?: unknown; message?: string };
  // P2002 from the ORM; a raw statement reports PostgreSQL's own code (23505) inside P2010.
  return code === "P2002" || (code === "P2010" && /23505|unique/i.test(`${JSON.stringify(meta)} ${message}`));
}

/** Ingests one report; throws what stopped it (ReportInputError for bad input). */
export async function ingestReport(database: Database, bytes: Uint8Array, options: IngestOptions = {}): Promise<IngestOutcome> {
  const [result] = await ingestReports(database, [{ bytes, options }]);
  if (!result.ok) throw result.error;
  return result.outcome;
}

type StoredReport = { id: number; sha256: string; slug: string; facts: number };

/** A report already stored, as the outcome of ingesting it again. */
function unchanged(report: StoredReport): IngestResult {
  return { ok: true, outcome: { status: "unchanged", reportId: report.id, regionSlug: report.slug, facts: report.facts } };
}

async function storedReports(database: Database | Transaction, digests: string[]): Promise<Map<string, StoredReport>> {
  if (digests.length === 0) return new Map();
  const rows = await database.$queryRaw<StoredReport[]>`
    SELECT r.id, r.sha256, g.slug, (SELECT count(*)::int FROM "Fact" f WHERE f."reportId" = r.id) AS facts
    FROM "Report" r JOIN "Region" g ON g.id = r."regionId" WHERE r.sha256 = ANY(${digests}::text[])`;
  return new Map(rows.map((row) => [row.sha256, row]));
}

interface PendingReport {
  index: number; // in the batch
  digest: string;
  fileName: string | null;
  replacing: boolean;
  extraction: ExtractionResult & { region: RegionInfo & { synthetic?: boolean } };
}

/**
 * Ingests a batch of reports: one result per input, in order. Reports already stored (same SHA-256) are unchanged
 * unless their options say replace; the rest are extracted, then stored together in one transaction.
 */
export async function ingestReports(database: Database, inputs: readonly IngestInput[], extract: Extractor = extractForIngest): Promise<IngestResult[]> {
  const results: (IngestResult | undefined)[] = new Array(inputs.length);
  const digests = inputs.map((input) => sha256(input.bytes));
  const stored = await storedReports(database, [...new Set(digests)]);
  const pending: PendingReport[] = [];
  const firstInBatch = new Map<string, number>(); // a file given twice in one batch is stored once
  const repeats: [index: number, first: number][] = [];
  const extractions = inputs.map(({ bytes, options = {} }, index) => {
    const digest = digests[index];
    const existing = stored.get(digest);
    if (existing && !options.replace) {
      results[index] = unchanged(existing);
      return null;
    }
    if (firstInBatch.has(digest)) return void repeats.push([index, firstInBatch.get(digest)!]), null;
    firstInBatch.set(digest, index);
    return (async () => {
      try {
        const extracted = await extract(bytes, options);
        const region = options.regionOverride ?? extracted.region;
        if (!region) throw new ReportInputError(undecidedRegionMessage(extracted, options.fileName));
        pending.push({ index, digest, fileName: options.fileName ?? null, replacing: Boolean(existing), extraction: { ...extracted, region } });
      } catch (error) {
        results[index] = { ok: false, error };
      }
    })();
  });
  await Promise.all(extractions);
  pending.sort((a, b) => a.index - b.index);

  const store = async (reports: PendingReport[]) => {
    const ids = await storeExtractions(database, reports);
    reports.forEach((report, i) => {
      results[report.index] = { ok: true, outcome: { status: report.replacing ? "replaced" : "created", reportId: ids[i], regionSlug: report.extraction.region.slug, facts: report.extraction.facts.length } };
    });
  };
  try {
    if (pending.length) await store(pending);
  } catch (batchError) {
    // Store each report on its own, so that the one that failed fails alone.
    // A database that cannot be reached fails every report of the batch alike: no retry one by one.
    let unavailable = isDatabaseUnavailable(batchError) ? batchError : null;
    for (const report of pending) {
      let error: unknown = unavailable ?? (pending.length === 1 ? batchError : null);
      if (error === null) {
        try {
          await store([report]);
          continue;
        } catch (retryError) {
          error = retryError;
          if (isDatabaseUnavailable(error)) unavailable = error;
        }
      }
      // Another process stored the same bytes between our check and our insert: that is the same report.
      const same = !report.replacing && isUniqueViolation(error) ? (await storedReports(database, [report.digest]).catch(() => null))?.get(report.digest) : undefined;
      results[report.index] = same ? unchanged(same) : { ok: false, error };
    }
  }
  for (const [index, first] of repeats) {
    const result = results[first]!;
    results[index] = result.ok ? { ok: true, outcome: { ...result.outcome, status: "unchanged" } } : result;
  }
  return results as IngestResult[];
}

/** Reports per transaction, and batches in flight, of ingestMany: what bench:scale measured. */
export const INGEST_BATCH_SIZE = 32;
export const INGEST_CONCURRENCY = 3;

export interface IngestManyOptions {
  extract?: Extractor;
  batchSize?: number; // reports per transaction
  concurrency?: number; // batches in flight: one extracts while another is stored
  onResult?: (result: IngestResult, index: number) => void;
}

/**
 * Ingests many reports in batches, `concurrency` batches at a time, so that extraction (in workers, when `extract`
 * runs there) and storing overlap. Inputs are read lazily (a function per input), so a large batch of files is never
 * all in memory; a read that throws is that input's failure.
 */
export async function ingestMany(database: Database, inputs: readonly (() => IngestInput)[], options: IngestManyOptions = {}): Promise<IngestResult[]> {
  const { extract = extractForIngest, batchSize = INGEST_BATCH_SIZE, concurrency = INGEST_CONCURRENCY, onResult } = options;
  const results: IngestResult[] = new Array(inputs.length);
  let next = 0;
  const lane = async () => {
    while (next < inputs.length) {
      const start = next;
      const indexes = Array.from({ length: Math.min(batchSize, inputs.length - start) }, (_, i) => start + i);
      next += indexes.length;
      const batch: { index: number; input: IngestInput }[] = [];
      for (const index of indexes) {
        try {
          batch.push({ index, input: inputs[index]() });
        } catch (error) {
          results[index] = { ok: false, error };
        }
      }
      let stored: IngestResult[];
      try {
        stored = await ingestReports(database, batch.map((item) => item.input), extract);
      } catch (error) {
        stored = batch.map(() => ({ ok: false, error })); // the database itself failed: nothing of the batch was stored
      }
      batch.forEach((item, i) => (results[item.index] = stored[i]));
      for (const index of indexes) onResult?.(results[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
  return results;
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

type RegionEntry = RegionInfo & { synthetic?: boolean };
type StoredRegion = { id: number; slug: string; code: string | null; level: string; parentId: number | null; shortName: string; province: string };

/**
 * Stores regions and the chains above them (province › prefecture › county): each entry is found by its code (else
 * its slug) and refiled with the gazetteer's level, code, parent and short name when they differ, or inserted.
 * Level by level, in slug order, so that concurrent batches take their row locks in the same order. Returns the
 * ids by slug.
 */
export async function storeRegions(tx: Transaction, regions: readonly RegionEntry[]): Promise<Map<string, number>> {
  const depths: Map<string, { entry: RegionEntry; parentSlug: string | null }>[] = [];
  for (const region of regions) {
    const chain = [...(region.ancestors ?? []), region];
    chain.forEach((entry, depth) => {
      const level = (depths[depth] ??= new Map());
      if (!level.has(entry.slug)) level.set(entry.slug, { entry: entry === region ? region : { ...entry, synthetic: false }, parentSlug: depth ? chain[depth - 1].slug : null });
    });
  }
  const all = depths.flatMap((level) => [...level.values()].map(({ entry }) => entry));
  const codes = all.flatMap((entry) => (entry.code ? [entry.code] : []));
  const existing = await tx.$queryRaw<StoredRegion[]>`
    SELECT id, slug, code, level::text AS level, "parentId", "shortName", province FROM "Region"
    WHERE code = ANY(${codes}::text[]) OR slug = ANY(${all.map((entry) => entry.slug)}::text[])`;
  const byCode = new Map(existing.filter((row) => row.code).map((row) => [row.code!, row]));
  const ids = new Map<string, number>();
  for (const level of depths) {
    const updates: { id: number; entry: RegionEntry; parentId: number | null }[] = [];
    const inserts: { entry: RegionEntry; parentId: number | null }[] = [];
    for (const { entry, parentSlug } of [...level.values()].sort((a, b) => (a.entry.slug < b.entry.slug ? -1 : 1))) {
      const parentId = parentSlug === null ? null : ids.get(parentSlug)!;
      const found = entry.code ? byCode.get(entry.code) : undefined;
      if (!found) {
        inserts.push({ entry, parentId });
        continue;
      }
      ids.set(entry.slug, found.id);
      const changed = found.level !== entry.level || found.parentId !== parentId || found.shortName !== (entry.shortName ?? "") || found.province !== entry.province;
      if (changed) updates.push({ id: found.id, entry, parentId });
    }
    if (updates.length) {
      await tx.$executeRaw`
        UPDATE "Region" SET "level" = u."level"::"RegionLevel", "parentId" = u."parentId", "shortName" = u."shortName", "province" = u."province"
        FROM unnest(${updates.map((u) => u.id)}::int[], ${updates.map((u) => u.entry.level)}::text[], ${updates.map((u) => u.parentId)}::int[],
                    ${updates.map((u) => u.entry.shortName ?? "")}::text[], ${updates.map((u) => u.entry.province)}::text[]) AS u("id", "level", "parentId", "shortName", "province")
        WHERE "Region".id = u."id"`;
    }
    if (inserts.length) {
      const rows = await tx.$queryRaw<{ id: number; slug: string }[]>`
        INSERT INTO "Region" ("slug", "code", "name", "shortName", "nameEn", "province", "level", "parentId", "synthetic")
        SELECT u."slug", u."code", u."name", u."shortName", u."nameEn", u."province", u."level"::"RegionLevel", u."parentId", u."synthetic"
        FROM unnest(${inserts.map((i) => i.entry.slug)}::text[], ${inserts.map((i) => i.entry.code ?? null)}::text[], ${inserts.map((i) => i.entry.name)}::text[],
                    ${inserts.map((i) => i.entry.shortName ?? "")}::text[], ${inserts.map((i) => i.entry.nameEn)}::text[], ${inserts.map((i) => i.entry.province)}::text[],
                    ${inserts.map((i) => i.entry.level)}::text[], ${inserts.map((i) => i.parentId)}::int[], ${inserts.map((i) => i.entry.synthetic ?? false)}::boolean[])
             AS u("slug", "code", "name", "shortName", "nameEn", "province", "level", "parentId", "synthetic")
        ON CONFLICT ("slug") DO UPDATE SET "code" = COALESCE(EXCLUDED."code", "Region"."code"), "level" = EXCLUDED."level",
          "parentId" = COALESCE(EXCLUDED."parentId", "Region"."parentId"), "shortName" = EXCLUDED."shortName", "province" = EXCLUDED."province"
        RETURNING id, slug`;
      for (const row of rows) ids.set(row.slug, row.id);
    }
  }
  return ids;
}

/** Stores one region and the chain above it; returns its id. */
export async function storeRegionChain(tx: Transaction, region: RegionEntry): Promise<number> {
  return (await storeRegions(tx, [region])).get(region.slug)!;
}

/** Stores extracted reports in one transaction; returns their ids, in order. */
async function storeExtractions(database: Database, reports: readonly PendingReport[]): Promise<number[]> {
  return database.$transaction(async (tx) => {
    // Reports of one region are stored one batch at a time: creating the region and recomputing its headlines
    // would otherwise race between concurrent ingests (a unique violation, or a stale headline). Sorted, so that
    // two batches never wait on each other's locks.
    const slugs = [...new Set(reports.map((report) => report.extraction.region.slug))].sort();
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(s)) FROM unnest(${slugs}::text[]) WITH ORDINALITY AS l(s, n) ORDER BY n`;
    const regionIds = await storeRegions(tx, reports.map((report) => report.extraction.region));
    const replaced = reports.filter((report) => report.replacing).map((report) => report.digest);
    if (replaced.length) await tx.$executeRaw`DELETE FROM "Report" WHERE "sha256" = ANY(${replaced}::text[])`; // cascades to sentences, repairs, facts
    const rows = reports.map(({ extraction, digest, fileName }) => ({
      extraction, digest, fileName,
      regionId: regionIds.get(extraction.region.slug)!,
      publishedAt: storedDate(extraction.publishedAt && extraction.datePrecision ? { date: extraction.publishedAt, precision: extraction.datePrecision } : null),
    }));
    const inserted = await tx.$queryRaw<{ id: number; sha256: string }[]>`
      INSERT INTO "Report" ("regionId", "title", "sourceUrl", "outlet", "publishedAt", "datePrecision", "period", "periodBasis", "authors", "sourceFile", "encoding", "rawText", "cleanText", "sha256", "extractorVersion")
      SELECT u."regionId", u."title", u."sourceUrl", u."outlet", u."publishedAt", u."datePrecision"::"DatePrecision", u."period", u."periodBasis"::"PeriodBasis",
             ARRAY(SELECT jsonb_array_elements_text(u."authors"::jsonb)), u."sourceFile", u."encoding", u."rawText", u."cleanText", u."sha256", ${EXTRACTOR_VERSION}
      FROM unnest(${rows.map((r) => r.regionId)}::int[], ${rows.map((r) => r.extraction.title)}::text[], ${rows.map((r) => r.extraction.sourceUrl)}::text[],
                  ${rows.map((r) => r.extraction.outlet)}::text[], ${rows.map((r) => r.publishedAt)}::date[], ${rows.map((r) => r.extraction.datePrecision)}::text[],
                  ${rows.map((r) => r.extraction.period)}::text[], ${rows.map((r) => r.extraction.periodBasis)}::text[],
                  ${rows.map((r) => JSON.stringify(r.extraction.authors))}::text[], ${rows.map((r) => r.fileName)}::text[], ${rows.map((r) => r.extraction.encoding)}::text[],
                  ${rows.map((r) => r.extraction.raw)}::text[], ${rows.map((r) => r.extraction.text)}::text[], ${rows.map((r) => r.digest)}::text[])
           AS u("regionId", "title", "sourceUrl", "outlet", "publishedAt", "datePrecision", "period", "periodBasis", "authors", "sourceFile", "encoding", "rawText", "cleanText", "sha256")
      RETURNING id, sha256`;
    const idBySha = new Map(inserted.map((row) => [row.sha256, row.id]));
    const reportIds = rows.map((row) => idBySha.get(row.digest)!);
    await insertContents(tx, rows.map((row, i) => ({ reportId: reportIds[i], regionId: row.regionId, extraction: row.extraction })));
    // Editors' corrections outlive re-extraction and re-ingest (they are keyed by the report's SHA-256).
    const corrected = new Set((await tx.$queryRaw<{ sha: string }[]>`
      SELECT DISTINCT "reportSha" AS sha FROM "Correction" WHERE "reportSha" = ANY(${rows.map((row) => row.digest)}::text[])`).map((row) => row.sha));
    for (const [i, row] of rows.entries()) if (corrected.has(row.digest)) await applyCorrections(tx, reportIds[i], { afterExtraction: true });
    await refreshHeadlines(tx, ...new Set(rows.map((row) => row.regionId)));
    return reportIds;
  }, { timeout: 60_000 });
}

export interface ReportContent {
  reportId: number;
  regionId: number;
  extraction: ExtractionResult;
}

/** Inserts reports' sentences, repairs and facts (new reports, or ones being re-extracted). */
export async function insertContents(tx: Transaction, reports: readonly ReportContent[]): Promise<void> {
  // The bulk rows go in as one parameterized INSERT … SELECT FROM unnest(…) per table: the ORM's per-row
  // work dominated ingest time (bench:scale), and these statements still take every value as a parameter.
  const sentences = reports.flatMap(({ reportId, extraction }) => extraction.sentences.map((s) => ({ ...s, reportId })));
  const sentenceRows = await tx.$queryRaw<{ id: number; reportId: number; index: number }[]>`
    INSERT INTO "Sentence" ("reportId", "index", "text", "original", "start", "end", "rawStart", "rawEnd")
    SELECT * FROM unnest(
      ${sentences.map((s) => s.reportId)}::int[], ${sentences.map((s) => s.index)}::int[], ${sentences.map((s) => s.text)}::text[], ${sentences.map((s) => s.original)}::text[],
      ${sentences.map((s) => s.start)}::int[], ${sentences.map((s) => s.end)}::int[],
      ${sentences.map((s) => s.rawStart)}::int[], ${sentences.map((s) => s.rawEnd)}::int[])
    RETURNING id, "reportId", "index"`;
  const sentenceIds = new Map(sentenceRows.map((row) => [`${row.reportId}:${row.index}`, row.id]));
  const repairs = reports.flatMap(({ reportId, extraction }) => extraction.repairs.map((r) => ({ ...r, reportId })));
  if (repairs.length) {
    await tx.$executeRaw`
      INSERT INTO "Repair" ("reportId", "start", "end", "before", "after", "kind")
      SELECT * FROM unnest(
        ${repairs.map((r) => r.reportId)}::int[], ${repairs.map((r) => r.start)}::int[], ${repairs.map((r) => r.end)}::int[], ${repairs.map((r) => r.before)}::text[],
        ${repairs.map((r) => r.after)}::text[], ${repairs.map((r) => r.kind)}::text[])`;
  }
  await insertFacts(tx, reports, sentenceIds);
}

/**
 * Inserts reports' facts in one statement; partOf and restates (indexes into each report's facts) become the ids of
 * the facts they point at, set by one update.
 */
async function insertFacts(tx: Transaction, reports: readonly ReportContent[], sentenceIds: Map<string, number>): Promise<void> {
  const facts = reports.flatMap(({ reportId, regionId, extraction }) => extraction.facts.map((fact) => ({ ...fact, reportId, regionId })));
  if (facts.length === 0) return;
  const rows = await tx.$queryRaw<{ id: number; reportId: number; start: number }[]>`
    INSERT INTO "Fact" ("reportId", "regionId", "sentenceId", "metric", "kind", "subject", "value", "unit", "approx", "scopeType", "scopeName", "figure", "start", "end")
    SELECT * FROM unnest(
      ${facts.map((f) => f.reportId)}::int[], ${facts.map((f) => f.regionId)}::int[],
      ${facts.map((f) => sentenceIds.get(`${f.reportId}:${f.sentence}`)!)}::int[], ${facts.map((f) => f.metric)}::"Metric"[], ${facts.map((f) => f.kind)}::text[],
      ${facts.map((f) => f.subject)}::text[], ${facts.map((f) => f.value)}::float8[], ${facts.map((f) => f.unit)}::text[],
      ${facts.map((f) => f.approx)}::"Approximation"[], ${facts.map((f) => f.scope.type)}::text[], ${facts.map((f) => f.scope.name)}::text[],
      ${facts.map((f) => f.figure)}::text[], ${facts.map((f) => f.start)}::int[], ${facts.map((f) => f.end)}::int[])
    RETURNING id, "reportId", "start"`;
  // Every figure of a report starts at its own offset: report and offset find each fact's new id.
  const idOf = new Map(rows.map((row) => [`${row.reportId}:${row.start}`, row.id]));
  const linked = reports.flatMap(({ reportId, extraction }) => {
    const ids = extraction.facts.map((f: ExtractedFact) => idOf.get(`${reportId}:${f.start}`)!);
    return extraction.facts
      .map((f, i) => ({ id: ids[i], partOf: f.partOf === null ? null : ids[f.partOf], restates: f.restates === null ? null : ids[f.restates] }))
      .filter((row) => row.partOf !== null || row.restates !== null);
  });
  if (linked.length === 0) return;
  await tx.$executeRaw`
    UPDATE "Fact" SET "partOfId" = u."partOf", "restatesId" = u."restates"
    FROM unnest(${linked.map((r) => r.id)}::int[], ${linked.map((r) => r.partOf)}::int[], ${linked.map((r) => r.restates)}::int[]) AS u("id", "partOf", "restates")
    WHERE "Fact"."id" = u."id"`;
}
