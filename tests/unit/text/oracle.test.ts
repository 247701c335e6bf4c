// The cold-start rewrite of mojibake.ts and language.ts (lazy tables, windows cleared without the lexicon, seam
// checks only where they matter) must give exactly what the original gave. oracle/ holds the original modules
// (commit 8a477ad, imports redirected); every exported function of language.ts is compared bit for bit, and
// findMojibakeEdits on the reports, on random and garbled Chinese, and on windows whose mean cost is within rounding
// of the threshold. Some comparisons use fresh module instances: the rewrite answers differently before and after
// its lazy tables exist.
import fc from "fast-check";
import iconv from "iconv-lite";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { CHAR_FREQUENCY_RANKS } from "../../../lib/text/data/char-frequency";
import { COMMON_WORDS } from "../../../lib/text/data/common-words";
import * as language from "../../../lib/text/language";
import { findMojibakeEdits } from "../../../lib/text/mojibake";
import { CLEAN_PARAGRAPHS } from "./corpus";
import * as oracleLanguage from "./oracle/language";
import { findMojibakeEdits as oracleEdits } from "./oracle/mojibake";

const REPORTS_DIR = "/work/shared/reports";
const REPORTS = (() => {
  try {
    return readdirSync(REPORTS_DIR).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(path.join(REPORTS_DIR, f), "utf8"));
  } catch {
    return []; // not on every machine
  }
})();

const RANKED = [...CHAR_FREQUENCY_RANKS.replaceAll(" ", "")];
const FORMS = new Map(CHAR_FREQUENCY_RANKS.split(" ").map((entry) => [entry[0], [...entry]]));
const ENTRIES = CHAR_FREQUENCY_RANKS.split(" ");
const GROUPS = COMMON_WORDS.split(" ");
const RUNS = { numRuns: 300 };

/** GBK bytes read out of step: bytes lost, turned into `?` or inserted; user-defined codes mostly dropped; with
 *  `fold`, fullwidth punctuation folded to ASCII. */
function garble(text: string, cuts: number[], fold: boolean): string {
  const bytes = [...iconv.encode(text, "gbk")];
  for (const cut of cuts) {
    if (bytes.length === 0) break;
    const i = cut % bytes.length;
    if (cut % 3 === 0) bytes.splice(i, 1);
    else if (cut % 3 === 1) bytes[i] = 0x3f;
    else bytes.splice(i, 0, 0x80 + (cut % 0x7f));
  }
  let out = "";
  for (let i = 0; i < bytes.length; ) {
    const pair = i + 1 < bytes.length && bytes[i] >= 0x80 ? iconv.decode(Buffer.from([bytes[i], bytes[i + 1]]), "gbk") : "";
    let c: string;
    if (pair.length === 1 && pair !== "\uFFFD") {
      c = pair;
      i += 2;
    } else {
      c = bytes[i] < 0x80 ? String.fromCharCode(bytes[i]) : "?";
      i += 1;
    }
    const cp = c.charCodeAt(0);
    if (cp >= 0xe000 && cp <= 0xf8ff && i % 7 !== 0) continue;
    out += fold && cp >= 0xff01 && cp <= 0xff5e ? String.fromCharCode(cp - 0xfee0) : c;
  }
  return out;
}

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: RANKED.length - 1 }).map((k) => RANKED[k]) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 400 }).map((k) => RANKED[k]) },
  { weight: 2, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((u) => String.fromCharCode(u)) },
  { weight: 2, arbitrary: fc.constantFrom("，", "。", "、", "“", "”", "：", "；", "！", "？", "（", "）", ",", ".", "!", "?", ";", ":", " ", "\n", "1", "2", "a", "Z", "(", ")", "<", "/") },
  { weight: 1, arbitrary: fc.constantFrom("?", "!", "??", "?!?", "□", "Ж", "─", "\ue000", "𠀀", "丂", "\ufffd") },
);
const chinese = fc.array(piece, { maxLength: 200 }).map((parts) => parts.join(""));
const paragraph = fc.oneof(fc.constantFrom(...CLEAN_PARAGRAPHS, ...REPORTS.flatMap((r) => r.split("\n").filter((l) => l.length > 10))), chinese);
const garbled = fc.tuple(paragraph, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), fc.boolean()).map(([text, cuts, fold]) => garble(text, cuts, fold));

/**
 * Texts with a five-character window whose mean cost (with word bonuses, as the original computes it) lies within
 * 2^-8 / 5 of the threshold: there the rewrite must fall back to the original's running sum.
 */
