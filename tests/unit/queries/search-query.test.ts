import { describe, expect, it } from "vitest";
import { knownRegions } from "../../../lib/extract/regions";
import { excerptAround, latinKey, normalizeQuery, regionMatchRank } from "../../../lib/queries/search";

/** The gazetteer regions a query matches exactly (rank 0). */
function exactMatches(input: string): string[] {
  const query = normalizeQuery(input);
  return knownRegions().filter((region) => regionMatchRank(region, query) === 0).map((region) => region.name);
}

describe("search query normalisation", () => {
  it("converts traditional input to simplified", () => {
    expect(normalizeQuery("臨汾").text).toBe("临汾");
    expect(normalizeQuery(" 臨時黨支部 ").text).toBe("临时党支部");
  });

  it("drops tones, spaces and case from pinyin", () => {
    for (const input of ["lin fen", "línfén", "Lín Fén", "LINFEN"]) expect(normalizeQuery(input).latin).toBe("linfen");
    expect(latinKey("lǜ")).toBe(latinKey("lv"));
    expect(normalizeQuery("临汾").latin).toBeNull();
  });

  it("keeps the form without an administrative suffix", () => {
    expect(normalizeQuery("海西州").hanForms).toEqual(["海西州", "海西"]);
    expect(normalizeQuery("海西蒙古族藏族自治州").hanForms).toEqual(["海西蒙古族藏族自治州", "海西蒙古族藏族"]);
    expect(normalizeQuery("海西").hanForms).toEqual(["海西"]);
  });
});

describe("region matching against the gazetteer", () => {
  it("finds a prefecture by its short, suffixed and full names", () => {
    for (const input of ["海西", "海西州", "海西蒙古族藏族自治州"]) expect(exactMatches(input)).toContain("海西蒙古族藏族自治州");
  });

  it("finds regions by traditional characters and by pinyin with or without tones and spaces", () => {
    for (const input of ["臨汾", "linfen", "lin fen", "Línfén"]) expect(exactMatches(input)).toContain("临汾市");
    expect(exactMatches("hubei")).toContain("湖北省");
    expect(exactMatches("qinghai")).toContain("青海省");
    expect(exactMatches("shaanxi")).toEqual(["陕西省"]);
  });

  it("does not match unrelated names", () => {
    expect(exactMatches("hubei")).not.toContain("湖南省");
    expect(exactMatches("海西州")).not.toContain("海东市");
  });
});

describe("excerpts", () => {
  it("keeps the term inside a long sentence", () => {
    const sentence = `${"前".repeat(100)}临时党支部${"后".repeat(100)}`;
    const excerpt = excerptAround(sentence, "临时党支部", 40);
    expect(excerpt).toContain("临时党支部");
    expect(excerpt.startsWith("…") && excerpt.endsWith("…")).toBe(true);
  });
});
