import type { FactView } from "../queries/shared";

// CSV for spreadsheets: UTF-8 with a BOM so that Excel shows Chinese, RFC 4180 quoting.
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const cell = (value: string | number | null | undefined) => {
    const text = value === null || value === undefined ? "" : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return "\uFEFF" + [header, ...rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}


export const FACT_CSV_HEADER = ["region", "region_slug", "metric", "subject", "scope", "value", "unit", "approximation", "figure", "restates", "quote", "source"] as const;

/** One CSV row per figure, with the quote and an absolute link to its sentence. */
export function factCsvRow(region: { name: string; slug: string }, fact: FactView, origin: string): (string | number | null)[] {
  return [region.name, region.slug, fact.metric, fact.subject, fact.scope, fact.value, fact.unit, fact.approx, fact.figure, fact.restates ? "yes" : "no", fact.quote, `${origin}${fact.href}`];
}
