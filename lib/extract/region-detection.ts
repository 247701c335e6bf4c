// The region a report is about: the most specific region it names, weighed by where it names it (headline,
// dateline, body, outlet, page chrome) and by the 全县/我县 markers that agree with the region's level. Only names in
// the gazetteer count (我县, 落实市 never do); a name several regions share (朝阳区, bare 长安) counts only when the
// text also names the province or parent of exactly one of them. When the evidence is weak or split the decision
// says so and lists the candidates with their evidence: nothing is filed under a guess.
import type { ChromeLine, PreparedText } from "../text/types";
import {
  aliasesAt, ancestorsOf, findKnownRegion, isWithin, levelFromSuffix, nameSuffix, regionByCode, regionsByAlias, regionsNamed, SHORT_WORDS,
  toRegionInfo, townshipParentsWithin, townshipsOf, unknownRegion, unnamedRegion, type KnownRegion,
} from "./regions";
import type { RegionCandidate } from "./types";

export interface RegionDecision {
  /** The region when decided; otherwise the likeliest candidate (scopes and titles still need one). */
  region: KnownRegion;
  decided: boolean;
  /** Ranked, best first, each with its evidence; set whether decided or not. */
  candidates: RegionCandidate[];
}

type ZoneLabel = "headline" | "dateline" | "body" | "outlet" | "page";
interface Zone {
  label: ZoneLabel;
  text: string;
}

/** How much one mention counts, by where it stands. Page chrome (a portal's name, a footer) never decides alone. */
const ZONE_WEIGHT: Record<ZoneLabel, number> = { headline: 3, dateline: 2, body: 1, outlet: 1, page: 0.25 };
/** Reports name their province in passing: a province mention counts half. */
const PROVINCE_FACTOR = 0.5;
/** Each 全县/我县/本县 supports the named county-level region of that suffix, up to a limit. */
const MARKER_BONUS = 0.5;
const MAX_MARKERS = 6;
/** The least score that decides, and how far the best must lead an unrelated competitor. */
const MIN_SCORE = 2;
const LEAD_RATIO = 1.5;
const MAX_CANDIDATES = 5;
const MAX_TOWNSHIP_PARENTS = 40;

const DATELINE_CHARS = 80;
const SENTENCE_END = /[。！？；…]$/;
const MARKER = /[全我本该](县|区|市|州|旗|盟|镇|乡)(?![长委政级域县])/g;
const isCjk = (ch: string | undefined) => ch !== undefined && ch >= "\u4e00" && ch <= "\u9fff";
/** Characters after which a one-character name (隰县, 古县) may start: not inside a word (相应县级 is no 应县). */
const NAME_BOUNDARY = new Set([..."省市州盟区县在于和与及、从到赴至对向据是由为的"]);

// ---- zones -------------------------------------------------------------------------------------------------------

function chromeZone(line: ChromeLine): Zone | null {
  if (line.kind === "link-farm" || line.kind === "social" || line.kind === "counter") return null;
  const label: ZoneLabel = line.kind === "title" || line.kind === "headline" ? "headline" : line.kind === "other" ? "page" : "outlet";
  return { label, text: line.text };
}

function looksLikeHeadline(line: string): boolean {
  return line.length >= 4 && line.length <= 60 && !SENTENCE_END.test(line) && /[\u4e00-\u9fa5]{4}/.test(line) && !/^\s*(?:19|20)\d{2}/.test(line);
}

/** The clean text as headline (its first line when it reads as one), dateline (the next line's start) and body. */
function textZones(clean: string): Zone[] {
  const zones: Zone[] = [];
  let rest = clean;
  const firstBreak = rest.search(/\n/);
  const firstLine = (firstBreak < 0 ? rest : rest.slice(0, firstBreak)).trim();
  if (firstBreak > 0 && looksLikeHeadline(firstLine)) {
    zones.push({ label: "headline", text: firstLine });
    rest = rest.slice(firstBreak + 1);
  }
  const start = rest.search(/\S/);
  if (start >= 0) {
    zones.push({ label: "dateline", text: rest.slice(start, start + DATELINE_CHARS) });
    zones.push({ label: "body", text: rest.slice(start + DATELINE_CHARS) });
  }
  return zones;
}

// ---- mentions ----------------------------------------------------------------------------------------------------

