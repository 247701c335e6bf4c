// How a report's headline, date, period and source link read on the pages. Pure: no database, no React.
import { periodsDiffer, type DatePrecision, type PeriodBasis } from "../extract/dates";
import { parseSourceUrl } from "../extract/source-url";
import { t } from "./i18n";
import type { Lang } from "./metrics";

const DESCRIPTION_CHARS = 40;

/** The report's own headline, or 无标题 / Untitled when it has none. */
export function reportTitle(title: string | null, lang: Lang): string {
  return title ?? t(lang, "untitled");
}

/** The first words of a report without a headline, as its description. */
export function firstWords(text: string): string {
  const words = text.replace(/\s+/g, " ").trim();
  return words.length > DESCRIPTION_CHARS ? `${words.slice(0, DESCRIPTION_CHARS)}…` : words;
}

/** 2020-02-16（精确到日）; "—" without a date. */
export function reportDate(publishedAt: string | null, precision: DatePrecision | null, lang: Lang): string {
  if (!publishedAt) return "—";
  const label = precision === "year" ? "precisionYear" : precision === "month" ? "precisionMonth" : "precisionDay";
  return `${publishedAt} (${t(lang, label)})`;
}

/** 2020-Q1, or 2022-Q4（据内容推断）; "—" without a period. */
export function reportPeriod(period: string | null, basis: PeriodBasis | null, lang: Lang): string {
  if (!period) return "—";
  return basis === "inferred" ? `${period} (${t(lang, "periodInferred")})` : period;
}

/** The source URL when it is safe to link (http or https), else null. */
export function linkableUrl(url: string | null): string | null {
  return url ? parseSourceUrl(url) : null;
}

/**
 * The one-line note a comparison carries when its two regions' reports are of different periods (2020-Q1 against
 * 2022-Q4); null when the periods agree or are unknown.
 */
export interface PeriodSide {
  region: { name: string };
  reports: { period: string | null }[];
}

export function periodNote(a: PeriodSide, b: PeriodSide, lang: Lang): string | null {
  const known = (side: PeriodSide) => [...new Set(side.reports.map((report) => report.period).filter((p): p is string => Boolean(p)))].sort();
  const [pa, pb] = [known(a), known(b)];
  if (!pa.some((x) => pb.some((y) => periodsDiffer(x, y)))) return null;
  return t(lang, "differentPeriods", { a: a.region.name, pa: pa.join(", "), b: b.region.name, pb: pb.join(", ") });
}
