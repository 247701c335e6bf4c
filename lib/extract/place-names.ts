// How a Chinese administrative name is written in short, romanised and turned into a slug. Shared by the gazetteer
// build (scripts/build-gazetteer.ts) and by extraction, which names townships only when a report mentions one.
import { createRequire } from "node:module";
import type { RegionLevel } from "./types";

/** Ethnic groups as autonomous names carry them (海西蒙古族藏族自治州, 伊犁哈萨克自治州, 鄂伦春自治旗). */
const ETHNIC_GROUPS = [
  "蒙古", "藏", "回", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎",
  "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉",
  "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔",
  "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺", "各",
];
// Single-character groups only with 族 (大理白族自治州), longer ones also without it (博尔塔拉蒙古自治州).
const ETHNIC_TAIL = new RegExp(`(?:${ETHNIC_GROUPS.map((g) => (g.length === 1 ? `${g}族` : `${g}族?`)).join("|")})$`);
const LEVEL_SUFFIX = /(特别行政区|自治区|自治州|自治县|自治旗|行政区|地区|林区|特区|新区|矿区|街道|苏木|省|市|县|区|旗|州|盟|镇|乡)$/;

/** The name without its level suffix and ethnic groups: 海西 (海西蒙古族藏族自治州), 麻城, 广西, 隰 (隰县). */
export function shortNameOf(name: string): string {
  let short = name.replace(LEVEL_SUFFIX, "");
  if (/自治/.test(name)) {
    for (let previous = ""; previous !== short && ETHNIC_TAIL.test(short); ) {
      previous = short;
      const stripped = short.replace(ETHNIC_TAIL, "");
      if (stripped.length < 2) break; // 鄂温克族自治旗 keeps 鄂温克
      short = stripped;
    }
    short = short.replace(/族$/, "");
  }
  return short || name;
}

/** Province names English writes differently from their pinyin (Shaanxi keeps it apart from Shanxi). */
const ENGLISH_PROVINCES: Record<string, string> = { 陕西: "Shaanxi", 内蒙古: "Inner Mongolia", 香港: "Hong Kong", 澳门: "Macao" };

// Loaded on first use: pinyin-pro's dictionary costs tens of milliseconds at start-up, and extraction needs it only
// for a township or an unknown name's slug (the gazetteer's slugs are built in).
let pinyin: typeof import("pinyin-pro").pinyin | undefined;

export function syllablesOf(text: string): string[] {
  pinyin ??= (createRequire(import.meta.url)("pinyin-pro") as typeof import("pinyin-pro")).pinyin;
  return pinyin(text, { toneType: "none", type: "array", v: true }).map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ""));
}

/** Syllables to a title-cased word with the apostrophe pinyin needs before a, o, e (Zhen'an, Xi'an). */
export function romanize(syllables: string[]): string {
  const word = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? "'" + s : s)).join("").replace(/v/g, "ü");
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** [a-z0-9] only: zhenan, macheng, xixian. */
export function baseSlug(name: string, short = shortNameOf(name)): string {
  if (short === "陕西") return "shaanxi";
  // A one-character short name is too ambiguous for a slug: the full name's (隰县 → xixian).
  return syllablesOf(short.length >= 2 ? short : name).join("").replace(/[^a-z0-9]/g, "") || "region";
}

export function englishName(name: string, level: RegionLevel, short = shortNameOf(name)): string {
  if (level === "province" && ENGLISH_PROVINCES[short]) return ENGLISH_PROVINCES[short];
  if (short.length < 2) return /县$/.test(name) ? `${romanize(syllablesOf(short))} County` : romanize(syllablesOf(name)); // 隰县 → Xi County, 城区 → Chengqu
  const roman = romanize(syllablesOf(short));
  switch (level) {
    case "prefecture":
      return name.endsWith("盟") ? `${roman} League` : `${roman} Prefecture`;
    case "county":
      return `${roman} County`;
    case "banner":
      return `${roman} Banner`;
    case "district":
      return name.endsWith("林区") ? `${roman} Forestry District` : `${roman} District`;
    case "township":
      return name.endsWith("街道") ? `${roman} Subdistrict` : name.endsWith("乡") ? `${roman} Township` : name.endsWith("苏木") ? `${roman} Sumu` : `${roman} Town`;
    default:
      return roman; // provinces and cities: Shanxi, Linfen, Macheng
  }
}

/**
 * The level a name and its code say: a code ending in 0000 is a province, in 00 a prefecture-level division; below
 * that the suffix tells a county-level city (市) from a county (县), banner (旗) or district (区, 林区, 特区).
 */
export function levelOf(name: string, code: string): RegionLevel {
  if (code.length > 6) return "township";
  if (code.endsWith("0000")) return "province";
  if (code.endsWith("00")) return /市$/.test(name) ? "prefecture_city" : "prefecture";
  return levelFromName(name) ?? "county";
}

/** The level a name's suffix says, for names without a code: 某某县 → county, 某某镇 → township. */
export function levelFromName(name: string): RegionLevel | null {
  if (/(省|自治区|特别行政区)$/.test(name)) return "province";
  if (/(州|盟|地区)$/.test(name)) return "prefecture";
  if (/市$/.test(name)) return "county_city";
  if (/旗$/.test(name)) return "banner";
  if (/区$/.test(name)) return "district";
  if (/县$/.test(name)) return "county";
  if (/(镇|乡|街道|苏木)$/.test(name)) return "township";
  return null;
}
