// Input the text stage must take apart correctly: UTF-16 with and without a BOM in both byte orders, and the
// invisible characters (bidi controls, zero-width marks) that change how text reads without showing.
import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import * as OpenCC from "opencc-js";
import { describe, expect, it } from "vitest";
import { prepareText, TextInputError } from "../../../lib/text/index";
import { CLEAN_TEXT } from "./corpus";

const REPORTS = ["zhenan", "macheng", "haixi", "linfen", "shanwei"];
const report = (name: string) => readFileSync(`prisma/reports/${name}.txt`);

describe("UTF-16", () => {
  it.each(REPORTS)("%s round-trips in UTF-16 LE and BE, with and without a BOM", (name) => {
    const utf8 = report(name);
    const expected = prepareText(utf8).clean;
    const le = Buffer.from(utf8.toString("utf8"), "utf16le");
    const be = Buffer.from(le).swap16();
    const forms: [string, Buffer][] = [
      ["UTF-16LE", le],
      ["UTF-16BE", be],
      ["UTF-16LE", Buffer.concat([Buffer.from([0xff, 0xfe]), le])],
      ["UTF-16BE", Buffer.concat([Buffer.from([0xfe, 0xff]), be])],
    ];
    for (const [encoding, bytes] of forms) {
      const prepared = prepareText(bytes);
      expect(prepared.encoding).toBe(encoding);
      expect(prepared.clean).toBe(expected);
    }
  });

  it("reads Han-only UTF-16 (no NUL bytes at all) and traditional text", () => {
    const han = "疫情防控党员干部下沉社区一线坚守岗位".repeat(20);
    expect(prepareText(Buffer.from(han, "utf16le")).encoding).toBe("UTF-16LE");
    const traditional = OpenCC.Converter({ from: "cn", to: "tw" })(CLEAN_TEXT);
    expect(prepareText(Buffer.from(traditional, "utf16le").swap16()).encoding).toBe("UTF-16BE");
  });

  it("does not take UTF-8, GBK or Big5 reports for UTF-16", () => {
    const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });
    for (const name of REPORTS) {
      const text = report(name).toString("utf8");
      expect(prepareText(Buffer.from(text)).encoding).toBe("UTF-8");
      expect(prepareText(iconv.encode(text, "gbk")).encoding).toBe("GB18030");
      expect(prepareText(iconv.encode(toTraditional(text), "big5")).encoding).toMatch(/big5/i);
    }
  });

  it("still rejects English in UTF-16", () => {
    expect(() => prepareText(Buffer.from("This is a report in English, not in Chinese. ".repeat(10), "utf16le"))).toThrow(TextInputError);
  });
});

describe("invisible characters", () => {
  it("removes bidi controls and zero-width characters and records each run as a repair", () => {
    const raw = "全市共有\u202e500\u202c名党员\u200b报到，筹集资金\u2066120万元\u2069。\u200d\ufeff下沉干部到岗。";
    const prepared = prepareText(Buffer.from(raw));
    expect(prepared.clean).toBe("全市共有500名党员报到，筹集资金120万元。下沉干部到岗。");
    const invisible = prepared.repairs.filter((repair) => repair.kind === "invisible");
    expect(invisible.map((repair) => repair.before)).toEqual(["\u202e", "\u202c", "\u200b", "\u2066", "\u2069", "\u200d\ufeff"]);
    for (const repair of invisible) expect(prepared.raw.slice(repair.start, repair.end)).toBe(repair.before);
  });

  it("lets a pinyin annotation split by a zero-width space be found", () => {
    expect(prepareText(Buffer.from("疫情防控工作以來\u200b(lái)，鎮(zhèn)安縣黨員幹部下沉一線。")).clean).toBe("疫情防控工作以来，镇安县党员干部下沉一线。");
  });
});
