import { notFound } from "next/navigation";
import { connection } from "next/server";
import Link from "next/link";
import { FactTable } from "@/components/FactTable";
import { FigureChart } from "@/components/charts/FigureChart";
import { HeadlineFigures } from "@/components/HeadlineFigures";
import { HighlightedSentence } from "@/components/ReportText";
import { RepairList } from "@/components/RepairList";
import { SiteHeader } from "@/components/SiteHeader";
import { buildChartSpec } from "@/lib/charts/spec";
import { regionMetricRows, scopedFacts, unitGroups } from "@/lib/dashboard/charts";
import { Cite } from "@/components/Cite";
import { LEVEL_LABELS, localHref, parseLang, provinceName, regionName, t } from "@/lib/dashboard/i18n";
import { formatDate } from "@/lib/dashboard/format";
import type { Metadata } from "next";
import { chartLabels } from "@/lib/dashboard/labels";
import { ALL_METRICS, METRIC_LABELS, METRIC_UNITS, kindLabel, scopeLabel } from "@/lib/dashboard/metrics";
import { firstParam, type SearchParams } from "@/lib/dashboard/params";
import { firstWords, reportDate, reportPeriod, reportTitle } from "@/lib/dashboard/report-meta";
import { regionDashboard } from "@/lib/queries/region";

export async function generateMetadata({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const lang = parseLang(firstParam(query, "lang"));
  const data = await regionDashboard(decodeURIComponent(slug));
  if (!data) return { title: t(lang, "notFound") };
  const { region } = data;
  return { title: lang === "en" ? `${regionName(region, lang)}, ${provinceName(region.province, lang)}: party mobilization figures` : `${region.name}（${region.province}）党组织抗疫动员数字` };
}

export default async function RegionPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  await connection();
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const lang = parseLang(firstParam(query, "lang"));
  const data = await regionDashboard(decodeURIComponent(slug));
  if (!data) notFound();
  const { region, reports } = data;
  const openings = new Map(data.documents.map((document) => [document.report.id, firstWords(document.sentences.map((s) => s.text).join(""))]));
  const metrics = ALL_METRICS.filter((metric) => data.factsByMetric[metric]?.length);

  return (
    <>
      <SiteHeader lang={lang} path={`/regions/${region.slug}`} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6">
        <h1 className="text-2xl font-semibold">{regionName(region, lang)}</h1>
        <p className="text-stone-600" data-testid="region-chain">
          {region.chain.map((parent) => (
            <span key={parent.slug}><Link href={localHref(`/regions/${parent.slug}`, lang)} className="hover:underline">{parent.name}</Link> › </span>
          ))}
          {region.name} · {LEVEL_LABELS[region.level][lang]} · {region.nameEn}
        </p>
        <p className="mt-2 text-sm">
          <Link href={localHref("/compare", lang, { a: region.slug })} className="text-sky-800 hover:underline">{t(lang, "compare")} →</Link>
        </p>

        <section className="mt-4 space-y-1 text-sm" aria-label={t(lang, "reports")}>
          {reports.map((report) => (
            <p key={report.id}>
              <Link href={localHref(`/reports/${report.id}`, lang)} className="font-medium text-sky-900 hover:underline">{reportTitle(report.title, lang)}</Link>
              {report.title === null && <span className="text-stone-600"> ({openings.get(report.id)})</span>}
              <span className="text-stone-600"> · {t(lang, "outlet")}: {report.outlet ?? "—"} · {t(lang, "reportDate")}: {reportDate(report.publishedAt, report.datePrecision, lang)} · {t(lang, "period")}: {reportPeriod(report.period, report.periodBasis, lang)} · {t(lang, "authors")}: {report.authors.join("、") || "—"}</span>
            </p>
          ))}
        </section>

        <h2 className="mt-6 mb-2 text-lg font-semibold">{t(lang, "headlines")}</h2>
        <HeadlineFigures headlines={data.headlines} lang={lang} />

        <div className="mt-6 grid gap-4 lg:grid-cols-2">
          {metrics.flatMap((metric) =>
            unitGroups(data.factsByMetric[metric]!).map(({ unit, facts }, index) => (
              <FigureChart
                key={`${metric}-${unit}`}
                spec={buildChartSpec({
                  id: `region-${metric}${index ? `-${index}` : ""}`,
                  lang,
                  title: `${regionName(region, lang)} · ${METRIC_LABELS[metric][lang]}`,
                  unit: unit || METRIC_UNITS[metric][lang],
                  series: [regionName(region, lang)],
                  rows: regionMetricRows(facts, lang),
                  sources: reports.filter((report) => facts.some((fact) => fact.reportId === report.id)),
                  fileName: `region-${region.slug}-${metric}${index ? `-${index}` : ""}`,
                })}
                csvHref={`/api/regions/${region.slug}/facts?format=csv&metric=${metric}`}
                labels={chartLabels(lang)}
              />
            )),
          )}
        </div>

        {scopedFacts(data.facts).length > 0 && (
          <section className="mt-6" data-testid="scoped-figures">
            <h2 className="mb-2 text-lg font-semibold">{t(lang, "scopedFigures")}</h2>
            <ul className="space-y-1 text-sm">
              {scopedFacts(data.facts).map((fact) => (
                <li key={fact.id}>
                  <span className="text-stone-500">{scopeLabel(fact.scope.type, lang)}{fact.scope.name ? `：${fact.scope.name}` : ""} · </span>
                  {METRIC_LABELS[fact.metric][lang]} · {kindLabel(fact.metric, fact.kind, lang)} · <Cite fact={fact} lang={lang} /> {fact.subject}
                </li>
              ))}
            </ul>
          </section>
        )}
        <p className="mt-2 text-xs"><a href={localHref("/methodology", lang)} className="text-stone-500 underline">{t(lang, "methodology")}</a></p>

        <h2 className="mt-8 mb-2 text-lg font-semibold">{t(lang, "allFacts")}</h2>
        <FactTable facts={data.facts} lang={lang} csvHref={`/api/regions/${region.slug}/facts?format=csv`} />

        {data.documents.map((document) => (
          <section key={document.report.id} className="mt-8">
            <h2 className="mb-2 text-lg font-semibold">{t(lang, "reportText")}: {reportTitle(document.report.title, lang)}</h2>
            <div className="report-text rounded border border-stone-200 bg-white p-4 leading-8">
              {document.sentences.map((sentence) => (
                <span key={sentence.index}>
                  <HighlightedSentence sentence={sentence} reportId={document.report.id} lang={lang} linkFigures />{" "}
                </span>
              ))}
            </div>
            <div className="mt-3"><RepairList repairs={document.repairs} lang={lang} /></div>
          </section>
        ))}
      </main>
    </>
  );
}
