// Admins' maintenance: deleting a report (the history keeps a record, and its corrections) and re-extracting every
// report with the current extractor (corrections re-applied by lib/db/reextract.ts). Both move the data version
// (lib/queries/cache.ts) through a marker every app instance reads.
import type { Database } from "./client";
import { refreshHeadlines } from "./ingest";
import { reextractStale, type ReextractOutcome } from "./reextract";

export class MaintenanceInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MaintenanceInputError";
  }
}

export const DATA_CHANGED_KEY = "data_changed_at";

async function markDataChanged(database: Database): Promise<void> {
  await database.$executeRaw`INSERT INTO "AppSetting" ("key", "value") VALUES (${DATA_CHANGED_KEY}, ${String(Date.now())})
    ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value"`;
}

export async function deleteReport(database: Database, id: number, editorEmail: string, reason: string): Promise<{ regionSlug: string }> {
  const why = reason.trim();
  if (why.length < 3 || why.length > 500) throw new MaintenanceInputError("give a short reason (3 to 500 characters)");
  return database.$transaction(async (tx) => {
    const report = await tx.report.findUnique({ where: { id }, select: { sha256: true, title: true, regionId: true, region: { select: { slug: true } } } });
    if (!report) throw new MaintenanceInputError(`no report ${id}`);
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${report.region.slug}))`;
    await tx.reportDeletion.create({ data: { reportSha: report.sha256, reportTitle: report.title ?? "", regionSlug: report.region.slug, reason: why, editorEmail } });
    await tx.report.delete({ where: { id } }); // cascades to its sentences, repairs and facts; corrections stay
    await refreshHeadlines(tx, report.regionId);
    return { regionSlug: report.region.slug };
  });
}

export async function reextractAll(database: Database): Promise<ReextractOutcome[]> {
  const outcomes = await reextractStale(database, { all: true });
  await markDataChanged(database);
  return outcomes;
}
