// GET /api/gazetteer?q=名称: regions of the gazetteer matching a name, pinyin or province (the upload's region picker).
import { searchGazetteer } from "@/lib/db/upload";

export function GET(request: Request) {
  const q = new URL(request.url).searchParams.get("q") ?? "";
  return Response.json({ regions: searchGazetteer(q.slice(0, 40)) });
}
