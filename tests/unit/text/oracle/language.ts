/**
 * A tiny model of written Chinese used to tell real text from garbled text: character frequency ranks
 * (simplified + traditional forms), a two-character word lexicon, punctuation frequencies and readings.
 * All knowledge comes from the generated tables in ./data; tables are parsed lazily, once.
 */
import { CHAR_FREQUENCY_RANKS } from "../../../../lib/text/data/char-frequency";
import { COMMON_WORDS } from "../../../../lib/text/data/common-words";
import { CHAR_READINGS } from "../../../../lib/text/data/char-readings";
import { COMMON_PUNCTUATION } from "../../../../lib/text/data/punctuation";
import { STANDALONE_CHARS } from "../../../../lib/text/data/standalone-chars";
import { WORD_FREQUENCY_CLASSES } from "../../../../lib/text/data/word-frequencies";

/**
 * Everything by UTF-16 code where it can be (typed arrays fill in a few milliseconds; Maps of strings took most of
 * a cold start). Every form in the data is one BMP character (tests/unit/text/tables.test.ts checks).
 */
interface Model {
  /** By code: how many script forms share the character's frequency entry (国國: 2), or 0 when unranked. */
  forms: Uint8Array;
  /** Sum over the ranked entries of 1/(rank + RANK_OFFSET): turns ranks into probabilities. */
  norm: number;
  /** By simplified code: 1 + the number of the word group that starts with it, or 0. */
  groupOf: Uint16Array;
  /** By group number: where its second characters start in COMMON_WORDS, and end (exclusive). They are in code
   *  order (build-data.mjs sorts the words), so a word is found by binary search: no table of 70,000 words to build. */
  groupStart: Uint32Array;
  groupEnd: Uint32Array;
  /** By code: the simplified form's code, and charCost. */
  simplifiedCode: Uint16Array;
  cost: Float64Array;
  probability: Float64Array;
  standalone: Set<string>;
}

/** 2^class by the character code of a base-36 frequency class digit (WORD_FREQUENCY_CLASSES). */
const CLASS_WEIGHTS = (() => {
  const weights = new Float64Array(128);
  for (let d = 0; d < 36; d++) weights[d.toString(36).charCodeAt(0)] = 2 ** d;
  return weights;
})();

const SPACE = 0x20;
let model: Model | undefined;

// The tables are read by index, not split into strings: a cold start sees every character of them once.
function buildModel(): Model {
  // By code: 1 + the frequency rank (0 = most common), or 0 when unranked; it gives cost and probability below.
  const rankPlusOne = new Int32Array(0x10000);
  const forms = new Uint8Array(0x10000);
  const simplifiedCode = new Uint16Array(0x10000);
  for (let u = 0; u < 0x10000; u++) simplifiedCode[u] = u;
  let norm = 0;
  for (let i = 0, entry = 0; i < CHAR_FREQUENCY_RANKS.length; entry++) {
    let end = CHAR_FREQUENCY_RANKS.indexOf(" ", i);
    if (end < 0) end = CHAR_FREQUENCY_RANKS.length;
    norm += 1 / (entry + RANK_OFFSET);
    const head = CHAR_FREQUENCY_RANKS.charCodeAt(i); // the entry's simplified form, then its other forms
    for (let k = i; k < end; k++) {
      const u = CHAR_FREQUENCY_RANKS.charCodeAt(k);
      if (rankPlusOne[u] === 0) rankPlusOne[u] = entry + 1;
      simplifiedCode[u] = head;
      forms[u] = end - i;
    }
    i = end + 1;
  }
  // Punctuation is as frequent as the commonest characters; rank it among them.
  for (let i = 0; i < COMMON_PUNCTUATION.length; i++) rankPlusOne[COMMON_PUNCTUATION.charCodeAt(i)] = i * 8 + 1;
  const groupOf = new Uint16Array(0x10000);
  const groupStart: number[] = [];
  const groupEnd: number[] = [];
  for (let i = 0, g = 0; i < COMMON_WORDS.length; g++) {
    let end = COMMON_WORDS.indexOf(" ", i);
    if (end < 0) end = COMMON_WORDS.length;
    groupOf[COMMON_WORDS.charCodeAt(i)] = g + 1;
    groupStart.push(i + 1);
    groupEnd.push(end);
    i = end + 1;
  }
  // Costs and probabilities by code: unranked first (Han blocks cheaper than other symbols), then the ranked ones.
  const cost = new Float64Array(0x10000).fill(Math.log2(UNKNOWN_RANK) + 3);
  for (const [from, to] of [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff]]) cost.fill(Math.log2(UNKNOWN_RANK), from, to + 1);
  const probability = new Float64Array(0x10000).fill(1 / UNKNOWN_RANK / norm);
  for (let u = 0; u < 0x10000; u++) {
    if (rankPlusOne[u] === 0) continue;
    const r = rankPlusOne[u] - 1;
    cost[u] = Math.log2(r + RANK_OFFSET);
    probability[u] = 1 / (r + RANK_OFFSET) / norm / (forms[u] || 1);
  }
  return {
    forms,
    norm,
    groupOf,
    groupStart: Uint32Array.from(groupStart),
    groupEnd: Uint32Array.from(groupEnd),
    simplifiedCode,
    cost,
    probability,
    standalone: new Set(STANDALONE_CHARS),
  };
}

