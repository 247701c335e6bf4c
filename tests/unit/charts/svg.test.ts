// The server-side SVG of a chart: well-formed, one bar per figure, every value written, labels wrapped within the
// drawing, and no text ever turned into markup.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildChartSpec, type ChartFigureInput, type ChartInput } from "@/lib/charts/spec";
import { CHART_WIDTH, escapeXml, renderChartSvg, textWidth, wrapText } from "@/lib/charts/svg";
import { drawnText, findAll, parseXml, type XmlElement } from "../../helpers/xml";

function figure(factId: number, value: number, extra: Partial<ChartFigureInput> = {}): ChartFigureInput {
  return { factId, reportId: 5, value, unit: "个", approx: "exact", quote: `全县共组建临时党支部${value}个。`, ...extra };
}

function chart(extra: Partial<ChartInput> = {}): ChartInput {
  return {
    id: "c1",
    lang: "zh",
    title: "乙县 · 党组织",
    unit: "个",
    series: ["乙县"],
    rows: [
      { label: "临时党支部", figures: [figure(1, 68)] },
      { label: "党员先锋岗", figures: [figure(2, 1357, { approx: "at_least" })] },
      { label: "机关单位下沉党员干部组成的疫情防控突击队和志愿服务队以及各乡镇卡口执勤点、社区封闭管理值守点和农村交通路口劝返点等各类临时岗位上的全体人员", figures: [figure(3, 5)] },
    ],
    sources: [{ outlet: "乙县融媒体中心", title: "乙县战疫一线党旗红", publishedAt: "2020-02-18" }],
    fileName: "c1",
    ...extra,
  };
}

const byClass = (name: string) => (element: XmlElement) => (element.attributes.class ?? "").split(" ").includes(name);
const bars = (svg: XmlElement) => findAll(svg, byClass("chart-bar"));
const rectOf = (bar: XmlElement) => findAll(bar, (element) => element.name === "rect")[0];

