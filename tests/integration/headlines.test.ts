// Headlines: the SQL that keeps the Headline table (lib/db/ingest.ts) and pickHeadline (lib/dashboard/headline.ts)
// apply one rule, checked on the five seed reports against each other, and the codebook's targets on those reports.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedReports } from "../../lib/db/seed";
import { pickHeadline } from "../../lib/dashboard/headline";
import { HEADLINE_METRICS } from "../../lib/dashboard/metrics";
import { freshDatabase, type TestDatabase } from "../helpers/database";

describe("headlines", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase();
    await seedReports(database.client);
  });
  afterAll(() => database?.drop());

  async function regionFacts(slug: string) {
    const region = await database.client.region.findUniqueOrThrow({ where: { slug }, select: { id: true, headlines: true } });
    const rows = await database.client.fact.findMany({ where: { regionId: region.id }, orderBy: { id: "asc" } });
    const facts = rows.map((f) => ({ ...f, scope: { type: f.scopeType as "region", name: f.scopeName }, partOf: f.partOfId, restates: f.restatesId }));
    return { facts, stored: region.headlines };
  }

  it("stores exactly the headline pickHeadline chooses, with its kind, for every region and family", async () => {
    // Every stored region: the five reports' own regions and the provinces and prefectures above them (none of
    // which may get a headline from their children's facts).
    const regions = await database.client.region.findMany({ select: { slug: true } });
    expect(regions.length).toBeGreaterThan(5);
    for (const { slug } of regions) {
      const { facts, stored } = await regionFacts(slug);
      for (const metric of HEADLINE_METRICS) {
        const picked = pickHeadline(facts, metric);
        const row = stored.find((h) => h.metric === metric);
        expect(row?.factId ?? null, `${slug} ${metric}`).toBe(picked?.id ?? null);
        if (row) expect(row.kind).toBe(picked!.kind);
      }
    }
  });

  it("meets the codebook's targets on the shipped reports", async () => {
    const headline = async (slug: string, metric: string) => {
      const { facts, stored } = await regionFacts(slug);
      const row = stored.find((h) => h.metric === metric);
      return row ? facts.find((f) => f.id === row.factId)! : null;
    };
    const zhenanCheckpoint = await headline("zhenan", "checkpoints");
    expect([zhenanCheckpoint?.value, zhenanCheckpoint?.subject]).toEqual([345, "检查监测站点"]);
    expect(await headline("macheng", "checkpoints")).toBeNull();
    const zhenanPeople = await headline("zhenan", "volunteers");
    expect(zhenanPeople?.kind).toBe("cadres");
    const { facts: macheng } = await regionFacts("macheng");
    expect(macheng.filter((f) => f.value === 5 || f.value === 65).map((f) => f.scope)).toEqual([
      { type: "unit", name: "市医院" },
      { type: "unit", name: "市医院" },
    ]);
    // No headline is a part, a restatement, or anything but region-wide.
    const all = await database.client.headline.findMany({ include: { fact: true } });
    for (const h of all) expect([h.fact.scopeType, h.fact.partOfId, h.fact.restatesId]).toEqual(["region", null, null]);
  });

  it("links parts and restatements by fact id within a report", async () => {
    const { facts } = await regionFacts("zhenan");
    const part = facts.find((f) => f.value === 2080000)!;
    expect(facts.find((f) => f.id === part.partOf)?.value).toBe(2617500);
    const { facts: macheng } = await regionFacts("macheng");
    const repeat = macheng.find((f) => f.subject === "督察队")!;
    expect(macheng.find((f) => f.id === repeat.restates)?.subject).toBe("督查专班");
  });
});
