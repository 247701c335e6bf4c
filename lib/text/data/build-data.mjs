#!/usr/bin/env node
/**
 * One-off generator for the language data the text stage ships (char-frequency.ts, common-words.ts,
 * word-frequencies.ts, standalone-chars.ts, pinyin-syllables.ts, char-readings.ts). It is not part of the runtime
 * and needs two packages that are NOT project dependencies, fetched once into a scratch directory:
 *
 *   mkdir -p /tmp/pk && cd /tmp/pk && npm pack jieba-js@1.0.2 pinyin-pro@3.29.4
 *   mkdir jieba pinyin && tar xzf jieba-js-1.0.2.tgz -C jieba && tar xzf pinyin-pro-3.29.4.tgz -C pinyin
 *   cd /work/main && node lib/text/data/build-data.mjs /tmp/pk/jieba/package/dict/dict.txt.big /tmp/pk/pinyin/package
 *
 * Sources: jieba's dict.txt.big (word frequencies, MIT) and pinyin-pro's character readings (MIT).
 * Traditional variants come from opencc-js (a project dependency).
 */
import fs from "node:fs";
import path from "node:path";
import * as OpenCC from "opencc-js";

const TOP_CHARS = 6000; // roughly GB2312's size: beyond this a character is "rare" for scoring
// Two-character words kept as the bigram lexicon, with their frequencies. 30,000 left out words common in the
// reports (空巢, jieba frequency 6, is about the 61,000th).
const TOP_WORDS = 70000;
const READING_CHARS = 4500; // characters whose readings are kept for gap recovery
// The commonest one-character words: trusted in a repair next to a trusted character without making a word. Few,
// since where bytes vanished the reading is a random code, which is one of these about N/6,000 of the time.
const STANDALONE_CHARS = 60;

const [dictPath, pinyinDir] = process.argv.slice(2);
if (!dictPath || !pinyinDir) {
  console.error("usage: node build-data.mjs <jieba dict.txt.big> <pinyin-pro package dir>");
  process.exit(1);
}
const outDir = path.dirname(new URL(import.meta.url).pathname);
const isHan = (c) => /\p{Script=Han}/u.test(c);
const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });

/** Simplified-only words with their jieba frequencies (traditional duplicates are dropped). */
function readWords() {
  const words = new Map();
  for (const line of fs.readFileSync(dictPath, "utf8").split("\n")) {
    const [word, freq] = line.split(" ");
    if (!word || ![...word].every(isHan) || toSimplified(word) !== word) continue;
    words.set(word, (words.get(word) ?? 0) + Number(freq));
  }
  return words;
}

function rankChars(words) {
  const freq = new Map();
  for (const [word, f] of words) for (const c of word) freq.set(c, (freq.get(c) ?? 0) + f);
  return [...freq].sort((a, b) => b[1] - a[1]).slice(0, TOP_CHARS).map(([c]) => c);
}

/** Every Han character that opencc folds onto a ranked simplified character (traditional and regional variants). */
function variantsOf(ranked) {
  const rankedSet = new Set(ranked);
  const variants = new Map(ranked.map((c) => [c, []]));
  const converters = ["t", "tw", "hk"].map((from) => OpenCC.Converter({ from, to: "cn" }));
  for (let cp = 0x3400; cp <= 0x9fff; cp++) {
    const c = String.fromCodePoint(cp);
    if (rankedSet.has(c)) continue;
    const targets = new Set(converters.map((convert) => convert(c)));
    for (const s of targets) if (s !== c && rankedSet.has(s)) { variants.get(s).push(c); break; }
  }
  return variants;
}

function topWords(words, rankedSet) {
  return [...words]
    .filter(([w]) => w.length === 2 && [...w].every((c) => rankedSet.has(c)))
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP_WORDS)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** Groups words by first character: "联防合系 …" stands for 联防 联合 联系. */
function groupByFirstChar(words) {
  const groups = new Map();
  for (const [w] of words) groups.set(w[0], (groups.get(w[0]) ?? "") + w[1]);
  return [...groups].map(([first, seconds]) => first + seconds).join(" ");
}

