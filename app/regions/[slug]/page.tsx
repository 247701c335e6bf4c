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
import { regionMetricRows } from "@/lib/dashboard/charts";
import { LEVEL_LABELS, localHref, parseLang, regionName, t } from "@/lib/dashboard/i18n";
import { chartLabels } from "@/lib/dashboard/labels";
import { ALL_METRICS, METRIC_LABELS, METRIC_UNITS } from "@/lib/dashboard/metrics";
import { firstParam, type SearchParams } from "@/lib/dashboard/params";
import { regionDashboard } from "@/lib/queries/region";

export default async function RegionPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  await connection();
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const lang = parseLang(firstParam(query, "lang"));
  const data = await regionDashboard(decodeURIComponent(slug));
  if (!data) notFound();
  const { region, reports } = data;
  const metrics = ALL_METRICS.filter((metric) => data.factsByMetric[metric]?.length);

  return (
    <>
      <SiteHeader lang={lang} path={`/regions/${region.slug}`} />
      <main className="mx-auto max-w-6xl px-4 py-6">
        <h1 className="text-2xl font-semibold">{regionName(region, lang)}</h1>
        <p className="text-stone-600">{region.province} · {LEVEL_LABELS[region.level][lang]} · {region.nameEn}</p>
        <p className="mt-2 text-sm">
          <Link href={localHref("/compare", lang, { a: region.slug })} className="text-sky-800 hover:underline">{t(lang, "compare")} →</Link>
        </p>

        <section className="mt-4 space-y-1 text-sm" aria-label={t(lang, "reports")}>
          {reports.map((report) => (
            <p key={report.id}>
              <Link href={localHref(`/reports/${report.id}`, lang)} className="font-medium text-sky-900 hover:underline">{report.title}</Link>
              <span className="text-stone-600"> · {t(lang, "outlet")}: {report.outlet ?? "—"} · {t(lang, "reportDate")}: {report.publishedAt ?? "—"} · {t(lang, "authors")}: {report.authors.join("、") || "—"}</span>
            </p>
          ))}
        </section>

        <h2 className="mt-6 mb-2 text-lg font-semibold">{t(lang, "headlines")}</h2>
        <HeadlineFigures headlines={data.headlines} lang={lang} />

        <div className="mt-6 grid gap-4 lg:grid-cols-2">
          {metrics.map((metric) => (
            <FigureChart
              key={metric}
              spec={buildChartSpec({
                id: `region-${metric}`,
                lang,
                title: `${region.name} · ${METRIC_LABELS[metric][lang]}`,
                unit: METRIC_UNITS[metric][lang],
                series: [region.name],
                rows: regionMetricRows(data.factsByMetric[metric]!),
                sources: reports.filter((report) => data.factsByMetric[metric]!.some((fact) => fact.reportId === report.id)),
                fileName: `region-${region.slug}-${metric}`,
              })}
              csvHref={`/api/regions/${region.slug}/facts?format=csv&metric=${metric}`}
              labels={chartLabels(lang)}
            />
          ))}
        </div>

        <h2 className="mt-8 mb-2 text-lg font-semibold">{t(lang, "allFacts")}</h2>
        <FactTable facts={data.facts} lang={lang} csvHref={`/api/regions/${region.slug}/facts?format=csv`} />

        {data.documents.map((document) => (
          <section key={document.report.id} className="mt-8">
            <h2 className="mb-2 text-lg font-semibold">{t(lang, "reportText")}: {document.report.title}</h2>
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
