// Numeral parsing for Chinese report text: Arabic (68, 1,357, 51.8), Chinese (两千三百, 十五, 二〇二〇) and mixed (3.7万,
// 1.2亿). Pure and allocation-light because the scanner calls it for every numeral in every report.

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 貳: 2, 叁: 3, 參: 3, 肆: 4, 伍: 5, 陆: 6, 陸: 6, 柒: 7, 捌: 8, 玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const LARGE_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** Scanner classes of a character: not a numeral, an Arabic digit, a Chinese digit, a multiplier (十百千万亿). */
export const ARABIC_DIGIT = 1;
export const CHINESE_DIGIT = 2;
export const MULTIPLIER = 3;
export const NUMERAL_CLASS: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 10; c++) {
    table[48 + c] = ARABIC_DIGIT;
    table[0xff10 + c] = ARABIC_DIGIT;
  }
  for (const ch of Object.keys(DIGITS)) table[ch.charCodeAt(0)] = CHINESE_DIGIT;
  for (const ch of [...Object.keys(SMALL_UNITS), ...Object.keys(LARGE_UNITS)]) table[ch.charCodeAt(0)] = MULTIPLIER;
  return table;
})();

const DIGIT_VALUE = (() => {
  const table = new Int8Array(0x10000).fill(-1);
  for (const [ch, value] of Object.entries(DIGITS)) table[ch.charCodeAt(0)] = value;
  return table;
})();

/** Value of a single Chinese digit character by its char code (一 → 1, 两 → 2), or null. */
export function chineseDigitValue(charCode: number): number | null {
  const value = DIGIT_VALUE[charCode];
  return value < 0 ? null : value;
}

/** Digit value of an Arabic digit char code (ASCII or fullwidth), else -1. */
function arabicDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  return -1;
}

/** Floating-point products like 21.429 × 10⁴ must come out as 214290, not 214290.00000000003. */
function clean(value: number): number {
  return Number.isInteger(value) ? value : Number(value.toPrecision(12));
}

/**
 * Parses a numeral written in Arabic, Chinese or mixed form. Returns null when the text is not a numeral.
 * Pure digit sequences without multipliers (二〇二〇) read digit by digit, as Chinese writes years and codes.
 * One pass over the characters, no allocation: the scanner calls it for every numeral of every report.
 */
export function parseChineseNumber(input: string): number | null {
  const text = input.trim();
  if (text.length === 0) return null;
  let total = 0; // completed 亿 / 万 groups
  let section = 0; // value below the current 万
  let pending = -1; // a number waiting for its multiplier, -1 when none
  let sequence = 0; // the digits read one by one, for 二〇二〇
  let chineseDigits = 0;
  let multipliers = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (arabicDigit(code) >= 0) {
      if (pending >= 0) return null;
      let value = 0;
      let scale = 0; // digits after the decimal point
      for (; i < text.length; i++) {
        const c = text.charCodeAt(i);
        const d = arabicDigit(c);
        if (d >= 0) {
          value = value * 10 + d;
          if (scale > 0) scale++;
        } else if ((c === 46 || c === 0xff0e) && scale === 0 && arabicDigit(text.charCodeAt(i + 1)) >= 0) scale = 1;
        else if (c !== 44 && c !== 0xff0c) break; // thousands separators are skipped
      }
      pending = scale > 1 ? value / 10 ** (scale - 1) : value;
      continue;
    }
    const ch = text[i];
    const digit = DIGITS[ch];
    if (digit !== undefined) {
      chineseDigits++;
      sequence = sequence * 10 + digit;
      // 零 only marks a skipped place (一千零五).
      if (digit !== 0) {
        if (pending >= 0 && multipliers > 0) return null;
        pending = digit;
      }
    } else if (ch in SMALL_UNITS) {
      multipliers++;
      section += (pending >= 0 ? pending : 1) * SMALL_UNITS[ch];
      pending = -1;
    } else if (ch in LARGE_UNITS) {
      multipliers++;
      const unit = LARGE_UNITS[ch];
      const group = section + (pending >= 0 ? pending : 0);
      if (group === 0 && total === 0) return null; // a bare 万 is not a numeral
      total = unit > 1e4 ? (total + group) * unit : total + group * unit;
      section = 0;
      pending = -1;
    } else {
      return null;
    }
    i++;
  }
  if (multipliers === 0 && chineseDigits > 0) return chineseDigits === text.length ? sequence : null;
  return clean(total + section + (pending >= 0 ? pending : 0));
}
