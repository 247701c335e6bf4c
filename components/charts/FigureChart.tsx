"use client";
// A bar chart of cited figures, exportable as PNG. Each bar is a link to its source sentence (Tab reaches it,
// Enter follows it); hovering or focusing a bar shows the quote under the chart. The same figures are listed in a
// data table (rendered on the server too) for screen readers and for readers without JavaScript.
import { useRef, useState } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from "recharts";

export interface ChartSeries {
  name: string;
  color: string;
}

export interface ChartBar {
  value: number;
  display: string; // 3.7万名
  exact: string; // 37,000
  href: string;
  quote: string;
}

export interface ChartRow {
  label: string;
  bars: (ChartBar | null)[]; // one per series
}

export interface ChartLabels {
  downloadPng: string;
  downloadCsv: string;
  dataTable: string;
  quote: string;
  value: string;
  subject: string;
  empty: string;
  hint: string;
}

export interface FigureChartProps {
  id: string;
  title: string;
  subtitle: string;
  series: ChartSeries[];
  rows: ChartRow[];
  footer: string;
  fileName: string;
  csvHref: string;
  labels: ChartLabels;
}

const ROW_HEIGHT = 22;

function shortLabel(label: string): string {
  return label.length > 10 ? `${label.slice(0, 9)}…` : label;
}

