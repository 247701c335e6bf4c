// The citation line of a figure: what it is, where, which report (title, outlet, date), the page URL that lands on
// the figure itself, and the date the reader looked. Pure, so the page and the copy button build the same line.
import type { FactView } from "../queries/shared";
import { formatDate, formatFigure } from "./format";
import { regionName, t } from "./i18n";
import { METRIC_LABELS, type Lang } from "./metrics";

/** The line without its URL and access date (those are the reader's: origin and today), in `lang`. */
export function citationHead(fact: FactView, lang: Lang): string {
  const { source, report } = fact;
  const figure = formatFigure(fact.value, fact.unit, fact.approx, lang);
  const scope = fact.scope.name ? ` (${fact.scope.name})` : "";
  const what = `${METRIC_LABELS[fact.metric][lang]}: ${fact.subject}${scope}`;
  const region = regionName(source.region, lang);
  const title = report.title ?? t(lang, "untitled");
  const outlet = source.outlet ?? "—";
  const date = report.date ? formatDate(report.date, lang) : "—";
  if (lang === "en") {
    return `“${figure}” (${what}), ${region}. In: “${title}”, ${outlet}, ${date}. Mobilization Atlas.`;
  }
  return `“${figure}”（${what}），${region}。见《${title}》，${outlet}，${date}。动员图谱 Mobilization Atlas。`;
}
