import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { regionFromName } from "../../../lib/extract/metadata";
import { decideRegion } from "../../../lib/extract/region-detection";
import { aliasesAt, knownRegions, RENAMINGS, ancestorsOf, findKnownRegion, regionByCode, regionsByAlias, toRegionInfo, townshipsOf, unknownRegion } from "../../../lib/extract/regions";
import gazetteer from "../../../lib/extract/data/gazetteer.json" with { type: "json" };
import type { PreparedText } from "../../../lib/text/types";
import table from "../../../lib/extract/data/renamings.json" with { type: "json" };

const count = (predicate: (level: string) => boolean) => knownRegions().filter((r) => predicate(r.level)).length;

describe("gazetteer", () => {
  it("has plausible counts per level", () => {
    expect(count((l) => l === "province")).toBe(34);
    expect(count((l) => l === "prefecture_city" || l === "prefecture")).toBeGreaterThanOrEqual(330);
    expect(count((l) => l === "prefecture_city" || l === "prefecture")).toBeLessThanOrEqual(340);
    const countyLevel = count((l) => ["county_city", "county", "banner", "district"].includes(l));
    expect(countyLevel).toBeGreaterThan(2800);
    expect(countyLevel).toBeLessThan(2900);
    const townships = knownRegions().filter((r) => r.tier === 2).reduce((n, r) => n + townshipsOf(r.code!).length, 0);
    expect(townships).toBeGreaterThan(35000);
    expect(townships).toBeLessThan(45000);
  });

  it("reads each county's townships as the whole file parsed as JSON gives them", () => {
    const { counties } = JSON.parse(readFileSync(new URL("../../../lib/extract/data/townships.json", import.meta.url), "utf8")) as { counties: Record<string, string> };
    for (const [code, row] of Object.entries(counties)) {
      if (!knownRegions().some((r) => r.code === code)) continue;
      expect(townshipsOf(code).map((t) => t.code!.slice(6) + t.name).join("|")).toBe(row);
    }
    expect(townshipsOf("999999")).toEqual([]);
  });

  it("keeps its rows in code order, so that a code is found by binary search", () => {
    const codes = gazetteer.rows.map((row) => row[0]);
    expect(codes.every((code, i) => i === 0 || codes[i - 1] < code)).toBe(true);
    for (const region of knownRegions()) expect(regionByCode(region.code!)).toBe(region);
    for (const missing of ["000000", "110001", "659999", "999999", "11000"]) expect(regionByCode(missing)).toBeUndefined();
    expect(regionByCode("611025001")?.parentCode).toBe("611025"); // a township, from townships.json
  });

  it("finds every region by each of its names at the start of a text, and the province of every region", () => {
    for (const region of knownRegions()) {
      const names = [region.name, ...(region.short.length >= 2 ? [region.short] : [])];
      for (const name of names) {
        expect(aliasesAt(name, 0)).toContain(name);
        expect(regionsByAlias(name, true)).toContain(region);
      }
      const chain = ancestorsOf(region);
      expect(region.province).toBe(chain.length ? chain[0].name : region.name);
    }
    // Longest first: 海西州 is tried before 海西 at the same place.
    const candidates = aliasesAt("海西州委", 0)!;
    expect(candidates.indexOf("海西州")).toBeLessThan(candidates.indexOf("海西"));
    // An ordinary word names a place only for detection, which reads it with its province or parent named.
    expect(regionsByAlias("和平")).toBeUndefined();
    expect(regionsByAlias("和平", true)!.length).toBeGreaterThan(1);
    expect(aliasesAt("和", 0)).toBeUndefined();
  });

  it("keeps slugs unique and within [a-z0-9-], codes unique", () => {
    const slugs = knownRegions().map((r) => r.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs.filter((s) => !/^[a-z0-9-]+$/.test(s))).toEqual([]);
    expect(new Set(knownRegions().map((r) => r.code)).size).toBe(knownRegions().length);
    expect(townshipsOf("611025").every((t) => /^[a-z0-9-]+$/.test(t.slug) && t.parentCode === "611025")).toBe(true);
  });

  it.each([
    ["镇安县", { slug: "zhenan", nameEn: "Zhen'an County", province: "陕西省", level: "county", code: "611025", shortName: "镇安" }],
    ["麻城市", { slug: "macheng", nameEn: "Macheng", province: "湖北省", level: "county_city", code: "421181", shortName: "麻城" }],
    ["海西蒙古族藏族自治州", { slug: "haixi", nameEn: "Haixi Prefecture", province: "青海省", level: "prefecture", shortName: "海西" }],
    ["临汾市", { slug: "linfen", nameEn: "Linfen", province: "山西省", level: "prefecture_city", shortName: "临汾" }],
    ["汕尾市", { slug: "shanwei", nameEn: "Shanwei", province: "广东省", level: "prefecture_city" }],
  ])("knows %s", (name, info) => {
    expect(toRegionInfo(findKnownRegion(name)!)).toMatchObject({ name, ...info });
  });

  it("gives the parent chain and the forms reports write", () => {
    expect(ancestorsOf(findKnownRegion("麻城市")!).map((r) => r.name)).toEqual(["湖北省", "黄冈市"]);
    expect(findKnownRegion("海西州")?.name).toBe("海西蒙古族藏族自治州");
    expect(findKnownRegion("麻城")?.name).toBe("麻城市");
    expect(findKnownRegion("朝阳区")).toBeUndefined(); // Beijing's and Changchun's
  });

  it("maps renamed divisions to the current one", () => {
    expect(RENAMINGS.get("长泰县")?.name).toBe("长泰区");
    expect(RENAMINGS.get("监利县")?.name).toBe("监利市");
    expect(RENAMINGS.size).toBe(Object.keys(table.renamings).length); // every code is in the gazetteer
    expect(regionFromName("长泰县").code).toBe("350605");
  });

  it("falls back to a pinyin slug and a level from the suffix for unknown names", () => {
    const region = unknownRegion("安汾县");
    expect(region).toMatchObject({ name: "安汾县", level: "county", province: "", code: null });
    expect(region.slug).toBe("anfen");
    expect(regionFromName("某某旗").level).toBe("banner");
    expect(regionFromName("镇安县").slug).toBe("zhenan");
    expect(() => regionFromName("朝阳区")).toThrow(/chaoyang-beijing/);
  });
});

