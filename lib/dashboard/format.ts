// Numbers as each language writes them, through Intl: Chinese readers get 3.7万, 261.75万元, 1.2亿 (万/亿 only in
// Chinese); English readers get 68,000 and 17.16 million yuan. The exact value goes in a title for hover.
import type { Approximation } from "../extract/types";
import { APPROX_MARKS, type Lang } from "./metrics";

/** Chinese compact notation: 万 from ten thousand, 亿 from a hundred million; no grouping below 万 (1357). */
const CHINESE_COMPACT = new Intl.NumberFormat("zh-CN", { notation: "compact", maximumFractionDigits: 4 });
/** English: grouped digits up to a million, then words (17.16 million), as English-language news writes them. */
const ENGLISH_PLAIN = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const ENGLISH_LARGE = new Intl.NumberFormat("en-US", { notation: "compact", compactDisplay: "long", maximumFractionDigits: 2 });

/** 37000 → "3.7万", 2617500 → "261.75万", 120000000 → "1.2亿", 1357 → "1357". */
export function formatChineseNumber(value: number): string {
  return CHINESE_COMPACT.format(value);
}

/** 68000 → "68,000", 17160000 → "17.16 million". */
export function formatEnglishNumber(value: number): string {
  return Math.abs(value) >= 1e6 ? ENGLISH_LARGE.format(value) : ENGLISH_PLAIN.format(value);
}

export function formatNumber(value: number, lang: Lang): string {
  return lang === "en" ? formatEnglishNumber(value) : formatChineseNumber(value);
}

/**
 * Units in English. Classifiers that only count (个, 名, 支 …) have no English word: the metric says what is
 * counted. Measures and money keep a word; a unit not listed here is shown as written.
 */
const ENGLISH_UNITS: Record<string, string> = {
  元: "yuan", 斤: "jin", 公斤: "kg", 千克: "kg", 吨: "tonnes", 克: "g", 升: "litres", 毫升: "ml", 亩: "mu",
  平方米: "m²", 立方米: "m³", 米: "m", 公里: "km", 千米: "km", 户: "households", 人次: "person-times",
  户次: "household visits", 车次: "vehicle trips", 个次: "times", 架次: "flights", 场次: "sessions", 班次: "shifts",
  批次: "batches", 次: "times", 场: "sessions", 轮: "rounds", 期: "issues", 例: "cases", 起: "cases", 袋: "bags",
  箱: "boxes", 瓶: "bottles", 盒: "boxes", 包: "packs", 桶: "barrels", 顶: "tents", 双: "pairs", 套: "sets",
  件: "items", 份: "copies", 辆: "vehicles", 台: "machines", 间: "rooms", 栋: "buildings", 幢: "buildings",
  笔: "payments", 张: "sheets", 本: "volumes", 种: "kinds", 类: "kinds",
};
const COUNT_CLASSIFIERS = new Set(["个", "名", "人", "位", "支", "家", "处", "座", "所", "批", "只", "条", "项", "把", "块", ""]);

/** The unit as the language writes it after a number ('' when the number stands alone). */
export function unitLabel(unit: string, lang: Lang): string {
  if (lang === "zh") return unit;
  if (COUNT_CLASSIFIERS.has(unit)) return "";
  return ENGLISH_UNITS[unit] ?? unit;
}

/** A figure with its unit: ≥208万元, <4万名, 68个 in Chinese; ≥2.08 million yuan, <40,000, 68 in English. */
export function formatFigure(value: number, unit: string, approx: Approximation = "exact", lang: Lang = "zh"): string {
  const mark = APPROX_MARKS[approx];
  if (lang === "zh") return `${mark}${formatChineseNumber(value)}${unit}`;
  const word = unitLabel(unit, lang);
  return `${mark}${formatEnglishNumber(value)}${word ? ` ${word}` : ""}`;
}

// Formatters are made once: making one costs far more than formatting (toLocaleString and `new Intl.…` per figure
// took a fifth of a region page's server time at national scale, bench:scale).
const EXACT = { zh: new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 }), en: ENGLISH_PLAIN };
const LONG_DATE = {
  zh: new Intl.DateTimeFormat("zh-CN", { dateStyle: "long", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }),
};

/** The value in full digits with grouping (37,000), for titles and tables. */
export function formatExact(value: number, lang: Lang = "zh"): string {
  return EXACT[lang].format(value);
}

/** The exact value with its unit: 37,000名, 37,000 in English; 2,617,500 yuan. */
export function formatExactFigure(value: number, unit: string, lang: Lang): string {
  const word = unitLabel(unit, lang);
  return lang === "zh" ? `${formatExact(value, lang)}${unit}` : `${formatExact(value, lang)}${word ? ` ${word}` : ""}`;
}

/** A date (YYYY-MM-DD) as the language writes it: 2020年2月13日, 13 February 2020. */
export function formatDate(isoDate: string | null, lang: Lang): string {
  if (!isoDate) return "—";
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return LONG_DATE[lang].format(date);
}
