import { db } from "@/lib/db/client";

export interface RegionSummary {
  slug: string;
  name: string;
  nameEn: string;
  province: string;
}

export async function listRegions(): Promise<RegionSummary[]> {
  return db().region.findMany({
    where: { synthetic: false },
    select: { slug: true, name: true, nameEn: true, province: true },
    orderBy: { name: "asc" },
  });
}
