// The dashboard's vocabulary: metric names, units and approximation marks in Chinese and English.
import { CODEBOOK, FAMILIES } from "../extract/lexicon";
import type { Approximation, Metric } from "../extract/types";

export type Lang = "zh" | "en";

export const HEADLINE_METRICS = ["branches", "volunteers", "funds", "checkpoints"] as const satisfies readonly Metric[];
export type HeadlineMetric = (typeof HEADLINE_METRICS)[number];

export const ALL_METRICS: readonly Metric[] = [...HEADLINE_METRICS, "posts", "teams", "grids", "supplies", "other"];

/** Family names, from the codebook (lib/extract/data/codebook.json). */
export const METRIC_LABELS: Record<Metric, Record<Lang, string>> = Object.fromEntries(
  FAMILIES.map((family) => [family.id, family.name]),
) as unknown as Record<Metric, Record<Lang, string>>;

/** What a family's figures count, for axis labels and CSV headers. */
export const METRIC_UNITS: Record<Metric, Record<Lang, string>> = Object.fromEntries(
  FAMILIES.map((family) => [family.id, family.unit]),
) as unknown as Record<Metric, Record<Lang, string>>;

/** A kind's name in the codebook (临时党支部 / Temporary branches); the id itself when the codebook has no such kind. */
export function kindLabel(metric: string, kind: string, lang: Lang): string {
  const found = FAMILIES.find((f) => f.id === metric)?.kinds.find((k) => k.id === kind);
  return found ? found.name[lang] : kind;
}

/** 下辖地区 / sub-region: a scope type's name in the codebook. */
export function scopeLabel(type: string, lang: Lang): string {
  const types = CODEBOOK.scopes.types as Record<string, { name: Record<Lang, string> }>;
  return types[type]?.name[lang] ?? type;
}

/** The kinds of a family, in the codebook's order. */
export function kindsOf(metric: Metric): { id: string; name: Record<Lang, string> }[] {
  return FAMILIES.find((f) => f.id === metric)?.kinds.map((k) => ({ id: k.id, name: k.name })) ?? [];
}

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

/**
 * The kind each overview chart plots, from the `kind` query parameter (`branches.temporary`, several joined by
 * commas): a family the parameter does not name, or names with an unknown kind, plots its most preferred headline
 * kind. `invalid` lists the parts that named nothing.
 */
export function parseKindParam(raw: string | undefined): { kinds: Record<HeadlineMetric, string>; invalid: string[] } {
  const kinds = Object.fromEntries(
    HEADLINE_METRICS.map((metric) => [metric, FAMILIES.find((f) => f.id === metric)!.headline[0]]),
  ) as Record<HeadlineMetric, string>;
  const invalid: string[] = [];
  for (const part of (raw ?? "").split(",").map((p) => p.trim()).filter(Boolean)) {
    const [metric, kind] = part.split(".");
    const family = FAMILIES.find((f) => f.id === metric);
    if (family && isHeadlineMetric(metric) && family.kinds.some((k) => k.id === kind)) kinds[metric] = kind;
    else invalid.push(part);
  }
  return { kinds, invalid };
}

/** The `kind` parameter for these choices, naming only what differs from the defaults (shorter, cache-friendly URLs). */
export function kindParam(kinds: Record<HeadlineMetric, string>): string | undefined {
  const defaults = parseKindParam(undefined).kinds;
  const parts = HEADLINE_METRICS.filter((metric) => kinds[metric] !== defaults[metric]).map((metric) => `${metric}.${kinds[metric]}`);
  return parts.length ? parts.join(",") : undefined;
}
