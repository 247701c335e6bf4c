// Draws a chart specification as an SVG string: on the server (so the chart is in the page's HTML and shows
// without JavaScript), in the browser for the SVG and PNG downloads, and in tests. Pure; every piece of text is
// escaped, so no label or quote can become markup.
//
// Layout: horizontal bars, each row's label on its own line(s) above its bars, so labels keep the full width of
// a phone screen; the drawing is WIDTH units wide and scales with its container (viewBox).
import type { ChartSpec } from "./spec";

export const CHART_WIDTH = 400;
/** The widest a chart is shown on a page (`.chart-svg` in app/globals.css; the recharts drawing is measured to match). */
export const CHART_MAX_WIDTH = 520;
// The client's recharts drawing (lib/charts/recharts.ts) uses the same measures, so the two are the same size.
export const PAD = 4;
export const FONT_FAMILY = "'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',system-ui,sans-serif";
export const SIZE = { title: 15, subtitle: 12, legend: 12, label: 13, value: 12, tick: 11, source: 11 } as const;
export const LINE = 1.3; // line height in ems
export const BAR_HEIGHT = 14;
export const BAR_GAP = 3;
export const ROW_GAP = 9;
export const LABEL_LINES = 2; // longer labels end in … with the full text in <title>
export const COLORS = { text: "#1c1917", muted: "#57534e", grid: "#e7e5e4", axis: "#a8a29e" };

/** Text and attribute values for XML: the five special characters escaped, characters XML forbids dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function isWide(code: number): boolean {
  return (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) || code >= 0x20000 || code === 0x2026 || code === 0x2014;
}

/** Estimated advance of one character in ems (no font metrics on the server; estimates err wide). */
function charWidth(char: string): number {
  const code = char.codePointAt(0)!;
  if (isWide(code)) return 1;
  if (" .,:;'|!ijlt()[]".includes(char)) return 0.34;
  if ("mwMW@%".includes(char)) return 0.9;
  if (char >= "A" && char <= "Z") return 0.7;
  return 0.6;
}

export function textWidth(text: string, size: number): number {
  let ems = 0;
  for (const char of text) ems += charWidth(char);
  return ems * size;
}

const NO_LINE_START = new Set("，。、；：！？）》」』”’,.;:!?)%…·");

/** Breaks text into lines no wider than `width`: between Han characters, or at spaces between words. */
export function wrapText(text: string, size: number, width: number, maxLines = Infinity): { lines: string[]; truncated: boolean } {
  const tokens = text.match(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[\ud840-\ud8bf][\udc00-\udfff]|\s+|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+/g) ?? [];
  const lines: string[] = [];
  let line = "";
  for (const token of tokens) {
    if (/^\s+$/.test(token)) {
      if (line) line += " ";
      continue;
    }
    if (line && textWidth(line + token, size) > width) {
      if (NO_LINE_START.has(token[0])) line = line.trimEnd(); // closing punctuation stays on the line it closes
      else {
        lines.push(line.trimEnd());
        line = "";
      }
    }
    if (!line && textWidth(token, size) > width) {
      // A word wider than the line is cut where it overflows.
      let rest = [...token];
      while (rest.length > 1 && textWidth(rest.join(""), size) > width) {
        let cut = 1;
        while (cut < rest.length - 1 && textWidth(rest.slice(0, cut + 1).join(""), size) <= width) cut++;
        lines.push(rest.slice(0, cut).join(""));
        rest = rest.slice(cut);
      }
      line = rest.join("");
      continue;
    }
    line += token;
  }
  if (line.trim()) lines.push(line.trimEnd());
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1];
  while (last && textWidth(`${last}…`, size) > width) last = [...last].slice(0, -1).join("");
  kept[maxLines - 1] = `${last}…`;
  return { lines: kept, truncated: true };
}

function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${typeof value === "number" ? round(value) : escapeXml(value!)}"`)
    .join("");
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** A <text> of one or more lines; `y` is the baseline of the first. */
function textBlock(lines: string[], x: number, y: number, size: number, extra: Record<string, string | number | undefined> = {}): string {
  const spans = lines.map((line, index) => `<tspan${attrs({ x, dy: index === 0 ? undefined : size * LINE })}>${escapeXml(line)}</tspan>`).join("");
  return `<text${attrs({ x, y, "font-size": size, ...extra })}>${spans}</text>`;
}

