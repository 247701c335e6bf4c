// convertSameLength must give byte for byte what OpenCC's Converter gives, applied as lib/text/convert.ts did when
// it built OpenCC's Converter whole (copied below as the oracle), whatever the process converted before: a fresh
// instance of the module stands for a fresh process, and the cases cover the paths lib/text/convert.ts takes
// (entries loaded by a scan or one unit at a time, regular expressions while cold, OpenCC's Converter once warm).
import { readFileSync } from "node:fs";
import fc from "fast-check";
import * as OpenCC from "opencc-js/t2cn";
import { describe, expect, it, vi } from "vitest";

type Convert = (text: string) => string;

// ---- the oracle: lib/text/convert.ts before it loaded entries on demand -------------------------------------
const converter = OpenCC.Converter({ from: "t", to: "cn" });
const normalizeDigits = (text: string) => text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
const config = (OpenCC.Locale as unknown as { configs: Record<string, Record<string, string[][]>> }).configs.t2s;
const DICTS = [...config.normalizationChain, ...config.conversionChain].flat();
const ENTRIES = DICTS.flatMap((dict) => dict.split("|").map((entry) => entry.split(" ") as [string, string]));
const lengthChanging = new Set<number>();
for (const [key] of ENTRIES) if ([...key].length === 1 && converter(key).length !== key.length) lengthChanging.add(key.codePointAt(0)!);

function oracle(text: string): string {
  const whole = normalizeDigits(converter(text));
  if (whole.length === text.length) return whole;
  const parts: string[] = [];
  let start = 0;
  const flush = (end: number) => {
    const stretch = text.slice(start, end);
    const converted = normalizeDigits(converter(stretch));
    parts.push(converted.length === stretch.length ? converted : [...stretch].map((c) => (converter(c).length === c.length ? normalizeDigits(converter(c)) : c)).join(""));
  };
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (!lengthChanging.has(cp)) continue;
    const width = cp > 0xffff ? 2 : 1;
    flush(i);
    parts.push(text.slice(i, i + width));
    start = i + width;
    i += width - 1;
  }
  flush(text.length);
  return parts.join("");
}

// ---- inputs -------------------------------------------------------------------------------------------------
const KEY_CHARS = [...new Set(ENTRIES.flatMap(([key]) => [...key]))];
const VALUE_CHARS = [...new Set(ENTRIES.flatMap(([, value]) => [...value]))];
const PHRASES = ENTRIES.map(([key]) => key).filter((key) => [...key].length > 1);
const NORMALIZED = config.normalizationChain.flat().flatMap((dict) => dict.split("|").map((entry) => entry.split(" ")[0]));
const LENGTHENED = [...lengthChanging].map((cp) => String.fromCodePoint(cp));
const REPORTS = ["haixi", "linfen", "macheng", "shanwei", "zhenan"].map((name) => readFileSync(`prisma/reports/${name}.txt`, "utf8"));
// What could break the regular expressions or the trie walk: dictionary separators, regex syntax, ideographic
// description characters (U+2FF0–U+2FFF, which the trie skips with their operands), lone surrogates.
const AWKWARD = ["|", " ", "\\", "]", "[", "^", "-", ".", "*", "(", ")", "$", "?", "\n", "a", "1", "\ud840", "\udc00", "\udbff", ...Array.from({ length: 16 }, (_, i) => String.fromCharCode(0x2ff0 + i))];
const FULLWIDTH_DIGITS = Array.from({ length: 10 }, (_, i) => String.fromCharCode(0xff10 + i));

