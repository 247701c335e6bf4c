import Link from "next/link";
import { formatDate } from "@/lib/dashboard/format";
import { LEVEL_LABELS, localHref, regionName, t } from "@/lib/dashboard/i18n";
import type { Lang } from "@/lib/dashboard/metrics";
import type { SearchResults } from "@/lib/queries/search";

const LINK = "text-sky-800 underline";

function Group({ id, title, count, lang, children }: { id: string; title: string; count: number; lang: Lang; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-head`} data-testid={`search-${id}`} className="mt-6">
      <h2 id={`${id}-head`} className="text-lg font-semibold">{title} <span className="text-sm font-normal text-stone-600">({count})</span></h2>
      {count === 0 ? <p className="mt-1 text-sm text-stone-700">{t(lang, "searchNone")}</p> : <ul className="mt-2 space-y-2">{children}</ul>}
    </section>
  );
}

export function SearchResultsView({ results, lang }: { results: SearchResults; lang: Lang }) {
  if (!results.query) {
    return (
      <>
        <h1 className="text-2xl font-semibold">{t(lang, "searchTitle")}</h1>
        <p className="mt-3 text-stone-700">{t(lang, "searchHint")}</p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-semibold break-words">{t(lang, "searchResultsFor", { query: results.query })}</h1>
      <Group id="regions" title={t(lang, "resultsRegions")} count={results.regions.length} lang={lang}>
        {results.regions.map((region) => (
          <li key={`${region.name}-${region.province}-${region.level}`} className="break-words">
            {region.slug ? <Link href={localHref(`/regions/${region.slug}`, lang)} className={LINK}>{regionName(region, lang)}</Link> : <span>{regionName(region, lang)}</span>}
            <span className="text-sm text-stone-700">
              {" · "}{LEVEL_LABELS[region.level][lang]}{region.level !== "province" ? ` · ${region.province}` : ""}{" · "}
              {region.reportCount > 0 ? t(lang, "searchReportCount", { count: region.reportCount }) : t(lang, "searchNoReports")}
              {region.regionsWithReports > 0 && (
                <>
                  {" · "}
                  <Link href={localHref("/", lang, { province: region.name })} className={LINK}>{t(lang, "searchProvinceRegions", { count: region.regionsWithReports })}</Link>
                </>
              )}
            </span>
          </li>
        ))}
      </Group>
      <Group id="reports" title={t(lang, "searchReports")} count={results.reports.length} lang={lang}>
        {results.reports.map((report) => (
          <li key={report.id} className="break-words">
            <Link href={localHref(`/reports/${report.id}`, lang)} className={LINK}>{report.title ?? t(lang, "untitled")}</Link>
            <span className="text-sm text-stone-700"> · {regionName(report.region, lang)}{report.publishedAt ? ` · ${formatDate(report.publishedAt, lang)}` : ""}</span>
            {report.excerpt && <p className="text-sm text-stone-700">{report.excerpt}</p>}
          </li>
        ))}
      </Group>
      <Group id="figures" title={t(lang, "searchFigures")} count={results.figures.length} lang={lang}>
        {results.figures.map((figure) => (
          <li key={figure.id} className="break-words">
            <Link href={localHref(`/reports/${figure.reportId}#f-${figure.id}`, lang)} className={LINK}>{figure.figure} {figure.subject}</Link>
            <span className="text-sm text-stone-700"> · {regionName(figure.region, lang)}</span>
            <p className="text-sm text-stone-700">{figure.sentence}</p>
          </li>
        ))}
      </Group>
    </>
  );
}
