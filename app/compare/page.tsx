import Link from "next/link";
import { connection } from "next/server";
import { FigureChart } from "@/components/charts/FigureChart";
import { Cite } from "@/components/Cite";
import { Notice } from "@/components/Notice";
import { SiteHeader } from "@/components/SiteHeader";
import { buildChartSpec } from "@/lib/charts/spec";
import { axisUnit, comparisonRows, PALETTE } from "@/lib/dashboard/charts";
import { HEADLINE_RULE } from "@/lib/dashboard/headline";
import { localHref, parseLang, provinceName, regionName, subjectGloss, t } from "@/lib/dashboard/i18n";
import type { Metadata } from "next";
import { chartLabels } from "@/lib/dashboard/labels";
import { HEADLINE_METRICS, METRIC_LABELS, METRIC_UNITS, kindLabel, scopeLabel, type Lang } from "@/lib/dashboard/metrics";
import type { AlignedRow, ComparisonSide } from "@/lib/queries/compare";
import { firstParam, type SearchParams } from "@/lib/dashboard/params";
import { periodNote } from "@/lib/dashboard/report-meta";
import { comparePair, regionComparison, type PairProblem, type PairRequest, type RegionChoice, type ResolvedPair } from "@/lib/queries/compare";
import { RegionPicker } from "@/components/RegionPicker";
import { redirect } from "next/navigation";