const token = fc.oneof(
  { arbitrary: fc.constantFrom(...KEY_CHARS), weight: 8 },
  { arbitrary: fc.constantFrom(...PHRASES), weight: 4 },
  { arbitrary: fc.constantFrom(...VALUE_CHARS), weight: 2 },
  { arbitrary: fc.constantFrom(...NORMALIZED, ...LENGTHENED), weight: 2 },
  { arbitrary: fc.constantFrom(...AWKWARD, ...FULLWIDTH_DIGITS), weight: 2 },
  { arbitrary: fc.fullUnicode().filter((c) => c.length === 2), weight: 1 },
  { arbitrary: fc.string({ maxLength: 3 }), weight: 1 },
);
// size "max": lengths spread up to maxLength (fast-check's default keeps arrays to about ten elements), so that a
// text often brings more new units than convert.ts looks up one by one.
const text = fc.array(token, { maxLength: 80, size: "max" }).map((tokens) => tokens.join(""));
const texts = fc.array(text, { minLength: 1, maxLength: 6 });

/** A new instance of the module, as in a fresh process (nothing loaded yet). */
async function freshConvert(): Promise<Convert> {
  vi.resetModules();
  return (await import("../../../lib/text/convert")).convertSameLength;
}

/** A long-running process: far more converted than the regex budget, so OpenCC's Converter converts. */
async function warmConvert(): Promise<Convert> {
  const convert = await freshConvert();
  const all = REPORTS.join("\n");
  for (let units = 0; units < 2 ** 19; units += all.length) convert(all);
  return convert;
}

function expectSame(convert: Convert, input: string): void {
  const expected = oracle(input);
  const actual = convert(input);
  if (actual !== expected) expect({ input, actual }).toEqual({ input, actual: expected }); // shows the input
}

describe("convertSameLength is OpenCC's conversion, exactly", () => {
  it("on the five reports and their lines, in a fresh process", async () => {
    for (const report of REPORTS) {
      const convert = await freshConvert();
      expectSame(convert, report);
      for (const line of report.split("\n")) expectSame(convert, line);
    }
  });

  it("on lines first, then the whole report (entries found one unit at a time, then by a scan)", async () => {
    for (const report of REPORTS) {
      const convert = await freshConvert();
      for (const line of report.split("\n").reverse()) expectSame(convert, line);
      expectSame(convert, report);
    }
  });

  it("on random texts, each sequence in a fresh process", async () => {
    await fc.assert(
      fc.asyncProperty(texts, async (inputs) => {
        const convert = await freshConvert();
        for (const input of inputs) expectSame(convert, input);
      }),
      { numRuns: 300 },
    );
  });

  it("on random texts in one long-lived process, before and after OpenCC's Converter takes over", async () => {
    for (const convert of [await freshConvert(), await warmConvert()]) {
      fc.assert(
        fc.property(text, (input) => expectSame(convert, input)),
        { numRuns: 1500 },
      );
      for (const report of REPORTS) expectSame(convert, report);
    }
  });

  it("on keys whose units came in two texts (the first units of many keys, then the keys)", async () => {
    const SUPPLEMENTARY_KEYS = ENTRIES.map(([key]) => key).filter((key) => key.length > [...key].length);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...PHRASES, ...SUPPLEMENTARY_KEYS), { minLength: 1, maxLength: 120, size: "max" }), async (keys) => {
        const convert = await freshConvert();
        expectSame(convert, keys.map((key) => key[0]).join(""));
        expectSame(convert, keys.join(""));
      }),
      { numRuns: 200 },
    );
  });

  it("when the first text holds an ideographic description character", async () => {
    const convert = await freshConvert();
    for (const input of ["⿰臺灣⿱黨員", REPORTS[1], "⿰⿱", "國⿰", ...REPORTS]) expectSame(convert, input);
  });

  it("whole phrases: every phrase key alone, together, and after its first character", async () => {
    const convert = await freshConvert();
    for (const phrase of PHRASES) {
      expectSame(convert, [...phrase][0]);
      expectSame(convert, phrase);
    }
    expectSame(convert, PHRASES.join(""));
    expectSame(convert, PHRASES.join("|"));
  });

  it("every dictionary character alone and all together", async () => {
    const convert = await freshConvert();
    expectSame(convert, KEY_CHARS.join(""));
    for (const char of [...KEY_CHARS, ...VALUE_CHARS]) expectSame(convert, char);
  });
});
