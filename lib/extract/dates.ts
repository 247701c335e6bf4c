// Dates as reports write them (2020-02-16, 2020年2月16日, 2020/02/16 09:14, 二〇二〇年二月十六日, 2020年2月, 2月16日)
// turned into partial ISO dates with their precision, and the period (2020-Q1, 2022) a date falls in. Pure.
export type DatePrecision = "day" | "month" | "year";
export type PeriodBasis = "published" | "inferred";

/** "2020-02-16" (day), "2020-02" (month) or "2020" (year). */
export interface PartialDate {
  date: string;
  precision: DatePrecision;
}

/** A date found in a line; `yearless` when only month and day were written (2月16日): the year comes from context. */
export interface FoundDate {
  year: number | null;
  month: number | null;
  day: number | null;
  index: number;
  end: number;
}

const MIN_YEAR = 1990;
const MAX_YEAR = 2049;

const HAN_DIGITS: Record<string, number> = { "〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9 };

/** Full-width digits and separators as ASCII, so that ２０２０／０２／１６ reads like 2020/02/16 (length unchanged). */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９／－．：]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** 十六 → 16, 二十 → 20, 三十一 → 31, 九 → 9; a run of digit characters (二〇二〇) → 2020. */
function hanNumber(text: string): number | null {
  if (/^[〇零○Ｏ一二三四五六七八九]+$/.test(text) && text.length >= 2 && !text.includes("十")) {
    return Number([...text].map((ch) => HAN_DIGITS[ch]).join(""));
  }
  const m = text.match(/^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/);
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  if (!m[2]) return m[3] || !m[1] ? null : HAN_DIGITS[m[1]];
  return (m[1] ? HAN_DIGITS[m[1]] : 1) * 10 + (m[3] ? HAN_DIGITS[m[3]] : 0);
}

