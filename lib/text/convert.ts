/**
 * Stage 3: traditional → simplified Chinese with opencc-js, and full-width digits to ASCII, keeping the map
 * back to the raw text. OpenCC converts character for character here almost always; a line whose length
 * changes (a phrase conversion) is converted character by character instead, so the map stays exact.
 */
// The t2cn bundle holds only the dictionaries of this direction (a tenth of the full one; same output).
import * as OpenCC from "opencc-js/t2cn";
import type { MappedText } from "./mapped";

/*
 * Why not only `OpenCC.Converter({ from: "t", to: "cn" })`: it splits and loads all ~5,000 dictionary entries into
 * Map tries before the first conversion, and its trie walk then runs interpreted (≈140 million instructions in a
 * cold one-report `atlas extract`, ten times what follows). A cold process instead applies the same dictionaries
 * (OpenCC's own, read from its config, in its loading order) with a regular expression per table (native: ≈1 ms on
 * a report where the interpreted trie walk takes ≈8), holding only the entries that can match what has been
 * converted so far: those whose key is made of code units seen in the input of some table. That is exact: OpenCC's
 * Trie replaces, at each position, the longest key that is a prefix of the text there; such a key has all its
 * units in the text, so it is loaded; the value of a key is the one loaded last, and all the entries of a key
 * become loadable at the same time and are then loaded in OpenCC's order. A text with new units loads the entries
 * they make matchable, found natively in the dictionary strings (a regular expression, or indexOf for a few units).
 * A table with no entry is skipped: the normalization one (compatibility ideographs) is empty for most texts.
 *
 * A process that has converted much (a server) uses OpenCC's Converter itself, as before: once warm, its trie walk
 * is faster than the regular expressions (≈2.5× on reports with all the entries loaded), and they are rebuilt
 * whenever entries are added.
 */
type Config = { normalizationChain?: readonly (readonly unknown[])[]; conversionChain: readonly (readonly unknown[])[]; segmentation?: unknown };
const t2s = (OpenCC.Locale as unknown as { configs: Record<string, Config> }).configs.t2s;

/**
 * The dictionaries of each table, in the order Converter applies its tries (normalization groups, then conversion
 * groups) and, within a table, in the order it loads them (Trie.loadDictGroup loads a group last to first).
 */
const GROUPS = [...(t2s.normalizationChain ?? []), ...t2s.conversionChain].map((group) => [...group].reverse() as string[]);
/**
 * What the regular expressions assume: no segmentation, every dictionary a "key value|…" string, no lone surrogate
 * (see regexOf). Besides, no text may hold an ideographic description character (U+2FF0–U+2FFF: at one that
 * starts no key, the trie skips the whole description, leaving its characters unconverted).
 */
const DERIVABLE =
  t2s.segmentation === undefined && GROUPS.every((group) => group.every((dict) => typeof dict === "string" && dict.includes(" ") && dict.isWellFormed()));
const DESCRIPTION = /[\u2ff0-\u2fff]/;
/**
 * When OpenCC's Converter takes over: building it and warming up its trie walk costs ≈30 ms; once warm it saves
 * ≈40 ns a unit on the regular expressions, and it needs no new regular expression when new entries are loaded
 * (≈0.1–1 µs an entry each time: a search server meets new characters in many short queries). So, as when renting
 * or buying, after REGEX_BUDGET units converted or REGEX_ENTRIES entries compiled, each about what it would cost.
 */
const REGEX_BUDGET = 1 << 18;
const REGEX_ENTRIES = 1 << 15;
/**
 * Fewer new units than this are looked up one by one in the dictionaries, more with one regular expression
 * (measured after a report: one by one is faster up to ≈100 units; the regular expression costs ≈0.7 ms at least).
 */
const FEW_UNITS = 64;

