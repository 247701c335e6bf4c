/**
 * Stage 2b: GBK mojibake. A run of GB18030 bytes decoded one byte out of step reads as rare characters
 * (`“我是黨員` → `?!拔沂屈h員`); a lead byte lost on the way usually became `?`, and fullwidth punctuation
 * may have been folded to ASCII (`！` → `!`). A run is found by its cost under the character model, turned
 * back into bytes, and decoded again in step by a small Viterbi search in which a lost byte either pairs
 * with the next byte (the commonest character with that trail byte) or leaves a gap □. The repair is kept
 * only when the model finds it far more like Chinese than the run was; ordinary text is never touched.
 */
import iconv from "iconv-lite";
import { charCost, isHan, isWord, WORD_BONUS } from "./language";
import type { Edit } from "./mapped";
import { GAP } from "./pinyin";

const LOST = -1;
/** Mean cost per character above which a window of text reads as garbled. */
const GARBLED_MEAN_COST = 10.2;
/** Windows of this many characters are scored. */
const WINDOW = 5;
/** A repair must lower the mean cost per character by this much, and end up below MAX_REPAIRED_MEAN. */
const MIN_GAIN = 2.2;
const MAX_REPAIRED_MEAN = 9.5;
const GAP_COST = 16;
const LOST_PAIR_PENALTY = 3;
const ASCII_COST = 12;

/** Characters that can appear inside a garbled run besides Han: `?` for lost bytes, folded ASCII, odd symbols. */
function isRunChar(c: string): boolean {
  if (isHan(c) || c === "?") return true;
  const cp = c.codePointAt(0)!;
  // Digits and spaces cannot be GBK trail bytes, so they are never part of a garbled pair.
  return (cp >= 0x21 && cp <= 0x7e && !/[()（）0-9<>/]/.test(c)) || (cp >= 0x0370 && cp <= 0x04ff) || (cp >= 0x2500 && cp <= 0x257f) || (cp >= 0xe000 && cp <= 0xf8ff);
}

/** Spans [start, end) of text that read as garbled. */
export function findGarbledRuns(text: string): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isRunChar(text[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && isRunChar(text[j])) j++;
    collectGarbled(text, i, j, runs);
    i = j;
  }
  // Lost bytes alone (`系?!?”即`): `?` marks between Chinese characters, too short for a window to flag.
  for (const match of text.matchAll(/(?<=[\u3400-\u9fff])[?!]*\?[?!]*(?![a-zA-Z(（?])/gu)) {
    const start = match.index! - 1; // with the character before it, which a lost byte may belong to
    const end = match.index! + match[0].length;
    if (!runs.some((run) => run.start < end && start < run.end)) runs.push({ start, end });
  }
  return runs.sort((a, b) => a.start - b.start);
}

function collectGarbled(text: string, from: number, to: number, runs: { start: number; end: number }[]): void {
  const costs: number[] = [];
  for (let k = from; k < to; k++) {
    const c = text[k];
    let cost = c === "?" ? GAP_COST : isHan(c) ? charCost(c) : ASCII_COST;
    if (k > from && isHan(c) && isHan(text[k - 1]) && isWord(text[k - 1], c)) cost -= WORD_BONUS;
    costs.push(cost);
  }
  const flagged = new Uint8Array(to - from);
  for (let k = 0; k + WINDOW <= costs.length; k++) {
    let sum = 0;
    let han = 0;
    for (let w = k; w < k + WINDOW; w++) {
      sum += costs[w];
      if (isHan(text[from + w])) han++;
    }
    if (han >= 3 && sum / WINDOW > GARBLED_MEAN_COST) flagged.fill(1, k, k + WINDOW);
  }
  let k = 0;
  while (k < flagged.length) {
    if (!flagged[k]) {
      k++;
      continue;
    }
    let end = k;
    while (end < flagged.length && flagged[end]) end++;
    let start = from + k;
    // A run's lost lead bytes and folded punctuation sit just before it.
    while (start > from && /[?!]/.test(text[start - 1])) start--;
    runs.push({ start, end: from + end });
    k = end;
  }
}