export function isValidDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function validYear(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

const pad = (n: number) => String(n).padStart(2, "0");

// Tried in order at each position; digits on either side are not part of a date (order numbers, phone numbers).
const HAN = "[〇零○Ｏ一二三四五六七八九十]";
const PATTERNS: { pattern: RegExp; read: (m: RegExpExecArray) => [number | null, number | null, number | null] }[] = [
  { pattern: /(?<!\d)(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)\s*日?/y, read: (m) => [+m[1], +m[2], +m[3]] },
  { pattern: new RegExp(`(${HAN}{4})年(${HAN}{1,3})月(${HAN}{1,3})日`, "y"), read: (m) => [hanNumber(m[1]), hanNumber(m[2]), hanNumber(m[3])] },
  { pattern: /(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d)/y, read: (m) => [+m[1], +m[2], null] },
  { pattern: /(?<!\d)(\d{4})[-/.](\d{1,2})(?![\d\-/.])/y, read: (m) => [+m[1], +m[2], null] },
  { pattern: new RegExp(`(${HAN}{4})年(${HAN}{1,3})月(?!${HAN})`, "y"), read: (m) => [hanNumber(m[1]), hanNumber(m[2]), null] },
  { pattern: /(?<!\d)(\d{4})\s*年(?!\s*(?:\d|度|代|以来|前|后|底|初))/y, read: (m) => [+m[1], null, null] },
  { pattern: new RegExp(`(${HAN}{4})年(?!${HAN})`, "y"), read: (m) => [hanNumber(m[1]), null, null] },
  { pattern: /(?<![\d年\-/.])(\d{1,2})\s*月\s*(\d{1,2})\s*日/y, read: (m) => [null, +m[1], +m[2]] },
  { pattern: new RegExp(`(?<!年)(${HAN}{1,2})月(${HAN}{1,3})日`, "y"), read: (m) => [null, hanNumber(m[1]), hanNumber(m[2])] },
];

/** Every date written in `line`, left to right; impossible dates (2月30日, 2020-13-01) are skipped. */
export function findDates(line: string): FoundDate[] {
  const text = asciiDigits(line);
  const found: FoundDate[] = [];
  let index = 0;
  while (index < text.length) {
    let matched: FoundDate | null = null;
    for (const { pattern, read } of PATTERNS) {
      pattern.lastIndex = index;
      const m = pattern.exec(text);
      if (!m) continue;
      const [year, month, day] = read(m);
      if (year !== null && !validYear(year)) continue;
      if (month !== null && (month < 1 || month > 12)) continue;
      if (day !== null && !isValidDay(year ?? 2020, month ?? 1, day)) continue; // a yearless 2月29日 is possible
      matched = { year, month, day, index, end: index + m[0].length };
      break;
    }
    if (matched) {
      found.push(matched);
      index = matched.end;
    } else index++;
  }
  return found;
}

/** A found date with its year as a partial date; null when the year is unknown. */
export function toPartialDate(found: FoundDate, year: number | null = found.year): PartialDate | null {
  if (year === null) return null;
  if (found.month === null) return { date: String(year), precision: "year" };
  if (found.day === null) return { date: `${year}-${pad(found.month)}`, precision: "month" };
  if (!isValidDay(year, found.month, found.day)) return null;
  return { date: `${year}-${pad(found.month)}-${pad(found.day)}`, precision: "day" };
}

/**
 * A date given by a person (`atlas ingest --date`): the whole text must be one date in any form above with its
 * year (2020-02-16, 2020-02, 2020, 2020年2月16日, 二〇二〇年二月); null otherwise.
 */
export function parseDateInput(text: string): PartialDate | null {
  const trimmed = text.trim();
  const [found] = findDates(trimmed);
  if (!found || found.index !== 0 || found.end !== trimmed.length || found.year === null) {
    if (/^\d{4}$/.test(trimmed) && validYear(+trimmed)) return { date: trimmed, precision: "year" };
    return null;
  }
  return toPartialDate(found);
}

/** The period a date falls in: its quarter when month or day is known (2020-Q1), else its year (2020). */
export function periodOfDate(date: PartialDate): string {
  const year = date.date.slice(0, 4);
  if (date.precision === "year") return year;
  return `${year}-Q${Math.floor((Number(date.date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** First and last day (ISO) a period covers: "2020-Q1" → 2020-01-01 … 2020-03-31; "2022" → the year. */
export function periodSpan(period: string): [string, string] | null {
  const m = period.match(/^(\d{4})(?:-Q([1-4]))?$/);
  if (!m) return null;
  if (!m[2]) return [`${m[1]}-01-01`, `${m[1]}-12-31`];
  const q = Number(m[2]);
  const last = [31, 30, 30, 31][q - 1];
  return [`${m[1]}-${pad(q * 3 - 2)}-01`, `${m[1]}-${pad(q * 3)}-${last}`];
}

/** Whether two periods are different times: neither lies within the other (2020 and 2020-Q1 are not). */
export function periodsDiffer(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const [x, y] = [periodSpan(a), periodSpan(b)];
  if (!x || !y) return a !== b;
  const within = (inner: [string, string], outer: [string, string]) => inner[0] >= outer[0] && inner[1] <= outer[1];
  return !within(x, y) && !within(y, x);
}

/** "2020-02-16" (day) as a Date for storage: month and year precision are stored as their first day. */
export function storedDate(date: PartialDate | null): Date | null {
  if (!date) return null;
  const [year, month = "01", day = "01"] = date.date.split("-");
  return new Date(`${year}-${month}-${day}T00:00:00Z`);
}

/** A stored date shown at its precision: 2020-02-16, 2020-02, 2020. */
export function formatStoredDate(date: Date | null, precision: DatePrecision | null): string | null {
  if (!date) return null;
  const iso = date.toISOString().slice(0, 10);
  return precision === "year" ? iso.slice(0, 4) : precision === "month" ? iso.slice(0, 7) : iso;
}
