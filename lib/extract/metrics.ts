// What a quantity counts: its subject noun phrase (read after the figure, 68个临时党支部, or before it, 成立临时党支部
// 68个), the head noun that decides the kind of thing, and the metric given the clause around it.
import {
  CONTEXTS,
  HEAD_CLASS,
  HEADS_BY_FIRST_CHAR,
  HEADS_BY_LAST_CHAR,
  LEAD_INS_BY_FIRST_CHAR,
  LEAD_INS_BY_LAST_CHAR,
  OBJECT_MARKER_EXCLUSIONS,
  PARTICLES,
  PREDICATES_BY_FIRST_CHAR,
  PREDICATES_BY_LAST_CHAR,
  SUFFIX_HEADS,
  containsAny,
  matchBackward,
  matchForward,
  type HeadClass,
  type UnitKind,
} from "./lexicon";
import type { Quantity } from "./quantities";
import type { Metric } from "./types";

export interface Subject {
  text: string; // 临时党支部, 党员干部, 村(社区)党组织书记
  head: string; // the noun that decides its class: 党支部, 干部, 书记
  headClass: HeadClass | null;
}

/** Clause punctuation: a subject never crosses it. 、 joins list items and stays inside. */
const HARD_STOP = new Set([..."，。；：！？,;:!?\n…"]);
const MAX_PHRASE = 30;
const QUOTES = /[“”‘’「」『』]/g;
const isDigit = (ch: string) => (ch >= "0" && ch <= "9") || (ch >= "０" && ch <= "９");

/** Which head classes a unit can count: people for 名/人, things for 个/支/家, money for 元. */
function isCompatible(unitKind: UnitKind | null, cls: HeadClass): boolean {
  const isPeople = cls.startsWith("people.");
  switch (unitKind) {
    case "person":
      return isPeople;
    case "money":
      return cls === "money";
    case "measure":
      return cls === "supplies" || cls === "other";
    case "count":
      return !isPeople && cls !== "money";
    default:
      return true; // 8万居民: no unit, the noun decides
  }
}

function classOfSuffix(phrase: string): { head: string; cls: HeadClass } | null {
  const head = matchBackward(phrase, phrase.length, HEADS_BY_LAST_CHAR);
  if (head) return { head, cls: HEAD_CLASS.get(head)! };
  const last = phrase[phrase.length - 1];
  if (phrase.length >= 2 && last in SUFFIX_HEADS) return { head: last, cls: SUFFIX_HEADS[last] };
  return null;
}

/** Drops a relative clause or modifiers ending in 的 ("素质过硬的骨干" → "骨干") and quotation marks. */
function tidy(phrase: string): string {
  const text = phrase.replace(/”“/g, "、").replace(QUOTES, "");
  const de = text.lastIndexOf("的");
  return (de >= 0 && de < text.length - 1 ? text.slice(de + 1) : text).replace(/^[、和及与]+|[、和及与等]+$/g, "");
}

/** Closes a parenthesis the phrase opened (村(社区 → 村(社区)) so that subjects stay readable. */
function balance(phrase: string, text: string, end: number): string {
  const open = (phrase.match(/[(（]/g) ?? []).length;
  const close = (phrase.match(/[)）]/g) ?? []).length;
  return open > close && /[)）]/.test(text[end] ?? "") ? phrase + text[end] : phrase;
}

/** An unknown phrase after a figure is kept to about this many characters, ending at a word boundary. */
const MAX_FALLBACK = 10;
let wordSegmenter: Intl.Segmenter | undefined; // costly to build: created on first use, once

/** The last word boundary in text[from, limit] (ICU word segmentation), so that a phrase never ends mid-word. */
function wordBoundaryAtOrBefore(text: string, from: number, limit: number): number {
  wordSegmenter ??= new Intl.Segmenter("zh", { granularity: "word" });
  let best = from;
  for (const { index, segment } of wordSegmenter.segment(text.slice(from, limit + 8))) {
    const end = from + index + segment.length;
    if (end > limit) break;
    best = end;
  }
  return best > from ? best : limit;
}

