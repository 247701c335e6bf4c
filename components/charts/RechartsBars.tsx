"use client";
// The interactive drawing of a chart: a recharts horizontal bar chart drawn in the browser from the same chart
// specification as the server's SVG (lib/charts/svg.ts), with svg.ts's measures (lib/charts/recharts.ts), so it
// replaces that SVG at the same size. Loaded after hydration (FigureChart imports it lazily): recharts draws nothing
// on the server (recharts#5997).
//
// The recharts tree is built once per specification and width (useMemo): which bar is active reaches the bars
// through a context, so hovering or focusing re-renders the bar links alone. Re-rendering the chart would make
// recharts replace its bar elements (a new animation id), taking the keyboard focus and any click with them.
//
// Each figure's bar is an SVG link (<a class="chart-bar">, with a roving tabindex: the chart is one tab stop).
// Arrow keys, Home and End move between bars; Enter, or a click anywhere on a bar's row, opens the figure in its
// sentence. The click is taken by the chart (BarChart's onClick, on recharts' stable wrapper), not by the bar
// elements, and bars never change shape when active, so no re-render between pointer down and up can eat it.
// All text is rendered by React as text.
import { createContext, useContext, useMemo, useRef, type KeyboardEvent, type MouseEvent } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, ReferenceLine, XAxis, YAxis } from "recharts";
import { chartBars, chartData, chartLayout, type ChartBarItem } from "@/lib/charts/recharts";
import type { ChartSpec } from "@/lib/charts/spec";
import { COLORS, FONT_FAMILY, PAD, SIZE } from "@/lib/charts/svg";

export interface RechartsBarsProps {
  spec: ChartSpec;
  width: number; // pixels
  active: number | null; // the active bar (index in reading order), or none
  onActive: (index: number) => void;
}

interface ShapeProps {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  index?: number; // position among the drawn bars: a series without a figure in some row draws fewer
  originalDataIndex?: number; // the row
}

interface ValueLabelProps {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  value?: unknown;
  index?: number;
}

const HALO = { stroke: "#ffffff", strokeWidth: 3, paintOrder: "stroke" } as const;

interface ActiveBar {
  active: number | null;
  onActive: (index: number) => void;
}

const ActiveBarContext = createContext<ActiveBar>({ active: null, onActive: () => {} });

/** One figure's bar: a link to the figure in its sentence; the chart's one tab stop when it is the active bar. */
function BarLink({ item, x, y, width, height, color, minWidth }: { item: ChartBarItem; x: number; y: number; width: number; height: number; color: string; minWidth: number }) {
  const { active, onActive } = useContext(ActiveBarContext);
  return (
    <a
      className="chart-bar"
      href={item.bar.href}
      tabIndex={item.index === (active ?? 0) ? 0 : -1}
      data-fact={item.bar.factId}
      data-index={item.index}
      data-active={item.index === active ? "" : undefined}
      aria-label={item.name}
      onMouseEnter={() => onActive(item.index)}
      onFocus={() => onActive(item.index)}
    >
      <title>{`${item.name} (${item.bar.exact}) — ${item.bar.quote}`}</title>
      <rect x={x} y={y} width={Math.max(minWidth, width)} height={height} fill={color} />
    </a>
  );
}

export function RechartsBars({ spec, width, active, onActive }: RechartsBarsProps) {
  const bars = useMemo(() => chartBars(spec), [spec]);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const context = useMemo(() => ({ active, onActive }), [active, onActive]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const link = event.target instanceof Element ? event.target.closest<SVGAElement>("a.chart-bar") : null;
    if (!link) return;
    const index = Number(link.dataset.index);
    const next = { ArrowDown: index + 1, ArrowRight: index + 1, ArrowUp: index - 1, ArrowLeft: index - 1, Home: 0, End: bars.length - 1 }[event.key];
    if (next !== undefined) {
      event.preventDefault();
      const target = Math.min(bars.length - 1, Math.max(0, next));
      onActive(target);
      wrapperRef.current?.querySelector<SVGAElement>(`a.chart-bar[data-index="${target}"]`)?.focus();
    } else if (event.key === "Enter" && !(event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)) {
      event.preventDefault();
      window.location.assign(bars[index].bar.href);
    }
  };

  const chart = useMemo(() => <Chart spec={spec} width={width} bars={bars} />, [spec, width, bars]);
  return (
    <ActiveBarContext.Provider value={context}>
      <div ref={wrapperRef} className="chart-recharts" onKeyDown={onKeyDown}>
        {chart}
      </div>
    </ActiveBarContext.Provider>
  );
}

