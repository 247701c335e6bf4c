import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { headers } from "next/headers";
import { DeleteReportButton } from "@/components/AdminActions";
import { CorrectionPanel } from "@/components/CorrectionPanel";
import { HighlightedSentence } from "@/components/ReportText";
import { Notice } from "@/components/Notice";
import { currentEditor } from "@/lib/auth/server";
import { APPROX_LABELS, METRIC_LABELS } from "@/lib/dashboard/metrics";
import { RepairList } from "@/components/RepairList";
import { SiteHeader } from "@/components/SiteHeader";
import { localHref, parseLang, regionName, t, LEVEL_LABELS, regionChain } from "@/lib/dashboard/i18n";
import type { Metadata } from "next";
import { firstParam, type SearchParams } from "@/lib/dashboard/params";
import { firstWords, linkableUrl, reportDate, reportPeriod, reportTitle } from "@/lib/dashboard/report-meta";
import { reportDocument } from "@/lib/queries/report";

export async function generateMetadata({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const lang = parseLang(firstParam(query, "lang"));
  const document = /^\d{1,9}$/.test(id) ? await reportDocument(Number(id)) : null;
  if (!document) return { title: t(lang, "notFound") };
  return { title: `${reportTitle(document.report.title, lang)} · ${regionName(document.region, lang)}` };
}

export default async function ReportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  await connection();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const lang = parseLang(firstParam(query, "lang"));
  const document = /^\d{1,9}$/.test(id) ? await reportDocument(Number(id)) : null;
  if (!document) notFound();
  const { report, region } = document;
  // Editors see the correction panel; their pages are never cached (they carry a session cookie).
  const editor = await currentEditor(await headers()).catch(() => null);
  const sourceUrl = linkableUrl(report.sourceUrl);

  return (
    <>
      <SiteHeader lang={lang} path={`/reports/${report.id}`} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6">
        <p className="text-sm"><Link href={localHref(`/regions/${region.slug}`, lang)} className="text-sky-800 underline">← {regionName(region, lang)}</Link> <span className="text-stone-600">{regionChain(region)} · {LEVEL_LABELS[region.level][lang]}</span></p>
        <h1 className="mt-1 text-2xl font-semibold" data-testid="report-title">{reportTitle(report.title, lang)}</h1>
        {report.title === null && (
          <p className="mt-1 text-stone-600" data-testid="report-description">{t(lang, "untitledNote")} {firstWords(document.sentences.map((s) => s.text).join(""))}</p>
        )}
        <p className="mt-1 text-sm text-stone-600">
          {t(lang, "outlet")}: {report.outlet ?? "—"} · {t(lang, "reportDate")}: <span data-testid="report-date">{reportDate(report.publishedAt, report.datePrecision, lang)}</span> · {t(lang, "period")}: <span data-testid="report-period">{reportPeriod(report.period, report.periodBasis, lang)}</span> · {t(lang, "authors")}: {report.authors.join("、") || "—"} · {t(lang, "encoding")}: {report.encoding}
        </p>
        {sourceUrl && (
          <p className="mt-1 text-sm">
            {t(lang, "sourceLink")}: <a href={sourceUrl} rel="noopener nofollow" className="break-all text-sky-800 hover:underline" data-testid="source-url">{sourceUrl}</a>
          </p>
        )}

        <div className="mt-4">
          <input id="show-original" type="checkbox" className="peer mr-2 align-middle" data-testid="show-original" />
          <label htmlFor="show-original" className="text-sm">{t(lang, "showOriginal")}</label>
        </div>
        <div className="report-columns mt-3 rounded border border-stone-200 bg-white" data-testid="report-text" lang="zh-CN">
          <div className="report-column-heads hidden border-b border-stone-200 px-4 py-2 text-xs text-stone-600">
            <span>{t(lang, "clean")}</span>
            <span>{t(lang, "original")}</span>
          </div>
          {document.sentences.map((sentence) => (
            <div key={sentence.index} id={`s-${sentence.index}`} className="sentence scroll-mt-16 px-4 py-1.5 leading-7">
              <a href={`#s-${sentence.index}`} className="sentence-number" aria-label={`#${sentence.index}`}>{sentence.index}</a>
              <p className="sentence-clean" data-sentence={sentence.index}><HighlightedSentence sentence={sentence} reportId={report.id} lang={lang} linkFigures={false} /></p>
              <p className="sentence-original" lang="zh-Hant">{sentence.original}</p>
            </div>
          ))}
        </div>
        {editor && document.needsReview > 0 && <div className="mt-4"><Notice>{t(lang, "needsReview", { n: document.needsReview })}</Notice></div>}
        {editor && (
          <CorrectionPanel
            reportId={report.id}
            sentences={document.sentences.map(({ index, text, figures }) => ({ index, text, figures }))}
            metricLabels={Object.fromEntries(Object.entries(METRIC_LABELS).map(([key, value]) => [key, value[lang]]))}
            approxLabels={Object.fromEntries(Object.entries(APPROX_LABELS).map(([key, value]) => [key, value[lang]]))}
            labels={{
              title: t(lang, "correctFigures"), confirm: t(lang, "confirm"), notAFact: t(lang, "notAFact"), edit: t(lang, "edit"), addFigure: t(lang, "addFigure"),
              addSelected: t(lang, "addSelected"), sentenceNumber: t(lang, "sentenceNumber"), characters: t(lang, "characters"), metric: t(lang, "metric"),
              value: t(lang, "value"), unit: t(lang, "unit"), approximation: t(lang, "approximation"), scope: t(lang, "scope"), subject: t(lang, "subject"),
              reason: t(lang, "reason"), save: t(lang, "save"), cancel: t(lang, "cancel"), stale: t(lang, "staleFigure"), status: t(lang, "status"),
              statuses: { machine: t(lang, "statusMachine"), confirmed: t(lang, "statusConfirmed"), corrected: t(lang, "statusCorrected"), added: t(lang, "statusAdded") },
            }}
          />
        )}
        {editor?.role === "admin" && <p className="mt-4"><DeleteReportButton reportId={report.id} regionSlug={region.slug} label={t(lang, "deleteReport")} confirmText={t(lang, "deleteConfirm")} /></p>}
        <div className="mt-6"><RepairList repairs={document.repairs} lang={lang} /></div>
        <p className="mt-4 text-xs break-all text-stone-600">sha256 {report.sha256} · extractor {report.extractorVersion}</p>
      </main>
    </>
  );
}