function getModel(): Model {
  return (model ??= buildModel());
}

// Parts only some texts need (words that end with a character; readings for inline pinyin), built on first use.
/** Words by their second character: for code u, the first characters are firsts[start[u]] … firsts[start[u + 1] - 1]. */
let wordsBefore: { start: Uint32Array; firsts: Uint16Array } | undefined;
function getWordsBefore(): { start: Uint32Array; firsts: Uint16Array } {
  if (wordsBefore) return wordsBefore;
  // A counting sort of the words by their second character: two passes over the lexicon, no strings.
  const start = new Uint32Array(0x10001);
  for (let k = 0, first = true; k < COMMON_WORDS.length; k++) {
    const u = COMMON_WORDS.charCodeAt(k);
    if (u === SPACE) first = true;
    else if (first) first = false;
    else start[u + 1]++;
  }
  for (let u = 0; u < 0x10000; u++) start[u + 1] += start[u];
  const next = start.slice(0, 0x10000);
  const firsts = new Uint16Array(start[0x10000]);
  for (let k = 0, first = -1; k < COMMON_WORDS.length; k++) {
    const u = COMMON_WORDS.charCodeAt(k);
    if (u === SPACE) first = -1;
    else if (first < 0) first = u;
    else firsts[next[u]++] = first;
  }
  return (wordsBefore = { start, firsts });
}

let readingTables: { readings: Map<string, string[]>; byReading: Map<string, string[]> } | undefined;
function getReadings(): { readings: Map<string, string[]>; byReading: Map<string, string[]> } {
  if (readingTables) return readingTables;
  const readings = new Map<string, string[]>();
  const byReading = new Map<string, string[]>();
  for (const entry of CHAR_READINGS.split(" ")) {
    const list = entry.slice(1).split(",");
    readings.set(entry[0], list);
    for (const r of list) {
      const chars = byReading.get(r);
      if (chars) chars.push(entry[0]);
      else byReading.set(r, [entry[0]]);
    }
  }
  return (readingTables = { readings, byReading });
}

/** Characters past this rank are uncommon; garbled GBK text is full of them. */
export const COMMON_RANK = 3000;
const UNKNOWN_RANK = 30000;
/** Zipf with an offset: frequency ∝ 1/(rank + 16), so the commonest characters are not overweighted. */
const RANK_OFFSET = 16;

/**
 * Cost of seeing a character, in bits-like units (Zipf: frequency ∝ 1/rank, so cost ∝ log rank).
 * Unknown Han characters are expensive; unknown non-Han symbols inside Chinese text more so.
 */
export function charCost(c: string): number {
  if (c.length === 1) return getModel().cost[c.charCodeAt(0)];
  return isHan(c) ? Math.log2(UNKNOWN_RANK) : Math.log2(UNKNOWN_RANK) + 3;
}

export function toSimplifiedChar(c: string): string {
  if (c.length !== 1) return c;
  const s = getModel().simplifiedCode[c.charCodeAt(0)];
  return s === c.charCodeAt(0) ? c : String.fromCharCode(s);
}

/** charCost by UTF-16 code (no one-character string to allocate in loops over a whole text). */
export function codeCost(u: number): number {
  return getModel().cost[u];
}

/** wordFrequency by UTF-16 codes. */
export function codeWordFrequency(a: number, b: number): number {
  const { simplifiedCode, groupOf } = getModel();
  const g = groupOf[simplifiedCode[a]];
  return g === 0 ? 0 : wordInGroup(g, simplifiedCode[b]);
}

/** The frequency of the word group g's first character + the character sb, or 0. */
function wordInGroup(g: number, sb: number): number {
  const { groupStart, groupEnd } = getModel();
  let low = groupStart[g - 1];
  let high = groupEnd[g - 1] - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const u = COMMON_WORDS.charCodeAt(middle);
    if (u < sb) low = middle + 1;
    else if (u > sb) high = middle - 1;
    // WORD_FREQUENCY_CLASSES has COMMON_WORDS' layout less each group's first character: g characters before here.
    else return CLASS_WEIGHTS[WORD_FREQUENCY_CLASSES.charCodeAt(middle - g)];
  }
  return 0;
}

/** True when the two characters (any script form) make a common two-character word. */
export function isWord(a: string, b: string): boolean {
  return wordFrequency(a, b) > 0;
}

/**
 * Probability of seeing the character at a given place in Chinese text, from its rank (Zipf); a frequency entry
 * with several script forms (国國) shares its probability evenly among them, as nothing says which script a text is in.
 */
