import { describe, expect, it } from "vitest";
import { regionFromName } from "../../../lib/extract/metadata";
import { KNOWN_REGIONS, findKnownRegion, toRegionInfo, unknownRegion } from "../../../lib/extract/regions";

describe("region table", () => {
  it.each([
    ["镇安县", { name: "镇安县", slug: "zhenan", nameEn: "Zhen'an County", province: "陕西省", level: "county" }],
    ["麻城市", { name: "麻城市", slug: "macheng", nameEn: "Macheng", province: "湖北省", level: "city" }],
    ["海西蒙古族藏族自治州", { name: "海西蒙古族藏族自治州", slug: "haixi", nameEn: "Haixi Prefecture", province: "青海省", level: "prefecture" }],
    ["临汾市", { name: "临汾市", slug: "linfen", nameEn: "Linfen", province: "山西省", level: "city" }],
    ["汕尾市", { name: "汕尾市", slug: "shanwei", nameEn: "Shanwei", province: "广东省", level: "city" }],
  ])("knows %s", (name, info) => {
    expect(toRegionInfo(findKnownRegion(name)!)).toEqual(info);
  });

  it("finds regions by the forms reports write", () => {
    expect(findKnownRegion("海西州")?.name).toBe("海西蒙古族藏族自治州");
    expect(findKnownRegion("麻城")?.name).toBe("麻城市");
    expect(findKnownRegion("西安")?.nameEn).toBe("Xi'an");
  });

  it("covers every prefecture-level division and keeps slugs unique", () => {
    expect(KNOWN_REGIONS.filter((r) => r.tier === 3).length).toBeGreaterThanOrEqual(330);
    const slugs = KNOWN_REGIONS.map((r) => r.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs.every((s) => /^[a-z0-9-]+$/.test(s))).toBe(true);
  });

  it("falls back to a transliterated slug and a level from the suffix for unknown names", () => {
    const region = unknownRegion("安汾县");
    expect(region).toMatchObject({ name: "安汾县", level: "county", province: "" });
    expect(region.slug).toBe("anfen");
    expect(unknownRegion("某某市").slug).toMatch(/^[a-z0-9]+$/);
    expect(regionFromName("某某旗").level).toBe("county");
    expect(regionFromName("某某州").level).toBe("prefecture");
    expect(regionFromName("镇安县").slug).toBe("zhenan");
  });
});
