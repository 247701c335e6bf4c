// Data for /history: every editor's change (newest first), filterable by editor, region and report, with reverts.
import { db } from "../db/client";

export interface HistoryEntry {
  id: number;
  at: string;
  editor: string;
  action: string;
  regionSlug: string;
  reportId: number | null; // null once the report is deleted
  reportTitle: string;
  sentenceIndex: number;
  figure: string;
  after: { metric: string | null; value: number | null; unit: string | null; subject: string | null; scope: string | null };
  reason: string;
  revertedAt: string | null;
  revertedBy: string | null;
  needsReview: boolean;
}

export interface HistoryFilter {
  editor?: string;
  region?: string;
  report?: number;
}

const LIMIT = 500;

export async function historyEntries(filter: HistoryFilter): Promise<HistoryEntry[]> {
  let reportSha: string | undefined;
  if (filter.report !== undefined) {
    const report = await db().report.findUnique({ where: { id: filter.report }, select: { sha256: true } });
    if (!report) return [];
    reportSha = report.sha256;
  }
  const rows = await db().correction.findMany({
    where: { editorEmail: filter.editor || undefined, regionSlug: filter.region || undefined, reportSha },
    orderBy: { id: "desc" },
    take: LIMIT,
  });
  const reports = await db().report.findMany({ where: { sha256: { in: [...new Set(rows.map((row) => row.reportSha))] } }, select: { id: true, sha256: true } });
  const idBySha = new Map(reports.map((report) => [report.sha256, report.id]));
  return rows.map((row) => ({
    id: row.id,
    at: row.createdAt.toISOString(),
    editor: row.editorEmail,
    action: row.action,
    regionSlug: row.regionSlug,
    reportId: idBySha.get(row.reportSha) ?? null,
    reportTitle: row.reportTitle,
    sentenceIndex: row.sentenceIndex,
    figure: row.figureText,
    after: { metric: row.metric, value: row.value, unit: row.unit, subject: row.subject, scope: row.scope },
    reason: row.reason,
    revertedAt: row.revertedAt?.toISOString() ?? null,
    revertedBy: row.revertedBy,
    needsReview: row.needsReview,
  }));
}

export interface DeletionEntry {
  id: number;
  at: string;
  editor: string;
  reportTitle: string;
  regionSlug: string;
  reason: string;
}

/** Reports deleted by admins (their corrections stay in the history above). */
export async function reportDeletions(filter: Omit<HistoryFilter, "report">): Promise<DeletionEntry[]> {
  const rows = await db().reportDeletion.findMany({
    where: { editorEmail: filter.editor || undefined, regionSlug: filter.region || undefined },
    orderBy: { id: "desc" },
    take: LIMIT,
  });
  return rows.map((row) => ({ id: row.id, at: row.deletedAt.toISOString(), editor: row.editorEmail, reportTitle: row.reportTitle, regionSlug: row.regionSlug, reason: row.reason }));
}
