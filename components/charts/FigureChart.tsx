"use client";
// A bar chart of cited figures. Its SVG is drawn from the chart's specification by lib/charts/svg.ts — on the
// server too, so it is in the page's HTML and shows without JavaScript; hydration only adds behaviour:
// the chart is one tab stop (the bars are links with a roving tabindex), arrow keys move between bars, hovering or
// focusing a bar shows its source sentence under the chart, Enter or a click opens that sentence. The SVG and PNG
// downloads draw the same specification again, with the date and the page's address in the footer.
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { ChartSpec } from "@/lib/charts/spec";
import { renderChartSvg } from "@/lib/charts/svg";

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
  const drawingRef = useRef<HTMLDivElement>(null);
  const captionRef = useRef<HTMLParagraphElement>(null);
  // Download buttons need JavaScript: they appear once it runs rather than doing nothing before.
  const hydrated = useSyncExternalStore(subscribeNothing, () => true, () => false);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    const drawing = drawingRef.current;
    if (!drawing) return;
    const bars = () => [...drawing.querySelectorAll<SVGAElement>("a.chart-bar")];
    const barsByFact = new Map(spec.rows.flatMap((row) => row.bars.filter((bar) => bar !== null).map((bar) => [String(bar.factId), bar])));
    // The caption is written directly: no re-render, so the bar under the pointer is never replaced.
    const show = (target: EventTarget | null) => {
      const link = target instanceof Element ? target.closest<SVGAElement>("a.chart-bar") : null;
      const bar = link && barsByFact.get(link.dataset.fact ?? "");
      if (!bar || !captionRef.current) return;
      for (const other of bars()) other.toggleAttribute("data-active", other === link);
      captionRef.current.textContent = `${bar.display} (${bar.exact}): “${bar.quote}”`;
    };
    const focusBar = (link: SVGAElement) => {
      for (const other of bars()) other.setAttribute("tabindex", other === link ? "0" : "-1");
      link.focus();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const link = event.target instanceof Element ? event.target.closest<SVGAElement>("a.chart-bar") : null;
      if (!link) return;
      const all = bars();
      const index = all.indexOf(link);
      const next = { ArrowDown: index + 1, ArrowRight: index + 1, ArrowUp: index - 1, ArrowLeft: index - 1, Home: 0, End: all.length - 1 }[event.key];
      if (next !== undefined) {
        event.preventDefault();
        focusBar(all[Math.min(all.length - 1, Math.max(0, next))]);
      } else if (event.key === "Enter" && !(event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)) {
        event.preventDefault();
        window.location.assign(link.getAttribute("href")!);
      }
    };
    const onPoint = (event: Event) => show(event.target);
    drawing.addEventListener("keydown", onKeyDown);
    drawing.addEventListener("focusin", onPoint);
    drawing.addEventListener("mouseover", onPoint);
    return () => {
      drawing.removeEventListener("keydown", onKeyDown);
      drawing.removeEventListener("focusin", onPoint);
      drawing.removeEventListener("mouseover", onPoint);
    };
  }, [spec]);

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

  const hasBars = spec.rows.some((row) => row.bars.some((bar) => bar !== null));
  return (
    <div className="rounded border border-stone-200 bg-white">
      <figure id={spec.id} className="chart p-3" aria-labelledby={`${spec.id}-title`}>
        {/* Drawn on the server from the same specification; no text in it is unescaped (lib/charts/svg.ts). */}
        <div ref={drawingRef} className="chart-drawing" dangerouslySetInnerHTML={{ __html: svg }} />
        {hasBars && (
          <p ref={captionRef} className="mt-1 min-h-10 text-xs text-stone-700" aria-live="polite">
            {labels.hint}
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
