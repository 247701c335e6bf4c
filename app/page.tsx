import { connection } from "next/server";
import { listRegions } from "@/lib/queries/overview";

export default async function OverviewPage() {
  await connection(); // read the database at request time, never at build time
  const regions = await listRegions();
  return (
    <main className="mx-auto max-w-5xl p-6">
      <h1 className="text-2xl font-semibold">动员图谱 Mobilization Atlas</h1>
      <ul className="mt-4 grid gap-3 sm:grid-cols-2">
        {regions.map((region) => (
          <li key={region.slug} className="rounded border border-stone-200 bg-white p-4">
            <div className="font-medium">{region.name}</div>
            <div className="text-sm text-stone-500">{region.nameEn} · {region.province}</div>
          </li>
        ))}
      </ul>
      {regions.length === 0 && <p className="mt-4 text-stone-500">No reports ingested yet.</p>}
    </main>
  );
}
