// Search against real PostgreSQL with the shipped reports: region names in every form readers type (suffixed,
// traditional, pinyin with spaces, province pinyin), gazetteer places without reports, report text and figures.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededQueryDatabase, type TestDatabase } from "../helpers/database";

let database: TestDatabase;
let searchModule: typeof import("../../lib/queries/search");

beforeAll(async () => {
  database = await seededQueryDatabase();
  searchModule = await import("../../lib/queries/search");
}, 120_000);

afterAll(() => database.drop());

/** The stored region of this name with its report count, as the pages know it. */
async function stored(name: string) {
  const region = await database.client.region.findFirst({ where: { name }, select: { slug: true, _count: { select: { reports: true } } } });
  return region && { slug: region.slug, reports: region._count.reports };
}

describe("search", () => {
  it("creates trigram indexes for report text, titles and subjects", async () => {
    const rows = await database.client.$queryRaw<{ tablename: string }[]>`
      SELECT tablename FROM pg_indexes WHERE indexdef LIKE '%gin_trgm_ops%' ORDER BY tablename`;
    expect(rows.map((row) => row.tablename)).toEqual(["Fact", "Report", "Sentence"]);
  });

  it("finds 海西州 by the form the report uses, linked when it has reports", async () => {
    const { regions } = await searchModule.search("海西州");
    expect(regions[0].name).toBe("海西蒙古族藏族自治州");
    const row = await stored("海西蒙古族藏族自治州");
    expect(regions[0].reportCount).toBe(row?.reports ?? 0);
    expect(regions[0].slug).toBe(row && row.reports > 0 ? row.slug : null);
  });

  it("finds 临汾 from traditional characters and spaced pinyin, and its report by text", async () => {
    const linfen = await stored("临汾市");
    for (const input of ["臨汾", "lin fen", "Línfén"]) {
      const results = await searchModule.search(input);
      expect(results.regions[0].name, input).toBe("临汾市");
      expect(results.regions[0].slug, input).toBe(linfen && linfen.reports > 0 ? linfen.slug : null);
    }
    const { reports } = await searchModule.search("臨汾");
    expect(reports.length).toBeGreaterThan(0);
    for (const report of reports) expect(`${report.title ?? ""}${report.excerpt ?? ""}`).toContain("临汾");
  });

  it("finds provinces by pinyin, pointing to the overview when regions in them have reports", async () => {
    const hubei = (await searchModule.search("hubei")).regions.find((region) => region.name === "湖北省");
    const withReports = await database.client.region.count({ where: { province: "湖北省", reports: { some: {} } } });
    expect(hubei?.regionsWithReports).toBe(withReports);
    expect(withReports).toBeGreaterThan(0); // 麻城 is shipped
    const qinghai = (await searchModule.search("qinghai")).regions[0];
    expect(qinghai.name).toBe("青海省");
  });

  it("shows a gazetteer place without reports, unlinked", async () => {
    const { regions } = await searchModule.search("海东市");
    expect(regions[0]).toMatchObject({ name: "海东市", slug: null, reportCount: 0 });
  });

  it("finds figures and reports by a word of the text", async () => {
    const { figures, reports } = await searchModule.search("臨時黨支部");
    expect(figures.length).toBeGreaterThan(0);
    for (const figure of figures) {
      const fact = await database.client.fact.findUniqueOrThrow({ where: { id: figure.id }, select: { subject: true, reportId: true, sentence: { select: { text: true } } } });
      expect(`${fact.subject}|${fact.sentence.text}`).toContain("临时党支部");
      expect(figure.reportId).toBe(fact.reportId);
    }
    const withWord = await database.client.report.count({ where: { sentences: { some: { text: { contains: "临时党支部" } } } } });
    expect(reports.length).toBe(Math.min(withWord, searchModule.SEARCH_LIMIT));
  });

  it("returns nothing for an empty query", async () => {
    expect(await searchModule.search("   ")).toEqual({ query: "", regions: [], reports: [], figures: [] });
  });
});
