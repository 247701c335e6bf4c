/**
 * Stage 4: sentences. A sentence ends at 。！？；… (and their ASCII forms), with any closing quotes or
 * brackets that follow; a line break always ends one, so headings are sentences of their own. Inside
 * “…” a mark ends nothing unless the quote closes right after it, so quotes stay whole.
 * A run with no end mark is cut after MAX_SENTENCE characters (at its last comma or space when there is one), so
 * that what later stages do per figure within its sentence stays bounded: hostile or broken text without
 * punctuation would otherwise make one sentence of the whole input, and extraction quadratic in it.
 */
import { CLOSING_MARKS, CLOSING_QUOTES, OPENING_QUOTES, SENTENCE_END } from "./data/punctuation";
import { rawSpanOf, type MappedText } from "./mapped";
import type { SentenceSpan } from "./types";

/** The marks as sets of UTF-16 codes: the loop below looks at every character, and `text[i]` would allocate one
 *  string per CJK character. */
const codes = (marks: string) => new Set([...marks].map((c) => c.charCodeAt(0)));
const ENDS = codes(SENTENCE_END);
const CLOSERS = codes(CLOSING_MARKS);
const OPENING = codes(OPENING_QUOTES);
const CLOSING = codes(CLOSING_QUOTES);
/** Longer than any real sentence (the longest in the shipped reports, an enumeration, is a few hundred). */
export const MAX_SENTENCE = 1000;
const SOFT_BREAKS = codes("，,、；;：: \u3000\t");

/** Where to cut an over-long run [start, i): after its last soft break in the second half, else at i, moved back
 *  off a surrogate pair and out of a run of digits or Latin letters (a figure is never cut in two). */
function cutPoint(text: string, start: number, i: number, lastSoft: number): number {
  if (lastSoft > start + MAX_SENTENCE / 2) return lastSoft;
  let cut = i;
  const isWordCode = (u: number) => (u >= 0x30 && u <= 0x39) || (u >= 0x41 && u <= 0x5a) || (u >= 0x61 && u <= 0x7a) || u === 0x2e;
  while (cut > start + MAX_SENTENCE / 2 && isWordCode(text.charCodeAt(cut - 1)) && isWordCode(text.charCodeAt(cut))) cut--;
  const u = text.charCodeAt(cut);
  if (u >= 0xdc00 && u <= 0xdfff) cut--; // never between the halves of a surrogate pair
  return cut;
}

export function splitSentences(doc: MappedText, raw: string): SentenceSpan[] {
  const { text } = doc;
  const spans: { start: number; end: number }[] = [];
  let start = 0;
  let depth = 0;
  let lastSoft = 0;
  const close = (end: number) => {
    spans.push({ start, end });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    if (i - start >= MAX_SENTENCE) {
      close(cutPoint(text, start, i, lastSoft));
      depth = 0;
    }
    const c = text.charCodeAt(i);
    if (SOFT_BREAKS.has(c)) lastSoft = i + 1;
    if (c === 0x0a) {
      close(i);
      start = i + 1;
      depth = 0;
      continue;
    }
    if (OPENING.has(c)) depth++;
    else if (CLOSING.has(c)) depth = Math.max(0, depth - 1);
    if (!ENDS.has(c)) continue;
    let end = i + 1;
    while (end < text.length && ENDS.has(text.charCodeAt(end))) end++; // ……, ！？
    let closes = 0;
    while (end < text.length && CLOSERS.has(text.charCodeAt(end))) {
      if (CLOSING.has(text.charCodeAt(end))) closes++;
      end++;
    }
    if (depth > 0 && closes === 0) {
      i = end - 1;
      continue; // a mark inside a quotation that goes on
    }
    depth = Math.max(0, depth - closes);
    close(end);
    i = end - 1;
  }
  close(text.length);

  const sentences: SentenceSpan[] = [];
  for (const span of spans) {
    let { start: from, end: to } = span;
    while (from < to && isSpace(text.charCodeAt(from))) from++;
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
    if (from === to) continue;
    const rawSpan = rawSpanOf(doc, from, to);
    sentences.push({
      index: sentences.length,
      text: text.slice(from, to),
      original: raw.slice(rawSpan.start, rawSpan.end),
      start: from,
      end: to,
      rawStart: rawSpan.start,
      rawEnd: rawSpan.end,
    });
  }
  return sentences;
}

/** /\s/ by code (no one-character strings over a whole text). */
function isSpace(u: number): boolean {
  return u === 0x20 || (u >= 0x09 && u <= 0x0d) || u === 0xa0 || u === 0x1680 || (u >= 0x2000 && u <= 0x200a) || u === 0x2028 || u === 0x2029 || u === 0x202f || u === 0x205f || u === 0x3000 || u === 0xfeff;
}