describe("renderChartSvg", () => {
  it("draws one linked bar per figure, with the figure's value written beside it", () => {
    const spec = buildChartSpec(chart());
    const svg = parseXml(renderChartSvg(spec));
    expect(svg.name).toBe("svg");
    const drawn = bars(svg);
    const figures = spec.rows.flatMap((row) => row.bars).filter((bar) => bar !== null);
    expect(drawn).toHaveLength(figures.length);
    drawn.forEach((bar, index) => {
      expect(bar.name).toBe("a");
      expect(bar.attributes.href).toBe(figures[index].href);
      expect(bar.attributes["data-fact"]).toBe(String(figures[index].factId));
      expect(drawnText(bar)).toBe(figures[index].display);
      expect(bar.attributes["aria-label"]).toContain(figures[index].display); // the name holds the visible text
    });
  });

  it("scales bar lengths with the values and keeps every bar and value inside the drawing", () => {
    const spec = buildChartSpec(chart());
    const svg = parseXml(renderChartSvg(spec));
    const widths = bars(svg).map((bar) => Number(rectOf(bar).attributes.width));
    const values = spec.rows.flatMap((row) => row.bars).map((bar) => bar!.value);
    const perUnit = widths[1] / values[1];
    values.forEach((value, index) => expect(widths[index]).toBeCloseTo(Math.max(1, value * perUnit), 0));
    for (const bar of bars(svg)) {
      const rect = rectOf(bar);
      expect(Number(rect.attributes.x) + Number(rect.attributes.width)).toBeLessThanOrEqual(CHART_WIDTH);
      const value = findAll(bar, (element) => element.name === "text")[0];
      expect(Number(value.attributes.x) + textWidth(drawnText(value), Number(value.attributes["font-size"]))).toBeLessThanOrEqual(CHART_WIDTH);
    }
  });

  it("makes the chart one tab stop: only the first bar is in the tab order", () => {
    const svg = parseXml(renderChartSvg(buildChartSpec(chart())));
    expect(bars(svg).map((bar) => bar.attributes.tabindex)).toEqual(["0", "-1", "-1"]);
  });

  it("wraps a long label over two lines and abbreviates beyond, with the full label in <title>", () => {
    const spec = buildChartSpec(chart());
    const svg = parseXml(renderChartSvg(spec));
    const labels = findAll(svg, byClass("chart-label"));
    expect(labels).toHaveLength(3);
    const long = labels[2];
    const lines = findAll(long, (element) => element.name === "tspan").map(drawnText);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith("…")).toBe(true);
    for (const line of lines) expect(textWidth(line, 13)).toBeLessThanOrEqual(CHART_WIDTH);
    expect(drawnText(findAll(long, (element) => element.name === "title")[0])).toBe(spec.rows[2].label);
    expect(spec.rows[2].label.startsWith(lines.join("").slice(0, -1))).toBe(true);
    // Short labels are drawn whole, without a tooltip.
    expect(drawnText(labels[0])).toBe("临时党支部");
    expect(findAll(labels[0], (element) => element.name === "title")).toHaveLength(0);
  });

  it("draws a legend for two series and a gap where a series has no figure", () => {
    const spec = buildChartSpec(chart({ series: ["乙县", "丙市"], rows: [{ label: "临时党支部", figures: [figure(1, 68), null] }] }));
    const svg = parseXml(renderChartSvg(spec));
    expect(drawnText(findAll(svg, byClass("chart-legend"))[0])).toBe("乙县丙市");
    expect(bars(svg)).toHaveLength(1);
    expect(drawnText(findAll(svg, byClass("chart-missing"))[0])).toContain(spec.text.noFigure);
    expect(findAll(parseXml(renderChartSvg(buildChartSpec(chart()))), byClass("chart-legend"))).toHaveLength(0);
  });

  it("draws the axis ticks, the source line and, for downloads, the footer", () => {
    const spec = buildChartSpec(chart());
    const text = drawnText(parseXml(renderChartSvg(spec)));
    for (const tick of spec.ticks) expect(text).toContain(tick.label);
    expect(text.replace(/\s/g, "")).toContain(spec.source.replace(/\s/g, ""));
    const file = renderChartSvg(spec, { standalone: true, footer: "2026-12-04 · http://example.test/regions/x" });
    expect(file.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(drawnText(parseXml(file))).toContain("http://example.test/regions/x");
  });

  it("draws a message instead of bars when there is no figure", () => {
    const spec = buildChartSpec(chart({ rows: [] }));
    const svg = parseXml(renderChartSvg(spec));
    expect(bars(svg)).toHaveLength(0);
    expect(drawnText(svg)).toContain(spec.text.empty);
  });

  it("keeps any label, quote or name as text: the SVG stays well-formed and gains no element", () => {
    const hostile = '<script>alert("x")</script> & <a href="javascript:1">é</a> \u0001 \uD800 ]]> \'';
    const spec = buildChartSpec(chart({ title: hostile, series: [hostile, "丙"], rows: [{ label: hostile, figures: [figure(1, 3, { quote: hostile, unit: hostile }), null] }], sources: [{ outlet: hostile, publishedAt: null }] }));
    const svg = parseXml(renderChartSvg(spec));
    const names = new Set(findAll(svg, () => true).map((element) => element.name));
    expect([...names].every((name) => ["rect", "text", "tspan", "g", "a", "title", "line"].includes(name))).toBe(true);
    expect(bars(svg)).toHaveLength(1);
    expect(drawnText(svg)).toContain('<script>alert("x")</script>');
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), fc.string({ unit: "grapheme", maxLength: 60 }), (label, quote) => {
        const svgText = renderChartSvg(buildChartSpec(chart({ title: quote, rows: [{ label, figures: [figure(1, 7, { quote })] }] })));
        const parsed = parseXml(svgText);
        expect(bars(parsed)).toHaveLength(1);
        expect(findAll(parsed, (element) => element.name === "script")).toHaveLength(0);
      }),
      { numRuns: 25 },
    );
  });
});

describe("wrapText and escapeXml", () => {
  it("breaks between Han characters and at spaces, never wider than asked", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("党员", "干部", "下沉", "volunteers", "of", "the", "社区", "，", "Party"), { maxLength: 30 }), fc.integer({ min: 40, max: 400 }), (words, width) => {
        const text = words.join(words.length % 2 ? " " : "");
        const { lines, truncated } = wrapText(text, 12, width);
        expect(truncated).toBe(false);
        expect(lines.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
        // Closing punctuation may hang past the edge rather than start a line.
        for (const line of lines) if ([...line].length > 2) expect(textWidth(line.replace(/，+$/, ""), 12)).toBeLessThanOrEqual(width);
      }),
    );
  });

  it("escapes the XML specials and drops the characters XML forbids", () => {
    expect(escapeXml(`<a & "b" 'c'>\u0000\uDC00x`)).toBe("&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;x");
    expect(escapeXml("😀党")).toBe("😀党");
  });
});
