/**
 * Stage 2b: GBK mojibake. A run of GBK bytes decoded one byte out of step reads as rare characters
 * (`“我是黨員` → `?!拔沂屈h員`); a byte lost on the way usually became `?` (or a fullwidth ？ folded to ASCII),
 * other punctuation may have been folded too (`！` → `!`), and pairs the decoder could not map vanished. A run is
 * found by its cost under the character model, turned back into bytes, and every reading of those bytes is
 * weighed in a lattice (a pair in step, a lone byte, a lost lead byte guessed from its trail byte). Nothing that
 * cannot be supported is written:
 *  - a character is trusted only when every reading that puts another character there costs MIN_MARGIN more (so
 *    a reading that merely wins, e.g. at a seam where bytes vanished, is not), and when it makes a common word
 *    with a firm neighbour, or is one of the commonest one-character words next to a trusted character; a
 *    punctuation mark only between two trusted characters;
 *  - a guess for a lost lead byte is trusted only when it is the one character with that trail byte that makes a
 *    word with a neighbour and the bigram model gives it MIN_GUESS_PROBABILITY;
 *  - the rest of a window that is mojibake (it has a trusted character, or reads far better than the text) becomes
 *    □, lost, one per two bytes; any other window is left as it is, apart from lost-byte marks (`?!?`) → □.
 * Measured on 32,000 garbled lines of other Chinese text (software messages): about 0.6% of written characters
 * are wrong, nearly all chance words at seams (诉狀 for 睡眠狀); see docs/notes/text.md.
 * Work is linear: runs are scored with a sliding window, and repaired in windows of at most MAX_RUN_CHARS
 * characters, each a lattice of a bounded number of states per byte with back-pointers.
 */
import { charsWithTrail, decodePair, encodeCode, seamFirsts } from "./gbk";
import { charCost, charProbability, codeCost, codeWordFrequency, isHan, isHanCode, isStandalone, isWord, nextToProbability, WORD_BONUS } from "./language";
import type { Edit } from "../../../../lib/text/mapped";
import { GAP } from "../../../../lib/text/pinyin";

const LOST = -1;
/** Mean cost per character above which a window of text reads as garbled. */
const GARBLED_MEAN_COST = 10.2;
/** Windows of this many characters are scored; at least MIN_WINDOW_HAN of them must be Han. */
const WINDOW = 5;
const MIN_WINDOW_HAN = 3;
/** At most this many lost-byte marks before a run are taken into it. */
const MAX_LEADING_MARKS = 4;
/** Runs are repaired in windows of this many characters: the lattice's memory is bounded by it. */
export const MAX_RUN_CHARS = 256;
/** Costs (bits-like, as charCost) of a byte read as lost, of guessing a lost lead byte, of an ASCII byte in a run. */
const GAP_COST = 16;
const LOST_PAIR_PENALTY = 3;
const ASCII_COST = 12;
/** A character is trusted only when every other reading of its bytes costs this much more. */
const MIN_MARGIN = 6;
/** A pair is distrusted when a seam reads no more than this many bits worse (couldBeSeam). */
const SEAM_MARGIN = 2;
/** A guess for a lost lead byte must be more likely than all other readings together (guessProbability). */
const MIN_GUESS_PROBABILITY = 0.99;
/** A window none of whose characters is trusted is still mojibake when at least MIN_CONFIRM_CHARS characters
 *  read MIN_GAIN lower in mean cost than the text, and at most MAX_CONFIRM_MEAN. */
const MIN_CONFIRM_CHARS = 4;
const MIN_GAIN = 2.2;
const MAX_CONFIRM_MEAN = 9.5;
/** Characters guessed for a lost lead byte are the commonest ones with its trail byte. */
const GUESSES_PER_TRAIL = 24;
const PUNCTUATION = "，。、“”：；！？（）《》…—";

export interface Run {
  start: number;
  end: number;
}

