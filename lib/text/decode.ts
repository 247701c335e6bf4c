/**
 * Stage 1: bytes → string. BOMs decide outright; otherwise valid UTF-8 wins, and failing that every
 * plausible legacy encoding (GB18030, Big5 and whatever chardet suggests) is decoded and the one that
 * reads most like Chinese — fewest replacement characters, commonest characters — is kept.
 */
import { createRequire } from "node:module";
import { TextInputError } from "./errors";
import { charCost, codeCost, isHan, isHanCode } from "./language";

export interface DecodedText {
  text: string;
  encoding: string;
}

// Loaded on first use: most reports are UTF-8, and the two packages cost a tenth of a one-report extract to load.
let legacy: { chardet: typeof import("chardet"); iconv: typeof import("iconv-lite") } | undefined;
function legacyDecoders(): { chardet: typeof import("chardet"); iconv: typeof import("iconv-lite") } {
  const load = createRequire(import.meta.url);
  return (legacy ??= { chardet: load("chardet") as typeof import("chardet"), iconv: load("iconv-lite") as typeof import("iconv-lite") });
}

/** Encodings always tried for non-UTF-8 input; chardet's guesses are added to these. */
const LEGACY_CANDIDATES = ["GB18030", "Big5"];
/** A decoding with more replacement characters than this share of its characters is hopeless. */
const MAX_REPLACEMENT_SHARE = 0.02;
/** Control characters (other than tab/newline/CR/FF/ESC) above this share mean binary data. */
const MAX_CONTROL_SHARE = 0.01;
/** Mean cost of the Han characters above this means the bytes decode only to rare characters: garbage. */
const MAX_MEAN_HAN_COST = 11.5;
const REPLACEMENT = "\uFFFD";
/** A UTF-16 reading may have at most this share of code units that are not text, and at least this share of Han. */
const MAX_UTF16_NON_TEXT_SHARE = 0.02;
const MIN_UTF16_HAN_SHARE = 0.3;

export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new TextInputError("empty input: the file has no bytes");
  const bom = decodeByBom(bytes);
  if (bom) return bom;
  const utf16 = sniffUtf16(bytes);
  if (utf16) return utf16;
  assertNotBinary(bytes);
  const utf8 = decodeUtf8Strict(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: "UTF-8" };
  return decodeLegacy(bytes);
}

function decodeByBom(bytes: Uint8Array): DecodedText | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeUtf8Lossy(bytes.subarray(3)), encoding: "UTF-8" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeUtf16(bytes.subarray(2), "utf-16le"), encoding: "UTF-16LE" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeUtf16(bytes.subarray(2), "utf-16be"), encoding: "UTF-16BE" };
  return undefined;
}

/**
 * UTF-16 without a BOM. Counting NUL bytes does not work for Chinese (一 is 4E 00: its NUL lies on the "wrong"
 * side, and a text of Han alone has no NULs at all), so both byte orders are read and judged as text: hardly any
 * code units that are not text (lone surrogates, controls, private use, Hangul …), mostly Han, and Han that reads
 * like Chinese (the mean cost test of legacy decodings). UTF-8 or GBK bytes read as UTF-16 land in Hangul and
 * private use; ASCII read as UTF-16 lands on rare Han.
 */
function sniffUtf16(bytes: Uint8Array): DecodedText | undefined {
  if (bytes.length < 4) return undefined;
  let best: { decoded: DecodedText; cost: number } | undefined;
  for (const label of ["utf-16le", "utf-16be"] as const) {
    const text = decodeUtf16(bytes, label);
    if (nonTextShare(text) > MAX_UTF16_NON_TEXT_SHARE || hanShare(text) < MIN_UTF16_HAN_SHARE) continue; // cheap tests first
    const cost = meanHanCost(text);
    if (cost > MAX_MEAN_HAN_COST) continue;
    if (!best || cost < best.cost) best = { decoded: { text, encoding: label === "utf-16le" ? "UTF-16LE" : "UTF-16BE" }, cost };
  }
  return best?.decoded;
}

/** Share of code units that do not occur in Chinese text (replacement characters count too). */
function nonTextShare(text: string): number {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    const ok =
      (u >= 0x20 && u <= 0x7e) || u === 0x09 || u === 0x0a || u === 0x0d || (u >= 0xa0 && u <= 0x24f) || (u >= 0x2000 && u <= 0x206f) ||
      (u >= 0x2100 && u <= 0x27bf) || (u >= 0x3000 && u <= 0x303f) || (u >= 0x3400 && u <= 0x4dbf) || (u >= 0x4e00 && u <= 0x9fff) ||
      (u >= 0xf900 && u <= 0xfaff) || (u >= 0xfe30 && u <= 0xfe4f) || (u >= 0xff00 && u <= 0xffef && u !== 0xfffd);
    if (!ok) bad++;
  }
  return text.length === 0 ? 1 : bad / text.length;
}

