import type { FactView } from "../queries/shared";
import { regionChain } from "./i18n";

// CSV for spreadsheets: UTF-8 with a BOM so that Excel shows Chinese, RFC 4180 quoting. A text cell that a
// spreadsheet would run as a formula (it begins with =, +, -, @, a tab or a carriage return: OWASP's CSV
// injection rule) gets a leading apostrophe, which spreadsheets show as text; numbers are left as they are.
export function neutralizeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const cell = (value: string | number | null | undefined) => {
    const text = value === null || value === undefined ? "" : typeof value === "number" ? String(value) : neutralizeCell(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return "\uFEFF" + [header, ...rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}


export const FACT_CSV_HEADER = ["region", "region_slug", "region_level", "region_chain", "fact_id", "metric", "kind", "subject", "scope_type", "scope_name", "value", "unit", "approximation", "figure", "part_of", "restates", "headline_kind", "quote", "source", "status",
  "report_title", "report_url", "report_date", "date_precision", "period", "period_basis",
] as const;

/**
 * One CSV row per figure, with the quote and an absolute link to its sentence. part_of and restates are fact ids;
 * headline_kind is the kind when the figure is its region's headline; status says whether an editor checked it; the
 * report_* columns and period say which report it comes from, when it was published and of which period.
 */
export function factCsvRow(region: { name: string; slug: string; level?: string; chain?: { name: string }[] }, fact: FactView, origin: string, headline = false): (string | number | null)[] {
  return [region.name, region.slug, region.level ?? null, region.chain ? regionChain({ name: region.name, chain: region.chain }) : null, fact.id, fact.metric, fact.kind, fact.subject, fact.scope.type, fact.scope.name, fact.value, fact.unit, fact.approx, fact.figure, fact.partOf, fact.restates, headline ? fact.kind : null, fact.quote, `${origin}${fact.href}`, fact.status,
    fact.report.title, fact.report.url, fact.report.date, fact.report.datePrecision, fact.report.period, fact.report.periodBasis,
  ];
}
