// Indexes over data/codebook.json. Everything the extractor knows about the domain is in that file; this module only
// shapes it for fast matching (maps keyed by first or last character, longest entry first).
import data from "./data/codebook.json" with { type: "json" };
import type { Approximation, Metric } from "./types";

export const CODEBOOK = data;

export type UnitKind = "person" | "count" | "measure" | "money";

export interface Unit {
  text: string;
  kind: UnitKind;
  scale: number; // multiplier to base units (万元 → 10000 yuan)
}

/** What a head noun is: a metric's noun, a kind of person, money, a document or measure (never a fact), or another thing. */
export type HeadClass =
  | Exclude<Metric, "volunteers" | "funds" | "other">
  | "people.mobilized"
  | "people.public"
  | "people.notMobilized"
  | "money"
  | "document"
  | "other";

function longestFirst(words: Iterable<string>): string[] {
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}

/** Index of words by their first character (for matching forwards) or last character (for matching backwards). */
function indexBy(words: Iterable<string>, key: (w: string) => string): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const word of longestFirst(words)) {
    const k = key(word);
    const list = index.get(k) ?? [];
    list.push(word);
    index.set(k, list);
  }
  return index;
}

const first = (w: string) => w[0];
const last = (w: string) => w[w.length - 1];

const UNITS: Unit[] = (() => {
  const units: Unit[] = [];
  for (const text of data.units.person) units.push({ text, kind: "person", scale: 1 });
  for (const text of data.units.count) units.push({ text, kind: "count", scale: 1 });
  for (const text of data.units.measure) units.push({ text, kind: "measure", scale: 1 });
  for (const [text, scale] of Object.entries(data.units.money)) units.push({ text, kind: "money", scale });
  return units.sort((a, b) => b.text.length - a.text.length);
})();
const UNITS_BY_FIRST_CHAR: Map<string, Unit[]> = (() => {
  const index = new Map<string, Unit[]>();
  for (const unit of UNITS) {
    const list = index.get(unit.text[0]) ?? [];
    list.push(unit);
    index.set(unit.text[0], list);
  }
  return index;
})();

export const QUALIFIERS_BEFORE = data.qualifiers.before as Record<string, Approximation>;
export const QUALIFIERS_BEFORE_BY_LAST_CHAR = indexBy(Object.keys(QUALIFIERS_BEFORE), last);
export const QUALIFIERS_INFIX = new Map(Object.entries(data.qualifiers.infix)) as Map<string, Approximation>;
export const QUALIFIERS_AFTER = data.qualifiers.after as Record<string, Approximation>;
export const QUALIFIERS_AFTER_BY_FIRST_CHAR = indexBy(Object.keys(QUALIFIERS_AFTER), first);

export const NON_FACT_UNITS_BY_FIRST_CHAR = indexBy(data.nonFact.unitsAfterFigure, first);
export const ORDINALS_BY_LAST_CHAR = indexBy(data.nonFact.ordinalBefore, last);
export const IDIOMS = data.nonFact.idioms;
export const DOCUMENT_UNITS = new Set(data.nonFact.documentUnits);

/** A family of the codebook, as its JSON has it. */
export type Family = (typeof data.families)[number];
export const FAMILIES: Family[] = data.families;
const FAMILY_BY_ID = new Map(FAMILIES.map((f) => [f.id, f]));
export function family(metric: Metric): Family {
  return FAMILY_BY_ID.get(metric)!;
}

/** Heads of the volunteers family that name people in general (群众, 人员): mobilized only in a mobilization clause. */
const PUBLIC_HEADS = new Set(family("volunteers").requiresMobilizationContext ?? []);

/**
 * Head noun → class. A word in two lists takes the later one: family nouns over people over money over other
 * things, documents last (措施 is never counted).
 */
