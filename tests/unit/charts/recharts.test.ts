// What the client's recharts drawing takes from a chart specification: its data rows, its bars in reading order
// (the server SVG's link order), and a layout of the server SVG's size, so the two drawings agree.
import { describe, expect, it } from "vitest";
import { chartBars, chartData, chartLayout } from "@/lib/charts/recharts";
import { buildChartSpec, type ChartFigureInput, type ChartInput } from "@/lib/charts/spec";
import { CHART_WIDTH, PAD, plotWidth, renderChartSvg } from "@/lib/charts/svg";
import { findAll, parseXml } from "../../helpers/xml";

function figure(factId: number, value: number, extra: Partial<ChartFigureInput> = {}): ChartFigureInput {
  return { factId, reportId: 7, value, unit: "名", approx: "exact", quote: `共有${value}名志愿者参与。`, ...extra };
}

function single(extra: Partial<ChartInput> = {}): ChartInput {
  return {
    id: "one",
    lang: "zh",
    title: "甲县 · 动员人员",
    unit: "人",
    series: ["甲县"],
    rows: [
      { label: "志愿者", figures: [figure(11, 1200, { approx: "at_least" })] },
      { label: "党员干部", figures: [figure(12, 5000)] },
      { label: "群众", figures: [figure(13, 380)] },
    ],
    sources: [{ outlet: "甲县融媒体中心", title: "甲县战疫", publishedAt: "2020-02-10" }],
    fileName: "one",
    ...extra,
  };
}

const pair: ChartInput = {
  id: "two",
  lang: "en",
  title: "People mobilized: A / B",
  unit: "people",
  series: ["County A", "City B"],
  rows: [
    { label: "Volunteers", figures: [figure(21, 1000), figure(22, 10000)] },
    { label: "Cadres", figures: [null, figure(23, 40000, { approx: "nearly" })] },
    { label: "Public", figures: [figure(24, 20000), null] },
  ],
  sources: [],
  fileName: "two",
};

const svgOf = (input: ChartInput) => parseXml(renderChartSvg(buildChartSpec(input)));

describe("chartData", () => {
  it("gives one data point per row with each series' value and displayed figure, null where there is none", () => {
    const spec = buildChartSpec(pair);
    const data = chartData(spec);
    expect(data).toHaveLength(3);
    expect(data.map((datum) => datum.row)).toEqual([0, 1, 2]);
    expect(data.map((datum) => datum.label)).toEqual(["Volunteers", "Cadres", "Public"]);
    expect(data[0]).toMatchObject({ v0: 1000, d0: spec.rows[0].bars[0]!.display, v1: 10000, d1: spec.rows[0].bars[1]!.display, spacer: 0, missing: [] });
    expect(data[1]).toMatchObject({ v0: null, d0: null, v1: 40000 });
    expect(data[1].missing).toEqual([{ series: 0, text: "County A · no figure" }]);
    expect(data[2].missing).toEqual([{ series: 1, text: "City B · no figure" }]);
  });

  it("names no series in a one-series chart's missing text", () => {
    const data = chartData(buildChartSpec(single({ rows: [{ label: "志愿者", figures: [null] }] })));
    expect(data[0].missing).toEqual([{ series: 0, text: "无数据" }]);
  });
});

describe("chartBars", () => {
  it("lists the figures' bars in the order of the server SVG's links, each named and captioned with its source", () => {
    for (const input of [single(), pair]) {
      const spec = buildChartSpec(input);
      const bars = chartBars(spec);
      const links = findAll(svgOf(input), (element) => element.attributes.class === "chart-bar");
      expect(bars.map((item) => item.bar.factId)).toEqual(links.map((link) => Number(link.attributes["data-fact"])));
      expect(bars.map((item) => item.name)).toEqual(links.map((link) => link.attributes["aria-label"]));
      expect(bars.map((item) => item.index)).toEqual(bars.map((_, index) => index));
      for (const item of bars) {
        expect(spec.rows[item.row].bars[item.series]).toBe(item.bar);
        expect(item.caption).toBe(`${item.name} (${item.bar.exact}): “${item.bar.quote}”`);
        expect(item.bar.href).toMatch(new RegExp(`^/reports/7(\\?lang=en)?#f-${item.bar.factId}$`));
      }
    }
  });
});

describe("chartLayout", () => {
  it("is the server SVG's size at any width: its height scales with the width, as the SVG's viewBox does", () => {
    for (const input of [single(), pair, single({ note: "前 10 项", title: "一个很长很长的标题，需要在窄小的图表里折成两行才能完整地显示出来" })]) {
      const spec = buildChartSpec(input);
      const svg = svgOf(input);
      const svgHeight = Number(svg.attributes.height);
      expect(Number(svg.attributes.width)).toBe(CHART_WIDTH);
      for (const width of [CHART_WIDTH, 317, 520]) {
        const layout = chartLayout(spec, width);
        expect(layout.scale).toBeCloseTo(width / CHART_WIDTH, 10);
        expect(layout.width).toBe(width);
        expect(layout.height).toBeCloseTo(svgHeight * layout.scale, 6);
      }
    }
  });

  it("gives the bars svg.ts's axis length and places the plot between the header and the axis", () => {
    const spec = buildChartSpec(pair);
    const layout = chartLayout(spec, 520);
    const k = 520 / CHART_WIDTH;
    expect(layout.width - layout.margin.left - layout.margin.right).toBeCloseTo(plotWidth(spec) * k, 6);
    expect(layout.margin.left).toBeCloseTo(PAD * k, 6);
    expect(layout.margin.top).toBeCloseTo(layout.header.plotTop * k, 6);
    // Plot, axis and bottom margin fill the height under the header.
    expect(layout.margin.top + spec.rows.length * layout.rowHeight + layout.axisHeight + layout.margin.bottom).toBeCloseTo(layout.height, 6);
    // A band holds the label's slot and one bar per series, with the gaps between.
    expect(layout.rowHeight).toBeGreaterThan(layout.labelHeight + spec.series.length * (layout.barSize + layout.barGap));
    expect(layout.header.legend.map((item) => item.name)).toEqual(["County A", "City B"]);
  });

  it("wraps labels as svg.ts does: two lines at most, the full text kept where it is cut", () => {
    const long = "机关单位下沉党员干部组成的疫情防控突击队和志愿服务队以及各乡镇卡口执勤点、社区封闭管理值守点和农村交通路口劝返点等各类临时岗位上的全体人员";
    const spec = buildChartSpec(single({ rows: [{ label: long, figures: [figure(31, 5)] }, { label: "志愿者", figures: [figure(32, 9)] }] }));
    const layout = chartLayout(spec, 317);
    expect(layout.labels[0].lines).toHaveLength(2);
    expect(layout.labels[0].truncated).toBe(true);
    expect(layout.labels[0].lines[1].endsWith("…")).toBe(true);
    expect(layout.labels[1]).toEqual({ lines: ["志愿者"], truncated: false });
    // Every band is as tall as the tallest label needs.
    expect(layout.labelHeight).toBeCloseTo(2 * 13 * 1.3 * layout.scale, 6);
  });
});
