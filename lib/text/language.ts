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

/**
 * Everything by UTF-16 code where it can be (typed arrays fill in a few milliseconds; Maps of strings took most of
 * a cold start). Every form in the data is one BMP character (tests/unit/text/tables.test.ts checks).
 * A one-report process asks about a few hundred characters, so nothing is filled for all 65,536 codes (a zeroed
 * array costs only the pages written): costs and probabilities are computed by rank when first asked (the same
 * expressions, so the same doubles), and the lexicon is indexed at the first word looked up.
 * Numbers the model hands out are kept in plain arrays, not Float64Arrays: code that runs once is interpreted, and
 * the interpreter boxes every double it reads from a Float64Array (or a double field) in a new heap object, which
 * in a cold run added up to megabytes, and collections.
 */
interface Model {
  /** By code: 1 + the frequency rank (0 = most common), or 0 when unranked (6,000 entries: 16 bits are enough). */
  rankPlusOne: Uint16Array;
  /** By code: how many script forms share the character's frequency entry (国國: 2), or 0 when unranked. */
  forms: Uint8Array;
  /** By code: the simplified form's code, or 0 for a character outside the frequency table (its own form). */
  simplifiedCode: Uint16Array;
  /** Sum over the ranked entries of 1/(rank + RANK_OFFSET): turns ranks into probabilities. */
  norm: number;
  /** By rankPlusOne: codeCost, undefined until first asked. */
  costByRank: (number | undefined)[];
  /** By rankPlusOne, for the characters with probabilityForms[rankPlusOne] forms (0 until first asked): their
   *  codeProbability, and it times the number of forms (a partner's share of partnersOf's mass). Index 0 is for
   *  unranked characters. */
  probabilityByRank: (number | undefined)[];
  massByRank: (number | undefined)[];
  probabilityForms: Uint8Array;
}

/** The two-character word lexicon, by first character. */
interface Lexicon {
  /** By simplified code: 1 + the number of the word group that starts with it, or 0. */
  groupOf: Uint16Array;
  /** By group number: where its second characters start in COMMON_WORDS, and end (exclusive). They are in code
   *  order (build-data.mjs sorts the words), so a word is found by binary search: no table of 70,000 words to build. */
  groupStart: Uint32Array;
  groupEnd: Uint32Array;
}

/** 2^class by the character code of a base-36 frequency class digit (WORD_FREQUENCY_CLASSES), 0 for other codes
 *  below 128. A plain array of tagged values (see Model): reading one allocates nothing. */
const CLASS_WEIGHTS: number[] = (() => {
  const weights = tagged(128).fill(0);
  for (let d = 0; d < 36; d++) weights[d.toString(36).charCodeAt(0)] = 2 ** d;
  return weights as number[];
})();

/** An array of n undefined values whose elements stay tagged whatever numbers are stored (a Float64Array, or
 *  an array of numbers only, would keep them unboxed and box them again at every read by the interpreter). */
function tagged(n: number): (number | undefined)[] {
  return new Array<number | undefined>(n).fill(undefined);
}

const SPACE = 0x20;
let model: Model | undefined;
let lexicon: Lexicon | undefined;
let standalone: Set<string> | undefined;

// The tables are read by index, not split into strings: a cold start sees every character of them once.
function buildModel(): Model {
  const rankPlusOne = new Uint16Array(0x10000);
  const forms = new Uint8Array(0x10000);
  const simplifiedCode = new Uint16Array(0x10000);
  let norm = 0;
  let entries = 0;
  for (let i = 0; i < CHAR_FREQUENCY_RANKS.length; entries++) {
    let end = CHAR_FREQUENCY_RANKS.indexOf(" ", i);
    if (end < 0) end = CHAR_FREQUENCY_RANKS.length;
    norm += 1 / (entries + RANK_OFFSET);
    const head = CHAR_FREQUENCY_RANKS.charCodeAt(i); // the entry's simplified form, then its other forms
    for (let k = i; k < end; k++) {
      const u = CHAR_FREQUENCY_RANKS.charCodeAt(k);
      if (rankPlusOne[u] === 0) rankPlusOne[u] = entries + 1;
      simplifiedCode[u] = head;
      forms[u] = end - i;
    }
    i = end + 1;
  }
  // Punctuation is as frequent as the commonest characters; rank it among them.
  for (let i = 0; i < COMMON_PUNCTUATION.length; i++) rankPlusOne[COMMON_PUNCTUATION.charCodeAt(i)] = i * 8 + 1;
  const ranks = Math.max(entries, (COMMON_PUNCTUATION.length - 1) * 8) + 2; // rankPlusOne < ranks
  return { rankPlusOne, forms, simplifiedCode, norm, costByRank: tagged(ranks), probabilityByRank: tagged(ranks), massByRank: tagged(ranks), probabilityForms: new Uint8Array(ranks) };
}

