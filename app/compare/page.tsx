import Link from "next/link";
import { connection } from "next/server";
import { FigureChart } from "@/components/charts/FigureChart";
import { Cite } from "@/components/Cite";
import { Notice } from "@/components/Notice";
import { SiteHeader } from "@/components/SiteHeader";
import { buildChartSpec } from "@/lib/charts/spec";
import { comparisonRows, PALETTE } from "@/lib/dashboard/charts";
import { HEADLINE_RULE } from "@/lib/dashboard/headline";
import { localHref, parseLang, regionName, t } from "@/lib/dashboard/i18n";
import { chartLabels } from "@/lib/dashboard/labels";
import { HEADLINE_METRICS, METRIC_LABELS, METRIC_UNITS, type Lang } from "@/lib/dashboard/metrics";
import { firstParam, type SearchParams } from "@/lib/dashboard/params";
import { regionComparison, regionOptions, type RegionOption } from "@/lib/queries/compare";

/** Resolves the requested pair against the known regions; anything unusable falls back with a notice. */
function resolvePair(options: RegionOption[], a: string | undefined, b: string | undefined, lang: Lang) {
  const known = new Set(options.map((option) => option.slug));
  const notices: string[] = [];
  let first = a && known.has(a) ? a : undefined;
  let second = b && known.has(b) ? b : undefined;
  for (const [requested, resolved] of [[a, first], [b, second]] as const) {
    if (requested && !resolved) notices.push(lang === "en" ? `Unknown region “${requested}”.` : `未知地区“${requested}”。`);
  }
  if (first && second && first === second) {
    notices.push(lang === "en" ? "Pick two different regions." : "请选择两个不同的地区。");
    second = undefined;
  }
  first ??= options.find((option) => option.slug !== second)?.slug;
  second ??= options.find((option) => option.slug !== first)?.slug;
  return { a: first, b: second, notices };
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const params = await searchParams;
  const lang = parseLang(firstParam(params, "lang"));
  const options = await regionOptions();
  const pair = resolvePair(options, firstParam(params, "a"), firstParam(params, "b"), lang);
  const comparison = pair.a && pair.b ? await regionComparison(pair.a, pair.b) : null;
  const path = localHref("/compare", "zh", { a: pair.a, b: pair.b });

  return (
    <>
      <SiteHeader lang={lang} path={path} />
      <main className="mx-auto max-w-6xl px-4 py-6">
        <h1 className="text-2xl font-semibold">{t(lang, "compare")}</h1>
        {pair.notices.length > 0 && <div className="mt-3"><Notice>{pair.notices.join(" ")}</Notice></div>}

        <form key={`${pair.a}-${pair.b}`} action="/compare" method="get" className="mt-4 flex flex-wrap items-end gap-3" aria-label={t(lang, "compare")}>
          {(["a", "b"] as const).map((key) => (
            <label key={key} className="flex flex-col text-sm">
              <span className="text-stone-600">{t(lang, key === "a" ? "regionA" : "regionB")}</span>
              <select name={key} defaultValue={pair[key]} className="rounded border border-stone-300 bg-white px-2 py-2" data-testid={`pick-${key}`}>
                {options.map((option) => <option key={option.slug} value={option.slug}>{regionName(option, lang)}</option>)}
              </select>
            </label>
          ))}
          {lang === "en" && <input type="hidden" name="lang" value="en" />}
          <button type="submit" className="rounded bg-sky-800 px-4 py-2 text-white">{t(lang, "show")}</button>
          {pair.a && pair.b && (
            <Link href={localHref("/compare", lang, { a: pair.b, b: pair.a })} className="rounded border border-stone-300 px-3 py-2 text-sm hover:bg-stone-100" data-testid="swap">
              ⇄ {t(lang, "swap")}
            </Link>
          )}
        </form>

        {comparison && (
          <>
            <p className="mt-4 text-xs text-stone-500">{HEADLINE_RULE[lang]} {t(lang, "scopedNote")}</p>
            <div className="mt-4 grid gap-6">
              {HEADLINE_METRICS.map((metric) => {
                const rows = comparison.metrics[metric];
                const sides = [comparison.a, comparison.b];
                return (
                  <section key={metric} aria-labelledby={`h-${metric}`}>
                    <h2 id={`h-${metric}`} className="text-lg font-semibold">{METRIC_LABELS[metric][lang]}</h2>
                    <dl className="mt-2 grid grid-cols-2 gap-3" data-testid={`headline-${metric}`}>
                      {sides.map((side, index) => (
                        <div key={side.region.slug} className="rounded border border-stone-200 bg-white p-3">
                          <dt className="flex items-center gap-1.5 text-xs text-stone-500">
                            <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: PALETTE[index] }} />
                            {regionName(side.region, lang)}
                          </dt>
                          <dd className="mt-1 text-xl font-semibold">
                            {side.headlines[metric] ? <Cite fact={side.headlines[metric]!} lang={lang} /> : <span className="text-base font-normal text-stone-400">{t(lang, "noFigure")}</span>}
                          </dd>
                          {side.headlines[metric] && <dd className="truncate text-xs text-stone-600">{side.headlines[metric]!.subject}</dd>}
                        </div>
                      ))}
                    </dl>
                    <div className="mt-3">
                      <FigureChart
                        spec={buildChartSpec({
                          id: `compare-${metric}`,
                          lang,
                          title: `${METRIC_LABELS[metric][lang]}: ${comparison.a.region.name} / ${comparison.b.region.name}`,
                          unit: METRIC_UNITS[metric][lang],
                          series: sides.map((side) => side.region.name),
                          rows: comparisonRows(rows),
                          sources: sides.flatMap((side) => side.reports.filter((report) => rows.some((row) => [row.a, row.b].some((fact) => fact?.reportId === report.id)))),
                          fileName: `compare-${comparison.a.region.slug}-${comparison.b.region.slug}-${metric}`,
                        })}
                        csvHref={`/api/compare?a=${comparison.a.region.slug}&b=${comparison.b.region.slug}&metric=${metric}&format=csv`}
                        labels={chartLabels(lang)}
                      />
                    </div>
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
