// The chart specification: built from plain figures, the same for every drawing of a chart.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildChartSpec, figureHref, niceTicks, PALETTE, sourceLine, type ChartFigureInput, type ChartInput } from "@/lib/charts/spec";
import { formatFigure } from "@/lib/dashboard/format";

function figure(factId: number, value: number, extra: Partial<ChartFigureInput> = {}): ChartFigureInput {
  return { factId, reportId: 3, value, unit: "名", approx: "exact", quote: `第${factId}句：共有${value}名党员参与。`, ...extra };
}

function input(extra: Partial<ChartInput> = {}): ChartInput {
  return {
    id: "test-chart",
    lang: "zh",
    title: "动员人员",
    unit: "人",
    series: ["甲县"],
    rows: [
      { label: "党员志愿者", figures: [figure(11, 37000, { approx: "at_least" })] },
      { label: "机关干部", figures: [figure(12, 1200)] },
    ],
    sources: [{ outlet: "甲县融媒体中心", title: "甲县党员冲在一线", publishedAt: "2020-02-10" }],
    fileName: "test-chart",
    ...extra,
  };
}

describe("buildChartSpec", () => {
  it("keeps one row per input row and one bar per figure, with its value, display text and source anchor", () => {
    const source = input();
    const spec = buildChartSpec(source);
    expect(spec.rows.map((row) => row.label)).toEqual(source.rows.map((row) => row.label));
    spec.rows.forEach((row, index) => {
      const given = source.rows[index].figures[0]!;
      expect(row.bars).toHaveLength(1);
      expect(row.bars[0]).toMatchObject({ factId: given.factId, value: given.value, quote: given.quote, href: figureHref(given.reportId, given.factId) });
      expect(row.bars[0]!.display).toBe(formatFigure(given.value, given.unit, given.approx));
    });
    expect(spec.rows[0].bars[0]!.href).toBe("/reports/3#f-11");
    expect(spec.rows[0].bars[0]!.display.startsWith("≥")).toBe(true);
  });

  it("links to the English report page in English and keeps the figure anchor", () => {
    const spec = buildChartSpec(input({ lang: "en" }));
    expect(spec.rows[1].bars[0]!.href).toBe("/reports/3?lang=en#f-12");
    expect(spec.source.startsWith("Source: ")).toBe(true);
    expect(spec.subtitle).not.toMatch(/\p{Script=Han}/u); // 名 has no English word: no unit line in Chinese
    expect(buildChartSpec(input({ lang: "en", unit: "元" })).subtitle).toContain("Unit: yuan");
    // Figures are written as English writes them: grouped digits and words, never 万.
    const large = buildChartSpec(input({ lang: "en", rows: [{ label: "party members", figures: [figure(1, 68000, { approx: "at_least" })] }] }));
    expect(large.rows[0].bars[0]!.display).toBe("≥68,000");
    expect(large.rows[0].bars[0]!.exact).toBe("68,000");
    for (const text of [large.rows[0].bars[0]!.display, large.rows[0].bars[0]!.exact, ...large.ticks.map((tick) => tick.label)]) expect(text).not.toMatch(/[万亿]/);
  });

  it("gives each series its own colour and keeps a missing figure as a gap", () => {
    const spec = buildChartSpec(input({ series: ["甲县", "乙市"], rows: [{ label: "党员", figures: [figure(1, 5), null] }, { label: "干部", figures: [null, figure(2, 9)] }] }));
    expect(spec.series.map((series) => series.color)).toEqual(PALETTE.slice(0, 2));
    expect(spec.rows.map((row) => row.bars.map((bar) => bar?.factId ?? null))).toEqual([[1, null], [null, 2]]);
    expect(spec.ticks[spec.ticks.length - 1].value).toBeGreaterThanOrEqual(9);
  });

  it("writes the source line from the reports' outlet, title and date, each once", () => {
    const line = sourceLine([{ outlet: "甲县融媒体中心", title: "甲县党员冲在一线", publishedAt: "2020-02-10" }, { outlet: "甲县融媒体中心", title: "甲县党员冲在一线", publishedAt: "2020-02-10" }], "zh");
    expect(line.startsWith("来源: 甲县融媒体中心《甲县党员冲在一线》, 2020-02-10 · ")).toBe(true);
    expect(line.match(/甲县融媒体中心/g)).toHaveLength(1);
    // A report that names nothing of itself is still named as the source, saying so; no report at all is "—".
    expect(sourceLine([{ outlet: null, publishedAt: null }], "zh")).toContain("来源: 报道原文未注明标题、媒体和日期 · ");
    expect(sourceLine([{ outlet: null, publishedAt: null }], "en")).toContain("Source: a report whose text gives no title, outlet or date · ");
    expect(sourceLine([], "zh")).toContain("来源: — · ");
  });

  it("labels the axis ticks in the chart's language", () => {
    expect(buildChartSpec(input()).ticks.map((tick) => tick.label)).toContain("2万");
    expect(buildChartSpec(input({ lang: "en" })).ticks.map((tick) => tick.label)).toContain("20K");
  });
});

describe("niceTicks", () => {
  it("starts at 0, steps evenly by 1, 2 or 5 × 10^k and ends at or just above the maximum", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e12, noNaN: true }), (max) => {
        const ticks = niceTicks(max);
        expect(ticks[0]).toBe(0);
        const step = ticks[1];
        const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
        expect([1, 2, 5].some((nice) => Math.abs(mantissa - nice) < 1e-6)).toBe(true);
        ticks.forEach((tick, index) => expect(tick).toBeCloseTo(index * step, 6));
        expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max * (1 - 1e-9));
        expect(ticks[ticks.length - 2]).toBeLessThan(max);
        expect(ticks.length).toBeGreaterThanOrEqual(3);
        expect(ticks.length).toBeLessThanOrEqual(6);
      }),
    );
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});
