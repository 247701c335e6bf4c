// The codebook's rules, one test each, on sentences written for these tests (none from the five shipped reports).
import { describe, expect, it } from "vitest";
import { extractFacts, extractSentenceFacts } from "../../../lib/extract/index";
import { regionFromName } from "../../../lib/extract/metadata";
import { pickHeadline } from "../../../lib/dashboard/headline";
import { FAMILIES } from "../../../lib/extract/lexicon";
import type { PreparedText } from "../../../lib/text/types";

const facts = (sentence: string, region = "宁陕县") => extractSentenceFacts(sentence, 0, 0, regionFromName(region));
const brief = (sentence: string, region?: string) => facts(sentence, region).map((f) => ({ figure: f.figure, metric: f.metric, kind: f.kind }));
const scopes = (sentence: string, region?: string) => facts(sentence, region).map((f) => [f.figure, f.scope.type, f.scope.name]);

function prepared(sentences: string[]): PreparedText {
  const clean = sentences.join("");
  let at = 0;
  return {
    encoding: "UTF-8", raw: clean, clean, cleanToRaw: new Int32Array(clean.length + 1), repairs: [], chrome: [],
    sentences: sentences.map((text, index) => {
      const span = { index, text, original: text, start: at, end: at + text.length, rawStart: at, rawEnd: at + text.length };
      at += text.length;
      return span;
    }),
  };
}

describe("codebook data", () => {
  it("gives every family and kind names in both languages, a definition and a headline order of its own kinds", () => {
    for (const family of FAMILIES) {
      expect(family.name.zh && family.name.en).toBeTruthy();
      for (const kind of family.kinds) expect([kind.name.zh, kind.name.en, kind.definition.zh, kind.definition.en].every(Boolean)).toBe(true);
      for (const id of family.headline) expect(family.kinds.map((k) => k.id)).toContain(id);
    }
  });
});

describe("families and kinds", () => {
  it("files pioneer, model and responsibility posts as posts, never checkpoints", () => {
    expect(brief("全镇设立党员先锋岗45个、党员责任岗30个，在路口设置卡点12个。")).toEqual([
      { figure: "45个", metric: "posts", kind: "pioneer" },
      { figure: "30个", metric: "posts", kind: "pioneer" },
      { figure: "12个", metric: "checkpoints", kind: "checkpoints" },
    ]);
  });

  it("tells checkpoints from testing sites", () => {
    expect(brief("全区设立交通检查站18个，开设核酸采样点96个。", "某某区").map((f) => f.kind)).toEqual(["checkpoints", "testing"]);
  });

  it("never takes teams or grids for party organizations", () => {
    expect(brief("组建党员突击队25支、督察队6个、工作专班4个，划分网格320个。").map((f) => f.metric)).toEqual(["teams", "teams", "teams", "grids"]);
  });

  it("puts temporary and front-line branches in one kind", () => {
    expect(brief("共成立临时党支部14个、临时火线党支部5个、火线党支部2个。").map((f) => f.kind)).toEqual(["temporary", "temporary", "temporary"]);
  });

  it("shares a head noun across 和: 12个乡镇和160个村党组织", () => {
    expect(brief("全县12个乡镇和160个村党组织迅速行动。")).toEqual([
      { figure: "12个", metric: "branches", kind: "township" },
      { figure: "160个", metric: "branches", kind: "village" },
    ]);
  });

  it("reads people's kinds from the first item of a list", () => {
    expect(brief("动员800名机关干部和社区工作者、300余名志愿者、1.5万名群众参与防控。").map((f) => f.kind)).toEqual(["cadres", "volunteers", "public"]);
  });

  it("reads a fund's kind from its source", () => {
    expect(brief("县委组织部从代管党费中划拨40万元。").map((f) => f.kind)).toEqual(["dues"]);
    expect(brief("爱心企业捐赠善款75万元。").map((f) => f.kind)).toEqual(["donations"]);
    expect(brief("县财政拨付防控经费900万元。").map((f) => f.kind)).toEqual(["allocations"]);
  });
});