export function charProbability(c: string): number {
  const m = getModel();
  return c.length === 1 ? m.probability[c.charCodeAt(0)] : 1 / UNKNOWN_RANK / m.norm;
}

/** Corpus frequency of the common word ab (any script form), 0 when ab is not one. */
export function wordFrequency(a: string, b: string): number {
  if (a.length !== 1 || b.length !== 1) return 0; // every word of the lexicon is two BMP characters
  return codeWordFrequency(a.charCodeAt(0), b.charCodeAt(0));
}

/** Share of adjacent Han characters that make a common word (measured: 0.49 over 218,000 pairs of other text). */
export const WORD_SHARE = 0.5;

/**
 * A bigram model built from the lexicon: probability that `candidate` stands next to `neighbour` (after it when
 * side is "after", before it when "before"). With probability WORD_SHARE the two make a common word, chosen by
 * word frequency (显示 far more often than 以示); otherwise the candidate is any other character, by frequency.
 */
export function nextToProbability(candidate: string, neighbour: string, side: "after" | "before"): number {
  const word = side === "after" ? wordFrequency(neighbour, candidate) : wordFrequency(candidate, neighbour);
  const { frequency, mass } = partnersOf(neighbour, side);
  if (word > 0) return (WORD_SHARE * word) / frequency;
  return ((1 - WORD_SHARE) * charProbability(candidate)) / (1 - mass);
}

/** Total word frequency of a character's word partners on one side, and their summed character probability. */
function partnersOf(c: string, side: "after" | "before"): Readonly<{ frequency: number; mass: number }> {
  if (c.length !== 1) return NO_PARTNERS; // every word of the lexicon is two BMP characters
  const key = c.charCodeAt(0) * 2 + (side === "after" ? 1 : 0);
  let partners = partnerCache.get(key);
  if (!partners) {
    const m = getModel();
    const s = m.simplifiedCode[c.charCodeAt(0)];
    let frequency = 0;
    let mass = 0;
    // By codes: a common character has hundreds of partners, and this runs cold, once per character.
    if (side === "after") {
      const g = m.groupOf[s];
      for (let k = g === 0 ? 0 : m.groupStart[g - 1], end = g === 0 ? 0 : m.groupEnd[g - 1]; k < end; k++) {
        const p = COMMON_WORDS.charCodeAt(k);
        frequency += codeWordFrequency(s, p);
        mass += m.probability[p] * (m.forms[p] || 1);
      }
    } else if (beforeSearches++ < BEFORE_SEARCHES) {
      // A handful of characters: search each word group for the character (binary search, no index to build).
      for (let g = 1; g <= m.groupStart.length; g++) {
        const f = wordInGroup(g, s);
        if (f === 0) continue;
        const p = COMMON_WORDS.charCodeAt(m.groupStart[g - 1] - 1);
        frequency += f;
        mass += m.probability[p] * (m.forms[p] || 1);
      }
    } else {
      const { start, firsts } = getWordsBefore();
      for (let k = start[s]; k < start[s + 1]; k++) {
        const p = firsts[k];
        frequency += codeWordFrequency(p, s);
        mass += m.probability[p] * (m.forms[p] || 1);
      }
    }
    partners = { frequency, mass };
    partnerCache.set(key, partners);
  }
  return partners;
}
const partnerCache = new Map<number, { frequency: number; mass: number }>();
/** Up to this many characters' partners, words that end with a character are found by searching every word group;
 *  past it (a long garbled text), an index of all words by their second character is built once (getWordsBefore). */
const BEFORE_SEARCHES = 32;
let beforeSearches = 0;
const NO_PARTNERS = { frequency: 0, mass: 0 };

/** True when the character (any script form) is one of the commonest one-character words (的, 有, 在 …). */
export function isStandalone(c: string): boolean {
  return getModel().standalone.has(toSimplifiedChar(c));
}

/** Toned readings of a character (via its simplified form), e.g. 聯 → ["lián"]. */
export function readingsOf(c: string): string[] {
  return getReadings().readings.get(toSimplifiedChar(c)) ?? [];
}

/** Common simplified characters read exactly so (toned), e.g. "bào" → 报 抱 暴 … */
export function charsWithReading(toned: string): string[] {
  return getReadings().byReading.get(toned) ?? [];
}

/** isHan for a UTF-16 code unit (BMP blocks only). */
export function isHanCode(u: number): boolean {
  return (u >= 0x4e00 && u <= 0x9fff) || (u >= 0x3400 && u <= 0x4dbf) || (u >= 0xf900 && u <= 0xfaff);
}

/** Han ideographs: the CJK unified blocks (BMP and supplementary) and compatibility ideographs. */
export function isHan(c: string): boolean {
  const cp = c.codePointAt(0) ?? 0;
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f);
}

/** Bonus (cost reduction) for each adjacent pair that forms a known word. */
export const WORD_BONUS = 4;
