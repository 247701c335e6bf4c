// The sub-region a figure belongs to: the nearest place below the report's own region named earlier in the sentence
// (尧都区…4268个微网格 → 尧都区), unless a whole-region marker (全市…) comes after it.
import { HEADS_BY_FIRST_CHAR, PARTICLES, PREDICATES_BY_FIRST_CHAR, PER_UNIT_VERBS_BY_FIRST_CHAR, PREDICATES_BY_LAST_CHAR, SCOPE, matchBackward, matchForward, matchUnit } from "./lexicon";
import type { FactScope } from "./types";
import { NUMERAL_CLASS } from "./numbers";
import { aliasesAt, levelFromSuffix, regionsByAlias, nameSuffix, unknownRegion, type KnownRegion } from "./regions";

export interface PlaceMention {
  start: number;
  end: number;
  /** The place (海西州 → 海西蒙古族藏族自治州; unknown names as written), or null for a 全市/全县 marker. */
  region: KnownRegion | null;
}

const isCjk = (ch: string | undefined) => ch !== undefined && ch >= "\u4e00" && ch <= "\u9fff";

/** True if a place name may start at i: at the start, after punctuation or after a function word (在, 其中). */
function atBoundary(text: string, i: number): boolean {
  const prev = text[i - 1];
  if (i === 0 || SCOPE.boundaries.has(prev) || (!isCjk(prev) && !/[0-9０-９A-Za-z]/.test(prev))) return true;
  return matchBackward(text, i, SCOPE.boundaryWordsByLastChar) !== undefined;
}

/**
 * A known region at i. Short names without a suffix (临汾, 汕尾) count only with `shortNames`, and only when they name
 * one region: in a sentence they are often part of other names (临汾日报社). One-character names (隰县, 古县) need a
 * boundary, or 相应县级 would read as 应县.
 */
function knownMentionAt(text: string, i: number, shortNames: boolean): PlaceMention | null {
  const aliases = aliasesAt(text, i);
  if (!aliases) return null;
  for (const alias of aliases) {
    if (!text.startsWith(alias, i)) continue;
    const regions = regionsByAlias(alias); // undefined for an ordinary word (和平): not read as a place here
    if (!regions) continue;
    const region = regions[0];
    if (alias === region.short && !(shortNames && regions.length === 1)) continue;
    if (region.short.length < 2 && !atBoundary(text, i)) continue;
    return { start: i, end: i + alias.length, region };
  }
  return null;
}

const MAX_PLACE = 4; // unknown names: up to three characters and a suffix; longer ones are in the table…
const MAX_ETHNIC_PLACE = 7; // …except ethnic townships (江口回族镇, 某某蒙古族乡)

/** True if the token is, or ends in, a common word such as 小区, 城区, 全市 (细化完善小区 is no place). */
function endsInCommonWord(token: string): boolean {
  for (let k = 0; k < token.length - 1; k++) if (SCOPE.notPlaces.has(token.slice(k))) return true;
  return false;
}

/** 三个县, 两所乡: a count of places, not a place (四亩地镇 is one: no unit after its numeral). */
function isCount(base: string): boolean {
  const unit = NUMERAL_CLASS[base.charCodeAt(0)] !== 0 ? matchUnit(base, 1) : undefined;
  return unit !== undefined && unit.kind !== "measure";
}

function isAllSuffixes(text: string): boolean {
  for (const ch of text) if (!SCOPE.suffixes.has(ch)) return false;
  return true;
}

/** An unknown place: one to four characters after a boundary, ending in 县/区/市/旗/镇/乡/街道, not a common word. */
function genericMentionAt(text: string, i: number): PlaceMention | null {
  if (!atBoundary(text, i) || SCOPE.boundaries.has(text[i]) || matchForward(text, i, SCOPE.boundaryWordsByFirstChar)) return null;
  for (let len = 2; len <= MAX_ETHNIC_PLACE && i + len <= text.length; len++) {
    if (!isCjk(text[i + len - 1])) return null;
    const suffix = matchBackward(text, i + len, SCOPE.suffixesByLastChar);
    if (!suffix || suffix.length >= len) continue;
    if (len > MAX_PLACE && text[i + len - suffix.length - 1] !== "族") continue;
    const token = text.slice(i, i + len);
    const base = token.slice(0, len - suffix.length);
    // 市县两级, 县镇村三级: a run of level suffixes enumerates levels, it names no place.
    const next = text[i + len];
    if (next !== undefined && SCOPE.suffixes.has(next)) return null;
    if (endsInCommonWord(token) || isAllSuffixes(base) || /^[全各本该每]/.test(token) || isCount(base)) return null;
    return { start: i, end: i + len, region: unknownRegion(token) };
  }
  return null;
}