/** A head noun right after a 的 between `from` and the clause's end, compatible with the unit: a relative clause's noun. */
function relativeHead(text: string, from: number, stop: number, unitKind: UnitKind | null): { end: number; head: string; cls: HeadClass } | null {
  for (let k = from; k < stop; k++) {
    if (HARD_STOP.has(text[k]) || isDigit(text[k])) return null;
    if (text[k] !== "的") continue;
    const head = matchForward(text, k + 1, HEADS_BY_FIRST_CHAR);
    if (!head) continue;
    let end = k + 1 + head.length;
    // The longest run of nouns after 的 (党员干部 over 党员).
    for (let more = matchForward(text, end, HEADS_BY_FIRST_CHAR); more; more = matchForward(text, end, HEADS_BY_FIRST_CHAR)) end += more.length;
    const last = classOfSuffix(text.slice(k + 1, end));
    if (last && isCompatible(unitKind, last.cls)) return { end, head: last.head, cls: last.cls };
    return null;
  }
  return null;
}

/**
 * The subject written after the figure (68个临时党支部): the last head noun compatible with the unit before the
 * predicate starts, and the plain phrase up to the predicate as a fallback. `limit` is where the next figure starts.
 * The fallback is a function: most figures never need it, and cutting it at a word boundary starts ICU's word
 * segmenter, which costs a tenth of a one-report process on its first use.
 */
function subjectAfter(text: string, q: Quantity, limit: number): { subject: Subject | null; fallback: () => string } {
  const from = q.end;
  const stop = Math.min(limit, text.length, from + MAX_PHRASE);
  if (from >= stop) return { subject: null, fallback: () => "" };
  // 、/和 or a particle right after the figure closes a list item or starts a predicate; then only a relative clause
  // can lead to the counted noun (76名在疫情防控中表现突出的党员), and only a head right after 的 is taken.
  const startsWithNoun = matchForward(text, from, HEADS_BY_FIRST_CHAR) !== undefined;
  const afterListItem = !startsWithNoun && /[、和及与]/.test(text[from]);
  const relativeOnly = afterListItem || (!startsWithNoun && PARTICLES.has(text[from]));
  let sawPredicate = false;
  let best: { end: number; head: string; cls: HeadClass } | null = null;
  let unknownChars = 0; // characters not covered by a known noun so far
  let i = from;
  while (i < stop) {
    const ch = text[i];
    if (HARD_STOP.has(ch) || isDigit(ch)) break;
    const head = matchForward(text, i, HEADS_BY_FIRST_CHAR);
    if (head) {
      const cls = HEAD_CLASS.get(head)!;
      // After a particle (3200多名在外务工党员), a noun before any verb still heads the phrase.
      const reachable = !relativeOnly || text[i - 1] === "的" || (!afterListItem && !sawPredicate);
      const fits = isCompatible(q.unitKind, cls) && reachable;
      if (fits) best = { end: i + head.length, head, cls };
      i += head.length;
      // A particle right after a fitting noun starts the predicate (党员干部到6个社区).
      if (fits && i < stop && PARTICLES.has(text[i])) break;
      continue;
    }
    if (relativeOnly && !best) {
      const predicate = matchForward(text, i, PREDICATES_BY_FIRST_CHAR);
      sawPredicate ||= predicate !== undefined;
      i += predicate?.length ?? 1;
      continue;
    }
    const predicate = matchForward(text, i, PREDICATES_BY_FIRST_CHAR);
    if (predicate) {
      // Between known nouns only, a verb directly followed by a fitting noun modifies it (机关单位下沉党员干部,
      // 物业服务企业); after other words it starts the predicate (三个县成立临时党支部).
      const next = matchForward(text, i + predicate.length, HEADS_BY_FIRST_CHAR);
      if (!best) {
        // 20名履职不力、不担当不作为等的党员干部: a relative clause ending in 的 before the counted noun.
        const relative = relativeHead(text, i, stop, q.unitKind);
        if (relative) {
          best = relative;
          break;
        }
      }
      if (best || unknownChars > 0 || !next || !isCompatible(q.unitKind, HEAD_CLASS.get(next)!)) break;
      i += predicate.length;
      continue;
    }
    unknownChars++;
    i++;
  }
  const end = i;
  const fallback = () => {
    if (relativeOnly) return "";
    const cut = end - from > MAX_FALLBACK ? wordBoundaryAtOrBefore(text, from, from + MAX_FALLBACK) : end;
    return tidy(balance(text.slice(from, cut), text, cut));
  };
  if (!best) return { subject: null, fallback };
  return { subject: { text: tidy(balance(text.slice(from, best.end), text, best.end)), head: best.head, headClass: best.cls }, fallback };
}

