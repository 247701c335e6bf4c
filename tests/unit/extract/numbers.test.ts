import { describe, expect, it } from "vitest";
import { parseChineseNumber } from "../../../lib/extract/numbers";

describe("parseChineseNumber", () => {
  it.each([
    ["68", 68],
    ["1,357", 1357],
    ["1357", 1357],
    ["１３５７", 1357],
    ["51.8", 51.8],
    ["3.7万", 37000],
    ["10.9万", 109000],
    ["10.9萬", 109000],
    ["21.429万", 214290],
    ["261.75万", 2617500],
    ["两万", 20000],
    ["兩萬", 20000],
    ["一万", 10000],
    ["二十", 20],
    ["十五", 15],
    ["十", 10],
    ["1.2亿", 120000000],
    ["两千三百", 2300],
    ["一千零五", 1005],
    ["三万五千", 35000],
    ["一亿二千万", 120000000],
    ["5千万", 50000000],
    ["〇", 0],
    ["零", 0],
    ["二〇二〇", 2020],
    ["三十五", 35],
  ])("%s → %d", (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it.each(["", "万", "abc", "十四五", "党员"])("%s is not a numeral", (text) => {
    expect(parseChineseNumber(text)).toBeNull();
  });
});
