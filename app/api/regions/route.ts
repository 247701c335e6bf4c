// GET /api/regions[?q=&page=&province=&level=]: region cards with their headline figures (JSON).
// GET /api/regions?format=csv&metric=funds[&kind=dues]: every region's headline figure for one metric, or its figure
// of one kind (CSV).
import { connection } from "next/server";
import { factCsvRow, FACT_CSV_HEADER } from "@/lib/dashboard/csv";
import { isHeadlineMetric, kindsOf } from "@/lib/dashboard/metrics";
import { apiRoute, csvResponse, jsonError, linkOrigin, wantsCsv } from "@/lib/dashboard/responses";
import { overview, headlineRanking, kindRanking, parseOverviewFilters } from "@/lib/queries/overview";

export const GET = apiRoute(async function GET(request: Request) {
  await connection();
  const url = new URL(request.url);
  if (wantsCsv(url)) {
    const metric = url.searchParams.get("metric") ?? "";
    if (!isHeadlineMetric(metric)) return jsonError(400, "metric must be one of branches, volunteers, funds, checkpoints");
    const kind = url.searchParams.get("kind");
    if (kind !== null) {
      // One kind across regions (the overview's charts): each region's figure of that kind.
      if (!kindsOf(metric).some((k) => k.id === kind)) return jsonError(400, `kind must be one of ${kindsOf(metric).map((k) => k.id).join(", ")}`);
      const { ranked } = await kindRanking(metric, kind, 100_000);
      return csvResponse(`regions-${metric}-${kind}.csv`, FACT_CSV_HEADER, ranked.map((entry) => factCsvRow(entry.region, entry.fact, linkOrigin(request))));
    }
    const ranked = await headlineRanking(metric);
    return csvResponse(`regions-${metric}.csv`, FACT_CSV_HEADER, ranked.map((entry) => factCsvRow(entry.region, entry.fact, linkOrigin(request), true)));
  }
  const page = Number(url.searchParams.get("page") ?? 1);
  const filters = parseOverviewFilters(url.searchParams.get("province") ?? undefined, url.searchParams.get("level") ?? undefined);
  const data = await overview(url.searchParams.get("q") ?? "", Number.isSafeInteger(page) ? page : 1, filters);
  return Response.json({ regionCount: data.regionCount, page: data.page, pageCount: data.pageCount, regions: data.cards });
});
