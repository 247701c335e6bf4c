// Re-extraction at start: reports stored by an older extractor get the running extractor's facts and headlines.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reextractStale } from "../../lib/db/reextract";
import { seedReportFiles, seedReports } from "../../lib/db/seed";
import { EXTRACTOR_VERSION, extractReport } from "../../lib/pipeline";
import { freshDatabase, type TestDatabase } from "../helpers/database";

describe("reextractStale", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase();
    await seedReports(database.client);
  });
  afterAll(() => database?.drop());

  it("refreshes only reports of another extractor version, keeping their ids", async () => {
    const db = database.client;
    const zhenan = await db.report.findFirstOrThrow({ where: { region: { slug: "zhenan" } }, select: { id: true } });
    // What an older extractor left: posts filed as checkpoints with a catch-all kind, and a posts headline.
    await db.$executeRaw`UPDATE "Report" SET "extractorVersion" = 'extract-1.0.0' WHERE id = ${zhenan.id}`;
    await db.$executeRaw`UPDATE "Fact" SET "metric" = 'checkpoints', "kind" = 'checkpoints' WHERE "reportId" = ${zhenan.id} AND "metric" = 'posts'`;
    await db.$executeRaw`UPDATE "Headline" SET "factId" = (SELECT id FROM "Fact" WHERE "reportId" = ${zhenan.id} AND value = 1681), "value" = 1681 WHERE metric = 'checkpoints' AND "regionId" = (SELECT "regionId" FROM "Report" WHERE id = ${zhenan.id})`;

    const outcomes = await reextractStale(db);
    expect(outcomes.map((o) => o.reportId)).toEqual([zhenan.id]);
    const fresh = extractReport(readFileSync(seedReportFiles().find((f) => f.endsWith("zhenan.txt"))!));
    const stored = await db.fact.findMany({ where: { reportId: zhenan.id }, orderBy: { start: "asc" } });
    expect(stored.map((f) => [f.metric, f.kind, f.value, f.scopeType])).toEqual(fresh.facts.map((f) => [f.metric, f.kind, f.value, f.scope.type]));
    const report = await db.report.findUniqueOrThrow({ where: { id: zhenan.id }, select: { extractorVersion: true } });
    expect(report.extractorVersion).toBe(EXTRACTOR_VERSION);
    const headline = await db.headline.findFirstOrThrow({ where: { metric: "checkpoints", region: { slug: "zhenan" } }, include: { fact: true } });
    expect([headline.fact.value, headline.kind]).toEqual([345, "checkpoints"]);
    expect(await reextractStale(db)).toEqual([]);
  });
});
