// Data for /search: regions by any name readers type (simplified or traditional, short or full form, pinyin with or
// without tones and spaces), from the stored regions and the national gazetteer; reports by title and text; figures
// by subject and sentence. Region names are few (the gazetteer's ≈3,200 to prefecture and county level, stored regions
// alike), so they are matched in memory; text goes to PostgreSQL, where pg_trgm GIN indexes serve ILIKE '%…%'.
import { convertSameLength } from "../text/convert";
import { knownRegions } from "../extract/regions";
import type { RegionLevel } from "../extract/types";
import { db } from "../db/client";
import { cachedByDataVersion } from "./cache";

export const SEARCH_LIMIT = 20;
const MAX_QUERY_LENGTH = 100;

export interface NormalizedQuery {
  /** Simplified, spaces collapsed: what report text and subjects are searched for. */
  text: string;
  /** Han forms a region name may match: the query without spaces, and without an administrative suffix (海西州 → 海西). */
  hanForms: string[];
  /** Letters only, no tones, lower case (`Lín fén` → linfen); null when the query is not Latin. */
  latin: string | null;
}

// Longest first, so that 自治州 is stripped whole rather than as 州.
const ADMIN_SUFFIX = /(特别行政区|维吾尔自治区|回族自治区|壮族自治区|自治区|自治州|自治县|自治旗|地区|林区|省|市|州|盟|县|区|旗)$/;

/** Pinyin or English letters: tone marks removed (NFD splits them off), ü and v as u, everything else dropped. */
export function latinKey(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/v/g, "u").replace(/[^a-z0-9]/g, "");
}

export function normalizeQuery(input: string): NormalizedQuery {
  const text = convertSameLength(input.normalize("NFC").trim().replace(/\s+/g, " ").slice(0, MAX_QUERY_LENGTH));
  const compact = text.replace(/\s/g, "");
  const isLatin = compact !== "" && /^[\p{Script=Latin}0-9'’-]+$/u.test(compact);
  const hanForms: string[] = [];
  if (/\p{Script=Han}/u.test(compact)) {
    hanForms.push(compact);
    const stem = compact.replace(ADMIN_SUFFIX, "");
    if (stem && stem !== compact) hanForms.push(stem);
  }
  return { text, hanForms, latin: isLatin ? latinKey(compact) || null : null };
}

interface NamedRegion {
  name: string;
  shortName: string;
  nameEn: string;
  slug: string;
}

// Computed once per region object: normalising every name on every query costs tens of milliseconds at 3,000 regions.
const latinKeyCache = new WeakMap<NamedRegion, { keys: string[]; english: string }>();

function latinKeysOf(region: NamedRegion): { keys: string[]; english: string } {
  let cached = latinKeyCache.get(region);
  if (!cached) {
    // Slugs are the short name's pinyin, with a suffix only to tell same-named places apart (chaoyang-beijing).
    const keys = [region.slug.split("-")[0], latinKey(region.nameEn.replace(/\s*(County|District|Prefecture|League|Banner|Forestry District)$/, ""))];
    cached = { keys, english: latinKey(region.nameEn) };
    latinKeyCache.set(region, cached);
  }
  return cached;
}

/** How well a region's names match: 0 exact, 1 prefix, 2 inside; undefined when they do not. */
export function regionMatchRank(region: NamedRegion, query: NormalizedQuery): number | undefined {
  let best: number | undefined;
  const consider = (rank: number) => (best = best === undefined ? rank : Math.min(best, rank));
  const [full, stem] = query.hanForms;
  if (full) {
    if (region.name === full || region.shortName === full || (stem && region.shortName === stem)) consider(0);
    else if (region.name.startsWith(full) || (stem && stem.length >= 2 && region.name.startsWith(stem))) consider(1);
    else if (full.length >= 2 && region.name.includes(full)) consider(2);
  }
  if (query.latin && query.latin.length >= 2) {
    const { keys, english } = latinKeysOf(region);
    if (keys.includes(query.latin)) consider(0);
    else if (query.latin.length >= 3 && keys.some((key) => key.startsWith(query.latin!))) consider(1);
    else if (query.latin.length >= 4 && english.includes(query.latin)) consider(2);
  }
  return best;
}

export interface RegionResult {
  name: string;
  nameEn: string;
  level: RegionLevel;
  province: string;
  /** Stored regions link to their page; a gazetteer place the atlas has no report on has no page. */
  slug: string | null;
  reportCount: number;
  /** For a province: how many of its regions have reports (the overview filtered by province lists them). */
  regionsWithReports: number;
}

export interface ReportResult {
  id: number;
  title: string | null;
  publishedAt: string | null; // YYYY-MM-DD
  region: { name: string; nameEn: string; slug: string };
  /** The first matching sentence (clipped around the match), or null when only the title matched. */
  excerpt: string | null;
}

export interface FigureResult {
  id: number;
  reportId: number;
  figure: string;
  subject: string;
  region: { name: string; nameEn: string; slug: string };
  sentence: string;
}

export interface SearchResults {
  query: string;
  regions: RegionResult[];
  reports: ReportResult[];
  figures: FigureResult[];
}

const TIER: Record<RegionLevel, number> = {
  province: 4, prefecture_city: 3, prefecture: 3, county_city: 2, county: 2, banner: 2, district: 2, township: 1,
};

interface StoredRegion extends NamedRegion {
  code: string | null;
  level: RegionLevel;
  province: string;
  reportCount: number;
}

const storedRegions = cachedByDataVersion("search:regions", async (): Promise<StoredRegion[]> => {
  const rows = await db().region.findMany({
    where: { synthetic: false },
    select: { code: true, name: true, shortName: true, nameEn: true, slug: true, level: true, province: true, _count: { select: { reports: true } } },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, reportCount: _count.reports }));
});

