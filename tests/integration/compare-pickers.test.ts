// The compare pickers against real PostgreSQL with the shipped reports: a picker's text names a region by slug or by
// any name readers type; unknown and ambiguous names come back as problems, never as a guess; a name resubmitted
// unchanged means the region it was shown for.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededQueryDatabase, type TestDatabase } from "../helpers/database";

let database: TestDatabase;
let compare: typeof import("../../lib/queries/compare");

beforeAll(async () => {
  database = await seededQueryDatabase();
  compare = await import("../../lib/queries/compare");
}, 120_000);

afterAll(() => database.drop());

const slugOf = (pick: Awaited<ReturnType<typeof compare.pickRegion>>) => ("region" in pick ? pick.region.slug : null);

describe("compare pickers", () => {
  it("resolves slugs and the names readers type, in both languages", async () => {
    for (const [text, slug] of [
      ["zhenan", "zhenan"], ["镇安县", "zhenan"], ["镇安", "zhenan"], ["海西州", "haixi"], ["臨汾", "linfen"],
      ["Ma cheng", "macheng"], ["Linfen (prefecture-level city)", "linfen"], ["Zhen'an County", "zhenan"],
    ]) expect(slugOf(await compare.pickRegion(text)), text).toBe(slug);
  });

  it("names no region for text that matches none with reports, and does not guess", async () => {
    expect(await compare.pickRegion("不存在的地方")).toEqual({ unknown: "不存在的地方" });
    expect(await compare.pickRegion("   ")).toMatchObject({ unknown: "   " });
    // A gazetteer place without reports, or one stored only as the chain above a region (陕西省 above 镇安), has
    // nothing to compare.
    expect(slugOf(await compare.pickRegion("朝阳区"))).toBeNull();
    const province = await database.client.region.findFirstOrThrow({ where: { name: "陕西省" }, select: { slug: true } });
    expect(slugOf(await compare.pickRegion(province.slug))).toBeNull();
    expect(slugOf(await compare.pickRegion("陕西省"))).toBeNull();
  });

  it("asks for a redirect to slugs when a form named the regions, keeps an unchanged name on its region, and reports problems", async () => {
    const typed = await compare.comparePair({ a: "镇安县", a0: "zhenan", b: "linfen", b0: "zhenan" });
    expect([typed.a?.slug, typed.b?.slug, typed.redirect, typed.problems]).toEqual(["zhenan", "linfen", true, []]);
    const bySlugs = await compare.comparePair({ a: "zhenan", b: "macheng" });
    expect([bySlugs.a?.slug, bySlugs.b?.slug, bySlugs.redirect]).toEqual(["zhenan", "macheng", false]);
    const same = await compare.comparePair({ a: "zhenan", b: "zhenan" });
    expect(same.problems).toEqual([{ kind: "same" }]);
    expect(same.b?.slug).not.toBe("zhenan");
    const unknown = await compare.comparePair({ a: "zhenan", b: "nowhere-at-all" });
    expect(unknown.problems).toEqual([{ kind: "unknown", text: "nowhere-at-all" }]);
    expect(unknown.redirect).toBe(false);
    const none = await compare.comparePair({});
    expect(none.a && none.b && none.a.slug !== none.b.slug).toBe(true);
  });

  it("suggests regions with reports as one types", async () => {
    expect((await compare.regionSuggestions("麻")).map((region) => region.slug)).toContain("macheng");
    expect((await compare.regionSuggestions("shan wei")).map((region) => region.slug)).toEqual(["shanwei"]);
    expect(await compare.regionSuggestions("")).toEqual([]);
  });
});
