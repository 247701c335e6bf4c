import Link from "next/link";
import { connection } from "next/server";
import { Cite } from "@/components/Cite";
import { FigureChart } from "@/components/charts/FigureChart";
import { Notice } from "@/components/Notice";
import { SiteHeader } from "@/components/SiteHeader";
import { buildChartSpec } from "@/lib/charts/spec";
import { chartFigure } from "@/lib/dashboard/charts";
import { HEADLINE_RULE } from "@/lib/dashboard/headline";
import { LEVEL_LABELS, localHref, regionChain, regionName, t, parseLang } from "@/lib/dashboard/i18n";
import type { Metadata } from "next";
import { REGION_LEVELS } from "@/lib/extract/types";
import { HEADLINE_METRICS, METRIC_LABELS, kindLabel, kindParam, kindsOf, parseKindParam } from "@/lib/dashboard/metrics";
import { chartLabels } from "@/lib/dashboard/labels";
import { firstParam, positiveIntParam, type SearchParams } from "@/lib/dashboard/params";
import { reportPeriod } from "@/lib/dashboard/report-meta";
import { CHART_REGION_LIMIT, kindRanking, overview, parseOverviewFilters } from "@/lib/queries/overview";

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const lang = parseLang(firstParam(await searchParams, "lang"));
  return { title: lang === "en" ? "Overview: party mobilization against COVID-19 by region" : "概览：各地党组织抗疫动员" };
}

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection(); // read the database at request time, never at build time
  const params = await searchParams;
  const lang = parseLang(firstParam(params, "lang"));
  const query = (firstParam(params, "q") ?? "").trim().slice(0, 40);
  const requested = positiveIntParam(params, "page");
  const filters = parseOverviewFilters(firstParam(params, "province"), firstParam(params, "level"));
  const data = await overview(query, requested.value, filters);
  const chosen = parseKindParam(firstParam(params, "kind"));
  const rankings = await Promise.all(HEADLINE_METRICS.map((metric) => kindRanking(metric, chosen.kinds[metric], CHART_REGION_LIMIT)));
  const pageInvalid = requested.invalid || data.page !== requested.value;
  const filterParams = { q: query || undefined, province: filters.province, level: filters.level };
  const path = localHref("/", "zh", { ...filterParams, page: data.page > 1 ? String(data.page) : undefined });

  return (
    <>
      <SiteHeader lang={lang} path={path} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6">
        <h1 className="text-2xl font-semibold">{t(lang, "siteName")} <span className="text-stone-600">{lang === "zh" ? "Mobilization Atlas" : "动员图谱"}</span></h1>
        <p className="mt-1 text-stone-600">{t(lang, "tagline")}</p>

        <form action="/" method="get" role="search" className="mt-5 flex flex-wrap gap-2">
          <label htmlFor="region-search" className="sr-only">{t(lang, "searchRegions")}</label>
          <input id="region-search" name="q" type="search" defaultValue={query} placeholder={t(lang, "searchPlaceholder")}
            className="min-w-0 flex-1 rounded border border-stone-300 bg-white px-3 py-2" maxLength={40} />
          <label htmlFor="province-filter" className="sr-only">{t(lang, "provinceFilter")}</label>
          <select id="province-filter" name="province" defaultValue={filters.province ?? ""} className="rounded border border-stone-300 bg-white px-2 py-2">
            <option value="">{t(lang, "allProvinces")}</option>
            {data.provinces.map((province) => <option key={province} value={province}>{province}</option>)}
          </select>
          <label htmlFor="level-filter" className="sr-only">{t(lang, "levelFilter")}</label>
          <select id="level-filter" name="level" defaultValue={filters.level ?? ""} className="rounded border border-stone-300 bg-white px-2 py-2">
            <option value="">{t(lang, "allLevels")}</option>
            {REGION_LEVELS.map((level) => <option key={level} value={level}>{LEVEL_LABELS[level][lang]}</option>)}
          </select>
          {lang === "en" && <input type="hidden" name="lang" value="en" />}
          <button type="submit" className="rounded bg-sky-800 px-4 py-2 text-white">{t(lang, "search")}</button>
        </form>
        {chosen.invalid.length > 0 && <div className="mt-3"><Notice>{lang === "en" ? `Unknown kind “${chosen.invalid.join(", ")}”; showing each family's preferred kind.` : `未知口径“${chosen.invalid.join("，")}”，已显示各类别的首选口径。`}</Notice></div>}
        {pageInvalid && <div className="mt-3"><Notice>{lang === "en" ? `Page “${firstParam(params, "page")}” does not exist; showing page ${data.page}.` : `第“${firstParam(params, "page")}”页不存在，已显示第 ${data.page} 页。`}</Notice></div>}

        <p className="mt-4 text-sm text-stone-600">{data.regionCount} {t(lang, "regionsFound")}{data.pageCount > 1 && ` · ${t(lang, "page")} ${data.page}/${data.pageCount}`}</p>
        {data.cards.length === 0 && <p className="mt-2 text-stone-600">{t(lang, "noRegions")}</p>}
        <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="region-cards">
          {data.cards.map((card) => (
            <li key={card.slug} className="rounded border border-stone-200 bg-white p-4">
              <Link href={localHref(`/regions/${card.slug}`, lang)} className="text-lg font-medium text-sky-900 hover:underline">{regionName(card, lang)}</Link>
              <div className="text-sm text-stone-600">{regionChain(card)} · {LEVEL_LABELS[card.level][lang]}{lang === "zh" ? ` · ${card.nameEn}` : ""}</div>
              <div className="mt-1 text-xs text-stone-600">
                {t(lang, "reportDate")}: {card.latestReport?.publishedAt ?? "—"} · {t(lang, "period")}: <span data-testid="card-period">{reportPeriod(card.latestReport?.period ?? null, card.latestReport?.periodBasis ?? null, lang)}</span> · {t(lang, "outlet")}: {card.latestReport?.outlet ?? "—"}
              </div>
              <dl className="mt-3 grid grid-cols-1 gap-x-3 gap-y-1 text-sm min-[420px]:grid-cols-2">
                {HEADLINE_METRICS.map((metric) => (
                  <div key={metric} className="flex flex-wrap justify-between gap-x-2">
                    <dt className="text-stone-600">{METRIC_LABELS[metric][lang]}</dt>
                    <dd className="font-medium">{card.headlines[metric] ? <Cite fact={card.headlines[metric]!} lang={lang} /> : <span className="text-stone-600"><span aria-hidden>—</span><span className="sr-only">{t(lang, "noFigure")}</span></span>}</dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ul>
        {data.pageCount > 1 && (
          <nav className="mt-4 flex gap-4 text-sm" aria-label="pagination">
            {data.page > 1 && <Link href={localHref("/", lang, { ...filterParams, page: String(data.page - 1) })}>← {t(lang, "previous")}</Link>}
            {data.page < data.pageCount && <Link href={localHref("/", lang, { ...filterParams, page: String(data.page + 1) })}>{t(lang, "next")} →</Link>}
          </nav>
        )}

        <h2 className="mt-10 text-xl font-semibold">{t(lang, "headlines")}</h2>
        <p className="mt-1 text-xs text-stone-600">{HEADLINE_RULE[lang]} {t(lang, "figuresShown")}</p>
        <div className="mt-4 grid gap-4 lg:grid-cols-2">
          {rankings.map(({ metric, kind, ranked, reportedCount, notReported, notReportedCount }) => {
            const kindName = kindLabel(metric, kind, lang);
            return (
              <section key={metric} aria-label={`${METRIC_LABELS[metric][lang]} · ${kindName}`} data-testid={`overview-kind-${metric}`}>
                <nav className="mb-2 flex flex-wrap gap-1 text-xs" aria-label={`${METRIC_LABELS[metric][lang]} · ${t(lang, "kind")}`}>
                  {kindsOf(metric).map((option) => (
                    <Link key={option.id} href={localHref("/", lang, { q: query || undefined, kind: kindParam({ ...chosen.kinds, [metric]: option.id }) })}
                      aria-current={option.id === kind ? "true" : undefined}
                      className={`rounded border px-2 py-0.5 ${option.id === kind ? "border-sky-800 bg-sky-800 text-white" : "border-stone-300 hover:bg-stone-100"}`}>
                      {option.name[lang]}
                    </Link>
                  ))}
                </nav>
                <FigureChart
                  spec={buildChartSpec({
                    id: `overview-${metric}`,
                    lang,
                    // One kind, one unit per chart: a region without a figure of this kind is "not reported", never
                    // shown with a figure of another kind.
                    title: `${METRIC_LABELS[metric][lang]} · ${kindName} · ${lang === "en" ? "by region" : "各地区对比"}`,
                    unit: ranked[0]?.fact.unit ?? "",
                    note: reportedCount > ranked.length ? t(lang, "topRegions", { n: ranked.length, total: reportedCount }) : undefined,
                    series: [kindName],
                    rows: ranked.map((entry) => ({ label: regionName(entry.region, "zh"), figures: [chartFigure(entry.fact)] })),
                    sources: ranked.map((entry) => entry.source),
                    fileName: `overview-${metric}-${kind}`,
                  })}
                  csvHref={`/api/regions?format=csv&metric=${metric}&kind=${kind}`}
                  labels={chartLabels(lang)}
                />
                {notReportedCount > 0 && (
                  <p className="mt-1 text-xs text-stone-500" data-testid={`not-reported-${metric}`}>
                    {t(lang, "notReported")}（{kindName}）: {notReported.map((region) => regionName(region, lang)).join(lang === "en" ? ", " : "、")}
                    {notReportedCount > notReported.length ? ` … (${notReportedCount})` : ""}
                  </p>
                )}
                <p className="mt-1 text-xs"><a href={localHref("/methodology", lang)} className="text-stone-500 underline">{t(lang, "methodology")}</a></p>
              </section>
            );
          })}
        </div>
      </main>
    </>
  );
}