interface Table {
  /** The loaded entries, in loading order; a later entry for the same key replaced the earlier value. */
  entries: Map<string, string>;
  lookup: (key: string) => string;
  regex?: RegExp;
}
const tables: Table[] = GROUPS.map(() => {
  const entries = new Map<string, string>();
  return { entries, lookup: (key) => entries.get(key)! };
});
let convertedUnits = 0;
let regexEntries = 0;
/** The code units given to a table so far; "|" and " " count as seen: they separate entries, no key holds them. */
const seen = new Uint8Array(0x10000);
seen[0x7c] = seen[0x20] = 1;
/** The units marked in `seen`, each once, but "|" and " ". */
let seenUnits = "";
/** OpenCC's own, once the process is warm or where the regular expressions do not apply. */
let converter: ((text: string) => string) | undefined;

/** `units` as the inside of a non-unicode regex character class. */
function classOf(units: string): string {
  return units.replace(/[\\\]\[^-]/g, "\\$&");
}

/**
 * Loads into the tables every entry that the code units of `text` make matchable and that is not loaded yet: the
 * entries whose key holds only seen units and at least one unit new in `text`. All the entries of a key are loaded
 * together, in OpenCC's order (dictionaries in loading order, entries in dictionary order).
 */
function admit(text: string): void {
  let fresh = "";
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (seen[unit] === 0) {
      seen[unit] = 1;
      fresh += text[i];
    }
  }
  if (fresh === "") return;
  const old = seenUnits;
  seenUnits += fresh;
  if (fresh.length < FEW_UNITS) loadByUnit(fresh);
  else loadByRegex(old, fresh);
}

/** For many new units (the first text): one native scan of each dictionary. */
function loadByRegex(old: string, fresh: string): void {
  // Keys hold no " " or "|", so the key group spans a whole key, and it holds a fresh unit and only seen ones.
  const key = old === "" ? `[${classOf(fresh)}]+` : `[${classOf(old)}]*[${classOf(fresh)}][${classOf(old + fresh)}]*`;
  const loadable = new RegExp(`(?:^|\\|)(${key}) ([^| ]*)`, "g");
  for (let g = 0; g < GROUPS.length; g++) {
    for (const dict of GROUPS[g]) for (const entry of dict.matchAll(loadable)) load(g, entry[1], entry[2]);
  }
}

/** For a few new units (a short line): the entries whose key holds one, found with indexOf, checked unit by unit. */
function loadByUnit(fresh: string): void {
  for (let g = 0; g < GROUPS.length; g++) {
    for (const dict of GROUPS[g]) {
      const starts: number[] = [];
      for (let f = 0; f < fresh.length; f++) {
        for (let at = dict.indexOf(fresh[f]); at !== -1; at = dict.indexOf(fresh[f], at + 1)) {
          const start = dict.lastIndexOf("|", at) + 1;
          if (dict.indexOf(" ", start) > at) starts.push(start); // in the key, not the value
        }
      }
      starts.sort((a, b) => a - b); // dictionary order, as loadByRegex
      for (let i = 0; i < starts.length; i++) {
        const start = starts[i];
        if (start === starts[i - 1]) continue; // a key with two fresh units
        const space = dict.indexOf(" ", start);
        const bar = dict.indexOf("|", start);
        const end = bar === -1 ? dict.length : bar;
        if (space > end) continue; // an entry without a value (OpenCC would throw), as loadByRegex skips it
        const key = dict.slice(start, space);
        let loadable = true;
        for (let j = 0; j < key.length && loadable; j++) loadable = seen[key.charCodeAt(j)] === 1;
        const next = dict.indexOf(" ", space + 1); // Trie.loadDict splits the entry at every space
        if (loadable) load(g, key, dict.slice(space + 1, next !== -1 && next < end ? next : end));
      }
    }
  }
}

function load(g: number, key: string, value: string): void {
  tables[g].entries.set(key, value);
  tables[g].regex = undefined;
}

/**
 * The table as one regular expression: the keys longer than a code unit, longest first, then a class of the
 * one-unit keys. At each position the first alternative that matches is the longest key there, as the trie's
 * longest prefix; on no match both move one code point on (no key starts with a low surrogate, so trying one
 * inside a pair matches nothing), and after a match both go on from its end.
 */
