// Seeds the reports shipped in prisma/reports/ through the same ingestion code as `npm run ingest`.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "./paths";
import { ingestMany, storeRegionChain, type IngestOutcome } from "./ingest";
import { findKnownRegion, toRegionInfo } from "../extract/regions";
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
  const files = seedReportFiles();
  const results = await ingestMany(database, files.map((file) => () => ({ bytes: readFileSync(file), options: { fileName: path.basename(file) } })));
  const outcomes = results.map((result, i) => {
    if (!result.ok) throw result.error;
    return { ...result.outcome, file: path.basename(files[i]) };
  });
  await refileRegions(database);
  return outcomes;
}

/**
 * Gives regions stored before the gazetteer (no code) their code, level, parent chain and short name, found by their
 * name; their slug and reports stay. Returns how many were refiled.
 */
export async function refileRegions(database: Database): Promise<number> {
  const uncoded = await database.region.findMany({ where: { code: null, synthetic: false }, select: { id: true, name: true } });
  let refiled = 0;
  for (const row of uncoded) {
    const known = findKnownRegion(row.name);
    if (!known?.code) continue;
    const info = toRegionInfo(known);
    await database.$transaction(async (tx) => {
      const taken = await tx.region.findUnique({ where: { code: known.code! }, select: { id: true } });
      if (taken) return;
      const parentId = info.ancestors?.length ? await storeRegionChain(tx, { ...info.ancestors.at(-1)!, ancestors: info.ancestors.slice(0, -1) }) : null;
      await tx.region.update({
        where: { id: row.id },
        data: { code: known.code, level: known.level, shortName: known.shortName, province: known.province, parentId },
      });
      refiled++;
    });
  }
  return refiled;
}
