import type { RepairRecord } from "../text/types";
import type { DatePrecision, PeriodBasis } from "./dates";

export type Metric = "branches" | "teams" | "volunteers" | "funds" | "checkpoints" | "posts" | "supplies" | "grids" | "other";

/** Where a figure applies (lib/extract/data/codebook.json `scopes`): the whole region, a named place inside it, one unit, or each of many units. */
export type ScopeType = "region" | "subregion" | "unit" | "per-unit";
export interface FactScope {
  type: ScopeType;
  name: string | null; // 尧都区, 市医院, 小区 (per-unit: what each unit is); null for the region
}
export type Approximation = "exact" | "at_least" | "nearly" | "about";
/**
 * Administrative levels, from the top: province-level divisions; prefecture-level cities and prefectures (地区, 州,
 * 盟); county-level cities, counties (县, 自治县), banners (旗, 自治旗) and districts (区); townships and streets
 * (乡, 镇, 街道, 苏木).
 */
export const REGION_LEVELS = ["province", "prefecture_city", "prefecture", "county_city", "county", "banner", "district", "township"] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export interface RegionInfo {
  name: string; // 镇安县
  nameEn: string; // Zhen'an County
  slug: string; // zhenan
  province: string; // 陕西省
  level: RegionLevel;
  code?: string | null; // GB/T 2260 (610000, 611000, 611025); nine digits for a township; null for a name given by hand
  shortName?: string; // 镇安, 海西
  /** The chain above the region, province first (陕西省, 商洛市): ingest stores them too. */
  ancestors?: RegionInfo[];
}

/** A region the evidence points to when it does not decide on one, with what points to it. */
export interface RegionCandidate {
  region: RegionInfo;
  score: number;
  evidence: string[]; // e.g. "headline: 镇安县", "body ×3: 镇安县", "全县 ×4"
}

export interface ExtractedFact {
  metric: Metric; // the family
  kind: string; // the family's kind in the codebook (temporary, cadres, dues …)
  subject: string;
  value: number; // in base units (yuan for funds)
  unit: string; // 个 / 名 / 元 ...
  approx: Approximation;
  quote: string; // full clean text of the sentence
  sentence: number; // sentence index
  start: number; // figure offsets in clean text
  end: number;
  figure: string; // clean.slice(start, end)
  scope: FactScope;
  partOf: number | null; // index (in the report's facts) of the total this figure is part of (其中…, 含…)
  restates: number | null; // index of the earlier fact this one repeats
}

/** The CLI contract of `npm run extract` (region carries slug and nameEn too; extra keys are allowed). */
export interface ExtractionResult {
  /** null when the text does not decide its region (ReportExtraction.regionCandidates then lists the candidates). */
  region: RegionInfo | null;
  title: string | null; // the article's own headline; null when the text has none
  publishedAt: string | null; // 2020-02-16, 2020-02 or 2020: as precise as datePrecision says
  datePrecision: DatePrecision | null;
  period: string | null; // 2020-Q1, 2022
  periodBasis: PeriodBasis | null; // published (from the date) or inferred (from what the report cites)
  sourceUrl: string | null; // where the report was published, when given (atlas ingest --url)
  outlet: string | null;
  authors: string[];
  encoding: string;
  raw: string; // the decoded text exactly as received (PreparedText.raw); sentence rawStart/rawEnd index into it
  text: string;
  repairs: RepairRecord[];
  sentences: { index: number; text: string; original: string; start: number; end: number; rawStart: number; rawEnd: number }[];
  facts: ExtractedFact[];
}
