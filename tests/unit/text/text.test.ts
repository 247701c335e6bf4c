// The text stage on the five shipped reports and on clean text written for this test.
import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import * as OpenCC from "opencc-js";
import { describe, expect, it } from "vitest";
import { prepareText, TextInputError } from "../../../lib/text/index";
import { findMojibakeEdits } from "../../../lib/text/mojibake";
import { stripPinyinAnnotations } from "../../../lib/text/pinyin";

const REPORTS = ["zhenan", "macheng", "haixi", "linfen", "shanwei"];
const report = (name: string) => readFileSync(`prisma/reports/${name}.txt`);
const PINYIN = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/u;

// Clean text of the kind the pipeline meets, written for this test: news prose with names, numbers, quotes,
// parentheses, Latin abbreviations, rare characters, in both scripts. None of it may be "repaired".
const CLEAN_CORPUS = [
  "新冠肺炎（COVID-19）疫情发生以来，隰县、汾西县、蒲县等地迅速行动，组织党员干部下沉社区。",
  "“我是共产党员，我先上！”退休教师贾改梅说。她今年68岁，已在卡口值守了20余天。",
  "截至2月11日，全市共设立检查站点1,357个，筹集资金1.2亿元，其中党费51.8万元。",
  "漪汾花园、仕林苑、龙池桥办事处的居民，纷纷为一线人员送去热水和饭菜。",
  "该县组建“一区五队”群防群治体系，划分网格4171个，配备网格员834名。",
  "鎮安縣委組織部緊急劃撥黨費，支援各鎮辦開展疫情防控工作，累計捐款捐物261.75萬元。",
  "王润宇表示：疫情防控和复工复产“两副担子”一起挑，既要稳，又要快。",
  "察尔汗盐湖的钾肥企业开足马力生产，格尔木至老茫崖公路正式开工建设。",
  "據統計，全州成立臨時黨支部28個、黨員突擊隊132個，4000多名在職黨員到社區報到。",
  "记者 钟佳韦 / 编辑 严强 | 2020年2月16日 星期日 农历正月廿三",
  "嬴政、皋陶、亳州、邗江、鄱阳湖、黟县、郫都区、犍为县、硚口区、婺源县、歙县、涞水县。",
  "He said: the WHO guidance (2020) was followed; PCR tests were run at 24 sites.",
].join("\n").repeat(12);

describe("text stage on the shipped reports", () => {
  it.each(REPORTS)("%s: no pinyin annotation survives, sentences map back to the raw text", (name) => {
    const prepared = prepareText(report(name));
    expect(prepared.clean).not.toMatch(PINYIN);
    expect(prepared.sentences.length).toBeGreaterThan(5);
    for (const sentence of prepared.sentences) {
      expect(prepared.clean.slice(sentence.start, sentence.end)).toBe(sentence.text);
      expect(prepared.raw.slice(sentence.rawStart, sentence.rawEnd)).toBe(sentence.original);
      expect(sentence.text).toBe(sentence.text.trim());
      expect(prepared.cleanToRaw[sentence.start]).toBe(sentence.rawStart); // the exported map agrees
    }
    for (const repair of prepared.repairs) expect(prepared.raw.slice(repair.start, repair.end)).toBe(repair.before);
  });

  it("repairs the GBK mojibake in linfen.txt where the bytes say so, and marks the rest lost", () => {
    const { clean, repairs } = prepareText(report("linfen"));
    expect(clean).toContain("我是党员,我报名”");
    expect(clean).toContain("□空巢老人有多少□"); // 空 is read from a `?` that was a folded ？ (A3 BF) + D5
    expect(clean).not.toMatch(/拔沂屈h|擞卸嗌|\?!/);
    expect(repairs.filter((repair) => repair.kind === "mojibake").length).toBeGreaterThanOrEqual(2);
  });

  it("marks the mojibake run in shanwei.txt lost: its reading (織密群防群治和) has no common word to confirm it", () => {
    const { clean } = prepareText(report("shanwei"));
    expect(clean).toContain("最前沿□□□□");
    expect(clean).not.toMatch(/椕苋悍廊褐魏吐/);
  });

  it("makes no mojibake repair in clean text: macheng.txt and a corpus written for the test", () => {
    expect(findMojibakeEdits(report("macheng").toString("utf8"))).toEqual([]);
    expect(findMojibakeEdits(CLEAN_CORPUS)).toEqual([]);
    const prepared = prepareText(Buffer.from(CLEAN_CORPUS));
    expect(prepared.repairs.filter((repair) => repair.kind === "mojibake" || repair.kind === "gap")).toEqual([]);
    expect(prepared.clean).toContain("仕林苑");
    expect(prepared.clean).toContain("(COVID-19)".replace("(", "（").replace(")", "）"));
  });

  it("strips page chrome and the link farm but keeps what the metadata needs", () => {
    const { clean, chrome } = prepareText(report("haixi"));
    expect(clean).not.toMatch(/阿鲁科尔沁旗|微信公众号|官方微博|责编/);
    expect(clean).toContain("王润宇:疫情防控和开工复工");
    expect(chrome.map((line) => line.kind)).toEqual(expect.arrayContaining(["date", "editor", "link-farm", "social"]));
    expect(chrome.find((line) => line.kind === "editor")?.text).toBe("责编:车婧");
  });
});

