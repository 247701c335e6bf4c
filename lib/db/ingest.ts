// Stores extracted reports. Extraction (pure, in lib/pipeline) runs before the first write, and each report is
// written in one transaction, so a failed ingest writes nothing; the SHA-256 of the raw bytes is unique, so a
// re-ingest of the same file (even two processes at once) stores it once.
import { createHash } from "node:crypto";
import { extractReport, EXTRACTOR_VERSION } from "../pipeline";
import type { ExtractionResult, RegionInfo } from "../extract/types";
import type { Database } from "./client";
import { pickHeadline } from "../dashboard/headline";
import { HEADLINE_METRICS } from "../dashboard/metrics";

type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];

/** Recomputes a region's stored headline figures from all its facts (after its reports changed). */
export async function refreshHeadlines(tx: Transaction, regionId: number): Promise<void> {
  const candidates = await tx.fact.findMany({
    where: { regionId, metric: { in: [...HEADLINE_METRICS] }, scope: null, restates: false },
    select: { id: true, metric: true, value: true, scope: true, restates: true },
    orderBy: { id: "asc" },
  });
  await tx.headline.deleteMany({ where: { regionId } });
  const headlines = HEADLINE_METRICS.flatMap((metric) => {
    const best = pickHeadline(candidates.filter((fact) => fact.metric === metric));
    return best ? [{ regionId, metric, factId: best.id, value: best.value }] : [];
  });
  await tx.headline.createMany({ data: headlines });
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
  replace?: boolean;
  /** Stores the report under this region whatever the text says (bench:scale's synthetic regions). */
  regionOverride?: RegionInfo & { synthetic?: boolean };
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
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
  const extracted = extractReport(bytes, { region: options.region, fileName: options.fileName });
  const extraction = options.regionOverride ? { ...extracted, region: options.regionOverride } : extracted;
  try {
    const reportId = await storeExtraction(database, extraction, digest, options.fileName ?? null);
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

async function storeExtraction(database: Database, extraction: ExtractionResult & { region: RegionInfo & { synthetic?: boolean } }, digest: string, fileName: string | null) {
  const { region } = extraction;
  return database.$transaction(async (tx) => {
    // Reports of one region are stored one at a time: creating the region and recomputing its headlines
    // would otherwise race between concurrent ingests (a unique violation, or a stale headline).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${region.slug}))`;
    const storedRegion = await tx.region.upsert({
      where: { slug: region.slug },
      update: {},
      create: { slug: region.slug, name: region.name, nameEn: region.nameEn, province: region.province, level: region.level, synthetic: region.synthetic ?? false },
      select: { id: true },
    });
    await tx.report.deleteMany({ where: { sha256: digest } }); // --replace: cascades to sentences, repairs, facts
    const report = await tx.report.create({
      data: {
        regionId: storedRegion.id,
        title: extraction.title,
        outlet: extraction.outlet,
        publishedAt: extraction.publishedAt ? new Date(`${extraction.publishedAt}T00:00:00Z`) : null,
        authors: extraction.authors,
        sourceFile: fileName,
        encoding: extraction.encoding,
        rawText: extraction.raw,
        cleanText: extraction.text,
        sha256: digest,
        extractorVersion: EXTRACTOR_VERSION,
      },
      select: { id: true },
    });
    const sentences = await tx.sentence.createManyAndReturn({
      data: extraction.sentences.map((sentence) => ({
        reportId: report.id,
        index: sentence.index,
        text: sentence.text,
        original: sentence.original,
        start: sentence.start,
        end: sentence.end,
        rawStart: sentence.rawStart,
        rawEnd: sentence.rawEnd,
      })),
      select: { id: true, index: true },
    });
    const sentenceIds = new Map(sentences.map((sentence) => [sentence.index, sentence.id]));
    await tx.repair.createMany({
      data: extraction.repairs.map((repair) => ({ reportId: report.id, ...pick(repair, ["start", "end", "before", "after", "kind"]) })),
    });
    await tx.fact.createMany({
      data: extraction.facts.map((fact) => ({
        reportId: report.id,
        regionId: storedRegion.id,
        sentenceId: sentenceIds.get(fact.sentence)!,
        metric: fact.metric,
        subject: fact.subject,
        value: fact.value,
        unit: fact.unit,
        approx: fact.approx,
        scope: fact.scope,
        restates: fact.restates,
        figure: fact.figure,
        start: fact.start,
        end: fact.end,
      })),
    });
    await refreshHeadlines(tx, storedRegion.id);
    return report.id;
  }, { timeout: 30_000 });
}

function pick<T extends object, K extends keyof T>(value: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as Pick<T, K>;
}
