// The dashboard's vocabulary: metric names, units and approximation marks in Chinese and English.
import type { Approximation, Metric } from "../extract/types";

export type Lang = "zh" | "en";

export const HEADLINE_METRICS = ["branches", "volunteers", "funds", "checkpoints"] as const satisfies readonly Metric[];
export type HeadlineMetric = (typeof HEADLINE_METRICS)[number];

export const ALL_METRICS: readonly Metric[] = [...HEADLINE_METRICS, "teams", "grids", "supplies", "other"];

export const METRIC_LABELS: Record<Metric, Record<Lang, string>> = {
  branches: { zh: "党组织", en: "Party branches" },
  volunteers: { zh: "动员人员", en: "People mobilized" },
  funds: { zh: "资金", en: "Funds" },
  checkpoints: { zh: "卡口站点", en: "Checkpoints" },
  teams: { zh: "队伍", en: "Teams" },
  grids: { zh: "网格", en: "Grids" },
  supplies: { zh: "物资", en: "Supplies" },
  other: { zh: "其他", en: "Other figures" },
};

/** What a metric's figures count, for axis labels and CSV headers. */
export const METRIC_UNITS: Record<Metric, Record<Lang, string>> = {
  branches: { zh: "个", en: "organizations" },
  volunteers: { zh: "人", en: "people" },
  funds: { zh: "元", en: "yuan" },
  checkpoints: { zh: "个", en: "posts" },
  teams: { zh: "支/个", en: "teams" },
  grids: { zh: "个", en: "grid cells" },
  supplies: { zh: "件/斤", en: "items" },
  other: { zh: "", en: "" },
};

/** ≥ for 余/多/以上, ≈ for 约/左右, < for 近/将近; exact figures carry no mark. */
export const APPROX_MARKS: Record<Approximation, string> = { exact: "", at_least: "≥", about: "≈", nearly: "<" };

export const APPROX_LABELS: Record<Approximation, Record<Lang, string>> = {
  exact: { zh: "确数", en: "exact" },
  at_least: { zh: "不少于（余/多/以上）", en: "at least (余/多/以上)" },
  about: { zh: "约（约/左右）", en: "about (约/左右)" },
  nearly: { zh: "接近（近/将近）", en: "nearly (近/将近)" },
};

export function isHeadlineMetric(value: string): value is HeadlineMetric {
  return (HEADLINE_METRICS as readonly string[]).includes(value);
}

export function isMetric(value: string): value is Metric {
  return (ALL_METRICS as readonly string[]).includes(value);
}