/** The longest alias (ordinary-word short names included) that starts at i. */
function longestAliasAt(text: string, i: number): string | undefined {
  const candidates = aliasesAt(text, i);
  if (candidates) for (const alias of candidates) if (text.startsWith(alias, i)) return alias;
  return undefined;
}

interface Mention {
  zone: ZoneLabel;
  alias: string;
  regions: KnownRegion[];
  /** Needs its province or parent named elsewhere: shared by several regions, or an ordinary word. */
  contextual: boolean;
}

/** Gazetteer names in a text, longest first at each position, in one pass. */
function findMentions(zone: Zone, out: Mention[]): void {
  const { text } = zone;
  for (let i = 0; i < text.length; ) {
    const found = longestAliasAt(text, i);
    if (!found) {
      i++;
      continue;
    }
    const regions = regionsByAlias(found, true)!;
    const oneCharacter = regions.every((r) => r.short.length < 2);
    if (oneCharacter && i > 0 && isCjk(text[i - 1]) && !NAME_BOUNDARY.has(text[i - 1])) {
      i++;
      continue;
    }
    // A bare county-level short name (威信, 资源) is often an ordinary word: like a shared name, it needs support.
    const bare = found === regions[0].short && found !== regions[0].name;
    const contextual = regions.length > 1 || (bare && (SHORT_WORDS.has(found) || regions[0].tier < 3));
    out.push({ zone: zone.label, alias: found, regions, contextual });
    i += found.length;
  }
}

/** Townships of the likeliest counties, by their full names (城关镇 is everywhere: only within a named county). */
function findTownshipMentions(zones: Zone[], parents: KnownRegion[], out: Mention[]): void {
  const parentCodes = [...new Set(parents.flatMap((p) => townshipParentsWithin(p)))].slice(0, MAX_TOWNSHIP_PARENTS);
  const byFirstChar = new Map<string, KnownRegion[]>();
  for (const code of parentCodes) {
    for (const township of townshipsOf(code)) {
      const list = byFirstChar.get(township.name[0]);
      if (list) list.push(township);
      else byFirstChar.set(township.name[0], [township]);
    }
  }
  if (byFirstChar.size === 0) return;
  for (const zone of zones) {
    const { text } = zone;
    for (let i = 0; i < text.length; i++) {
      const list = byFirstChar.get(text[i]);
      const township = list?.find((t) => text.startsWith(t.name, i));
      if (!township) continue;
      out.push({ zone: zone.label, alias: township.name, regions: [township], contextual: false });
      i += township.name.length - 1;
    }
  }
}

// ---- scoring -----------------------------------------------------------------------------------------------------

interface Tally {
  region: KnownRegion;
  score: number;
  evidence: Map<string, number>; // "headline: 镇安县" → count
}

function related(a: KnownRegion, b: KnownRegion): boolean {
  return isWithin(a, b) || isWithin(b, a);
}

/**
 * The reading of a shared name that the rest of the text supports: among the regions it may mean, those related to
 * a region named unambiguously; one of them, or one that contains all the others (朝阳 with 辽宁 named → 朝阳市).
 */
function resolve(mention: Mention, named: KnownRegion[]): KnownRegion | null {
  if (!mention.contextual) return mention.regions[0];
  const supported = mention.regions.filter((c) => named.some((n) => related(c, n)));
  if (supported.length === 0) return null;
  const top = supported.find((c) => supported.every((other) => isWithin(other, c)));
  return top ?? null;
}

function markerCounts(zones: Zone[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const zone of zones) {
    if (zone.label === "page") continue;
    for (const m of zone.text.matchAll(MARKER)) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  }
  return counts;
}

function tally(mentions: Mention[], tallies: Map<string, Tally>, named: KnownRegion[]): Mention[] {
  const unresolved: Mention[] = [];
  for (const mention of mentions) {
    const region = resolve(mention, named);
    if (!region) {
      unresolved.push(mention);
      continue;
    }
    const key = region.code ?? region.name;
    const entry = tallies.get(key) ?? { region, score: 0, evidence: new Map() };
    entry.score += ZONE_WEIGHT[mention.zone] * (region.level === "province" ? PROVINCE_FACTOR : 1);
    const label = `${mention.zone}: ${mention.alias}`;
    entry.evidence.set(label, (entry.evidence.get(label) ?? 0) + 1);
    tallies.set(key, entry);
  }
  return unresolved;
}

