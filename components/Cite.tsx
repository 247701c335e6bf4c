// A number that links to the sentence it was taken from; hovering or focusing it shows that sentence.
// The quote travels as text (a data attribute read by CSS attr()), never as HTML.
import type { FactView } from "@/lib/queries/shared";
import { formatExact, formatFigure } from "@/lib/dashboard/format";
import { localHref } from "@/lib/dashboard/i18n";
import type { Lang } from "@/lib/dashboard/metrics";

export function Cite({ fact, lang, className = "" }: { fact: FactView; lang: Lang; className?: string }) {
  return (
    <a
      href={localHref(fact.href, lang)}
      className={`cite ${className}`}
      data-fact={fact.id}
      data-quote={fact.quote}
      title={`${formatExact(fact.value)} ${fact.unit} — ${fact.quote}`}
      aria-label={`${fact.figure}: ${fact.quote}`}
    >
      {formatFigure(fact.value, fact.unit, fact.approx)}
    </a>
  );
}
