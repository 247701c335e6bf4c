/**
 * A tiny model of written Chinese used to tell real text from garbled text: character frequency ranks
 * (simplified + traditional forms), a two-character word lexicon, punctuation frequencies and readings.
 * All knowledge comes from the generated tables in ./data; tables are parsed lazily, once.
 */
import { CHAR_FREQUENCY_RANKS } from "./data/char-frequency";
import { COMMON_WORDS } from "./data/common-words";
import { CHAR_READINGS } from "./data/char-readings";
import { COMMON_PUNCTUATION } from "./data/punctuation";
import { STANDALONE_CHARS } from "./data/standalone-chars";
import { WORD_FREQUENCY_CLASSES } from "./data/word-frequencies";

interface Model {
  rank: Map<string, number>;
  simplified: Map<string, string>;
  /** How many script forms share a character's frequency entry (国國: 2). */
  forms: Map<string, number>;
  /** Sum over the ranked entries of 1/(rank + RANK_OFFSET): turns ranks into probabilities. */
  norm: number;
  /** Common two-character words and their corpus frequencies (see WordTable). */
  words: WordTable;
  /** By simplified UTF-16 code: 1 + the number of the word group that starts with it, or 0. */
  groupOf: Uint16Array;
  /** By UTF-16 code: the simplified form's code, and charCost. */
  simplifiedCode: Uint16Array;
  cost: Float64Array;
  probability: Float64Array;
  /** By simplified UTF-16 code: 1 when some word ends with it. Most codes do not. */
  last: Uint8Array;
  /** Simplified character → the characters that follow it in a word, and those that precede it. */
  after: Map<string, string>;
  standalone: Set<string>;
}

/**
 * Two-character word → corpus frequency, in an open-addressing hash of typed arrays keyed by the first character's
 * group number · 65536 + the second's UTF-16 code. A Map of the same 70,000 words took most of a cold start to
 * build (parsed numbers, heap-number keys); this fills in a few milliseconds.
 */
interface WordTable {
  keys: Int32Array; // key + 1; 0 marks an empty slot
  frequencies: Float64Array;
}
const WORD_TABLE_BITS = 18; // 262,144 slots for ≈70,000 words: short probe runs

function wordSlot(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> (32 - WORD_TABLE_BITS);
}

function wordTableGet(table: WordTable, key: number): number {
  const mask = table.keys.length - 1;
  for (let slot = wordSlot(key); ; slot = (slot + 1) & mask) {
    const stored = table.keys[slot];
    if (stored === 0) return 0;
    if (stored === key + 1) return table.frequencies[slot];
  }
}

/** 2^class by the character code of a base-36 frequency class digit (WORD_FREQUENCY_CLASSES). */
const CLASS_WEIGHTS = (() => {
  const weights = new Float64Array(128);
  for (let d = 0; d < 36; d++) weights[d.toString(36).charCodeAt(0)] = 2 ** d;
  return weights;
})();

let model: Model | undefined;

function buildModel(): Model {
  const rank = new Map<string, number>();
  const simplified = new Map<string, string>();
  const formCount = new Map<string, number>();
  let norm = 0;
  CHAR_FREQUENCY_RANKS.split(" ").forEach((entry, i) => {
    const forms = [...entry];
    norm += 1 / (i + RANK_OFFSET);
    for (const form of forms) {
      if (!rank.has(form)) rank.set(form, i);
      simplified.set(form, forms[0]);
      formCount.set(form, forms.length);
    }
  });
  // Punctuation is as frequent as the commonest characters; rank it among them.
  [...COMMON_PUNCTUATION].forEach((p, i) => rank.set(p, i * 8));
  const words: WordTable = { keys: new Int32Array(1 << WORD_TABLE_BITS), frequencies: new Float64Array(1 << WORD_TABLE_BITS) };
  const mask = words.keys.length - 1;
  const groupOf = new Uint16Array(0x10000);
  const last = new Uint8Array(0x10000);
  const after = new Map<string, string>();
  const classes = WORD_FREQUENCY_CLASSES.split(" ");
  COMMON_WORDS.split(" ").forEach((group, g) => {
    after.set(group[0], group.slice(1));
    groupOf[group.charCodeAt(0)] = g + 1;
    const weights = classes[g];
    for (let k = 1; k < group.length; k++) {
      const second = group.charCodeAt(k);
      const key = g * 0x10000 + second;
      let slot = wordSlot(key);
      while (words.keys[slot] !== 0 && words.keys[slot] !== key + 1) slot = (slot + 1) & mask;
      words.keys[slot] = key + 1;
      words.frequencies[slot] = CLASS_WEIGHTS[weights.charCodeAt(k - 1)];
      last[second] = 1;
    }
  });
  const simplifiedCode = new Uint16Array(0x10000);
  for (let u = 0; u < 0x10000; u++) simplifiedCode[u] = u;
  for (const [form, s] of simplified) if (form.length === 1) simplifiedCode[form.charCodeAt(0)] = s.charCodeAt(0);
  // Costs and probabilities by code: unranked first (Han blocks cheaper than other symbols), then the ranked ones.
  const cost = new Float64Array(0x10000).fill(Math.log2(UNKNOWN_RANK) + 3);
  for (const [from, to] of [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff]]) cost.fill(Math.log2(UNKNOWN_RANK), from, to + 1);
  const probability = new Float64Array(0x10000).fill(1 / UNKNOWN_RANK / norm);
  for (const [c, r] of rank) {
    if (c.length !== 1) continue;
    cost[c.charCodeAt(0)] = Math.log2(r + RANK_OFFSET);
    probability[c.charCodeAt(0)] = 1 / (r + RANK_OFFSET) / norm / (formCount.get(c) ?? 1);
  }
  return { rank, simplified, forms: formCount, norm, words, groupOf, simplifiedCode, cost, probability, last, after, standalone: new Set(STANDALONE_CHARS) };
}

