import type { RepairRecord } from "../text/types";

export type Metric = "branches" | "teams" | "volunteers" | "funds" | "checkpoints" | "supplies" | "grids" | "other";
export type Approximation = "exact" | "at_least" | "nearly" | "about";
export type RegionLevel = "county" | "city" | "prefecture" | "province";

export interface RegionInfo {
  name: string; // 镇安县
  nameEn: string; // Zhen'an County
  slug: string; // zhenan
  province: string; // 陕西省
  level: RegionLevel;
}

export interface ExtractedFact {
  metric: Metric;
  subject: string;
  value: number; // in base units (yuan for funds)
  unit: string; // 个 / 名 / 元 ...
  approx: Approximation;
  quote: string; // full clean text of the sentence
  sentence: number; // sentence index
  start: number; // figure offsets in clean text
  end: number;
  figure: string; // clean.slice(start, end)
  scope: string | null;
  restates: boolean;
}

/** The CLI contract of `npm run extract` (region carries slug and nameEn too; extra keys are allowed). */
export interface ExtractionResult {
  region: RegionInfo;
  title: string;
  publishedAt: string | null;
  outlet: string | null;
  authors: string[];
  encoding: string;
  raw: string; // the decoded text exactly as received (PreparedText.raw); sentence rawStart/rawEnd index into it
  text: string;
  repairs: RepairRecord[];
  sentences: { index: number; text: string; original: string; start: number; end: number; rawStart: number; rawEnd: number }[];
  facts: ExtractedFact[];
}