/**
 * The subject written before the figure (成立临时党支部68个): the noun phrase ending at the figure, back to the
 * predicate before it. `limit` is where the previous figure ends. Without a known head noun the phrase is still
 * returned (烤烟面积3.5万亩), with no class.
 */
function subjectBefore(text: string, q: Quantity, limit: number): Subject {
  let start = q.start;
  while (start > limit && q.start - start < MAX_PHRASE) {
    const ch = text[start - 1];
    if (HARD_STOP.has(ch) || ch === "、" || isDigit(ch)) break;
    start--;
  }
  const phrase = text.slice(start, q.start).replace(/”“/g, "、").replace(QUOTES, "");
  if (phrase.endsWith("的")) {
    // 担任专项工作组组长的1500余名: a relative clause describes the counted people, who have no head noun.
    return { text: phrase.slice(0, -1), head: "", headClass: null };
  }
  const parenthetical = phrase.match(/[(（][^()（）]*[)）]$/);
  let core = parenthetical ? phrase.slice(0, phrase.length - parenthetical[0].length) : phrase;
  // 捐款达46.8万元, 捐款共计96.3万元: words that introduce the figure are not part of its subject.
  let leadIn: string | undefined;
  while ((leadIn = matchBackward(core, core.length, LEAD_INS_BY_LAST_CHAR))) core = core.slice(0, -leadIn.length);
  const found = classOfSuffix(core);
  if (found && isCompatible(q.unitKind, found.cls)) {
    const nounPhrase = core + (parenthetical?.[0] ?? "");
    return { text: tidy(trimToPredicate(nounPhrase, core.length - found.head.length)), head: found.head, headClass: found.cls };
  }
  // 捐资捐物21.429万元: a figure right after its verb has the verb for a subject.
  const verb = matchBackward(core, core.length, PREDICATES_BY_LAST_CHAR);
  if (verb) return { text: verb, head: "", headClass: null };
  return { text: found ? "" : tidy(trimToPredicate(core, core.length, false)), head: "", headClass: null };
}

/**
 * Cuts a phrase at the last predicate before `headStart`, skipping over nouns (在职党员 is a noun). A one-character
 * particle (等, 在) only ends the phrase right before a noun, since the same characters occur inside words (食用菌).
 */
function trimToPredicate(phrase: string, headStart: number, headFound = true): string {
  let j = headStart;
  let beforeNoun = headFound;
  while (j > 0) {
    const noun = matchBackward(phrase, j, HEADS_BY_LAST_CHAR);
    if (noun) {
      j -= noun.length;
      beforeNoun = true;
      continue;
    }
    if (matchBackward(phrase, j, PREDICATES_BY_LAST_CHAR) || (beforeNoun && PARTICLES.has(phrase[j - 1]))) break;
    beforeNoun = false;
    j--;
  }
  return phrase.slice(j);
}

/**
 * The subject of a quantity. Chinese puts the noun after the classifier (5000多名党员干部), so a noun phrase right
 * after the figure wins; a figure that ends its clause or list item (临时党支部68个，) takes the phrase before it.
 * `previousEnd` and `nextStart` bound the search at the neighbouring figures; `previous` is the subject of the
 * figure before.
 */
export function findSubject(text: string, q: Quantity, previousEnd = 0, nextStart = text.length, previous?: Subject): Subject {
  const after = subjectAfter(text, q, nextStart);
  if (after.subject) return after.subject;
  // 组建党员突击队12支120人, 医疗队3支共45人: people counted right after a team or branch are its members.
  const adjacent = previousEnd === q.start || matchForward(text.slice(previousEnd, q.start), 0, LEAD_INS_BY_FIRST_CHAR) === text.slice(previousEnd, q.start);
  if (previous && adjacent && q.unitKind === "person" && (previous.headClass === "teams" || previous.headClass === "branches")) {
    return { text: previous.text, head: previous.head, headClass: "people.mobilized" };
  }
  const before = subjectBefore(text, q, previousEnd);
  if (before.headClass) return before;
  const fallback = q.unitKind !== "money" ? after.fallback() : "";
  if (fallback) {
    const found = classOfSuffix(fallback);
    if (found && isCompatible(q.unitKind, found.cls)) return { text: fallback, head: found.head, headClass: found.cls };
    return { text: fallback, head: "", headClass: null };
  }
  return before;
}

