// Re-extraction of stored reports whose extractorVersion is older than the running extractor's (the codebook's
// extractorVersion): their stored raw text goes through the same pipeline again, and their sentences, repairs and
// facts are replaced in one transaction per report; the report keeps its id, region, title and date, editors'
// corrections are applied again and the region's headlines recomputed. `npm start` runs it after the migrations.
import { EXTRACTOR_VERSION, extractReport } from "../pipeline";
import type { Database } from "./client";
import { applyCorrections } from "./corrections";
import { insertContents, refreshHeadlines } from "./ingest";

export interface ReextractOutcome {
  reportId: number;
  regionSlug: string;
  facts: number;
}

/** Re-extracts every stored report of another extractor version (or every one); returns what it did, report by report. */
export async function reextractStale(database: Database, options: { all?: boolean } = {}): Promise<ReextractOutcome[]> {
  const stale = await database.report.findMany({
    // all: every report, whatever its version (an admin's "re-extract every report", `atlas reextract`).
    where: options.all ? {} : { extractorVersion: { not: EXTRACTOR_VERSION } },
    select: { id: true, sourceFile: true, region: { select: { id: true, slug: true, name: true } } },
    orderBy: { id: "asc" },
  });
  const outcomes: ReextractOutcome[] = [];
  for (const report of stale) {
    const { rawText } = await database.report.findUniqueOrThrow({ where: { id: report.id }, select: { rawText: true } });
    // The stored region names the scopes' frame (a report ingested with --region keeps it).
    const extraction = extractReport(Buffer.from(rawText, "utf8"), { region: report.region.name, fileName: report.sourceFile ?? undefined });
    await database.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${report.region.slug}))`;
      const [{ version }] = await tx.$queryRaw<{ version: string }[]>`SELECT "extractorVersion" AS version FROM "Report" WHERE id = ${report.id} FOR UPDATE`;
      if (version === EXTRACTOR_VERSION && !options.all) return; // another process got here first
      await tx.$executeRaw`DELETE FROM "Sentence" WHERE "reportId" = ${report.id}`; // cascades to the facts
      await tx.$executeRaw`DELETE FROM "Repair" WHERE "reportId" = ${report.id}`;
      await tx.$executeRaw`UPDATE "Report" SET "cleanText" = ${extraction.text}, "extractorVersion" = ${EXTRACTOR_VERSION} WHERE id = ${report.id}`;
      await insertContents(tx, [{ reportId: report.id, regionId: report.region.id, extraction }]);
      await applyCorrections(tx, report.id, { afterExtraction: true });
      await refreshHeadlines(tx, report.region.id);
    }, { timeout: 30_000 });
    outcomes.push({ reportId: report.id, regionSlug: report.region.slug, facts: extraction.facts.length });
  }
  return outcomes;
}
