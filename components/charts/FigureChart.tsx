"use client";
// A bar chart of cited figures, drawn twice from one chart specification (lib/charts/spec.ts):
// - on the server, as SVG (lib/charts/svg.ts): in the page's HTML, so the chart shows at first paint and without
//   JavaScript; its bars are plain links to the figures;
// - after hydration, by recharts (./RechartsBars, loaded lazily): the same rows, bars, values, axis and size
//   (lib/charts/recharts.ts), replacing the server's SVG once the box's width is known. recharts draws nothing on
//   the server (recharts#5997), hence the two. The chart is one tab stop (bars are links with a roving tabindex);
//   arrow keys, Home and End move between bars; hovering or focusing a bar writes which figure it is and its
//   source sentence into the live caption under the chart; Enter or a click opens the figure in its sentence.
// The SVG and PNG downloads draw the server's SVG again (renderChartSvg), with the date and the page's address in
// the footer, and the data table lists the same specification: page, files and table cannot disagree.
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type ComponentType } from "react";
import { chartBars } from "@/lib/charts/recharts";
import type { ChartSpec } from "@/lib/charts/spec";
import { CHART_MAX_WIDTH, renderChartSvg } from "@/lib/charts/svg";
import type { RechartsBarsProps } from "./RechartsBars";

export interface ChartLabels {
  downloadPng: string;
  downloadSvg: string;
  downloadCsv: string;
  dataTable: string;
  subject: string;
  hint: string;
}

export interface FigureChartProps {
  spec: ChartSpec;
  csvHref: string;
  labels: ChartLabels;
}

const subscribeNothing = () => () => {};

/** The SVG as a file: the same drawing, with when and where it was taken from. */
function exportSvg(spec: ChartSpec): string {
  const date = new Date().toISOString().slice(0, 10);
  return renderChartSvg(spec, { standalone: true, footer: `${date} · ${window.location.href}` });
}

function saveBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function svgToPng(svg: string, pixelRatio: number): Promise<Blob> {
  const image = new Image();
  image.src = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    await image.decode();
    const canvas = Object.assign(document.createElement("canvas"), { width: image.naturalWidth * pixelRatio, height: image.naturalHeight * pixelRatio });
    const context = canvas.getContext("2d")!;
    context.scale(pixelRatio, pixelRatio);
    context.drawImage(image, 0, 0);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))), "image/png"));
  } finally {
    URL.revokeObjectURL(image.src);
  }
}

export function FigureChart({ spec, csvHref, labels }: FigureChartProps) {
  const svg = useMemo(() => renderChartSvg(spec), [spec]);
  const bars = useMemo(() => chartBars(spec), [spec]);
  const drawingRef = useRef<HTMLDivElement>(null);
  // Download buttons need JavaScript: they appear once it runs rather than doing nothing before.
  const hydrated = useSyncExternalStore(subscribeNothing, () => true, () => false);
  const [exporting, setExporting] = useState(false);
  const [Drawing, setDrawing] = useState<ComponentType<RechartsBarsProps> | null>(null);
  const [width, setWidth] = useState<number | null>(null);
  const [active, setActive] = useState<number | null>(null);
  const hasBars = bars.length > 0;

  // recharts comes after hydration, in its own chunk; until then (and without JavaScript) the server's SVG stays.
  useEffect(() => {
    if (!hasBars) return;
    let live = true;
    import("./RechartsBars")
      .then((module) => live && setDrawing(() => module.RechartsBars))
      .catch(() => {}); // the chunk did not load: the server's drawing stays, its bars still links
    return () => {
      live = false;
    };
  }, [hasBars]);

  // The width the server's SVG takes in this box (it scales to the box, up to CHART_MAX_WIDTH).
  useEffect(() => {
    const box = drawingRef.current;
    if (!box || !hasBars) return;
    const measure = () => {
      const available = box.clientWidth;
      if (available > 0) setWidth(Math.min(CHART_MAX_WIDTH, available));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, [hasBars]);

  async function download(kind: "svg" | "png") {
    setExporting(true);
    try {
      const file = exportSvg(spec);
      if (kind === "svg") saveBlob(new Blob([file], { type: "image/svg+xml" }), `${spec.fileName}.svg`);
      else saveBlob(await svgToPng(file, 2), `${spec.fileName}.png`);
    } finally {
      setExporting(false);
    }
  }

  return (
    <div className="rounded border border-stone-200 bg-white">
      <figure id={spec.id} className="chart p-3" aria-labelledby={`${spec.id}-title`}>
        <div ref={drawingRef} className="chart-drawing">
          {Drawing && width ? (
            <Drawing spec={spec} width={width} active={active} onActive={setActive} />
          ) : (
            // Drawn on the server from the same specification; no text in it is unescaped (lib/charts/svg.ts).
            <div dangerouslySetInnerHTML={{ __html: svg }} />
          )}
        </div>
        {hasBars && (
          <p className="mt-1 min-h-10 text-xs text-stone-700" aria-live="polite" data-testid={`${spec.id}-caption`}>
            {active !== null && bars[active] ? bars[active].caption : labels.hint}
          </p>
        )}
      </figure>
      <div className="flex flex-wrap items-center gap-3 border-t border-stone-100 px-3 py-2 text-sm">
        {hydrated && (
          <>
            <button type="button" onClick={() => download("png")} disabled={exporting} className="rounded border border-stone-300 px-2 py-1 hover:bg-stone-100 disabled:opacity-50" data-testid={`${spec.id}-png`}>
              {labels.downloadPng}
            </button>
            <button type="button" onClick={() => download("svg")} disabled={exporting} className="rounded border border-stone-300 px-2 py-1 hover:bg-stone-100 disabled:opacity-50" data-testid={`${spec.id}-svg`}>
              {labels.downloadSvg}
            </button>
          </>
        )}
        <a href={csvHref} download className="rounded border border-stone-300 px-2 py-1 hover:bg-stone-100" data-testid={`${spec.id}-csv`}>
          {labels.downloadCsv}
        </a>
        <details className="w-full" data-testid={`${spec.id}-table`}>
          <summary className="cursor-pointer text-stone-600">{labels.dataTable}</summary>
          <table className="mt-2 w-full text-left text-xs">
            <caption className="sr-only">{spec.title}</caption>
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-2">{labels.subject}</th>
                {spec.series.map((series) => <th key={series.name} scope="col" className="py-1 pr-2">{series.name}</th>)}
              </tr>
            </thead>
            <tbody>
              {spec.rows.map((row, rowIndex) => (
                <tr key={rowIndex} className="border-t border-stone-100 align-top">
                  <th scope="row" className="py-1 pr-2 font-normal">{row.label}</th>
                  {row.bars.map((bar, index) => (
                    <td key={index} className="py-1 pr-2">
                      {bar ? <a href={bar.href} className="cite" data-quote={bar.quote} title={`${bar.exact} — ${bar.quote}`}>{bar.display}</a> : spec.text.noFigure}
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
