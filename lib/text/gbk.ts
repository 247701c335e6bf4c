/**
 * The GBK double-byte table, decoded once from iconv-lite (one call per lead byte, not per character), in the
 * three shapes the mojibake repair needs: pair → character, character → pair, and trail byte → the characters
 * that end with it (for a pair whose lead byte was lost).
 */
import iconv from "iconv-lite";
import { charCost, isHan } from "./language";

/** Punctuation a lost lead byte may have belonged to, besides Han characters. */
const GUESSABLE_PUNCTUATION = "，。、“”：；！？（）";

interface GbkTable {
  /** By double-byte code (lead · 256 + trail), its character, or undefined. */
  decode: (string | undefined)[];
  /** By UTF-16 code, the character's double-byte code, or 0. */
  encode: Uint16Array;
  /** By lead byte, the characters whose trail byte begins a user-defined code when read as a lead (SEAM_LEADS). */
  seamFirsts: Map<number, string[]>;
  /** By trail byte, every Han character or common punctuation mark with that trail, commonest first. */
  byTrail: Map<number, string[]>;
}

let table: GbkTable | undefined;

function build(): GbkTable {
  const decode: (string | undefined)[] = new Array(0x10000).fill(undefined);
  const encode = new Uint16Array(0x10000);
  const trails: number[] = [];
  for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) trails.push(trail);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    const decoded = [...iconv.decode(Buffer.from(trails.flatMap((trail) => [lead, trail])), "gbk")];
    if (decoded.length !== trails.length) continue; // unassigned codes do not decode one to one: skip the row
    trails.forEach((trail, k) => {
      const char = decoded[k];
      if (char === "\uFFFD") return;
      const code = (lead << 8) | trail;
      decode[code] = char;
      if (char.length === 1 && encode[char.charCodeAt(0)] === 0) encode[char.charCodeAt(0)] = code;
    });
  }
  const byTrail = new Map<number, string[]>();
  for (const [code, char] of decode.entries()) {
    if (char === undefined || (!isHan(char) && !GUESSABLE_PUNCTUATION.includes(char))) continue;
    const list = byTrail.get(code & 0xff) ?? [];
    list.push(char);
    byTrail.set(code & 0xff, list);
  }
  for (const list of byTrail.values()) list.sort((a, b) => charCost(a) - charCost(b));
  const seamFirsts = new Map<number, string[]>();
  for (const [code, char] of decode.entries()) {
    if (char === undefined || !isHan(char) || !isSeamTrail(code & 0xff)) continue;
    const firsts = seamFirsts.get(code >> 8);
    if (firsts) firsts.push(char);
    else seamFirsts.set(code >> 8, [char]);
  }
  return { decode, encode, byTrail, seamFirsts };
}

function gbk(): GbkTable {
  return (table ??= build());
}

/** The character of a GBK double-byte code, or undefined when the pair is not assigned. */
export function decodePair(lead: number, trail: number): string | undefined {
  return gbk().decode[(lead << 8) | trail];
}

/** The GBK double-byte code of a character, or undefined when GBK has none (ASCII is not in this table). */
export function encodeChar(char: string): number | undefined {
  return char.length === 1 ? encodeCode(char.charCodeAt(0)) : undefined;
}

/** encodeChar by UTF-16 code. */
export function encodeCode(u: number): number | undefined {
  return gbk().encode[u] || undefined;
}

/**
 * Read out of step, a character's trail byte becomes the lead byte of the next code. When that byte is AA–AF or
 * F8–FE, the code is user-defined (no character), and decoders that drop such codes lose this trail byte and the
 * next lead byte: the bytes on either side then meet and read as one character, a seam.
 */
export function isSeamTrail(trail: number): boolean {
  return (trail >= 0xaa && trail <= 0xaf) || (trail >= 0xf8 && trail <= 0xfe);
}

/** Han characters with this lead byte whose trail byte can start a seam (isSeamTrail). */
export function seamFirsts(lead: number): readonly string[] {
  return gbk().seamFirsts.get(lead) ?? [];
}

/** Han characters and common punctuation whose GBK code ends with `trail`, commonest first. */
export function charsWithTrail(trail: number): readonly string[] {
  return gbk().byTrail.get(trail) ?? [];
}
