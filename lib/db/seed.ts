// Seeds the reports shipped in prisma/reports/ through the same ingestion code as `npm run ingest`.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "./paths";
import { ingestReport, type IngestOutcome } from "./ingest";
import type { Database } from "./client";

export const seedReportsDir = path.join(projectRoot, "prisma", "reports");

export function seedReportFiles(): string[] {
  return readdirSync(seedReportsDir)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => path.join(seedReportsDir, name));
}

/** Ingests every seed report that is not stored yet; stored ones come back as "unchanged". */
export async function seedReports(database: Database): Promise<(IngestOutcome & { file: string })[]> {
  const outcomes = [];
  for (const file of seedReportFiles()) {
    const outcome = await ingestReport(database, readFileSync(file), { fileName: path.basename(file) });
    outcomes.push({ ...outcome, file: path.basename(file) });
  }
  return outcomes;
}
