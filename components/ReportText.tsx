// A report's clean text, sentence by sentence; each extracted figure is highlighted and links to its sentence.
import { Fragment } from "react";
import { localHref } from "@/lib/dashboard/i18n";
import type { Lang } from "@/lib/dashboard/metrics";
import type { SentenceView } from "@/lib/queries/report";

export function HighlightedSentence({ sentence, reportId, lang, linkFigures }: { sentence: SentenceView; reportId: number; lang: Lang; linkFigures: boolean }) {
  const parts: React.ReactNode[] = [];
  let cursor = 0;
  for (const [index, figure] of sentence.figures.entries()) {
    if (figure.start < cursor || figure.end > sentence.text.length) continue; // overlapping spans: keep the first
    parts.push(sentence.text.slice(cursor, figure.start));
    const text = sentence.text.slice(figure.start, figure.end);
    parts.push(
      linkFigures ? (
        <a key={index} href={localHref(`/reports/${reportId}#s-${sentence.index}`, lang)} className="figure" title={`${figure.metric}: ${figure.subject}`}>{text}</a>
      ) : (
        <mark key={index} className="figure" title={`${figure.metric}: ${figure.subject}`}>{text}</mark>
      ),
    );
    cursor = figure.end;
  }
  parts.push(sentence.text.slice(cursor));
  return <>{parts.map((part, index) => <Fragment key={index}>{part}</Fragment>)}</>;
}