/** Characters that can appear inside a garbled run besides Han: `?` for lost bytes, folded ASCII, odd symbols. */
function isRunCode(u: number): boolean {
  if (isHanCode(u) || u === 0x3f) return true;
  // Digits and spaces cannot be GBK trail bytes, so they are never part of a garbled pair; nor can brackets, <, > or /.
  if (u >= 0x21 && u <= 0x7e) return !((u >= 0x30 && u <= 0x39) || u === 0x28 || u === 0x29 || u === 0x3c || u === 0x3e || u === 0x2f);
  return (u >= 0x0370 && u <= 0x04ff) || (u >= 0x2500 && u <= 0x257f) || (u >= 0xe000 && u <= 0xf8ff);
}

const isLostMark = (c: string | undefined) => c === "?" || c === "!";

/** Spans [start, end) whose characters cost too much for Chinese text, in order, not overlapping. */
function findCostlyRuns(text: string): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isRunCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && isRunCode(text.charCodeAt(j))) j++;
    collectGarbled(text, i, j, runs);
    i = j;
  }
  return runs;
}

/** Flags every WINDOW-character window of [from, to) whose mean cost is high (a sliding sum: linear). */
function collectGarbled(text: string, from: number, to: number, runs: Run[]): void {
  const n = to - from;
  if (n < WINDOW) return;
  const costs = new Float64Array(n);
  const han = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const u = text.charCodeAt(from + k); // codes, not one-character strings: this loop sees the whole text
    han[k] = isHanCode(u) ? 1 : 0;
    costs[k] = u === 0x3f ? GAP_COST : han[k] ? codeCost(u) : ASCII_COST;
    if (k > 0 && han[k] && han[k - 1] && codeWordFrequency(text.charCodeAt(from + k - 1), u) > 0) costs[k] -= WORD_BONUS;
  }
  const flagged = new Uint8Array(n);
  let sum = 0;
  let hanCount = 0;
  for (let k = 0; k < n; k++) {
    sum += costs[k];
    hanCount += han[k];
    if (k >= WINDOW) {
      sum -= costs[k - WINDOW];
      hanCount -= han[k - WINDOW];
    }
    if (k >= WINDOW - 1 && hanCount >= MIN_WINDOW_HAN && sum / WINDOW > GARBLED_MEAN_COST) flagged.fill(1, k - WINDOW + 1, k + 1);
  }
  let k = 0;
  while (k < n) {
    if (!flagged[k]) {
      k++;
      continue;
    }
    let end = k;
    while (end < n && flagged[end]) end++;
    // A run's lost lead bytes and folded punctuation sit just before it (a few, never inside the previous run).
    const floor = Math.max(from, runs.at(-1)?.end ?? 0, from + k - MAX_LEADING_MARKS);
    let start = from + k;
    while (start > floor && isLostMark(text[start - 1])) start--;
    runs.push({ start, end: from + end });
    k = end;
  }
}

/**
 * Lost bytes alone (`系?!?”即`): two or more marks after a Chinese character, too short for a window to flag. Each
 * maximal stretch of `?`/`!` is looked at once, with the character before it, which a lost byte may belong to; a letter or
 * bracket after it means a pinyin annotation (`?(bào)`, `?qǐng)`), which the pinyin stage handles.
 */
function findLostMarkRuns(text: string): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isLostMark(text[i])) {
      i++;
      continue;
    }
    let j = i;
    let question = false;
    for (; j < text.length && isLostMark(text[j]); j++) if (text[j] === "?") question = true;
    // A single mark changes nothing (lostMarkEdits needs two): not even a run to remember (`的?` × 10⁶).
    if (j - i >= 2 && question && i > 0 && isHanCode(text.charCodeAt(i - 1)) && !/[a-zA-Z(（]/.test(text[j] ?? "")) runs.push({ start: i - 1, end: j });
    i = j;
  }
  return runs;
}

/** Both lists sorted; a lost-mark run that overlaps a garbled run is already part of it. */
function mergeRuns(garbled: Run[], lost: Run[]): Run[] {
  const merged: Run[] = [];
  let g = 0;
  for (const run of lost) {
    while (g < garbled.length && garbled[g].end <= run.start) merged.push(garbled[g++]);
    if (g < garbled.length && garbled[g].start < run.end) continue;
    merged.push(run);
  }
  while (g < garbled.length) merged.push(garbled[g++]);
  return merged;
}