function getModel(): Model {
  return (model ??= buildModel());
}

// Parts only some texts need (words that end with a character; readings for inline pinyin), built on first use.
let wordsBefore: Map<string, string> | undefined;
function getWordsBefore(): Map<string, string> {
  if (wordsBefore) return wordsBefore;
  const before = new Map<string, string>();
  for (const group of COMMON_WORDS.split(" ")) {
    for (let k = 1; k < group.length; k++) before.set(group[k], (before.get(group[k]) ?? "") + group[0]);
  }
  return (wordsBefore = before);
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

/** Frequency rank of a character (0 = most common), or undefined when it is not in the table. */
export function charRank(c: string): number | undefined {
  return getModel().rank.get(c);
}

/**
 * Cost of seeing a character, in bits-like units (Zipf: frequency ∝ 1/rank, so cost ∝ log rank).
 * Unknown Han characters are expensive; unknown non-Han symbols inside Chinese text more so.
 */
export function charCost(c: string): number {
  if (c.length === 1) return getModel().cost[c.charCodeAt(0)];
  const r = getModel().rank.get(c);
  if (r !== undefined) return Math.log2(r + RANK_OFFSET);
  return isHan(c) ? Math.log2(UNKNOWN_RANK) : Math.log2(UNKNOWN_RANK) + 3;
}

export function toSimplifiedChar(c: string): string {
  return getModel().simplified.get(c) ?? c;
}

/** charCost by UTF-16 code (no one-character string to allocate in loops over a whole text). */
export function codeCost(u: number): number {
  return getModel().cost[u];
}

/** wordFrequency by UTF-16 codes. */
export function codeWordFrequency(a: number, b: number): number {
  const { simplifiedCode, words, groupOf, last } = getModel();
  const g = groupOf[simplifiedCode[a]];
  const sb = simplifiedCode[b];
  if (g === 0 || !last[sb]) return 0; // most pairs of characters end here, without a hash lookup
  return wordTableGet(words, (g - 1) * 0x10000 + sb);
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
  if (c.length === 1) return m.probability[c.charCodeAt(0)];
  const r = m.rank.get(c);
  if (r === undefined) return 1 / UNKNOWN_RANK / m.norm;
  return 1 / (r + RANK_OFFSET) / m.norm / (m.forms.get(c) ?? 1);
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
function partnersOf(c: string, side: "after" | "before"): { frequency: number; mass: number } {
  const key = c.length === 1 ? c.charCodeAt(0) * 2 + (side === "after" ? 1 : 0) : `${side}${c}`;
  let partners = partnerCache.get(key);
  if (!partners) {
    const m = getModel();
    const s = toSimplifiedChar(c);
    partners = { frequency: 0, mass: 0 };
    for (const p of (side === "after" ? m.after : getWordsBefore()).get(s) ?? "") {
      partners.frequency += side === "after" ? wordFrequency(s, p) : wordFrequency(p, s);
      partners.mass += charProbability(p) * (m.forms.get(p) ?? 1);
    }
    partnerCache.set(key, partners);
  }
  return partners;
}
const partnerCache = new Map<number | string, { frequency: number; mass: number }>();

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
