/**
 * The text stage: raw report bytes → clean simplified text, with every repair recorded and a map from each
 * clean character back to the raw text. decode → invisible characters → mojibake → pinyin annotations → HTML →
 * chrome and link farms → simplified Chinese → sentences. Each step edits a MappedText, so offsets survive every change.
 */
import { findChromeEdits, findHtmlEdits, findInvisibleEdits } from "./clean";
import { decodeBytes, hanShare } from "./decode";
import { TextInputError } from "./errors";
import { applyEdits, identityMap, toCleanToRaw, type MappedText } from "./mapped";
import { findMojibakeEdits } from "./mojibake";
import { findPinyinEdits } from "./pinyin";
import { splitSentences } from "./sentences";
import type { PreparedText, RepairRecord } from "./types";
import { convertSameLength, convertToSimplified } from "./convert";

export { TextInputError } from "./errors";
export { stripPinyinAnnotations } from "./pinyin";

/** Fewer Han characters than this, or a smaller share of the text, is not a Chinese report. */
const MIN_HAN_CHARACTERS = 10;
const MIN_HAN_SHARE = 0.3;

export function prepareText(bytes: Uint8Array): PreparedText {
  const { text: decoded, encoding } = decodeBytes(bytes);
  const raw = decoded.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const repairs: RepairRecord[] = [];
  let doc: MappedText = identityMap(raw);
  doc = applyEdits(doc, findInvisibleEdits(doc.text), raw, repairs); // first: they split words, numbers and annotations
  doc = applyEdits(doc, findMojibakeEdits(doc.text), raw, repairs);
  doc = applyEdits(doc, findPinyinEdits(doc.text), raw, repairs);
  doc = applyEdits(doc, findHtmlEdits(doc.text), raw, repairs);
  const { edits, chrome } = findChromeEdits(doc);
  doc = applyEdits(doc, edits, raw, repairs);
  assertChinese(doc.text); // judged after markup and chrome are gone: a saved web page is mostly tags
  doc = convertToSimplified(doc);
  repairs.sort((a, b) => a.start - b.start || a.end - b.end);
  return {
    encoding,
    raw,
    clean: doc.text,
    cleanToRaw: toCleanToRaw(doc),
    repairs,
    chrome: chrome.map((line) => ({ ...line, text: convertSameLength(line.text) })),
    sentences: splitSentences(doc, raw),
  };
}

function assertChinese(text: string): void {
  let han = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x3400 && text.charCodeAt(i) <= 0x9fff) han++;
  if (han < MIN_HAN_CHARACTERS || hanShare(text) < MIN_HAN_SHARE) {
    throw new TextInputError("the input is not Chinese text (too few Chinese characters)");
  }
}