function pairRequest(params: SearchParams): PairRequest {
  return { a: firstParam(params, "a"), b: firstParam(params, "b"), a0: firstParam(params, "a0"), b0: firstParam(params, "b0") };
}

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const params = await searchParams;
  const lang = parseLang(firstParam(params, "lang"));
  const pair = await comparePair(pairRequest(params));
  const name = (region: RegionChoice | undefined) => (region ? regionName(region, lang) : "—");
  return { title: lang === "en" ? `Compare ${name(pair.a)} and ${name(pair.b)}` : `对比 ${name(pair.a)} 与 ${name(pair.b)}` };
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const params = await searchParams;
  const lang = parseLang(firstParam(params, "lang"));
  const pair = await comparePair(pairRequest(params));
  if (pair.redirect) redirect(localHref("/compare", lang, { a: pair.a?.slug, b: pair.b?.slug }));
  const comparison = pair.a && pair.b ? await regionComparison(pair.a.slug, pair.b.slug) : null;
  const path = localHref("/compare", "zh", { a: pair.a?.slug, b: pair.b?.slug });
  const periods = comparison && periodNote(comparison.a, comparison.b, lang);

  return (
    <>
      <SiteHeader lang={lang} path={path} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6">
        <h1 className="text-2xl font-semibold">{t(lang, "compare")}</h1>
        {pair.problems.length > 0 && (
          <div className="mt-3" data-testid="pair-problems">
            <Notice>
              {pair.problems.map((problem, index) => <PairProblemNote key={index} problem={problem} pair={pair} lang={lang} />)}
            </Notice>
          </div>
        )}

        <form key={`${pair.a?.slug}-${pair.b?.slug}`} action="/compare" method="get" className="mt-4 flex flex-wrap items-end gap-3" aria-label={t(lang, "compare")}>
          {(["a", "b"] as const).map((key) => (
            <RegionPicker key={key} name={key} lang={lang} label={t(lang, key === "a" ? "regionA" : "regionB")} region={pair[key] ? { slug: pair[key]!.slug, label: regionName(pair[key]!, lang) } : null} />
          ))}
          {lang === "en" && <input type="hidden" name="lang" value="en" />}
          <button type="submit" className="rounded bg-sky-800 px-4 py-2 text-white">{t(lang, "show")}</button>
          {pair.a && pair.b && (
            <Link href={localHref("/compare", lang, { a: pair.b.slug, b: pair.a.slug })} className="rounded border border-stone-300 px-3 py-2 text-sm hover:bg-stone-100" data-testid="swap">
              ⇄ {t(lang, "swap")}
            </Link>
          )}
        </form>

        {comparison && (
          <>
            {differences(comparison.a, comparison.b, lang).map((note) => <p key={note} className="mt-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm" data-testid="comparability-note">{note}</p>)}
            <p className="mt-4 text-xs text-stone-500">{HEADLINE_RULE[lang]} {t(lang, "scopedNote")} <a href={localHref("/methodology", lang)} className="underline">{t(lang, "methodology")}</a></p>
            {periods && <p className="mt-2 text-sm text-amber-800" data-testid="period-note">{periods}</p>}
            <div className="mt-4 grid gap-6">
              {HEADLINE_METRICS.map((metric) => {
                const rows = comparison.metrics[metric];
                const sides = [comparison.a, comparison.b];
                return (
                  <section key={metric} aria-labelledby={`h-${metric}`} className="min-w-0">
                    <h2 id={`h-${metric}`} className="text-lg font-semibold">{METRIC_LABELS[metric][lang]}</h2>
                    <dl className="mt-2 grid grid-cols-2 gap-3" data-testid={`headline-${metric}`}>
                      {sides.map((side, index) => (
                        <div key={side.region.slug} className="min-w-0 rounded border border-stone-200 bg-white p-3">
                          <dt className="flex items-center gap-1.5 text-xs text-stone-600">
                            <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: PALETTE[index] }} />
                            {regionName(side.region, lang)}
                          </dt>
                          <dd className="mt-1 text-xl font-semibold">
                            {side.headlines[metric] ? <Cite fact={side.headlines[metric]!} lang={lang} /> : <span className="text-base font-normal text-stone-600">{t(lang, "noFigure")}</span>}
                          </dd>
                          {side.headlines[metric] && <dd className="truncate text-xs text-stone-600" data-testid={`compare-headline-kind-${metric}`}>{kindLabel(metric, side.headlines[metric]!.kind, lang)} · {side.headlines[metric]!.subject}</dd>}
                        </div>
                      ))}
                    </dl>
                    <div className="mt-3">
                      <FigureChart
                        spec={buildChartSpec({
                          id: `compare-${metric}`,
                          lang,
                          title: `${METRIC_LABELS[metric][lang]}: ${regionName(comparison.a.region, lang)} / ${regionName(comparison.b.region, lang)}`,
                          // Region-wide figures only, and only those in the family's unit: sub-region, unit and
                          // per-unit figures are listed apart below, never drawn beside a region's total.
                          unit: chartRows(rows)[0] ? axisUnit((chartRows(rows)[0].a ?? chartRows(rows)[0].b)!.unit) : METRIC_UNITS[metric][lang],
                          series: sides.map((side) => regionName(side.region, lang)),
                          rows: comparisonRows(chartRows(rows), lang),
                          sources: sides.flatMap((side) => side.reports.filter((report) => rows.some((row) => [row.a, row.b].some((fact) => fact?.reportId === report.id)))),
                          fileName: `compare-${comparison.a.region.slug}-${comparison.b.region.slug}-${metric}`,
                        })}
                        csvHref={`/api/compare?a=${comparison.a.region.slug}&b=${comparison.b.region.slug}&metric=${metric}&format=csv`}
                        labels={chartLabels(lang)}
                      />
                    </div>
                    <ComparisonTable rows={rows} lang={lang} metric={metric} />
                  </section>
                );
              })}
            </div>
          </>
        )}
      </main>
    </>
  );
}

/** One line on a picker's text that named no region, or several (each a link to the comparison it would make). */
function PairProblemNote({ problem, pair, lang }: { problem: PairProblem; pair: ResolvedPair; lang: Lang }) {
  if (problem.kind === "same") return <span className="block">{lang === "en" ? "Pick two different regions." : "请选择两个不同的地区。"}</span>;
  if (problem.kind === "unknown") return <span className="block">{lang === "en" ? `No region with reports is called “${problem.text}”.` : `没有名为“${problem.text}”且有报道的地区。`}</span>;
  const other = pair.a?.slug ?? pair.b?.slug;
  return (
    <span className="block">
      {lang === "en" ? `“${problem.text}” names several regions: ` : `“${problem.text}”对应多个地区：`}
      {problem.candidates.map((candidate, index) => (
        <span key={candidate.slug}>
          {index > 0 && (lang === "en" ? ", " : "、")}
          <Link href={localHref("/compare", lang, { a: candidate.slug, b: other === candidate.slug ? undefined : other })} className="underline">
            {regionName(candidate, lang)} ({provinceName(candidate.province, lang)})
          </Link>
        </span>
      ))}
    </span>
  );
}

