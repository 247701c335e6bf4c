/**
 * Stage 2a: inline pinyin annotations. Some simplified→traditional converters append the reading of
 * every converted character in ASCII parentheses: `來(lái)`, `鎮(zhèn)`. They are deleted. Where the
 * character itself was lost (`?(bào)`, or `?qǐng)` with the paren lost too) a gap □ is left, unless the
 * reading and the neighbouring characters single out one character.
 * Real parentheses survive: only a lone legal pinyin syllable right after a character is an annotation.
 */
import { PINYIN_SYLLABLES } from "./data/pinyin-syllables";
import { charsWithReading, isHan, isWord } from "./language";
import { applyEdits, identityMap, type Edit } from "./mapped";
import type { RepairRecord } from "./types";

export const GAP = "□";

const TONE_MARKS: Record<string, string> = {
  ā: "a", á: "a", ǎ: "a", à: "a", ē: "e", é: "e", ě: "e", è: "e", ī: "i", í: "i", ǐ: "i", ì: "i",
  ō: "o", ó: "o", ǒ: "o", ò: "o", ū: "u", ú: "u", ǔ: "u", ù: "u", ǖ: "ü", ǘ: "ü", ǚ: "ü", ǜ: "ü",
};
/** Toneless annotations are accepted only in a text that already shows this many toned ones. */
const TONELESS_EVIDENCE = 3;

let syllables: Set<string> | undefined;
function legalSyllables(): Set<string> {
  return (syllables ??= new Set(PINYIN_SYLLABLES.split(" ")));
}

/** The toneless form of a syllable, and whether it carried a tone mark; undefined if not legal pinyin. */
export function parseSyllable(s: string): { base: string; toned: boolean } | undefined {
  let base = "";
  let tones = 0;
  for (const c of s) {
    const plain = TONE_MARKS[c];
    if (plain) tones++;
    base += plain ?? (c === "v" ? "ü" : c);
  }
  if (tones > 1 || !legalSyllables().has(base)) return undefined;
  return { base, toned: tones === 1 };
}

// `(` syllable `)` after any character, or syllable `)` after a lost-character mark whose `(` was lost too.
const ANNOTATION = /[(（]([a-zü\u00e0-\u01dc]{1,6})[)）]|(?<=[?\uFFFD])([a-zü\u00e0-\u01dc]{1,6})[)）]/gu;
const LOST = new Set(["?", "\uFFFD", GAP]); // GAP: a character the mojibake stage could not recover

/** Edits that delete annotations and turn lost annotated characters into gaps (or recovered characters). */
export function findPinyinEdits(text: string): Edit[] {
  const found = [...text.matchAll(ANNOTATION)].map((m) => ({ m, syllable: parseSyllable(m[1] ?? m[2]) }));
  const toned = found.filter((f) => f.syllable?.toned).length;
  const edits: Edit[] = [];
  for (const { m, syllable } of found) {
    if (!syllable || (!syllable.toned && toned < TONELESS_EVIDENCE)) continue;
    const start = m.index!;
    const end = start + m[0].length;
    const before = text[start - 1] ?? "";
    const parenLost = m[2] !== undefined;
    if (LOST.has(before)) {
      if (parenLost && !syllable.toned) continue;
      const reading = (m[1] ?? m[2]).toLowerCase();
      const recovered = recoverFromReading(reading, previousHan(text, start - 1), text[end]);
      edits.push({ start: start - 1, end, after: recovered ?? GAP, kind: recovered ? "pinyin" : "gap" });
    } else if (!parenLost && (isHan(before) || before === GAP)) {
      edits.push({ start, end, after: "", kind: "pinyin" });
    }
  }
  return edits;
}

/** The nearest Han character before `index`, looking past lost-character marks and other annotations. */
function previousHan(text: string, index: number): string | undefined {
  for (let i = index - 1; i >= 0 && index - i <= 12; i--) {
    if (isHan(text[i])) return text[i];
    if (!/[?\uFFFD□()（）a-zü\u00e0-\u01dc]/u.test(text[i])) return undefined;
  }
  return undefined;
}

/** The one common character with this reading that forms a word with a neighbour, if exactly one does. */
function recoverFromReading(reading: string, prev: string | undefined, next: string | undefined): string | undefined {
  const fits = charsWithReading(reading).filter(
    (c) => (prev !== undefined && isHan(prev) && isWord(prev, c)) || (next !== undefined && isHan(next) && isWord(c, next)),
  );
  return fits.length === 1 ? fits[0] : undefined;
}

/** Convenience for callers holding a plain string: the text without annotations, and what was done. */
export function stripPinyinAnnotations(text: string): { text: string; repairs: RepairRecord[] } {
  const repairs: RepairRecord[] = [];
  const out = applyEdits(identityMap(text), findPinyinEdits(text), text, repairs);
  return { text: out.text, repairs };
}