/** The clause (between commas or stops) around a position: where the verbs governing a figure are. */
export function clauseAround(text: string, start: number, end: number): { text: string; offset: number } {
  let a = start;
  while (a > 0 && !HARD_STOP.has(text[a - 1])) a--;
  let b = end;
  while (b < text.length && !HARD_STOP.has(text[b])) b++;
  return { text: text.slice(a, b), offset: a };
}

/** True if the word containing `marker` at `at` is one of the exclusions (作为, 针对): then 为/对 is no preposition. */
function isPartOfExcludedWord(clause: string, marker: string, at: number): boolean {
  for (const word of OBJECT_MARKER_EXCLUSIONS) {
    const k = word.indexOf(marker);
    if (k >= 0 && clause.startsWith(word, at - k)) return true;
  }
  return false;
}

function hasObjectMarkerBefore(clause: string, before: number): boolean {
  const head = clause.slice(0, before);
  for (const marker of CONTEXTS.objectMarkers) {
    for (let at = head.indexOf(marker); at >= 0; at = head.indexOf(marker, at + 1)) {
      if (!isPartOfExcludedWord(clause, marker, at)) return true;
    }
  }
  return false;
}

/**
 * True if one of the words governs the figure: it comes before the figure in its clause (培训…志愿者9537人, 处理20名),
 * or after it when the figure is a fronted object (对…4名一线党员…予以通报表扬, 为452名…书记送上慰问) or the subject
 * of a passive (12名干部因履职不力被问责, 54名党员受到表彰).
 */
function governs(words: readonly string[], clause: string, figureStart: number, figureEnd: number): boolean {
  if (containsAny(clause, words, 0, figureStart)) return true;
  if (!containsAny(clause, words, figureEnd)) return false;
  return hasObjectMarkerBefore(clause, figureStart) || containsAny(clause, CONTEXTS.passiveMarkers, figureEnd);
}

// Joining the party (火线入党) marks the counted people wherever it stands in the clause; the others govern a figure.
const NOT_MOBILIZED_PEOPLE = [
  ...CONTEXTS.membership,
  ...CONTEXTS.praise,
  ...CONTEXTS.punishment,
  ...CONTEXTS.training,
  ...CONTEXTS.care,
  ...CONTEXTS.screening,
  ...CONTEXTS.employment,
];
const NOT_A_RECORD_OF_WORK = [...CONTEXTS.praise, ...CONTEXTS.punishment];
const METRIC_OF_CLASS: Partial<Record<HeadClass, Metric>> = {
  branches: "branches",
  teams: "teams",
  checkpoints: "checkpoints",
  posts: "posts",
  grids: "grids",
  supplies: "supplies",
};

/**
 * The metric of a quantity, or null when it counts rules or measures (not a fact). `clause` is the clause around
 * the figure, figureStart/End the figure's offsets in it.
 */
export function classifyMetric(q: Quantity, subject: Subject, clause: string, figureStart: number, figureEnd: number): Metric | null {
  if (subject.headClass === "document") return null;
  if (q.documentUnit && (!subject.text || q.numeral.chinese)) return null; // 二十条, 新十条: rules named by their count
  if (q.unitKind === "money") return containsAny(clause, CONTEXTS.economic) ? "other" : "funds";

  const cls = subject.headClass;
  const countsPeople = q.unitKind === "person" || (cls !== null && cls.startsWith("people."));
  if (countsPeople) {
    if (cls !== null && !cls.startsWith("people.")) return "other";
    if (cls === "people.notMobilized") return "other";
    if (governs(NOT_MOBILIZED_PEOPLE, clause, figureStart, figureEnd) || containsAny(clause, CONTEXTS.joining)) return "other";
    if (cls === "people.mobilized") return "volunteers";
    return containsAny(clause, CONTEXTS.mobilization) ? "volunteers" : "other";
  }
  if (governs(NOT_A_RECORD_OF_WORK, clause, figureStart, figureEnd)) return "other";
  return (cls && METRIC_OF_CLASS[cls]) ?? "other";
}