/**
 * Places and whole-region markers (region null) named in a text, in order. `shortNames` also takes bare short
 * names (汕尾日报讯), as region detection wants; scopes do not.
 */
export function findPlaceMentions(text: string, shortNames = false): PlaceMention[] {
  const mentions: PlaceMention[] = [];
  let i = 0;
  while (i < text.length) {
    const whole = matchForward(text, i, SCOPE.wholeRegionByFirstChar);
    if (whole) {
      mentions.push({ start: i, end: i + whole.length, region: null });
      i += whole.length;
      continue;
    }
    const mention = isCjk(text[i]) ? (knownMentionAt(text, i, shortNames) ?? genericMentionAt(text, i)) : null;
    if (mention) {
      mentions.push(mention);
      i = mention.end;
      continue;
    }
    i++;
  }
  return mentions;
}

/**
 * True if a 全X marker means the report's whole region: 全县 in a county report, 全市 in a city report. A marker
 * below the region's level (全镇 in a county report, 全区 in a city report) means the place just named: the scope stays.
 */
function wholeRegionOf(sentence: string, m: PlaceMention, region: KnownRegion): boolean {
  const marked = sentence[m.end - 1];
  return marked === nameSuffix(region.name) || levelFromSuffix(marked).tier >= region.tier;
}

/** Below the report's region in the hierarchy, and not in another province (武汉市江汉区 in a Shanwei report). */
function isSubRegion(place: KnownRegion, region: KnownRegion): boolean {
  return place.tier < region.tier && !(place.province && region.province && place.province !== region.province);
}

function isDestination(text: string, start: number): boolean {
  return matchBackward(text, start, SCOPE.destinationMarkersByLastChar) !== undefined;
}

/**
 * The sub-region a figure at `figureStart` in `sentence` belongs to, or null when it is about the whole region.
 * `mentions` are the sentence's place mentions (findPlaceMentions), computed once per sentence.
 */
export function detectScope(sentence: string, mentions: PlaceMention[], figureStart: number, region: KnownRegion): string | null {
  let scope: string | null = null;
  for (const m of mentions) {
    if (m.end > figureStart) break;
    if (m.region === null ? wholeRegionOf(sentence, m, region) : m.region.name === region.name) scope = null; // 全市…, the region itself
    else if (m.region && isSubRegion(m.region, region) && !isDestination(sentence, m.start)) scope = m.region.name;
  }
  return scope;
}

export interface UnitMention {
  start: number;
  end: number;
  name: string; // 市医院, 仕林苑小区
}

const isDigitCode = (ch: string | undefined) => ch !== undefined && /[0-9０-９]/.test(ch);
const MAX_UNIT_NAME = 10;
const MAX_EACH_NOUN = 3;
const CLAUSE_STOP = new Set([..."，。；：！？,;:!?"]);
const GENERIC_BEFORE = new Set([..."各每全所诸"]);

/**
 * Named single units in a sentence (市医院, 仕林苑小区, 县委组织部), in order: a name ending in a unit suffix, read back
 * to punctuation, a verb or a particle. Counted (2472个小区), generic (居民小区) or distributive (各社区) names are none.
 */
export function findUnitMentions(text: string): UnitMention[] {
  const out: UnitMention[] = [];
  for (let end = 2; end <= text.length; end++) {
    const suffix = matchBackward(text, end, SCOPE.unitSuffixesByLastChar);
    if (!suffix) continue;
    let start = end - suffix.length;
    let generic = false;
    while (start > 0 && end - start < MAX_UNIT_NAME) {
      const ch = text[start - 1];
      if (GENERIC_BEFORE.has(ch)) generic = true; // 各地商会, 所有小区: many units, not one
      if (generic || ch === "的" || !isCjk(ch) || SCOPE.boundaries.has(ch) || PARTICLES.has(ch)) break;
      if (matchBackward(text, start, PREDICATES_BY_LAST_CHAR)) break;
      if (NUMERAL_CLASS[ch.charCodeAt(0)] !== 0 || (matchUnit(text, start - 1) && isDigitCode(text[start - 2]))) break;
      start--;
    }
    const name = text.slice(start, end);
    const prefix = name.slice(0, name.length - suffix.length);
    if (generic || prefix.length === 0 || isDigitCode(text[start - 1]) || (matchUnit(text, start - 1) && NUMERAL_CLASS[text.charCodeAt(start - 2)] !== 0)) continue;
    if (SCOPE.unitPrefixExclusions.some((w) => prefix.startsWith(w)) || SCOPE.notUnits.some((w) => name.endsWith(w))) continue;
    if (SCOPE.notPlaces.has(name)) continue;
    // The longest name ending here wins; a shorter unit inside it (中心 in 市产业中心) is the same mention.
    const last = out[out.length - 1];
    if (last && last.end === end) continue;
    if (last && start < last.end) out.pop();
    out.push({ start, end, name });
  }
  return out;
}

