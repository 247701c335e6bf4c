// Numbers as Chinese readers write them: 3.7万, 261.75万元, 1.2亿; the exact value goes in a title for hover.
import type { Approximation } from "../extract/types";
import { APPROX_MARKS } from "./metrics";

function trimDecimals(value: number, digits: number): string {
  return value.toFixed(digits).replace(/\.?0+$/, "");
}

/** 37000 → "3.7万", 2617500 → "261.75万", 120000000 → "1.2亿", 1357 → "1357". */
export function formatChineseNumber(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 1e8) return `${trimDecimals(value / 1e8, 4)}亿`;
  if (magnitude >= 1e4) return `${trimDecimals(value / 1e4, 4)}万`;
  return trimDecimals(value, 2);
}

/** A figure with its unit: funds in 元 read 51.8万元; counts keep their classifier (68个, 3.7万名). */
export function formatFigure(value: number, unit: string, approx: Approximation = "exact"): string {
  return `${APPROX_MARKS[approx]}${formatChineseNumber(value)}${unit}`;
}

export function formatExact(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}
