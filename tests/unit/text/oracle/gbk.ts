/**
 * The GBK double-byte table (data/gbk-table.ts, generated from iconv-lite) in the three shapes the mojibake
 * repair needs: pair → character, character → pair, and trail byte → the characters that end with it (for a pair
 * whose lead byte was lost). The table is one string indexed by code; the other shapes are built on first use,
 * per trail or lead byte where they can be, since a report with a few garbled runs asks about a few bytes.
 */
import { GBK_DOUBLE_BYTE } from "../../../../lib/text/data/gbk-table";
import { charCost, isHan } from "./language";

/** Punctuation a lost lead byte may have belonged to, besides Han characters. */
const GUESSABLE_PUNCTUATION = "，。、“”：；！？（）";
const FIRST_LEAD = 0x81;
const LAST_LEAD = 0xfe;
/** Trail bytes 40–FE except 7F. */
const TRAILS_PER_LEAD = 190;

/** The index of a double-byte code in GBK_DOUBLE_BYTE, or -1 when the bytes are not a GBK pair. */
function indexOfPair(lead: number, trail: number): number {
  if (lead < FIRST_LEAD || lead > LAST_LEAD || trail < 0x40 || trail > 0xfe || trail === 0x7f) return -1;
  return (lead - FIRST_LEAD) * TRAILS_PER_LEAD + trail - 0x40 - (trail > 0x7f ? 1 : 0);
}

/** The character of a GBK double-byte code, or undefined when the pair is not assigned. */
export function decodePair(lead: number, trail: number): string | undefined {
  const index = indexOfPair(lead, trail);
  return index < 0 ? undefined : GBK_DOUBLE_BYTE[index];
}

/** By UTF-16 code, the character's double-byte code (the first, where GBK has two), or 0. */
let encodeTable: Uint16Array | undefined;
function buildEncodeTable(): Uint16Array {
  const encode = new Uint16Array(0x10000);
  for (let index = 0; index < GBK_DOUBLE_BYTE.length; index++) {
    const u = GBK_DOUBLE_BYTE.charCodeAt(index);
    if (encode[u] !== 0) continue;
    const trail = 0x40 + (index % TRAILS_PER_LEAD);
    encode[u] = ((FIRST_LEAD + Math.floor(index / TRAILS_PER_LEAD)) << 8) | (trail >= 0x7f ? trail + 1 : trail);
  }
  return encode;
}

/** The GBK double-byte code of a character, or undefined when GBK has none (ASCII is not in this table). */
export function encodeChar(char: string): number | undefined {
  return char.length === 1 ? encodeCode(char.charCodeAt(0)) : undefined;
}

/** encodeChar by UTF-16 code. */
export function encodeCode(u: number): number | undefined {
  return (encodeTable ??= buildEncodeTable())[u] || undefined;
}

/**
 * Read out of step, a character's trail byte becomes the lead byte of the next code. When that byte is AA–AF or
 * F8–FE, the code is user-defined (no character), and decoders that drop such codes lose this trail byte and the
 * next lead byte: the bytes on either side then meet and read as one character, a seam.
 */
export function isSeamTrail(trail: number): boolean {
  return (trail >= 0xaa && trail <= 0xaf) || (trail >= 0xf8 && trail <= 0xfe);
}

const seamFirstsByLead = new Map<number, string[]>();

/** Han characters with this lead byte whose trail byte can start a seam (isSeamTrail). */
export function seamFirsts(lead: number): readonly string[] {
  let firsts = seamFirstsByLead.get(lead);
  if (!firsts) {
    firsts = [];
    for (let trail = 0xaa; trail <= 0xfe; trail++) {
      const char = isSeamTrail(trail) ? decodePair(lead, trail) : undefined;
      if (char !== undefined && isHan(char)) firsts.push(char);
    }
    seamFirstsByLead.set(lead, firsts);
  }
  return firsts;
}

const charsByTrail = new Map<number, string[]>();

/** Han characters and common punctuation whose GBK code ends with `trail`, commonest first. */
export function charsWithTrail(trail: number): readonly string[] {
  let chars = charsByTrail.get(trail);
  if (!chars) {
    chars = [];
    for (let lead = FIRST_LEAD; lead <= LAST_LEAD; lead++) {
      const char = decodePair(lead, trail);
      if (char !== undefined && (isHan(char) || GUESSABLE_PUNCTUATION.includes(char))) chars.push(char);
    }
    chars.sort((a, b) => charCost(a) - charCost(b)); // stable: equal costs stay in code order
    charsByTrail.set(trail, chars);
  }
  return chars;
}