export interface SvgOptions {
  /** A line under the source line, e.g. the download date and the page's address (exports only). */
  footer?: string;
  /** A complete SVG document (XML declaration, explicit size) for a download rather than for a page. */
  standalone?: boolean;
}

/** Where the title, subtitle and legend go, and where the plot starts (y). */
export interface ChartHeader {
  title: { lines: string[]; y: number }; // y: the first line's baseline
  subtitle: { lines: string[]; y: number } | null;
  legend: { x: number; y: number; name: string; color: string }[]; // y: the swatch's top
  plotTop: number;
}

export function chartHeader(spec: ChartSpec): ChartHeader {
  const width = CHART_WIDTH;
  const inner = width - 2 * PAD;
  let y = PAD;
  const titleLines = wrapText(spec.title, SIZE.title, inner).lines;
  const title = { lines: titleLines, y: y + SIZE.title };
  y += titleLines.length * SIZE.title * LINE;
  let subtitle: ChartHeader["subtitle"] = null;
  if (spec.subtitle) {
    const lines = wrapText(spec.subtitle, SIZE.subtitle, inner).lines;
    subtitle = { lines, y: y + SIZE.subtitle };
    y += lines.length * SIZE.subtitle * LINE;
  }
  const legend: ChartHeader["legend"] = [];
  if (spec.series.length > 1) {
    y += 6;
    let x = PAD;
    for (const series of spec.series) {
      const name = wrapText(series.name, SIZE.legend, inner - 16, 1).lines[0] ?? "";
      const itemWidth = 16 + textWidth(name, SIZE.legend) + 12;
      if (x > PAD && x + itemWidth > width - PAD) (x = PAD), (y += SIZE.legend * LINE + 2);
      legend.push({ x, y, name, color: series.color });
      x += itemWidth;
    }
    y += SIZE.legend * LINE;
  }
  y += 10;
  return { title, subtitle, legend, plotTop: y };
}

/** The length of the axis: values are written after each bar, so the widest value is kept clear. */
export function plotWidth(spec: ChartSpec): number {
  const inner = CHART_WIDTH - 2 * PAD;
  const valueWidth = Math.max(0, ...spec.rows.flatMap((row) => row.bars.map((bar) => (bar ? textWidth(bar.display, SIZE.value) : 0))));
  const lastTick = spec.ticks[spec.ticks.length - 1];
  return Math.max(60, inner - Math.max(valueWidth + 6, textWidth(lastTick.label, SIZE.tick) / 2));
}

