// What the client's recharts drawing needs from a chart specification (components/charts/RechartsBars.tsx): the
// data rows recharts plots, the bars in reading order, and a layout with the measures of lib/charts/svg.ts, so that
// the recharts chart replaces the server's SVG at the same size, with the same rows, bars, values and axis.
// Pure: no React, no DOM, no recharts.
import type { ChartBarSpec, ChartSpec } from "./spec";
import { BAR_GAP, BAR_HEIGHT, CHART_WIDTH, LABEL_LINES, LINE, PAD, ROW_GAP, SIZE, chartHeader, plotWidth, wrapText, type ChartHeader } from "./svg";

/** One data point per row: `v<series>` the bar's value and `d<series>` the text written at its end (both null
 *  where the series has no figure: recharts draws no bar), `spacer` the slot the row's label sits in (a bar of
 *  value 0 before the series' bars), `missing` what is written in the slots of the series without a figure. */
export type ChartDatum = { row: number; label: string; spacer: number; missing: { series: number; text: string }[] } & Record<`v${number}` | `d${number}`, number | string | null>;

export function chartData(spec: ChartSpec): ChartDatum[] {
  return spec.rows.map((row, rowIndex) => {
    const datum: Record<string, unknown> = { row: rowIndex, label: row.label, spacer: 0, missing: [] };
    row.bars.forEach((bar, series) => {
      datum[`v${series}`] = bar ? bar.value : null;
      datum[`d${series}`] = bar ? bar.display : null;
      if (!bar) (datum.missing as ChartDatum["missing"]).push({ series, text: `${spec.series.length > 1 ? `${spec.series[series].name} · ` : ""}${spec.text.noFigure}` });
    });
    return datum as ChartDatum;
  });
}

export interface ChartBarItem {
  index: number; // position in reading order: rows top to bottom, series within a row
  row: number;
  series: number;
  bar: ChartBarSpec;
  name: string; // what the bar is called: row label · series · value (the link's accessible name)
  caption: string; // what the caption says while the bar is active
}

/** The figures' bars in reading order (the order of svg.ts's links, and of the arrow keys). */
export function chartBars(spec: ChartSpec): ChartBarItem[] {
  const items: ChartBarItem[] = [];
  spec.rows.forEach((row, rowIndex) =>
    row.bars.forEach((bar, series) => {
      if (!bar) return;
      const who = spec.series.length > 1 ? `${spec.series[series].name} · ` : "";
      const name = `${row.label} · ${who}${bar.display}`;
      items.push({ index: items.length, row: rowIndex, series, bar, name, caption: `${name} (${bar.exact}): “${bar.quote}”` });
    }),
  );
  return items;
}

export interface ChartLayout {
  scale: number; // pixels per unit of svg.ts's drawing (CHART_WIDTH units wide)
  width: number; // pixels
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  rowHeight: number; // one category band: the label, then one bar per series
  labelHeight: number; // the label's slot (a bar of its own, before the series' bars)
  labels: { lines: string[]; truncated: boolean }[]; // per row, wrapped as svg.ts wraps them
  barSize: number;
  barGap: number;
  axisHeight: number;
  header: ChartHeader; // in svg.ts's units (drawn inside a group scaled by `scale`)
  source: { lines: string[]; y: number }; // ditto; y: the first line's baseline
  font: { label: number; value: number; tick: number }; // pixels
}

/** The recharts chart at `width` pixels: svg.ts's drawing scaled to that width, so the server's SVG (which scales
 *  with its box) and this chart take the same room. Every row's band is as tall as the tallest label needs. */
export function chartLayout(spec: ChartSpec, width: number): ChartLayout {
  const scale = width / CHART_WIDTH;
  const inner = CHART_WIDTH - 2 * PAD;
  const header = chartHeader(spec);
  const labels = spec.rows.map((row) => wrapText(row.label, SIZE.label, inner, LABEL_LINES));
  const labelLines = Math.max(1, ...labels.map((label) => label.lines.length));
  const labelHeight = labelLines * SIZE.label * LINE;
  const series = spec.series.length;
  // As svg.ts: label, 2 units, each bar and its gap, then the gap between rows.
  const rowHeight = labelHeight + 2 + series * (BAR_HEIGHT + BAR_GAP) + ROW_GAP - BAR_GAP;
  const plotBottom = header.plotTop + spec.rows.length * rowHeight;
  const axisHeight = SIZE.tick * LINE + 8;
  const sourceTop = plotBottom + axisHeight + 6;
  const sourceLines = wrapText(spec.source, SIZE.source, inner).lines;
  const height = Math.ceil(sourceTop + sourceLines.length * SIZE.source * LINE + PAD + 4);
  const px = (units: number) => units * scale;
  return {
    scale,
    width,
    height: px(height),
    margin: { top: px(header.plotTop), left: px(PAD), right: px(CHART_WIDTH - PAD - plotWidth(spec)), bottom: px(height - plotBottom - axisHeight) },
    rowHeight: px(rowHeight),
    labelHeight: px(labelHeight),
    labels,
    barSize: px(BAR_HEIGHT),
    barGap: px(BAR_GAP),
    axisHeight: px(axisHeight),
    header,
    source: { lines: sourceLines, y: sourceTop + SIZE.source },
    font: { label: px(SIZE.label), value: px(SIZE.value), tick: px(SIZE.tick) },
  };
}