/** The words' frequencies in the same layout: one base-36 digit per word, round(log2(frequency)). */
function frequencyClasses(words) {
  const groups = new Map();
  const digit = (f) => Math.min(35, Math.max(0, Math.round(Math.log2(f)))).toString(36);
  for (const [w, f] of words) groups.set(w[0], (groups.get(w[0]) ?? "") + digit(f));
  return [...groups.values()].join(" ");
}

const TONED = { ā: "a", á: "a", ǎ: "a", à: "a", ē: "e", é: "e", ě: "e", è: "e", ī: "i", í: "i", ǐ: "i", ì: "i",
  ō: "o", ó: "o", ǒ: "o", ò: "o", ū: "u", ú: "u", ǔ: "u", ù: "u", ǖ: "ü", ǘ: "ü", ǚ: "ü", ǜ: "ü", ń: "n", ň: "n", ǹ: "n", ḿ: "m" };
const toneless = (s) => [...s].map((c) => TONED[c] ?? c).join("");

/** Character → toned readings for the most common characters, from pinyin-pro's single-character dictionary. */
function readReadings(ranked) {
  const keep = new Set(ranked.slice(0, READING_CHARS));
  const readings = new Map();
  const syllables = new Set();
  const source = fs.readFileSync(path.join(pinyinDir, "dist/esm/data/dict1.mjs"), "utf8");
  // dict1.mjs is `const map = { 'reading a reading b': ['字', ...], ... }`; parse it textually so we do not depend on its API.
  const re = /^\s*'?([a-zü\u00e0-\u01dc\u1e3f ]+)'?:\s*\[([^\]]*)\]/gmu;
  for (const m of source.matchAll(re)) {
    const pys = m[1].trim().split(/\s+/);
    for (const p of pys) syllables.add(toneless(p));
    for (const cm of m[2].matchAll(/'(.)'/gu)) {
      if (!keep.has(cm[1])) continue;
      const list = readings.get(cm[1]) ?? [];
      for (const p of pys) if (!list.includes(p)) list.push(p);
      readings.set(cm[1], list);
    }
  }
  return { readings, syllables };
}

function writeModule(file, doc, name, value) {
  const body = `// Generated by build-data.mjs — do not edit by hand.\n/** ${doc} */\nexport const ${name} =\n  ${JSON.stringify(value)};\n`;
  fs.writeFileSync(path.join(outDir, file), body);
  console.log(file, Buffer.byteLength(body), "bytes");
}

const words = readWords();
const ranked = rankChars(words);
const variants = variantsOf(ranked);
writeModule(
  "char-frequency.ts",
  "The most common Chinese characters, most frequent first, space separated; each entry is a simplified character followed by the traditional/variant forms that fold onto it.",
  "CHAR_FREQUENCY_RANKS",
  ranked.map((c) => c + variants.get(c).join("")).join(" "),
);
const lexicon = topWords(words, new Set(ranked));
writeModule(
  "common-words.ts",
  "Common two-character simplified words, grouped by first character (\"联防合\" = 联防 联合), space separated: a bigram plausibility lexicon.",
  "COMMON_WORDS",
  groupByFirstChar(lexicon),
);
writeModule(
  "word-frequencies.ts",
  "The frequency of each word of COMMON_WORDS, in the same layout (one character per word, groups space separated): round(log2(jieba frequency)) as a base-36 digit.",
  "WORD_FREQUENCY_CLASSES",
  frequencyClasses(lexicon),
);
writeModule(
  "standalone-chars.ts",
  "The commonest one-character words (jieba frequency order): characters that read as Chinese without forming a word with a neighbour.",
  "STANDALONE_CHARS",
  [...words].filter(([w]) => w.length === 1).sort((a, b) => b[1] - a[1]).slice(0, STANDALONE_CHARS).map(([w]) => w).join(""),
);
const { readings, syllables } = readReadings(ranked);
writeModule(
  "pinyin-syllables.ts",
  "Every legal toneless pinyin syllable (ü written as ü), space separated.",
  "PINYIN_SYLLABLES",
  [...syllables].filter((s) => /^[a-zü]+$/.test(s)).sort().join(" "),
);
writeModule(
  "char-readings.ts",
  "Toned readings of common simplified characters: `字reading,reading` entries, space separated.",
  "CHAR_READINGS",
  [...readings].map(([c, r]) => c + r.join(",")).join(" "),
);
