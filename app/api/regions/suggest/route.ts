// GET /api/regions/suggest?q=临&lang=en: up to ten regions with reports whose names match, for the compare pickers.
import { connection } from "next/server";
import { parseLang, provinceName, regionName } from "@/lib/dashboard/i18n";
import { apiRoute } from "@/lib/dashboard/responses";
import { regionSuggestions } from "@/lib/queries/compare";

export const GET = apiRoute(async function GET(request: Request) {
  await connection();
  const url = new URL(request.url);
  const lang = parseLang(url.searchParams.get("lang"));
  const regions = await regionSuggestions(url.searchParams.get("q") ?? "");
  return Response.json({
    regions: regions.map((region) => ({ slug: region.slug, label: regionName(region, lang), province: provinceName(region.province, lang) })),
  });
});
