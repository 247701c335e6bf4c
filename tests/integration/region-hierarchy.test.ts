// Region hierarchy in a real database: undecided reports are refused with nothing stored, and regions stored before
// the gazetteer (no code, an old level) are refiled with their code, level and parent chain.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestReport } from "../../lib/db/ingest";
import { refileRegions } from "../../lib/db/seed";
import { freshDatabase, type TestDatabase } from "../helpers/database";

const text = (body: string) => new TextEncoder().encode(body);

describe("region hierarchy", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(() => database?.drop());

  it("refuses a report whose region is split, naming the candidates and --region, and stores nothing", async () => {
    const bytes = text("两地党员共同抗疫\n麻城市和临汾市的党员志愿者互相支援，麻城市组织车辆120辆，临汾市筹集口罩3万个。");
    await expect(ingestReport(database.client, bytes)).rejects.toThrow(/麻城市.*临汾市|临汾市.*麻城市/);
    await expect(ingestReport(database.client, bytes)).rejects.toThrow(/--region/);
    expect(await database.client.report.count()).toBe(0);
    expect(await database.client.region.count()).toBe(0);
    const stored = await ingestReport(database.client, bytes, { region: "麻城市" });
    expect(stored.regionSlug).toBe("macheng");
  });

  it("refiles a region stored without a code under its gazetteer code, level and parents", async () => {
    const db = database.client;
    await db.region.create({ data: { slug: "legacy-zhenan", name: "镇安县", nameEn: "Zhen'an County", province: "陕西省", level: "county" } });
    expect(await refileRegions(db)).toBeGreaterThanOrEqual(1);
    const refiled = await db.region.findUniqueOrThrow({ where: { slug: "legacy-zhenan" }, select: { code: true, level: true, parent: { select: { name: true, parent: { select: { name: true } } } } } });
    expect(refiled).toEqual({ code: "611025", level: "county", parent: { name: "商洛市", parent: { name: "陕西省" } } });
  });
});
