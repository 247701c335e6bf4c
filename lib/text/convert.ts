/**
 * Stage 3: traditional → simplified Chinese with opencc-js, and full-width digits to ASCII, keeping the map
 * back to the raw text. OpenCC converts character for character here almost always; a line whose length
 * changes (a phrase conversion) is converted character by character instead, so the map stays exact.
 */
import * as OpenCC from "opencc-js";
import type { MappedText } from "./mapped";

let converter: ((text: string) => string) | undefined;

function toSimplified(text: string): string {
  converter ??= OpenCC.Converter({ from: "t", to: "cn" });
  return converter(text);
}

function normalizeDigits(text: string): string {
  return text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

/** Same-length conversion of `text`: whole if OpenCC keeps the length, else line by line, else char by char. */
export function convertSameLength(text: string): string {
  const whole = normalizeDigits(toSimplified(text));
  if (whole.length === text.length) return whole;
  return text
    .split("\n")
    .map((line) => {
      const converted = normalizeDigits(toSimplified(line));
      if (converted.length === line.length) return converted;
      return [...line].map((c) => (toSimplified(c).length === c.length ? toSimplified(c) : c)).join("");
    })
    .join("\n");
}

export function convertToSimplified(doc: MappedText): MappedText {
  return { ...doc, text: convertSameLength(doc.text) };
}
