/**
 * A tiny model of written Chinese used to tell real text from garbled text: character frequency ranks
 * (simplified + traditional forms), a two-character word lexicon, punctuation frequencies and readings.
 * All knowledge comes from the generated tables in ./data; tables are parsed lazily, once.
 */
import { CHAR_FREQUENCY_RANKS } from "./data/char-frequency";
import { COMMON_WORDS } from "./data/common-words";
import { CHAR_READINGS } from "./data/char-readings";
import { COMMON_PUNCTUATION } from "./data/punctuation";

interface Model {
  rank: Map<string, number>;
  simplified: Map<string, string>;
  words: Set<string>;
  readings: Map<string, string[]>;
  byReading: Map<string, string[]>;
}

let model: Model | undefined;

function buildModel(): Model {
  const rank = new Map<string, number>();
  const simplified = new Map<string, string>();
  CHAR_FREQUENCY_RANKS.split(" ").forEach((entry, i) => {
    const forms = [...entry];
    for (const form of forms) {
      if (!rank.has(form)) rank.set(form, i);
      simplified.set(form, forms[0]);
    }
  });
  // Punctuation is as frequent as the commonest characters; rank it among them.
  [...COMMON_PUNCTUATION].forEach((p, i) => rank.set(p, i * 8));
  const words = new Set<string>();
  for (const group of COMMON_WORDS.split(" ")) {
    const first = group[0];
    for (const second of group.slice(1)) words.add(first + second);
  }
  const readings = new Map<string, string[]>();
  const byReading = new Map<string, string[]>();
  for (const entry of CHAR_READINGS.split(" ")) {
    const list = entry.slice(1).split(",");
    readings.set(entry[0], list);
    for (const r of list) byReading.set(r, [...(byReading.get(r) ?? []), entry[0]]);
  }
  return { rank, simplified, words, readings, byReading };
}

function getModel(): Model {
  return (model ??= buildModel());
}

/** Characters past this rank are uncommon; garbled GBK text is full of them. */
export const COMMON_RANK = 3000;
const UNKNOWN_RANK = 30000;

/** Frequency rank of a character (0 = most common), or undefined when it is not in the table. */
export function charRank(c: string): number | undefined {
  return getModel().rank.get(c);
}

/**
 * Cost of seeing a character, in bits-like units (Zipf: frequency ∝ 1/rank, so cost ∝ log rank).
 * Unknown Han characters are expensive; unknown non-Han symbols inside Chinese text more so.
 */
export function charCost(c: string): number {
  const r = getModel().rank.get(c);
  if (r !== undefined) return Math.log2(r + 16);
  return isHan(c) ? Math.log2(UNKNOWN_RANK) : Math.log2(UNKNOWN_RANK) + 3;
}

export function toSimplifiedChar(c: string): string {
  return getModel().simplified.get(c) ?? c;
}

/** True when the two characters (any script form) make a common two-character word. */
export function isWord(a: string, b: string): boolean {
  return getModel().words.has(toSimplifiedChar(a) + toSimplifiedChar(b));
}

/** Toned readings of a character (via its simplified form), e.g. 聯 → ["lián"]. */
export function readingsOf(c: string): string[] {
  return getModel().readings.get(toSimplifiedChar(c)) ?? [];
}

/** Common simplified characters read exactly so (toned), e.g. "bào" → 报 抱 暴 … */
export function charsWithReading(toned: string): string[] {
  return getModel().byReading.get(toned) ?? [];
}

/** Han ideographs: the CJK unified blocks (BMP and supplementary) and compatibility ideographs. */
export function isHan(c: string): boolean {
  const cp = c.codePointAt(0) ?? 0;
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f);
}

/** Bonus (cost reduction) for each adjacent pair that forms a known word. */
export const WORD_BONUS = 4;

/** Total cost of a string: character costs minus word bonuses. Lower is more like real Chinese. */
export function textCost(s: string): number {
  const chars = [...s];
  let cost = 0;
  for (let i = 0; i < chars.length; i++) {
    cost += charCost(chars[i]);
    if (i > 0 && isWord(chars[i - 1], chars[i])) cost -= WORD_BONUS;
  }
  return cost;
}
