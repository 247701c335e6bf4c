// Ingestion into real PostgreSQL: the five seed reports, idempotence, --replace, and failures that write nothing.
import { readFileSync } from "node:fs";
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestReport } from "../../lib/db/ingest";
import { seedReportFiles, seedReports } from "../../lib/db/seed";
import { extractReport } from "../../lib/pipeline";
import { freshDatabase, type TestDatabase } from "../helpers/database";

async function tableCounts(database: TestDatabase) {
  const db = database.client;
  const [regions, reports, sentences, repairs, facts, headlines] = await Promise.all([
    db.region.count(), db.report.count(), db.sentence.count(), db.repair.count(), db.fact.count(), db.headline.count(),
  ]);
  return { regions, reports, sentences, repairs, facts, headlines };
}

function runIngest(url: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", ...args], {
      env: { ...process.env, DATABASE_URL: url },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("ingest", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(() => database?.drop());

  it("stores the five seed reports with their sentences, repairs, facts and headlines", async () => {
    const outcomes = await seedReports(database.client);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(seedReportFiles().map(() => "created"));
    const counts = await tableCounts(database);
    // The five regions and the chain above each: 陕西省 商洛市, 湖北省 黄冈市, 青海省, 山西省, 广东省.
    expect(counts.regions).toBe(12);
    const macheng = await database.client.region.findUniqueOrThrow({ where: { slug: "macheng" }, select: { level: true, code: true, parent: { select: { name: true, parent: { select: { name: true } } } } } });
    expect(macheng).toEqual({ level: "county_city", code: "421181", parent: { name: "黄冈市", parent: { name: "湖北省" } } });
    expect(counts.reports).toBe(5);
    const zhenan = extractReport(readFileSync(seedReportFiles().find((file) => file.endsWith("zhenan.txt"))!));
    const stored = await database.client.report.findFirstOrThrow({
      where: { region: { slug: zhenan.region!.slug } },
      include: { sentences: { orderBy: { index: "asc" } }, facts: { include: { sentence: true }, orderBy: { start: "asc" } } },
    });
    expect(stored.cleanText).toBe(zhenan.text);
    expect(stored.sentences.length).toBe(zhenan.sentences.length);
    expect(stored.facts.length).toBe(zhenan.facts.length);
    for (const fact of stored.facts) {
      expect(stored.cleanText.slice(fact.start, fact.end)).toBe(fact.figure);
      expect(fact.sentence.text).toContain(fact.figure);
      expect(stored.rawText.slice(fact.sentence.rawStart, fact.sentence.rawEnd)).toBe(fact.sentence.original);
    }
  });

  it("leaves everything unchanged when the same report is ingested again", async () => {
    const before = await tableCounts(database);
    const file = seedReportFiles()[0];
    const outcome = await ingestReport(database.client, readFileSync(file), { fileName: path.basename(file) });
    expect(outcome.status).toBe("unchanged");
    expect(await tableCounts(database)).toEqual(before);
  });

  it("re-extracts a stored report with --replace, without duplicating it", async () => {
    const before = await tableCounts(database);
    const file = seedReportFiles()[1];
    const outcome = await ingestReport(database.client, readFileSync(file), { fileName: path.basename(file), replace: true });
    expect(outcome.status).toBe("replaced");
    expect(await tableCounts(database)).toEqual(before);
  });

  it("writes nothing when a report fails to extract, and says why", async () => {
    const before = await tableCounts(database);
    await expect(ingestReport(database.client, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).rejects.toThrow();
    await expect(ingestReport(database.client, Buffer.from("The quick brown fox jumps over the lazy dog. ".repeat(20)))).rejects.toThrow();
    expect(await tableCounts(database)).toEqual(before);
  });

  it("stores a report once when two ingest processes are given it at the same time", async () => {
    const fresh = await freshDatabase();
    try {
      const file = seedReportFiles()[2];
      const [first, second] = await Promise.all([runIngest(fresh.url, [file]), runIngest(fresh.url, [file])]);
      expect([first.code, second.code]).toEqual([0, 0]);
      expect([first.stdout, second.stdout].join("\n")).toMatch(/created[\s\S]*unchanged|unchanged[\s\S]*created/);
      expect(await fresh.client.report.count()).toBe(1);
    } finally {
      await fresh.drop();
    }
  });

  it("stores concurrent reports of one new region under one region, with headlines from all of them", async () => {
    const fresh = await freshDatabase();
    try {
      const region = { name: "样本县", nameEn: "Sample County", slug: "sample", province: "测试省", level: "county" as const };
      const texts = [12, 30, 7].map((count) => `样本县疫情防控工作报道\n全县成立临时党支部${count}个，组织${count * 100}名党员志愿者参与值守。`);
      const outcomes = await Promise.all(texts.map((text) => ingestReport(fresh.client, Buffer.from(text), { regionOverride: region })));
      expect(outcomes.map((outcome) => outcome.status)).toEqual(["created", "created", "created"]);
      expect(await fresh.client.region.count()).toBe(1);
      const headline = await fresh.client.headline.findUniqueOrThrow({ where: { regionId_metric: { regionId: (await fresh.client.region.findFirstOrThrow()).id, metric: "branches" } } });
      expect(headline.value).toBe(30);
    } finally {
      await fresh.drop();
    }
  });

  it("exits non-zero with one clear line for bad input, and stores nothing", async () => {
    const fresh = await freshDatabase();
    try {
      const result = await runIngest(fresh.url, ["does/not/exist.txt"]);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(/exist/i);
      expect(await fresh.client.report.count()).toBe(0);
    } finally {
      await fresh.drop();
    }
  });
});
