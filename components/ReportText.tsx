// A report's clean text, sentence by sentence; each extracted figure is highlighted and carries the anchor
// #f-<fact id>, so a link to a figure lands on (and highlights) the figure itself inside its sentence.
import { Fragment } from "react";
import { localHref } from "@/lib/dashboard/i18n";
import { METRIC_LABELS, type Lang } from "@/lib/dashboard/metrics";
import type { SentenceView } from "@/lib/queries/report";
import { figureHref } from "@/lib/charts/spec";

export function HighlightedSentence({ sentence, reportId, lang, linkFigures }: { sentence: SentenceView; reportId: number; lang: Lang; linkFigures: boolean }) {
  const parts: React.ReactNode[] = [];
  let cursor = 0;
  for (const [index, figure] of sentence.figures.entries()) {
    if (figure.start < cursor || figure.end > sentence.text.length) {
      // Overlapping spans: the first is marked; the others keep an anchor so that links to them still land here.
      if (!linkFigures) parts.push(<span key={`f-${index}`} id={`f-${figure.id}`} />);
      continue;
    }
    parts.push(sentence.text.slice(cursor, figure.start));
    const text = sentence.text.slice(figure.start, figure.end);
    const title = `${METRIC_LABELS[figure.metric as keyof typeof METRIC_LABELS]?.[lang] ?? figure.metric}: ${figure.subject}`;
    parts.push(
      linkFigures ? (
        <a key={index} href={localHref(figureHref(reportId, figure.id), lang)} className="figure" title={title}>{text}</a>
      ) : (
        // The figure's anchor: charts link to /reports/<id>#f-<fact id>.
        // data-status: CSS marks an editor's figure after it (not in the text, so selections keep their offsets).
        <mark key={index} id={`f-${figure.id}`} className="figure" data-status={figure.status} title={`${figure.metric}: ${figure.subject}${figure.correction ? ` — ${figure.status} · ${figure.correction.editor} · ${figure.correction.at.slice(0, 10)} · ${figure.correction.reason}` : ""}`}>{text}</mark>
      ),
    );
    cursor = figure.end;
  }
  parts.push(sentence.text.slice(cursor));
  return <>{parts.map((part, index) => <Fragment key={index}>{part}</Fragment>)}</>;
}