const prepared = (clean: string, chrome: Array<{ kind: string; text: string }> = []): PreparedText =>
  ({ clean, chrome, raw: clean, encoding: "UTF-8", repairs: [], sentences: [] }) as unknown as PreparedText;
const decide = (clean: string, chrome: Array<{ kind: string; text: string }> = []) => decideRegion(prepared(clean, chrome));

describe("region detection (sentences written for this test)", () => {
  it("files a mainland district reported by a Hong Kong site under the district", () => {
    const d = decide(
      "深圳市南山区党员干部下沉社区筑牢防线\n南山区委组织部组织全区党员干部下沉一线。南山区各街道成立临时党支部，全区共有党员志愿者3000余名。",
      [{ kind: "other", text: "香港商报网 > 内地新闻" }, { kind: "other", text: "版权所有 香港商报有限公司" }],
    );
    expect(d.decided).toBe(true);
    expect(d.region).toMatchObject({ name: "南山区", code: "440305" });
  });

  it("resolves 我县/全县 to the named county, and never takes 我县 or 落实市 for names", () => {
    const d = decide("党旗飘扬在防疫一线\n近日，我县召开会议，落实市委部署。全县各级党组织迅速行动，我县共组建突击队52支。镇安县委组织部要求全县党员亮身份。");
    expect(d.decided).toBe(true);
    expect(d.region.name).toBe("镇安县");
    const none = decide("党旗飘扬在防疫一线\n近日，我县召开会议，落实市委部署。全县各级党组织迅速行动。");
    expect(none.decided).toBe(false);
    expect(none.candidates.map((c) => c.region.name)).not.toContain("落实市");
  });

  it("keeps a township report's township, under its county", () => {
    const d = decide("云盖寺镇：党员守好村口\n镇安县云盖寺镇组织党员干部值守卡点。云盖寺镇共设卡点12个，全镇党员200余名参与。云盖寺镇党委书记说……");
    expect(d.decided).toBe(true);
    expect(d.region).toMatchObject({ name: "云盖寺镇", level: "township", parentCode: "611025" });
  });

  it("reads an ambiguous short name only with its province or parent named", () => {
    expect(decide("朝阳区社区防控有序\n朝阳区各社区党组织全员上岗，朝阳区共设检查点40个。").decided).toBe(false);
    const d = decide("北京市朝阳区社区防控有序\n朝阳区各社区党组织全员上岗，朝阳区共设检查点40个。全区党员……");
    expect(d.decided).toBe(true);
    expect(d.region.code).toBe("110105");
  });

  it("lists candidates with evidence when the evidence is split", () => {
    const d = decide("两地党员共同抗疫\n麻城市和临汾市的党员志愿者互相支援，麻城市组织车辆，临汾市筹集物资。");
    expect(d.decided).toBe(false);
    const names = d.candidates.map((c) => c.region.name);
    expect(names).toEqual(expect.arrayContaining(["麻城市", "临汾市"]));
    expect(d.candidates[0].evidence.length).toBeGreaterThan(0);
  });
});