function describe(evidence: Map<string, number>): string[] {
  return [...evidence].map(([label, count]) => (count > 1 ? label.replace(":", ` ×${count}:`) : label));
}

export function decideRegion(prepared: PreparedText): RegionDecision {
  const zones = [...prepared.chrome.map(chromeZone).filter((z): z is Zone => z !== null), ...textZones(prepared.clean)];
  const mentions: Mention[] = [];
  for (const zone of zones) findMentions(zone, mentions);
  const named = [...new Set(mentions.filter((m) => !m.contextual).map((m) => m.regions[0]))];

  const tallies = new Map<string, Tally>();
  const unresolved = tally(mentions, tallies, named);
  // Townships only under the regions already named, so that a common township name cannot pull a report elsewhere.
  const parents = [...tallies.values()].filter((t) => t.region.tier >= 2 && t.region.tier <= 3).sort((a, b) => b.score - a.score).slice(0, MAX_CANDIDATES);
  const townshipMentions: Mention[] = [];
  findTownshipMentions(zones, parents.map((t) => t.region), townshipMentions);
  tally(townshipMentions, tallies, named);

  // 全县/我县 speak of the report's own county: the named region of that suffix with the most evidence (all of them
  // when tied) gets the support.
  const markers = markerCounts(zones);
  const leaders = new Map<string, number>();
  for (const entry of tallies.values()) {
    const suffix = nameSuffix(entry.region.name);
    if (entry.region.level !== "province") leaders.set(suffix, Math.max(leaders.get(suffix) ?? 0, entry.score));
  }
  for (const entry of tallies.values()) {
    const suffix = nameSuffix(entry.region.name);
    const count = Math.min(markers.get(suffix) ?? 0, MAX_MARKERS);
    if (count > 0 && entry.region.level !== "province" && entry.score === leaders.get(suffix)) {
      entry.score += MARKER_BONUS * count;
      entry.evidence.set(`markers: 全${suffix}/我${suffix}`, count);
    }
  }

  const ranked = [...tallies.values()].sort((a, b) => b.score - a.score || b.region.tier - a.region.tier);
  const candidates: RegionCandidate[] = ranked.slice(0, MAX_CANDIDATES).map((t) => ({ region: toRegionInfo(t.region), score: t.score, evidence: describe(t.evidence) }));
  for (const mention of unresolved) {
    for (const region of mention.regions) {
      if (candidates.length >= MAX_CANDIDATES || candidates.some((c) => c.region.code === region.code)) continue;
      candidates.push({ region: toRegionInfo(region), score: 0, evidence: [`${mention.zone}: ${mention.alias} (${mention.regions.length > 1 ? `one of ${mention.regions.length} regions of that name` : "an ordinary word too"}; no province or parent named)`] });
    }
  }

  const best = ranked[0];
  if (!best) {
    const [suffix] = [...markers].sort((a, b) => b[1] - a[1])[0] ?? ["县"];
    return { region: unnamedRegion(levelFromSuffix(suffix).level), decided: false, candidates };
  }
  const competitor = ranked.find((t) => t !== best && !related(t.region, best.region));
  const decided = best.score >= MIN_SCORE && (!competitor || best.score >= LEAD_RATIO * competitor.score);
  return { region: best.region, decided, candidates };
}

/** The region a report is about when it decides; for callers that want one region whatever the evidence. */
export function detectRegion(prepared: PreparedText): KnownRegion {
  return decideRegion(prepared).region;
}

/**
 * The region named by --region: a gazetteer name, form, slug or code. A name several regions share must be given
 * by code or slug (RegionNameError lists them); a name the gazetteer does not know is used as given.
 */
export function regionFromName(given: string): KnownRegion {
  const name = given.trim();
  const known = findKnownRegion(name) ?? (/^\d{6}(\d{3})?$/.test(name) ? regionByCode(name) : undefined);
  if (known) return known;
  const shared = regionsNamed(name);
  if (shared.length > 1) {
    throw new RegionNameError(
      `${name} names ${shared.length} regions: ${shared.map((r) => `${[...ancestorsOf(r).map((a) => a.name), r.name].join(" › ")} (${r.slug})`).join(", ")}; give one by its slug`,
    );
  }
  return unknownRegion(name);
}

export class RegionNameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RegionNameError";
  }
}