/** Edits that replace garbled runs with what their bytes say in step, □ where that cannot be told. */
export function findMojibakeEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  const costly = findCostlyRuns(text);
  const isCostly = new Set(costly);
  for (const run of mergeRuns(costly, findLostMarkRuns(text))) {
    // Lost-byte marks alone hold no bytes to read: one character and marks (`系?!?`) cannot confirm anything.
    if (!isCostly.has(run)) {
      edits.push(...lostMarkEdits(text, run.start, run.end));
      continue;
    }
    for (let start = run.start; start < run.end; start += MAX_RUN_CHARS) {
      edits.push(...repairWindow(text, start, Math.min(run.end, start + MAX_RUN_CHARS), start === run.start));
    }
  }
  return edits;
}

/**
 * The window's characters as GBK bytes. ASCII punctuation is taken as folded fullwidth (`!` = ！ = A3 A1). `?` is
 * either a lost byte or a folded ？ (A3 BF): it is written as A3 BF and marked, and the lattice reads it both ways.
 */
interface RunBytes {
  /** The bytes, LOST for a character GBK has no code for. */
  bytes: Int16Array;
  /** For each byte, the index (into the text) of the character it came from. */
  charOf: Int32Array;
  /** 1 at the first byte of a `?`. */
  marks: Uint8Array;
  /** Whether the bytes start a run (not a later window of one): only there can a lead byte have vanished before. */
  runStart: boolean;
}

const isAsciiPunctuation = (cp: number) => (cp >= 0x21 && cp <= 0x2f) || (cp >= 0x3a && cp <= 0x40) || (cp >= 0x5b && cp <= 0x60) || (cp >= 0x7b && cp <= 0x7e);

function runBytes(text: string, start: number, end: number, runStart: boolean): RunBytes {
  // At most two bytes per character: typed arrays, filled in one pass (this runs over every garbled-looking run).
  const bytes = new Int16Array(2 * (end - start));
  const charOf = new Int32Array(2 * (end - start));
  const marks = new Uint8Array(2 * (end - start));
  let n = 0;
  for (let i = start; i < end; i++) {
    const cp = text.charCodeAt(i);
    let first = cp;
    let second = -2; // none
    if (cp === 0x3f) {
      marks[n] = 1;
      first = 0xa3;
      second = 0xbf;
    } else if (isAsciiPunctuation(cp) && i < end - 1) {
      first = 0xa3; // the fold to ASCII kept the trail byte's low seven bits
      second = cp + 0x80;
    } else if (cp >= 0x80) {
      const code = encodeCode(cp);
      if (code === undefined) first = LOST;
      else {
        first = code >> 8;
        second = code & 0xff;
      }
    }
    bytes[n] = first;
    charOf[n++] = i;
    if (second !== -2) {
      bytes[n] = second;
      charOf[n++] = i;
    }
  }
  return { bytes: bytes.subarray(0, n), charOf: charOf.subarray(0, n), marks: marks.subarray(0, n), runStart };
}

const enum Kind {
  Pair,
  Guess,
  Ascii,
  Gap,
}

/** One reading of bytes [from, to). `through` is the cost of the best complete reading that uses it. */
interface Token {
  from: number;
  to: number;
  char: string;
  kind: Kind;
  base: number;
  through: number;
  /** For a guess: the trail byte it was guessed from. */
  trail?: number;
}

/** A lattice state: a reading of the first bytes ending in `char` (kept apart per last character, so that the
 *  next character is judged with the word they make). `back` is the cheapest way from here to the end. */
interface State {
  char: string;
  cost: number;
  back: number;
  prev?: State;
  token?: Token;
}

function costOf(char: string): number {
  return char.charCodeAt(0) < 0x80 ? ASCII_COST : charCost(char);
}

function token(from: number, to: number, char: string, kind: Kind, base: number, trail?: number): Token {
  return { from, to, char, kind, base, through: Infinity, trail };
}

