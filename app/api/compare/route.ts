// GET /api/compare?a=<slug>&b=<slug>[&metric=][&format=csv]: two regions' figures aligned by family, kind and
// scope (each fact with metric, kind, scope {type, name}, partOf, restates; headlines with their kind).
import { connection } from "next/server";
import { factCsvRow, FACT_CSV_HEADER } from "@/lib/dashboard/csv";
import { HEADLINE_METRICS, isHeadlineMetric } from "@/lib/dashboard/metrics";
import { apiRoute, csvResponse, jsonError, linkOrigin, wantsCsv } from "@/lib/dashboard/responses";
import { regionComparison } from "@/lib/queries/compare";

export const GET = apiRoute(async function GET(request: Request) {
  await connection();
  const url = new URL(request.url);
  const a = url.searchParams.get("a");
  const b = url.searchParams.get("b");
  const metric = url.searchParams.get("metric");
  if (!a || !b) return jsonError(400, "give two regions: /api/compare?a=<slug>&b=<slug>");
  if (metric !== null && !isHeadlineMetric(metric)) return jsonError(400, `unknown metric “${metric}”`);
  const comparison = await regionComparison(a, b);
  if (!comparison) return jsonError(404, "unknown region");
  const metrics = metric ? [metric] : HEADLINE_METRICS;
  if (wantsCsv(url)) {
    const rows = metrics.flatMap((name) =>
      comparison.metrics[name].flatMap((row) => [
        ...(row.a ? [factCsvRow(comparison.a.region, row.a, linkOrigin(request), comparison.a.headlines[name]?.id === row.a.id)] : []),
        ...(row.b ? [factCsvRow(comparison.b.region, row.b, linkOrigin(request), comparison.b.headlines[name]?.id === row.b.id)] : []),
        // Further figures of the same kind and scope: each figure once, as on the region page.
        ...row.othersOf.a.map((fact) => factCsvRow(comparison.a.region, fact, linkOrigin(request))),
        ...row.othersOf.b.map((fact) => factCsvRow(comparison.b.region, fact, linkOrigin(request))),
      ]),
    );
    return csvResponse(`compare-${a}-${b}${metric ? `-${metric}` : ""}.csv`, FACT_CSV_HEADER, rows);
  }
  return Response.json({ a: comparison.a, b: comparison.b, metrics: Object.fromEntries(metrics.map((name) => [name, comparison.metrics[name]])) });
});
