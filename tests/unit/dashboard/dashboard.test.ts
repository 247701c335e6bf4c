import { describe, expect, it } from "vitest";
import { toCsv } from "../../../lib/dashboard/csv";
import { formatChineseNumber, formatFigure } from "../../../lib/dashboard/format";
import { localHref, parseLang, t } from "../../../lib/dashboard/i18n";
import { positiveIntParam } from "../../../lib/dashboard/params";
import { alignByKind } from "../../../lib/queries/compare";
import type { FactView } from "../../../lib/queries/shared";

function fact(partial: Partial<FactView>): FactView {
  return {
    id: 1, metric: "branches", kind: "temporary", subject: "临时党支部", value: 1, unit: "个", approx: "exact", scope: { type: "region", name: null }, partOf: null, restates: null,
    figure: "1个", start: 0, end: 1, quote: "q", reportId: 1, sentenceIndex: 0, href: "/reports/1#s-0", status: "machine", correction: null,
    report: { title: null, url: null, date: null, datePrecision: null, period: null, periodBasis: null },
    source: { outlet: null, region: { slug: "zhenan", name: "镇安县", nameEn: "Zhen'an County", level: "county" } }, ...partial,
  };
}

describe("formatChineseNumber", () => {
  it.each([
    [68, "68"], [1357, "1357"], [37000, "3.7万"], [2617500, "261.75万"], [518000, "51.8万"], [120000000, "1.2亿"], [109000, "10.9万"], [0.5, "0.5"],
  ])("%d → %s", (value, expected) => expect(formatChineseNumber(value)).toBe(expected));

  it("marks approximations and keeps units", () => {
    expect(formatFigure(2080000, "元", "at_least")).toBe("≥208万元");
    expect(formatFigure(40000, "名", "nearly")).toBe("<4万名");
    expect(formatFigure(68, "个")).toBe("68个");
  });
});

describe("alignByKind", () => {
  it("aligns by kind and scope, not by label text, and keeps scoped figures on rows of their own", () => {
    const rows = alignByKind(
      [fact({ id: 1, value: 68 }), fact({ id: 2, kind: "grassroots", subject: "基层党组织", value: 800 })],
      [fact({ id: 3, value: 28, subject: "临时火线党支部" }), fact({ id: 4, value: 5, scope: { type: "unit", name: "市医院" } })],
    );
    expect(rows.map((row) => [row.kind, row.scope.name, row.a?.id ?? null, row.b?.id ?? null])).toEqual([
      ["temporary", null, 1, 3],
      ["grassroots", null, 2, null],
      ["temporary", "市医院", null, 4],
    ]);
  });
  it("shows each figure once: restatements left out, a total preferred to its part", () => {
    const [row] = alignByKind([fact({ id: 1, value: 5 }), fact({ id: 2, value: 9 }), fact({ id: 3, value: 20, partOf: 4 }), fact({ id: 5, value: 9, restates: 2 })], []);
    expect(row.a?.id).toBe(2);
    expect(row.others.map((other) => other.id).sort()).toEqual([1, 3]);
  });
});

describe("toCsv", () => {
  it("starts with a BOM and quotes what needs quoting", () => {
    const csv = toCsv(["a", "b"], [["临时党支部", 'say "hi", then'], [null, 3]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('a,b\r\n临时党支部,"say ""hi"", then"\r\n,3\r\n');
  });
});

describe("URL state", () => {
  it("keeps the language in the query string", () => {
    expect(localHref("/compare", "en", { a: "zhenan", b: "macheng" })).toBe("/compare?a=zhenan&b=macheng&lang=en");
    expect(localHref("/reports/3#s-4", "en")).toBe("/reports/3?lang=en#s-4");
    expect(localHref("/compare?a=x&lang=en", "zh")).toBe("/compare?a=x");
    expect(parseLang("en")).toBe("en");
    expect(parseLang("fr")).toBe("zh");
    expect(t("en", "topRegions", { n: 20, total: 2850 })).toBe("Top 20 of 2850 regions");
  });
  it("reads page numbers defensively", () => {
    expect(positiveIntParam({ page: "3" }, "page")).toEqual({ value: 3, invalid: false });
    expect(positiveIntParam({ page: "-3" }, "page")).toEqual({ value: 1, invalid: true });
    expect(positiveIntParam({ page: ["x", "2"] }, "page")).toEqual({ value: 1, invalid: true });
    expect(positiveIntParam({}, "page")).toEqual({ value: 1, invalid: false });
  });
});
