import { Cite } from "./Cite";
import { FigureStatus } from "./FigureStatus";
import { HEADLINE_RULE } from "@/lib/dashboard/headline";
import { localHref, t } from "@/lib/dashboard/i18n";
import { HEADLINE_METRICS, METRIC_LABELS, kindLabel, type HeadlineMetric, type Lang } from "@/lib/dashboard/metrics";
import type { FactView } from "@/lib/queries/shared";

export function HeadlineFigures({ headlines, lang, showRule = true }: { headlines: Record<HeadlineMetric, FactView | null>; lang: Lang; showRule?: boolean }) {
  return (
    <section aria-label={t(lang, "headlines")}>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {HEADLINE_METRICS.map((metric) => {
          const fact = headlines[metric];
          return (
            <div key={metric} className="rounded border border-stone-200 bg-white p-3">
              <dt className="text-xs text-stone-600">{METRIC_LABELS[metric][lang]}</dt>
              <dd className="mt-1 text-xl font-semibold">
                {fact ? <><Cite fact={fact} lang={lang} /><FigureStatus status={fact.status} correction={fact.correction} lang={lang} /></> : <span className="text-base font-normal text-stone-500">{t(lang, "noFigure")}</span>}
              </dd>
              {fact && <dd className="mt-0.5 truncate text-xs text-stone-600" title={fact.subject} data-testid={`headline-kind-${metric}`}>{kindLabel(metric, fact.kind, lang)} · {fact.subject}</dd>}
            </div>
          );
        })}
      </dl>
      {showRule && <p className="mt-2 text-xs text-stone-500">{HEADLINE_RULE[lang]} <a href={localHref("/methodology", lang)} className="underline">{t(lang, "methodology")}</a></p>}
    </section>
  );
}
