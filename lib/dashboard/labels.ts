import type { ChartLabels } from "../../components/charts/FigureChart";
import { t } from "./i18n";
import type { Lang } from "./metrics";

export function chartLabels(lang: Lang): ChartLabels {
  return {
    downloadPng: t(lang, "downloadPng"),
    downloadCsv: t(lang, "downloadCsv"),
    dataTable: t(lang, "dataTable"),
    quote: t(lang, "quote"),
    value: t(lang, "value"),
    subject: t(lang, "subject"),
    empty: t(lang, "noFacts"),
    hint: t(lang, "figuresShown"),
  };
}