/** Every reading of the bytes starting at i. (No closures here: this is the hot path.) */
function tokensAt({ bytes, marks, runStart }: RunBytes, i: number): Token[] {
  const b = bytes[i];
  const out: Token[] = [];
  if (b === LOST || marks[i]) {
    // A lost byte (a `?`, both of whose bytes it covers, or a character GBK has no code for), alone or as the
    // lead byte of the pair whose trail byte follows.
    const after = marks[i] ? i + 2 : i + 1;
    out.push(token(i, after, GAP, Kind.Gap, GAP_COST));
    const trail = bytes[after];
    // The trail byte may be the A3 of a next `?` (a folded ？: `。` is A1 A3), if that one ends the marks: a longer
    // stretch of marks would multiply guesses that nothing can confirm.
    if (trail !== undefined && trail !== LOST && !(marks[after] && marks[after + 2])) pushGuesses(out, i, after + 1, trail);
    if (b === LOST) return out;
  }
  // A run's first byte may be the trail of a pair whose lead byte vanished without a trace.
  if (i === 0 && runStart && b >= 0x40 && !marks[0]) pushGuesses(out, i, 1, b);
  const next = bytes[i + 1];
  if (b < 0x80) out.push(token(i, i + 1, String.fromCharCode(b), Kind.Ascii, ASCII_COST));
  else {
    const pair = next !== undefined && next !== LOST ? decodePair(b, next) : undefined;
    if (pair) out.push(token(i, i + 2, pair, Kind.Pair, costOf(pair)));
    out.push(token(i, i + 1, GAP, Kind.Gap, GAP_COST)); // a lead or trail byte whose partner is gone
  }
  return out;
}

function pushGuesses(out: Token[], from: number, to: number, trail: number): void {
  const candidates = charsWithTrail(trail);
  for (let k = 0; k < candidates.length && k < GUESSES_PER_TRAIL; k++) {
    out.push(token(from, to, candidates[k], Kind.Guess, costOf(candidates[k]) + LOST_PAIR_PENALTY, trail));
  }
}

function stepCost(previous: string, t: Token): number {
  return isHan(previous) && isHan(t.char) && isWord(previous, t.char) ? t.base - WORD_BONUS : t.base;
}

/** Forward (cheapest reading of each prefix, with back-pointers) and backward (cheapest way to the end) passes.
 *  Returns the cheapest reading and, for each byte position, the tokens starting there (with `through` set). */
function readBytes(run: RunBytes): { path: Token[]; best: number; tokens: Token[][] } {
  const n = run.bytes.length;
  // States per byte position in small arrays (a handful each; a Map per position cost more than the search).
  const states: State[][] = Array.from({ length: n + 1 }, () => []);
  const tokens: Token[][] = Array.from({ length: n }, () => []);
  states[0].push({ char: "", cost: 0, back: Infinity });
  for (let i = 0; i < n; i++) {
    if (states[i].length === 0) continue;
    tokens[i] = tokensAt(run, i);
    for (const state of states[i]) {
      for (const t of tokens[i]) {
        const cost = state.cost + stepCost(state.char, t);
        const target = stateOf(states[t.to], t.char);
        if (!target) states[t.to].push({ char: t.char, cost, back: Infinity, prev: state, token: t });
        else if (cost < target.cost) Object.assign(target, { cost, prev: state, token: t });
      }
    }
  }
  for (const state of states[n]) state.back = 0;
  for (let i = n - 1; i >= 0; i--) {
    for (const state of states[i]) {
      for (const t of tokens[i]) {
        const rest = stepCost(state.char, t) + stateOf(states[t.to], t.char)!.back;
        state.back = Math.min(state.back, rest);
        t.through = Math.min(t.through, state.cost + rest);
      }
    }
  }
  let end: State | undefined;
  for (const state of states[n]) if (!end || state.cost < end.cost) end = state;
  const path: Token[] = [];
  for (let state = end; state?.token; state = state.prev) path.push(state.token);
  return { path: path.reverse(), best: end?.cost ?? 0, tokens };
}

function stateOf(states: State[], char: string): State | undefined {
  for (const state of states) if (state.char === char) return state;
  return undefined;
}