describe("scopes", () => {
  it("scopes a hospital's, a compound's and a department's figures to the unit", () => {
    expect(scopes("县人民医院成立临时党支部4个，52名党员医护人员坚守隔离病区。")).toEqual([
      ["4个", "unit", "县人民医院"],
      ["52名", "unit", "县人民医院"],
    ]);
    expect(scopes("县住建局局长担任锦华苑小区临时党支部书记，带领28名党员值守。")[0]).toEqual(["28名", "unit", "锦华苑小区"]);
    expect(scopes("县委宣传部选派干部15名下沉社区。")).toEqual([["15名", "unit", "县委宣传部"]]);
  });

  it("keeps counts of many units and whole-region figures region-wide", () => {
    expect(scopes("全县40个小区成立临时党支部40个，各社区党组织动员党员600名。").map((s) => s[1])).toEqual(["region", "region", "region"]);
  });

  it("ends a unit's scope at a clause with its own actor", () => {
    expect(scopes("县医院成立临时党支部2个，社会各界爱心企业捐款捐物80万元。")).toEqual([
      ["2个", "unit", "县医院"],
      ["80万元", "region", null],
    ]);
  });

  it("scopes the urban area as a sub-region", () => {
    expect(scopes("全市在城区设立党员先锋岗300个。", "某某市")).toEqual([["300个", "subregion", "城区"]]);
  });

  it("marks per-unit figures, and drops 'one each'", () => {
    expect(scopes("每个小区配备3名党员和1名网格员。")).toEqual([
      ["3名", "per-unit", "小区"],
      ["1名", "per-unit", "小区"],
    ].filter((s) => s[0] !== "1名"));
    expect(facts("12名县级干部各包联1个乡镇。").map((f) => f.figure)).toEqual(["12名"]);
    expect(facts("各村选派1名第一书记驻点。")).toEqual([]);
  });
});

describe("non-counts", () => {
  it("takes no figure from a slogan's explanation", () => {
    expect(facts("“两个10”即：每个村建立10人志愿队、10个党员先锋岗。")).toEqual([]);
  });
});

describe("parts and restatements", () => {
  it("links a figure after 其中 to its total", () => {
    const linked = extractFacts(prepared(["全县党员捐款共计120万元。", "其中，县直机关党员捐款45万元。"]), regionFromName("宁陕县"));
    expect(linked.map((f) => [f.value, f.partOf])).toEqual([[1200000, null], [450000, 0]]);
  });

  it("links a synonymous restatement (督导组 / 督查专班) and not a different kind", () => {
    const linked = extractFacts(prepared(["全县组建督导组9个。", "9个督查专班分赴各镇。", "设立卡点9个。"]), regionFromName("宁陕县"));
    expect(linked.map((f) => f.restates)).toEqual([null, 0, null]);
  });
});

describe("headlines", () => {
  const base = { unit: "个", approx: "exact" as const, partOf: null, restates: null, scope: { type: "region" as const, name: null } };
  it("prefers the family's first kind present over a larger figure of another kind", () => {
    const all = [
      { ...base, id: 1, metric: "checkpoints", kind: "testing", value: 900 },
      { ...base, id: 2, metric: "checkpoints", kind: "checkpoints", value: 40 },
    ];
    expect(pickHeadline(all, "checkpoints")?.id).toBe(2);
    expect(pickHeadline(all.slice(0, 1), "checkpoints")?.id).toBe(1);
  });

  it("never takes a part, a restatement, a sub-region, a unit or a per-unit figure", () => {
    const all = [
      { ...base, id: 1, metric: "branches", kind: "temporary", value: 10 },
      { ...base, id: 2, metric: "branches", kind: "temporary", value: 50, partOf: 1 },
      { ...base, id: 3, metric: "branches", kind: "temporary", value: 60, restates: 1 },
      { ...base, id: 4, metric: "branches", kind: "temporary", value: 70, scope: { type: "unit" as const, name: "县医院" } },
      { ...base, id: 5, metric: "branches", kind: "temporary", value: 80, scope: { type: "subregion" as const, name: "城关镇" } },
      { ...base, id: 6, metric: "branches", kind: "temporary", value: 90, scope: { type: "per-unit" as const, name: "小区" } },
    ];
    expect(pickHeadline(all, "branches")?.id).toBe(1);
  });
});

describe("subjects", () => {
  it("cuts an unknown long phrase at a word boundary, never mid-word", () => {
    const sentence = "新增3处农村生活污水集中处理设施改造工程投入运行。";
    const [fact] = facts(sentence);
    const from = sentence.indexOf("处") + 1;
    const boundaries = new Set([...new Intl.Segmenter("zh", { granularity: "word" }).segment(sentence)].map((s) => s.index));
    expect(fact.subject.length).toBeGreaterThan(0);
    expect(fact.subject.length).toBeLessThanOrEqual(10);
    expect(boundaries.has(from + fact.subject.length)).toBe(true);
  });
});