describe("pinyin annotations", () => {
  it("removes annotations and keeps real parentheses", () => {
    expect(stripPinyinAnnotations("疫情防控工作以來(lái),鎮(zhèn)安縣").text).toBe("疫情防控工作以來,鎮安縣");
    expect(stripPinyinAnnotations("村(社區(qū))").text).toBe("村(社區)");
    expect(stripPinyinAnnotations("(記者 鐘佳韋)").text).toBe("(記者 鐘佳韋)");
    expect(stripPinyinAnnotations("組建13個專項(xiàng)工作組(含COVID)").text).toBe("組建13個專項工作組(含COVID)");
  });
});

describe("encodings", () => {
  const utf8 = report("macheng");
  const expected = prepareText(utf8).clean;
  it("GBK yields the same clean text as the UTF-8 form of what GBK could hold", () => {
    const bytes = iconv.encode(utf8.toString("utf8"), "gbk"); // GBK has no code for 塆 or a no-break space
    expect(prepareText(bytes).clean).toBe(prepareText(Buffer.from(iconv.decode(bytes, "gbk"))).clean);
  });
  it.each([
    ["GB18030", () => iconv.encode(utf8.toString("utf8"), "gb18030")],
    ["UTF-16LE with BOM", () => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(utf8.toString("utf8"), "utf16le")])],
    ["UTF-8 with BOM", () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])],
  ])("%s yields the same clean text", (_, encode) => {
    expect(prepareText(encode()).clean).toBe(expected);
  });

  it("reads Big5 (traditional) to the same simplified text", () => {
    const traditional = OpenCC.Converter({ from: "cn", to: "tw" })(utf8.toString("utf8"));
    const bytes = iconv.encode(traditional, "big5");
    const big5 = prepareText(bytes);
    expect(big5.encoding.toLowerCase()).toContain("big5");
    // Compare with the UTF-8 form of what Big5 could hold (a few characters, such as 塆, have no Big5 code).
    expect(big5.clean).toBe(prepareText(Buffer.from(iconv.decode(bytes, "big5"))).clean);
  });

  it("tolerates a UTF-8 file cut inside a character", () => {
    expect(prepareText(utf8.subarray(0, utf8.length - 1)).clean.length).toBeGreaterThan(1000);
  });
});

describe("bad input", () => {
  it.each([
    ["empty", new Uint8Array()],
    ["binary", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82])],
    ["English", Buffer.from("This is a report in English with no Chinese in it at all. ".repeat(10))],
  ])("rejects %s input with a TextInputError", (_, bytes) => {
    expect(() => prepareText(bytes)).toThrow(TextInputError);
  });
});