/**
 * Where a figure at `figureStart` applies: per unit when its own words (from `ownStart`) carry 每/人均 or 各+verb right
 * before it; else the nearest of a named unit, a sub-region (or the urban area 城区) before it in the sentence, with
 * 全市/全县 and the region's own name resetting to the whole region.
 */
export function factScope(sentence: string, places: PlaceMention[], units: UnitMention[], figureStart: number, ownStart: number, region: KnownRegion): FactScope {
  let clauseStart = figureStart;
  while (clauseStart > 0 && !CLAUSE_STOP.has(sentence[clauseStart - 1])) clauseStart--;
  // 每个卡口安排2名党员和1名民警: a 每 anywhere before the figure in its clause makes the whole list per unit.
  const clause = sentence.slice(clauseStart, figureStart);
  for (const marker of SCOPE.perUnitMarkers) {
    const at = clause.lastIndexOf(marker);
    if (at >= 0) return { type: "per-unit", name: perUnitName(clause.slice(at + marker.length)) };
  }
  // 各包联1个社区, 各村选派1名: 各, a short noun at most, and a distributing verb right before the figure.
  const own = sentence.slice(ownStart, figureStart);
  const each = own.lastIndexOf("各");
  if (each >= 0 && own.length - each <= 1 + MAX_EACH_NOUN + 2) {
    for (let k = each + 1; k <= each + 1 + MAX_EACH_NOUN && k < own.length; k++) {
      const verb = matchForward(own, k, PER_UNIT_VERBS_BY_FIRST_CHAR);
      if (verb && k + verb.length === own.length) return { type: "per-unit", name: k > each + 1 ? own.slice(each + 1, k) : null };
    }
  }
  let scope: FactScope = { type: "region", name: null };
  let at = -1;
  const subregion = detectScope(sentence, places, figureStart, region);
  if (subregion) {
    const mention = [...places].reverse().find((m) => m.end <= figureStart && m.region?.name === subregion);
    scope = { type: "subregion", name: subregion };
    at = mention?.start ?? 0;
  } else {
    for (const m of places) if (m.end <= figureStart) at = Math.max(at, m.start); // a reset (全市) after a unit ends the unit
  }
  // A unit named in an earlier clause covers a figure that opens its own clause (市医院…成立5个临时党支部，65名…);
  // a clause that names nouns of its own before the figure has its own actor (社会各界…企业…捐款捐物261.75万元).
  const opensClause = !hasNoun(sentence.slice(clauseStart, figureStart));
  for (const u of units) {
    if (u.end > figureStart) break;
    if (u.start >= at && (u.start >= clauseStart || opensClause)) {
      scope = { type: "unit", name: u.name };
      at = u.start;
    }
  }
  // The urban area (城区) named after the last place or reset, in the figure's clause or an earlier one of its
  // sentence, is a sub-region too (在城区设立党员先锋岗2100个).
  if (scope.type === "region") {
    for (const area of SCOPE.urbanAreas) {
      const k = sentence.lastIndexOf(area, figureStart - area.length);
      if (k >= 0 && k > at) return { type: "subregion", name: area };
    }
  }
  return scope;
}

/** True if the words name a noun before their first verb: the clause has an actor of its own. */
function hasNoun(words: string): boolean {
  for (let i = 0; i < words.length; i++) {
    if (matchForward(words, i, PREDICATES_BY_FIRST_CHAR)) return false;
    if (matchForward(words, i, HEADS_BY_FIRST_CHAR)) return true;
  }
  return false;
}

/** 每个小区 → 小区, 人均 → null: the unit a per-unit figure is for. */
function perUnitName(after: string): string | null {
  const from = /^[个名家位所]/.test(after) ? 1 : 0;
  return matchForward(after, from, HEADS_BY_FIRST_CHAR) ?? null;
}
