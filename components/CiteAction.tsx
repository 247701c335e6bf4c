"use client";
// "Cite": a disclosure beside a figure with its citation line and a copy button. The URL's origin and the access
// date are the reader's, so they are filled in the browser; without JavaScript the line shows the page path.
import { useEffect, useState } from "react";
import { citationLine } from "@/lib/dashboard/citation-line";
import type { Lang } from "@/lib/dashboard/metrics";

export interface CiteActionLabels {
  cite: string;
  citeFigure: string;
  copy: string;
  copied: string;
}

export function CiteAction({ head, path, lang, labels }: { head: string; path: string; lang: Lang; labels: CiteActionLabels }) {
  const [line, setLine] = useState(() => citationLine(head, path, new Date(), lang));
  const [copied, setCopied] = useState(false);
  useEffect(() => setLine(citationLine(head, `${window.location.origin}${path}`, new Date(), lang)), [head, path, lang]);
  async function copy() {
    try {
      await navigator.clipboard.writeText(line);
      setCopied(true);
    } catch {
      setCopied(false); // no clipboard permission: the line stays selectable in the box
    }
  }
  return (
    <details className="cite-action" data-testid="cite-action">
      <summary title={labels.citeFigure}>{labels.cite}</summary>
      <div className="cite-popover" role="group" aria-label={labels.citeFigure}>
        <p className="cite-line" data-testid="citation">{line}</p>
        <button type="button" onClick={copy} className="mt-1 rounded border border-stone-400 px-2 py-0.5 text-xs">{copied ? labels.copied : labels.copy}</button>
      </div>
    </details>
  );
}