function decodeUtf16(bytes: Uint8Array, label: "utf-16le" | "utf-16be"): string {
  const even = bytes.length - (bytes.length % 2); // a truncated final byte is dropped
  return stripTrailingReplacement(new TextDecoder(label).decode(bytes.subarray(0, even)));
}

function assertNotBinary(bytes: Uint8Array): void {
  let controls = 0;
  for (const b of bytes) {
    if (b === 0) throw new TextInputError("binary input: the file contains NUL bytes, not text");
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  if (controls > bytes.length * MAX_CONTROL_SHARE) {
    throw new TextInputError(`binary input: ${controls} control bytes in ${bytes.length}, not text`);
  }
}

/** Valid UTF-8, allowing only a final character cut short (dropped); undefined when not UTF-8. */
function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  const fatal = new TextDecoder("utf-8", { fatal: true });
  for (let cut = 0; cut <= 3 && cut < bytes.length; cut++) {
    try {
      return fatal.decode(bytes.subarray(0, bytes.length - cut));
    } catch {
      if (!endsInsideSequence(bytes, bytes.length - cut)) return undefined;
    }
  }
  return undefined;
}

/** True when bytes[..end) ends with the lead (+ continuation) bytes of an unfinished UTF-8 sequence. */
function endsInsideSequence(bytes: Uint8Array, end: number): boolean {
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = bytes[end - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back;
  }
  return false;
}

function decodeUtf8Lossy(bytes: Uint8Array): string {
  return stripTrailingReplacement(new TextDecoder("utf-8").decode(bytes));
}

function stripTrailingReplacement(text: string): string {
  return text.endsWith(REPLACEMENT) ? text.slice(0, -1) : text;
}

function decodeLegacy(bytes: Uint8Array): DecodedText {
  const { chardet, iconv } = legacyDecoders();
  const names = new Set(LEGACY_CANDIDATES);
  for (const match of chardet.analyse(bytes)) if (iconv.encodingExists(match.name)) names.add(match.name);
  let best: { decoded: DecodedText; score: number; replacements: number } | undefined;
  const lossyUtf8 = decodeUtf8Lossy(bytes);
  const candidates: DecodedText[] = [{ text: lossyUtf8, encoding: "UTF-8" }];
  for (const name of names) candidates.push({ text: stripTrailingReplacement(iconv.decode(Buffer.from(bytes), name)), encoding: name });
  for (const decoded of candidates) {
    const { score, replacements } = scoreDecoding(decoded.text);
    if (!best || score < best.score) best = { decoded, score, replacements };
  }
  const chosen = best!;
  const length = Math.max(1, chosen.decoded.text.length);
  const hanCost = meanHanCost(chosen.decoded.text); // Infinity without Han: left to the "not Chinese" check
  if (chosen.replacements / length > MAX_REPLACEMENT_SHARE || (Number.isFinite(hanCost) && hanCost > MAX_MEAN_HAN_COST)) {
    throw new TextInputError(`undecodable input: no encoding (tried ${[...names].join(", ")}) yields readable Chinese text`);
  }
  return chosen.decoded;
}

/** Lower is better: mean character cost of the Han text, plus a heavy price per replacement character. */
function scoreDecoding(text: string): { score: number; replacements: number } {
  let replacements = 0;
  for (const c of text) if (c === REPLACEMENT) replacements++;
  const han = hanShare(text);
  return { score: meanHanCost(text) + (1 - han) * 4 + (replacements / Math.max(1, text.length)) * 400, replacements };
}

function meanHanCost(text: string): number {
  let cost = 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (isHanCode(u)) cost += codeCost(u);
    else if (u >= 0xd840 && u <= 0xd884 && isHan(text.slice(i, i + 2))) cost += charCost(text.slice(i, i + 2));
    else continue;
    n++;
  }
  return n === 0 ? Infinity : cost / n;
}

/** Share of the non-space characters that are Han. */
export function hanShare(text: string): number {
  let han = 0;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i); // by code: one-character strings over a whole text cost more than the test
    if (u === 0x20 || u === 0x0a || u === 0x0d || u === 0x09 || u === 0x3000 || (u >= 0xdc00 && u <= 0xdfff)) continue;
    total++;
    if (isHanCode(u) || (u >= 0xd840 && u <= 0xd884 && isHan(text.slice(i, i + 2)))) han++;
  }
  return total === 0 ? 0 : han / total;
}
