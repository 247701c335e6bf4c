// The region table (data/regions.json) turned into lookups: by full name, by the forms reports write (海西州, 麻城),
// and a pinyin-based slug for names the table does not know.
import table from "./data/regions.json" with { type: "json" };
import type { RegionInfo, RegionLevel } from "./types";

type Kind = "p" | "pc" | "pf" | "cc" | "c" | "d" | "b";

export interface KnownRegion extends RegionInfo {
  short: string; // 海西, 麻城, 隰
  /** Depth in the hierarchy: 4 province, 3 prefecture, 2 county, 1 town. A sub-region has a lower tier. */
  tier: number;
}

const LEVEL: Record<Kind, RegionLevel> = { p: "province", pc: "city", pf: "prefecture", cc: "city", c: "county", d: "county", b: "county" };
const TIER: Record<Kind, number> = { p: 4, pc: 3, pf: 3, cc: 2, c: 2, d: 2, b: 2 };
const SUFFIX_PATTERN = /(特别行政区|自治区|地区|林区|新区|省|市|县|区|旗|州|盟)$/;

/** Pinyin syllables to a title-cased name with the apostrophe pinyin needs before a, o, e (Zhen'an, Xi'an). */
function romanize(syllables: string[]): string {
  const word = syllables
    .map((s, i) => (i > 0 && /^[aoeāáǎàōóǒòēéěè]/.test(s) ? "'" + s : s))
    .join("");
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function slugOf(syllables: string[]): string {
  return syllables.join("").replace(/ü/g, "v").toLowerCase();
}

function englishName(kind: Kind, name: string, roman: string): string {
  if (kind === "c") return `${roman} County`;
  if (kind === "d") return `${roman} District`;
  if (kind === "b") return `${roman} Banner`;
  if (kind === "pf") return name.endsWith("盟") ? `${roman} League` : `${roman} Prefecture`;
  return roman;
}

function shortName(name: string): string {
  return name.replace(SUFFIX_PATTERN, "");
}

function buildTable() {
  const regions: KnownRegion[] = [];
  const slugs = new Set<string>();
  const pinyinOf = new Map<string, string>();
  for (const row of table.rows) {
    const [name, pinyin, province, kind, explicitShort] = row.split("|") as [string, string, string, Kind, string?];
    const syllables = pinyin.split(" ");
    const short = explicitShort ?? shortName(name);
    [...short].forEach((ch, i) => {
      if (syllables.length === short.length && !pinyinOf.has(ch)) pinyinOf.set(ch, syllables[i]);
    });
    const roman = romanize(syllables);
    // Names that share a pinyin (苏州/宿州, 泰州/台州) keep unique slugs: later rows add their province, then their kind.
    let slug = slugOf(syllables);
    if (slugs.has(slug)) {
      const provinceRow = regions.find((r) => r.name === province);
      slug = provinceRow && provinceRow.slug !== slug ? `${slug}-${provinceRow.slug}` : `${slug}-${LEVEL[kind]}`;
      if (slugs.has(slug)) slug = `${slug}-${LEVEL[kind]}`;
    }
    slugs.add(slug);
    regions.push({ name, short, slug, nameEn: englishName(kind, name, roman), province, level: LEVEL[kind], tier: TIER[kind] });
  }
  return { regions, pinyinOf };
}

/** Short names that are also ordinary words (和平, 合作, 中山): only their suffixed forms name a place. */
const SHORT_WORDS = new Set(table.shortNamesThatAreWords);

const { regions: KNOWN_REGIONS, pinyinOf: PINYIN_OF } = buildTable();
export { KNOWN_REGIONS };

/**
 * Every way a report may write each known region, mapped to the regions it may mean: the full name, the short name
 * with a one-character suffix (海西州, 恩施州), and the bare short name when it has two or more characters (麻城).
 */
function buildAliases(): Map<string, KnownRegion[]> {
  const aliases = new Map<string, KnownRegion[]>();
  const add = (alias: string, region: KnownRegion) => {
    const list = aliases.get(alias) ?? [];
    if (!list.includes(region)) list.push(region);
    aliases.set(alias, list);
  };
  for (const region of KNOWN_REGIONS) {
    add(region.name, region);
    if (region.name.includes("自治州")) add(region.short + "州", region);
    if (region.name.endsWith("地区")) add(region.short + "地区", region);
    if (region.short.length >= 2 && !SHORT_WORDS.has(region.short)) add(region.short, region);
  }
  return aliases;
}

export const REGION_ALIASES = buildAliases();
/** Longest alias first, so that 海西州 wins over 海西 at the same position. */
export const ALIASES_BY_FIRST_CHAR = (() => {
  const index = new Map<string, string[]>();
  for (const alias of REGION_ALIASES.keys()) {
    const list = index.get(alias[0]) ?? [];
    list.push(alias);
    index.set(alias[0], list);
  }
  for (const list of index.values()) list.sort((a, b) => b.length - a.length);
  return index;
})();

export function findKnownRegion(name: string): KnownRegion | undefined {
  const exact = KNOWN_REGIONS.find((r) => r.name === name);
  if (exact) return exact;
  const candidates = REGION_ALIASES.get(name);
  return candidates && candidates.length === 1 ? candidates[0] : undefined;
}

/** Pinyin slug for any name: table pinyin per character, and a hex code for characters it has no reading for. */
function transliterate(name: string): string[] {
  return [...name].map((ch) => PINYIN_OF.get(ch) ?? (/[a-z0-9]/i.test(ch) ? ch.toLowerCase() : "x" + ch.codePointAt(0)!.toString(16)));
}

/** The one-character suffix a report uses with 全 for a region: 县, 市, 州 (自治州 too). */
export function nameSuffix(name: string): string {
  return name.endsWith("自治州") ? "州" : name[name.length - 1];
}

/** Level guessed from a name's suffix, for regions the table does not know. */
export function levelFromSuffix(name: string): { level: RegionLevel; tier: number } {
  if (/(省|自治区)$/.test(name)) return { level: "province", tier: 4 };
  if (/(州|盟|地区)$/.test(name)) return { level: "prefecture", tier: 3 };
  if (/市$/.test(name)) return { level: "city", tier: 2.5 };
  if (/(镇|乡|街道)$/.test(name)) return { level: "county", tier: 1 };
  return { level: "county", tier: 2 };
}

/** A RegionInfo for a name the table does not know: slug and English name from the per-character pinyin. */
export function unknownRegion(name: string): KnownRegion {
  const { level, tier } = levelFromSuffix(name);
  const short = shortName(name) || name;
  const syllables = transliterate(short);
  const roman = romanize(syllables);
  const suffix = /县$/.test(name) ? " County" : /区$/.test(name) ? " District" : /旗$/.test(name) ? " Banner" : /(州|地区)$/.test(name) ? " Prefecture" : "";
  return { name, short, slug: slugOf(syllables), nameEn: roman + suffix, province: "", level, tier };
}

export function toRegionInfo(region: KnownRegion): RegionInfo {
  return { name: region.name, nameEn: region.nameEn, slug: region.slug, province: region.province, level: region.level };
}