/** Regions whose names match, best first, each with its rank (0 exact, 1 prefix, 2 inside). */
export async function rankedRegions(query: NormalizedQuery): Promise<{ rank: number; result: RegionResult }[]> {
  const stored = await storedRegions();
  const storedByCode = new Map(stored.filter((r) => r.code).map((r) => [r.code!, r]));
  const provincesWithReports = new Map<string, number>();
  for (const region of stored) if (region.reportCount > 0) provincesWithReports.set(region.province, (provincesWithReports.get(region.province) ?? 0) + 1);
  const found: { rank: number; result: RegionResult; tier: number }[] = [];
  const add = (region: NamedRegion & { level: RegionLevel; province: string }, storedRow: StoredRegion | undefined, rank: number) => {
    found.push({
      rank,
      tier: TIER[region.level],
      result: {
        name: region.name,
        nameEn: region.nameEn,
        level: region.level,
        province: region.province,
        slug: storedRow && storedRow.reportCount > 0 ? storedRow.slug : null,
        reportCount: storedRow?.reportCount ?? 0,
        regionsWithReports: region.level === "province" ? provincesWithReports.get(region.name) ?? 0 : 0,
      },
    });
  };
  for (const region of knownRegions()) {
    const rank = regionMatchRank(region, query);
    if (rank !== undefined) add(region, storedByCode.get(region.code!), rank);
  }
  // Regions stored under a name the gazetteer does not have (given by hand).
  for (const region of stored) {
    if (region.code) continue;
    const rank = regionMatchRank(region, query);
    if (rank !== undefined) add(region, region, rank);
  }
  found.sort((a, b) => a.rank - b.rank || b.result.reportCount - a.result.reportCount || b.tier - a.tier || a.result.name.localeCompare(b.result.name, "zh"));
  return found.slice(0, SEARCH_LIMIT);
}

async function searchRegions(query: NormalizedQuery): Promise<RegionResult[]> {
  return (await rankedRegions(query)).map((entry) => entry.result);
}

/** `text` cut to about `width` characters around the first occurrence of `term`. */
export function excerptAround(text: string, term: string, width = 80): string {
  const at = text.toLowerCase().indexOf(term.toLowerCase());
  if (text.length <= width || at < 0) return text.length <= width ? text : `${text.slice(0, width)}…`;
  const start = Math.max(0, Math.min(at - Math.floor((width - term.length) / 2), text.length - width));
  return `${start > 0 ? "…" : ""}${text.slice(start, start + width)}${start + width < text.length ? "…" : ""}`;
}

const regionSelect = { select: { name: true, nameEn: true, slug: true } } as const;

async function searchReports(term: string): Promise<ReportResult[]> {
  const contains = { contains: term, mode: "insensitive" as const };
  const rows = await db().report.findMany({
    where: { OR: [{ title: contains }, { sentences: { some: { text: contains } } }] },
    select: {
      id: true,
      title: true,
      publishedAt: true,
      region: regionSelect,
      sentences: { where: { text: contains }, select: { text: true }, orderBy: { index: "asc" }, take: 1 },
    },
    orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
    take: SEARCH_LIMIT,
  });
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    publishedAt: row.publishedAt ? row.publishedAt.toISOString().slice(0, 10) : null,
    region: row.region,
    excerpt: row.sentences[0] ? excerptAround(row.sentences[0].text, term) : null,
  }));
}

async function searchFigures(term: string): Promise<FigureResult[]> {
  const contains = { contains: term, mode: "insensitive" as const };
  const select = { id: true, reportId: true, figure: true, subject: true, region: regionSelect, sentence: { select: { text: true } } } as const;
  // Figures whose subject matches come first; then figures whose sentence mentions the term.
  const bySubject = await db().fact.findMany({ where: { subject: contains }, select, orderBy: { id: "asc" }, take: SEARCH_LIMIT });
  const bySentence = bySubject.length < SEARCH_LIMIT
    ? await db().fact.findMany({
        where: { sentence: { text: contains }, id: { notIn: bySubject.map((row) => row.id) } },
        select,
        orderBy: { id: "asc" },
        take: SEARCH_LIMIT - bySubject.length,
      })
    : [];
  return [...bySubject, ...bySentence].map((row) => ({
    id: row.id,
    reportId: row.reportId,
    figure: row.figure,
    subject: row.subject,
    region: row.region,
    sentence: excerptAround(row.sentence.text, row.figure),
  }));
}

export async function search(input: string): Promise<SearchResults> {
  const query = normalizeQuery(input);
  if (!query.text) return { query: "", regions: [], reports: [], figures: [] };
  const [regions, reports, figures] = await Promise.all([searchRegions(query), searchReports(query.text), searchFigures(query.text)]);
  return { query: query.text, regions, reports, figures };
}
