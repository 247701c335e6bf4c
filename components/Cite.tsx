// A number that links to the figure itself in its report (#f-<id>); hovering or focusing it shows its sentence.
// The quote travels as text (a data attribute read by CSS attr()), never as HTML. Beside it, a "cite" action.
import type { FactView } from "@/lib/queries/shared";
import { figureHref } from "@/lib/charts/spec";
import { citationHead } from "@/lib/dashboard/citation";
import { formatExactFigure, formatFigure } from "@/lib/dashboard/format";
import { localHref, t } from "@/lib/dashboard/i18n";
import type { Lang } from "@/lib/dashboard/metrics";
import { CiteAction } from "./CiteAction";

export function Cite({ fact, lang, className = "", citable = true }: { fact: FactView; lang: Lang; className?: string; citable?: boolean }) {
  const href = localHref(figureHref(fact.reportId, fact.id), lang);
  return (
    <span className="cite-wrap">
      <a href={href} className={`cite ${className}`} data-fact={fact.id} data-quote={fact.quote} title={`${formatExactFigure(fact.value, fact.unit, lang)} — ${fact.quote}`}>
        {formatFigure(fact.value, fact.unit, fact.approx, lang)}
      </a>
      {citable && (
        <CiteAction head={citationHead(fact, lang)} path={href} lang={lang}
          labels={{ cite: t(lang, "cite"), citeFigure: t(lang, "citeFigure"), copy: t(lang, "copy"), copied: t(lang, "copied") }} />
      )}
    </span>
  );
}
