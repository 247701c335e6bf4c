// Finds quantities in a sentence: numeral + qualifier + unit, scaled to base units, with the figures that are not
// counts (dates, durations, ages, percentages, ordinals, names, idioms) left out.
import { ARABIC_DIGIT, CHINESE_DIGIT, MULTIPLIER, NUMERAL_CLASS, chineseDigitValue, parseChineseNumber } from "./numbers";
import {
  DOCUMENT_UNITS,
  IDIOMS,
  NON_FACT_UNITS_BY_FIRST_CHAR,
  ORDINALS_BY_LAST_CHAR,
  QUALIFIERS_AFTER,
  QUALIFIERS_AFTER_BY_FIRST_CHAR,
  QUALIFIERS_BEFORE,
  QUALIFIERS_BEFORE_BY_LAST_CHAR,
  QUALIFIERS_INFIX,
  matchBackward,
  matchForward,
  matchUnit,
  type UnitKind,
} from "./lexicon";
import type { Approximation } from "./types";

/** A numeral as written, before any judgement about what it counts. */
export interface Numeral {
  start: number;
  end: number;
  text: string;
  value: number;
  chinese: boolean; // written with Chinese numerals only
}

export interface Quantity {
  start: number; // figure: qualifier + numeral + unit (近4万名, 208多万元, 600余个)
  end: number;
  numeral: Numeral;
  value: number; // in base units: people, items, yuan
  unit: string; // 名, 个, 元 ('' for 8万居民)
  unitKind: UnitKind | null;
  approx: Approximation;
  /** Document-style units (条, 项) whose count is a fact only when the subject is not a rule or measure. */
  documentUnit: boolean;
}

// A module-local reference: the scanner reads it for every character, and an imported binding costs more per read.
const CLASS = NUMERAL_CLASS;
/** Characters that make a numeral part of a code or formula when next to it (COVID-19, 5+5+5, 09:14). */
const CODE_CHAR = (() => {
  const table = new Uint8Array(0x10000);
  for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-+/_.:：") table[ch.charCodeAt(0)] = 1;
  return table;
})();
/** A numeral followed by one of these is part of a formula or a time (5+5+5, 09:14, 1/3). */
const FORMULA_AFTER = "+-/:：";
/** Quoted text up to this long is a name or a slogan (“1+10+7”, “三个靠前”), not a report of numbers. */
const MAX_NAME_QUOTE = 16;
/** Book titles (《…十条措施》) name documents; longer ones than this are taken for unbalanced brackets. */
const MAX_BOOK_TITLE = 80;

/** For each numeral character of an idiom, the idioms that contain it and where (千家万户 → 千 at 0, 万 at 2). */
const IDIOMS_BY_CHAR = (() => {
  const index = new Map<string, Array<{ idiom: string; offset: number }>>();
  for (const idiom of IDIOMS) {
    for (let offset = 0; offset < idiom.length; offset++) {
      const ch = idiom[offset];
      if (CLASS[ch.charCodeAt(0)] >= CHINESE_DIGIT) index.set(ch, [...(index.get(ch) ?? []), { idiom, offset }]);
    }
  }
  return index;
})();

function qualifierBefore(text: string, start: number): string | undefined {
  return matchBackward(text, start, QUALIFIERS_BEFORE_BY_LAST_CHAR);
}

const BARE_MULTIPLIERS: Record<string, number> = { 百: 100, 千: 1000, 万: 1e4, 萬: 1e4 };

/**
 * A bare 百/千/万 is a number only with a qualifier (近千名, 上万名, 千余名); elsewhere it is part of a word
 * (百姓, 千家万户, 万众一心).
 */
function bareMultiplierValue(text: string, start: number, run: string): number | null {
  const value = BARE_MULTIPLIERS[run];
  if (value === undefined) return null;
  return qualifierBefore(text, start) || QUALIFIERS_INFIX.has(text[start + 1]) ? value : null;
}

