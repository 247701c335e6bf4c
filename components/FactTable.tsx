import { Cite } from "./Cite";
import { FigureStatus } from "./FigureStatus";
import { APPROX_LABELS, METRIC_LABELS, kindLabel, scopeLabel, type Lang } from "@/lib/dashboard/metrics";
import { localHref, t } from "@/lib/dashboard/i18n";
import type { FactView } from "@/lib/queries/shared";

export function FactTable({ facts, lang, csvHref }: { facts: FactView[]; lang: Lang; csvHref: string }) {
  return (
    <div className="rounded border border-stone-200 bg-white">
      <div className="flex items-center justify-between px-4 py-2">
        <span className="text-sm text-stone-600">{facts.length} {lang === "en" ? "figures" : "个数字"}</span>
        <a href={csvHref} download className="rounded border border-stone-300 px-2 py-1 text-sm hover:bg-stone-100" data-testid="facts-csv">{t(lang, "downloadCsv")}</a>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[640px] text-left text-sm" data-testid="fact-table">
          <thead className="bg-stone-100 text-xs text-stone-600">
            <tr>
              <th className="px-3 py-2">{t(lang, "value")}</th>
              <th className="px-3 py-2">{t(lang, "approximation")}</th>
              <th className="px-3 py-2">{t(lang, "subject")}</th>
              <th className="px-3 py-2">{t(lang, "scope")}</th>
              <th className="px-3 py-2">{t(lang, "metric")}</th>
              <th className="px-3 py-2">{t(lang, "quote")}</th>
            </tr>
          </thead>
          <tbody>
            {facts.map((fact) => (
              <tr key={fact.id} className="border-t border-stone-100 align-top">
                <td className="whitespace-nowrap px-3 py-2 font-medium"><Cite fact={fact} lang={lang} /><FigureStatus status={fact.status} correction={fact.correction} lang={lang} /></td>
                <td className="px-3 py-2 text-xs">{APPROX_LABELS[fact.approx][lang]}</td>
                <td className="px-3 py-2">{fact.subject}{fact.restates !== null && <span className="ml-1 text-xs text-stone-500">({t(lang, "restated")})</span>}{fact.partOf !== null && <span className="ml-1 text-xs text-stone-500">({t(lang, "partOf")})</span>}</td>
                <td className="px-3 py-2">{fact.scope.type === "region" ? <span className="text-stone-500">{t(lang, "regionWide")}</span> : `${scopeLabel(fact.scope.type, lang)}${fact.scope.name ? `：${fact.scope.name}` : ""}`}</td>
                <td className="px-3 py-2">{METRIC_LABELS[fact.metric][lang]} · {kindLabel(fact.metric, fact.kind, lang)}</td>
                <td className="px-3 py-2 text-xs text-stone-700"><a href={localHref(fact.href, lang)} className="hover:underline">{fact.quote}</a></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
