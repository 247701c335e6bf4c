// The text stage's generated tables, checked against their sources and against the shapes the code reads them in:
// GBK (data/gbk-table.ts) against iconv-lite, the language data (data/*.ts) as one BMP character per form.
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { CHAR_FREQUENCY_RANKS } from "../../../lib/text/data/char-frequency";
import { COMMON_WORDS } from "../../../lib/text/data/common-words";
import { WORD_FREQUENCY_CLASSES } from "../../../lib/text/data/word-frequencies";
import { charsWithTrail, decodePair, encodeChar, isSeamTrail, seamFirsts } from "../../../lib/text/gbk";
import { charCost, isHan, isWord, nextToProbability, wordFrequency } from "../../../lib/text/language";

describe("GBK table", () => {
  it("decodes every double-byte code as iconv-lite does, and nothing else", () => {
    let checked = 0;
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      const trails = Array.from({ length: 0xff - 0x40 }, (_, k) => 0x40 + k).filter((t) => t !== 0x7f);
      const row = iconv.decode(Buffer.from(trails.flatMap((t) => [lead, t])), "gbk");
      trails.forEach((trail, k) => expect(decodePair(lead, trail)).toBe(row[k]));
      expect(decodePair(lead, 0x7f)).toBeUndefined();
      expect(decodePair(lead, 0xff)).toBeUndefined();
      checked += trails.length;
    }
    for (const lead of [-1, 0x00, 0x41, 0x80, 0xff]) expect(decodePair(lead, 0xa1)).toBeUndefined();
    expect(checked).toBe(23940);
  });

  it("encodes a character back to the code iconv-lite gives it", () => {
    for (const char of [..."党员干部空巢老人黨員幹部，。！？（）"]) {
      const code = encodeChar(char)!;
      expect(Buffer.from([code >> 8, code & 0xff])).toEqual(iconv.encode(char, "gbk"));
    }
    expect(encodeChar("A")).toBeUndefined();
    expect(encodeChar("😀")).toBeUndefined();
  });

  it("lists the characters of a trail byte, commonest first, and the seam characters of a lead byte", () => {
    const chars = charsWithTrail(0xd5); // 空 is C5 D5
    expect(chars).toContain("空");
    expect(chars.every((c) => encodeChar(c)! % 256 === 0xd5)).toBe(true);
    for (let k = 1; k < chars.length; k++) expect(charCost(chars[k - 1])).toBeLessThanOrEqual(charCost(chars[k]));
    const firsts = seamFirsts(0xd6); // 织 is D6 AF
    expect(firsts).toContain("织");
    expect(firsts.every((c) => isHan(c) && encodeChar(c)! >> 8 === 0xd6 && isSeamTrail(encodeChar(c)! & 0xff))).toBe(true);
  });
});

describe("language data", () => {
  it("holds one BMP character per form and per word character, as the model reads it by UTF-16 code", () => {
    for (const table of [CHAR_FREQUENCY_RANKS, COMMON_WORDS]) {
      expect([...table].every((c) => c.length === 1)).toBe(true);
      expect(table).not.toMatch(/^ | $| {2}/);
    }
  });

  it("gives every word group one frequency class per word", () => {
    const groups = COMMON_WORDS.split(" ");
    const classes = WORD_FREQUENCY_CLASSES.split(" ");
    expect(classes).toHaveLength(groups.length);
    groups.forEach((group, g) => expect(classes[g]).toHaveLength(group.length - 1));
    expect(new Set(groups.map((group) => group[0])).size).toBe(groups.length); // one group per first character
    // Groups in code order of their first characters (codeIsWord finds one by binary search over the string), and
    // every class a base-36 digit (so a word found has a frequency above 0).
    expect(groups.filter((group, g) => g > 0 && group[0] <= groups[g - 1][0])).toEqual([]);
    expect(WORD_FREQUENCY_CLASSES).toMatch(/^[0-9a-z]+( [0-9a-z]+)*$/);
    // In code order within each group: the model finds a word by binary search.
    expect(groups.filter((group) => [...group.slice(1)].some((c, k, rest) => k > 0 && c <= rest[k - 1]))).toEqual([]);
  });

  it("reads words in any script form, and its bigram model sums to one over a neighbour's partners", () => {
    expect(isWord("党", "员")).toBe(true);
    expect(isWord("黨", "員")).toBe(true);
    expect(wordFrequency("党", "员")).toBeGreaterThan(0);
    expect(isWord("员", "党")).toBe(false);
    // P(word partner) + P(any other character) = WORD_SHARE + (1 - WORD_SHARE) over all characters after 空.
    const group = COMMON_WORDS.split(" ").find((g) => g[0] === "空")!;
    const partners = [...group.slice(1)].reduce((sum, c) => sum + nextToProbability(c, "空", "after"), 0);
    expect(partners).toBeCloseTo(0.5, 6);
    const before = COMMON_WORDS.split(" ").filter((g) => g.includes("员", 1)).map((g) => g[0]);
    expect(before.length).toBeGreaterThan(10);
    expect(before.reduce((sum, c) => sum + nextToProbability(c, "员", "before"), 0)).toBeCloseTo(0.5, 6);
  });
});
