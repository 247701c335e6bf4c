// GET /api/regions/<slug>/facts[?metric=][&format=csv]: every figure of a region with its quote and source.
import { connection } from "next/server";
import { factCsvRow, FACT_CSV_HEADER } from "@/lib/dashboard/csv";
import { isMetric } from "@/lib/dashboard/metrics";
import { apiRoute, csvResponse, jsonError, linkOrigin, wantsCsv } from "@/lib/dashboard/responses";
import { regionDashboard } from "@/lib/queries/region";

export const GET = apiRoute(async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const url = new URL(request.url);
  const { slug } = await params;
  const metric = url.searchParams.get("metric");
  if (metric !== null && !isMetric(metric)) return jsonError(400, `unknown metric “${metric}”`);
  const data = await regionDashboard(slug);
  if (!data) return jsonError(404, `unknown region “${slug}”`);
  const facts = metric ? data.facts.filter((fact) => fact.metric === metric) : data.facts;
  const headlineIds = new Set(Object.values(data.headlines).flatMap((fact) => (fact ? [fact.id] : [])));
  if (wantsCsv(url)) {
    return csvResponse(`region-${data.region.slug}${metric ? `-${metric}` : ""}.csv`, FACT_CSV_HEADER, facts.map((fact) => factCsvRow(data.region, fact, linkOrigin(request), headlineIds.has(fact.id))));
  }
  return Response.json({ region: data.region, reports: data.reports, headlines: data.headlines, facts });
});