/** How much more the best reading that puts another character in t's place costs: every reading covers t's
 *  first byte with some token, which starts at most two bytes before t (a guess after a `?` spans three bytes);
 *  one that ends where t ends with t's character (a guess of the same character) agrees with t. */
function margin(t: Token, tokens: Token[][], best: number): number {
  let alternative = Infinity;
  for (let i = Math.max(0, t.from - 2); i < t.to; i++) {
    for (const u of tokens[i]) if (u.to > t.from && (u.char !== t.char || u.to !== t.to)) alternative = Math.min(alternative, u.through);
  }
  return alternative - best;
}

/** The repair of text[start, end): edits, possibly none. */
function repairWindow(text: string, start: number, end: number, runStart: boolean): Edit[] {
  const run = runBytes(text, start, end, runStart);
  const { bytes, charOf } = run;
  if (bytes.length === 0) return [];
  if (!worthReading(run)) return lostMarkEdits(text, start, end);
  const { path, best, tokens } = readBytes(run);
  // A token that reads exactly one character's bytes, as that character, changes nothing.
  const firstByte = new Map<number, number>();
  charOf.forEach((at, b) => firstByte.has(at) || firstByte.set(at, b));
  const lastByte = (at: number) => (at + 1 < end ? firstByte.get(at + 1)! : bytes.length);
  const same = path.map((t) => {
    const at = charOf[t.from];
    if (t.kind === Kind.Pair || t.kind === Kind.Ascii) return firstByte.get(at) === t.from && lastByte(at) === t.to && (t.char === text[at] || t.char.charCodeAt(0) - 0xfee0 === text.charCodeAt(at));
    return false;
  });
  const trusted = trust(path, same, (t) => margin(t, tokens, best), bytes);
  const confirmed = trusted.some((ok, k) => ok && isHan(path[k].char)) || readsFarBetter(text, path, same, charOf, end);
  if (!confirmed) return lostMarkEdits(text, start, end);
  return rewrite(path, same, trusted, charOf, end);
}

/**
 * Whether the lattice could find anything: it confirms a window only with a word read out of step, a guess for a
 * lost byte, or several cheap characters out of step (readsFarBetter). Windows of text that is merely rare or
 * random offer none of these, and are passed over at the cost of one look at each byte.
 */
function worthReading({ bytes, charOf, marks, runStart }: RunBytes): boolean {
  let cheapInARow = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] === LOST || marks[i]) return true;
    const aligned = i === 0 || charOf[i - 1] !== charOf[i];
    const here = decodePair(bytes[i], bytes[i + 1]);
    if (here === undefined) {
      if (!aligned) cheapInARow = 0;
      continue;
    }
    const code = here.charCodeAt(0); // codes from here on: this loop sees every byte of every garbled-looking run
    if (i === 0 && runStart && charsWithTrail(bytes[0]).some((c, k) => k < GUESSES_PER_TRAIL && isWord(c, here))) return true; // lead lost before the run
    if (i + 3 < bytes.length && !(aligned && charOf[i + 1] !== charOf[i + 2]) && isHanCode(code)) {
      const next = decodePair(bytes[i + 2], bytes[i + 3]);
      if (next !== undefined && isHanCode(next.charCodeAt(0)) && codeWordFrequency(code, next.charCodeAt(0)) > 0) return true;
    }
    if (!aligned) {
      cheapInARow = (code < 0x80 ? ASCII_COST : codeCost(code)) <= MAX_CONFIRM_MEAN ? cheapInARow + 1 : 0;
      if (cheapInARow >= MIN_CONFIRM_CHARS) return true;
    }
  }
  return false;
}

/**
 * True when the changed part of the reading is far more like Chinese than the text it replaces (its mean cost per
 * character MIN_GAIN lower, and low itself): the window is mojibake even if no character of it can be trusted,
 * so its garbled characters are marked lost rather than left in the text.
 */
