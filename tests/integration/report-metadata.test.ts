// Report metadata in the database: the report_metadata migration on a database that already holds reports, and
// `atlas ingest` / `atlas extract` with --title, --date and --url, as users run them (bin/atlas, real PostgreSQL).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationsDir } from "../../lib/db/migrate";
import { freshDatabase, type TestDatabase } from "../helpers/database";

const bin = path.resolve("bin/atlas");
const dir = mkdtempSync(path.join(os.tmpdir(), "atlas-metadata-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function atlas(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { cwd: dir, env: { ...process.env, ...env } });
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: string) => (stdout += chunk));
    child.stderr.on("data", (chunk: string) => (stderr += chunk));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("the report_metadata migration", () => {
  let database: TestDatabase;
  afterAll(() => database?.drop());

  it("keeps stored reports: a stored date becomes a day-precision date with its period; titles stay", async () => {
    database = await freshDatabase({ migrate: false });
    const names = readdirSync(migrationsDir).filter((name) => /^\d+_/.test(name)).sort();
    const mine = names.find((name) => name.endsWith("_report_metadata"))!;
    expect(mine).toBeDefined();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const run = (name: string) => client.query(readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8"));
      for (const name of names.filter((n) => n < mine)) await run(name);
      const { rows: [region] } = await client.query(
        `INSERT INTO "Region" (slug, name, "nameEn", province, level) VALUES ('qingshan', '青山县', 'Qingshan County', '测试省', 'county') RETURNING id`,
      );
      const insert = (sha: string, title: string, publishedAt: string | null) =>
        client.query(
          `INSERT INTO "Report" ("regionId", title, "publishedAt", authors, encoding, "rawText", "cleanText", sha256, "extractorVersion")
           VALUES ($1, $2, $3::date, '{}', 'UTF-8', '正文。', '正文。', $4, 'extract-1.0.0')`,
          [region.id, title, publishedAt, sha],
        );
      await insert("a".repeat(64), "青山县：党员先锋岗筑牢防疫墙", "2020-02-16");
      await insert("b".repeat(64), "青山县 全县成立临时党支部", "2022-11-30");
      await insert("c".repeat(64), "无日期的报道", null);
      await run(mine);
      const { rows } = await client.query(
        `SELECT title, to_char("publishedAt", 'YYYY-MM-DD') AS date, "datePrecision", period, "periodBasis", "sourceUrl" FROM "Report" ORDER BY sha256`,
      );
      expect(rows).toEqual([
        { title: "青山县：党员先锋岗筑牢防疫墙", date: "2020-02-16", datePrecision: "day", period: "2020-Q1", periodBasis: "published", sourceUrl: null },
        { title: "青山县 全县成立临时党支部", date: "2022-11-30", datePrecision: "day", period: "2022-Q4", periodBasis: "published", sourceUrl: null },
        { title: "无日期的报道", date: null, datePrecision: null, period: null, periodBasis: null, sourceUrl: null },
      ]);
      // A report without a headline can now be stored.
      await client.query(`UPDATE "Report" SET title = NULL WHERE sha256 = $1`, ["c".repeat(64)]);
    } finally {
      await client.end();
    }
  });
});

describe("atlas ingest and extract with --title, --date and --url", () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  const zhenan = path.resolve("prisma/reports/zhenan.txt");
  const linfen = path.resolve("prisma/reports/linfen.txt");
  beforeAll(async () => {
    database = await freshDatabase();
    env = { DATABASE_URL: database.url };
  });
  afterAll(() => database?.drop());

  const stored = (file: string) =>
    database.client.report.findFirstOrThrow({
      where: { sourceFile: file },
      select: { title: true, sourceUrl: true, publishedAt: true, datePrecision: true, period: true, periodBasis: true, outlet: true },
    });

  it("--help documents the options", async () => {
    for (const name of ["ingest", "extract"]) {
      const help = await atlas([name, "--help"]);
      expect(help.code).toBe(0);
      for (const option of ["--title", "--date", "--url"]) expect(help.stdout).toContain(option);
    }
  });

  it("refuses a bad date or address with one line and exit 2, storing nothing", async () => {
    for (const [option, value] of [["--date", "2020-02-30"], ["--date", "last spring"], ["--url", "javascript:alert(1)"], ["--url", "example.cn/a"]]) {
      const result = await atlas(["ingest", zhenan, option, value], env);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(new RegExp(`^ingest: ${option} `));
    }
    const extract = await atlas(["extract", zhenan, "--date", "2020-13"]);
    expect(extract.code).toBe(2);
    expect(extract.stdout).toBe("");
    expect(await database.client.report.count()).toBe(0);
  });

  it("stores what is detected: no title for a text without a headline, an inferred period", async () => {
    const result = await atlas(["ingest", linfen], env);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(await stored("linfen.txt")).toEqual({
      title: null, sourceUrl: null, publishedAt: null, datePrecision: null, period: "2022-Q4", periodBasis: "inferred", outlet: "临汾新闻网",
    });
  });

  it("stores the given title, date (with its precision and period) and URL", async () => {
    const result = await atlas(["ingest", zhenan, "--title", "镇安县：让党旗在疫情防控一线高高飘扬", "--date", "2020-02", "--url", "https://www.example.gov.cn/xw/0216.html"], env);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^created zhenan\.txt: /);
    expect(await stored("zhenan.txt")).toEqual({
      title: "镇安县：让党旗在疫情防控一线高高飘扬", sourceUrl: "https://www.example.gov.cn/xw/0216.html", publishedAt: new Date("2020-02-01T00:00:00Z"),
      datePrecision: "month", period: "2020-Q1", periodBasis: "published", outlet: null,
    });
  });

  it("leaves a stored report unchanged on a re-ingest of the same bytes; --replace stores it again with the options", async () => {
    const before = await stored("zhenan.txt");
    const again = await atlas(["ingest", zhenan, "--date", "2021"], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^unchanged zhenan\.txt: /);
    expect(await stored("zhenan.txt")).toEqual(before);
    const replaced = await atlas(["ingest", zhenan, "--replace", "--date", "2020-02-16"], env);
    expect(replaced.stdout).toMatch(/^replaced zhenan\.txt: /);
    expect(await stored("zhenan.txt")).toMatchObject({ title: null, sourceUrl: null, datePrecision: "day", period: "2020-Q1", periodBasis: "published" });
  });

  it("extract prints the title, date with its precision, period and source URL", async () => {
    writeFileSync(path.join(dir, "zhenan.txt"), readFileSync(zhenan));
    const detected = JSON.parse((await atlas(["extract", "zhenan.txt"])).stdout);
    expect(detected).toMatchObject({ title: null, publishedAt: null, datePrecision: null, period: "2020", periodBasis: "inferred", sourceUrl: null, outlet: null });
    const given = JSON.parse((await atlas(["extract", "zhenan.txt", "--date", "二〇二〇年二月十六日", "--url", "http://example.cn/a?b=1"])).stdout);
    expect(given).toMatchObject({ publishedAt: "2020-02-16", datePrecision: "day", period: "2020-Q1", periodBasis: "published", sourceUrl: "http://example.cn/a?b=1" });
  });
});