function borderlineTexts(seed: number, count: number): string[] {
  let state = seed >>> 0;
  const next = () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const L = oracleLanguage;
  const costOf = (c: string) => (c === "?" ? 16 : L.isHanCode(c.charCodeAt(0)) ? L.codeCost(c.charCodeAt(0)) : 12);
  const windowSum = (w: string[]) => w.reduce((sum, c, k) => sum + costOf(c) - (k > 0 && L.isHan(c) && L.isHan(w[k - 1]) && L.isWord(w[k - 1], c) ? 4 : 0), 0);
  const texts: string[] = [];
  for (let attempt = 0; texts.length < count && attempt < count * 200; attempt++) {
    const w = Array.from({ length: 4 }, () => (next() < 0.15 ? "," : next() < 0.1 ? "?" : RANKED[Math.floor(next() ** 0.5 * RANKED.length)]));
    const need = 51 - windowSum(w);
    const rank = Math.round(2 ** need - 16); // log2(rank + 16) ≈ need
    if (rank < 0 || rank >= ENTRIES.length) continue;
    const last = ENTRIES[rank][0];
    const window = [...w, last];
    if (Math.abs(windowSum(window) - 51) > 2 ** -8) continue;
    const at = Math.floor(next() * 5);
    const rotated = [...window.slice(at), ...window.slice(0, at)]; // other windows around it, too
    texts.push(`${RANKED[Math.floor(next() * 300)]},${window.join("")}${rotated.join("")}${next() < 0.5 ? "?!" : "，"}${RANKED[Math.floor(next() * 3000)]}`);
  }
  return texts;
}

describe("language.ts against the original", () => {
  it("gives the same costs, forms, probabilities and readings for every UTF-16 code", () => {
    const differences: string[] = [];
    const same = (what: string, a: unknown, b: unknown) => {
      if (typeof a === "number" ? !Object.is(a, b) : JSON.stringify(a) !== JSON.stringify(b)) differences.push(`${what}: ${String(a)} ≠ ${String(b)}`);
    };
    for (let u = 0; u < 0x10000; u++) {
      const c = String.fromCharCode(u);
      same(`codeCost ${u}`, language.codeCost(u), oracleLanguage.codeCost(u));
      same(`charCost ${u}`, language.charCost(c), oracleLanguage.charCost(c));
      same(`toSimplifiedChar ${u}`, language.toSimplifiedChar(c), oracleLanguage.toSimplifiedChar(c));
      same(`charProbability ${u}`, language.charProbability(c), oracleLanguage.charProbability(c));
      same(`isStandalone ${u}`, language.isStandalone(c), oracleLanguage.isStandalone(c));
      same(`readingsOf ${u}`, language.readingsOf(c), oracleLanguage.readingsOf(c));
      same(`isHan ${u}`, language.isHan(c), oracleLanguage.isHan(c));
      same(`isHanCode ${u}`, language.isHanCode(u), oracleLanguage.isHanCode(u));
    }
    for (const c of ["", "ab", "𠀀", "😀", "国國"]) {
      same(`charCost ${c}`, language.charCost(c), oracleLanguage.charCost(c));
      same(`charProbability ${c}`, language.charProbability(c), oracleLanguage.charProbability(c));
      same(`toSimplifiedChar ${c}`, language.toSimplifiedChar(c), oracleLanguage.toSimplifiedChar(c));
      same(`isStandalone ${c}`, language.isStandalone(c), oracleLanguage.isStandalone(c));
    }
    for (const r of ["bào", "lián", "zhōng", "", "xyz"]) same(`charsWithReading ${r}`, language.charsWithReading(r), oracleLanguage.charsWithReading(r));
    expect(differences.slice(0, 10)).toEqual([]);
  });

  it("finds every word of the lexicon, in every script form, with the same frequency", () => {
    const differences: string[] = [];
    for (const group of GROUPS) {
      for (const b of group.slice(1)) {
        for (const a of FORMS.get(group[0]) ?? [group[0]]) {
          for (const y of FORMS.get(b) ?? [b]) {
            const [x, z] = [language.wordFrequency(a, y), oracleLanguage.wordFrequency(a, y)];
            if (!Object.is(x, z) || language.isWord(a, y) !== oracleLanguage.isWord(a, y)) differences.push(a + y);
            if (!Object.is(language.codeWordFrequency(a.charCodeAt(0), y.charCodeAt(0)), z)) differences.push(`code ${a}${y}`);
          }
        }
      }
    }
    expect(differences.slice(0, 10)).toEqual([]);
  });

  it("gives the same word frequencies and bigram probabilities for any pair", () => {
    const char = fc.oneof(fc.constantFrom(...RANKED), fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)));
    fc.assert(
      fc.property(char, char, fc.constantFrom("after" as const, "before" as const), (a, b, side) => {
        expect(language.codeWordFrequency(a.charCodeAt(0), b.charCodeAt(0))).toBe(oracleLanguage.codeWordFrequency(a.charCodeAt(0), b.charCodeAt(0)));
        expect(language.codeIsWord(a.charCodeAt(0), b.charCodeAt(0))).toBe(oracleLanguage.codeWordFrequency(a.charCodeAt(0), b.charCodeAt(0)) > 0);
        expect(Object.is(language.nextToProbability(a, b, side), oracleLanguage.nextToProbability(a, b, side))).toBe(true);
      }),
      { numRuns: 3000 },
    );
    // Every character of the frequency table as a neighbour: its partners on both sides.
    for (const n of RANKED) {
      for (const side of ["after", "before"] as const) {
        for (const c of [RANKED[n.charCodeAt(0) % 500], GROUPS.find((g) => g[0] === n)?.[1] ?? "的"]) {
          if (!Object.is(language.nextToProbability(c, n, side), oracleLanguage.nextToProbability(c, n, side))) expect.fail(`nextToProbability ${c} ${n} ${side}`);
        }
      }
    }
  });

  it("answers codeIsWord from COMMON_WORDS itself before its index exists, as the index does", async () => {
    const queries: [string, string][] = [["一", "一"], [COMMON_WORDS[0], COMMON_WORDS[1]], [COMMON_WORDS.at(-2)!, COMMON_WORDS.at(-1)!], ["齐", "齐"], ["\u0000", "一"], ["\uffff", "一"]];
    GROUPS.forEach((group, g) => {
      if (g % 7 === 0) queries.push([group[0], group[1]], [FORMS.get(group[0])?.at(-1) ?? group[0], group.at(-1)!], [group[0], String.fromCharCode(group.charCodeAt(1) + 1)]);
    });
    let fresh = language;
    for (let q = 0; q < queries.length; q++) {
      if (q % 64 === 0) {
        vi.resetModules();
        fresh = await import("../../../lib/text/language");
      }
      const [a, b] = queries[q];
      expect(fresh.codeIsWord(a.charCodeAt(0), b.charCodeAt(0)), a + b).toBe(oracleLanguage.codeWordFrequency(a.charCodeAt(0), b.charCodeAt(0)) > 0);
    }
  });
});

