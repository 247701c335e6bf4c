import Link from "next/link";
import { headers } from "next/headers";
import { connection } from "next/server";
import { ReextractButton } from "@/components/AdminActions";
import { RevertButton } from "@/components/RevertButton";
import { SiteHeader } from "@/components/SiteHeader";
import { currentEditor } from "@/lib/auth/server";
import { localHref, parseLang, t } from "@/lib/dashboard/i18n";
import { firstParam, type SearchParams } from "@/lib/dashboard/params";
import { historyEntries, reportDeletions } from "@/lib/queries/history";

export default async function HistoryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const query = await searchParams;
  const lang = parseLang(firstParam(query, "lang"));
  const editorFilter = firstParam(query, "editor")?.slice(0, 200) || undefined;
  const region = firstParam(query, "region")?.slice(0, 128) || undefined;
  const reportParam = firstParam(query, "report");
  const report = reportParam && /^[1-9]\d{0,9}$/.test(reportParam) ? Number(reportParam) : undefined;
  const [entries, deletions, viewer] = await Promise.all([
    historyEntries({ editor: editorFilter, region, report }),
    reportDeletions({ editor: editorFilter, region }),
    currentEditor(await headers()).catch(() => null),
  ]);
  const path = localHref("/history", lang, { editor: editorFilter, region, report: report?.toString() });
  return (
    <>
      <SiteHeader lang={lang} path={path} />
      <main className="mx-auto max-w-6xl px-4 py-6">
        <h1 className="text-2xl font-semibold">{t(lang, "historyTitle")}</h1>
        {viewer?.role === "admin" && <p className="mt-2"><ReextractButton label={t(lang, "reextractAll")} /></p>}
        <form method="get" action="/history" className="mt-3 flex flex-wrap items-end gap-3 text-sm" data-testid="history-filter">
          <label>{t(lang, "editor")}<input name="editor" defaultValue={editorFilter} className="ml-1 rounded border border-stone-300 px-2 py-1" /></label>
          <label>{t(lang, "region")}<input name="region" defaultValue={region} className="ml-1 rounded border border-stone-300 px-2 py-1" /></label>
          <label>{t(lang, "report")}<input name="report" defaultValue={report} inputMode="numeric" className="ml-1 w-20 rounded border border-stone-300 px-2 py-1" /></label>
          {lang === "en" && <input type="hidden" name="lang" value="en" />}
          <button type="submit" className="rounded border border-stone-300 px-3 py-1">{t(lang, "filter")}</button>
        </form>
        {entries.length === 0 ? <p className="mt-4 text-stone-600">{t(lang, "noChanges")}</p> : (
          <table className="mt-4 w-full text-left text-sm" data-testid="history-table">
            <thead className="bg-stone-100 text-xs text-stone-600">
              <tr><th className="px-2 py-1">{t(lang, "when")}</th><th className="px-2 py-1">{t(lang, "editor")}</th><th className="px-2 py-1">{t(lang, "report")}</th><th className="px-2 py-1">{t(lang, "change")}</th><th className="px-2 py-1">{t(lang, "reason")}</th><th /></tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} className="border-t border-stone-200 align-top" data-testid="history-row" data-action={entry.action}>
                  <td className="whitespace-nowrap px-2 py-1">{entry.at.slice(0, 16).replace("T", " ")}</td>
                  <td className="px-2 py-1">{entry.editor}</td>
                  <td className="px-2 py-1">
                    {entry.reportId ? <Link className="text-sky-800 hover:underline" href={localHref(`/reports/${entry.reportId}#s-${entry.sentenceIndex}`, lang)}>{entry.reportTitle}</Link> : <span>{entry.reportTitle} ({t(lang, "deleted")})</span>}
                    <span className="text-stone-500"> · {entry.regionSlug}</span>
                  </td>
                  <td className="px-2 py-1">
                    {entry.action} “{entry.figure}”{entry.after.value !== null && <> → {entry.after.metric} {entry.after.value} {entry.after.unit} {entry.after.subject}{entry.after.scope ? ` · ${entry.after.scope}` : ""}</>}
                    {entry.needsReview && <span className="ml-1 rounded bg-amber-100 px-1 text-xs">review</span>}
                  </td>
                  <td className="px-2 py-1" data-testid="history-reason">{entry.reason}</td>
                  <td className="px-2 py-1 text-xs">
                    {entry.revertedAt ? t(lang, "reverted", { who: entry.revertedBy ?? "" }) : viewer?.role === "admin" ? <RevertButton id={entry.id} label={t(lang, "revert")} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {deletions.length > 0 && (
          <>
            <h2 className="mt-6 font-semibold">{t(lang, "deleteReport")}</h2>
            <ul className="mt-2 text-sm" data-testid="history-deletions">
              {deletions.map((deletion) => (
                <li key={deletion.id}>{deletion.at.slice(0, 16).replace("T", " ")} · {deletion.editor} · {deletion.reportTitle} ({deletion.regionSlug}) · {deletion.reason}</li>
              ))}
            </ul>
          </>
        )}
      </main>
    </>
  );
}