function readsFarBetter(text: string, path: Token[], same: boolean[], charOf: Int32Array, end: number): boolean {
  let read = "";
  let from = -1;
  let to = -1;
  path.forEach((t, k) => {
    if (same[k]) return;
    if (from < 0) from = charOf[t.from];
    to = k + 1 < path.length ? charOf[path[k + 1].from] : end;
    if (t.kind === Kind.Pair || t.kind === Kind.Guess) read += t.char;
  });
  if (read.length < MIN_CONFIRM_CHARS) return false;
  const readMean = meanCost(read);
  return readMean <= MAX_CONFIRM_MEAN && meanCost(text.slice(from, to)) - readMean >= MIN_GAIN;
}

function meanCost(s: string): number {
  let cost = 0;
  for (let i = 0; i < s.length; i++) {
    cost += s[i] === "?" ? GAP_COST : costOf(s[i]);
    if (i > 0 && isHan(s[i]) && isHan(s[i - 1]) && isWord(s[i - 1], s[i])) cost -= WORD_BONUS;
  }
  return cost / s.length;
}

/** Which tokens of the reading are written: see the module comment. */
function trust(path: Token[], same: boolean[], marginOf: (t: Token) => number, bytes: Int16Array): boolean[] {
  const n = path.length;
  const han = (k: number) => k >= 0 && k < n && isHan(path[k].char);
  const neighbour = (k: number) => (han(k) ? path[k].char : undefined);
  const candidate = path.map((t, k) => !same[k] && t.kind === Kind.Pair && marginOf(t) >= MIN_MARGIN && !couldBeSeam(t, bytes, neighbour(k - 1), neighbour(k + 1)));
  // Firm: read with a clear margin, or unchanged. A word needs two firm characters.
  const firm = (k: number) => han(k) && (same[k] || candidate[k]);
  const word = (a: number, b: number) => firm(a) && firm(b) && isWord(path[a].char, path[b].char);
  const trusted = path.map((_, k) => candidate[k] && han(k) && (word(k - 1, k) || word(k, k + 1)));
  // A lost lead byte: the one character with this trail byte that makes a word with a neighbour (空 in `?粘`: of
  // the characters ending in byte D5 only 空 makes a word with 巢), when that neighbour is firm and the bigram
  // model finds the character more likely than all the others together. The neighbour is trusted with it.
  path.forEach((t, k) => {
    if (t.kind !== Kind.Guess) return;
    const left = han(k - 1) ? path[k - 1].char : undefined;
    const right = han(k + 1) ? path[k + 1].char : undefined;
    const makesWord = (c: string) => (left !== undefined && isWord(left, c)) || (right !== undefined && isWord(c, right));
    const fits = charsWithTrail(t.trail!).filter((c) => isHan(c) && makesWord(c));
    if (fits.length !== 1 || fits[0] !== t.char) return;
    const firmLeft = firm(k - 1) && isWord(path[k - 1].char, t.char);
    const firmRight = firm(k + 1) && isWord(t.char, path[k + 1].char);
    if (!firmLeft && !firmRight) return;
    if (guessProbability(t, firm(k - 1) ? left : undefined, firm(k + 1) ? right : undefined) < MIN_GUESS_PROBABILITY) return;
    trusted[k] = true;
    if (firmLeft && candidate[k - 1]) trusted[k - 1] = true;
    if (firmRight && candidate[k + 1]) trusted[k + 1] = true;
  });
  // Common one-character words (我, 是, 有 …) next to trusted characters, in chains (我是黨員: 黨員 is a word,
  // 是 stands next to it, 我 next to 是).
  const joins = (k: number) => candidate[k] && !trusted[k] && han(k) && isStandalone(path[k].char);
  const held = (k: number) => k >= 0 && k < n && han(k) && (trusted[k] || same[k]);
  for (let k = 0; k < n; k++) if (joins(k) && held(k - 1)) trusted[k] = true;
  for (let k = n - 1; k >= 0; k--) if (joins(k) && held(k + 1)) trusted[k] = true;
  // Punctuation only between two trusted characters: all marks share lead byte A1 or A3, so where bytes vanished
  // next to a mark, the reading is still a mark, only the wrong one.
  return path.map((t, k) => trusted[k] || (candidate[k] && PUNCTUATION.includes(t.char) && held(k - 1) && held(k + 1)));
}

