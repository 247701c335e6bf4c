import type { ChartLabels } from "../../components/charts/FigureChart";
import { t } from "./i18n";
import type { Lang } from "./metrics";

export function chartLabels(lang: Lang): ChartLabels {
  return {
    downloadPng: t(lang, "downloadPng"),
    downloadSvg: t(lang, "downloadSvg"),
    downloadCsv: t(lang, "downloadCsv"),
    dataTable: t(lang, "dataTable"),
    subject: t(lang, "subject"),
    hint: t(lang, "chartHint"),
  };
}
