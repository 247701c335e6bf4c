import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { SiteHeader } from "@/components/SiteHeader";
import { UploadForm, type UploadLabels } from "@/components/UploadForm";
import { currentEditor } from "@/lib/auth/server";
import { localHref, parseLang, t } from "@/lib/dashboard/i18n";
import { METRIC_LABELS } from "@/lib/dashboard/metrics";
import { firstParam, type SearchParams } from "@/lib/dashboard/params";

export default async function NewReportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const lang = parseLang(firstParam(await searchParams, "lang"));
  const path = localHref("/reports/new", lang);
  if (!(await currentEditor(await headers()))) redirect(localHref("/login", lang, { next: path }));
  const keys = ["reportFile", "orPaste", "sourceUrl", "dateOptional", "preview", "save", "region", "detectedRegion", "otherCandidates", "searchGazetteer", "title", "outlet", "authors", "encoding", "repairs", "before", "after", "sentences", "figures", "duplicateReport", "working", "chooseFile", "noFiguresFound", "metric", "value", "subject", "scope", "approximation"] as const;
  const labels = Object.fromEntries(keys.map((key) => [key, t(lang, key)])) as UploadLabels;
  return (
    <>
      <SiteHeader lang={lang} path={path} />
      <main className="mx-auto max-w-6xl px-4 py-6">
        <h1 className="text-2xl font-semibold">{t(lang, "uploadTitle")}</h1>
        <p className="mt-1 text-sm text-stone-600">{t(lang, "uploadNote")}</p>
        <UploadForm labels={labels} metricLabels={Object.fromEntries(Object.entries(METRIC_LABELS).map(([key, value]) => [key, value[lang]]))} lang={lang} />
      </main>
    </>
  );
}