/** Notes that the two regions are of different levels (county vs prefecture) or their reports of different years. */
function differences(a: ComparisonSide, b: ComparisonSide, lang: Lang): string[] {
  const notes: string[] = [];
  if (a.region.level !== b.region.level) notes.push(t(lang, "levelsDiffer", { a: a.region.level, b: b.region.level }));
  const years = (side: ComparisonSide) => [...new Set(side.reports.map((r) => r.publishedAt?.slice(0, 4)).filter(Boolean))].sort().join("/");
  const [ya, yb] = [years(a), years(b)];
  if (ya && yb && ya !== yb) notes.push(t(lang, "periodsDiffer", { a: ya, b: yb }));
  return notes;
}

/**
 * Every figure of the family, each once as on the region page: rows by kind and scope, region-wide rows first, then
 * sub-region, unit and per-unit rows apart with their names.
 */
function ComparisonTable({ rows, lang, metric }: { rows: AlignedRow[]; lang: Lang; metric: string }) {
  if (rows.length === 0) return null;
  const figures = (row: AlignedRow, which: "a" | "b") => {
    const own = [row[which], ...row.othersOf[which]].filter((fact) => fact !== null);
    return own.length ? own.map((fact) => <span key={fact.id} className="mr-2 inline-block"><Cite fact={fact} lang={lang} /></span>) : <span className="text-stone-500">{t(lang, "notReported")}</span>;
  };
  const scoped = rows.some((row) => row.scope.type !== "region");
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid={`compare-table-${metric}`}>
        <thead className="bg-stone-100 text-xs text-stone-600">
          <tr><th className="px-3 py-1">{t(lang, "kind")}</th><th className="px-3 py-1">{t(lang, "scope")}</th><th className="px-3 py-1">A</th><th className="px-3 py-1">B</th></tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.key} className={`border-t border-stone-100 align-top ${row.scope.type !== "region" && rows[index - 1]?.scope.type === "region" ? "border-t-2 border-stone-300" : ""}`} data-scope={row.scope.type}>
              <td className="px-3 py-1">{kindLabel(row.metric, row.kind, lang)}</td>
              <td className="px-3 py-1 text-xs">{row.scope.type === "region" ? t(lang, "regionWide") : `${scopeLabel(row.scope.type, lang)}${row.scope.name ? `：${row.scope.name}` : ""}`}</td>
              <td className="px-3 py-1">{figures(row, "a")}</td>
              <td className="px-3 py-1">{figures(row, "b")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {scoped && <p className="mt-1 text-xs text-stone-500">{t(lang, "scopedFigures")}</p>}
    </div>
  );
}

/** The rows the chart draws: region-wide only, in the unit most of them use (one unit per chart; the table has all). */
function chartRows(rows: AlignedRow[]): AlignedRow[] {
  const regionWide = rows.filter((row) => row.scope.type === "region");
  const unitOf = (row: AlignedRow) => axisUnit((row.a ?? row.b)!.unit);
  const counts = new Map<string, number>();
  for (const row of regionWide) counts.set(unitOf(row), (counts.get(unitOf(row)) ?? 0) + 1);
  const unit = [...counts].sort((x, y) => y[1] - x[1])[0]?.[0];
  // a and b of one row share a kind but may differ in unit (个 / 处): a row is drawn only when both fit.
  return regionWide.filter((row) => [row.a, row.b].every((fact) => !fact || axisUnit(fact.unit) === unit));
}
