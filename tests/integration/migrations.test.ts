import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { applyMigrations, loadMigrationList, migrationsDir } from "../../lib/db/migrate";
import { freshDatabase, type TestDatabase } from "../helpers/database";

describe("migrations", () => {
  let database: TestDatabase;
  afterAll(() => database?.drop());

  it("apply to an empty database, then are a no-op", async () => {
    database = await freshDatabase({ migrate: false });
    const names = loadMigrationList().migrationDirectories.map((entry) => entry.path);
    expect(names.length).toBeGreaterThan(0);
    expect(await applyMigrations(database.url)).toEqual(names);
    expect(await applyMigrations(database.url)).toEqual([]);
  });

  it("record each migration as `prisma migrate deploy` does, with the checksum of its SQL", async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        "SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name",
      );
      for (const row of rows) {
        const sql = readFileSync(path.join(migrationsDir, row.migration_name, "migration.sql"));
        expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
        expect(row.finished_at).not.toBeNull();
        expect(row.rolled_back_at).toBeNull();
        expect(row.applied_steps_count).toBe(1);
      }
      const tables = await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
      expect(tables.rows.map((row) => row.tablename)).toEqual(["AppSetting", "Correction", "Fact", "Headline", "Region", "Repair", "Report", "ReportDeletion", "Sentence", "_prisma_migrations", "account", "rateLimit", "session", "user", "verification"]);
    } finally {
      await client.end();
    }
  });

  it("cascade deletes from Report to its sentences, repairs and facts", async () => {
    const db = database.client;
    const region = await db.region.create({ data: { slug: "test", name: "测试县", nameEn: "Test", province: "测试省", level: "county" } });
    const report = await db.report.create({
      data: {
        regionId: region.id, title: "t", authors: [], encoding: "UTF-8", rawText: "成立临时党支部68个。",
        cleanText: "成立临时党支部68个。", sha256: "x".repeat(64), extractorVersion: "test",
        sentences: { create: { index: 0, text: "成立临时党支部68个。", original: "成立临时党支部68个。", start: 0, end: 11, rawStart: 0, rawEnd: 11 } },
        repairs: { create: { start: 0, end: 1, before: "a", after: "", kind: "html" } },
      },
      include: { sentences: true },
    });
    await db.fact.create({
      data: { reportId: report.id, regionId: region.id, sentenceId: report.sentences[0].id, metric: "branches", kind: "temporary", subject: "临时党支部", value: 68, unit: "个", approx: "exact", figure: "68个", start: 7, end: 10 },
    });
    await db.report.delete({ where: { id: report.id } });
    expect(await db.sentence.count()).toBe(0);
    expect(await db.repair.count()).toBe(0);
    expect(await db.fact.count()).toBe(0);
    expect(await db.region.count()).toBe(1);
  });
});