function regexOf(entries: Map<string, string>): RegExp {
  regexEntries += entries.size;
  const longer: string[] = [];
  let single = "";
  for (const key of entries.keys()) {
    if (key.length === 1) single += key;
    else longer.push(key);
  }
  longer.sort((a, b) => b.length - a.length);
  const alternatives = longer.map((key) => key.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&"));
  if (single !== "") alternatives.push(`[${classOf(single)}]`);
  return new RegExp(alternatives.join("|"), "g");
}

/** Exactly `OpenCC.Converter({ from: "t", to: "cn" })(text)`. */
function toSimplified(text: string): string {
  if (converter === undefined && (!DERIVABLE || convertedUnits > REGEX_BUDGET || regexEntries > REGEX_ENTRIES)) converter = OpenCC.Converter({ from: "t", to: "cn" });
  if (converter !== undefined) return converter(text);
  convertedUnits += text.length;
  admit(text);
  let converted = text;
  for (let g = 0; g < GROUPS.length; g++) {
    const table = tables[g];
    if (table.entries.size === 0) continue; // an empty table changes nothing
    if (DESCRIPTION.test(converted)) return (converter = OpenCC.Converter({ from: "t", to: "cn" }))(text);
    const next = converted.replace((table.regex ??= regexOf(table.entries)), table.lookup);
    if (next === converted) continue;
    converted = next;
    if (g < GROUPS.length - 1) admit(converted); // the next tables see the units this one wrote
  }
  return converted;
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
  const parts: string[] = [];
  let start = 0;
  const flush = (end: number) => {
    const stretch = text.slice(start, end);
    const converted = normalizeDigits(toSimplified(stretch));
    parts.push(converted.length === stretch.length ? converted : [...stretch].map((c) => (toSimplified(c).length === c.length ? normalizeDigits(toSimplified(c)) : c)).join(""));
  };
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (!changesLength(cp)) continue;
    const width = cp > 0xffff ? 2 : 1;
    flush(i);
    parts.push(text.slice(i, i + width));
    start = i + width;
    i += width - 1;
  }
  flush(text.length);
  return parts.join("");
}

/**
 * Whether the conversion of the code point alone has another length: a one-character key of the dictionaries
 * whose conversion has another length (180 of them). A warm process asks the set of them, built once as before.
 * A cold one asks per code point met, and converts only the loaded keys: a code point that is no key converts to
 * itself (no other key can be a prefix of it), and as the text holding it has been admitted, it is a key exactly
 * when some table has loaded it.
 */
function changesLength(cp: number): boolean {
  if (converter !== undefined) return (lengthChanging ??= lengthChangingChars()).has(cp);
  let changes = lengthChangingMet.get(cp);
  if (changes === undefined) {
    const char = String.fromCodePoint(cp);
    changes = tables.some((table) => table.entries.has(char)) && toSimplified(char).length !== char.length;
    lengthChangingMet.set(cp, changes);
  }
  return changes;
}

const lengthChangingMet = new Map<number, boolean>();
let lengthChanging: Set<number> | undefined;

/** Code points whose conversion alone has another length, from the keys of OpenCC's t → cn dictionaries. */
function lengthChangingChars(): Set<number> {
  const { normalizationChain, conversionChain } = (OpenCC.Locale as unknown as { configs: Record<string, Record<string, (string | string[][])[][]>> }).configs.t2s;
  const chars = new Set<number>();
  for (const dict of [...normalizationChain, ...conversionChain].flat()) {
    const keys = typeof dict === "string" ? dict.split("|").map((entry) => entry.split(" ")[0]) : dict.map(([key]) => key);
    for (const key of keys) if ([...key].length === 1 && toSimplified(key).length !== key.length) chars.add(key.codePointAt(0)!);
  }
  return chars;
}

export function convertToSimplified(doc: MappedText): MappedText {
  return { ...doc, text: convertSameLength(doc.text) };
}