export const HEAD_CLASS: Map<string, HeadClass> = (() => {
  const map = new Map<string, HeadClass>();
  const put = (words: string[], cls: HeadClass) => words.forEach((w) => map.set(w, cls));
  const heads = (metric: Metric) => family(metric).kinds.flatMap((k) => k.heads);
  put(data.heads.other, "other");
  put(heads("funds"), "money");
  const people = heads("volunteers");
  put(people.filter((w) => PUBLIC_HEADS.has(w)), "people.public");
  put(people.filter((w) => !PUBLIC_HEADS.has(w)), "people.mobilized");
  put(data.heads.peopleNotMobilized, "people.notMobilized");
  for (const metric of ["supplies", "grids", "checkpoints", "posts", "teams", "branches"] as const) put(heads(metric), metric);
  put(data.nonFact.documentNouns, "document");
  return map;
})();
export const HEADS_BY_FIRST_CHAR = indexBy(HEAD_CLASS.keys(), first);
export const HEADS_BY_LAST_CHAR = indexBy(HEAD_CLASS.keys(), last);
export const SUFFIX_HEADS = data.suffixHeads as Record<string, string> as Record<string, HeadClass>;

export const PREDICATES_BY_FIRST_CHAR = indexBy(data.verbs.predicate, first);
export const PREDICATES_BY_LAST_CHAR = indexBy(data.verbs.predicate, last);
export const PARTICLES = new Set(data.verbs.particles);
/** Words that introduce a figure (共计, 累计, 达): not part of the subject before them. */
export const LEAD_INS_BY_FIRST_CHAR = indexBy(data.verbs.leadIns, first);
export const LEAD_INS_BY_LAST_CHAR = indexBy(data.verbs.leadIns, last);

export const CONTEXTS = data.contexts;
export const OBJECT_MARKER_EXCLUSIONS = data.contexts.objectMarkerExclusions;

export const SCOPE = {
  suffixes: new Set(data.places.suffixes),
  suffixesByLastChar: indexBy(data.places.suffixes, last),
  boundaries: new Set(data.places.boundaries),
  boundaryWordsByFirstChar: indexBy(data.places.boundaries.filter((b) => b.length > 1), first),
  boundaryWordsByLastChar: indexBy(data.places.boundaries.filter((b) => b.length > 1), last),
  destinationMarkersByLastChar: indexBy(data.places.destinationMarkers, last),
  notPlaces: new Set(data.places.notPlaces),
  wholeRegionByFirstChar: indexBy(data.places.wholeRegion, first),
  unitSuffixesByLastChar: indexBy(data.scopes.unitSuffixes, last),
  unitPrefixExclusions: data.scopes.unitPrefixExclusions,
  notUnits: data.scopes.notUnits,
  urbanAreas: data.scopes.urbanAreas,
  perUnitMarkers: data.scopes.perUnitMarkers,
  partMarkers: data.scopes.partMarkers,
};

// Matching helpers are plain loops: they run for every character or figure, and closures there cost (tsx names each
// one it creates).

/** The longest word of `index` that starts at text[i], or undefined. */
export function matchForward(text: string, i: number, index: Map<string, string[]>): string | undefined {
  const candidates = index.get(text[i]);
  if (!candidates) return undefined;
  for (const word of candidates) if (text.startsWith(word, i)) return word;
  return undefined;
}

/** The longest word of `index` that ends right before text[end], or undefined. */
export function matchBackward(text: string, end: number, index: Map<string, string[]>): string | undefined {
  if (end <= 0) return undefined;
  const candidates = index.get(text[end - 1]);
  if (!candidates) return undefined;
  for (const word of candidates) if (end - word.length >= 0 && text.startsWith(word, end - word.length)) return word;
  return undefined;
}

export function matchUnit(text: string, i: number): Unit | undefined {
  const candidates = UNITS_BY_FIRST_CHAR.get(text[i]);
  if (!candidates) return undefined;
  for (const unit of candidates) if (text.startsWith(unit.text, i)) return unit;
  return undefined;
}

/** True if any of the words occurs in text[start, end). */
export function containsAny(text: string, words: readonly string[], start = 0, end = text.length): boolean {
  const slice = start === 0 && end === text.length ? text : text.slice(start, end);
  for (const word of words) if (slice.includes(word)) return true;
  return false;
}

export const TEMPLATE_MARKERS = data.nonFact.templateMarkers;
export const SHARED_HEAD_PLACES = new Set(data.places.sharedHeadPlaces);
export const PER_UNIT_VERBS_BY_FIRST_CHAR = indexBy(data.scopes.perUnitVerbs, first);