function Chart({ spec, width, bars }: { spec: ChartSpec; width: number; bars: ChartBarItem[] }) {
  const layout = useMemo(() => chartLayout(spec, width), [spec, width]);
  const data = useMemo(() => chartData(spec), [spec]);
  // bar index by row and series (-1: no figure)
  const barAt = useMemo(() => spec.rows.map((_, row) => spec.series.map((__, series) => bars.find((item) => item.row === row && item.series === series)?.index ?? -1)), [spec, bars]);
  const { scale: k } = layout;
  const lastTick = spec.ticks[spec.ticks.length - 1];

  // The chart's own click (recharts calls it during the click event, so the link's own navigation can be
  // prevented): the bar under the pointer, else the first figure of the row the pointer is in. The row comes from
  // the click's position: recharts' activeTooltipIndex follows mouse moves a frame late (it is used only if the
  // chart's box is unknown).
  const onChartClick = (state: { activeTooltipIndex?: number | string | null }, event: MouseEvent<SVGGraphicsElement>) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return; // a new tab: the link's own
    const link = event.target instanceof Element ? event.target.closest<SVGAElement>("a.chart-bar") : null;
    const box = event.currentTarget?.getBoundingClientRect();
    const pointed = box ? Math.floor((event.clientY - box.top - layout.margin.top) / layout.rowHeight) : -1;
    const row = box ? pointed : state.activeTooltipIndex == null ? -1 : Number(state.activeTooltipIndex); // outside the rows: nothing
    const index = link ? Number(link.dataset.index) : (barAt[row]?.find((candidate) => candidate >= 0) ?? -1);
    if (!(index >= 0)) return;
    event.preventDefault();
    window.location.assign(bars[index].bar.href);
  };

  const barShape = (series: number) =>
    function BarShape({ x = 0, y = 0, width: length = 0, height = 0, index: position = 0, originalDataIndex: row = position }: ShapeProps) {
      const index = barAt[row]?.[series] ?? -1;
      if (index < 0) return <g />;
      return <BarLink item={bars[index]} x={x} y={y} width={length} height={height} color={spec.series[series].color} minWidth={k} />;
    };
  // The figure as displayed, after its bar (the link's name says it too, so screen readers skip it here).
  const valueLabel = (series: number) =>
    function ValueLabel({ x = 0, y = 0, width: length = 0, height = 0, value, index: row = 0 /* the row (recharts passes the data index) */ }: ValueLabelProps) {
      const index = barAt[row]?.[series] ?? -1;
      if (value == null || index < 0) return null;
      return (
        <text className="chart-value" data-fact={bars[index].bar.factId} x={Number(x) + Math.max(k, Number(length)) + 4 * k} y={Number(y) + Number(height) - 3 * k} fontSize={layout.font.value} fill={COLORS.text} aria-hidden="true">
          {String(value)}
        </text>
      );
    };

  // The row's label, in the slot before its bars (as in svg.ts, above them: the full width of a phone), and "no
  // figure" in the slots of series without one (recharts draws no bar there; the slots follow the label's).
  function RowLabel({ y = 0, index: position = 0, originalDataIndex: row = position }: ShapeProps) {
    const label = layout.labels[row];
    if (!label) return <g />;
    const size = layout.font.label;
    return (
      <g>
        <text className="chart-label" x={PAD * k} y={y + size - 2 * k} fontSize={size} fill={COLORS.text} aria-hidden="true" {...HALO}>
          {label.truncated && <title>{spec.rows[row].label}</title>}
          {label.lines.map((line, index) => <tspan key={index} x={PAD * k} dy={index === 0 ? undefined : size * 1.3}>{line}</tspan>)}
        </text>
        {data[row].missing.map(({ series, text }) => (
          <text key={series} className="chart-missing" x={(PAD + 3) * k} y={y + layout.labelHeight + layout.barGap + series * (layout.barSize + layout.barGap) + layout.barSize - 3 * k} fontSize={layout.font.value} fill={COLORS.muted} {...HALO}>
            {text}
          </text>
        ))}
      </g>
    );
  }

  // As in svg.ts: the numbers 2 units under the plot, the first starting at 0.
  const plotBottom = layout.margin.top + spec.rows.length * layout.rowHeight;
  function AxisTick({ x = 0, payload }: { x?: number | string; payload?: { value: number; index: number } }) {
    const tick = spec.ticks[payload?.index ?? 0];
    return (
      <text x={Number(x)} y={plotBottom + layout.font.tick + 2 * k} fontSize={layout.font.tick} fill={COLORS.muted} textAnchor={payload?.index === 0 ? "start" : "middle"}>
        {tick?.label ?? ""}
      </text>
    );
  }

  const { header, source } = layout;
  return (
    <div style={{ width: layout.width, height: layout.height, fontFamily: FONT_FAMILY }}>
      <BarChart
        width={layout.width}
        height={layout.height}
        data={data}
        layout="vertical"
        margin={layout.margin}
        barCategoryGap={0}
        barGap={layout.barGap}
        accessibilityLayer={false}
        onClick={onChartClick}
        style={{ cursor: "pointer" }}
      >
        {/* Title, unit line, legend: the same positions as in svg.ts, in its units. */}
        <g transform={`scale(${k})`} className="chart-header">
          <text id={`${spec.id}-title`} x={PAD} y={header.title.y} fontSize={SIZE.title} fontWeight={600} fill={COLORS.text}>
            {header.title.lines.map((line, index) => <tspan key={index} x={PAD} dy={index === 0 ? undefined : SIZE.title * 1.3}>{line}</tspan>)}
          </text>
          {header.subtitle && (
            <text x={PAD} y={header.subtitle.y} fontSize={SIZE.subtitle} fill={COLORS.muted}>
              {header.subtitle.lines.map((line, index) => <tspan key={index} x={PAD} dy={index === 0 ? undefined : SIZE.subtitle * 1.3}>{line}</tspan>)}
            </text>
          )}
          {header.legend.map((item) => (
            <g key={item.name} className="chart-legend">
              <rect x={item.x} y={item.y + 1} width={11} height={11} rx={2} fill={item.color} />
              <text x={item.x + 16} y={item.y + SIZE.legend - 1} fontSize={SIZE.legend} fill={COLORS.text}>{item.name}</text>
            </g>
          ))}
        </g>
        <CartesianGrid horizontal={false} stroke={COLORS.grid} />
        <XAxis
          type="number"
          domain={[0, lastTick.value]}
          ticks={spec.ticks.map((tick) => tick.value)}
          tickFormatter={(value: number) => spec.ticks.find((tick) => tick.value === value)?.label ?? ""}
          interval={0}
          height={layout.axisHeight}
          axisLine={false}
          tickLine={false}
          tick={AxisTick}
          allowDataOverflow
        />
        <ReferenceLine x={0} stroke={COLORS.axis} zIndex={-90} />
        <YAxis type="category" dataKey="row" hide />
        <Bar dataKey="spacer" className="chart-label-slot" barSize={layout.labelHeight} shape={RowLabel} isAnimationActive={false} />
        {spec.series.map((series, index) => (
          <Bar key={index} dataKey={`v${index}`} name={series.name} fill={series.color} barSize={layout.barSize} shape={barShape(index)} isAnimationActive={false}>
            <LabelList dataKey={`d${index}`} content={valueLabel(index)} />
          </Bar>
        ))}
        <g transform={`scale(${k})`} className="chart-source">
          <text x={PAD} y={source.y} fontSize={SIZE.source} fill={COLORS.muted}>
            {source.lines.map((line, index) => <tspan key={index} x={PAD} dy={index === 0 ? undefined : SIZE.source * 1.3}>{line}</tspan>)}
          </text>
        </g>
      </BarChart>
    </div>
  );
}