/** End of an Arabic numeral starting at i: digits, ",ddd" groups, a decimal part, then 万/亿/千/百 multipliers. */
function isArabicAt(text: string, k: number): boolean {
  return CLASS[text.charCodeAt(k)] === ARABIC_DIGIT;
}

function arabicEnd(text: string, i: number): { end: number; plain: boolean } {
  let j = i;
  while (isArabicAt(text, j)) j++;
  let plain = true;
  while (text[j] === "," && isArabicAt(text, j + 1) && isArabicAt(text, j + 2) && isArabicAt(text, j + 3) && !isArabicAt(text, j + 4)) {
    j += 4;
    plain = false;
  }
  if ((text[j] === "." || text[j] === "．") && isArabicAt(text, j + 1)) {
    j += 2;
    while (isArabicAt(text, j)) j++;
  }
  while (CLASS[text.charCodeAt(j)] === MULTIPLIER && text[j] !== "十" && text[j] !== "拾") {
    j++;
    plain = false;
  }
  return { end: j, plain };
}

/** Every numeral in the text, with its value; no judgement yet about what it counts. One pass over char codes. */
export function scanNumerals(text: string): Numeral[] {
  const out: Numeral[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const cls = CLASS[text.charCodeAt(i)];
    if (cls === 0) continue;
    let end: number;
    let run: string;
    let value: number | null;
    if (cls === ARABIC_DIGIT) {
      const arabic = arabicEnd(text, i);
      end = arabic.end;
      run = text.slice(i, end);
      value = arabic.plain && text.charCodeAt(i) < 128 ? Number(run) : parseChineseNumber(run);
    } else {
      end = i + 1;
      let hasDigit = cls === CHINESE_DIGIT || text[i] === "十" || text[i] === "拾";
      while (end < n && CLASS[text.charCodeAt(end)] >= CHINESE_DIGIT) {
        hasDigit ||= CLASS[text.charCodeAt(end)] === CHINESE_DIGIT || text[end] === "十" || text[end] === "拾";
        end++;
      }
      run = text.slice(i, end);
      if (end === i + 1 && cls === CHINESE_DIGIT) value = chineseDigitValue(text.charCodeAt(i));
      else value = hasDigit ? parseChineseNumber(run) : bareMultiplierValue(text, i, run);
    }
    if (value !== null && !Number.isNaN(value)) out.push({ start: i, end, text: run, value, chinese: cls !== ARABIC_DIGIT });
    i = end - 1;
  }
  return out;
}

/** Closing mark of each opening quotation mark, and the closing marks, by char code (checked for every candidate). */
const CLOSE_OF = new Uint16Array(0x10000);
const IS_CLOSE = new Uint8Array(0x10000);
for (const [open, close] of ["“”", "‘’", "「」", "『』", "〈〉"]) {
  CLOSE_OF[open.charCodeAt(0)] = close.charCodeAt(0);
  IS_CLOSE[close.charCodeAt(0)] = 1;
}

/** True if [start, end) sits inside a short quotation: a name or slogan (“1+10+7”, “6789”, “三个靠前”). */
function insideShortQuote(text: string, start: number, end: number): boolean {
  for (let k = start - 1; k >= 0 && start - k <= MAX_NAME_QUOTE; k--) {
    const code = text.charCodeAt(k);
    if (IS_CLOSE[code]) return false;
    const close = CLOSE_OF[code];
    if (close === 0) continue;
    for (let j = end; j < text.length && j - k <= MAX_NAME_QUOTE + 1; j++) if (text.charCodeAt(j) === close) return true;
    return false;
  }
  return false;
}

/** Spans [open, close] of book titles (《…三十条措施》), which name documents: a flat list in text order. */
function bookTitles(text: string): number[] {
  const spans: number[] = [];
  for (let open = text.indexOf("《"); open >= 0; open = text.indexOf("《", open + 1)) {
    const close = text.indexOf("》", open + 1);
    if (close > open && close - open <= MAX_BOOK_TITLE) spans.push(open, close);
  }
  return spans;
}