function buildLexicon(): Lexicon {
  const groupOf = new Uint16Array(0x10000);
  // A group takes at least three characters (first, second, space): bounds for the arrays, cut to size below.
  const groupStart = new Uint32Array(Math.ceil((COMMON_WORDS.length + 1) / 3));
  const groupEnd = new Uint32Array(groupStart.length);
  let g = 0;
  for (let i = 0; i < COMMON_WORDS.length; g++) {
    let end = COMMON_WORDS.indexOf(" ", i);
    if (end < 0) end = COMMON_WORDS.length;
    groupOf[COMMON_WORDS.charCodeAt(i)] = g + 1;
    groupStart[g] = i + 1;
    groupEnd[g] = end;
    i = end + 1;
  }
  return { groupOf, groupStart: groupStart.subarray(0, g), groupEnd: groupEnd.subarray(0, g) };
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
/** Costs of an unranked character: Han, any other symbol. */
const UNKNOWN_HAN_COST = Math.log2(UNKNOWN_RANK);
const UNKNOWN_SYMBOL_COST = Math.log2(UNKNOWN_RANK) + 3;

/**
 * Cost of seeing a character, in bits-like units (Zipf: frequency ∝ 1/rank, so cost ∝ log rank).
 * Unknown Han characters are expensive; unknown non-Han symbols inside Chinese text more so.
 */
export function charCost(c: string): number {
  if (c.length !== 1) return isHan(c) ? UNKNOWN_HAN_COST : UNKNOWN_SYMBOL_COST;
  // codeCost, written out: charsWithTrail sorts by this, thousands of calls before anything is compiled.
  const u = c.charCodeAt(0);
  const m = (model ??= buildModel());
  const rankPlusOne = m.rankPlusOne[u];
  if (rankPlusOne === 0) return isHanCode(u) ? UNKNOWN_HAN_COST : UNKNOWN_SYMBOL_COST;
  const cost = m.costByRank[rankPlusOne];
  return cost !== undefined ? cost : (m.costByRank[rankPlusOne] = Math.log2(rankPlusOne - 1 + RANK_OFFSET));
}

export function toSimplifiedChar(c: string): string {
  if (c.length !== 1) return c;
  const u = c.charCodeAt(0);
  const s = (model ??= buildModel()).simplifiedCode[u] || u;
  return s === u ? c : String.fromCharCode(s);
}

// The functions below run for every character of a text, mostly before V8 has compiled them: few calls each.

/** charCost by UTF-16 code (no one-character string to allocate in loops over a whole text). */
export function codeCost(u: number): number {
  const m = (model ??= buildModel());
  const rankPlusOne = m.rankPlusOne[u];
  if (rankPlusOne === 0) return isHanCode(u) ? UNKNOWN_HAN_COST : UNKNOWN_SYMBOL_COST;
  const cost = m.costByRank[rankPlusOne];
  return cost !== undefined ? cost : (m.costByRank[rankPlusOne] = Math.log2(rankPlusOne - 1 + RANK_OFFSET));
}

/** wordFrequency by UTF-16 codes. */
export function codeWordFrequency(a: number, b: number): number {
  const { simplifiedCode } = (model ??= buildModel());
  const lex = (lexicon ??= buildLexicon());
  const g = lex.groupOf[simplifiedCode[a] || a];
  return g === 0 ? 0 : wordInGroup(lex, g, simplifiedCode[b] || b);
}

/**
 * codeWordFrequency(a, b) > 0. The first WORD_SEARCHES pairs are looked up in COMMON_WORDS itself, without building
 * the lexicon's index (buildLexicon): a text that reads as Chinese asks about a few dozen pairs (from 3 to 61 in
 * the five reports), a garbled one about many more, and builds it.
 */
export function codeIsWord(a: number, b: number): boolean {
  if (lexicon || wordSearches >= WORD_SEARCHES) return codeWordFrequency(a, b) > 0;
  wordSearches++;
  const { simplifiedCode } = (model ??= buildModel());
  const start = findGroup(simplifiedCode[a] || a);
  if (start < 0) return false;
  const sb = simplifiedCode[b] || b;
  let low = start + 1;
  const end = COMMON_WORDS.indexOf(" ", start);
  let high = (end < 0 ? COMMON_WORDS.length : end) - 1;
  // Every frequency class is a base-36 digit, so a word found has a frequency above 0 (tables.test.ts checks).
  while (low <= high) {
    const middle = (low + high) >> 1;
    const u = COMMON_WORDS.charCodeAt(middle);
    if (u < sb) low = middle + 1;
    else if (u > sb) high = middle - 1;
    else return true;
  }
  return false;
}
const WORD_SEARCHES = 64;
let wordSearches = 0;

/**
 * Where the word group whose first character is sa starts in COMMON_WORDS, or -1: a binary search over the string,
 * as the groups are in code order of their first characters (tables.test.ts checks). A position's group begins
 * after the last space before it and ends at the next space.
 */
function findGroup(sa: number): number {
  let low = 0;
  let high = COMMON_WORDS.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const start = COMMON_WORDS.lastIndexOf(" ", middle - 1) + 1; // middle may be the space that ends the group
    const first = COMMON_WORDS.charCodeAt(start);
    if (first === sa) return start;
    if (first > sa) high = start - 1;
    else {
      const end = COMMON_WORDS.indexOf(" ", middle);
      if (end < 0) return -1;
      low = end + 1;
    }
  }
  return -1;
}