/** The run as GBK bytes: `?` is a lost byte, ASCII punctuation is taken as folded fullwidth (A3 xx). */
function runBytes(run: string): number[] {
  const bytes: number[] = [];
  const chars = [...run];
  for (const [index, c] of chars.entries()) {
    if (c === "?") bytes.push(LOST);
    else if (/[!-/:-@[-`{-~]/.test(c) && index < chars.length - 1) bytes.push(0xa3, c.charCodeAt(0) + 0x80);
    else if (c.charCodeAt(0) < 0x80) bytes.push(c.charCodeAt(0));
    else for (const b of iconv.encode(c, "gbk")) bytes.push(b);
  }
  return bytes;
}

const CANDIDATES_PER_TRAIL = 24;
let gbkTable: { pairs: Map<number, string>; byTrail: Map<number, string[]> } | undefined;

/** The GBK double-byte table, decoded once (a lead byte's 190 pairs per decode), and by trail byte the
 *  commonest characters ending with it (the candidates for a pair whose lead byte was lost). */
function table() {
  if (gbkTable) return gbkTable;
  const pairs = new Map<number, string>();
  const trails: number[] = [];
  for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) trails.push(trail);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    const decoded = [...iconv.decode(Buffer.from(trails.flatMap((trail) => [lead, trail])), "gbk")];
    if (decoded.length !== trails.length) continue; // unassigned codes do not decode one to one: skip the row
    trails.forEach((trail, k) => decoded[k] !== "\uFFFD" && pairs.set((lead << 8) | trail, decoded[k]));
  }
  const byTrail = new Map<number, string[]>();
  for (const [code, char] of pairs) {
    if (!isHan(char) && !"，。、“”：；！？（）".includes(char)) continue;
    const list = byTrail.get(code & 0xff) ?? [];
    list.push(char);
    byTrail.set(code & 0xff, list);
  }
  for (const [trail, list] of byTrail) byTrail.set(trail, list.sort((a, b) => charCost(a) - charCost(b)).slice(0, CANDIDATES_PER_TRAIL));
  return (gbkTable = { pairs, byTrail });
}

function decodePair(lead: number, trail: number): string | undefined {
  return table().pairs.get((lead << 8) | trail);
}

interface Path {
  cost: number;
  text: string;
}

function pairCost(previous: string, char: string): number {
  let cost = isHan(char) ? charCost(char) : char.charCodeAt(0) < 0x80 ? ASCII_COST : charCost(char);
  if (previous && isWord(previous, char)) cost -= WORD_BONUS;
  return cost;
}

/** Best in-step decoding of the bytes: Viterbi over byte positions, one state per last character (so that
 *  a guessed character is judged with the word it makes with the next one). */
export function realign(bytes: number[]): Path {
  const states: Map<string, Path>[] = Array.from({ length: bytes.length + 1 }, () => new Map());
  states[0].set("", { cost: 0, text: "" });
  const relax = (to: number, from: Path, char: string, extra = 0) => {
    const previous = from.text.at(-1) ?? "";
    const cost = from.cost + (char === GAP ? GAP_COST : pairCost(previous, char)) + extra;
    const current = states[to].get(char);
    if (!current || cost < current.cost) states[to].set(char, { cost, text: from.text + char });
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    const next = bytes[i + 1];
    for (const here of states[i].values()) {
      if (b === LOST) {
        relax(i + 1, here, GAP);
        if (next !== undefined && next !== LOST) {
          for (const guess of table().byTrail.get(next) ?? []) relax(i + 2, here, guess, LOST_PAIR_PENALTY);
        }
        continue;
      }
      if (b < 0x80) relax(i + 1, here, String.fromCharCode(b));
      const pair = next !== undefined && next !== LOST ? decodePair(b, next) : undefined;
      if (pair) relax(i + 2, here, pair);
      if (b >= 0x80) relax(i + 1, here, GAP); // a lead or trail byte whose partner is gone
    }
  }
  return [...states[bytes.length].values()].reduce((a, b) => (b.cost < a.cost ? b : a));
}

function meanCost(text: string): number {
  let cost = 0;
  let previous = "";
  for (const c of text) {
    cost += c === GAP ? GAP_COST : c === "?" ? GAP_COST : pairCost(previous, c);
    previous = c;
  }
  return cost / Math.max(1, [...text].length);
}

/** Edits that replace garbled runs with their in-step decoding. */
export function findMojibakeEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const run of findGarbledRuns(text)) {
    const before = text.slice(run.start, run.end);
    const bytes = runBytes(before);
    // Also try the run shifted by one byte: a lost lead byte that left no `?` behind.
    const candidates = [realign(bytes), realign([LOST, ...bytes])];
    const repaired = candidates.reduce((a, b) => (meanCost(b.text) < meanCost(a.text) ? b : a));
    const after = repaired.text.replace(/^□+(?=[^□])/, (gaps) => (before.startsWith("?") ? gaps : ""));
    const beforeMean = meanCost(before);
    const afterMean = meanCost(after);
    if (afterMean <= MAX_REPAIRED_MEAN && beforeMean - afterMean >= MIN_GAIN && after !== before) {
      // Keep the edit to what changed: the run's edges are often ordinary characters re-decoded as themselves.
      let head = 0;
      while (head < before.length && head < after.length && before[head] === after[head]) head++;
      let tail = 0;
      while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
      edits.push({ start: run.start + head, end: run.end - tail, after: after.slice(head, after.length - tail), kind: "mojibake" });
    }
    else {
      // Nothing but lost-byte marks (`?!?`): the bytes are gone for good; say so with a gap.
      const lost = before.match(/[?!]*\?[?!]*$/);
      if (lost && lost[0].length >= 2 && lost.index! > 0 && isHan(before[lost.index! - 1])) {
        edits.push({ start: run.start + lost.index!, end: run.end, after: GAP, kind: "gap" });
      }
    }
  }
  return edits;
}