describe("findMojibakeEdits against the original", () => {
  it("makes the same edits in the reports, cold and warm", async () => {
    for (const report of REPORTS) {
      vi.resetModules();
      const cold = (await import("../../../lib/text/mojibake")).findMojibakeEdits;
      expect(cold(report)).toEqual(oracleEdits(report));
      expect(findMojibakeEdits(report)).toEqual(oracleEdits(report));
    }
  });

  it("makes the same edits in random Chinese text, garbled GBK and mixtures", () => {
    const same = (text: string) => {
      expect(findMojibakeEdits(text)).toEqual(oracleEdits(text));
    };
    fc.assert(fc.property(chinese, same), RUNS);
    fc.assert(fc.property(garbled, same), RUNS);
    fc.assert(
      fc.property(paragraph, garbled, paragraph, (a, b, c) => same(a + b + c)),
      RUNS,
    );
  });

  it("makes the same edits in the test corpus garbled many ways", () => {
    CLEAN_PARAGRAPHS.forEach((p, k) => {
      for (const cuts of [[k * 31 + 7], [k * 17 + 2, k * 53 + 400], [k * 13 + 1, k * 29 + 5, k * 7 + 900]]) {
        for (const fold of [false, true]) {
          const text = garble(p, cuts, fold);
          expect(findMojibakeEdits(text)).toEqual(oracleEdits(text));
        }
      }
    });
  });

  it("makes the same edits where a window's mean cost is within rounding of the threshold", async () => {
    const texts = borderlineTexts(20261205, 300);
    expect(texts.length).toBeGreaterThan(100);
    for (const text of texts) expect(findMojibakeEdits(text)).toEqual(oracleEdits(text));
    vi.resetModules();
    const cold = (await import("../../../lib/text/mojibake")).findMojibakeEdits;
    for (const text of texts.slice(0, 50)) expect(cold(text)).toEqual(oracleEdits(text));
  });
});