export function renderChartSvg(spec: ChartSpec, options: SvgOptions = {}): string {
  const width = CHART_WIDTH;
  const inner = width - 2 * PAD;
  const parts: string[] = [];
  const header = chartHeader(spec);
  parts.push(textBlock(header.title.lines, PAD, header.title.y, SIZE.title, { id: `${spec.id}-title`, "font-weight": 600, fill: COLORS.text }));
  if (header.subtitle) parts.push(textBlock(header.subtitle.lines, PAD, header.subtitle.y, SIZE.subtitle, { fill: COLORS.muted }));
  if (header.legend.length) {
    const legend = header.legend.flatMap(({ x, y, name, color }) => [
      `<rect${attrs({ x, y: y + 1, width: 11, height: 11, rx: 2, fill: color })}/>`,
      `<text${attrs({ x: x + 16, y: y + SIZE.legend - 1, "font-size": SIZE.legend, fill: COLORS.text })}>${escapeXml(name)}</text>`,
    ]);
    parts.push(`<g class="chart-legend">${legend.join("")}</g>`);
  }
  let y = header.plotTop;

  // Bars run from PAD to the axis maximum.
  const lastTick = spec.ticks[spec.ticks.length - 1];
  const axisLength = plotWidth(spec);
  const scale = (value: number) => (lastTick.value > 0 ? (value / lastTick.value) * axisLength : 0);
  const plotTop = y;
  const rows: string[] = [];
  let barIndex = 0;
  if (spec.rows.length === 0) {
    rows.push(textBlock(wrapText(spec.text.empty, SIZE.label, inner).lines, PAD, y + SIZE.label, SIZE.label, { fill: COLORS.muted }));
    y += SIZE.label * LINE * 2;
  }
  for (const row of spec.rows) {
    const label = wrapText(row.label, SIZE.label, inner, LABEL_LINES);
    const labelTitle = label.truncated ? `<title>${escapeXml(row.label)}</title>` : "";
    // A white halo keeps labels legible where they cross the grid lines.
    rows.push(`<text${attrs({ class: "chart-label", x: PAD, y: y + SIZE.label, "font-size": SIZE.label, fill: COLORS.text, stroke: "#ffffff", "stroke-width": 3, "paint-order": "stroke", "aria-hidden": "true" })}>${labelTitle}${label.lines
      .map((line, index) => `<tspan${attrs({ x: PAD, dy: index === 0 ? undefined : SIZE.label * LINE })}>${escapeXml(line)}</tspan>`)
      .join("")}</text>`);
    y += label.lines.length * SIZE.label * LINE + 2;
    row.bars.forEach((bar, seriesIndex) => {
      const series = spec.series[seriesIndex];
      const who = spec.series.length > 1 ? `${series.name} · ` : "";
      if (!bar) {
        rows.push(`<text${attrs({ class: "chart-missing", x: PAD + 3, y: y + BAR_HEIGHT - 3, "font-size": SIZE.value, fill: COLORS.muted, stroke: "#ffffff", "stroke-width": 3, "paint-order": "stroke" })}>${escapeXml(`${who}${spec.text.noFigure}`)}</text>`);
      } else {
        const barWidth = Math.max(1, scale(bar.value));
        const name = `${row.label} · ${who}${bar.display}`;
        rows.push(
          `<a${attrs({ class: "chart-bar", href: bar.href, tabindex: barIndex === 0 ? 0 : -1, "data-fact": String(bar.factId), "aria-label": name })}>` +
            `<title>${escapeXml(`${name} (${bar.exact}) — ${bar.quote}`)}</title>` +
            `<rect${attrs({ x: PAD, y, width: barWidth, height: BAR_HEIGHT, fill: series.color })}/>` +
            `<text${attrs({ x: PAD + barWidth + 4, y: y + BAR_HEIGHT - 3, "font-size": SIZE.value, fill: COLORS.text })}>${escapeXml(bar.display)}</text>` +
            `</a>`,
        );
        barIndex++;
      }
      y += BAR_HEIGHT + BAR_GAP;
    });
    y += ROW_GAP - BAR_GAP;
  }
  const plotBottom = y;

  // Grid lines behind the bars, numbers under them.
  const grid = spec.rows.length
    ? spec.ticks.map((tick) => `<line${attrs({ x1: PAD + scale(tick.value), x2: PAD + scale(tick.value), y1: plotTop, y2: plotBottom, stroke: tick.value === 0 ? COLORS.axis : COLORS.grid })}/>`).join("")
    : "";
  const axis = spec.rows.length
    ? spec.ticks
        .map((tick, index) => `<text${attrs({ x: PAD + scale(tick.value), y: plotBottom + SIZE.tick + 2, "font-size": SIZE.tick, fill: COLORS.muted, "text-anchor": index === 0 ? "start" : "middle" })}>${escapeXml(tick.label)}</text>`)
        .join("")
    : "";
  if (spec.rows.length) y += SIZE.tick * LINE + 8;

  parts.push(`<g class="chart-grid" aria-hidden="true">${grid}</g>`, `<g class="chart-rows">${rows.join("")}</g>`, `<g class="chart-axis" aria-hidden="true">${axis}</g>`);

  y += 6;
  const source = wrapText(spec.source, SIZE.source, inner).lines;
  parts.push(textBlock(source, PAD, y + SIZE.source, SIZE.source, { class: "chart-source", fill: COLORS.muted }));
  y += source.length * SIZE.source * LINE;
  if (options.footer) {
    const footer = wrapText(options.footer, SIZE.source, inner).lines;
    parts.push(textBlock(footer, PAD, y + SIZE.source, SIZE.source, { class: "chart-footer", fill: COLORS.muted }));
    y += footer.length * SIZE.source * LINE;
  }
  const height = Math.ceil(y + PAD + 4);

  const svg =
    `<svg${attrs({ xmlns: "http://www.w3.org/2000/svg", class: "chart-svg", viewBox: `0 0 ${width} ${height}`, width, height, role: "group", "aria-labelledby": `${spec.id}-title`, "font-family": FONT_FAMILY, lang: spec.lang === "zh" ? "zh-CN" : "en" })}>` +
    `<rect${attrs({ width, height, fill: "#ffffff" })}/>${parts.join("")}</svg>`;
  return options.standalone ? `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n` : svg;
}