/**
 * True when the pair's bytes read at least as well as a seam (see isSeamTrail): two characters, the first with
 * the pair's lead byte and a seam trail byte, the second with the pair's trail byte, whose own bytes in between
 * vanished. In `组智者` the seam reading 组织|记者 beats 智 (织 is D6 AF, 记 BC C7; AF BC was user-defined). Judged
 * with the bigram model and the neighbours; SEAM_MARGIN bits of doubt are enough to distrust the pair.
 */
function couldBeSeam(t: Token, bytes: Int16Array, left: string | undefined, right: string | undefined): boolean {
  const firsts = seamFirsts(bytes[t.from]);
  if (firsts.length === 0) return false;
  const after = (c: string, previous: string | undefined) => Math.log2(previous ? nextToProbability(c, previous, "after") : charProbability(c));
  const ending = (c: string) => (right ? Math.log2(nextToProbability(right, c, "after")) : 0);
  const pair = after(t.char, left) + ending(t.char);
  const heads = firsts.map((first) => after(first, left));
  let seam = -Infinity;
  for (const second of charsWithTrail(bytes[t.from + 1]).slice(0, GUESSES_PER_TRAIL)) {
    if (!isHan(second)) continue;
    const tail = ending(second);
    firsts.forEach((first, f) => (seam = Math.max(seam, heads[f] + after(second, first) + tail)));
    if (seam >= pair - SEAM_MARGIN) return true;
  }
  return false;
}

/**
 * Probability that a guess for a lost lead byte is right, among all characters with its trail byte, each weighed
 * by the bigram model with its firm neighbours: P(c | left, right) ∝ P(c | left) · P(c | right) / P(c).
 */
function guessProbability(t: Token, left: string | undefined, right: string | undefined): number {
  if (!left && !right) return 0;
  const weight = (c: string) => {
    const prior = charProbability(c);
    const fromLeft = left ? nextToProbability(c, left, "after") : prior;
    const fromRight = right ? nextToProbability(c, right, "before") : prior;
    return (fromLeft * fromRight) / prior;
  };
  let total = 0;
  for (const c of charsWithTrail(t.trail!)) total += weight(c);
  return weight(t.char) / total;
}

/** Edits for a confirmed window: trusted tokens written, the rest as □ (one per two bytes), unchanged ones kept. */
function rewrite(path: Token[], same: boolean[], trusted: boolean[], charOf: Int32Array, end: number): Edit[] {
  const edits: Edit[] = [];
  let k = 0;
  while (k < path.length) {
    if (same[k]) {
      k++;
      continue;
    }
    let stop = k;
    while (stop < path.length && !same[stop]) stop++;
    const from = charOf[path[k].from];
    const to = stop < path.length ? charOf[path[stop].from] : end;
    let after = "";
    const sources: number[] = [];
    let lostBytes = 0;
    let lostFrom = 0;
    const flushLost = () => {
      for (let g = 0; g < Math.ceil(lostBytes / 2); g++) {
        after += GAP;
        sources.push(Math.max(sources.at(-1) ?? 0, lostFrom - from));
      }
      lostBytes = 0;
    };
    for (let m = k; m < stop; m++) {
      const t = path[m];
      if (trusted[m]) {
        flushLost();
        after += t.char;
        sources.push(Math.max(sources.at(-1) ?? 0, charOf[t.from] - from));
      } else {
        if (lostBytes === 0) lostFrom = charOf[t.from];
        lostBytes += t.to - t.from;
      }
    }
    flushLost();
    edits.push({ start: from, end: to, after, kind: after.replaceAll(GAP, "") === "" ? "gap" : "mojibake", sources });
    k = stop;
  }
  return edits;
}

/** An unconfirmed window: only stretches of two or more lost-byte marks after a Chinese character become □. */
function lostMarkEdits(text: string, start: number, end: number): Edit[] {
  const edits: Edit[] = [];
  let i = start;
  while (i < end) {
    if (!isLostMark(text[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < end && isLostMark(text[j])) j++;
    if (j - i >= 2 && text.slice(i, j).includes("?") && i > 0 && isHan(text[i - 1])) edits.push({ start: i, end: j, after: GAP, kind: "gap" });
    i = j;
  }
  return edits;
}