/** The frequency of the word group g's first character + the character sb, or 0. */
function wordInGroup({ groupStart, groupEnd }: Lexicon, g: number, sb: number): number {
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

/**
 * The index into probabilityByRank and massByRank that holds the character's values, or -1 (a character whose
 * number of forms differs from its rank's first one: a punctuation mark ranked with an entry, or a form in two
 * entries; none in the data, but then it is computed each time).
 */
function probabilitySlot(m: Model, u: number): number {
  const rankPlusOne = m.rankPlusOne[u];
  const share = m.forms[u] || 1;
  const known = m.probabilityForms[rankPlusOne];
  if (known === share) return rankPlusOne;
  if (known !== 0) return -1;
  const probability = codeProbability(m, u);
  m.probabilityByRank[rankPlusOne] = probability;
  m.massByRank[rankPlusOne] = probability * share;
  m.probabilityForms[rankPlusOne] = share;
  return rankPlusOne;
}

/** charProbability by code: the expression the model once stored for every code. */
function codeProbability(m: Model, u: number): number {
  const rankPlusOne = m.rankPlusOne[u];
  if (rankPlusOne === 0) return 1 / UNKNOWN_RANK / m.norm;
  return 1 / (rankPlusOne - 1 + RANK_OFFSET) / m.norm / (m.forms[u] || 1);
}

/** A word partner's share of partnersOf's mass: its probability times its number of forms. */
function partnerMass(m: Model, p: number): number {
  const slot = probabilitySlot(m, p);
  return slot < 0 ? codeProbability(m, p) * (m.forms[p] || 1) : m.massByRank[slot]!;
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
  const m = (model ??= buildModel());
  if (c.length !== 1) return 1 / UNKNOWN_RANK / m.norm;
  const slot = probabilitySlot(m, c.charCodeAt(0));
  return slot < 0 ? codeProbability(m, c.charCodeAt(0)) : m.probabilityByRank[slot]!;
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
    const m = (model ??= buildModel());
    const lex = (lexicon ??= buildLexicon());
    const { simplifiedCode } = m;
    const u = c.charCodeAt(0);
    const s = simplifiedCode[u] || u;
    let frequency = 0;
    let mass = 0;
    // By codes: a common character has hundreds of partners, and this runs cold, once per character.
    if (side === "after") {
      const g = lex.groupOf[s];
      // The word s p is at k (a group holds each second character once, in code order), so its frequency is read
      // there rather than searched for, unless codeWordFrequency(s, p) would look elsewhere (a form that is not its
      // own simplified form; none in the data). A seam check asks for dozens of characters' partners.
      const inPlace = lex.groupOf[simplifiedCode[s] || s] === g;
      for (let k = g === 0 ? 0 : lex.groupStart[g - 1], end = g === 0 ? 0 : lex.groupEnd[g - 1]; k < end; k++) {
        const p = COMMON_WORDS.charCodeAt(k);
        frequency += inPlace && (simplifiedCode[p] || p) === p ? CLASS_WEIGHTS[WORD_FREQUENCY_CLASSES.charCodeAt(k - g)] : codeWordFrequency(s, p);
        const rankPlusOne = m.rankPlusOne[p]; // partnerMass(m, p), its common case written out: this is the hot loop
        mass += m.probabilityForms[rankPlusOne] === (m.forms[p] || 1) ? m.massByRank[rankPlusOne]! : partnerMass(m, p);
      }
    } else if (beforeSearches++ < BEFORE_SEARCHES) {
      // A handful of characters: search each word group for the character (binary search, no index to build).
      for (let g = 1; g <= lex.groupStart.length; g++) {
        const f = wordInGroup(lex, g, s);
        if (f === 0) continue;
        const p = COMMON_WORDS.charCodeAt(lex.groupStart[g - 1] - 1);
        frequency += f;
        mass += partnerMass(m, p);
      }
    } else {
      const { start, firsts } = getWordsBefore();
      for (let k = start[s]; k < start[s + 1]; k++) {
        const p = firsts[k];
        frequency += codeWordFrequency(p, s);
        mass += partnerMass(m, p);
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
  return (standalone ??= new Set(STANDALONE_CHARS)).has(toSimplifiedChar(c));
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
