import { describe, expect, it } from "vitest";
import { extractFacts, extractSentenceFacts, linkFacts } from "../../../lib/extract/index";
import { regionFromName } from "../../../lib/extract/metadata";
import type { PreparedText } from "../../../lib/text/types";

// The sub-region name of each figure (null for anything else), as the older tests state it.
const scopes = (sentence: string, region: string) =>
  extractSentenceFacts(sentence, 0, 0, regionFromName(region)).map((f) => [f.figure, f.scope.type === "subregion" ? f.scope.name : null]);

describe("detectScope", () => {
  it("assigns figures to the sub-region the clause is about", () => {
    expect(scopes("尧都区精准划细划小4268个楼栋(街巷)微网格，由党员志愿者担任微网格兼党小组长。", "临汾市")).toEqual([["4268个", "尧都区"]]);
    expect(scopes("隰县针对老旧小区防控力量薄弱问题，组织150个单位包联城区49个小区和101个平房片区，就近就便成立64个临时党支部。", "临汾市")).toEqual([
      ["150个", "隰县"],
      ["49个", "隰县"],
      ["101个", "隰县"],
      ["64个", "隰县"],
    ]);
    expect(scopes("汾西县7名县委常委各包联1个社区，指导督促社区强化基础。", "临汾市")[0]).toEqual(["7名", "汾西县"]);
  });

  it("resets to the whole region at 全市 and for the region itself", () => {
    expect(scopes("全市共有1255个机关单位包联2159个社区(小区)，其中尧都区市区两级共246个机关单位包联942个小区。", "临汾市")).toEqual([
      ["1255个", null],
      ["2159个", null],
      ["246个", "尧都区"],
      ["942个", "尧都区"],
    ]);
    expect(scopes("麻城市先后组织近4万名党员到村(社区)报到。", "麻城市")).toEqual([["近4万名", null]]);
  });

  it("finds unknown sub-regions by their suffix, below the report's level only", () => {
    expect(scopes("在城关镇，党员志愿者300余人参与值守。", "镇安县")).toEqual([["300余人", "城关镇"]]);
    expect(scopes("永乐街道成立临时党支部5个。", "镇安县")).toEqual([["5个", "永乐街道"]]);
    // A county in a county report is a neighbour, not a part.
    expect(scopes("柞水县成立临时党支部5个。", "镇安县")).toEqual([["5个", null]]);
    // Common words ending in a suffix are not places, nor are enumerations of levels.
    expect(scopes("各小区动员党员干部500名，市县两级成立临时党支部12个。", "汕尾市")).toEqual([
      ["500名", null],
      ["12个", null],
    ]);
  });
});

describe("markRestatements", () => {
  const prepared = (sentences: string[]): PreparedText => {
    const clean = sentences.join("");
    let at = 0;
    return {
      encoding: "UTF-8",
      raw: clean,
      clean,
      cleanToRaw: new Int32Array(clean.length + 1),
      repairs: [],
      chrome: [],
      sentences: sentences.map((text, index) => {
        const span = { index, text, original: text, start: at, end: at + text.length, rawStart: at, rawEnd: at + text.length };
        at += text.length;
        return span;
      }),
    };
  };

  it("links a figure that repeats an earlier one with a similar subject", () => {
    const facts = extractFacts(
      prepared(["3.7万余名在职党员干部奔赴社区防控一线。", "全市3.7万名在职党员挺身而出，向居住地社区报到。", "全市3.7万个口罩已发放。"]),
      regionFromName("临汾市"),
    );
    expect(facts.map((f) => [f.figure, f.restates])).toEqual([
      ["3.7万余名", null],
      ["3.7万名", 0],
      ["3.7万个", null],
    ]);
  });

  it("needs the same family, unit and scope; a synonymous kind counts as the same subject", () => {
    const base = { kind: "cadres", subject: "党员", unit: "名", approx: "exact" as const, quote: "", start: 0, end: 0, figure: "", partOf: null, restates: null };
    const region = { type: "region" as const, name: null };
    const linked = linkFacts([
      { ...base, metric: "volunteers", value: 834, sentence: 0, scope: region },
      { ...base, metric: "volunteers", value: 834, sentence: 1, scope: { type: "subregion", name: "尧都区" } },
      { ...base, metric: "branches", kind: "village", value: 834, sentence: 2, scope: region, subject: "党组织" },
      { ...base, metric: "volunteers", value: 834, sentence: 3, scope: region, subject: "党员干部" },
      { ...base, metric: "teams", kind: "inspection", value: 19, sentence: 4, scope: region, subject: "督查专班", unit: "个" },
      { ...base, metric: "teams", kind: "inspection", value: 19, sentence: 5, scope: region, subject: "督察队", unit: "个" },
      { ...base, metric: "supplies", kind: "living", value: 20000, sentence: 6, scope: region, subject: "蔬菜", unit: "斤" },
      { ...base, metric: "supplies", kind: "living", value: 20000, sentence: 6, scope: region, subject: "工作餐", unit: "份" },
    ]);
    expect(linked.map((f) => f.restates)).toEqual([null, null, null, 0, null, 4, null, null]);
  });
});
