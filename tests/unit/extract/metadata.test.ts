// Metadata of the five reports through the whole pipeline (text stage included), against the gold fixtures, and the
// general rules on small reports written for this test.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { GoldReport } from "../../../lib/extract/evaluate";
import { extractMetadata } from "../../../lib/extract/metadata";
import { extractReport } from "../../../lib/pipeline";
import type { PreparedText } from "../../../lib/text/types";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const NAMES = ["zhenan", "macheng", "haixi", "linfen", "shanwei"];

describe.each(NAMES)("metadata of %s", (name) => {
  const gold: GoldReport = JSON.parse(readFileSync(path.join(ROOT, "tests/fixtures", `${name}.gold.json`), "utf8"));
  const result = extractReport(readFileSync(path.join(ROOT, "prisma/reports", `${name}.txt`)));

  it("detects the region", () => expect(result.region).toMatchObject(gold.metadata.region));
  it("reads the publication date", () => expect(result.publishedAt).toBe(gold.metadata.publishedAt));
  it("reads the outlet", () => expect(result.outlet).toBe(gold.metadata.outlet));
  it("reads the authors, not the editor", () => expect(result.authors).toEqual(gold.metadata.authors));
  it("takes the article's own headline, or none", () => expect(result.title).toBe(gold.metadata.title));
  it("places the report in its period", () => {
    expect(result.period).toBe(gold.metadata.period);
    expect(result.periodBasis).toBe(gold.metadata.periodBasis);
  });
});

describe("titles and editors", () => {
  const read = (name: string) => extractReport(readFileSync(path.join(ROOT, "prisma/reports", `${name}.txt`)));

  it("uses the headline when the report has one", () => {
    expect(read("macheng").title).toContain("当好“疫”线先锋军");
    expect(read("haixi").title).toContain("两副担子");
  });

  it("gives no title when the text opens with its first paragraph, never that paragraph's first sentence", () => {
    for (const name of ["zhenan", "linfen", "shanwei"]) expect(read(name).title).toBeNull();
  });

  it("does not take 镇安's contributor line (市委组织部供稿) for its outlet", () => {
    expect(read("zhenan").outlet).toBeNull();
  });

  it("places 临汾's report, which cites 二十条 and 新十条, in late 2022", () => {
    expect(read("linfen")).toMatchObject({ publishedAt: null, period: "2022-Q4", periodBasis: "inferred" });
  });

  it("exposes editors separately", () => {
    expect(read("haixi").editor).toBe("车婧");
    expect(read("linfen").editor).toBe("吉政");
  });

  it("honours a region override, known or not", () => {
    const bytes = readFileSync(path.join(ROOT, "prisma/reports/zhenan.txt"));
    expect(extractReport(bytes, { region: "商洛市" }).region).toMatchObject({ name: "商洛市", slug: "shangluo", level: "prefecture_city", code: "611000" });
    expect(extractReport(bytes, { region: "某某县" }).region).toMatchObject({ name: "某某县", level: "county", province: "" });
  });
});

describe("metadata rules on reports written for this test", () => {
  const prepared = (clean: string, chrome: Array<{ kind: string; text: string }> = []): PreparedText => ({
    encoding: "UTF-8",
    raw: clean,
    clean,
    cleanToRaw: new Int32Array(clean.length + 1),
    repairs: [],
    chrome: chrome.map((c) => ({ ...c, rawStart: 0, rawEnd: 0 })),
    sentences: [],
  });

  it("reads headline, dateline, source, reporter and editor", () => {
    const meta = extractMetadata(
      prepared("安平县：党旗在抗疫一线高高飘扬\n2020年2月20日 来源：衡水日报\n疫情发生以来，安平县委组织部迅速行动，全县成立临时党支部35个。全县各级党组织……\n(通讯员 张三 李四)\n责任编辑：王五"),
    );
    expect(meta).toMatchObject({ title: "安平县：党旗在抗疫一线高高飘扬", publishedAt: "2020-02-20", outlet: "衡水日报", authors: ["张三", "李四"], editor: "王五" });
    expect(meta.region).toMatchObject({ name: "安平县", level: "county", province: "河北省", code: "131125" });
  });

  it("reads chrome lines the text stage removed", () => {
    const meta = extractMetadata(
      prepared("疫情发生以来，市委组织部深入学习。全市成立临时党支部5个。", [
        { kind: "outlet", text: "汕尾日报讯 (记者 钟佳韦)" },
        { kind: "date", text: "发布时间：2020-03-01 10:20" },
        { kind: "byline", text: "(王瑞琪 李辉)" },
      ]),
    );
    expect(meta).toMatchObject({ outlet: "汕尾日报", publishedAt: "2020-03-01", authors: ["钟佳韦", "王瑞琪", "李辉"] });
    expect(meta.region.name).toBe("汕尾市");
  });

  it("does not take 本报 for an outlet and prefers the region the report says 全县 about", () => {
    const meta = extractMetadata(prepared("本报讯（记者 赵六）连日来，凤县组织全县党员干部投入疫情防控，全县设立卡点42个，驰援武汉市医护人员12名。"));
    expect(meta.outlet).toBeNull();
    expect(meta.authors).toEqual(["赵六"]);
    expect(meta.region).toMatchObject({ name: "凤县", province: "陕西省" });
  });

  it("says so when no region is named", () => {
    expect(extractMetadata(prepared("全县成立临时党支部5个，全县党员踊跃参与。")).region).toMatchObject({ name: "未知地区", slug: "unknown", level: "county" });
  });
});