function insideSpans(spans: number[], start: number, end: number): boolean {
  for (let k = 0; k < spans.length && spans[k] < start; k += 2) if (end <= spans[k + 1]) return true;
  return false;
}

function insideIdiom(text: string, start: number, end: number): boolean {
  for (let p = start; p < end; p++) {
    for (const { idiom, offset } of IDIOMS_BY_CHAR.get(text[p]) ?? []) if (text.startsWith(idiom, p - offset)) return true;
  }
  return false;
}

const isCjk = (ch: string | undefined) => ch !== undefined && ch >= "\u4e00" && ch <= "\u9fff";

/** Why a numeral is not a count: the article 一, a code or formula, an ordinal, an idiom. */
function isNonCountNumeral(text: string, n: Numeral): boolean {
  if (n.chinese && n.value === 1) return true;
  const after = text[n.end];
  if ((n.start > 0 && CODE_CHAR[text.charCodeAt(n.start - 1)]) || (after !== undefined && FORMULA_AFTER.includes(after))) return true;
  if (matchBackward(text, n.start, ORDINALS_BY_LAST_CHAR)) return true;
  return n.chinese && insideIdiom(text, n.start, n.end);
}

/**
 * Quantities in a sentence, in order. Each has its figure span, value in base units (funds in yuan), unit and
 * approximation. Dates, durations, ages, percentages, ordinals, codes and names are not returned.
 */
export function findQuantities(text: string): Quantity[] {
  const quantities: Quantity[] = [];
  let titles: number[] | null = null; // computed for the first candidate figure: many sentences have none
  for (const numeral of scanNumerals(text)) {
    if (isNonCountNumeral(text, numeral)) continue;
    let i = numeral.end;
    let approx: Approximation = "exact";
    const infix = QUALIFIERS_INFIX.get(text[i]);
    if (infix) i++;
    if (matchForward(text, i, NON_FACT_UNITS_BY_FIRST_CHAR)) continue; // 2月, 20余天, 38岁, 73.1%, 3个月
    const unit = matchUnit(text, i);
    if (infix === "about" && !unit) continue; // 来 is a qualifier only before a unit (20来名), else a verb (以来)
    if (infix) approx = infix;
    let unitEnd = i;
    if (unit) unitEnd = i + unit.text.length;
    else if (!(numeral.value >= 1e4 && /[万亿萬億]$/.test(numeral.text) && isCjk(text[i]))) continue; // 8万居民 only
    if (text[unitEnd] === "/" || text[unitEnd] === "／") continue; // 2.5元/斤: a rate, not an amount
    if (insideShortQuote(text, numeral.start, numeral.end)) continue; // “1+10+7”, “6789”
    titles ??= bookTitles(text);
    if (insideSpans(titles, numeral.start, numeral.end)) continue; // 《…三十条措施》
    let end = unitEnd;
    const after = matchForward(text, unitEnd, QUALIFIERS_AFTER_BY_FIRST_CHAR);
    if (after) {
      approx = QUALIFIERS_AFTER[after];
      end += after.length;
    }
    let start = numeral.start;
    const before = qualifierBefore(text, numeral.start);
    if (before) {
      approx = QUALIFIERS_BEFORE[before];
      start -= before.length;
    }
    const value = numeral.value * (unit ? unit.scale : 1);
    quantities.push({
      start,
      end,
      numeral,
      value: Number.isInteger(value) ? value : Number(value.toPrecision(12)),
      unit: unit ? (unit.kind === "money" ? "元" : unit.text) : "",
      unitKind: unit?.kind ?? null,
      approx,
      documentUnit: unit ? DOCUMENT_UNITS.has(unit.text) : false,
    });
  }
  return quantities;
}