export function FigureChart({ id, title, subtitle, series, rows, footer, fileName, csvHref, labels }: FigureChartProps) {
  const figureRef = useRef<HTMLElement>(null);
  const [hidden, setHidden] = useState<boolean[]>(() => series.map(() => false));
  // The quote of the hovered or focused bar is written straight into the caption: a state change would
  // re-render the chart and replace the bar under the pointer between mousedown and click.
  const captionRef = useRef<HTMLParagraphElement>(null);
  const showQuote = (bar: ChartBar) => {
    if (captionRef.current) captionRef.current.textContent = `“${bar.quote}” (${bar.exact})`;
  };
  const [exporting, setExporting] = useState(false);

  const data = rows.map((row, rowIndex) => ({
    rowIndex, // recharts numbers only the bars it draws, so a row's own index travels in its payload
    label: row.label,
    ...Object.fromEntries(row.bars.map((bar, index) => [`s${index}`, bar?.value ?? null])),
  }));
  const visibleSeries = series.map((entry, index) => ({ ...entry, index })).filter((entry) => !hidden[entry.index]);
  const height = Math.max(140, rows.length * (Math.max(1, visibleSeries.length) * ROW_HEIGHT + 12) + 48);

  async function downloadPng() {
    if (!figureRef.current) return;
    setExporting(true);
    try {
      const { toPng } = await import("html-to-image");
      const url = await toPng(figureRef.current, {
        pixelRatio: 2,
        backgroundColor: "#ffffff",
        filter: (node) => !(node instanceof HTMLElement && node.dataset.exportExclude !== undefined),
      });
      const link = document.createElement("a");
      link.href = url;
      link.download = `${fileName}.png`;
      document.body.append(link);
      link.click();
      link.remove();
    } finally {
      setExporting(false);
    }
  }

  return (
    <div className="rounded border border-stone-200 bg-white">
      <figure ref={figureRef} id={id} className="bg-white p-4" aria-labelledby={`${id}-title`}>
        <figcaption>
          <div id={`${id}-title`} className="font-semibold">{title}</div>
          <div className="text-xs text-stone-500">{subtitle}</div>
        </figcaption>
        {series.length > 1 && (
          <ul className="mt-2 flex flex-wrap gap-3 text-sm" aria-label="legend">
            {series.map((entry, index) => (
              <li key={entry.name}>
                <button
                  type="button"
                  aria-pressed={!hidden[index]}
                  onClick={() => setHidden((state) => state.map((value, i) => (i === index ? !value : value)))}
                  className="inline-flex items-center gap-1.5 rounded px-1 focus-visible:outline-2 focus-visible:outline-sky-700"
                >
                  <span aria-hidden className="inline-block h-3 w-3 rounded-sm" style={{ background: hidden[index] ? "#d6d3d1" : entry.color }} />
                  <span className={hidden[index] ? "text-stone-400 line-through" : ""}>{entry.name}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {rows.length === 0 ? (
          <p className="py-6 text-sm text-stone-500">{labels.empty}</p>
        ) : (
          <div style={{ height }} className="mt-2 w-full">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={data} layout="vertical" margin={{ top: 4, right: 56, bottom: 4, left: 4 }} barGap={2}>
                <CartesianGrid horizontal={false} stroke="#e7e5e4" />
                <XAxis type="number" tick={{ fontSize: 11 }} tickFormatter={(value: number) => (value >= 1e4 ? `${value / 1e4}万` : String(value))} />
                <YAxis type="category" dataKey="label" width={132} tick={{ fontSize: 12 }} tickFormatter={shortLabel} interval={0} />
                {visibleSeries.map((entry) => (
                  <Bar
                    key={entry.name}
                    dataKey={`s${entry.index}`}
                    name={entry.name}
                    fill={entry.color}
                    isAnimationActive={false}
                    shape={(props: unknown) => {
                      const { x, y, width, height, payload } = props as { x: number; y: number; width: number; height: number; payload: { rowIndex: number } };
                      const index = payload.rowIndex;
                      const bar = rows[index]?.bars[entry.index];
                      if (!bar) return <g />;
                      return (
                        <a
                          href={bar.href}
                          tabIndex={0}
                          // The chart's own pointer handling swallows the default action of links inside its SVG.
                          onClick={(event) => {
                            event.preventDefault();
                            window.location.assign(bar.href);
                          }}
                          aria-label={`${rows[index].label} ${entry.name}: ${bar.display} — ${bar.quote}`}
                          onMouseEnter={() => showQuote(bar)}
                          onFocus={() => showQuote(bar)}
                          className="chart-bar"
                        >
                          <rect x={x} y={y} width={Math.max(width, 1)} height={height} fill={entry.color} />
                          <text x={x + Math.max(width, 1) + 4} y={y + height / 2} dominantBaseline="central" fontSize={11} fill="#292524">
                            {bar.display}
                          </text>
                        </a>
                      );
                    }}
                  />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
        )}
        <p ref={captionRef} className="mt-1 min-h-10 text-xs text-stone-700" aria-live="polite" data-export-exclude>
          {labels.hint}
        </p>
        <p className="mt-2 border-t border-stone-100 pt-2 text-[11px] text-stone-500">{footer}</p>
      </figure>
      <div className="flex flex-wrap items-center gap-3 border-t border-stone-100 px-4 py-2 text-sm">
        <button type="button" onClick={downloadPng} disabled={exporting} className="rounded border border-stone-300 px-2 py-1 hover:bg-stone-100 disabled:opacity-50" data-testid={`${id}-png`}>
          {labels.downloadPng}
        </button>
        <a href={csvHref} download className="rounded border border-stone-300 px-2 py-1 hover:bg-stone-100" data-testid={`${id}-csv`}>
          {labels.downloadCsv}
        </a>
        <details className="w-full">
          <summary className="cursor-pointer text-stone-600">{labels.dataTable}</summary>
          <table className="mt-2 w-full text-left text-xs">
            <thead>
              <tr>
                <th className="py-1 pr-2">{labels.subject}</th>
                {series.map((entry) => <th key={entry.name} className="py-1 pr-2">{entry.name}</th>)}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label} className="border-t border-stone-100 align-top">
                  <th scope="row" className="py-1 pr-2 font-normal">{row.label}</th>
                  {row.bars.map((bar, index) => (
                    <td key={index} className="py-1 pr-2">
                      {bar ? <a href={bar.href} className="cite" data-quote={bar.quote} title={`${bar.exact} — ${bar.quote}`}>{bar.display}</a> : "—"}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </div>
    </div>
  );
}
