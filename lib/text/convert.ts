/**
 * Stage 3: traditional → simplified Chinese with opencc-js, and full-width digits to ASCII, keeping the map
 * back to the raw text. OpenCC converts character for character here almost always; a line whose length
 * changes (a phrase conversion) is converted character by character instead, so the map stays exact.
 */
// The t2cn bundle holds only the dictionaries of this direction (a tenth of the full one; same output).
import * as OpenCC from "opencc-js/t2cn";
import type { MappedText } from "./mapped";

let converter: ((text: string) => string) | undefined;

function toSimplified(text: string): string {
  converter ??= OpenCC.Converter({ from: "t", to: "cn" });
  return converter(text);
}

function normalizeDigits(text: string): string {
  return text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

/**
 * Same-length conversion of `text`: whole if the conversion keeps the length. Else the characters whose conversion
 * has another length (僤 → 𫢸: 180 of the unified block become supplementary characters) are kept as they are and
 * the stretches between them converted; a stretch that still changes length (a phrase) is done character by
 * character. Linear: no character is converted alone unless its stretch needs it.
 */
export function convertSameLength(text: string): string {
  const whole = normalizeDigits(toSimplified(text));
  if (whole.length === text.length) return whole;
  const keep = lengthChangingChars();
  const parts: string[] = [];
  let start = 0;
  const flush = (end: number) => {
    const stretch = text.slice(start, end);
    const converted = normalizeDigits(toSimplified(stretch));
    parts.push(converted.length === stretch.length ? converted : [...stretch].map((c) => (toSimplified(c).length === c.length ? normalizeDigits(toSimplified(c)) : c)).join(""));
  };
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (!keep.has(cp)) continue;
    const width = cp > 0xffff ? 2 : 1;
    flush(i);
    parts.push(text.slice(i, i + width));
    start = i + width;
    i += width - 1;
  }
  flush(text.length);
  return parts.join("");
}

let lengthChanging: Set<number> | undefined;

/** Code points whose conversion alone has another length, from the keys of OpenCC's t → cn dictionaries. */
function lengthChangingChars(): Set<number> {
  if (lengthChanging) return lengthChanging;
  const { normalizationChain, conversionChain } = (OpenCC.Locale as unknown as { configs: Record<string, Record<string, (string | string[][])[][]>> }).configs.t2s;
  lengthChanging = new Set();
  for (const dict of [...normalizationChain, ...conversionChain].flat()) {
    const keys = typeof dict === "string" ? dict.split("|").map((entry) => entry.split(" ")[0]) : dict.map(([key]) => key);
    for (const key of keys) if ([...key].length === 1 && toSimplified(key).length !== key.length) lengthChanging.add(key.codePointAt(0)!);
  }
  return lengthChanging;
}

export function convertToSimplified(doc: MappedText): MappedText {
  return { ...doc, text: convertSameLength(doc.text) };
}
