// Batches (ingestReports, ingestMany): stored together in one transaction, yet each report all or nothing — bad
// input, a report the database refuses, a file given twice; the same rows as one report at a time.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractForIngest } from "../../lib/db/ingest-extract";
import { ingestMany, ingestReport, ingestReports, type IngestResult } from "../../lib/db/ingest";
import { seedReportFiles } from "../../lib/db/seed";
import { ReportInputError } from "../../lib/pipeline";
import { freshDatabase, type TestDatabase } from "../helpers/database";

const files = seedReportFiles();
const bytesOf = (name: string) => readFileSync(files.find((file) => file.endsWith(`${name}.txt`))!);

/** Every stored row that a report's content makes, without ids, report by report. */
async function contentOf(database: TestDatabase) {
  return database.client.$queryRawUnsafe<unknown[]>(`
    SELECT r.sha256, g.slug, r.title, r."publishedAt"::text, r."cleanText",
      (SELECT json_agg(json_build_array(s.index, s.text, s."rawStart") ORDER BY s.index) FROM "Sentence" s WHERE s."reportId" = r.id) AS sentences,
      (SELECT count(*)::int FROM "Repair" p WHERE p."reportId" = r.id) AS repairs,
      (SELECT json_agg(json_build_array(f.start, f.metric, f.kind, f.value, f."scopeType", p.start, q.start) ORDER BY f.start)
         FROM "Fact" f LEFT JOIN "Fact" p ON p.id = f."partOfId" LEFT JOIN "Fact" q ON q.id = f."restatesId" WHERE f."reportId" = r.id) AS facts
    FROM "Report" r JOIN "Region" g ON g.id = r."regionId" ORDER BY r.sha256`);
}

async function headlinesOf(database: TestDatabase) {
  return database.client.$queryRawUnsafe<unknown[]>(`
    SELECT g.slug, h.metric, h.kind, h.value FROM "Headline" h JOIN "Region" g ON g.id = h."regionId" ORDER BY 1, 2`);
}

describe("ingest in batches", () => {
  let one: TestDatabase;
  let batched: TestDatabase;
  beforeAll(async () => {
    [one, batched] = await Promise.all([freshDatabase(), freshDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([one?.drop(), batched?.drop()]);
  });

  it("stores the same rows and headlines as one report at a time", async () => {
    for (const file of files) await ingestReport(one.client, readFileSync(file), { fileName: file });
    const results = await ingestReports(batched.client, files.map((file) => ({ bytes: readFileSync(file), options: { fileName: file } })));
    expect(results.map((result) => result.ok && result.outcome.status)).toEqual(files.map(() => "created"));
    expect(await contentOf(batched)).toEqual(await contentOf(one));
    expect(await headlinesOf(batched)).toEqual(await headlinesOf(one));
    // Again: nothing changes.
    const again = await ingestReports(batched.client, files.map((file) => ({ bytes: readFileSync(file) })));
    expect(again.map((result) => result.ok && result.outcome.status)).toEqual(files.map(() => "unchanged"));
    expect(await contentOf(batched)).toEqual(await contentOf(one));
  });

  it("fails only the report the database refuses, the bad input and nothing else; a file given twice is stored once", async () => {
    const database = await freshDatabase();
    try {
      // A fact of a family the schema does not know: the database refuses that report's rows.
      const refusing = (bytes: Uint8Array, options: { fileName?: string }) => {
        const extraction = extractForIngest(bytes, options);
        if (options.fileName !== "refused.txt") return extraction;
        return { ...extraction, facts: extraction.facts.map((fact) => ({ ...fact, metric: "nonsense" as never })) };
      };
      const inputs = [
        { bytes: bytesOf("zhenan"), options: { fileName: "zhenan.txt" } },
        { bytes: new Uint8Array(), options: { fileName: "empty.txt" } },
        { bytes: bytesOf("linfen"), options: { fileName: "refused.txt" } },
        { bytes: bytesOf("haixi"), options: { fileName: "haixi.txt" } },
        { bytes: bytesOf("zhenan"), options: { fileName: "zhenan-again.txt" } },
      ];
      const results = await ingestReports(database.client, inputs, refusing);
      const status = (result: IngestResult) => (result.ok ? result.outcome.status : (result.error as Error).constructor.name);
      expect(results.map(status)).toEqual(["created", "ReportInputError", expect.any(String), "created", "unchanged"]);
      expect(results[2].ok).toBe(false);
      expect((results[1] as { error: unknown }).error).toBeInstanceOf(ReportInputError);
      expect(results[4].ok && results[0].ok && results[4].outcome.reportId === results[0].outcome.reportId).toBe(true);
      const stored = await database.client.report.findMany({ select: { sourceFile: true }, orderBy: { sourceFile: "asc" } });
      expect(stored.map((report) => report.sourceFile)).toEqual(["haixi.txt", "zhenan.txt"]);
      // The refused report left nothing behind: no region of its own, no sentences.
      expect(await database.client.region.count({ where: { slug: "linfen" } })).toBe(0);
    } finally {
      await database.drop();
    }
  });

  it("ingestMany gives one result per input in order, a failed read included, across batches in flight", async () => {
    const database = await freshDatabase();
    try {
      const names = ["zhenan", "macheng", "haixi", "linfen", "shanwei"];
      const inputs = [
        ...names.map((name) => () => ({ bytes: bytesOf(name), options: { fileName: `${name}.txt` } })),
        () => {
          throw new ReportInputError("cannot read missing.txt: no such file");
        },
      ];
      const seen: number[] = [];
      const results = await ingestMany(database.client, inputs, { batchSize: 2, concurrency: 2, onResult: (_, index) => seen.push(index) });
      expect(results.slice(0, 5).map((result) => result.ok && result.outcome.regionSlug)).toEqual(names);
      expect(results[5].ok).toBe(false);
      expect(seen.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(await database.client.report.count()).toBe(5);
    } finally {
      await database.drop();
    }
  });
});
