// One chart specification per chart: the page's SVG (lib/charts/svg.ts), its PNG and SVG downloads and its data
// table are all drawn from it, so they cannot disagree. Built from plain data by a pure function: no database,
// no React, no DOM.
import type { Approximation } from "../extract/types";
import { formatChineseNumber, formatExactFigure, formatFigure, unitLabel } from "../dashboard/format";
import { localHref } from "../dashboard/i18n";
import type { Lang } from "../dashboard/metrics";

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"];

/** A cited figure as the chart needs it. */
export interface ChartFigureInput {
  factId: number;
  reportId: number;
  value: number;
  unit: string;
  approx: Approximation;
  quote: string; // the source sentence
}

export interface ChartRowInput {
  label: string;
  figures: (ChartFigureInput | null)[]; // one per series; null: that series has no figure for this row
}

export interface ChartSourceInput {
  outlet: string | null;
  title?: string | null;
  publishedAt: string | null; // YYYY-MM-DD
}

export interface ChartInput {
  id: string; // unique on the page; the SVG's ids derive from it
  lang: Lang;
  title: string;
  unit: string; // what the values count, shown under the title
  note?: string; // e.g. "top 10 of 12 regions"
  series: string[]; // one name per figure slot of each row; a legend is drawn when there are two or more
  rows: ChartRowInput[];
  sources: ChartSourceInput[];
  fileName: string; // download name without extension
}

export interface ChartBarSpec {
  factId: number;
  value: number;
  display: string; // ≥3.7万名
  exact: string; // 37,000 名
  href: string; // /reports/<id>#f-<factId>
  quote: string;
}

export interface ChartSpec {
  id: string;
  lang: Lang;
  title: string;
  subtitle: string;
  series: { name: string; color: string }[];
  rows: { label: string; bars: (ChartBarSpec | null)[] }[];
  ticks: { value: number; label: string }[]; // ascending, from 0; the last is the axis maximum
  source: string; // 来源: 镇安县融媒体中心《…》, 2020-02-10 · 动员图谱 Mobilization Atlas
  fileName: string;
  text: { noFigure: string; empty: string }; // drawn in the SVG, in the chart's language
}

const TEXT = {
  unit: { zh: "单位", en: "Unit" },
  source: { zh: "来源", en: "Source" },
  noFigure: { zh: "无数据", en: "no figure" },
  empty: { zh: "报道中没有此类数字。", en: "The reports give no figure for this." },
  unlabelled: { zh: "（未注明对象）", en: "(subject not stated)" },
  unnamedReport: { zh: "报道原文未注明标题、媒体和日期", en: "a report whose text gives no title, outlet or date" },
  atlas: { zh: "动员图谱 Mobilization Atlas", en: "Mobilization Atlas 动员图谱" },
} as const;

/** The anchor of a figure inside its report's text. */
export function figureHref(reportId: number, factId: number): string {
  return `/reports/${reportId}#f-${factId}`;
}

const ENGLISH_TICK = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });

/** Axis numbers: 3万 in Chinese, 30K in English. */
export function formatTick(value: number, lang: Lang): string {
  return lang === "zh" ? formatChineseNumber(value) : ENGLISH_TICK.format(value);
}

/** 0 and equal steps of 1, 2 or 5 × 10^k up to the first tick at or above `max`; about `target` steps. */
export function niceTicks(max: number, target = 4): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const rough = max / target;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough)!;
  const count = Math.ceil(max / step - 1e-9);
  return Array.from({ length: count + 1 }, (_, index) => Number((index * step).toPrecision(12)));
}

export function sourceLine(sources: readonly ChartSourceInput[], lang: Lang): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const source of sources) {
    const title = source.title ? (lang === "zh" ? `《${source.title}》` : `“${source.title}”`) : "";
    // A report that names neither itself, its outlet nor its date is still a source, and says so.
    const part = [[source.outlet, title].filter(Boolean).join(lang === "zh" ? "" : ", "), source.publishedAt].filter(Boolean).join(", ") || TEXT.unnamedReport[lang];
    if (part && !seen.has(part)) seen.add(part), parts.push(part);
  }
  return `${TEXT.source[lang]}: ${parts.join("; ") || "—"} · ${TEXT.atlas[lang]}`;
}

function barSpec(figure: ChartFigureInput, lang: Lang): ChartBarSpec {
  return {
    factId: figure.factId,
    value: Math.max(0, figure.value),
    display: formatFigure(figure.value, figure.unit, figure.approx, lang), // ≥3.7万名; ≥37,000 in English
    exact: formatExactFigure(figure.value, figure.unit, lang),
    href: localHref(figureHref(figure.reportId, figure.factId), lang),
    quote: figure.quote,
  };
}

export function buildChartSpec(input: ChartInput): ChartSpec {
  const { lang } = input;
  const rows = input.rows.map((row) => ({
    label: row.label.trim() || TEXT.unlabelled[lang],
    bars: input.series.map((_, index) => {
      const figure = row.figures[index];
      return figure ? barSpec(figure, lang) : null;
    }),
  }));
  const max = Math.max(0, ...rows.flatMap((row) => row.bars.map((bar) => bar?.value ?? 0)));
  // English has no word for a classifier that only counts (个, 名): the title says what is counted.
  const unitText = unitLabel(input.unit, lang);
  const unit = unitText ? `${TEXT.unit[lang]}: ${unitText}` : "";
  return {
    id: input.id,
    lang,
    title: input.title,
    subtitle: [unit, input.note].filter(Boolean).join(" · "),
    series: input.series.map((name, index) => ({ name, color: PALETTE[index % PALETTE.length] })),
    rows,
    ticks: niceTicks(max).map((value) => ({ value, label: formatTick(value, lang) })),
    source: sourceLine(input.sources, lang),
    fileName: input.fileName,
    text: { noFigure: TEXT.noFigure[lang], empty: TEXT.empty[lang] },
  };
}
